//! Who calls the API: the `Authorization: Bearer hb_…` token of a protected route, checked,
//! rate-limited and recorded as used, before the handler runs. Every refusal is a problem
//! document with the `WWW-Authenticate` challenge RFC 6750 asks for.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, ResponseError};

use crate::auth::rate_limit::{Limit, Taken};
use crate::error::{AppError, ErrorCode};
use crate::models::api_token::{self, Holder, Refusal, Scope};
use crate::state::AppState;

/// The realm of every challenge.
const CHALLENGE: &str = "Bearer realm=\"hireboard\"";
/// The query parameters a client might put a token in, besides any value shaped like one.
const TOKEN_PARAMS: [&str; 5] = ["access_token", "token", "api_key", "apikey", "key"];
/// The rate limit's window: `API_RATE_LIMIT` requests per token in any minute.
const WINDOW: Duration = Duration::from_secs(60);

/// Why the API refused a caller.
#[derive(Debug, thiserror::Error)]
pub enum ApiRefusal {
    #[error("no bearer token")]
    Missing,
    #[error("a token in the query string")]
    InQuery,
    #[error("unknown or revoked token")]
    Invalid,
    #[error("expired token")]
    Expired,
    #[error("the token lacks the scope {}", .0.as_str())]
    Scope(Scope),
    #[error("rate limited for {retry_after} s")]
    RateLimited { limit: u32, retry_after: u64 },
    #[error(transparent)]
    App(#[from] AppError),
}

/// The detail's argument of a problem: what the client needs to act on it (the scope it
/// lacks).
#[derive(Debug, Clone)]
pub struct ProblemArg(pub &'static str, pub String);

impl ResponseError for ApiRefusal {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiRefusal::Scope(_) => StatusCode::FORBIDDEN,
            ApiRefusal::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiRefusal::App(e) => e.status_code(),
            _ => StatusCode::UNAUTHORIZED,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let (code, challenge) = match self {
            ApiRefusal::App(e) => return e.error_response(),
            ApiRefusal::Missing => ("error-unauthorized", CHALLENGE.to_owned()),
            ApiRefusal::InQuery => ("error-token-in-query", CHALLENGE.to_owned()),
            ApiRefusal::Invalid => {
                ("error-invalid-token", format!("{CHALLENGE}, error=\"invalid_token\""))
            }
            ApiRefusal::Expired => {
                ("error-token-expired", format!("{CHALLENGE}, error=\"invalid_token\""))
            }
            ApiRefusal::Scope(scope) => (
                "error-insufficient-scope",
                format!("{CHALLENGE}, error=\"insufficient_scope\", scope=\"{}\"", scope.as_str()),
            ),
            ApiRefusal::RateLimited { .. } => ("error-rate-limited", String::new()),
        };
        let mut response = HttpResponse::build(self.status_code()).finish();
        let headers = response.headers_mut();
        if !challenge.is_empty()
            && let Ok(value) = HeaderValue::from_str(&challenge)
        {
            headers.insert(header::WWW_AUTHENTICATE, value);
        }
        if let ApiRefusal::RateLimited { limit, retry_after } = self {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(*retry_after));
            let taken = Taken { allowed: false, remaining: 0, retry_after: *retry_after };
            rate_limit_headers(headers, *limit, &taken);
        }
        response.extensions_mut().insert(ErrorCode(code));
        if let ApiRefusal::Scope(scope) = self {
            response.extensions_mut().insert(ProblemArg("scope", scope.as_str().to_owned()));
        }
        response
    }
}

/// The token's room in its rate limit, kept on the request for the response's headers.
#[derive(Debug, Clone, Copy)]
struct Room {
    limit: u32,
    taken: Taken,
}

