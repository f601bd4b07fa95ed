-- Reference schema of the PLATFORM (互联网道路运输便民政务服务系统, 便民政务系统): the business-handling
-- records (业务办理记录, online and offline) updated to it, matched against the ministry's by serial
-- number for indicator 12 (数据归集率).

CREATE TABLE IF NOT EXISTS business_records (
    row_id bigserial PRIMARY KEY,
    serial_no varchar,
    province_code text NOT NULL,
    item_type varchar,
    channel varchar,
    subject_key varchar,
    completed_at timestamptz,
    received_at timestamptz NOT NULL
);
COMMENT ON TABLE business_records IS '业务办理记录（便民政务系统）';
COMMENT ON COLUMN business_records.row_id IS '行号(代理键)';
COMMENT ON COLUMN business_records.serial_no IS '业务流水号（关键字段）';
COMMENT ON COLUMN business_records.province_code IS '办理省份行政区划代码';
COMMENT ON COLUMN business_records.item_type IS '业务事项类型';
COMMENT ON COLUMN business_records.channel IS '办理渠道(online 线上 / offline 线下)';
COMMENT ON COLUMN business_records.subject_key IS '业务办理主体';
COMMENT ON COLUMN business_records.completed_at IS '办结时间';
COMMENT ON COLUMN business_records.received_at IS '归集到便民政务系统的时间';
CREATE INDEX IF NOT EXISTS business_records_serial ON business_records (serial_no COLLATE "C");
