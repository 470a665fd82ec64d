-- An optional street address with its own coordinates (set on the back office's map picker),
-- for postings and companies; without one they are at their place's point. Keep in step with
-- the other backends' migrations and schema.rs.
ALTER TABLE jobs ADD COLUMN street_address TEXT;
ALTER TABLE companies ADD COLUMN street_address TEXT;
ALTER TABLE companies ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE companies ADD COLUMN longitude DOUBLE PRECISION;
