//! Writing postings with a token (`jobs:write`): `POST /api/v1/jobs` makes a draft,
//! `PATCH /api/v1/jobs/{id}` changes the fields sent, and `POST …/publish`, `…/unpublish`,
//! `…/archive` move it through its lifecycle. Every write goes through the back office's own
//! form and lifecycle code: the same checks, audit entries, events and webhooks.
//!
//! A token bound to a company writes only that company's postings: others are 404, as if
//! they did not exist, so ids cannot be probed.

use actix_web::{HttpRequest, HttpResponse, web};
use diesel::prelude::*;
use serde::Deserialize;
use utoipa::ToSchema;

use super::auth::{ApiRefusal, Caller};
use super::job::JobDetail;
use super::problem::{Problem, locale_of};
use crate::admin::fields::FormValues;
use crate::db::DbConn;
use crate::db::schema::{companies, jobs};
use crate::error::{AppError, InvalidField};
use crate::i18n::Locale;
use crate::models::JobStatus;
use crate::models::api_token::Scope;
use crate::models::job::JobPage;
use crate::state::AppState;
use crate::web::with_conn;

/// A posting as the API writes it. Creating one needs `title` and `company` (a token bound to
/// a company may leave `company` out); a change sends only the fields it changes, `null`
/// clearing one. Lists of items (`responsibilities`, …) hold one item per line.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JobInput {
    /// The company's slug.
    #[schema(example = "acme-robotics")]
    pub company: Option<String>,
    /// The language the text is written in (`en`, `de`, `uk`); set when the posting is made,
    /// by default the request's language.
    #[schema(example = "en")]
    pub original_language: Option<String>,
    /// The address of the posting's page; made from the title when left out.
    pub slug: Option<String>,
    #[schema(example = "Senior Rust engineer")]
    pub title: Option<String>,
    pub summary: Option<String>,
    pub responsibilities: Option<String>,
    pub requirements: Option<String>,
    pub benefits: Option<String>,
    /// Every translation the posting has: sent, it replaces them all (`[]` removes them).
    pub translations: Option<Vec<TextInput>>,
    /// `onsite`, `hybrid` or `remote`.
    pub workplace: Option<String>,
    /// `full_time`, `part_time`, `contract`, `internship` or `temporary`.
    pub employment_type: Option<String>,
    /// `junior`, `mid`, `senior` or `lead`.
    pub seniority: Option<String>,
    #[serde(default, deserialize_with = "super::body::nullable")]
    #[schema(value_type = Option<String>)]
    pub city: Option<Option<String>>,
    /// ISO 3166 code.
    #[serde(default, deserialize_with = "super::body::nullable")]
    #[schema(value_type = Option<String>, example = "DE")]
    pub country: Option<Option<String>>,
    #[serde(default, deserialize_with = "super::body::nullable")]
    #[schema(value_type = Option<f64>)]
    pub latitude: Option<Option<f64>>,
    #[serde(default, deserialize_with = "super::body::nullable")]
    #[schema(value_type = Option<f64>)]
    pub longitude: Option<Option<f64>>,
    /// Where a remote posting may be worked from: ISO 3166 codes.
    pub remote_countries: Option<Vec<String>>,
    #[serde(default, deserialize_with = "super::body::nullable")]
    #[schema(value_type = Option<SalaryInput>)]
    pub salary: Option<Option<SalaryInput>>,
    /// The last day it takes applications (`YYYY-MM-DD`).
    #[serde(default, deserialize_with = "super::body::nullable")]
    #[schema(value_type = Option<String>, example = "2027-03-31")]
    pub valid_through: Option<Option<String>>,
    #[schema(example = json!(["Rust", "PostgreSQL"]))]
    pub skills: Option<Vec<String>>,
    /// Whether applicants must write a cover letter: `optional` (new postings) or
    /// `required`.
    pub cover_letter: Option<String>,
}

/// A posting's text in one language other than its original.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TextInput {
    #[schema(example = "de")]
    pub language: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub responsibilities: String,
    #[serde(default)]
    pub requirements: String,
    #[serde(default)]
    pub benefits: String,
}

/// A salary range; a posting with a salary needs its currency and period.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SalaryInput {
    pub min: Option<i64>,
    pub max: Option<i64>,
    /// ISO 4217 code.
    #[schema(example = "EUR")]
    pub currency: Option<String>,
    /// `year`, `month` or `hour`.
    pub period: Option<String>,
}

