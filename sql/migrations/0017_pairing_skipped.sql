-- A skipped pairing of suspected same records (疑似同一记录, issue 25 case 12): when a record set
-- has more one-sided differences than the pairing's limit (20,000), pairing is not attempted; the
-- run records it so that `recon diff show`, the list's 汇总 sheet and the portal's list page say so
-- (a list without hints then does not read as "no suspected pairs"). NULL: pairing was done.
ALTER TABLE recon.run_sets
    ADD COLUMN suspect_pairing_skipped_over integer CHECK (suspect_pairing_skipped_over > 0);
COMMENT ON COLUMN recon.run_sets.suspect_pairing_skipped_over IS '疑似同一记录未配对：单边差异超过此数（NULL：已配对）';
