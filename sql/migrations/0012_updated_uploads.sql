-- Indicator 11's "上传更新数据记录" (issue 25 case 6; docs/rules.md, "Tracking: re-uploads,
-- deletions, resolved items"): besides the first upload after the issue (reuploaded_at, any
-- upload), tracking records the first one that UPDATED the record — its values differ from those
-- stored at reconciliation, or the item is resolved — so that re-sending an unchanged record is
-- not rectification. Scoring counts updated_on_time by default, on_time under the named policy
-- jtys-2022-1599-any-upload.
ALTER TABLE recon.list_items
    ADD COLUMN updated_at      timestamptz,   -- 报送时间 of the first upload that changed the record or resolved the item
    ADD COLUMN updated_on_time boolean;       -- updated_at < the list's deadline

-- Items seen before this migration: a cancellation, or an upload that left the item resolved,
-- was an update; an upload still differing is left open (tracking looks at it again).
UPDATE recon.list_items SET updated_at = reuploaded_at, updated_on_time = on_time
WHERE reuploaded_at IS NOT NULL AND (reupload_kind = 'deleted' OR resolved);

CREATE INDEX list_items_not_updated ON recon.list_items (list_id) WHERE updated_at IS NULL;
