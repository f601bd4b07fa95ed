-- The quarter as one lifecycle (docs/rules.md, "The quarter's lifecycle"):
--   official run → official list → rectification → draft scores → 公示 with objections → published.
-- Every invariant below is enforced here, by constraints, unique indexes and triggers, so that no
-- command, crash, race or retry can break it; the code goes through the same transitions.

-- 1. Official runs. A run is marked official in the transaction that completes it, by the
--    reconciler, when it finished inside the quarter's window and no other run is official for the
--    province, quarter and window. At most one per province, quarter and window kind
--    ('reconciliation': 每季度第一周, indicators 10 and 11; 'rectification': the 2023 annex's
--    每季度次月第一周 for indicator 11, used only by that policy).
ALTER TABLE recon.runs
    ADD COLUMN official_quarter text CHECK (official_quarter ~ '^[0-9]{4}Q[1-4]$'),
    ADD COLUMN official_window  text CHECK (official_window IN ('reconciliation', 'rectification')),
    ADD CONSTRAINT runs_official_both CHECK ((official_quarter IS NULL) = (official_window IS NULL)),
    ADD CONSTRAINT runs_official_completed CHECK (official_quarter IS NULL OR status = 'completed'),
    ADD CONSTRAINT runs_official_key UNIQUE (id, province_code, official_quarter, official_window);
CREATE UNIQUE INDEX runs_one_official
    ON recon.runs (province_code, official_quarter, official_window) WHERE official_quarter IS NOT NULL;
COMMENT ON COLUMN recon.runs.official_quarter IS '正式对账所属季度（NULL: 自查）';

-- An official run stays official: the mark is never moved or removed.
CREATE FUNCTION recon.runs_official_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.official_quarter IS NOT NULL AND (NEW.official_quarter IS DISTINCT FROM OLD.official_quarter
            OR NEW.official_window IS DISTINCT FROM OLD.official_window OR NEW.status <> OLD.status) THEN
        RAISE EXCEPTION 'run % is the official run of % (%): it cannot be changed', OLD.id, OLD.official_quarter, OLD.official_window
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER runs_official_frozen BEFORE UPDATE ON recon.runs
    FOR EACH ROW EXECUTE FUNCTION recon.runs_official_frozen();

-- 2. Official lists: the list of the official run, one per province, quarter and window. A list
--    whose run is not official for that quarter and window cannot be official (composite key).
ALTER TABLE recon.lists
    ADD COLUMN official_window text CHECK (official_window IN ('reconciliation', 'rectification'));

-- Lists issued before this migration: keep the earliest official list of a province and quarter,
-- mark its run official, and make the others self-checks (自查).
WITH ranked AS (
    SELECT l.id, l.run_id, l.quarter, row_number() OVER (PARTITION BY l.province_code, l.quarter ORDER BY l.issued_at, l.id) AS n
    FROM recon.lists l JOIN recon.runs r ON r.id = l.run_id
    WHERE l.official AND r.status = 'completed'
)
UPDATE recon.runs r SET official_quarter = ranked.quarter, official_window = 'reconciliation'
FROM ranked WHERE ranked.run_id = r.id AND ranked.n = 1;
UPDATE recon.lists l SET official_window = 'reconciliation'
FROM recon.runs r WHERE r.id = l.run_id AND l.official AND r.official_quarter = l.quarter;
UPDATE recon.lists SET official = false WHERE official AND official_window IS NULL;

ALTER TABLE recon.lists
    ADD CONSTRAINT lists_official_window CHECK (official = (official_window IS NOT NULL)),
    ADD CONSTRAINT lists_official_run FOREIGN KEY (run_id, province_code, quarter, official_window)
        REFERENCES recon.runs (id, province_code, official_quarter, official_window);
CREATE UNIQUE INDEX lists_one_official
    ON recon.lists (province_code, quarter, official_window) WHERE official;

-- 3. Scorings are versions: nothing is overwritten, nothing is deleted. Version 1 is the draft put
--    on public notice (公示); an accepted objection adds a correction version; a republication
--    after publication adds a republication version.
ALTER TABLE recon.scorings DROP CONSTRAINT scorings_quarter_key;
ALTER TABLE recon.scorings
    ADD COLUMN version     integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    ADD COLUMN kind        text NOT NULL DEFAULT 'draft' CHECK (kind IN ('draft', 'correction', 'republication')),
    ADD COLUMN based_on    bigint REFERENCES recon.scorings (id),
    ADD COLUMN reason      text,
    ADD COLUMN created_by  text NOT NULL DEFAULT 'recon',
    ADD CONSTRAINT scorings_quarter_version UNIQUE (quarter, version),
    ADD CONSTRAINT scorings_reason CHECK (kind = 'draft' OR (reason IS NOT NULL AND reason <> '' AND based_on IS NOT NULL));
COMMENT ON COLUMN recon.scorings.version IS '评价结果版本（1: 公示稿）';

CREATE FUNCTION recon.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% of recon.% is not allowed: scoring versions and publications are kept as written', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER scorings_keep BEFORE UPDATE OR DELETE ON recon.scorings
    FOR EACH ROW EXECUTE FUNCTION recon.refuse_change();
