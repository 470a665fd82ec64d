-- The language constraints are not put back: they only ever refused languages.
SELECT 1;
