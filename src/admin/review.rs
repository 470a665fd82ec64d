//! `/admin/review`: the staff's queue of recruiters' postings waiting for review, longest
//! waiting first; each posting's review page shows what changed since its last approved
//! version, and approves it (it goes live) or sends it back with a reason, which is mailed to
//! the recruiter in their language. See `models::job::review`.

use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use diesel::prelude::*;
use serde::Deserialize;

use super::layout::{crumb, here};
use super::review_diff::{self, Changed};
use super::{AdminForm, AdminLayout, CurrentAdmin, Flash};
use crate::auth::policy::{Action, Area};
use crate::db::schema::{admin_users, companies, jobs};
use crate::error::AppError;
use crate::models::job::review::{self, MAX_REASON_CHARS, ReviewError};
use crate::state::AppState;
use crate::web::with_conn;

/// Postings the queue shows at most.
const QUEUE_LIMIT: i64 = 200;

pub struct QueueRow {
    pub title: String,
    pub url: String,
    pub company: String,
    pub company_url: String,
    pub company_awaiting: bool,
    pub submitted_by: String,
    pub submitted_at: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/review_queue.html")]
pub struct QueuePage {
    pub l: AdminLayout,
    pub rows: Vec<QueueRow>,
}

/// The names of back-office users, by id (one query).
fn names(
    conn: &mut crate::db::DbConn,
    ids: impl Iterator<Item = i64>,
) -> QueryResult<std::collections::HashMap<i64, String>> {
    let ids: Vec<i64> = ids.collect();
    let rows: Vec<(i64, String, String)> = admin_users::table
        .filter(admin_users::id.eq_any(&ids))
        .select((admin_users::id, admin_users::name, admin_users::email))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, email)| (id, if name.trim().is_empty() { email } else { name }))
        .collect())
}

