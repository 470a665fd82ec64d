//! The `Idempotency-Key` header on the API's POSTs that create records (IETF draft
//! "The Idempotency-Key HTTP Header Field"): the first request under a key is answered and
//! its successful response kept for a day; the same request again gets that response back
//! (with `Idempotent-Replayed: true`) and creates nothing; another request under the key is a
//! 422, and one sent while the first is still being answered a 409. A failed request keeps
//! nothing, so it may be corrected and sent again under the same key.

use std::future::Future;

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse};
use sha2::{Digest, Sha256};

use super::auth::{ApiRefusal, Caller};
use crate::error::{AppError, InvalidField};
use crate::models::idempotency::{self, Claim, Kept};
use crate::state::AppState;
use crate::web::with_conn;

pub const HEADER: &str = "idempotency-key";
/// Marks a response sent again for a repeated request.
pub const REPLAYED: &str = "idempotent-replayed";

/// The header, for the document.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)]
pub struct KeyHeader {
    /// Any unique value (a UUID, say) of up to 255 visible characters: the same request sent
    /// again with it within a day gets the first response back, with `Idempotent-Replayed:
    /// true`, and creates nothing. Another request with a used key is a 422.
    #[param(rename = "Idempotency-Key")]
    idempotency_key: Option<String>,
}

/// What identifies a request under a key: its method, its path and `content`, the body in a
/// form that does not change when a client sends it again (see [`json_content`]).
pub fn digest(req: &HttpRequest, content: &[u8]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(req.method().as_str());
    hasher.update(b" ");
    hasher.update(req.path());
    hasher.update(b"\n");
    hasher.update(content);
    super::hex(&hasher.finalize())
}

/// A JSON body with its objects' keys in order and no white space, so that a client that
/// serializes the same document again is sending the same request; other bytes as they are.
pub fn json_content(body: &[u8]) -> Vec<u8> {
    fn write(value: &serde_json::Value, out: &mut Vec<u8>) {
        match value {
            serde_json::Value::Object(map) => {
                let mut entries: Vec<_> = map.iter().collect();
                entries.sort_by(|a, b| a.0.cmp(b.0));
                out.push(b'{');
                for (i, (key, value)) in entries.into_iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    write(&serde_json::Value::String(key.clone()), out);
                    out.push(b':');
                    write(value, out);
                }
                out.push(b'}');
            }
            serde_json::Value::Array(items) => {
                out.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    write(item, out);
                }
                out.push(b']');
            }
            other => out.extend(serde_json::to_vec(other).unwrap_or_default()),
        }
    }
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(value) => {
            let mut out = Vec::with_capacity(body.len());
            write(&value, &mut out);
            out
        }
        Err(_) => body.to_vec(),
    }
}

/// Answers the request with `run`, once per `Idempotency-Key` when the request has one.
/// `digest` is the request's [`digest`].
pub async fn once<F, Fut>(
    state: &AppState,
    caller: &Caller,
    req: &HttpRequest,
    digest: String,
    run: F,
) -> Result<HttpResponse, ApiRefusal>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<HttpResponse, ApiRefusal>>,
{
    let Some(sent) = req.headers().get(HEADER) else {
        return run().await;
    };
    let key = match sent.to_str() {
        Ok(key) if idempotency::well_formed(key) => key.to_owned(),
        _ => {
            let field = InvalidField::new("Idempotency-Key", "api-invalid-idempotency-key", "");
            return Err(AppError::Invalid(vec![field]).into());
        }
    };
    let token = caller.token.id;
    let now = crate::db::now();
    let claim =
        with_conn(state, move |conn| Ok(idempotency::claim(conn, token, &key, &digest, now)?))
            .await?;
    let id = match claim {
        Claim::New(id) => id,
        Claim::Replay(kept) => return Ok(replay(kept)),
        Claim::Mismatch => {
            let field = InvalidField::new("Idempotency-Key", "api-invalid-idempotency-reused", "");
            return Err(AppError::Invalid(vec![field]).into());
        }
        Claim::InFlight => return Err(AppError::Conflict("error-idempotency-in-flight").into()),
    };
    let answered = match run().await {
        Ok(response) if response.status().is_success() => kept(response).await,
        other => other.map(|response| (response, None)),
    };
    let kept = match &answered {
        Ok((_, Some(kept))) => Some(kept.clone()),
        _ => None,
    };
    let saved = with_conn(state, move |conn| {
        match &kept {
            Some(kept) => idempotency::keep(conn, id, kept)?,
            None => idempotency::release(conn, id)?,
        }
        Ok(())
    })
    .await;
    if let Err(e) = saved {
        // The record exists; only a repeat of the request would not find its response.
        log::error!("keeping the response under an idempotency key: {e}");
    }
    answered.map(|(response, _)| response)
}

/// A successful response with the copy of it to keep.
async fn kept(response: HttpResponse) -> Result<(HttpResponse, Option<Kept>), ApiRefusal> {
    let (head, body) = response.into_parts();
    let bytes = actix_web::body::to_bytes(body)
        .await
        .map_err(|e| AppError::Internal(format!("reading a response to keep: {e}")))?;
    let kept = Kept {
        status: head.status().as_u16(),
        location: head
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        body: String::from_utf8_lossy(&bytes).into_owned(),
    };
    Ok((head.set_body(bytes).map_into_boxed_body(), Some(kept)))
}

/// The kept response, sent again.
fn replay(kept: Kept) -> HttpResponse {
    let status = actix_web::http::StatusCode::from_u16(kept.status)
        .unwrap_or(actix_web::http::StatusCode::OK);
    let mut response = HttpResponse::build(status);
    response.content_type("application/json");
    response.insert_header((REPLAYED, HeaderValue::from_static("true")));
    if let Some(location) = kept.location.and_then(|l| HeaderValue::from_str(&l).ok()) {
        response.insert_header((header::LOCATION, location));
    }
    response.body(kept.body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_content_ignores_key_order_and_spacing() {
        let a = json_content(br#"{"b": [1, {"y": 2, "x": "\u00e9"}], "a": null}"#);
        let b = json_content(r#"{"a":null,"b":[1,{"x":"é","y":2}]}"#.as_bytes());
        assert_eq!(a, b);
        assert_eq!(String::from_utf8(a).unwrap(), r#"{"a":null,"b":[1,{"x":"é","y":2}]}"#);
        assert_ne!(json_content(br#"{"a":[1,2]}"#), json_content(br#"{"a":[2,1]}"#));
        assert_eq!(json_content(b"not json"), b"not json");
    }

    #[test]
    fn the_digest_names_method_path_and_content() {
        let post = |path: &str| actix_web::test::TestRequest::post().uri(path).to_http_request();
        let req = post("/api/v1/jobs");
        assert_eq!(digest(&req, b"x"), digest(&post("/api/v1/jobs"), b"x"));
        assert_ne!(digest(&req, b"x"), digest(&req, b"y"));
        assert_ne!(digest(&req, b"x"), digest(&post("/api/v1/jobs/1/applications"), b"x"));
    }
}
