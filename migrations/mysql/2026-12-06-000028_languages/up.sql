-- Languages are configuration (LOCALES), not schema: the CHECK constraints that allowed only
-- en, de and uk go. MariaDB keeps a column's CHECK with the column (redefining the column
-- drops it); MySQL makes it a table constraint (`table_chk_N`), dropped by name below. Keep in
-- step with the other backends' migrations.
ALTER TABLE companies MODIFY original_locale VARCHAR(16) NOT NULL;
ALTER TABLE company_translations MODIFY locale VARCHAR(16) NOT NULL;
ALTER TABLE jobs MODIFY original_locale VARCHAR(16) NOT NULL;
ALTER TABLE job_translations MODIFY locale VARCHAR(16) NOT NULL;
ALTER TABLE applications MODIFY locale VARCHAR(16) NOT NULL;
ALTER TABLE admin_users MODIFY locale VARCHAR(16) NOT NULL DEFAULT 'en';
ALTER TABLE places MODIFY original_locale VARCHAR(16) NOT NULL;
ALTER TABLE place_translations MODIFY locale VARCHAR(16) NOT NULL;
ALTER TABLE skills MODIFY original_locale VARCHAR(16) NOT NULL DEFAULT 'en';
ALTER TABLE skill_translations MODIFY locale VARCHAR(16) NOT NULL;

CREATE PROCEDURE hireboard_drop_language_checks()
BEGIN
    DECLARE done INT DEFAULT 0;
    DECLARE t VARCHAR(64);
    DECLARE n VARCHAR(64);
    DECLARE checks CURSOR FOR
        SELECT TABLE_NAME, CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS
        WHERE CONSTRAINT_SCHEMA = DATABASE() AND CHECK_CLAUSE LIKE '%''uk''%'
          AND TABLE_NAME IN ('companies', 'company_translations', 'jobs', 'job_translations',
                             'applications', 'admin_users', 'places', 'place_translations',
                             'skills', 'skill_translations');
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
    OPEN checks;
    each_check: LOOP
        FETCH checks INTO t, n;
        IF done THEN
            LEAVE each_check;
        END IF;
        SET @statement = CONCAT('ALTER TABLE `', t, '` DROP CONSTRAINT `', n, '`');
        PREPARE drop_check FROM @statement;
        EXECUTE drop_check;
        DEALLOCATE PREPARE drop_check;
    END LOOP;
    CLOSE checks;
END;
CALL hireboard_drop_language_checks();
DROP PROCEDURE hireboard_drop_language_checks;
