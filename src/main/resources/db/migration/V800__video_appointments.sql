-- Video-assisted service appointments (远程视频帮办, issue 13), the shape of it-at-m eappointment/ZMS.
-- An availability is one weekly time window of a department (optionally one item of it): the weekdays it repeats on
-- (bit 0 = Monday … bit 6 = Sunday), the window, the slot length and how many agents are on duty per slot
-- (capacity), and how far ahead booking opens (days) and closes (hours before the slot). Non-working days of the
-- official calendar (platform/calendar/WorkingCalendar) have no slots.
CREATE TABLE video_availability (
    id                  uuid        PRIMARY KEY,
    department_code     text        NOT NULL,
    item_code           text,
    weekdays            integer     NOT NULL CHECK (weekdays > 0 AND weekdays < 128),
    window_start        time        NOT NULL,
    window_end          time        NOT NULL CHECK (window_end > window_start),
    slot_minutes        integer     NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    capacity            integer     NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
    opens_days_ahead    integer     NOT NULL CHECK (opens_days_ahead BETWEEN 1 AND 180),
    closes_hours_before integer     NOT NULL CHECK (closes_hours_before BETWEEN 0 AND 720),
    valid_from          date        NOT NULL,
    valid_until         date,
    active              boolean     NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint      NOT NULL DEFAULT 0
);
CREATE INDEX video_availability_department ON video_availability (department_code) WHERE active;

-- One booking of one slot (availability + slot start). Capacity is taken by every appointment not CANCELLED, not
-- EXPIRED and not a HELD one past its hold; bookings of a slot are serialised by a row lock on the availability.
-- The description is the resident's own words about their matter: personal data, stored encrypted (SM4-GCM).
CREATE TABLE video_appointment (
    id               uuid        PRIMARY KEY,
    resident_id      uuid        NOT NULL,
    department_code  text        NOT NULL,
    item_code        text        NOT NULL,
    availability_id  uuid        NOT NULL REFERENCES video_availability (id),
    agent_staff_id   uuid,
    slot_start       timestamptz NOT NULL,
    slot_end         timestamptz NOT NULL,
    description_enc  bytea       NOT NULL,
    state            text        NOT NULL,
    hold_expires_at  timestamptz,
    booked_at        timestamptz,
    checked_in_at    timestamptz,
    called_at        timestamptz,
    started_at       timestamptz,
    finished_at      timestamptz,
    missed_at        timestamptz,
    cancelled_at     timestamptz,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    version          bigint      NOT NULL DEFAULT 0
);
-- One open booking per resident per item, whatever the concurrency.
CREATE UNIQUE INDEX video_appointment_open_per_item ON video_appointment (resident_id, item_code)
    WHERE state IN ('HELD', 'BOOKED', 'WAITING', 'CALLED', 'IN_SESSION');
CREATE INDEX video_appointment_slot ON video_appointment (availability_id, slot_start)
    WHERE state NOT IN ('CANCELLED', 'EXPIRED');
CREATE INDEX video_appointment_resident ON video_appointment (resident_id, slot_start);
CREATE INDEX video_appointment_department_day ON video_appointment (department_code, slot_start);
-- The scheduled jobs' scans: holds to expire, no-shows to record, reminders to send.
CREATE INDEX video_appointment_holds ON video_appointment (hold_expires_at) WHERE state = 'HELD';
CREATE INDEX video_appointment_open_slots ON video_appointment (slot_start) WHERE state IN ('BOOKED', 'WAITING');
CREATE INDEX video_appointment_resident_missed ON video_appointment (resident_id, missed_at) WHERE state = 'MISSED';

-- Reminders sent (at least once, never twice per appointment and kind: the key refuses the second).
CREATE TABLE video_appointment_reminder (
    appointment_id uuid        NOT NULL REFERENCES video_appointment (id),
    kind           text        NOT NULL,
    sent_at        timestamptz NOT NULL,
    PRIMARY KEY (appointment_id, kind)
);
