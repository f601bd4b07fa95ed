-- One open objection per quarter, province and indicator (issue 25 case 10; docs/rules.md,
-- "Public notice and objections (第十一条)"): a second objection on the same indicator waits for
-- the ministry's decision on the first. The portal checked this, the CLI did not; now the database
-- refuses it for every caller. A database already holding two open objections on one indicator
-- stops here, naming them: decide one (`recon objections accept|reject ID`) and migrate again.
DO $$
DECLARE twice text;
BEGIN
    SELECT string_agg(quarter || ' ' || province_code || ' 指标' || indicator || ' (objections ' || ids || ')', '; ')
      INTO twice
      FROM (SELECT quarter, province_code, indicator, string_agg(id::text, ', ' ORDER BY id) AS ids
              FROM recon.objections WHERE status = 'open'
             GROUP BY quarter, province_code, indicator HAVING count(*) > 1) d;
    IF twice IS NOT NULL THEN
        RAISE EXCEPTION 'two open objections on one indicator: %; decide all but one (recon objections accept|reject ID) before migrating', twice;
    END IF;
END $$;

CREATE UNIQUE INDEX objections_one_open ON recon.objections (quarter, province_code, indicator) WHERE status = 'open';
COMMENT ON INDEX recon.objections_one_open IS '每个指标同时只有一条待处理异议';
