//! Webhook endpoints over the API (`webhooks:write`): list, read with the latest deliveries,
//! create (its signing secret answered once), change, delete, rotate the secret, and send a
//! test event. Every write goes through the back office's webhook form: the same address
//! guard, checks, audit entries and limit on the number of endpoints.
//!
//! An endpoint receives every company's events, so a token bound to one company manages none
//! (403).

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::auth::{ApiRefusal, Caller};
use super::jobs::utc;
use super::problem::{Problem, locale_of};
use crate::admin::fields::FormValues;
use crate::admin::resource::Deleted;
use crate::db::schema::{events, webhook_deliveries, webhook_endpoints};
use crate::error::AppError;
use crate::models::api_token::Scope;
use crate::state::AppState;
use crate::web::{with_conn, with_read_conn};

/// How many of its latest deliveries an endpoint is read with.
const RECENT_DELIVERIES: i64 = 20;

/// An endpoint: where events go and which ones. Its secret is answered only when made
/// (creation, rotation).
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookEndpoint {
    pub id: i64,
    #[schema(example = "https://ats.example/hooks/hireboard")]
    pub url: String,
    pub description: String,
    /// The kinds of event sent to it; `*` is every kind.
    #[schema(example = json!(["job.published", "application.created"]))]
    pub events: Vec<String>,
    /// Whether events are sent to it (an endpoint that answers 410 Gone is turned off).
    pub enabled: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An endpoint as stored, without its secrets.
#[derive(Queryable, Selectable)]
#[diesel(table_name = webhook_endpoints)]
struct Row {
    id: i64,
    url: String,
    description: String,
    events: String,
    enabled: bool,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

impl From<Row> for WebhookEndpoint {
    fn from(r: Row) -> WebhookEndpoint {
        WebhookEndpoint {
            id: r.id,
            url: r.url,
            description: r.description,
            events: crate::admin::fields::list_items(&r.events),
            enabled: r.enabled,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

/// Every endpoint (a board has at most 50).
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookList {
    pub data: Vec<WebhookEndpoint>,
}

/// An endpoint with its latest deliveries.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookDetail {
    #[serde(flatten)]
    pub endpoint: WebhookEndpoint,
    /// Its latest 20 delivery attempts, newest first.
    pub recent_deliveries: Vec<Delivery>,
}

/// One attempt to deliver an event.
#[derive(Debug, Serialize, ToSchema)]
pub struct Delivery {
    /// The event's `webhook-id` header: the same on every attempt of one event.
    #[schema(example = "msg_42")]
    pub webhook_id: String,
    #[schema(example = "application.created")]
    pub r#type: String,
    pub attempt: i32,
    /// The receiver's HTTP status; absent when it could not be reached.
    pub status_code: Option<i32>,
    pub duration_ms: i32,
    /// Why the attempt failed, when it did.
    pub error: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A new endpoint with its signing secret, shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookCreated {
    #[serde(flatten)]
    pub endpoint: WebhookEndpoint,
    /// Signs every delivery (Standard Webhooks: `webhook-signature`); keep it secret.
    #[schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    pub secret: String,
}

/// An endpoint's new secret after a rotation.
#[derive(Debug, Serialize, ToSchema)]
pub struct RotatedSecret {
    /// Signs every delivery from now on.
    pub secret: String,
    /// Until then the previous secret signs beside it, so the receiver may switch without
    /// losing deliveries.
    pub previous_secret_expires_at: DateTime<Utc>,
}

/// A test event on its way.
#[derive(Debug, Serialize, ToSchema)]
pub struct PingSent {
    /// Its `webhook-id`; its delivery shows in the endpoint's `recent_deliveries`.
    #[schema(example = "msg_43")]
    pub webhook_id: String,
    #[schema(example = "webhook.ping")]
    pub r#type: String,
}

/// An endpoint as the API writes it. Creating one needs `url`; a change sends only the
/// fields it changes.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookInput {
    /// A public `http` or `https` address (private networks are refused).
    #[schema(example = "https://ats.example/hooks/hireboard")]
    pub url: Option<String>,
    pub description: Option<String>,
    /// Event kinds (`job.published`, `job.updated`, `job.expired`, `job.submitted`,
    /// `job.approved`, `job.rejected`, `application.created`, `application.stage_changed`), or
    /// `*` for all; every kind when made without it.
    #[schema(example = json!(["job.published", "application.created"]))]
    pub events: Option<Vec<String>>,
    /// Whether events are sent to it; on when made without it.
    pub enabled: Option<bool>,
}

impl WebhookInput {
    fn fill(self, values: &mut FormValues) {
        if let Some(url) = self.url {
            values.set("url", url);
        }
        if let Some(description) = self.description {
            values.set("description", description);
        }
        if let Some(events) = self.events {
            values.set("events", events.join(","));
        }
        if let Some(enabled) = self.enabled {
            values.set("enabled", if enabled { "on" } else { "off" });
        }
    }
}

/// Webhooks are the board's, not a company's: a token bound to a company is refused.
fn allowed(caller: &Caller) -> Result<(), ApiRefusal> {
    caller.require(Scope::WebhooksWrite)?;
    match caller.company() {
        Some(_) => Err(AppError::Forbidden.into()),
        None => Ok(()),
    }
}

/// The endpoint a path names, once the caller may manage endpoints.
fn endpoint_id(caller: &Caller, segment: &str) -> Result<i64, ApiRefusal> {
    allowed(caller)?;
    Ok(super::path_id(segment)?)
}

fn endpoint(conn: &mut crate::db::DbConn, id: i64) -> Result<WebhookEndpoint, AppError> {
    let row: Option<Row> =
        webhook_endpoints::table.find(id).select(Row::as_select()).first(conn).optional()?;
    row.map(WebhookEndpoint::from).ok_or(AppError::NotFound)
}

/// Saves `input` over endpoint `id` (or a new one) as its back-office form would; its id.
async fn save(
    state: &AppState,
    caller: &Caller,
    req: &HttpRequest,
    id: Option<i64>,
    input: WebhookInput,
) -> Result<i64, ApiRefusal> {
    let tr = state.tr(locale_of(req, state.config.default_locale));
    let (actor, editor) = (caller.actor(), caller.editor(tr));
    let search = state.search.clone();
    let saved = with_conn(state, move |conn| {
        crate::admin::edit::save_values(
            conn,
            &search,
            "webhooks",
            id,
            |v| input.fill(v),
            &actor,
            &editor,
        )?
        .map_err(super::body::refused)
    })
    .await?;
    Ok(saved.id)
}

/// Every endpoint, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/webhooks",
    tag = "webhooks",
    security(("token" = ["webhooks:write"])),
    responses(
        (status = 200, description = "Every endpoint", body = WebhookList),
        (status = 403, description = "The token lacks webhooks:write, or is bound to a company", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiRefusal> {
    allowed(&caller)?;
    let rows: Vec<Row> = with_read_conn(&state, |conn| {
        Ok(webhook_endpoints::table
            .order(webhook_endpoints::id.asc())
            .select(Row::as_select())
            .load(conn)?)
    })
    .await?;
    let data = rows.into_iter().map(WebhookEndpoint::from).collect();
    Ok(super::json(&req, &WebhookList { data }))
}

/// One endpoint with its latest deliveries.
#[utoipa::path(
    get,
    path = "/api/v1/webhooks/{id}",
    tag = "webhooks",
    security(("token" = ["webhooks:write"])),
    params(("id" = i64, Path, description = "The endpoint's id")),
    responses(
        (status = 200, description = "The endpoint", body = WebhookDetail),
    )
)]
pub async fn show(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiRefusal> {
    let id = endpoint_id(&caller, &path)?;
    let detail = with_read_conn(&state, move |conn| detail(conn, id)).await?;
    Ok(super::json(&req, &detail))
}

fn detail(conn: &mut crate::db::DbConn, id: i64) -> Result<WebhookDetail, AppError> {
    type Row = (i64, String, i32, Option<i32>, i32, Option<String>, chrono::NaiveDateTime);
    let endpoint = endpoint(conn, id)?;
    let rows: Vec<Row> = webhook_deliveries::table
        .inner_join(events::table.on(events::id.eq(webhook_deliveries::event_id)))
        .filter(webhook_deliveries::endpoint_id.eq(id))
        .order(webhook_deliveries::id.desc())
        .limit(RECENT_DELIVERIES)
        .select((
            webhook_deliveries::event_id,
            events::kind,
            webhook_deliveries::attempt,
            webhook_deliveries::status_code,
            webhook_deliveries::duration_ms,
            webhook_deliveries::error,
            webhook_deliveries::created_at,
        ))
        .load(conn)?;
    let recent_deliveries = rows
        .into_iter()
        .map(|(event, kind, attempt, status_code, duration_ms, error, at)| Delivery {
            webhook_id: format!("msg_{event}"),
            r#type: kind,
            attempt,
            status_code,
            duration_ms,
            error,
            created_at: utc(at),
        })
        .collect();
    Ok(WebhookDetail { endpoint, recent_deliveries })
}

/// Makes an endpoint; the answer holds its signing secret, this once.
#[utoipa::path(
    post,
    path = "/api/v1/webhooks",
    tag = "webhooks",
    security(("token" = ["webhooks:write"])),
    params(super::idempotency::KeyHeader),
    request_body = WebhookInput,
    responses(
        (status = 201, description = "The endpoint, with its secret", body = WebhookCreated,
            headers(("Location" = String, description = "The endpoint's address in the API"))),
        (status = 403, description = "The token lacks webhooks:write, or is bound to a company", body = Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "A request with this Idempotency-Key is still being answered", body = Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "Fields were refused (a private address, an unknown event kind, the board's 50 endpoints reached)", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ApiRefusal> {
    allowed(&caller)?;
    let digest = super::idempotency::digest(&req, &super::idempotency::json_content(&body));
    super::idempotency::once(&state, &caller, &req, digest, || async {
        let input: WebhookInput = super::body::json(&req, &body)?;
        let id = save(&state, &caller, &req, None, input).await?;
        let created = with_conn(&state, move |conn| {
            let secret =
                webhook_endpoints::table.find(id).select(webhook_endpoints::secret).first(conn)?;
            Ok(WebhookCreated { endpoint: endpoint(conn, id)?, secret })
        })
        .await?;
        Ok(super::created(format!("/api/v1/webhooks/{id}"), &created)?)
    })
    .await
}

/// Changes the fields sent; the others keep their values.
#[utoipa::path(
    patch,
    path = "/api/v1/webhooks/{id}",
    tag = "webhooks",
    security(("token" = ["webhooks:write"])),
    params(("id" = i64, Path, description = "The endpoint's id")),
    request_body = WebhookInput,
    responses(
        (status = 200, description = "The endpoint, as stored", body = WebhookDetail),
    )
)]
pub async fn update(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiRefusal> {
    let id = endpoint_id(&caller, &path)?;
    // A missing endpoint is a 404 whatever the body says.
    with_read_conn(&state, move |conn| endpoint(conn, id)).await?;
    let input: WebhookInput = super::body::json(&req, &body)?;
    save(&state, &caller, &req, Some(id), input).await?;
    let detail = with_read_conn(&state, move |conn| detail(conn, id)).await?;
    Ok(super::json(&req, &detail))
}

/// Deletes the endpoint with its delivery log; events waiting for it are not sent.
#[utoipa::path(
    delete,
    path = "/api/v1/webhooks/{id}",
    tag = "webhooks",
    security(("token" = ["webhooks:write"])),
    params(("id" = i64, Path, description = "The endpoint's id")),
    responses(
        (status = 204, description = "Deleted"),
    )
)]
pub async fn delete(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiRefusal> {
    let id = endpoint_id(&caller, &path)?;
    let tr = state.tr(locale_of(&req, state.config.default_locale));
    let (actor, editor) = (caller.actor(), caller.editor(tr));
    let search = state.search.clone();
    let outcome = with_conn(&state, move |conn| {
        crate::admin::edit::delete_values(conn, &search, "webhooks", id, &actor, &editor)
    })
    .await?;
    match outcome {
        Deleted::Done => Ok(HttpResponse::NoContent().finish()),
        Deleted::NotFound => Err(AppError::NotFound.into()),
        // Nothing refuses an endpoint's deletion today; if a rule ever does, it is a conflict.
        Deleted::Refused(reason) => Err(AppError::Conflict(reason).into()),
    }
}

/// Gives the endpoint a new signing secret; the previous one signs beside it for 24 hours.
#[utoipa::path(
    post,
    path = "/api/v1/webhooks/{id}/rotate_secret",
    tag = "webhooks",
    security(("token" = ["webhooks:write"])),
    params(("id" = i64, Path, description = "The endpoint's id")),
    responses(
        (status = 200, description = "The new secret", body = RotatedSecret),
    )
)]
pub async fn rotate_secret(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiRefusal> {
    let id = endpoint_id(&caller, &path)?;
    let actor = caller.actor();
    let rotated = with_conn(&state, move |conn| {
        crate::db::write_transaction(conn, |conn| {
            if !crate::webhooks::endpoint::rotate_secret_audited(conn, id, &actor)? {
                return Ok(None);
            }
            let (secret, until): (String, Option<chrono::NaiveDateTime>) = webhook_endpoints::table
                .find(id)
                .select((webhook_endpoints::secret, webhook_endpoints::previous_secret_expires_at))
                .first(conn)?;
            Ok::<_, AppError>(Some((secret, until)))
        })
    })
    .await?;
    let (secret, until) = rotated.ok_or(AppError::NotFound)?;
    let until = until.ok_or_else(|| AppError::Internal("a rotation without an overlap".into()))?;
    // Not `super::json`: a secret has no business in an ETag or a client's cache (every
    // response to a token is `no-store` anyway).
    Ok(HttpResponse::Ok().json(RotatedSecret { secret, previous_secret_expires_at: utc(until) }))
}

/// Sends the endpoint a `webhook.ping` event, to check the receiver without waiting for a
/// real one. It is delivered, signed and logged like any other, while the endpoint is on.
#[utoipa::path(
    post,
    path = "/api/v1/webhooks/{id}/ping",
    tag = "webhooks",
    security(("token" = ["webhooks:write"])),
    params(("id" = i64, Path, description = "The endpoint's id")),
    responses(
        (status = 202, description = "The test event is on its way", body = PingSent),
    )
)]
pub async fn ping(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiRefusal> {
    let id = endpoint_id(&caller, &path)?;
    let event = with_conn(&state, move |conn| {
        crate::db::write_transaction(conn, |conn| {
            Ok(crate::webhooks::endpoint::ping(conn, id, crate::db::now())?)
        })
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let sent = PingSent {
        webhook_id: format!("msg_{event}"),
        r#type: crate::webhooks::endpoint::PING.to_owned(),
    };
    Ok(HttpResponse::Accepted().json(sent))
}
