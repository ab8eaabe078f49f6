-- The official working-day calendar (DESIGN.md §5): only the exceptions to "Monday to Friday" are
-- stored: public holidays (working = false) and make-up working days on weekends (调休, working = true).
-- A year is covered only once its State Council notice is in; other years fall back to Monday–Friday.
CREATE TABLE working_calendar_year (
    year   integer PRIMARY KEY,
    source text NOT NULL
);

CREATE TABLE working_calendar_day (
    day     date PRIMARY KEY,
    working boolean NOT NULL,
    note    text    NOT NULL
);

INSERT INTO working_calendar_year (year, source) VALUES
    (2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）'),
    (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）');

INSERT INTO working_calendar_day (day, working, note)
SELECT d::date, false, h.note
FROM (VALUES
    ('2025-01-01', '2025-01-01', '元旦'),
    ('2025-01-28', '2025-02-04', '春节'),
    ('2025-04-04', '2025-04-06', '清明节'),
    ('2025-05-01', '2025-05-05', '劳动节'),
    ('2025-05-31', '2025-06-02', '端午节'),
    ('2025-10-01', '2025-10-08', '国庆节、中秋节'),
    ('2026-01-01', '2026-01-03', '元旦'),
    ('2026-02-15', '2026-02-23', '春节'),
    ('2026-04-04', '2026-04-06', '清明节'),
    ('2026-05-01', '2026-05-05', '劳动节'),
    ('2026-06-19', '2026-06-21', '端午节'),
    ('2026-09-25', '2026-09-27', '中秋节'),
    ('2026-10-01', '2026-10-07', '国庆节')
) AS h (first_day, last_day, note),
LATERAL generate_series(h.first_day::date, h.last_day::date, interval '1 day') AS d;

INSERT INTO working_calendar_day (day, working, note) VALUES
    ('2025-01-26', true, '春节调休上班'),
    ('2025-02-08', true, '春节调休上班'),
    ('2025-04-27', true, '劳动节调休上班'),
    ('2025-09-28', true, '国庆节、中秋节调休上班'),
    ('2025-10-11', true, '国庆节、中秋节调休上班'),
    ('2026-01-04', true, '元旦调休上班'),
    ('2026-02-14', true, '春节调休上班'),
    ('2026-02-28', true, '春节调休上班'),
    ('2026-05-09', true, '劳动节调休上班'),
    ('2026-09-20', true, '国庆节调休上班'),
    ('2026-10-10', true, '国庆节调休上班');