pub async fn queue(state: web::Data<AppState>, admin: CurrentAdmin) -> Result<QueuePage, AppError> {
    admin.require(Area::Jobs, Action::ChangeStatus)?;
    let (waiting, senders) = with_conn(&state, |conn| {
        let waiting = review::queue(conn, QUEUE_LIMIT)?;
        let senders = names(conn, waiting.iter().filter_map(|w| w.submitted_by))?;
        Ok((waiting, senders))
    })
    .await?;
    let tr = admin.tr.clone();
    let title = tr.t("admin-review-title");
    Ok(QueuePage {
        l: AdminLayout::new(&admin, "review", title.clone(), vec![here(title)]),
        rows: waiting
            .into_iter()
            .map(|w| QueueRow {
                url: format!("/admin/review/{}", w.job_id),
                title: w.title,
                company_url: format!("/admin/companies/{}", w.company_id),
                company: w.company,
                company_awaiting: w.company_awaiting_approval,
                submitted_by: w
                    .submitted_by
                    .and_then(|id| senders.get(&id).cloned())
                    .unwrap_or_else(|| tr.t("admin-comment-former-user")),
                submitted_at: w.submitted_at.map(|at| tr.date(&at)).unwrap_or_default(),
            })
            .collect(),
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/review.html")]
pub struct ReviewPage {
    pub l: AdminLayout,
    pub job_id: i64,
    pub company: String,
    pub company_url: String,
    pub company_awaiting: bool,
    /// Never approved before: every field is new.
    pub first_version: bool,
    pub changes: Vec<Changed>,
    pub reason_max: usize,
    pub reason_error: Option<String>,
}

struct Reviewed {
    title: String,
    company_id: i64,
    company: String,
    awaiting: bool,
    status: String,
    before: Option<String>,
    after: String,
}

async fn load(state: &AppState, admin: &CurrentAdmin, id: i64) -> Result<Reviewed, AppError> {
    let tr = admin.tr.clone();
    with_conn(state, move |conn| {
        let (title, status, company_id, company, awaiting): (String, String, i64, String, bool) =
            jobs::table
                .inner_join(companies::table)
                .filter(jobs::id.eq(id))
                .select((
                    jobs::title,
                    jobs::status,
                    companies::id,
                    companies::name,
                    companies::awaiting_approval,
                ))
                .first(conn)
                .optional()?
                .ok_or(AppError::NotFound)?;
        let before = review::last_approved(conn, id)?;
        let after = review_diff::snapshot(conn, id, &tr)?;
        Ok(Reviewed { title, company_id, company, awaiting, status, before, after })
    })
    .await
}

fn page(admin: &CurrentAdmin, id: i64, r: Reviewed, reason_error: Option<String>) -> ReviewPage {
    let tr = &admin.tr;
    let queue = tr.t("admin-review-title");
    ReviewPage {
        l: AdminLayout::new(
            admin,
            "review",
            tr.t1("admin-review-of", "title", &r.title),
            vec![crumb(queue, "/admin/review"), here(r.title.clone())],
        ),
        job_id: id,
        company_url: format!("/admin/companies/{}", r.company_id),
        company: r.company,
        company_awaiting: r.awaiting,
        first_version: r.before.is_none(),
        changes: review_diff::changes(r.before.as_deref(), &r.after, tr),
        reason_max: MAX_REASON_CHARS,
        reason_error,
    }
}

pub async fn show(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    admin.require(Area::Jobs, Action::ChangeStatus)?;
    let id = path.into_inner();
    let reviewed = load(&state, &admin, id).await?;
    if reviewed.status != crate::models::JobStatus::PendingReview.as_str() {
        // Decided already (by someone else, a moment ago): the posting's own page says how.
        Flash::notice(&admin.session, admin.tr.t("admin-review-not-pending"));
        return Ok(crate::web::see_other(&format!("/admin/jobs/{id}")));
    }
    render(page(&admin, id, reviewed, None), 200)
}

fn render(page: ReviewPage, status: u16) -> Result<HttpResponse, AppError> {
    let html = page.render().map_err(|e| AppError::Internal(format!("rendering a review: {e}")))?;
    let status = actix_web::http::StatusCode::from_u16(status)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(HttpResponse::build(status).content_type("text/html; charset=utf-8").body(html))
}

/// What a decision's refusal tells the reviewer.
fn refused(admin: &CurrentAdmin, e: ReviewError) -> Result<HttpResponse, AppError> {
    let message = match e {
        ReviewError::NotFound => return Err(AppError::NotFound),
        ReviewError::CompanyAwaitingApproval => "admin-review-company-awaiting",
        ReviewError::NotPending | ReviewError::NotSubmittable(_) => "admin-review-not-pending",
        ReviewError::Database(e) => return Err(e.into()),
    };
    Flash::alert(&admin.session, admin.tr.t(message));
    Ok(crate::web::see_other("/admin/review"))
}

pub async fn approve(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<i64>,
    // The form's CSRF token, checked by the extractor; the button sends nothing else.
    _form: AdminForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    admin.require(Area::Jobs, Action::ChangeStatus)?;
    let id = path.into_inner();
    let (actor, tr) = (admin.actor(), admin.tr.clone());
    let (base_url, messages) = (state.config.base_url.clone(), state.messages.clone());
    let search = state.search.clone();
    let outcome = with_conn(&state, move |conn| {
        let outcome = crate::db::write_transaction(conn, |conn| {
            let snapshot = review_diff::snapshot(conn, id, &tr)?;
            let sent_by = match review::approve(conn, id, &snapshot, &actor, crate::db::now()) {
                Ok(sent_by) => sent_by,
                Err(e) => return Ok(Err(e)),
            };
            tell(conn, &messages, sent_by, id, None, &base_url)?;
            Ok::<_, AppError>(Ok(()))
        })?;
        // The approver finds it on the public site at once.
        search.refresh_if_stale(conn)?;
        Ok(outcome)
    })
    .await?;
    match outcome {
        Ok(()) => {
            Flash::notice(&admin.session, admin.tr.t("admin-review-approved"));
            Ok(crate::web::see_other("/admin/review"))
        }
        Err(e) => refused(&admin, e),
    }
}

#[derive(Deserialize)]
pub struct RejectForm {
    #[serde(default)]
    reason: String,
}

pub async fn reject(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<i64>,
    form: AdminForm<RejectForm>,
) -> Result<HttpResponse, AppError> {
    admin.require(Area::Jobs, Action::ChangeStatus)?;
    let id = path.into_inner();
    let reason = form.data.reason.trim().to_owned();
    let problem = if reason.is_empty() {
        Some("admin-review-reason-needed")
    } else if reason.chars().count() > MAX_REASON_CHARS {
        Some("admin-review-reason-too-long")
    } else {
        None
    };
    if let Some(problem) = problem {
        let reviewed = load(&state, &admin, id).await?;
        let message = admin.tr.t1(problem, "max", &admin.tr.number(MAX_REASON_CHARS as i64));
        return render(page(&admin, id, reviewed, Some(message)), 422);
    }
    let actor = admin.actor();
    let (base_url, messages) = (state.config.base_url.clone(), state.messages.clone());
    let outcome = with_conn(&state, move |conn| {
        crate::db::write_transaction(conn, |conn| {
            let sent_by = match review::reject(conn, id, &reason, &actor, crate::db::now()) {
                Ok(sent_by) => sent_by,
                Err(e) => return Ok(Err(e)),
            };
            tell(conn, &messages, sent_by, id, Some(&reason), &base_url)?;
            Ok::<_, AppError>(Ok(()))
        })
    })
    .await?;
    match outcome {
        Ok(()) => {
            Flash::notice(&admin.session, admin.tr.t("admin-review-rejected"));
            Ok(crate::web::see_other("/admin/review"))
        }
        Err(e) => refused(&admin, e),
    }
}

/// Mails the recruiter who sent posting `id` the decision, in their language (in the
/// decision's transaction: the mail goes exactly when the decision stands).
fn tell(
    conn: &mut crate::db::DbConn,
    messages: &crate::i18n::Messages,
    recruiter: Option<i64>,
    id: i64,
    reason: Option<&str>,
    base_url: &str,
) -> Result<(), AppError> {
    let Some(recruiter) = recruiter else { return Ok(()) };
    let found: Option<(String, String, String)> = admin_users::table
        .filter(admin_users::id.eq(recruiter))
        .select((admin_users::email, admin_users::name, admin_users::locale))
        .first(conn)
        .optional()?;
    let Some((email, name, locale)) = found else { return Ok(()) };
    let title: String = jobs::table.find(id).select(jobs::title).first(conn)?;
    let tr = messages.tr(crate::i18n::Locale::parse(&locale).unwrap_or_default());
    let decided = crate::mail::review::Decided {
        to: &email,
        recruiter: if name.trim().is_empty() { &email } else { &name },
        job_id: id,
        job_title: &title,
        reason,
    };
    let email = crate::mail::review::decided(tr, &decided, base_url)
        .map_err(|e| AppError::Internal(format!("rendering a review mail: {e}")))?;
    crate::tasks::Task::enqueue(&crate::tasks::send_mail::SendMail { email }, conn)?;
    Ok(())
}
