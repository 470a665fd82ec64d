//! The back office: sign-in, sessions, CSRF, roles, and the resource pages.

mod api_tokens;
mod auth;
mod batch;
mod company_scope;
mod dashboard;
mod export;
mod forms;
mod imports;
mod index;
mod logos;
mod message_ids;
mod moderation;
mod resources;
pub mod roles;
mod search;
mod show;
mod sweep;
mod tasks;
mod team;
mod translations;
pub mod two_factor;
mod webhooks;
