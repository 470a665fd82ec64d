//! CSRF tokens for state-changing forms: a random token kept in the signed, encrypted session
//! cookie and echoed in a hidden field; a POST must bring both, and they must match.

use actix_session::Session;

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

/// Whether `submitted` matches the session's token, compared in constant time.
pub fn verify(session: &Session, submitted: &str) -> bool {
    match session.get::<String>(KEY) {
        Ok(Some(expected)) => constant_time_eq(expected.as_bytes(), submitted.as_bytes()),
        _ => false,
    }
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
