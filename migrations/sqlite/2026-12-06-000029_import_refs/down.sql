DROP TABLE import_refs;
