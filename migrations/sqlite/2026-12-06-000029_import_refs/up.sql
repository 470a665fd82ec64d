-- Imports match rows to records by the file's own reference (a spreadsheet's reference column,
-- a feed's job id): importing the same file again updates the records it made and never
-- duplicates them. One table for every resource, beside the records rather than a column on
-- each: `source` is empty for spreadsheets and names the feed otherwise, so two feeds may use
-- the same ids. A reference whose record was deleted is stale and replaced on the next import.
-- Keep in step with the other backends' migrations and schema.rs.
CREATE TABLE import_refs (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    resource TEXT NOT NULL,
    source TEXT NOT NULL,
    reference TEXT NOT NULL,
    record_id BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (resource, source, reference)
);
CREATE INDEX import_refs_record_idx ON import_refs (resource, record_id);
