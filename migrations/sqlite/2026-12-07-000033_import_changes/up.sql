-- The back office lists imports and counts its scopes again when one changes (see 000015).
-- Keep in step with the other backends' migrations.
INSERT INTO change_counters (name) VALUES ('imports');
CREATE TRIGGER imports_ai_changes AFTER INSERT ON imports BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'imports'; END;
CREATE TRIGGER imports_au_changes AFTER UPDATE ON imports BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'imports'; END;
CREATE TRIGGER imports_ad_changes AFTER DELETE ON imports BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'imports'; END;
