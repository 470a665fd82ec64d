//! `GET /api/v1/token`: the token a request presents, as the server sees it: its scopes, its
//! company, its expiry and whether its postings are reviewed. What a partner's program checks first when it is set up.

use actix_web::{HttpRequest, HttpResponse, web};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::auth::{ApiRefusal, Caller};
use super::jobs::{CompanyRef, utc};
use super::problem::Problem;
use crate::db::schema::companies;
use crate::state::AppState;
use crate::web::with_read_conn;

/// The token of the request.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenInfo {
    pub id: i64,
    /// The name it was given when it was made.
    pub name: String,
    /// What it may do.
    #[schema(example = json!(["jobs:read", "jobs:write"]))]
    pub scopes: Vec<&'static str>,
    /// The one company whose records it sees and changes; every company's when null.
    pub company: Option<CompanyRef>,
    /// When it stops working; never when null.
    pub expires_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Whether its postings go through the board's review: a recruiter's token, whose
    /// `publish` sends a posting for review (`pending_review`) unless the company is trusted.
    pub reviewed: bool,
}

/// The token this request presents.
#[utoipa::path(
    get,
    path = "/api/v1/token",
    tag = "tokens",
    security(("token" = [])),
    responses(
        (status = 200, description = "The token", body = TokenInfo),
        (status = 401, description = "No token, or not a valid one", body = Problem,
            content_type = "application/problem+json"),
        (status = 429, description = "Over the token's rate limit", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn show(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiRefusal> {
    let token = caller.token;
    let company = match token.company_id {
        None => None,
        Some(id) => {
            with_read_conn(&state, move |conn| {
                Ok(companies::table
                    .find(id)
                    .select((companies::name, companies::slug))
                    .first::<(String, String)>(conn)
                    .optional()?)
            })
            .await?
        }
    };
    let info = TokenInfo {
        id: token.id,
        name: token.name,
        scopes: token.scopes.iter().map(|s| s.as_str()).collect(),
        company: company.map(|(name, slug)| CompanyRef { name, slug }),
        expires_at: token.expires_at.map(utc),
        reviewed: token.recruiter.is_some(),
    };
    Ok(super::json(&req, &info))
}
