-- Result cards show a posting's title in the reader's language, and they are cached per search
-- index version: a change to a translation must bump the version like a change to the posting.
CREATE TRIGGER job_translations_search_state AFTER INSERT OR UPDATE OR DELETE ON job_translations
    FOR EACH STATEMENT EXECUTE FUNCTION bump_search_state();
