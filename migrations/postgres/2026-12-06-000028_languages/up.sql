-- Languages are configuration (LOCALES), not schema: the CHECK constraints that allowed only
-- en, de and uk go, whatever PostgreSQL named them. Keep in step with the other backends'
-- migrations.
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN
        SELECT rel.relname AS tbl, con.conname AS name
        FROM pg_constraint con
        JOIN pg_class rel ON rel.oid = con.conrelid
        WHERE con.contype = 'c'
          AND rel.relnamespace = current_schema()::regnamespace
          AND pg_get_constraintdef(con.oid) LIKE '%''uk''%'
          AND rel.relname IN ('companies', 'company_translations', 'jobs', 'job_translations',
                              'applications', 'admin_users', 'places', 'place_translations',
                              'skills', 'skill_translations')
    LOOP
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', c.tbl, c.name);
    END LOOP;
END $$;
