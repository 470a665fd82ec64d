-- Counts the changes to each table the back office lists: a list's scope counts are cached
-- until its table changes (postings use search_state). MySQL has no sequences (MariaDB's are
-- its own), so this is the counter table of the SQLite migration, same names, read the same
-- way: SELECT version FROM change_counters WHERE name = ?
--
-- Unlike a PostgreSQL sequence, a counter row is locked by the transaction that bumped it
-- until that transaction ends: writers to one table queue on its row, and two transactions
-- that bump two counters in opposite orders can deadlock (InnoDB then rolls one back).
-- Triggers are per row: a statement changing n rows bumps its counter n times.
CREATE TABLE change_counters (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO change_counters (name) VALUES ('applications');
CREATE TRIGGER applications_ai_changes AFTER INSERT ON applications FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'applications';
CREATE TRIGGER applications_au_changes AFTER UPDATE ON applications FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'applications';
CREATE TRIGGER applications_ad_changes AFTER DELETE ON applications FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'applications';
INSERT INTO change_counters (name) VALUES ('companies');
CREATE TRIGGER companies_ai_changes AFTER INSERT ON companies FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'companies';
CREATE TRIGGER companies_au_changes AFTER UPDATE ON companies FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'companies';
CREATE TRIGGER companies_ad_changes AFTER DELETE ON companies FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'companies';
INSERT INTO change_counters (name) VALUES ('skills');
CREATE TRIGGER skills_ai_changes AFTER INSERT ON skills FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'skills';
CREATE TRIGGER skills_au_changes AFTER UPDATE ON skills FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'skills';
CREATE TRIGGER skills_ad_changes AFTER DELETE ON skills FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'skills';
INSERT INTO change_counters (name) VALUES ('admin_comments');
CREATE TRIGGER admin_comments_ai_changes AFTER INSERT ON admin_comments FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'admin_comments';
CREATE TRIGGER admin_comments_au_changes AFTER UPDATE ON admin_comments FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'admin_comments';
CREATE TRIGGER admin_comments_ad_changes AFTER DELETE ON admin_comments FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'admin_comments';
INSERT INTO change_counters (name) VALUES ('audit_log');
CREATE TRIGGER audit_log_ai_changes AFTER INSERT ON audit_log FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'audit_log';
CREATE TRIGGER audit_log_au_changes AFTER UPDATE ON audit_log FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'audit_log';
CREATE TRIGGER audit_log_ad_changes AFTER DELETE ON audit_log FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'audit_log';
INSERT INTO change_counters (name) VALUES ('admin_users');
CREATE TRIGGER admin_users_ai_changes AFTER INSERT ON admin_users FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'admin_users';
CREATE TRIGGER admin_users_au_changes AFTER UPDATE ON admin_users FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'admin_users';
CREATE TRIGGER admin_users_ad_changes AFTER DELETE ON admin_users FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'admin_users';
INSERT INTO change_counters (name) VALUES ('job_alerts');
CREATE TRIGGER job_alerts_ai_changes AFTER INSERT ON job_alerts FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'job_alerts';
CREATE TRIGGER job_alerts_au_changes AFTER UPDATE ON job_alerts FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'job_alerts';
CREATE TRIGGER job_alerts_ad_changes AFTER DELETE ON job_alerts FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'job_alerts';
INSERT INTO change_counters (name) VALUES ('tasks');
CREATE TRIGGER tasks_ai_changes AFTER INSERT ON tasks FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'tasks';
CREATE TRIGGER tasks_au_changes AFTER UPDATE ON tasks FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'tasks';
CREATE TRIGGER tasks_ad_changes AFTER DELETE ON tasks FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'tasks';
INSERT INTO change_counters (name) VALUES ('webhook_endpoints');
CREATE TRIGGER webhook_endpoints_ai_changes AFTER INSERT ON webhook_endpoints FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'webhook_endpoints';
CREATE TRIGGER webhook_endpoints_au_changes AFTER UPDATE ON webhook_endpoints FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'webhook_endpoints';
CREATE TRIGGER webhook_endpoints_ad_changes AFTER DELETE ON webhook_endpoints FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'webhook_endpoints';
INSERT INTO change_counters (name) VALUES ('webhook_deliveries');
CREATE TRIGGER webhook_deliveries_ai_changes AFTER INSERT ON webhook_deliveries FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'webhook_deliveries';
CREATE TRIGGER webhook_deliveries_au_changes AFTER UPDATE ON webhook_deliveries FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'webhook_deliveries';
CREATE TRIGGER webhook_deliveries_ad_changes AFTER DELETE ON webhook_deliveries FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'webhook_deliveries';
INSERT INTO change_counters (name) VALUES ('outbox_messages');
CREATE TRIGGER outbox_messages_ai_changes AFTER INSERT ON outbox_messages FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'outbox_messages';
CREATE TRIGGER outbox_messages_au_changes AFTER UPDATE ON outbox_messages FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'outbox_messages';
CREATE TRIGGER outbox_messages_ad_changes AFTER DELETE ON outbox_messages FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'outbox_messages';

-- MySQL only: rows changed by a foreign key action (ON DELETE CASCADE / SET NULL) fire no
-- trigger, unlike PostgreSQL and SQLite. So the parent row counts them, before its delete,
-- when it has such rows: applications (deleted with their posting), admin_comments and
-- audit_log (their admin_user_id set to NULL with the user), webhook_deliveries (deleted with
-- their endpoint).
CREATE TRIGGER jobs_bd_cascade_changes BEFORE DELETE ON jobs FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'applications' AND EXISTS (SELECT 1 FROM applications WHERE applications.job_id = OLD.id);
CREATE TRIGGER admin_users_bd_cascade_changes BEFORE DELETE ON admin_users FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE (name = 'admin_comments' AND EXISTS (SELECT 1 FROM admin_comments WHERE admin_comments.admin_user_id = OLD.id)) OR (name = 'audit_log' AND EXISTS (SELECT 1 FROM audit_log WHERE audit_log.admin_user_id = OLD.id));
CREATE TRIGGER webhook_endpoints_bd_cascade_changes BEFORE DELETE ON webhook_endpoints FOR EACH ROW UPDATE change_counters SET version = version + 1 WHERE name = 'webhook_deliveries' AND EXISTS (SELECT 1 FROM webhook_deliveries WHERE webhook_deliveries.endpoint_id = OLD.id);
