-- The back office lists imports and counts its scopes again when one changes (see 000015).
-- Keep in step with the other backends' migrations.
CREATE TRIGGER imports_ai_changes AFTER INSERT ON imports FOR EACH ROW INSERT INTO change_events (name) VALUES ('imports');
CREATE TRIGGER imports_au_changes AFTER UPDATE ON imports FOR EACH ROW INSERT INTO change_events (name) VALUES ('imports');
CREATE TRIGGER imports_ad_changes AFTER DELETE ON imports FOR EACH ROW INSERT INTO change_events (name) VALUES ('imports');