/// The `RateLimit-Policy` and `RateLimit` fields of the IETF draft
/// (draft-ietf-httpapi-ratelimit-headers): the quota per window, and what is left of it.
fn rate_limit_headers(headers: &mut header::HeaderMap, limit: u32, taken: &Taken) {
    let policy = format!("\"token\";q={limit};w={}", WINDOW.as_secs());
    let left = format!("\"token\";r={};t={}", taken.remaining, taken.retry_after);
    for (name, value) in [("ratelimit-policy", policy), ("ratelimit", left)] {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(HeaderName::from_static(name), value);
        }
    }
}

/// The caller of a protected route: a valid token within its rate limit.
#[derive(Debug, Clone)]
pub struct Caller {
    pub token: Holder,
}

impl Caller {
    /// Refuses the request unless the token has `scope`.
    pub fn require(&self, scope: Scope) -> Result<(), ApiRefusal> {
        if self.token.may(scope) { Ok(()) } else { Err(ApiRefusal::Scope(scope)) }
    }

    /// The one company the token is bound to, if any.
    pub fn company(&self) -> Option<i64> {
        self.token.company_id
    }

    /// Who the audit log says made a change: the token, by name and id (and, for a
    /// recruiter's token, the recruiter, whom the staff's review answers).
    pub fn actor(&self) -> crate::models::audit::Actor {
        let label = format!("API: {} (#{})", self.token.name, self.token.id);
        crate::models::audit::Actor { admin_user_id: self.token.recruiter, label }
    }

    /// The recruiter a moderated token acts for: its postings go through the staff's review.
    pub fn recruiter(&self) -> Option<i64> {
        self.token.recruiter
    }

    /// The token as the back office's forms know their users: a recruiter's token is the
    /// recruiter (their companies' records only, edits of live postings sent for review);
    /// any other may name any record (its company's records are checked by the API before
    /// any write).
    pub fn editor(&self, tr: crate::i18n::Tr) -> crate::admin::resource::Editor {
        use crate::models::AdminRole;
        let viewer = match self.token.recruiter {
            Some(user) => {
                crate::admin::resource::Viewer { admin_user_id: user, role: AdminRole::Recruiter }
            }
            None => crate::admin::resource::Viewer { admin_user_id: 0, role: AdminRole::Admin },
        };
        crate::admin::resource::Editor::new(tr, viewer)
    }
}

impl FromRequest for Caller {
    type Error = ApiRefusal;
    type Future = Pin<Box<dyn Future<Output = Result<Caller, ApiRefusal>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { authenticate(&req).await })
    }
}

/// The bearer token of `req`'s `Authorization` header (the scheme's name in any case).
fn bearer(req: &HttpRequest) -> Option<&str> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

async fn authenticate(req: &HttpRequest) -> Result<Caller, ApiRefusal> {
    let presented = bearer(req).ok_or(ApiRefusal::Missing)?.to_owned();
    let state = req
        .app_data::<actix_web::web::Data<AppState>>()
        .ok_or_else(|| AppError::Internal("no app state".into()))?
        .clone();
    let address = crate::client_ip::of(req).map(|ip| ip.to_string()).unwrap_or_default();
    let limit = Limit { bucket: "api-token", max: state.config.api_rate_limit, window: WINDOW };
    let outcome = crate::web::with_conn(&state, move |conn| {
        let now = crate::db::now();
        let holder = match api_token::authenticate(conn, &presented, now)? {
            Ok(holder) => holder,
            Err(refusal) => return Ok(Err(refusal)),
        };
        let taken = limit.take_key(conn, &holder.id.to_string(), now)?;
        if taken.allowed {
            api_token::touch(conn, &holder, now, &address)?;
        }
        Ok(Ok((holder, taken)))
    })
    .await?;
    let (holder, taken) = match outcome {
        Ok(found) => found,
        Err(Refusal::Invalid) => return Err(ApiRefusal::Invalid),
        Err(Refusal::Expired) => return Err(ApiRefusal::Expired),
    };
    if !taken.allowed {
        crate::security::events::record(
            req,
            crate::security::events::Severity::Warning,
            "api-rate-limited",
            &[("token", &holder.id.to_string())],
        );
        return Err(ApiRefusal::RateLimited { limit: limit.max, retry_after: taken.retry_after });
    }
    req.extensions_mut().insert(Room { limit: limit.max, taken });
    Ok(Caller { token: holder })
}