impl JobInput {
    /// A translation's language this board does not have, checked before anything is saved.
    fn unknown_language(&self) -> Option<&str> {
        let languages = self.translations.iter().flatten().map(|t| t.language.as_str());
        languages.into_iter().find(|l| Locale::parse(l).is_none())
    }

    /// Writes what was sent over the form's values; `company` is the company's id.
    fn fill(self, values: &mut FormValues, company: Option<i64>) {
        let text = |v: Option<String>| v.unwrap_or_default();
        let number = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
        let mut set = |key: &str, value: String| values.set(key, value);
        if let Some(id) = company {
            set("company", format!("#{id}"));
        }
        let plain = [
            ("original_locale", self.original_language),
            ("slug", self.slug),
            ("title", self.title),
            ("summary", self.summary),
            ("responsibilities", self.responsibilities),
            ("requirements", self.requirements),
            ("benefits", self.benefits),
            ("workplace", self.workplace),
            ("employment_type", self.employment_type),
            ("seniority", self.seniority),
            ("cover_letter", self.cover_letter),
        ];
        for (key, value) in plain {
            if let Some(value) = value {
                set(key, value);
            }
        }
        for (key, value) in [
            ("city", self.city),
            ("country_code", self.country),
            ("valid_through", self.valid_through),
        ] {
            if let Some(value) = value {
                set(key, text(value));
            }
        }
        for (key, value) in [("latitude", self.latitude), ("longitude", self.longitude)] {
            if let Some(value) = value {
                set(key, value.map(|n| n.to_string()).unwrap_or_default());
            }
        }
        if let Some(list) = self.remote_countries {
            set("remote_countries", list.join(", "));
        }
        if let Some(list) = self.skills {
            set("skills", list.join(", "));
        }
        if let Some(salary) = self.salary {
            let salary = salary.unwrap_or(SalaryInput {
                min: None,
                max: None,
                currency: None,
                period: None,
            });
            set("salary_min", number(salary.min));
            set("salary_max", number(salary.max));
            set("salary_currency", text(salary.currency));
            set("salary_period", text(salary.period));
        }
        if let Some(translations) = self.translations {
            values.translations.clear();
            values.confirmed.clear();
            for t in translations {
                // Refused before (`unknown_language`).
                let Some(locale) = Locale::parse(&t.language) else { continue };
                let texts = [
                    ("title", t.title),
                    ("summary", t.summary),
                    ("responsibilities", t.responsibilities),
                    ("requirements", t.requirements),
                    ("benefits", t.benefits),
                ];
                values.translations.insert(
                    locale,
                    texts.into_iter().map(|(k, v)| (k.to_owned(), v.trim().to_owned())).collect(),
                );
                // A translation sent with the original is the client's word that they match.
                values.confirmed.insert(locale);
            }
        }
    }
}

/// The company a write names: its slug's id, or the token's own company. 422 for a slug no
/// company has, or one a company-bound token may not post for.
fn company_of(
    conn: &mut DbConn,
    slug: Option<&str>,
    bound: Option<i64>,
) -> Result<Option<i64>, AppError> {
    let Some(slug) = slug else { return Ok(bound) };
    let found: Option<i64> = companies::table
        .filter(companies::slug.eq(slug))
        .select(companies::id)
        .first(conn)
        .optional()?;
    match (found, bound) {
        (None, _) => {
            Err(AppError::Invalid(vec![InvalidField::new("company", "api-invalid-value", slug)]))
        }
        (Some(id), Some(own)) if id != own => {
            Err(AppError::Invalid(vec![InvalidField::new("company", "api-invalid-company", "")]))
        }
        (Some(id), _) => Ok(Some(id)),
    }
}

/// Not found unless posting `id` exists and the token may read and write it.
pub(super) fn writable(conn: &mut DbConn, id: i64, bound: Option<i64>) -> Result<(), AppError> {
    let company: Option<i64> =
        jobs::table.find(id).select(jobs::company_id).first(conn).optional()?;
    match (company, bound) {
        (Some(company), Some(own)) if company != own => Err(AppError::NotFound),
        (Some(_), _) => Ok(()),
        (None, _) => Err(AppError::NotFound),
    }
}

/// Posting `id` as the API shows it whatever its status: in every language, or in `only`.
pub(super) fn detail(
    conn: &mut DbConn,
    id: i64,
    only: Option<Locale>,
    base_url: &str,
) -> Result<JobDetail, AppError> {
    let original: String = jobs::table.find(id).select(jobs::original_locale).first(conn)?;
    let locale = only.or(Locale::parse(&original)).unwrap_or_default();
    let mut page = JobPage::load_preview(conn, id, locale)?.ok_or(AppError::NotFound)?;
    page.skills = crate::models::skill::Skill::tags_of_job(conn, id)?;
    Ok(JobDetail::new(&page, only, base_url))
}

