-- 好差评 (issue 15): invitations to rate a finished thing, the ratings, the rectifications of bad ones, the
-- department's notices and the monthly figures kept once a month has closed.

-- Something finished that its resident may rate once (一事一评): a decided or withdrawn application today; a video
-- session or a parcel later (subject_kind names the kind, subject_id which one, as its feature numbers it).
CREATE TABLE rating_invitation (
    id              uuid PRIMARY KEY,
    subject_kind    text NOT NULL,
    subject_id      text NOT NULL,
    resident_id     uuid NOT NULL,
    department_code text NOT NULL,
    item_code       text,
    item_name       text,
    channel         text NOT NULL,
    subject_state   text,
    finished_at     timestamptz NOT NULL,
    rate_by         timestamptz NOT NULL,
    rated           boolean NOT NULL DEFAULT false,
    CONSTRAINT rating_invitation_one_per_thing UNIQUE (subject_kind, subject_id, resident_id)
);
CREATE INDEX rating_invitation_open ON rating_invitation (resident_id, finished_at DESC, id DESC) WHERE NOT rated;

-- The rating: one per thing (the unique constraint is the last word on "one"). The appeal (申诉复核) lives on it: an
-- upheld one sets counted = false and keeps the row.
CREATE TABLE rating (
    id                     uuid PRIMARY KEY,
    invitation_id          uuid NOT NULL REFERENCES rating_invitation (id),
    subject_kind           text NOT NULL,
    subject_id             text NOT NULL,
    resident_id            uuid NOT NULL,
    department_code        text NOT NULL,
    item_code              text,
    item_name              text,
    channel                text NOT NULL,
    subject_state          text,
    level                  text NOT NULL,
    bad                    boolean NOT NULL,
    efficiency             text,
    guide_accuracy         text,
    convenience            text,
    usability              text,
    reasons                text,
    comment                text,
    rated_at               timestamptz NOT NULL,
    period                 text NOT NULL,
    amended_at             timestamptz,
    appeal_by              date,
    counted                boolean NOT NULL DEFAULT true,
    appeal_state           text,
    appeal_reason          text,
    appealed_at            timestamptz,
    appealed_by            uuid,
    appeal_decision_reason text,
    appeal_decided_at      timestamptz,
    appeal_decided_by      uuid,
    version                bigint NOT NULL,
    CONSTRAINT rating_one_per_thing UNIQUE (subject_kind, subject_id, resident_id),
    CONSTRAINT rating_one_per_invitation UNIQUE (invitation_id)
);
CREATE INDEX rating_by_department ON rating (department_code, rated_at DESC, id DESC);
CREATE INDEX rating_by_period ON rating (period, department_code, item_code);
CREATE INDEX rating_appeals_pending ON rating (appealed_at DESC, id DESC) WHERE appeal_state = 'PENDING';

-- 差评整改: opened by a bad rating, due in working days, fixed, followed up (回访) and rated by the resident.
CREATE TABLE rating_rectification (
    id                 uuid PRIMARY KEY,
    rating_id          uuid NOT NULL UNIQUE REFERENCES rating (id),
    department_code    text NOT NULL,
    item_code          text,
    period             text NOT NULL,
    state              text NOT NULL,
    opened_at          timestamptz NOT NULL,
    due_on             date NOT NULL,
    overdue_flagged_at timestamptz,
    fix                text,
    fixed_at           timestamptz,
    fixed_on_time      boolean,
    fix_days           double precision,
    fixed_by           uuid,
    follow_up_channel  text,
    follow_up_at       timestamptz,
    follow_up_result   text,
    verdict            text,
    closed_at          timestamptz,
    version            bigint NOT NULL
);
CREATE INDEX rating_rectification_by_department ON rating_rectification (department_code, opened_at DESC, id DESC);
CREATE INDEX rating_rectification_due ON rating_rectification (due_on) WHERE state = 'OPEN' AND overdue_flagged_at IS NULL;
CREATE INDEX rating_rectification_overdue ON rating_rectification (opened_at DESC, id DESC) WHERE overdue_flagged_at IS NOT NULL;
CREATE INDEX rating_rectification_by_period ON rating_rectification (period, department_code, item_code);

-- Messages to a department's staff (整改超期提醒), read by anyone of the department.
CREATE TABLE rating_staff_notice (
    id                uuid PRIMARY KEY,
    department_code   text NOT NULL,
    topic             text NOT NULL,
    rectification_id  uuid,
    subject_id        text,
    item_name         text,
    due_on            date,
    created_at        timestamptz NOT NULL,
    CONSTRAINT rating_staff_notice_once UNIQUE (topic, rectification_id)
);
CREATE INDEX rating_staff_notice_by_department ON rating_staff_notice (department_code, created_at DESC, id DESC);

-- The figures of a closed month as they were published (JSON of the public figures), so a month's figures stay what
-- they were when later changes (a late appeal decision) touch its ratings.
CREATE TABLE rating_month_figures (
    period      text NOT NULL,
    scope       text NOT NULL,
    figures     jsonb NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (period, scope)
);
