//! The back office under `/admin`: sign-in, the dashboard, and the generic resource engine.
//!
//! Every handler takes a [`CurrentAdmin`] (no session, no page) and asks the policy before it
//! reads or writes anything; every state-changing request comes through [`AdminForm`], which
//! refuses it without a valid CSRF token before the handler runs.

pub mod account;
pub mod batch;
pub mod board;
pub mod dashboard;
pub mod draft_form;
pub mod edit;
pub mod engine;
pub mod erasure;
pub mod export;
pub mod fields;
pub mod form;
pub mod history;
pub mod import_template;
pub mod imports;
pub mod index;
pub mod invitations;
pub mod layout;
pub mod login;
pub mod login_code;
pub mod member;
pub mod place_find;
pub mod posting_stats;
pub mod resource;
pub mod resources;
pub mod review;
pub mod review_diff;
pub mod saved_views;
pub mod search;
pub mod show;
pub mod submission;
pub mod task_overview;
pub mod team;
pub mod translations;
pub mod two_factor;
pub mod uploads;

pub use crate::auth::current::CurrentAdmin;
pub use form::AdminForm;
pub use layout::{AdminLayout, Flash};
