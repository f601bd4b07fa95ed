-- Every `recon due` pass (not --dry-run), for `recon health` and the metrics (issue 24 item 3):
-- which host ran it, for which instant (the real clock, or --now when pretending), how it ended
-- (0 done, 1 a step failed, 75 due work still held by another copy), its outcomes counted by step
-- and status, and the failures' one-line details (already free of secrets: DSNs are redacted).
CREATE TABLE recon.due_passes (
    id           bigserial PRIMARY KEY,
    host         text NOT NULL CHECK (host <> ''),
    pid          integer NOT NULL CHECK (pid > 0),
    plan_date    date NOT NULL,
    pass_at      timestamptz NOT NULL,          -- the instant the pass was for (now, or --now)
    pretended    boolean NOT NULL,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz NOT NULL CHECK (finished_at >= started_at),
    exit_code    integer NOT NULL CHECK (exit_code IN (0, 1, 75)),
    step_counts  jsonb NOT NULL,                -- {"reconcile": {"done": 3, "failed": 1}, …}
    failures     text[] NOT NULL DEFAULT '{}',
    CHECK ((exit_code = 1) = (cardinality(failures) > 0))
);
CREATE INDEX due_passes_pass_at ON recon.due_passes (pass_at DESC);
COMMENT ON TABLE recon.due_passes IS 'recon due 每次运行的结果（recon health 与监控指标）';
