-- The back office lists imports and counts its scopes again when one changes (see 000015).
-- Keep in step with the other backends' migrations.
CREATE SEQUENCE imports_changes;
CREATE TRIGGER imports_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON imports
    FOR EACH STATEMENT EXECUTE FUNCTION count_change('imports_changes');
