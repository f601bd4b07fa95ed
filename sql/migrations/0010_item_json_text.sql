-- The portal's items API as stored text (issue 16, performance): each item's `fields` and `rows`
-- documents once more as JSON text without NULL members (jsonb_strip_nulls, the way the API leaves
-- out a missing value), kept by PostgreSQL itself (generated columns), so that a page of items is
-- spliced from stored text instead of being rendered from jsonb (or decoded and re-encoded) on
-- every request. `fields` and `rows` stay the documents of record.
ALTER TABLE recon.list_items
    ADD COLUMN fields_json text GENERATED ALWAYS AS (jsonb_strip_nulls(fields)::text) STORED,
    ADD COLUMN rows_json   text GENERATED ALWAYS AS (jsonb_strip_nulls(rows)::text) STORED;
COMMENT ON COLUMN recon.list_items.fields_json IS '字段差异(门户接口文本,空值省略)';
COMMENT ON COLUMN recon.list_items.rows_json IS '条目记录内容(门户接口文本,空值省略)';
