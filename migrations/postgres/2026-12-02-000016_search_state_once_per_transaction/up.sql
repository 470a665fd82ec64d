-- The search version moves once per transaction instead of once per statement. It only has to
-- differ after the commit, and every update of the one row in the same transaction leaves a
-- version of it that the next update scans past: a bulk write (100,000 postings seeded or
-- imported in one transaction, several statements each) took quadratic time. The row keeps
-- the transaction that last moved it; a later statement of that transaction changes nothing.
ALTER TABLE search_state ADD COLUMN bumped_by BIGINT;

CREATE OR REPLACE FUNCTION bump_search_state() RETURNS trigger AS $$
BEGIN
    UPDATE search_state SET version = version + 1, bumped_by = txid_current()
        WHERE bumped_by IS DISTINCT FROM txid_current();
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
