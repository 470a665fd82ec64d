//! CSRF tokens for state-changing forms: a random token kept in the signed, encrypted session
//! cookie and echoed in a hidden field; a POST must bring both, and they must match.

use actix_session::{Session, SessionExt};
use actix_web::HttpRequest;

use crate::security::events;

const KEY: &str = "csrf";

/// The session's token, created on first use.
pub fn token(session: &Session) -> String {
    if let Ok(Some(token)) = session.get::<String>(KEY) {
        return token;
    }
    let token = new_token();
    // A session that cannot be written just yields a form that will be refused, with a clear
    // message, on submit: nothing to do here.
    let _ = session.insert(KEY, &token);
    token
}

/// Whether `submitted` matches the token of the request's session, compared in constant
/// time. A refusal is a security event.
pub fn verify(req: &HttpRequest, submitted: &str) -> bool {
    let expected = req.get_session().get::<String>(KEY).ok().flatten();
    let refused = match expected {
        Some(expected) if constant_time_eq(expected.as_bytes(), submitted.as_bytes()) => {
            return true;
        }
        Some(_) if submitted.is_empty() => "missing-token",
        Some(_) => "wrong-token",
        None => "no-session-token",
    };
    events::record(req, events::Severity::Warning, "csrf-refused", &[("reason", refused)]);
    false
}

fn new_token() -> String {
    super::token::generate()
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    super::token::constant_time_eq(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long() {
        assert_eq!(new_token().len(), 64);
    }
}
