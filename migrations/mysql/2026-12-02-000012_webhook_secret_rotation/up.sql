-- During a secret rotation the previous secret signs too, until it expires.
ALTER TABLE webhook_endpoints ADD COLUMN previous_secret VARCHAR(255);
ALTER TABLE webhook_endpoints ADD COLUMN previous_secret_expires_at DATETIME(6);
