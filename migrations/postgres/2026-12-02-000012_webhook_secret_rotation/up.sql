-- During a secret rotation the previous secret signs too, until it expires.
ALTER TABLE webhook_endpoints ADD COLUMN previous_secret TEXT;
ALTER TABLE webhook_endpoints ADD COLUMN previous_secret_expires_at TIMESTAMP;
