//! The access log's request line, with the secrets some links carry taken out: the token of
//! an invitation link (`/admin/password/<token>`) and secret query parameters (`?token=` of
//! the signed links mailed to applicants and alert subscribers).

use actix_web::dev::ServiceRequest;

/// Query parameters whose values are never logged.
const SECRET_PARAMETERS: &[&str] =
    &["token", "secret", "password", "key", "signature", "sig", "code", "api_key", "access_token"];

/// Path prefixes whose next segment is a secret.
const SECRET_SEGMENTS_AFTER: &[&str] = &["/admin/password/"];

const REDACTED: &str = "[redacted]";

/// `GET /path?query HTTP/1.1` with the secrets redacted.
pub fn request_line(req: &ServiceRequest) -> String {
    let query = req.query_string();
    let mut line = format!("{} {}", req.method(), redact_path(req.path()));
    if !query.is_empty() {
        line.push('?');
        line.push_str(&redact_query(query));
    }
    line.push_str(&format!(" {:?}", req.version()));
    super::events::escape(&line)
}

pub fn redact_path(path: &str) -> String {
    for prefix in SECRET_SEGMENTS_AFTER {
        if let Some(rest) = path.strip_prefix(prefix) {
            let after = rest.find('/').map_or("", |i| &rest[i..]);
            return format!("{prefix}{REDACTED}{after}");
        }
    }
    path.to_owned()
}

pub fn redact_query(query: &str) -> String {
    query
        .split('&')
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let decode =
                |s: &str| urlencoding::decode(s).map_or_else(|_| s.to_owned(), |d| d.into_owned());
            let decoded = decode(name);
            // An API token sent by mistake under any name (the API refuses it with a 401).
            let token = decode(value).starts_with(crate::models::api_token::PREFIX)
                || decoded.starts_with(crate::models::api_token::PREFIX);
            if token {
                format!("{REDACTED}={REDACTED}")
            } else if SECRET_PARAMETERS.contains(&decoded.to_ascii_lowercase().as_str()) {
                format!("{name}={REDACTED}")
            } else {
                pair.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_in_paths_and_queries_are_redacted() {
        assert_eq!(redact_path("/admin/password/abcdef0123"), "/admin/password/[redacted]");
        assert_eq!(redact_path("/admin/password/abc/x"), "/admin/password/[redacted]/x");
        assert_eq!(redact_path("/en/jobs"), "/en/jobs");
        assert_eq!(
            redact_query("frequency=daily&token=s3cret&TOKEN=x&%74oken=y&q=rust"),
            "frequency=daily&token=[redacted]&TOKEN=[redacted]&%74oken=[redacted]&q=rust"
        );
        assert_eq!(
            redact_query("q=hb_Abc123&limit=5&hb_Xyz=1&q=%68b_Abc"),
            "[redacted]=[redacted]&limit=5&[redacted]=[redacted]&[redacted]=[redacted]"
        );
    }
}
