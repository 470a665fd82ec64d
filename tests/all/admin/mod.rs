//! The back office: sign-in, sessions, CSRF, roles, and the resource pages.

mod auth;
mod batch;
mod export;
mod index;
mod resources;
mod roles;
mod show;
