-- Result cards show a posting's title in the reader's language, and they are cached per search
-- index version: a change to a translation must bump the version like a change to the posting.
CREATE TRIGGER job_translations_ai_search_state AFTER INSERT ON job_translations BEGIN UPDATE search_state SET version = version + 1; END;
CREATE TRIGGER job_translations_au_search_state AFTER UPDATE ON job_translations BEGIN UPDATE search_state SET version = version + 1; END;
CREATE TRIGGER job_translations_ad_search_state AFTER DELETE ON job_translations BEGIN UPDATE search_state SET version = version + 1; END;
