DROP TABLE indexing_cursor;
