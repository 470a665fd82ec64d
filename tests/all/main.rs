//! The integration tests: one binary, driving the real app through its HTTP layer against a
//! real database (SQLite always; PostgreSQL too when TEST_DATABASE_URL_PG is set, and
//! MariaDB/MySQL when TEST_DATABASE_URL_MYSQL is).

mod support;

pub mod admin;
mod alerts;
mod api;
mod cli;
mod db_types;
mod dialect;
mod events;
mod feeds_in;
mod i18n;
mod import;
mod indexing;
mod migrations;
mod planner;
mod rate_limits;
mod search_index;
mod security;
mod tasks;
mod validators;
mod web;
mod webhooks;
