DROP TABLE company_members;
DELETE FROM admin_users WHERE role = 'recruiter';
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql,
    'CHECK (role IN (''admin'', ''editor'', ''translator'', ''viewer'', ''recruiter''))',
    'CHECK (role IN (''admin'', ''editor'', ''translator'', ''viewer''))')
WHERE type = 'table' AND name = 'admin_users';
PRAGMA writable_schema = OFF;
CREATE TABLE company_members_schema_bump (x INTEGER);
DROP TABLE company_members_schema_bump;
PRAGMA writable_schema = RESET;
