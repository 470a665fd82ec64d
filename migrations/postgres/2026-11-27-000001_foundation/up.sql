-- Hireboard foundation schema (PostgreSQL). Keep in step with migrations/sqlite and src/db/schema.rs.
CREATE TABLE companies (
    id BIGSERIAL PRIMARY KEY,
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
    id BIGSERIAL PRIMARY KEY,
    company_id BIGINT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    locale TEXT NOT NULL CHECK (locale IN ('en', 'de', 'uk')),
    description TEXT NOT NULL,
    source_updated_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (company_id, locale)
);

CREATE TABLE jobs (
    id BIGSERIAL PRIMARY KEY,
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
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
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
    id BIGSERIAL PRIMARY KEY,
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
    id BIGSERIAL PRIMARY KEY,
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
    id BIGSERIAL PRIMARY KEY,
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
    id BIGSERIAL PRIMARY KEY,
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
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO search_state (id, version) VALUES (1, 1);

CREATE FUNCTION bump_search_state() RETURNS trigger AS $$
BEGIN
    UPDATE search_state SET version = version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER jobs_search_state AFTER INSERT OR UPDATE OR DELETE ON jobs
    FOR EACH STATEMENT EXECUTE FUNCTION bump_search_state();
CREATE TRIGGER job_skills_search_state AFTER INSERT OR DELETE ON job_skills
    FOR EACH STATEMENT EXECUTE FUNCTION bump_search_state();
CREATE TRIGGER companies_search_state AFTER UPDATE ON companies
    FOR EACH STATEMENT EXECUTE FUNCTION bump_search_state();
CREATE TRIGGER skills_search_state AFTER UPDATE ON skills
    FOR EACH STATEMENT EXECUTE FUNCTION bump_search_state();

-- Full-text search: one row per posting and language, maintained by the application
-- (src/db/dialect.rs) in the same transaction as the posting. `config` is the text search
-- configuration of that language, so each row is stemmed and queried in its own language.
CREATE TABLE job_search (
    job_id BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    config REGCONFIG NOT NULL,
    document TSVECTOR NOT NULL,
    PRIMARY KEY (job_id, locale)
);
CREATE INDEX job_search_document_idx ON job_search USING GIN (document);
