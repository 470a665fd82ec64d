//! Google's Indexing API, told when postings go live and when they close (off unless a
//! service account's key is configured). The recurring `indexing` task reads the postings'
//! events since the last one it handled and sends one notification per posting page: the
//! service account's signed assertion (RS256, by ring) is exchanged for an access token at the
//! key file's `token_uri`, then `URL_UPDATED` or `URL_DELETED` goes to the endpoint.

use std::path::Path;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;

/// The API's address, unless configured otherwise.
pub const DEFAULT_ENDPOINT: &str = "https://indexing.googleapis.com/v3/urlNotifications:publish";
const SCOPE: &str = "https://www.googleapis.com/auth/indexing";

/// The configuration: the service account's JSON key file and the endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexingConfig {
    pub credentials: std::path::PathBuf,
    pub endpoint: String,
}

/// What the notification says of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    Updated,
    Deleted,
}

impl Notice {
    pub fn as_str(self) -> &'static str {
        match self {
            Notice::Updated => "URL_UPDATED",
            Notice::Deleted => "URL_DELETED",
        }
    }
}

/// The fields of a service account's key file that signing in takes.
#[derive(Deserialize)]
pub struct ServiceAccount {
    pub client_email: String,
    pub private_key: String,
    pub token_uri: String,
}

impl ServiceAccount {
    pub fn read(path: &Path) -> Result<ServiceAccount, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("reading {}: {e}", path.display()))?;
        serde_json::from_str(&text)
            .map_err(|e| format!("{} is not a key file: {e}", path.display()))
    }

    /// The signed assertion (RFC 7523) that asks for a token, valid for an hour from `now`.
    pub fn assertion(&self, now: i64) -> Result<String, String> {
        let der = pem_body(&self.private_key)?;
        let key = ring::rsa::KeyPair::from_pkcs8(&der)
            .map_err(|e| format!("the key file's private key is not an RSA key: {e}"))?;
        let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"RS256","typ":"JWT"}"#);
        let claims = serde_json::json!({
            "iss": self.client_email,
            "scope": SCOPE,
            "aud": self.token_uri,
            "iat": now,
            "exp": now + 3600,
        });
        let claims = URL_SAFE_NO_PAD.encode(claims.to_string());
        let signed = format!("{header}.{claims}");
        let mut signature = vec![0; key.public().modulus_len()];
        key.sign(
            &ring::signature::RSA_PKCS1_SHA256,
            &ring::rand::SystemRandom::new(),
            signed.as_bytes(),
            &mut signature,
        )
        .map_err(|e| format!("signing the assertion: {e}"))?;
        Ok(format!("{signed}.{}", URL_SAFE_NO_PAD.encode(signature)))
    }
}

/// The DER bytes of a PEM block.
fn pem_body(pem: &str) -> Result<Vec<u8>, String> {
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    base64::engine::general_purpose::STANDARD
        .decode(body.trim())
        .map_err(|e| format!("the key file's private key is not PEM: {e}"))
}

/// A client for one run: signed in once, then notifying page after page.
pub struct Client {
    http: reqwest::Client,
    endpoint: String,
    token: String,
}

#[derive(Deserialize)]
struct Token {
    access_token: String,
}

/// Why a notification was not sent: whether trying again later may help.
#[derive(Debug)]
pub struct Failed {
    pub message: String,
    pub retry: bool,
}

impl Client {
    /// Signs in with the configured service account.
    pub async fn sign_in(config: &IndexingConfig) -> Result<Client, Failed> {
        let fatal = |message: String| Failed { message, retry: false };
        let account = ServiceAccount::read(&config.credentials).map_err(fatal)?;
        let assertion = account.assertion(chrono::Utc::now().timestamp()).map_err(fatal)?;
        crate::webhooks::install_crypto();
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| fatal(e.to_string()))?;
        let response = http
            .post(&account.token_uri)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(
                serde_urlencoded::to_string([
                    ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
                    ("assertion", assertion.as_str()),
                ])
                .map_err(|e| fatal(e.to_string()))?,
            )
            .send()
            .await
            .map_err(|e| Failed { message: format!("token: {e}"), retry: true })?;
        let status = response.status();
        if !status.is_success() {
            return Err(Failed {
                message: format!("token: HTTP {status}"),
                retry: status.is_server_error() || status.as_u16() == 429,
            });
        }
        let token: Token = response
            .json()
            .await
            .map_err(|e| Failed { message: format!("token: {e}"), retry: true })?;
        Ok(Client { http, endpoint: config.endpoint.clone(), token: token.access_token })
    }

    /// Tells the API that the page at `url` was added or changed, or is gone.
    pub async fn notify(&self, url: &str, notice: Notice) -> Result<(), Failed> {
        let response = self
            .http
            .post(&self.endpoint)
            .bearer_auth(&self.token)
            .json(&serde_json::json!({ "url": url, "type": notice.as_str() }))
            .send()
            .await
            .map_err(|e| Failed { message: e.to_string(), retry: true })?;
        let status = response.status();
        if status.is_success() {
            return Ok(());
        }
        Err(Failed {
            message: format!("{url}: HTTP {status}"),
            retry: status.is_server_error() || status.as_u16() == 429,
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_key_that_is_not_pem_or_not_rsa_is_refused_with_why() {
        let account = super::ServiceAccount {
            client_email: "board@project.iam.gserviceaccount.com".into(),
            private_key: "-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----"
                .into(),
            token_uri: "https://oauth2.googleapis.com/token".into(),
        };
        assert!(account.assertion(0).unwrap_err().contains("not PEM"));
        let account = super::ServiceAccount { private_key: "AAAA".into(), ..account };
        assert!(account.assertion(0).unwrap_err().contains("not an RSA key"));
    }
}