/// The posting a path names by id or slug, whatever its status.
pub(super) fn id_or_slug(conn: &mut DbConn, key: &str) -> Result<i64, AppError> {
    if let Ok(id) = key.parse::<i64>() {
        return Ok(id);
    }
    let found = jobs::table.filter(jobs::slug.eq(key)).select(jobs::id).first(conn).optional()?;
    found.ok_or(AppError::NotFound)
}

/// Creates or changes a posting; the response's body is the posting as stored.
async fn save(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    body: web::Bytes,
    key: Option<String>,
) -> Result<JobDetail, ApiRefusal> {
    caller.require(Scope::JobsWrite)?;
    let mut input: JobInput = super::body::json(&req, &body)?;
    let tr = state.tr(locale_of(&req, state.config.default_locale));
    let (actor, editor, bound) = (caller.actor(), caller.editor(tr), caller.company());
    let search = state.search.clone();
    let base_url = state.config.base_url.clone();
    let detail = with_conn(&state, move |conn| {
        let id = match key {
            Some(key) => Some(id_or_slug(conn, &key)?),
            None => None,
        };
        if let Some(id) = id {
            writable(conn, id, bound)?;
        }
        if let Some(language) = input.unknown_language() {
            let field = InvalidField::new("translations.language", "api-invalid-value", language);
            return Err(AppError::Invalid(vec![field]));
        }
        let slug = input.company.take();
        let company = company_of(conn, slug.as_deref(), bound)?;
        let fill = |values: &mut FormValues| input.fill(values, company);
        let saved =
            crate::admin::edit::save_values(conn, &search, "jobs", id, fill, &actor, &editor)?
                .map_err(super::body::refused)?;
        detail(conn, saved.id, None, &base_url)
    })
    .await?;
    Ok(detail)
}

/// Makes a draft posting.
#[utoipa::path(
    post,
    path = "/api/v1/jobs",
    tag = "jobs",
    security(("token" = ["jobs:write"])),
    params(super::idempotency::KeyHeader),
    request_body = JobInput,
    responses(
        (status = 201, description = "The draft, as stored", body = JobDetail,
            headers(("Location" = String, description = "The posting's address in the API"))),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks jobs:write", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A request with this Idempotency-Key is still being answered", body = Problem,
            content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Fields were refused, each named with the reason", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ApiRefusal> {
    caller.require(Scope::JobsWrite)?;
    let digest = super::idempotency::digest(&req, &super::idempotency::json_content(&body));
    let (state2, caller2, req2) = (state.clone(), caller.clone(), req.clone());
    super::idempotency::once(&state, &caller, &req, digest, || async move {
        let detail = save(state2, caller2, req2, body, None).await?;
        Ok(super::created(format!("/api/v1/jobs/{}", detail.id), &detail)?)
    })
    .await
}

