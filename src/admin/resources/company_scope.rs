//! What an employer's recruiter sees: the records of the companies they work for
//! (`company_members`), as the predicates their resources' `scope_for` return.
//!
//! Each predicate is a subquery the database runs with the statement, not a list of ids read
//! beforehand: a membership removed takes effect on the next request, and a viewer never
//! carries a list that could go stale.

use crate::admin::engine::Pred;
use crate::admin::resource::Viewer;
use crate::db::schema::{admin_comments, admin_users, api_tokens, applications, companies, jobs};
use crate::models::AdminRole;
use crate::models::company_member::companies_of;
use diesel::dsl::auto_type;
use diesel::prelude::*;

#[auto_type]
fn jobs_of(admin_user_id: i64) -> _ {
    let companies: companies_of = companies_of(admin_user_id);
    jobs::table.filter(jobs::company_id.eq_any(companies)).select(jobs::id)
}

#[auto_type]
fn applications_of(admin_user_id: i64) -> _ {
    let postings: jobs_of = jobs_of(admin_user_id);
    applications::table.filter(applications::job_id.eq_any(postings)).select(applications::id)
}

/// The user a bound viewer is: `None` for everyone who sees every company's records.
fn bound(viewer: &Viewer) -> Option<i64> {
    viewer.is_bound().then_some(viewer.admin_user_id)
}

pub fn jobs(viewer: &Viewer) -> Option<Pred<jobs::table>> {
    let user = bound(viewer)?;
    Some(Box::new(jobs::company_id.eq_any(companies_of(user))))
}

pub fn companies(viewer: &Viewer) -> Option<Pred<companies::table>> {
    let user = bound(viewer)?;
    Some(Box::new(companies::id.eq_any(companies_of(user))))
}

/// The API tokens of their companies (a recruiter's token is always bound to one).
pub fn api_tokens(viewer: &Viewer) -> Option<Pred<api_tokens::table>> {
    let user = bound(viewer)?;
    Some(Box::new(api_tokens::company_id.assume_not_null().eq_any(companies_of(user))))
}

pub fn applications(viewer: &Viewer) -> Option<Pred<applications::table>> {
    let user = bound(viewer)?;
    Some(Box::new(applications::job_id.eq_any(jobs_of(user))))
}

/// The employer's own notes on its records: what the board's staff write about an employer's
/// postings stays with the staff. (A recruiter comments only on records they see: the notes of
/// recruiters on a company's records are its team's.)
pub fn comments(viewer: &Viewer) -> Option<Pred<admin_comments::table>> {
    let user = bound(viewer)?;
    let on = |resource: &'static str| admin_comments::resource.eq(resource);
    let on_their_record = on("jobs")
        .and(admin_comments::record_id.eq_any(jobs_of(user)))
        .or(on("companies").and(admin_comments::record_id.eq_any(companies_of(user))))
        .or(on("applications").and(admin_comments::record_id.eq_any(applications_of(user))));
    let recruiters = admin_users::table
        .filter(admin_users::role.eq(AdminRole::Recruiter.as_str()))
        .select(admin_users::id);
    let by_the_team = admin_comments::admin_user_id.assume_not_null().eq_any(recruiters);
    Some(Box::new(on_their_record.and(by_the_team)))
}
