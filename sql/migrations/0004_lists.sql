-- Rectification lists (整改清单) and the tracking of re-uploads (indicator 11, 对账整改率).
-- 11: 收到对账差异数据整改清单后，在5个工作日内上传更新数据记录的数量与差异数据记录总量的比率。

CREATE TABLE recon.lists (
    id                bigserial PRIMARY KEY,
    run_id            bigint NOT NULL UNIQUE REFERENCES recon.runs (id),  -- one list per run
    province_code     text NOT NULL REFERENCES recon.provinces (code),
    quarter           text NOT NULL CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
    official          boolean NOT NULL DEFAULT false,   -- issued from the quarter's official run
    issued_at         timestamptz NOT NULL,              -- the issue counts as its receipt
    deadline          timestamptz NOT NULL,              -- end (24:00 Beijing) of the 5th working day
    calendar_version  text NOT NULL,                     -- the working-day calendar that gave the deadline
    assumed_weekends  boolean NOT NULL DEFAULT false,    -- the deadline assumed ordinary weekends (opt-in)
    item_count        integer NOT NULL,
    first_download_at timestamptz                        -- shown as "received" by the portal
);
CREATE INDEX lists_province_quarter ON recon.lists (province_code, quarter);
COMMENT ON TABLE recon.lists IS '整改清单';

CREATE TABLE recon.list_items (
    list_id         bigint NOT NULL REFERENCES recon.lists (id) ON DELETE CASCADE,
    item_no         integer NOT NULL,                   -- 序号
    record_set      text NOT NULL,
    key_text        text NOT NULL,
    key_values      jsonb NOT NULL,
    category        text NOT NULL,
    ministry_count  integer NOT NULL,
    province_count  integer NOT NULL,
    fields          jsonb NOT NULL,
    -- Tracking (recon track): the first re-upload seen after the issue, kept once seen.
    reuploaded_at   timestamptz,                        -- 报送时间 of the re-upload (or of the cancellation)
    reupload_kind   text CHECK (reupload_kind IN ('reupload', 'deleted')),
    on_time         boolean,                            -- reuploaded_at < deadline (the exclusive end)
    resolved        boolean NOT NULL DEFAULT false,     -- the ministry row now matches the province
    resolved_at     timestamptz,
    checked_at      timestamptz,
    PRIMARY KEY (list_id, item_no)
);
CREATE INDEX list_items_open ON recon.list_items (list_id) WHERE reuploaded_at IS NULL;
COMMENT ON TABLE recon.list_items IS '整改清单条目';

CREATE TABLE recon.list_downloads (
    id            bigserial PRIMARY KEY,
    list_id       bigint NOT NULL REFERENCES recon.lists (id) ON DELETE CASCADE,
    downloaded_at timestamptz NOT NULL DEFAULT now(),
    who           text NOT NULL,
    format        text NOT NULL
);
COMMENT ON TABLE recon.list_downloads IS '整改清单下载记录';
