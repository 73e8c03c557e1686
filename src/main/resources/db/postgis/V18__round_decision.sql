-- A round is 'open' until the college's decision on its ranking (Noordoostpolder §6) is recorded, then 'decided':
-- the date and reference of the decision, who recorded it and when, and the ranking with its allocation as it stood
-- then (JSON as text, not jsonb, so its bytes and the SHA-256 the audit row names stay exactly as written). A decided
-- round's entries are frozen. Rounds from before were never decided: they become 'open'.
ALTER TABLE application_round
    ADD COLUMN status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided')),
    ADD COLUMN decided_on         date,
    ADD COLUMN decision_reference text,
    ADD COLUMN decided_by         text,
    ADD COLUMN decided_at         timestamptz,
    ADD COLUMN decided_ranking    text,
    ADD CONSTRAINT application_round_decision CHECK (
        (status = 'decided') = (decided_on IS NOT NULL AND decision_reference IS NOT NULL AND decided_by IS NOT NULL
                                AND decided_at IS NOT NULL AND decided_ranking IS NOT NULL));
