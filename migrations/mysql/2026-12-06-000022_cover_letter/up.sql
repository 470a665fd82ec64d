-- Whether a posting's apply form asks for a cover letter: optional unless the employer
-- requires one. Keep in step with the other backends' migrations and schema.rs.
ALTER TABLE jobs ADD COLUMN cover_letter VARCHAR(16) NOT NULL DEFAULT 'optional'
    CHECK (cover_letter IN ('optional', 'required'));
