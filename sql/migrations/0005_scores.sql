-- Quarterly scores of indicators 10–12. Rescoring a quarter replaces its scoring in one transaction.

CREATE TABLE recon.scorings (
    id                bigserial PRIMARY KEY,
    quarter           text NOT NULL UNIQUE CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
    policy            text NOT NULL,
    computed_at       timestamptz NOT NULL DEFAULT now(),
    calendar_version  text NOT NULL,
    results_due       date NOT NULL,     -- 第八条: 每季度次月第10个工作日出当季度评价结果
    notice_ends       date NOT NULL      -- 第十一条: 公示期为5个工作日
);
COMMENT ON TABLE recon.scorings IS '季度评分';

CREATE TABLE recon.scores (
    scoring_id        bigint NOT NULL REFERENCES recon.scorings (id) ON DELETE CASCADE,
    province_code     text NOT NULL REFERENCES recon.provinces (code),
    indicator         integer NOT NULL CHECK (indicator IN (10, 11, 12)),
    numerator         bigint,
    denominator       bigint,
    score_hundredths  integer NOT NULL CHECK (score_hundredths BETWEEN 0 AND 500),
    reason_code       text NOT NULL,
    reason            text NOT NULL,
    run_id            bigint REFERENCES recon.runs (id),
    list_id           bigint REFERENCES recon.lists (id),
    PRIMARY KEY (scoring_id, province_code, indicator)
);
COMMENT ON TABLE recon.scores IS '指标得分(10 对账差异率, 11 对账整改率, 12 数据归集率)';
