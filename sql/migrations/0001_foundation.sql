-- recon results schema, foundation: provinces and runs.
-- Applied by `recon migrate`; the runner records each file in recon.schema_migrations.

CREATE SCHEMA IF NOT EXISTS recon;

COMMENT ON SCHEMA recon IS 'recon 部省对账引擎的结果库 (results of the ministry–province reconciliation engine)';

-- 省份 (GB/T 2260 province-level codes; 新疆生产建设兵团 has a code of its own, configurable).
CREATE TABLE recon.provinces (
    code        text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
    name        text NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE recon.provinces IS '省份';

-- 对账运行: one reconciliation of one province. A run is written in its own transaction as
-- 'running', and its results are written in one transaction that also marks it 'completed'; a
-- failed or killed run keeps only this row (marked 'failed', or left 'running' until reaped).
CREATE TABLE recon.runs (
    id              bigserial PRIMARY KEY,
    province_code   text NOT NULL REFERENCES recon.provinces (code),
    status          text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    record_sets     text[] NOT NULL,
    host            text,
    pid             integer,
    error           text
);
CREATE INDEX runs_province_started ON recon.runs (province_code, started_at);
COMMENT ON TABLE recon.runs IS '对账运行';