/// Around every API request: a token in the query string is refused before anything runs (it
/// would sit in logs and browser histories: the client should revoke it), and a response to a
/// token gets its rate limit's headers and is kept out of shared caches.
pub async fn guard(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    if !super::is_api(req.path()) {
        return Ok(next.call(req).await?.map_into_left_body());
    }
    if token_in_query(req.query_string()) {
        let response = ApiRefusal::InQuery.error_response();
        return Ok(req.into_response(response).map_into_right_body());
    }
    // The reference page is HTML, for people.
    let accept = req.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok());
    if req.path() != "/api/docs" && accept.is_some_and(|accept| !accepts_json(accept)) {
        let response = AppError::NotAcceptable.error_response();
        return Ok(req.into_response(response).map_into_right_body());
    }
    let mut res = next.call(req).await?;
    let room = res.request().extensions().get::<Room>().copied();
    if let Some(Room { limit, taken }) = room {
        let headers = res.headers_mut();
        rate_limit_headers(headers, limit, &taken);
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
        let vary = match headers.get(header::VARY).and_then(|v| v.to_str().ok()) {
            Some(before) => format!("{before}, Authorization"),
            None => "Authorization".to_owned(),
        };
        if let Ok(vary) = HeaderValue::from_str(&vary) {
            headers.insert(header::VARY, vary);
        }
    }
    Ok(res.map_into_left_body())
}

/// Whether an `Accept` header takes JSON (problem documents included) at a weight above 0.
fn accepts_json(accept: &str) -> bool {
    accept.split(',').any(|range| {
        let mut parts = range.split(';').map(str::trim);
        let media = parts.next().unwrap_or_default().to_ascii_lowercase();
        let refused = parts.any(|p| {
            p.strip_prefix("q=").and_then(|q| q.parse::<f32>().ok()).is_some_and(|q| q <= 0.0)
        });
        let json = matches!(
            media.as_str(),
            "*/*" | "application/*" | "application/json" | "application/problem+json"
        );
        json && !refused
    })
}

/// Whether a query string carries something that looks like a token.
fn token_in_query(query: &str) -> bool {
    url::form_urlencoded::parse(query.as_bytes()).any(|(key, value)| {
        TOKEN_PARAMS.contains(&key.to_ascii_lowercase().as_str())
            || value.starts_with(api_token::PREFIX)
            || key.starts_with(api_token::PREFIX)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_acceptable_unless_the_client_refuses_it() {
        assert!(accepts_json("application/json"));
        assert!(accepts_json("text/html,application/xhtml+xml,*/*;q=0.8"));
        assert!(accepts_json("Application/Problem+JSON"));
        assert!(!accepts_json("text/html"));
        assert!(!accepts_json("application/xml, application/json;q=0"));
    }

    #[test]
    fn tokens_are_spotted_in_query_strings() {
        assert!(token_in_query("access_token=abc"));
        assert!(token_in_query("q=rust&API_KEY=abc"));
        assert!(token_in_query("q=hb_abcdef"));
        assert!(token_in_query("hb_abcdef"));
        assert!(!token_in_query("q=rust&limit=5"));
        assert!(!token_in_query(""));
    }

    #[test]
    fn only_the_bearer_scheme_is_read() {
        let with = |value: &str| {
            actix_web::test::TestRequest::default()
                .insert_header((header::AUTHORIZATION, value))
                .to_http_request()
        };
        assert_eq!(bearer(&with("Bearer hb_x")), Some("hb_x"));
        assert_eq!(bearer(&with("bearer  hb_x ")), Some("hb_x"));
        assert_eq!(bearer(&with("Basic aGI6eA==")), None);
        assert_eq!(bearer(&with("hb_x")), None);
        assert_eq!(bearer(&actix_web::test::TestRequest::default().to_http_request()), None);
    }
}
