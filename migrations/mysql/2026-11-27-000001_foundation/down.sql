-- Dropping a table drops its triggers.
DROP TABLE job_search;
DROP TABLE search_state;
DROP TABLE admin_users;
DROP TABLE applications;
DROP TABLE job_skills;
DROP TABLE skills;
DROP TABLE job_translations;
DROP TABLE jobs;
DROP TABLE company_translations;
DROP TABLE companies;
