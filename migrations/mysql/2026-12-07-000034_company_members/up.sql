-- Employers: a back-office user of role `recruiter` works for one or more companies and sees
-- only their records (src/admin/resources/company_scope.rs). The role CHECK is replaced:
-- MariaDB keeps a column's CHECK with the column (redefining the column drops it); MySQL makes
-- it a table constraint (`table_chk_N`), dropped by name below. Keep in step with the other
-- backends' migrations.
ALTER TABLE admin_users MODIFY role VARCHAR(32) NOT NULL;
CREATE PROCEDURE hireboard_drop_role_check()
BEGIN
    DECLARE done INT DEFAULT 0;
    DECLARE n VARCHAR(64);
    DECLARE checks CURSOR FOR
        SELECT CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS
        WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'admin_users'
          AND CHECK_CLAUSE LIKE '%''translator''%';
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
    OPEN checks;
    each_check: LOOP
        FETCH checks INTO n;
        IF done THEN
            LEAVE each_check;
        END IF;
        SET @statement = CONCAT('ALTER TABLE admin_users DROP CONSTRAINT `', n, '`');
        PREPARE drop_check FROM @statement;
        EXECUTE drop_check;
        DEALLOCATE PREPARE drop_check;
    END LOOP;
    CLOSE checks;
END;
CALL hireboard_drop_role_check();
DROP PROCEDURE hireboard_drop_role_check;
ALTER TABLE admin_users ADD CONSTRAINT admin_users_role_check
    CHECK (role IN ('admin', 'editor', 'translator', 'viewer', 'recruiter'));

CREATE TABLE company_members (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    admin_user_id BIGINT NOT NULL,
    company_id BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    UNIQUE KEY company_members_user_company_key (admin_user_id, company_id),
    INDEX company_members_company_id_idx (company_id),
    CONSTRAINT company_members_admin_user_id_fkey FOREIGN KEY (admin_user_id)
        REFERENCES admin_users (id) ON DELETE CASCADE,
    CONSTRAINT company_members_company_id_fkey FOREIGN KEY (company_id)
        REFERENCES companies (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
