-- Counts the changes to each table the back office lists: a list's scope counts are cached
-- until its table changes (postings use search_state). One sequence per table, advanced once
-- per statement: unlike a counter row, a sequence takes no lock, so concurrent writers
-- (workers claiming tasks, applicants applying) neither wait on nor deadlock over it.
CREATE FUNCTION count_change() RETURNS trigger AS $$
BEGIN
    PERFORM nextval(TG_ARGV[0]);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE SEQUENCE applications_changes;
CREATE TRIGGER applications_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON applications
    FOR EACH STATEMENT EXECUTE FUNCTION count_change('applications_changes');
CREATE SEQUENCE companies_changes;
CREATE TRIGGER companies_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON companies
    FOR EACH STATEMENT EXECUTE FUNCTION count_change('companies_changes');
CREATE SEQUENCE skills_changes;
CREATE TRIGGER skills_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON skills
    FOR EACH STATEMENT EXECUTE FUNCTION count_change('skills_changes');
CREATE SEQUENCE admin_comments_changes;
CREATE TRIGGER admin_comments_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON admin_comments
    FOR EACH STATEMENT EXECUTE FUNCTION count_change('admin_comments_changes');
CREATE SEQUENCE audit_log_changes;
CREATE TRIGGER audit_log_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION count_change('audit_log_changes');
CREATE SEQUENCE admin_users_changes;
CREATE TRIGGER admin_users_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON admin_users
    FOR EACH STATEMENT EXECUTE FUNCTION count_change('admin_users_changes');
CREATE SEQUENCE job_alerts_changes;
CREATE TRIGGER job_alerts_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON job_alerts
    FOR EACH STATEMENT EXECUTE FUNCTION count_change('job_alerts_changes');
CREATE SEQUENCE tasks_changes;
CREATE TRIGGER tasks_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tasks
    FOR EACH STATEMENT EXECUTE FUNCTION count_change('tasks_changes');
CREATE SEQUENCE webhook_endpoints_changes;
CREATE TRIGGER webhook_endpoints_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON webhook_endpoints
    FOR EACH STATEMENT EXECUTE FUNCTION count_change('webhook_endpoints_changes');
CREATE SEQUENCE webhook_deliveries_changes;
CREATE TRIGGER webhook_deliveries_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON webhook_deliveries
    FOR EACH STATEMENT EXECUTE FUNCTION count_change('webhook_deliveries_changes');
CREATE SEQUENCE outbox_messages_changes;
CREATE TRIGGER outbox_messages_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON outbox_messages
    FOR EACH STATEMENT EXECUTE FUNCTION count_change('outbox_messages_changes');
