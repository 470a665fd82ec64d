//! The back office under `/admin`: sign-in, the dashboard, and the generic resource engine.
//!
//! Every handler takes a [`CurrentAdmin`] (no session, no page) and asks the policy before it
//! reads or writes anything; every state-changing request comes through [`AdminForm`], which
//! refuses it without a valid CSRF token before the handler runs.

pub mod account;
pub mod batch;
pub mod board;
pub mod dashboard;
pub mod edit;
pub mod export;
pub mod fields;
pub mod form;
pub mod index;
pub mod invitations;
pub mod layout;
pub mod login;
pub mod resource;
pub mod resources;
pub mod saved_views;
pub mod show;
pub mod task_overview;
pub mod uploads;

use actix_web::web;

pub use crate::auth::current::CurrentAdmin;
pub use form::AdminForm;
pub use layout::{AdminLayout, Flash};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(login::show)
        .service(login::submit)
        .service(login::logout)
        .service(account::logout_everywhere)
        .service(account::set_locale)
        .service(dashboard::show)
        .service(invitations::new)
        .service(invitations::create)
        .service(invitations::password_form)
        .service(invitations::set_password)
        .service(resources::jobs::change_status)
        .service(resources::job_actions::preview)
        .service(resources::job_actions::duplicate)
        .service(task_overview::overview)
        .service(task_overview::update_schedule)
        .service(resources::tasks::retry_dead)
        .service(resources::outbox::html)
        .service(resources::webhook_deliveries::replay)
        .service(resources::tasks::retry)
        .service(resources::tasks::discard)
        .service(resources::applications::change_stage)
        .service(resources::applications::cv)
        .service(board::board)
        .service(batch::batch)
        .service(export::export)
        .service(saved_views::save)
        .service(saved_views::delete)
        // Last: `/admin/{resource}` and `/admin/{resource}/{id}` would otherwise take the fixed
        // paths above.
        .service(edit::new_form)
        .service(edit::lookup)
        .service(edit::create)
        .service(edit::edit_form)
        .service(edit::update)
        .service(edit::delete_form)
        .service(edit::delete)
        .service(index::index)
        .service(show::show)
        .service(show::add_comment);
}
