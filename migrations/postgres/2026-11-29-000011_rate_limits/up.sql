-- Counters of rate-limited actions (sign-in attempts, job alert sign-ups) per client address,
-- in the database so that every app server behind a load balancer counts together. One row per
-- bucket, client and fixed window (its start in Unix seconds); rows older than the window
-- before are deleted as new windows start. Keep in step with the other backend and schema.rs.
CREATE TABLE rate_limits (
    bucket TEXT NOT NULL,
    client TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits INTEGER NOT NULL,
    PRIMARY KEY (bucket, client, window_start)
);