CREATE TRIGGER scores_keep BEFORE UPDATE OR DELETE ON recon.scores
    FOR EACH ROW EXECUTE FUNCTION recon.refuse_change();

-- 4. Objections (异议) during the public notice (第十一条: 对评价结果有异议的，可在公示期内提请核对修正).
CREATE TABLE recon.objections (
    id               bigserial PRIMARY KEY,
    quarter          text NOT NULL CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
    province_code    text NOT NULL REFERENCES recon.provinces (code),
    indicator        integer NOT NULL CHECK (indicator IN (10, 11, 12)),
    scoring_id       bigint NOT NULL REFERENCES recon.scorings (id),   -- the version objected to
    text             text NOT NULL CHECK (length(btrim(text)) > 0),
    raised_at        timestamptz NOT NULL,
    raised_by        text NOT NULL,
    status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
    decided_at       timestamptz,
    decided_by       text,
    decision_reason  text,
    correction_id    bigint REFERENCES recon.scorings (id),            -- the version an acceptance made
    CONSTRAINT objections_decided CHECK ((status = 'open') = (decided_at IS NULL)
        AND (status = 'open' OR (decided_by IS NOT NULL AND length(btrim(decision_reason)) > 0))
        AND ((status = 'accepted') = (correction_id IS NOT NULL)))
);
CREATE INDEX objections_quarter ON recon.objections (quarter, province_code);
COMMENT ON TABLE recon.objections IS '评价结果异议';

-- 5. Publications (公示期结束后，交通运输部以适当形式公布评价结果). One current publication per quarter;
--    a republication supersedes the current one and keeps it.
CREATE TABLE recon.publications (
    id             bigserial PRIMARY KEY,
    quarter        text NOT NULL CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
    scoring_id     bigint NOT NULL REFERENCES recon.scorings (id),
    published_at   timestamptz NOT NULL,
    published_by   text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('publication', 'republication')),
    reason         text,
    superseded_by  bigint REFERENCES recon.publications (id) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT publications_reason CHECK (kind = 'publication' OR length(btrim(reason)) > 0)
);
CREATE UNIQUE INDEX publications_one_current ON recon.publications (quarter) WHERE superseded_by IS NULL;
COMMENT ON TABLE recon.publications IS '评价结果公布';

-- The ranking (排名) of a publication, frozen with it.
CREATE TABLE recon.publication_ranks (
    publication_id       bigint NOT NULL REFERENCES recon.publications (id),
    province_code        text NOT NULL REFERENCES recon.provinces (code),
    rank                 integer NOT NULL CHECK (rank >= 1),
    subtotal_hundredths  integer NOT NULL CHECK (subtotal_hundredths BETWEEN 0 AND 1500),
    PRIMARY KEY (publication_id, province_code)
);
CREATE TRIGGER publication_ranks_keep BEFORE UPDATE OR DELETE ON recon.publication_ranks
    FOR EACH ROW EXECUTE FUNCTION recon.refuse_change();

-- A publication is never deleted, and only ever changes by being superseded once.
CREATE FUNCTION recon.publications_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.superseded_by IS NOT NULL OR NEW.superseded_by IS NULL
            OR (NEW.quarter, NEW.scoring_id, NEW.published_at, NEW.published_by, NEW.kind, NEW.reason)
               IS DISTINCT FROM (OLD.quarter, OLD.scoring_id, OLD.published_at, OLD.published_by, OLD.kind, OLD.reason) THEN
        RAISE EXCEPTION '% of publication % is not allowed: a publication is only ever superseded', TG_OP, OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER publications_keep BEFORE UPDATE OR DELETE ON recon.publications
    FOR EACH ROW EXECUTE FUNCTION recon.publications_keep();

-- No objection once a quarter is published, and only on a version of its own quarter.
CREATE FUNCTION recon.objections_in_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM recon.publications p WHERE p.quarter = NEW.quarter) THEN
        RAISE EXCEPTION 'the results of % are published: the public notice is over (第十一条)', NEW.quarter
            USING ERRCODE = 'check_violation';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM recon.scorings s WHERE s.id = NEW.scoring_id AND s.quarter = NEW.quarter) THEN
        RAISE EXCEPTION 'scoring % is not a version of %', NEW.scoring_id, NEW.quarter USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER objections_in_notice BEFORE INSERT ON recon.objections
    FOR EACH ROW EXECUTE FUNCTION recon.objections_in_notice();

-- An objection is decided once; its text and who raised it never change.
CREATE FUNCTION recon.objections_decide_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.status <> 'open'
            OR (NEW.quarter, NEW.province_code, NEW.indicator, NEW.scoring_id, NEW.text, NEW.raised_at, NEW.raised_by)
               IS DISTINCT FROM (OLD.quarter, OLD.province_code, OLD.indicator, OLD.scoring_id, OLD.text, OLD.raised_at, OLD.raised_by) THEN
        RAISE EXCEPTION 'objection % is % : it can only be decided once', OLD.id, OLD.status USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER objections_decide_once BEFORE UPDATE OR DELETE ON recon.objections
    FOR EACH ROW EXECUTE FUNCTION recon.objections_decide_once();
