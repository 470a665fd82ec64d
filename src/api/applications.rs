//! Applications for an applicant-tracking system: `GET /api/v1/applications` (newest first,
//! by cursor), one with `GET …/{id}`, its CV with `GET …/{id}/cv` (`applications:read`), and
//! `POST …/{id}/stage` to move it through the pipeline by the back office's rules
//! (`applications:write`). A token bound to a company sees only the applications to that
//! company's postings; the others answer 404.

use actix_web::{HttpRequest, HttpResponse, web};
use base64::Engine;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::auth::{ApiRefusal, Caller};
use super::jobs::utc;
use super::problem::Problem;
use crate::db::DbConn;
use crate::db::schema::{applications, jobs};
use crate::error::{AppError, InvalidField};
use crate::models::ApplicationStatus;
use crate::models::api_token::Scope;
use crate::state::AppState;
use crate::web::{with_conn, with_read_conn};

/// The query of `GET /api/v1/applications`, for the document.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ListQuery {
    /// Only the applications to this posting (its id).
    job: Option<i64>,
    /// Only those at this stage.
    #[param(inline)]
    stage: Option<ApplicationStatus>,
    /// How many to return, 1 to 100 (50 when left out).
    #[param(minimum = 1, maximum = 100, default = 50)]
    limit: Option<u32>,
    /// Where the previous page ended: its `next`.
    cursor: Option<String>,
}

/// An application, as an applicant-tracking system reads it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApplicationView {
    pub id: i64,
    /// The posting applied to.
    pub job: JobRef,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub cover_letter: String,
    /// The language the applicant applied in.
    #[schema(example = "en")]
    pub language: String,
    pub stage: ApplicationStatus,
    /// Why it was rejected, when it was.
    pub rejection_reason: Option<String>,
    /// The CV's download address, when one was sent.
    pub cv_url: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// A posting an application belongs to.
#[derive(Debug, Serialize, ToSchema)]
pub struct JobRef {
    pub id: i64,
    pub title: String,
}

/// A page of applications.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApplicationList {
    pub data: Vec<ApplicationView>,
    /// The next page's address; null on the last page.
    pub next: Option<String>,
}

/// A move through the pipeline.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StageInput {
    /// The stage to move to.
    pub to: ApplicationStatus,
    /// Why, for a rejection (required then; at most 1,000 characters).
    #[serde(default)]
    pub reason: String,
}

pub(super) type Row = (crate::models::application::Application, String, Option<String>);

/// Applications joined to their postings, filtered as the request asks.
type Joined = diesel::dsl::IntoBoxed<
    'static,
    diesel::dsl::InnerJoin<applications::table, jobs::table>,
    crate::db::MultiBackend,
>;

/// The rows of `q`: each application with its posting's title and its CV's key, if any.
fn load(conn: &mut DbConn, q: Joined) -> QueryResult<Vec<Row>> {
    q.select((
        crate::models::application::Application::as_select(),
        jobs::title,
        applications::cv_key,
    ))
    .load(conn)
}

pub(super) fn view((a, title, cv): Row, base_url: &str) -> ApplicationView {
    ApplicationView {
        job: JobRef { id: a.job_id, title },
        cv_url: cv.map(|_| format!("{base_url}/api/v1/applications/{}/cv", a.id)),
        id: a.id,
        name: a.name,
        email: a.email,
        phone: a.phone,
        cover_letter: a.cover_letter,
        language: a.locale,
        stage: a.status,
        rejection_reason: a.rejection_reason,
        created_at: utc(a.created_at),
        updated_at: utc(a.updated_at),
    }
}

/// The applications a token may see: to its company's postings, when it is bound to one.
fn visible(bound: Option<i64>) -> Joined {
    let q = applications::table.inner_join(jobs::table).into_boxed();
    match bound {
        Some(company) => q.filter(jobs::company_id.eq(company)),
        None => q,
    }
}

const CURSOR_PREFIX: &str = "app.";

fn cursor_of(id: i64) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("{CURSOR_PREFIX}{id}"))
}

fn cursor_id(text: &str) -> Option<i64> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(text).ok()?;
    String::from_utf8(bytes).ok()?.strip_prefix(CURSOR_PREFIX)?.parse().ok()
}

/// The applications this token may read, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/applications",
    tag = "applications",
    security(("token" = ["applications:read"])),
    params(ListQuery),
    responses(
        (status = 200, description = "A page of applications", body = ApplicationList),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks applications:read", body = Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "A parameter was refused", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiRefusal> {
    caller.require(Scope::ApplicationsRead)?;
    let (mut job, mut stage, mut limit, mut after) = (None, None, 50_i64, None);
    let mut invalid = Vec::new();
    for (key, value) in url::form_urlencoded::parse(req.query_string().as_bytes()) {
        let bad = |reason| InvalidField::new(&key, reason, &value);
        match key.as_ref() {
            "job" => match value.parse::<i64>() {
                Ok(id) => job = Some(id),
                Err(_) => invalid.push(bad("api-invalid-value")),
            },
            "stage" => match ApplicationStatus::parse(&value) {
                Some(s) => stage = Some(s),
                None => invalid.push(bad("api-invalid-value")),
            },
            "limit" => match value.parse::<i64>() {
                Ok(n) if (1..=100).contains(&n) => limit = n,
                _ => invalid.push(bad("api-invalid-limit")),
            },
            // An empty cursor is the first slice, as if left out.
            "cursor" if value.is_empty() => {}
            "cursor" => match cursor_id(&value) {
                Some(id) => after = Some(id),
                None => invalid.push(bad("api-invalid-cursor")),
            },
            _ => invalid.push(bad("api-invalid-unknown")),
        }
    }
    if !invalid.is_empty() {
        return Err(AppError::Invalid(invalid).into());
    }
    let bound = caller.company();
    let base_url = state.config.base_url.clone();
    let rows: Vec<Row> = with_read_conn(&state, move |conn| {
        let mut q = visible(bound);
        if let Some(job) = job {
            q = q.filter(applications::job_id.eq(job));
        }
        if let Some(stage) = stage {
            q = q.filter(applications::status.eq(stage.as_str()));
        }
        if let Some(after) = after {
            q = q.filter(applications::id.lt(after));
        }
        Ok(load(conn, q.order(applications::id.desc()).limit(limit + 1))?)
    })
    .await?;
    let more = rows.len() as i64 > limit;
    let data: Vec<ApplicationView> =
        rows.into_iter().take(limit as usize).map(|r| view(r, &base_url)).collect();
    let next = match (more, data.last()) {
        (true, Some(last)) => {
            let mut query = url::form_urlencoded::Serializer::new(String::new());
            for (key, value) in url::form_urlencoded::parse(req.query_string().as_bytes()) {
                if key != "cursor" {
                    query.append_pair(&key, &value);
                }
            }
            query.append_pair("cursor", &cursor_of(last.id));
            Some(format!("{}/api/v1/applications?{}", state.config.base_url, query.finish()))
        }
        _ => None,
    };
    Ok(super::json(&req, &ApplicationList { data, next }))
}

