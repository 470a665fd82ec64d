DROP TRIGGER imports_ad_changes;
DROP TRIGGER imports_au_changes;
DROP TRIGGER imports_ai_changes;