/// Changes the fields sent; the others keep their values.
#[utoipa::path(
    patch,
    path = "/api/v1/jobs/{id_or_slug}",
    tag = "jobs",
    security(("token" = ["jobs:write"])),
    params(("id_or_slug" = String, Path, description = "The posting's id or slug")),
    request_body = JobInput,
    responses(
        (status = 200, description = "The posting, as stored", body = JobDetail),
        (status = 404, description = "No posting this token may change has this id", body = Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "Fields were refused, each named with the reason", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn update(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiRefusal> {
    let detail = save(state, caller, req.clone(), body, Some(path.into_inner())).await?;
    Ok(super::json(&req, &detail))
}

/// Moves a posting to `to` through the lifecycle's rules (audited, with its event).
async fn transition(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<String>,
    to: JobStatus,
) -> Result<HttpResponse, ApiRefusal> {
    use crate::models::job::lifecycle::{self, StatusError};
    caller.require(Scope::JobsWrite)?;
    let id = super::path_id(&path)?;
    let (actor, bound, recruiter) = (caller.actor(), caller.company(), caller.recruiter());
    // A recruiter's token publishes as the recruiter does: by sending for review. Taking a
    // posting off the board is the staff's, as in the back office.
    if recruiter.is_some() && to != JobStatus::Published {
        return Err(AppError::Forbidden.into());
    }
    let tr = state.tr(state.config.default_locale);
    let search = state.search.clone();
    let base_url = state.config.base_url.clone();
    let detail = with_conn(&state, move |conn| {
        writable(conn, id, bound)?;
        if recruiter.is_some() {
            submit(conn, id, &actor, &tr)?;
            search.refresh_if_stale(conn)?;
            return detail(conn, id, None, &base_url);
        }
        match lifecycle::change_status(conn, id, to, &actor, crate::db::now()) {
            Ok(()) => {}
            Err(StatusError::NotFound) => return Err(AppError::NotFound),
            Err(StatusError::NotAllowed { .. }) => {
                return Err(AppError::Conflict("error-status-conflict"));
            }
            Err(StatusError::Database(e)) => return Err(e.into()),
        }
        search.refresh_if_stale(conn)?;
        detail(conn, id, None, &base_url)
    })
    .await?;
    Ok(super::json(&req, &detail))
}

/// Sends posting `id` for the staff's review for a recruiter's token (a trusted company's
/// goes live at once); 409 when its status cannot be sent.
fn submit(
    conn: &mut DbConn,
    id: i64,
    actor: &crate::models::audit::Actor,
    tr: &crate::i18n::Tr,
) -> Result<(), AppError> {
    use crate::models::job::review::{self, ReviewError};
    let snapshot = crate::admin::review_diff::snapshot(conn, id, tr)?;
    match review::submit(conn, id, &snapshot, actor, crate::db::now()) {
        Ok(_) => Ok(()),
        Err(ReviewError::NotFound) => Err(AppError::NotFound),
        Err(ReviewError::NotSubmittable(_)) => Err(AppError::Conflict("error-status-conflict")),
        Err(ReviewError::Database(e)) => Err(e.into()),
        Err(e) => Err(AppError::Internal(format!("sending posting {id} for review: {e}"))),
    }
}

/// Publishes a draft (or a filled or expired posting again); a recruiter's token sends it for
/// the staff's review instead, as the recruiter's back office does.
#[utoipa::path(
    post,
    path = "/api/v1/jobs/{id}/publish",
    tag = "jobs",
    security(("token" = ["jobs:write"])),
    params(("id" = i64, Path, description = "The posting's id")),
    responses(
        (status = 200, description = "The posting, published; with a recruiter's token, sent for the staff's review (`pending_review`) unless their company is trusted", body = JobDetail),
        (status = 404, description = "No posting this token may change has this id", body = Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "Its status does not allow this move", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn publish(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiRefusal> {
    transition(state, caller, req, path, JobStatus::Published).await
}

/// Takes a published posting back to draft.
#[utoipa::path(
    post,
    path = "/api/v1/jobs/{id}/unpublish",
    tag = "jobs",
    security(("token" = ["jobs:write"])),
    params(("id" = i64, Path, description = "The posting's id")),
    responses(
        (status = 200, description = "The posting, a draft again", body = JobDetail),
        (status = 403, description = "The token lacks jobs:write, or is a recruiter's: taking postings off the board is the staff's", body = Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No posting this token may change has this id", body = Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "Its status does not allow this move", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn unpublish(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiRefusal> {
    transition(state, caller, req, path, JobStatus::Draft).await
}

/// Archives a posting: it leaves the board and takes no more applications.
#[utoipa::path(
    post,
    path = "/api/v1/jobs/{id}/archive",
    tag = "jobs",
    security(("token" = ["jobs:write"])),
    params(("id" = i64, Path, description = "The posting's id")),
    responses(
        (status = 200, description = "The posting, archived", body = JobDetail),
        (status = 403, description = "The token lacks jobs:write, or is a recruiter's: taking postings off the board is the staff's", body = Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No posting this token may change has this id", body = Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "Its status does not allow this move", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn archive(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiRefusal> {
    transition(state, caller, req, path, JobStatus::Archived).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_is_sent_changes_and_null_clears() {
        let mut values = FormValues::default();
        values.set("city", "Berlin");
        values.set("title", "Welder");
        values.set("salary_min", "50000");
        let input: JobInput = serde_json::from_str(
            r#"{"city": null, "salary": {"min": 1, "max": 2, "currency": "EUR", "period": "year"},
                "skills": ["Rust", "SQL"]}"#,
        )
        .unwrap();
        input.fill(&mut values, Some(7));
        assert_eq!(values.get("city"), "");
        assert_eq!(values.get("title"), "Welder");
        assert_eq!(values.get("salary_max"), "2");
        assert_eq!(values.get("skills"), "Rust, SQL");
        assert_eq!(values.get("company"), "#7");
    }
}
