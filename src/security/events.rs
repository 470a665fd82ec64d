//! The security event log: sign-ins, lockouts, CSRF refusals and authorization denials, one
//! structured line each under the log target `hireboard::security`, with who, the client's
//! address, the request id and the UTC time. Values are quoted and escaped, so a user name
//! with a CR/LF stays on its line; passwords, tokens, cookies and files never get here.

use actix_web::HttpMessage;
use actix_web::HttpRequest;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;

/// The log target of security events, for filtering (`RUST_LOG=hireboard::security=info`).
pub const TARGET: &str = "hireboard::security";

/// A random id per request, in the access log, the security events, the 500 page and the
/// `X-Request-Id` response header, so one report can be found in the logs.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

pub async fn assign_request_id(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = crate::auth::token::generate()[..16].to_owned();
    req.extensions_mut().insert(RequestId(id.clone()));
    let mut res = next.call(req).await?;
    if let Ok(value) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(HeaderName::from_static("x-request-id"), value);
    }
    Ok(res)
}

/// The request's id, or `-` outside the middleware (tests of single handlers).
pub fn request_id(req: &HttpRequest) -> String {
    req.extensions().get::<RequestId>().map_or_else(|| "-".to_owned(), |id| id.0.clone())
}

/// How much an event matters: denials and failures are warnings, the rest information.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Info,
    Warning,
}

/// Writes one event. `fields` hold what is particular to it (the user, a reason); the
/// request's method, path (secrets redacted), client address, id and time are added.
pub fn record(req: &HttpRequest, severity: Severity, event: &str, fields: &[(&str, &str)]) {
    let client = crate::client_ip::of(req).map_or_else(|| "-".to_owned(), |ip| ip.to_string());
    let line = format_line(
        event,
        &chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
        &request_id(req),
        &client,
        req.method().as_str(),
        &super::access_log::redact_path(req.path()),
        fields,
    );
    match severity {
        Severity::Info => log::info!(target: TARGET, "{line}"),
        Severity::Warning => log::warn!(target: TARGET, "{line}"),
    }
}

fn format_line(
    event: &str,
    at: &str,
    request_id: &str,
    client: &str,
    method: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> String {
    let mut line = format!(
        "event={} at={at} request_id={} client={} method={} path={}",
        quote(event),
        quote(request_id),
        quote(client),
        quote(method),
        quote(path)
    );
    for (name, value) in fields {
        line.push(' ');
        line.push_str(name);
        line.push('=');
        line.push_str(&quote(value));
    }
    line
}

/// A value as is when it is plainly safe, else in quotes with every quote, backslash and
/// control character escaped (`\r`, `\n`, `\u{1b}`), so nothing can start a new log line or
/// forge a field.
pub fn quote(value: &str) -> String {
    let plain = !value.is_empty()
        && value.chars().all(|c| c.is_ascii_alphanumeric() || "._:/@+-[]".contains(c));
    if plain { value.to_owned() } else { format!("\"{}\"", escape(value)) }
}

/// `value` with every quote, backslash, control and bidi character escaped.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || is_bidi_control(c) => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out
}

/// Characters that reorder the text around them when shown (U+202E turns `exe.pdf` into
/// `fdp.exe`): escaped in the log and stripped from file names.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crlf_in_a_value_stays_on_one_escaped_line() {
        let line = format_line(
            "sign-in-failed",
            "2026-12-02T10:00:00.000Z",
            "abc",
            "192.0.2.1",
            "POST",
            "/admin/login",
            &[("email", "a@b.example\r\nevent=sign-in-succeeded user=\"1\"")],
        );
        assert!(!line.contains('\n') && !line.contains('\r'), "{line}");
        assert!(
            line.ends_with(r#"email="a@b.example\r\nevent=sign-in-succeeded user=\"1\"""#),
            "{line}"
        );
    }

    #[test]
    fn plain_values_are_not_quoted() {
        assert_eq!(quote("user@example.test"), "user@example.test");
        assert_eq!(quote("2001:db8::1"), "2001:db8::1");
        assert_eq!(quote(""), "\"\"");
        assert_eq!(quote("a b"), "\"a b\"");
        assert_eq!(quote("cv\u{202e}fdp.exe"), "\"cv\\u{202e}fdp.exe\"");
    }
}
