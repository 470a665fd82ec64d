-- The background queue: one row per task, in the application's own database, so a task is
-- enqueued in the same transaction as the change that causes it. Keep in step with
-- migrations/sqlite, migrations/postgres and schema.rs.
--
-- state: queued (waiting for run_at), running (claimed, lease_token fences its completion),
-- done, dead (out of attempts, or its arguments no longer fit its kind).
CREATE TABLE tasks (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind VARCHAR(255) NOT NULL,
    queue VARCHAR(255) NOT NULL,
    priority INT NOT NULL DEFAULT 0,
    args MEDIUMTEXT NOT NULL,
    state VARCHAR(32) NOT NULL CHECK (state IN ('queued', 'running', 'done', 'dead')),
    run_at DATETIME(6) NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    max_attempts INT NOT NULL,
    -- Keys and tokens compare byte for byte (utf8mb4_bin), as on the other backends.
    dedup_key VARCHAR(255) COLLATE utf8mb4_bin,
    lease_token VARCHAR(128) COLLATE utf8mb4_bin,
    lease_expires_at DATETIME(6),
    worker VARCHAR(255),
    last_error MEDIUMTEXT,
    -- Every failure so far, as JSON: [{"attempt", "at", "error"}].
    errors MEDIUMTEXT NOT NULL DEFAULT ('[]'),
    created_at DATETIME(6) NOT NULL,
    started_at DATETIME(6),
    finished_at DATETIME(6),
    -- MySQL only (not in schema.rs, never written by the application): MySQL has no partial
    -- index, so the unique index "dedup_key WHERE state IN ('queued', 'running')" of the other
    -- backends is a unique index on this generated column, which is the key while the task
    -- waits or runs and NULL otherwise (a unique index allows any number of NULLs).
    active_dedup_key VARCHAR(255) COLLATE utf8mb4_bin
        GENERATED ALWAYS AS (CASE WHEN state IN ('queued', 'running') THEN dedup_key END) STORED
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- What the claim query walks: queued tasks in claim order, so that taking the most urgent
-- few reads a few index entries instead of sorting every queued task.
CREATE INDEX tasks_ready_idx ON tasks (state, priority DESC, run_at, id);
-- Leases that may have expired (their worker died). No partial index on MySQL: the state
-- leads instead (WHERE state = 'running' AND lease_expires_at < ?).
CREATE INDEX tasks_lease_idx ON tasks (state, lease_expires_at);
-- A claim reads back its tasks by their lease token (NULL for most rows).
CREATE INDEX tasks_lease_token_idx ON tasks (lease_token);
-- At most one waiting or running task per de-duplication key (see active_dedup_key).
CREATE UNIQUE INDEX tasks_dedup_idx ON tasks (active_dedup_key);
-- Counts and throughput by state and time, purging finished tasks.
CREATE INDEX tasks_state_finished_idx ON tasks (state, finished_at);

-- Recurring tasks: the schedule of each (a cron expression, editable in the admin) and the
-- time of its last run, claimed with a conditional update so one worker enqueues each run.
CREATE TABLE task_schedules (
    name VARCHAR(255) NOT NULL PRIMARY KEY,
    cron VARCHAR(255) NOT NULL,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    last_run_at DATETIME(6),
    updated_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
