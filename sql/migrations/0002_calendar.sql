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

-- A notice may list days of the neighbouring year (a holiday period spilling over New Year):
-- each day is kept under the notice that listed it and applies on its own date.
CREATE TABLE recon.holiday_days (
    notice_year integer NOT NULL REFERENCES recon.holiday_notices (year) ON DELETE CASCADE,
    day         date NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name        text NOT NULL,
    PRIMARY KEY (notice_year, day),
    CHECK (abs(extract(year FROM day) - notice_year) <= 1)
);
COMMENT ON TABLE recon.holiday_days IS '放假日(holiday)与调休上班日(workday)';
