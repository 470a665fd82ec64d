-- Employers: a back-office user of role `recruiter` works for one or more companies and sees
-- only their records (src/admin/resources/company_scope.rs). The role CHECK is replaced,
-- whatever PostgreSQL named it. Keep in step with the other backends' migrations.
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN
        SELECT con.conname AS name
        FROM pg_constraint con
        JOIN pg_class rel ON rel.oid = con.conrelid
        WHERE con.contype = 'c'
          AND rel.relnamespace = current_schema()::regnamespace
          AND rel.relname = 'admin_users'
          AND pg_get_constraintdef(con.oid) LIKE '%''translator''%'
    LOOP
        EXECUTE format('ALTER TABLE admin_users DROP CONSTRAINT %I', c.name);
    END LOOP;
END $$;
ALTER TABLE admin_users ADD CONSTRAINT admin_users_role_check
    CHECK (role IN ('admin', 'editor', 'translator', 'viewer', 'recruiter'));

CREATE TABLE company_members (
    id BIGSERIAL PRIMARY KEY,
    admin_user_id BIGINT NOT NULL REFERENCES admin_users (id) ON DELETE CASCADE,
    company_id BIGINT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (admin_user_id, company_id)
);
CREATE INDEX company_members_company_id_idx ON company_members (company_id);
