-- Employers: a back-office user of role `recruiter` works for one or more companies and sees
-- only their records (src/admin/resources/company_scope.rs). The role CHECK widens by the
-- documented edit of the stored CREATE TABLE text (see 000028: it changes nothing on disk and
-- every stored role stays valid). Keep in step with the other backends' migrations.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql,
    'CHECK (role IN (''admin'', ''editor'', ''translator'', ''viewer''))',
    'CHECK (role IN (''admin'', ''editor'', ''translator'', ''viewer'', ''recruiter''))')
WHERE type = 'table' AND name = 'admin_users';
PRAGMA writable_schema = OFF;
CREATE TABLE company_members_schema_bump (x INTEGER);
DROP TABLE company_members_schema_bump;
PRAGMA writable_schema = RESET;

CREATE TABLE company_members (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    admin_user_id BIGINT NOT NULL REFERENCES admin_users (id) ON DELETE CASCADE,
    company_id BIGINT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (admin_user_id, company_id)
);
CREATE INDEX company_members_company_id_idx ON company_members (company_id);
