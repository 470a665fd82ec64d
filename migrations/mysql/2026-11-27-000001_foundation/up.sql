-- Hireboard foundation schema (MySQL 8.0 / MariaDB 10.11). Keep in step with migrations/sqlite,
-- migrations/postgres and src/db/schema.rs.
--
-- Conventions of the MySQL migrations: InnoDB, utf8mb4 with utf8mb4_unicode_ci on every table
-- (one collation that both MySQL 8 and MariaDB have), BIGINT AUTO_INCREMENT ids, DATETIME(6)
-- for TIMESTAMP. A column that is indexed (or part of a key) is a VARCHAR: InnoDB indexes a
-- TEXT only by a prefix. Long free text stays TEXT, DEFAULT ('') being the expression form
-- that MySQL 8 needs for a default on a TEXT column. Constraint names follow what PostgreSQL
-- gives the same constraints (<table>_<column>_fkey, <table>_<columns>_key).
-- Every trigger body is a single statement (no BEGIN ... END), so that each file runs as it is
-- both through diesel and through the mysql / mariadb command-line client.
CREATE TABLE companies (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    slug VARCHAR(255) NOT NULL,
    name VARCHAR(255) NOT NULL,
    website VARCHAR(2000),
    city VARCHAR(255),
    country_code VARCHAR(16),
    size VARCHAR(64),
    original_locale VARCHAR(16) NOT NULL CHECK (original_locale IN ('en', 'de', 'uk')),
    description TEXT NOT NULL DEFAULT (''),
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    CONSTRAINT companies_slug_key UNIQUE (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE company_translations (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    company_id BIGINT NOT NULL,
    locale VARCHAR(16) NOT NULL CHECK (locale IN ('en', 'de', 'uk')),
    description TEXT NOT NULL,
    source_updated_at DATETIME(6) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    -- Also the index of the foreign key (company_id comes first).
    CONSTRAINT company_translations_company_id_locale_key UNIQUE (company_id, locale),
    CONSTRAINT company_translations_company_id_fkey FOREIGN KEY (company_id)
        REFERENCES companies (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE jobs (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    slug VARCHAR(255) NOT NULL,
    company_id BIGINT NOT NULL,
    status VARCHAR(32) NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'published', 'expired', 'filled', 'archived')),
    original_locale VARCHAR(16) NOT NULL CHECK (original_locale IN ('en', 'de', 'uk')),
    -- Indexed by later migrations (the back office sorts and filters by it): a VARCHAR.
    title VARCHAR(255) NOT NULL,
    summary TEXT NOT NULL,
    responsibilities TEXT NOT NULL DEFAULT (''),
    requirements TEXT NOT NULL DEFAULT (''),
    benefits TEXT NOT NULL DEFAULT (''),
    workplace VARCHAR(32) NOT NULL CHECK (workplace IN ('onsite', 'hybrid', 'remote')),
    employment_type VARCHAR(32) NOT NULL
        CHECK (employment_type IN ('full_time', 'part_time', 'contract', 'internship', 'temporary')),
    seniority VARCHAR(32) NOT NULL CHECK (seniority IN ('junior', 'mid', 'senior', 'lead')),
    city VARCHAR(255),
    country_code VARCHAR(16),
    latitude DOUBLE,
    longitude DOUBLE,
    remote_countries TEXT NOT NULL DEFAULT (''),
    salary_min BIGINT,
    salary_max BIGINT,
    salary_currency VARCHAR(16),
    salary_period VARCHAR(32) CHECK (salary_period IS NULL OR salary_period IN ('year', 'month', 'hour')),
    published_at DATETIME(6),
    valid_through DATETIME(6),
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    CONSTRAINT jobs_slug_key UNIQUE (slug),
    INDEX jobs_company_id_idx (company_id),
    INDEX jobs_status_published_at_idx (status, published_at),
    CONSTRAINT jobs_company_id_fkey FOREIGN KEY (company_id)
        REFERENCES companies (id) ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE job_translations (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    job_id BIGINT NOT NULL,
    locale VARCHAR(16) NOT NULL CHECK (locale IN ('en', 'de', 'uk')),
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    responsibilities TEXT NOT NULL DEFAULT (''),
    requirements TEXT NOT NULL DEFAULT (''),
    benefits TEXT NOT NULL DEFAULT (''),
    source_updated_at DATETIME(6) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    -- Also the index of the foreign key (job_id comes first).
    CONSTRAINT job_translations_job_id_locale_key UNIQUE (job_id, locale),
    CONSTRAINT job_translations_job_id_fkey FOREIGN KEY (job_id)
        REFERENCES jobs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE skills (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    slug VARCHAR(255) NOT NULL,
    name VARCHAR(255) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT skills_slug_key UNIQUE (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE job_skills (
    job_id BIGINT NOT NULL,
    skill_id BIGINT NOT NULL,
    position INT NOT NULL DEFAULT 0,
    -- Also the index of the foreign key on job_id.
    PRIMARY KEY (job_id, skill_id),
    INDEX job_skills_skill_id_idx (skill_id),
    CONSTRAINT job_skills_job_id_fkey FOREIGN KEY (job_id)
        REFERENCES jobs (id) ON DELETE CASCADE,
    CONSTRAINT job_skills_skill_id_fkey FOREIGN KEY (skill_id)
        REFERENCES skills (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE applications (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    job_id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    email VARCHAR(320) NOT NULL,
    phone VARCHAR(64),
    cover_letter TEXT NOT NULL,
    locale VARCHAR(16) NOT NULL CHECK (locale IN ('en', 'de', 'uk')),
    status VARCHAR(32) NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'reviewing', 'interview', 'offer', 'hired', 'rejected', 'withdrawn')),
    consent_at DATETIME(6) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    -- Also the index of the foreign key (job_id comes first).
    CONSTRAINT applications_job_id_email_key UNIQUE (job_id, email),
    CONSTRAINT applications_job_id_fkey FOREIGN KEY (job_id)
        REFERENCES jobs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE admin_users (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email VARCHAR(320) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role VARCHAR(32) NOT NULL CHECK (role IN ('admin', 'editor', 'translator', 'viewer')),
    locale VARCHAR(16) NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'de', 'uk')),
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    CONSTRAINT admin_users_email_key UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Bumped by triggers on every change that can alter what the public search shows, so that each
-- app instance notices (by polling one row) that its in-memory search index is stale.
CREATE TABLE search_state (
    id INT NOT NULL PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO search_state (id, version) VALUES (1, 1);

-- MySQL triggers are per row and per event, as on SQLite (same names as there).
CREATE TRIGGER jobs_ai_search_state AFTER INSERT ON jobs FOR EACH ROW UPDATE search_state SET version = version + 1;
CREATE TRIGGER jobs_au_search_state AFTER UPDATE ON jobs FOR EACH ROW UPDATE search_state SET version = version + 1;
CREATE TRIGGER jobs_ad_search_state AFTER DELETE ON jobs FOR EACH ROW UPDATE search_state SET version = version + 1;
CREATE TRIGGER job_skills_ai_search_state AFTER INSERT ON job_skills FOR EACH ROW UPDATE search_state SET version = version + 1;
CREATE TRIGGER job_skills_ad_search_state AFTER DELETE ON job_skills FOR EACH ROW UPDATE search_state SET version = version + 1;
CREATE TRIGGER companies_au_search_state AFTER UPDATE ON companies FOR EACH ROW UPDATE search_state SET version = version + 1;
CREATE TRIGGER skills_au_search_state AFTER UPDATE ON skills FOR EACH ROW UPDATE search_state SET version = version + 1;
-- MySQL only: rows removed by a foreign key action (ON DELETE CASCADE / SET NULL) fire no
-- trigger, unlike PostgreSQL and SQLite. Deleting a skill deletes its job_skills rows that way,
-- so the skill bumps the version itself, before the cascade, when it has such rows.
CREATE TRIGGER skills_bd_search_state BEFORE DELETE ON skills FOR EACH ROW UPDATE search_state SET version = version + 1 WHERE EXISTS (SELECT 1 FROM job_skills WHERE job_skills.skill_id = OLD.id);

-- Full-text search: one row per posting and language, maintained by the application
-- (src/db/dialect.rs) in the same transaction as the posting, like job_search on PostgreSQL
-- (keyed by job_id and locale) with the text columns of the SQLite one (title, body). The body
-- holds the posting's several texts together, hence MEDIUMTEXT.
--   job_search_title_idx     FULLTEXT (title):        MATCH (title) AGAINST (...)
--   job_search_document_idx  FULLTEXT (title, body):  MATCH (title, body) AGAINST (...)
-- InnoDB fixes an index's stopword list when it builds the index: it is built without one, so
-- that every word is found, as with SQLite's FTS5 (the default list drops the, und, for, with
-- and so on). A rebuild of this table (ALTER TABLE, OPTIMIZE TABLE, a restored dump) must run
-- with innodb_ft_enable_stopword = OFF too, best set for the whole server.
SET SESSION innodb_ft_enable_stopword = OFF;
CREATE TABLE job_search (
    job_id BIGINT NOT NULL,
    locale VARCHAR(16) NOT NULL,
    title TEXT NOT NULL,
    body MEDIUMTEXT NOT NULL,
    -- Also the index of the foreign key.
    PRIMARY KEY (job_id, locale),
    FULLTEXT INDEX job_search_title_idx (title),
    FULLTEXT INDEX job_search_document_idx (title, body),
    CONSTRAINT job_search_job_id_fkey FOREIGN KEY (job_id)
        REFERENCES jobs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
SET SESSION innodb_ft_enable_stopword = DEFAULT;
