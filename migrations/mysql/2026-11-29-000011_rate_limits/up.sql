-- Counters of rate-limited actions (sign-in attempts, job alert sign-ups) per client address,
-- in the database so that every app server behind a load balancer counts together. One row per
-- bucket, client and fixed window (its start in Unix seconds). Rows older than the window
-- before are deleted as new windows start. Keep in step with the other backends and schema.rs.
-- The client is an address, an IPv6 network or an e-mail address (applications per applicant).
CREATE TABLE rate_limits (
    bucket VARCHAR(64) NOT NULL,
    client VARCHAR(320) NOT NULL,
    window_start BIGINT NOT NULL,
    hits INT NOT NULL,
    PRIMARY KEY (bucket, client, window_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
