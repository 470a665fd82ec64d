-- Result cards show a posting's title in the reader's language, and they are cached per search
-- index version: a change to a translation must bump the version like a change to the posting.
-- (Translations deleted by the cascade of a deleted posting fire no trigger on MySQL; the
-- posting's own delete trigger bumps the version then.)
CREATE TRIGGER job_translations_ai_search_state AFTER INSERT ON job_translations FOR EACH ROW UPDATE search_state SET version = version + 1;
CREATE TRIGGER job_translations_au_search_state AFTER UPDATE ON job_translations FOR EACH ROW UPDATE search_state SET version = version + 1;
CREATE TRIGGER job_translations_ad_search_state AFTER DELETE ON job_translations FOR EACH ROW UPDATE search_state SET version = version + 1;
