-- Working-day calendar: State Council holiday notices (国务院办公厅关于部分节假日安排的通知) loaded
-- with `recon calendar import`, beyond the years built into the binary. A revised notice for a year
-- replaces the old one; deadlines record the calendar version that produced them.

CREATE TABLE recon.holiday_notices (
    year        integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    source      text NOT NULL,
    version     text NOT NULL,
    loaded_at   timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE recon.holiday_notices IS '节假日安排通知(按年)';

CREATE TABLE recon.holiday_days (
    day     date PRIMARY KEY,
    year    integer NOT NULL REFERENCES recon.holiday_notices (year) ON DELETE CASCADE,
    kind    text NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name    text NOT NULL,
    CHECK (extract(year FROM day) = year)
);
COMMENT ON TABLE recon.holiday_days IS '放假日(holiday)与调休上班日(workday)';