/// One application this token may read, by id.
pub(super) fn one(conn: &mut DbConn, id: i64, bound: Option<i64>) -> Result<Row, AppError> {
    let q = visible(bound).filter(applications::id.eq(id));
    load(conn, q)?.pop().ok_or(AppError::NotFound)
}

/// One application.
#[utoipa::path(
    get,
    path = "/api/v1/applications/{id}",
    tag = "applications",
    security(("token" = ["applications:read"])),
    params(("id" = i64, Path, description = "The application's id")),
    responses(
        (status = 200, description = "The application", body = ApplicationView),
        (status = 404, description = "No application this token may read has this id", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn show(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiRefusal> {
    caller.require(Scope::ApplicationsRead)?;
    let (id, bound) = (super::path_id(&path)?, caller.company());
    let row = with_read_conn(&state, move |conn| one(conn, id, bound)).await?;
    Ok(super::json(&req, &view(row, &state.config.base_url)))
}

/// The application's CV, as the applicant sent it (PDF, DOCX or ODT).
#[utoipa::path(
    get,
    path = "/api/v1/applications/{id}/cv",
    tag = "applications",
    security(("token" = ["applications:read"])),
    params(("id" = i64, Path, description = "The application's id")),
    responses(
        (status = 200, description = "The file, as an attachment", content_type = "application/octet-stream"),
        (status = 404, description = "No such application, or it has no CV", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn cv(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiRefusal> {
    caller.require(Scope::ApplicationsRead)?;
    let (id, bound) = (super::path_id(&path)?, caller.company());
    let found = with_read_conn(&state, move |conn| {
        let q = visible(bound).filter(applications::id.eq(id));
        Ok(q.select((applications::cv_key, applications::cv_name, applications::cv_type))
            .first::<(Option<String>, Option<String>, Option<String>)>(conn)
            .optional()?)
    })
    .await?;
    let Some((Some(key), name, content_type)) = found else {
        return Err(AppError::NotFound.into());
    };
    Ok(crate::admin::resources::applications::cv_download(
        &state,
        &key,
        name.as_deref(),
        content_type,
    )
    .await?)
}

/// Moves an application to another stage, by the pipeline's rules (audited).
#[utoipa::path(
    post,
    path = "/api/v1/applications/{id}/stage",
    tag = "applications",
    security(("token" = ["applications:write"])),
    params(("id" = i64, Path, description = "The application's id")),
    request_body = StageInput,
    responses(
        (status = 200, description = "The application at its new stage", body = ApplicationView),
        (status = 404, description = "No application this token may change has this id", body = Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The pipeline does not allow this move from its stage", body = Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "A rejection without its reason, or another refused field", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn stage(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiRefusal> {
    use crate::models::pipeline::{MAX_REASON_CHARS, StageError, move_to};
    caller.require(Scope::ApplicationsWrite)?;
    let (id, bound, actor) = (super::path_id(&path)?, caller.company(), caller.actor());
    let input: StageInput = super::body::json(&req, &body)?;
    let row = with_conn(&state, move |conn| {
        one(conn, id, bound)?;
        let reason = || InvalidField::new("reason", "api-invalid-reason", "");
        match move_to(conn, id, input.to, &input.reason, &actor, crate::db::now()) {
            Ok(()) => {}
            Err(StageError::NotFound) => return Err(AppError::NotFound),
            Err(StageError::NotAllowed { .. }) => {
                return Err(AppError::Conflict("error-stage-conflict"));
            }
            Err(StageError::ReasonMissing) => return Err(AppError::Invalid(vec![reason()])),
            Err(StageError::ReasonTooLong) => {
                let field = InvalidField::with_arg(
                    "reason",
                    "api-invalid-reason-length",
                    "max",
                    &MAX_REASON_CHARS.to_string(),
                );
                return Err(AppError::Invalid(vec![field]));
            }
            Err(StageError::Database(e)) => return Err(e.into()),
        }
        one(conn, id, bound)
    })
    .await?;
    Ok(super::json(&req, &view(row, &state.config.base_url)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn cursors_round_trip_and_refuse_strangers() {
        assert_eq!(super::cursor_id(&super::cursor_of(42)), Some(42));
        assert_eq!(super::cursor_id("bm9wZQ"), None);
        assert_eq!(super::cursor_id("!!"), None);
    }
}
