-- The ministry's recorded, reasoned extension of a quarter's reconciliation window (issue 25
-- case 9; docs/rules.md, "The window (每季度第一周)"): when the ministry's own system is down in the
-- window, every province would score 0 on 10 and 11 with no recourse; instead the ministry records
-- `recon window extend --quarter Q --until D --reason R`, shown in the bulletin. One per quarter,
-- kept for good (never updated or deleted), recorded before the quarter is drafted.
CREATE TABLE recon.window_extensions (
    quarter     text PRIMARY KEY CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
    until_day   date NOT NULL,                                  -- the last day (24:00 Beijing) of the extended window
    reason      text NOT NULL CHECK (btrim(reason) <> ''),
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL
);
COMMENT ON TABLE recon.window_extensions IS '对账窗口延长（部级系统故障等，记录理由）';

CREATE FUNCTION recon.window_extensions_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a window extension is kept as recorded (%, until %)', OLD.quarter, OLD.until_day;
END $$;
CREATE TRIGGER window_extensions_keep BEFORE UPDATE OR DELETE ON recon.window_extensions
    FOR EACH ROW EXECUTE FUNCTION recon.window_extensions_keep();
