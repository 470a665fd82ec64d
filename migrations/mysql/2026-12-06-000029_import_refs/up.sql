-- Imports match rows to records by the file's own reference (a spreadsheet's reference column,
-- a feed's job id): importing the same file again updates the records it made and never
-- duplicates them. One table for every resource, beside the records rather than a column on
-- each: `source` is empty for spreadsheets and names the feed otherwise, so two feeds may use
-- the same ids. A reference whose record was deleted is stale and replaced on the next import.
-- Keep in step with the other backends' migrations and schema.rs.
CREATE TABLE import_refs (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    resource VARCHAR(40) NOT NULL,
    source VARCHAR(60) NOT NULL,
    reference VARCHAR(191) NOT NULL,
    record_id BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT import_refs_key UNIQUE (resource, source, reference),
    INDEX import_refs_record_idx (resource, record_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
