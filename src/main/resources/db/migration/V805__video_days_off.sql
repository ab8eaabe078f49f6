-- 周末不打烊: a window may also serve on the official calendar's days off (weekends and public holidays), as halls
-- with weekend service do. Existing windows keep following the calendar.
ALTER TABLE video_availability ADD COLUMN on_days_off boolean NOT NULL DEFAULT false;
