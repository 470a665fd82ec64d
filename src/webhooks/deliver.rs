//! Delivering one event to one endpoint: checked by the SSRF guard, signed, posted with a
//! timeout and no redirects, logged with status and duration. 2xx is success; 410 Gone turns
//! the endpoint off; anything else is retried with backoff (the queue's), the same
//! `webhook-id` every time.

use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::guard::{self, SystemResolver};
use super::signature;
use crate::db::schema::{events, webhook_deliveries, webhook_endpoints};
use crate::tasks::{Task, TaskContext, TaskError};

/// How long a receiver has to answer.
const RESPONSE_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DeliverWebhook {
    pub endpoint_id: i64,
    pub event_id: i64,
}

struct Target {
    url: String,
    /// The current secret first; the previous one too during a rotation.
    secrets: Vec<String>,
    payload: String,
}

impl Task for DeliverWebhook {
    const KIND: &'static str = "deliver_webhook";
    const QUEUE: &'static str = "webhooks";
    const MAX_ATTEMPTS: i32 = 12;
    const TIMEOUT: Duration = Duration::from_secs(30);

    fn dedup_key(&self) -> Option<String> {
        Some(format!("webhook:{}:{}", self.endpoint_id, self.event_id))
    }

    async fn run(self, ctx: TaskContext) -> Result<(), TaskError> {
        let (endpoint_id, event_id) = (self.endpoint_id, self.event_id);
        let target = ctx
            .with_conn(move |conn| {
                type Endpoint = (String, String, Option<String>, Option<NaiveDateTime>, bool);
                let endpoint: Option<Endpoint> = webhook_endpoints::table
                    .filter(webhook_endpoints::id.eq(endpoint_id))
                    .select((
                        webhook_endpoints::url,
                        webhook_endpoints::secret,
                        webhook_endpoints::previous_secret,
                        webhook_endpoints::previous_secret_expires_at,
                        webhook_endpoints::enabled,
                    ))
                    .first(conn)
                    .optional()?;
                let payload: Option<String> = events::table
                    .filter(events::id.eq(event_id))
                    .select(events::payload)
                    .first(conn)
                    .optional()?;
                Ok(match (endpoint, payload) {
                    (Some((url, secret, previous, until, true)), Some(payload)) => Some(Target {
                        url,
                        secrets: super::endpoint::signing_secrets(
                            secret,
                            previous,
                            until,
                            crate::db::now(),
                        ),
                        payload,
                    }),
                    // Turned off or deleted meanwhile: nothing to deliver.
                    _ => None,
                })
            })
            .await?;
        let Some(target) = target else {
            return Ok(());
        };
        let allow = ctx.config.webhook_allow_hosts.clone();
        let started = Instant::now();
        let outcome = post(&target, event_id, &allow).await;
        let duration_ms = started.elapsed().as_millis().min(i32::MAX as u128) as i32;
        let (status, error) = match &outcome {
            Ok((status, _)) => (Some(*status), None),
            Err(e) => (None, Some(e.clone())),
        };
        let attempt = ctx.attempt;
        ctx.with_conn(move |conn| {
            diesel::insert_into(webhook_deliveries::table)
                .values((
                    webhook_deliveries::endpoint_id.eq(endpoint_id),
                    webhook_deliveries::event_id.eq(event_id),
                    webhook_deliveries::attempt.eq(attempt),
                    webhook_deliveries::status_code.eq(status.map(i32::from)),
                    webhook_deliveries::duration_ms.eq(duration_ms),
                    webhook_deliveries::error.eq(error),
                    webhook_deliveries::created_at.eq(crate::db::now()),
                ))
                .execute(conn)?;
            if status == Some(410) {
                diesel::update(
                    webhook_endpoints::table.filter(webhook_endpoints::id.eq(endpoint_id)),
                )
                .set(webhook_endpoints::enabled.eq(false))
                .execute(conn)?;
            }
            Ok(())
        })
        .await?;
        match outcome {
            Ok((status, _)) if (200..300).contains(&status) || status == 410 => Ok(()),
            // A receiver that says when to come back (429, 503) is not called sooner.
            Ok((status, Some(wait))) => Err(TaskError::retry_after(
                format!("the receiver answered HTTP {status}, retry after {} s", wait.as_secs()),
                wait,
            )),
            Ok((status, None)) => {
                Err(TaskError::retry(format!("the receiver answered HTTP {status}")))
            }
            Err(e) if e.starts_with("refused:") => Err(TaskError::permanent(e)),
            Err(e) => Err(TaskError::retry(e)),
        }
    }
}

/// Posts the signed event; the receiver's status and its `Retry-After`, or why none came.
async fn post(
    target: &Target,
    event_id: i64,
    allow: &[String],
) -> Result<(u16, Option<Duration>), String> {
    let url = target.url.clone();
    let allow = allow.to_vec();
    let addresses =
        tokio::task::spawn_blocking(move || guard::check(&url, &SystemResolver, &allow))
            .await
            .map_err(|e| e.to_string())?
            .map_err(|r| format!("refused: {} {}", r.message, r.detail))?;
    let parsed = url::Url::parse(&target.url).map_err(|e| format!("refused: {e}"))?;
    let host = parsed.host_str().unwrap_or_default().to_owned();
    let client = client(&host, &addresses)?;
    let id = format!("msg_{event_id}");
    let timestamp = chrono::Utc::now().timestamp();
    // One signature per secret, space-separated, as Standard Webhooks has it for rotations.
    let signature = target
        .secrets
        .iter()
        .map(|secret| signature::sign(secret, &id, timestamp, &target.payload))
        .collect::<Result<Vec<_>, _>>()?
        .join(" ");
    let response = client
        .post(target.url.as_str())
        .header("content-type", "application/json")
        .header("user-agent", concat!("Hireboard-Webhooks/", env!("CARGO_PKG_VERSION")))
        .header("webhook-id", &id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(target.payload.clone())
        .send()
        .await
        .map_err(|e| format!("no answer: {e}"))?;
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| parse_retry_after(v, std::time::SystemTime::now()));
    Ok((response.status().as_u16(), retry_after))
}

/// `Retry-After` as seconds or as an HTTP date (RFC 9110 §10.2.3).
fn parse_retry_after(value: &str, now: std::time::SystemTime) -> Option<Duration> {
    if let Ok(seconds) = value.trim().parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date: std::time::SystemTime =
        value.trim().parse::<actix_web::http::header::HttpDate>().ok()?.into();
    Some(date.duration_since(now).unwrap_or_default())
}

/// A client that connects only to the addresses the guard checked (no second lookup that a
/// rebinding DNS server could answer differently) and follows no redirect.
fn client(host: &str, addresses: &[std::net::SocketAddr]) -> Result<reqwest::Client, String> {
    super::install_crypto();
    reqwest::Client::builder()
        .resolve_to_addrs(host, addresses)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(RESPONSE_TIMEOUT)
        .connect_timeout(Duration::from_secs(5))
        .build()
        .map_err(|e| format!("cannot build the HTTP client: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_is_seconds_or_a_date() {
        let now = std::time::UNIX_EPOCH + Duration::from_secs(1_784_000_000);
        assert_eq!(parse_retry_after("120", now), Some(Duration::from_secs(120)));
        let later = actix_web::http::header::HttpDate::from(now + Duration::from_secs(90));
        assert_eq!(parse_retry_after(&later.to_string(), now), Some(Duration::from_secs(90)));
        assert_eq!(parse_retry_after("soon", now), None);
    }
}
