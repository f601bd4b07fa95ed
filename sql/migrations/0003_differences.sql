-- Reconciliation results (indicator 10, 对账差异率). A run's counts and differences are written in
-- ONE transaction together with its status 'completed': a failed or killed run leaves nothing but
-- its run row.

ALTER TABLE recon.runs
    ADD COLUMN union_keys     bigint,   -- denominator: distinct keys on either side, all record sets
    ADD COLUMN differing_keys bigint,   -- numerator: keys with any difference, all record sets
    ADD COLUMN config_hash    text;     -- which record-set definitions produced the run

-- Counts per record set of a run.
CREATE TABLE recon.run_sets (
    run_id          bigint NOT NULL REFERENCES recon.runs (id) ON DELETE CASCADE,
    record_set      text NOT NULL,
    label           text NOT NULL,
    ministry_rows   bigint NOT NULL,
    province_rows   bigint NOT NULL,
    union_keys      bigint NOT NULL,
    differing_keys  bigint NOT NULL,
    ministry_only   bigint NOT NULL,   -- 部有省无
    province_only   bigint NOT NULL,   -- 省有部无
    field_mismatch  bigint NOT NULL,   -- 核心字段不一致
    duplicate_key   bigint NOT NULL,   -- 关键字段重复
    empty_key       bigint NOT NULL,   -- 关键字段为空
    seconds         numeric(12, 3),
    PRIMARY KEY (run_id, record_set)
);
COMMENT ON TABLE recon.run_sets IS '对账运行各数据类别的计数';

-- One row per differing key. `category` is the key's primary finding, by precedence
-- empty_key > duplicate_key > ministry_only / province_only > field_mismatch; the key counts once.
CREATE TABLE recon.differences (
    run_id          bigint NOT NULL REFERENCES recon.runs (id) ON DELETE CASCADE,
    record_set      text NOT NULL,
    seq             bigint NOT NULL,          -- order within the run and set (key order)
    key_text        text NOT NULL,            -- the normalised key, columns joined by ' / '
    key_values      jsonb NOT NULL,           -- {"plate_number": "豫A12345", "plate_colour": "2"} (normalised)
    category        text NOT NULL CHECK (category IN
                        ('ministry_only', 'province_only', 'field_mismatch', 'duplicate_key', 'empty_key')),
    ministry_count  integer NOT NULL,         -- rows with this key at the ministry
    province_count  integer NOT NULL,         -- rows with this key at the province
    fields          jsonb NOT NULL,           -- [{"column","label","ministry","province"}], raw values as stored
    PRIMARY KEY (run_id, record_set, seq)
);
CREATE INDEX differences_key ON recon.differences (run_id, record_set, key_text);
COMMENT ON TABLE recon.differences IS '对账差异记录(每个差异关键字一行)';
