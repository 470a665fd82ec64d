//! The back office: sign-in, sessions, CSRF, roles, and the resource pages.

mod auth;
mod batch;
mod export;
mod index;
mod roles;
mod show;
