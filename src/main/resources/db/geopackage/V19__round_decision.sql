-- A round is 'open' until the college's decision on its ranking (Noordoostpolder §6) is recorded, then 'decided';
-- see db/postgis/V18 for the columns. Rounds from before were never decided: they become 'open'. (SQLite adds no
-- constraint across columns to an existing table; the store writes all decision columns together.)
ALTER TABLE application_round ADD COLUMN status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided'));
ALTER TABLE application_round ADD COLUMN decided_on DATE;
ALTER TABLE application_round ADD COLUMN decision_reference TEXT;
ALTER TABLE application_round ADD COLUMN decided_by TEXT;
ALTER TABLE application_round ADD COLUMN decided_at DATETIME;
ALTER TABLE application_round ADD COLUMN decided_ranking TEXT;
