-- Counts the changes to each table the back office lists: a list's scope counts are cached
-- until its table changes (postings use search_state). A table's version is the id of its
-- latest row here: SELECT MAX(id) FROM change_events WHERE name = ?
--
-- An append-only log rather than a counter row per table (SQLite's form): a counter row stays
-- locked by the transaction that bumped it until that transaction ends, so every writer to a
-- table waited for the one before it to commit (two task workers took turns) and transactions
-- bumping two counters in opposite orders deadlocked. Inserts take no such lock: InnoDB hands
-- out AUTO_INCREMENT ids under a latch released at once (MySQL has no sequences; MariaDB's
-- are its own). `dialect::optimize` deletes all but each table's latest row every hour.
-- Triggers are per row: a statement changing n rows logs n changes.
CREATE TABLE change_events (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(64) NOT NULL,
    INDEX change_events_name_idx (name, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TRIGGER applications_ai_changes AFTER INSERT ON applications FOR EACH ROW INSERT INTO change_events (name) VALUES ('applications');
CREATE TRIGGER applications_au_changes AFTER UPDATE ON applications FOR EACH ROW INSERT INTO change_events (name) VALUES ('applications');
CREATE TRIGGER applications_ad_changes AFTER DELETE ON applications FOR EACH ROW INSERT INTO change_events (name) VALUES ('applications');
CREATE TRIGGER companies_ai_changes AFTER INSERT ON companies FOR EACH ROW INSERT INTO change_events (name) VALUES ('companies');
CREATE TRIGGER companies_au_changes AFTER UPDATE ON companies FOR EACH ROW INSERT INTO change_events (name) VALUES ('companies');
CREATE TRIGGER companies_ad_changes AFTER DELETE ON companies FOR EACH ROW INSERT INTO change_events (name) VALUES ('companies');
CREATE TRIGGER skills_ai_changes AFTER INSERT ON skills FOR EACH ROW INSERT INTO change_events (name) VALUES ('skills');
CREATE TRIGGER skills_au_changes AFTER UPDATE ON skills FOR EACH ROW INSERT INTO change_events (name) VALUES ('skills');
CREATE TRIGGER skills_ad_changes AFTER DELETE ON skills FOR EACH ROW INSERT INTO change_events (name) VALUES ('skills');
CREATE TRIGGER admin_comments_ai_changes AFTER INSERT ON admin_comments FOR EACH ROW INSERT INTO change_events (name) VALUES ('admin_comments');
CREATE TRIGGER admin_comments_au_changes AFTER UPDATE ON admin_comments FOR EACH ROW INSERT INTO change_events (name) VALUES ('admin_comments');
CREATE TRIGGER admin_comments_ad_changes AFTER DELETE ON admin_comments FOR EACH ROW INSERT INTO change_events (name) VALUES ('admin_comments');
CREATE TRIGGER audit_log_ai_changes AFTER INSERT ON audit_log FOR EACH ROW INSERT INTO change_events (name) VALUES ('audit_log');
CREATE TRIGGER audit_log_au_changes AFTER UPDATE ON audit_log FOR EACH ROW INSERT INTO change_events (name) VALUES ('audit_log');
CREATE TRIGGER audit_log_ad_changes AFTER DELETE ON audit_log FOR EACH ROW INSERT INTO change_events (name) VALUES ('audit_log');
CREATE TRIGGER admin_users_ai_changes AFTER INSERT ON admin_users FOR EACH ROW INSERT INTO change_events (name) VALUES ('admin_users');
CREATE TRIGGER admin_users_au_changes AFTER UPDATE ON admin_users FOR EACH ROW INSERT INTO change_events (name) VALUES ('admin_users');
CREATE TRIGGER admin_users_ad_changes AFTER DELETE ON admin_users FOR EACH ROW INSERT INTO change_events (name) VALUES ('admin_users');
CREATE TRIGGER job_alerts_ai_changes AFTER INSERT ON job_alerts FOR EACH ROW INSERT INTO change_events (name) VALUES ('job_alerts');
CREATE TRIGGER job_alerts_au_changes AFTER UPDATE ON job_alerts FOR EACH ROW INSERT INTO change_events (name) VALUES ('job_alerts');
CREATE TRIGGER job_alerts_ad_changes AFTER DELETE ON job_alerts FOR EACH ROW INSERT INTO change_events (name) VALUES ('job_alerts');
CREATE TRIGGER tasks_ai_changes AFTER INSERT ON tasks FOR EACH ROW INSERT INTO change_events (name) VALUES ('tasks');
CREATE TRIGGER tasks_au_changes AFTER UPDATE ON tasks FOR EACH ROW INSERT INTO change_events (name) VALUES ('tasks');
CREATE TRIGGER tasks_ad_changes AFTER DELETE ON tasks FOR EACH ROW INSERT INTO change_events (name) VALUES ('tasks');
CREATE TRIGGER webhook_endpoints_ai_changes AFTER INSERT ON webhook_endpoints FOR EACH ROW INSERT INTO change_events (name) VALUES ('webhook_endpoints');
CREATE TRIGGER webhook_endpoints_au_changes AFTER UPDATE ON webhook_endpoints FOR EACH ROW INSERT INTO change_events (name) VALUES ('webhook_endpoints');
CREATE TRIGGER webhook_endpoints_ad_changes AFTER DELETE ON webhook_endpoints FOR EACH ROW INSERT INTO change_events (name) VALUES ('webhook_endpoints');
CREATE TRIGGER webhook_deliveries_ai_changes AFTER INSERT ON webhook_deliveries FOR EACH ROW INSERT INTO change_events (name) VALUES ('webhook_deliveries');
CREATE TRIGGER webhook_deliveries_au_changes AFTER UPDATE ON webhook_deliveries FOR EACH ROW INSERT INTO change_events (name) VALUES ('webhook_deliveries');
CREATE TRIGGER webhook_deliveries_ad_changes AFTER DELETE ON webhook_deliveries FOR EACH ROW INSERT INTO change_events (name) VALUES ('webhook_deliveries');
CREATE TRIGGER outbox_messages_ai_changes AFTER INSERT ON outbox_messages FOR EACH ROW INSERT INTO change_events (name) VALUES ('outbox_messages');
CREATE TRIGGER outbox_messages_au_changes AFTER UPDATE ON outbox_messages FOR EACH ROW INSERT INTO change_events (name) VALUES ('outbox_messages');
CREATE TRIGGER outbox_messages_ad_changes AFTER DELETE ON outbox_messages FOR EACH ROW INSERT INTO change_events (name) VALUES ('outbox_messages');

-- MySQL only: rows changed by a foreign key action (ON DELETE CASCADE / SET NULL) fire no
-- trigger, unlike PostgreSQL and SQLite. So the parent row logs them, before its delete,
-- when it has such rows: applications (deleted with their posting), admin_comments and
-- audit_log (their admin_user_id set to NULL with the user), webhook_deliveries (deleted with
-- their endpoint).
CREATE TRIGGER jobs_bd_cascade_changes BEFORE DELETE ON jobs FOR EACH ROW INSERT INTO change_events (name) SELECT 'applications' FROM DUAL WHERE EXISTS (SELECT 1 FROM applications WHERE applications.job_id = OLD.id);
CREATE TRIGGER admin_users_bd_cascade_changes BEFORE DELETE ON admin_users FOR EACH ROW INSERT INTO change_events (name) SELECT 'admin_comments' FROM DUAL WHERE EXISTS (SELECT 1 FROM admin_comments WHERE admin_comments.admin_user_id = OLD.id) UNION ALL SELECT 'audit_log' FROM DUAL WHERE EXISTS (SELECT 1 FROM audit_log WHERE audit_log.admin_user_id = OLD.id);
CREATE TRIGGER webhook_endpoints_bd_cascade_changes BEFORE DELETE ON webhook_endpoints FOR EACH ROW INSERT INTO change_events (name) SELECT 'webhook_deliveries' FROM DUAL WHERE EXISTS (SELECT 1 FROM webhook_deliveries WHERE webhook_deliveries.endpoint_id = OLD.id);
