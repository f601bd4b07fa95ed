-- The portal's progress counts kept by PostgreSQL (issue 23 item 9, speed with 31 provinces): how
-- many items of each list are in each combination of (resolved, re-uploaded, on_time), maintained
-- by statement-level triggers on recon.list_items in the same transaction as every insert, update
-- and delete of items. The progress of a quarter's lists (the ministry's home page, /api/progress)
-- then reads a few rows per list instead of every item (each a wide row: its fields and records).
-- recon.list_items stays the record; ListProgressTallyTests checks the tallies equal its counts.
CREATE TABLE recon.list_item_tallies (
    list_id    bigint  NOT NULL REFERENCES recon.lists (id) ON DELETE CASCADE,
    resolved   boolean NOT NULL,
    reuploaded boolean NOT NULL,                 -- reuploaded_at IS NOT NULL
    on_time    smallint NOT NULL CHECK (on_time IN (0, 1, 2)),   -- on_time: 0 NULL, 1 true, 2 false
    items      integer NOT NULL CHECK (items >= 0),
    PRIMARY KEY (list_id, resolved, reuploaded, on_time)
);
COMMENT ON TABLE recon.list_item_tallies IS '整改清单条目计数(按整改状态,触发器维护)';

CREATE FUNCTION recon.list_item_tally_code(on_time boolean) RETURNS smallint
    LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN on_time IS NULL THEN 0 WHEN on_time THEN 1 ELSE 2 END::smallint $$;

-- Adds the rows of `added` (the statement's new rows), in key order (no deadlock between writers).
CREATE FUNCTION recon.list_item_tallies_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO recon.list_item_tallies AS t (list_id, resolved, reuploaded, on_time, items)
    SELECT list_id, resolved, reuploaded_at IS NOT NULL, recon.list_item_tally_code(on_time), count(*)
    FROM added GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (list_id, resolved, reuploaded, on_time) DO UPDATE SET items = t.items + excluded.items;
    RETURN NULL;
END $$;

-- Takes away the rows of `removed` (the statement's old rows). A list being deleted may already
-- have lost its tallies (ON DELETE CASCADE): nothing is left to take from.
CREATE FUNCTION recon.list_item_tallies_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE recon.list_item_tallies t SET items = t.items - r.n
    FROM (SELECT list_id, resolved, reuploaded_at IS NOT NULL AS reuploaded, recon.list_item_tally_code(on_time) AS on_time, count(*) AS n
          FROM removed GROUP BY 1, 2, 3, 4) r
    WHERE t.list_id = r.list_id AND t.resolved = r.resolved AND t.reuploaded = r.reuploaded AND t.on_time = r.on_time;
    RETURN NULL;
END $$;

-- An update moves items between tallies: first away from the old, then onto the new.
CREATE FUNCTION recon.list_item_tallies_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE recon.list_item_tallies t SET items = t.items - r.n
    FROM (SELECT list_id, resolved, reuploaded_at IS NOT NULL AS reuploaded, recon.list_item_tally_code(on_time) AS on_time, count(*) AS n
          FROM removed GROUP BY 1, 2, 3, 4) r
    WHERE t.list_id = r.list_id AND t.resolved = r.resolved AND t.reuploaded = r.reuploaded AND t.on_time = r.on_time;
    INSERT INTO recon.list_item_tallies AS t (list_id, resolved, reuploaded, on_time, items)
    SELECT list_id, resolved, reuploaded_at IS NOT NULL, recon.list_item_tally_code(on_time), count(*)
    FROM added GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (list_id, resolved, reuploaded, on_time) DO UPDATE SET items = t.items + excluded.items;
    RETURN NULL;
END $$;

CREATE TRIGGER list_item_tallies_insert AFTER INSERT ON recon.list_items
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION recon.list_item_tallies_add();
CREATE TRIGGER list_item_tallies_delete AFTER DELETE ON recon.list_items
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION recon.list_item_tallies_remove();
CREATE TRIGGER list_item_tallies_update AFTER UPDATE ON recon.list_items
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION recon.list_item_tallies_move();
-- TRUNCATE would bypass the row counts: refused (the project deletes lists, it never truncates items).
CREATE FUNCTION recon.list_items_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'recon.list_items cannot be truncated (recon.list_item_tallies counts its rows); delete the lists instead';
END $$;
CREATE TRIGGER list_items_no_truncate BEFORE TRUNCATE ON recon.list_items
    FOR EACH STATEMENT EXECUTE FUNCTION recon.list_items_no_truncate();

INSERT INTO recon.list_item_tallies (list_id, resolved, reuploaded, on_time, items)
SELECT list_id, resolved, reuploaded_at IS NOT NULL, recon.list_item_tally_code(on_time), count(*)
FROM recon.list_items GROUP BY 1, 2, 3, 4;
