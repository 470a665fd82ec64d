DROP TABLE company_members;
DELETE FROM admin_users WHERE role = 'recruiter';
ALTER TABLE admin_users DROP CONSTRAINT admin_users_role_check;
ALTER TABLE admin_users ADD CONSTRAINT admin_users_role_check
    CHECK (role IN ('admin', 'editor', 'translator', 'viewer'));
