-- Counts the changes to each table the back office lists: a list's scope counts are cached
-- until its table changes (postings use search_state). A table, as SQLite has no sequences;
-- its one writer at a time means the counter rows cannot deadlock.
CREATE TABLE change_counters (
    name TEXT PRIMARY KEY NOT NULL,
    version BIGINT NOT NULL DEFAULT 0
);
INSERT INTO change_counters (name) VALUES ('applications');
CREATE TRIGGER applications_ai_changes AFTER INSERT ON applications BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'applications'; END;
CREATE TRIGGER applications_au_changes AFTER UPDATE ON applications BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'applications'; END;
CREATE TRIGGER applications_ad_changes AFTER DELETE ON applications BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'applications'; END;
INSERT INTO change_counters (name) VALUES ('companies');
CREATE TRIGGER companies_ai_changes AFTER INSERT ON companies BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'companies'; END;
CREATE TRIGGER companies_au_changes AFTER UPDATE ON companies BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'companies'; END;
CREATE TRIGGER companies_ad_changes AFTER DELETE ON companies BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'companies'; END;
INSERT INTO change_counters (name) VALUES ('skills');
CREATE TRIGGER skills_ai_changes AFTER INSERT ON skills BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'skills'; END;
CREATE TRIGGER skills_au_changes AFTER UPDATE ON skills BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'skills'; END;
CREATE TRIGGER skills_ad_changes AFTER DELETE ON skills BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'skills'; END;
INSERT INTO change_counters (name) VALUES ('admin_comments');
CREATE TRIGGER admin_comments_ai_changes AFTER INSERT ON admin_comments BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'admin_comments'; END;
CREATE TRIGGER admin_comments_au_changes AFTER UPDATE ON admin_comments BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'admin_comments'; END;
CREATE TRIGGER admin_comments_ad_changes AFTER DELETE ON admin_comments BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'admin_comments'; END;
INSERT INTO change_counters (name) VALUES ('audit_log');
CREATE TRIGGER audit_log_ai_changes AFTER INSERT ON audit_log BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'audit_log'; END;
CREATE TRIGGER audit_log_au_changes AFTER UPDATE ON audit_log BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'audit_log'; END;
CREATE TRIGGER audit_log_ad_changes AFTER DELETE ON audit_log BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'audit_log'; END;
INSERT INTO change_counters (name) VALUES ('admin_users');
CREATE TRIGGER admin_users_ai_changes AFTER INSERT ON admin_users BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'admin_users'; END;
CREATE TRIGGER admin_users_au_changes AFTER UPDATE ON admin_users BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'admin_users'; END;
CREATE TRIGGER admin_users_ad_changes AFTER DELETE ON admin_users BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'admin_users'; END;
INSERT INTO change_counters (name) VALUES ('job_alerts');
CREATE TRIGGER job_alerts_ai_changes AFTER INSERT ON job_alerts BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'job_alerts'; END;
CREATE TRIGGER job_alerts_au_changes AFTER UPDATE ON job_alerts BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'job_alerts'; END;
CREATE TRIGGER job_alerts_ad_changes AFTER DELETE ON job_alerts BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'job_alerts'; END;
INSERT INTO change_counters (name) VALUES ('tasks');
CREATE TRIGGER tasks_ai_changes AFTER INSERT ON tasks BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'tasks'; END;
CREATE TRIGGER tasks_au_changes AFTER UPDATE ON tasks BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'tasks'; END;
CREATE TRIGGER tasks_ad_changes AFTER DELETE ON tasks BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'tasks'; END;
INSERT INTO change_counters (name) VALUES ('webhook_endpoints');
CREATE TRIGGER webhook_endpoints_ai_changes AFTER INSERT ON webhook_endpoints BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'webhook_endpoints'; END;
CREATE TRIGGER webhook_endpoints_au_changes AFTER UPDATE ON webhook_endpoints BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'webhook_endpoints'; END;
CREATE TRIGGER webhook_endpoints_ad_changes AFTER DELETE ON webhook_endpoints BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'webhook_endpoints'; END;
INSERT INTO change_counters (name) VALUES ('webhook_deliveries');
CREATE TRIGGER webhook_deliveries_ai_changes AFTER INSERT ON webhook_deliveries BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'webhook_deliveries'; END;
CREATE TRIGGER webhook_deliveries_au_changes AFTER UPDATE ON webhook_deliveries BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'webhook_deliveries'; END;
CREATE TRIGGER webhook_deliveries_ad_changes AFTER DELETE ON webhook_deliveries BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'webhook_deliveries'; END;
INSERT INTO change_counters (name) VALUES ('outbox_messages');
CREATE TRIGGER outbox_messages_ai_changes AFTER INSERT ON outbox_messages BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'outbox_messages'; END;
CREATE TRIGGER outbox_messages_au_changes AFTER UPDATE ON outbox_messages BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'outbox_messages'; END;
CREATE TRIGGER outbox_messages_ad_changes AFTER DELETE ON outbox_messages BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'outbox_messages'; END;
