DROP TRIGGER imports_changes ON imports;
DROP SEQUENCE imports_changes;
