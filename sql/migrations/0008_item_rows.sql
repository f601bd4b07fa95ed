-- Every item locatable and suspected same records paired (issue 15; docs/rules.md, "Lists: every
-- item locatable" and "疑似同一记录").
--
-- rows: for an item that is not 核心字段不一致, the rows with its key on each side (at most 50 per
--   side), each {"side": "ministry"|"province", "values": [{"column","label","value"}]} with the raw
--   core-field values, so that a province can find a 部有省无/省有部无 record, every row of a
--   duplicated key and a row whose key is empty in its own system.
-- rows_total: how many rows there were (rows keeps at most 50 per side).
-- suspect_*: the other item of a suspected same record (疑似同一记录) and the hint shown with both;
--   the pairing never changes a count or a rate (indicator 10 counts records).

ALTER TABLE recon.differences
    ADD COLUMN rows         jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(rows) = 'array'),
    ADD COLUMN rows_total   integer NOT NULL DEFAULT 0 CHECK (rows_total >= 0),
    ADD COLUMN suspect_seq  bigint,
    ADD COLUMN suspect_hint text,
    ADD CONSTRAINT differences_suspect_pair CHECK ((suspect_seq IS NULL) = (suspect_hint IS NULL)),
    ADD CONSTRAINT differences_suspect_other CHECK (suspect_seq IS DISTINCT FROM seq),
    ADD CONSTRAINT differences_suspect_one_sided CHECK (
        suspect_seq IS NULL OR category IN ('ministry_only', 'province_only'));
-- A suspect is an item of the same run and record set.
ALTER TABLE recon.differences
    ADD CONSTRAINT differences_suspect_exists FOREIGN KEY (run_id, record_set, suspect_seq)
        REFERENCES recon.differences (run_id, record_set, seq) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE recon.list_items
    ADD COLUMN rows            jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(rows) = 'array'),
    ADD COLUMN rows_total      integer NOT NULL DEFAULT 0 CHECK (rows_total >= 0),
    ADD COLUMN suspect_item_no integer,
    ADD COLUMN suspect_hint    text,
    ADD CONSTRAINT list_items_suspect_pair CHECK ((suspect_item_no IS NULL) = (suspect_hint IS NULL)),
    ADD CONSTRAINT list_items_suspect_other CHECK (suspect_item_no IS DISTINCT FROM item_no),
    ADD CONSTRAINT list_items_suspect_exists FOREIGN KEY (list_id, suspect_item_no)
        REFERENCES recon.list_items (list_id, item_no) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    ADD CONSTRAINT list_items_suspect_one_sided CHECK (
        suspect_item_no IS NULL OR category IN ('ministry_only', 'province_only'));

COMMENT ON COLUMN recon.differences.rows IS '非核心字段不一致条目的记录内容(每侧最多50条)';
COMMENT ON COLUMN recon.differences.suspect_hint IS '疑似同一记录提示';
COMMENT ON COLUMN recon.list_items.rows IS '条目涉及记录的内容(每侧最多50条)';
COMMENT ON COLUMN recon.list_items.suspect_hint IS '疑似同一记录提示';
