-- Hireboard foundation schema (SQLite). Keep in step with migrations/postgres and src/db/schema.rs.
CREATE TABLE companies (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    website TEXT,
    city TEXT,
    country_code TEXT,
    size TEXT,
    original_locale TEXT NOT NULL CHECK (original_locale IN ('en', 'de', 'uk')),
    description TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE company_translations (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    company_id BIGINT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    locale TEXT NOT NULL CHECK (locale IN ('en', 'de', 'uk')),
    description TEXT NOT NULL,
    source_updated_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (company_id, locale)
);

CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    company_id BIGINT NOT NULL REFERENCES companies (id) ON DELETE RESTRICT,
    status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'published', 'expired', 'filled', 'archived')),
    original_locale TEXT NOT NULL CHECK (original_locale IN ('en', 'de', 'uk')),
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    responsibilities TEXT NOT NULL DEFAULT '',
    requirements TEXT NOT NULL DEFAULT '',
    benefits TEXT NOT NULL DEFAULT '',
    workplace TEXT NOT NULL CHECK (workplace IN ('onsite', 'hybrid', 'remote')),
    employment_type TEXT NOT NULL
        CHECK (employment_type IN ('full_time', 'part_time', 'contract', 'internship', 'temporary')),
    seniority TEXT NOT NULL CHECK (seniority IN ('junior', 'mid', 'senior', 'lead')),
    city TEXT,
    country_code TEXT,
    latitude DOUBLE,
    longitude DOUBLE,
    remote_countries TEXT NOT NULL DEFAULT '',
    salary_min BIGINT,
    salary_max BIGINT,
    salary_currency TEXT,
    salary_period TEXT CHECK (salary_period IS NULL OR salary_period IN ('year', 'month', 'hour')),
    published_at TIMESTAMP,
    valid_through TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX jobs_company_id_idx ON jobs (company_id);
CREATE INDEX jobs_status_published_at_idx ON jobs (status, published_at);

CREATE TABLE job_translations (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    job_id BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    locale TEXT NOT NULL CHECK (locale IN ('en', 'de', 'uk')),
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    responsibilities TEXT NOT NULL DEFAULT '',
    requirements TEXT NOT NULL DEFAULT '',
    benefits TEXT NOT NULL DEFAULT '',
    source_updated_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (job_id, locale)
);

CREATE TABLE skills (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE job_skills (
    job_id BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    skill_id BIGINT NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (job_id, skill_id)
);
CREATE INDEX job_skills_skill_id_idx ON job_skills (skill_id);

CREATE TABLE applications (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    job_id BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT,
    cover_letter TEXT NOT NULL,
    locale TEXT NOT NULL CHECK (locale IN ('en', 'de', 'uk')),
    status TEXT NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'reviewing', 'interview', 'offer', 'hired', 'rejected', 'withdrawn')),
    consent_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (job_id, email)
);

CREATE TABLE admin_users (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'translator', 'viewer')),
    locale TEXT NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'de', 'uk')),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Bumped by triggers on every change that can alter what the public search shows, so that each
-- app instance notices (by polling one row) that its in-memory search index is stale.
CREATE TABLE search_state (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO search_state (id, version) VALUES (1, 1);

CREATE TRIGGER jobs_ai_search_state AFTER INSERT ON jobs BEGIN UPDATE search_state SET version = version + 1; END;
CREATE TRIGGER jobs_au_search_state AFTER UPDATE ON jobs BEGIN UPDATE search_state SET version = version + 1; END;
CREATE TRIGGER jobs_ad_search_state AFTER DELETE ON jobs BEGIN UPDATE search_state SET version = version + 1; END;
CREATE TRIGGER job_skills_ai_search_state AFTER INSERT ON job_skills BEGIN UPDATE search_state SET version = version + 1; END;
CREATE TRIGGER job_skills_ad_search_state AFTER DELETE ON job_skills BEGIN UPDATE search_state SET version = version + 1; END;
CREATE TRIGGER companies_au_search_state AFTER UPDATE ON companies BEGIN UPDATE search_state SET version = version + 1; END;
CREATE TRIGGER skills_au_search_state AFTER UPDATE ON skills BEGIN UPDATE search_state SET version = version + 1; END;

-- Full-text search: one row per posting and language, maintained by the application
-- (src/db/dialect.rs) in the same transaction as the posting. The rowid is job_id * 4 + the
-- language's index, so that a posting's rows are found (and replaced) by rowid range.
CREATE VIRTUAL TABLE job_search USING fts5 (
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
