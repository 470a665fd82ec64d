-- Spreadsheet imports started in the back office: the stored file, its headers and the chosen
-- column mapping (JSON arrays), the state (mapping, checking, checked, running, done, failed),
-- the progress and counts the pages show, the first failed rows with their reasons (JSON) and
-- the stored workbook of all of them. A user's last mapping of a resource is taken up again
-- by their next import of it. Keep in step with the other backends' migrations and schema.rs.
CREATE TABLE imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    resource VARCHAR(40) NOT NULL,
    admin_user_id BIGINT,
    file_name VARCHAR(255) NOT NULL,
    file_key VARCHAR(255) NOT NULL UNIQUE,
    encoding VARCHAR(40),
    headers TEXT NOT NULL,
    mapping TEXT NOT NULL,
    mode VARCHAR(20) NOT NULL CHECK (mode IN ('skip', 'all_or_nothing')),
    status VARCHAR(20) NOT NULL
        CHECK (status IN ('mapping', 'checking', 'checked', 'running', 'done', 'failed')),
    rows_total BIGINT NOT NULL,
    rows_done BIGINT NOT NULL,
    created_count BIGINT NOT NULL,
    updated_count BIGINT NOT NULL,
    unchanged_count BIGINT NOT NULL,
    failed_count BIGINT NOT NULL,
    companies_created BIGINT NOT NULL,
    create_companies BOOLEAN NOT NULL,
    failures TEXT NOT NULL,
    failures_key VARCHAR(255),
    error TEXT,
    committed BOOLEAN NOT NULL,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    FOREIGN KEY (admin_user_id) REFERENCES admin_users (id) ON DELETE SET NULL
);
CREATE INDEX imports_admin_user_id_idx ON imports (admin_user_id);
