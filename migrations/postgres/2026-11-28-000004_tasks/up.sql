-- The background queue: one row per task, in the application's own database, so a task is
-- enqueued in the same transaction as the change that causes it. Keep in step with
-- migrations/sqlite and schema.rs.
--
-- state: queued (waiting for run_at), running (claimed; lease_token fences its completion),
-- done, dead (out of attempts, or its arguments no longer fit its kind).
CREATE TABLE tasks (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    queue TEXT NOT NULL,
    priority INTEGER NOT NULL DEFAULT 0,
    args TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'dead')),
    run_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    dedup_key TEXT,
    lease_token TEXT,
    lease_expires_at TIMESTAMP,
    worker TEXT,
    last_error TEXT,
    -- Every failure so far, as JSON: [{"attempt", "at", "error"}].
    errors TEXT NOT NULL DEFAULT '[]',
    created_at TIMESTAMP NOT NULL,
    started_at TIMESTAMP,
    finished_at TIMESTAMP
);
-- What the claim query walks: queued tasks in claim order, so that taking the most urgent
-- few reads a few index entries instead of sorting every queued task.
CREATE INDEX tasks_ready_idx ON tasks (state, priority DESC, run_at, id);
-- Leases that may have expired (their worker died).
CREATE INDEX tasks_lease_idx ON tasks (lease_expires_at) WHERE state = 'running';
-- A claim reads back its tasks by their lease token.
CREATE INDEX tasks_lease_token_idx ON tasks (lease_token) WHERE lease_token IS NOT NULL;
-- At most one waiting or running task per de-duplication key.
CREATE UNIQUE INDEX tasks_dedup_idx ON tasks (dedup_key) WHERE state IN ('queued', 'running');
-- Counts and throughput by state and time; purging finished tasks.
CREATE INDEX tasks_state_finished_idx ON tasks (state, finished_at);

-- Recurring tasks: the schedule of each (a cron expression, editable in the admin) and the
-- time of its last run, claimed with a conditional update so one worker enqueues each run.
CREATE TABLE task_schedules (
    name TEXT PRIMARY KEY NOT NULL,
    cron TEXT NOT NULL,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    last_run_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL
);
