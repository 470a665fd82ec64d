//! Fetching a feed the way webhooks are delivered: through the SSRF guard (public addresses
//! only, connecting to the addresses it checked), no redirects, timeouts, and a body read no
//! further than the limit.

use std::time::Duration;

use crate::webhooks::guard::{self, SystemResolver};

/// The largest feed read: ten thousand postings with long descriptions.
pub const MAX_BODY: usize = 32 * 1024 * 1024;
/// How long a feed may take, from connecting to its last byte.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Why a feed could not be fetched.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    #[error("refused: {message} {detail}")]
    Refused { message: &'static str, detail: String },
    #[error("the server answered HTTP {0}")]
    Status(u16),
    #[error("the feed is larger than {max} bytes")]
    TooLarge { max: usize },
    #[error("no answer: {0}")]
    Network(String),
}

impl FetchError {
    /// Fluent id and arguments, for the run log.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            FetchError::Refused { detail, .. } => {
                ("feed-error-refused", vec![("detail", detail.clone())])
            }
            FetchError::Status(status) => {
                ("feed-error-status", vec![("status", status.to_string())])
            }
            FetchError::TooLarge { max } => {
                ("feed-error-too-large", vec![("megabytes", (max / (1024 * 1024)).to_string())])
            }
            FetchError::Network(detail) => ("feed-error-network", vec![("detail", detail.clone())]),
        }
    }
}

/// The feed at `url`, or why it could not be had. `allow` is the guard's allow-list.
pub async fn fetch(url: &str, allow: &[String], max: usize) -> Result<Vec<u8>, FetchError> {
    let (checked, allow) = (url.to_owned(), allow.to_vec());
    let addresses =
        tokio::task::spawn_blocking(move || guard::check(&checked, &SystemResolver, &allow))
            .await
            .map_err(|e| FetchError::Network(e.to_string()))?
            .map_err(|r| FetchError::Refused { message: r.message, detail: r.detail })?;
    let parsed = url::Url::parse(url)
        .map_err(|e| FetchError::Refused { message: "webhook-error-url", detail: e.to_string() })?;
    crate::webhooks::install_crypto();
    let client = reqwest::Client::builder()
        .resolve_to_addrs(parsed.host_str().unwrap_or_default(), &addresses)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(TIMEOUT)
        .connect_timeout(Duration::from_secs(10))
        .build()
        .map_err(|e| FetchError::Network(e.to_string()))?;
    let mut response = client
        .get(parsed)
        .header("accept", "application/json, application/xml, text/xml;q=0.9, */*;q=0.1")
        .header("user-agent", concat!("Hireboard-Feeds/", env!("CARGO_PKG_VERSION")))
        .send()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))?;
    let status = response.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(FetchError::Status(status));
    }
    if response.content_length().is_some_and(|n| n > max as u64) {
        return Err(FetchError::TooLarge { max });
    }
    // A server that states no length, or a false one, is stopped at the limit all the same.
    let mut body = Vec::new();
    while let Some(chunk) =
        response.chunk().await.map_err(|e| FetchError::Network(e.to_string()))?
    {
        if body.len() + chunk.len() > max {
            return Err(FetchError::TooLarge { max });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
