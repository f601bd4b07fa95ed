-- Which scoring policy serves each quarter (issue 25 case 13; docs/rules.md, "Which policy serves a
-- quarter"). The default reading of jtys-2022-1599 moved the window serving quarter Q from Q's own
-- first week to the first week of the month after Q (2026Q3 → October 2026). A quarter keeps the
-- policy it was fixed under: `recon due` fixes it (from the configured policy) when it first plans
-- the quarter's window, an official run fixes it in the transaction that marks it, a draft fixes it
-- before scoring. One policy per quarter; once the quarter has an official run or a score it can
-- never change (a deployment upgraded mid-year does not re-attribute a quarter already run).
CREATE TABLE recon.quarter_policies (
    quarter   text PRIMARY KEY CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
    policy    text NOT NULL CHECK (btrim(policy) <> ''),
    fixed_at  timestamptz NOT NULL,
    fixed_by  text NOT NULL CHECK (btrim(fixed_by) <> '')
);
COMMENT ON TABLE recon.quarter_policies IS '季度评分口径（对账窗口归属）：一季一个，正式对账或评分后不可更改';

-- Quarters run or scored before this migration were run under the earlier attribution (the window
-- in the quarter itself): they keep it, under the earlier reading's name of their policy.
INSERT INTO recon.quarter_policies (quarter, policy, fixed_at, fixed_by)
SELECT q.quarter,
       CASE
           WHEN s.policy IN ('jtys-2022-1599', 'jtys-2022-1599-calendar-week', 'jtys-2022-1599-keys', 'jtys-2022-1599-any-upload')
               THEN s.policy || '-own-quarter'
           WHEN s.policy = 'workplan-2023' THEN 'workplan-2023-second-month'
           WHEN s.policy IS NOT NULL THEN s.policy
           WHEN EXISTS (SELECT 1 FROM recon.runs r WHERE r.official_quarter = q.quarter AND r.official_window = 'rectification')
               THEN 'workplan-2023-second-month'
           ELSE 'jtys-2022-1599-own-quarter'
       END,
       now(), 'migration 0016 (run or scored before the month-after reading)'
FROM (SELECT official_quarter AS quarter FROM recon.runs WHERE official_quarter IS NOT NULL
      UNION SELECT quarter FROM recon.lists WHERE official
      UNION SELECT quarter FROM recon.scorings) q
LEFT JOIN LATERAL (SELECT policy FROM recon.scorings s WHERE s.quarter = q.quarter ORDER BY s.version DESC, s.id DESC LIMIT 1) s ON true;

-- Kept once the quarter has an official run or a score: neither changed nor removed.
CREATE FUNCTION recon.quarter_policies_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.quarter = OLD.quarter AND NEW.policy = OLD.policy THEN
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT 1 FROM recon.runs WHERE official_quarter = OLD.quarter)
       OR EXISTS (SELECT 1 FROM recon.scorings WHERE quarter = OLD.quarter) THEN
        RAISE EXCEPTION 'quarter % is served by policy % (fixed by %): it has official runs or scores, so its policy is kept',
            OLD.quarter, OLD.policy, OLD.fixed_by USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER quarter_policies_kept BEFORE UPDATE OR DELETE ON recon.quarter_policies
    FOR EACH ROW EXECUTE FUNCTION recon.quarter_policies_kept();
