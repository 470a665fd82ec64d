-- A recruiter makes API tokens for their own companies (src/admin/resources/api_token_form.rs):
-- `created_by` is who made a token, and `moderated` says its postings go through the staff's
-- review as the recruiter's own do. A moderated token works only while its maker still works
-- for its company (src/models/api_token.rs); one whose maker is gone (NULL) works no more.
-- Keep in step with the other backends' migrations.
ALTER TABLE api_tokens ADD COLUMN created_by BIGINT NULL;
ALTER TABLE api_tokens ADD COLUMN moderated BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_created_by_fkey FOREIGN KEY (created_by)
    REFERENCES admin_users (id) ON DELETE SET NULL;
