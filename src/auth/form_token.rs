//! Tokens for the public forms (apply, alert sign-up and confirmation, an applicant's links):
//! signed rather than kept in a session, so that the pages carrying them set no cookie and a
//! shared cache may serve them to everyone.
//!
//! A token is the hour it was issued and an HMAC of that hour and the form's purpose (which
//! names the record too: `apply:17`). Everyone shown a form within the same hour gets the same
//! token, so a page stays byte-identical, and its `ETag` stable, for that long. The token
//! proves the form came from one of our pages within [`LIFETIME`]; what stops a foreign page
//! from posting it in a visitor's name is the Origin check every state-changing request passes
//! first ([`crate::security::origin`]). The forms act for no one signed in, so there is no
//! session whose authority a forged request could borrow.

use actix_web::HttpRequest;
use chrono::NaiveDateTime;

use crate::security::events;

/// Tokens are issued per hour: a page's token changes once an hour.
pub const WINDOW_SECONDS: i64 = 3600;
/// How long a token is accepted after its hour began: a day, for a form left open overnight.
pub const LIFETIME_SECONDS: i64 = 25 * 3600;
/// Servers' clocks may differ by this much: a token from the next hour is still taken.
const SKEW_SECONDS: i64 = 300;

/// The token of `purpose`'s form shown at `now`.
pub fn issue(secret: &[u8], purpose: &str, now: NaiveDateTime) -> String {
    let at = now.and_utc().timestamp().div_euclid(WINDOW_SECONDS) * WINDOW_SECONDS;
    format!("{at}.{}", crate::mail::signed::token(secret, &scoped(purpose), at))
}

/// Why a submitted token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Missing,
    Forged,
    Expired,
}

impl Refusal {
    fn as_str(self) -> &'static str {
        match self {
            Refusal::Missing => "missing-token",
            Refusal::Forged => "wrong-token",
            Refusal::Expired => "expired-token",
        }
    }
}

/// Whether `submitted` is a live token of `purpose`'s form.
pub fn check(
    secret: &[u8],
    purpose: &str,
    submitted: &str,
    now: NaiveDateTime,
) -> Result<(), Refusal> {
    if submitted.is_empty() {
        return Err(Refusal::Missing);
    }
    let (at, mac) = submitted.split_once('.').ok_or(Refusal::Forged)?;
    let at: i64 = at.parse().map_err(|_| Refusal::Forged)?;
    if !crate::mail::signed::verify(secret, &scoped(purpose), at, mac) {
        return Err(Refusal::Forged);
    }
    let age = now.and_utc().timestamp() - at;
    if !(-SKEW_SECONDS..=LIFETIME_SECONDS).contains(&age) {
        return Err(Refusal::Expired);
    }
    Ok(())
}

/// [`check`] for a request, recording a refusal as a security event.
pub fn verify(req: &HttpRequest, secret: &[u8], purpose: &str, submitted: &str) -> bool {
    match check(secret, purpose, submitted, crate::db::now()) {
        Ok(()) => true,
        Err(refusal) => {
            events::record(
                req,
                events::Severity::Warning,
                "csrf-refused",
                &[("reason", refusal.as_str()), ("form", purpose)],
            );
            false
        }
    }
}

/// Form tokens and mailed links share the key: a distinct prefix keeps one from passing for
/// the other.
fn scoped(purpose: &str) -> String {
    format!("form:{purpose}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"a secret key of some length, at least sixty-four bytes long......";

    fn at(seconds: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(seconds, 0).unwrap().naive_utc()
    }

    #[test]
    fn a_token_is_the_same_all_hour_and_fits_one_form() {
        let start = 1_800_000_000 / WINDOW_SECONDS * WINDOW_SECONDS;
        let token = issue(KEY, "apply:7", at(start + 5));
        assert_eq!(token, issue(KEY, "apply:7", at(start + WINDOW_SECONDS - 1)));
        assert_ne!(token, issue(KEY, "apply:7", at(start + WINDOW_SECONDS)));
        assert_eq!(check(KEY, "apply:7", &token, at(start + 60)), Ok(()));
        assert_eq!(check(KEY, "apply:8", &token, at(start + 60)), Err(Refusal::Forged));
        assert_eq!(check(b"another key", "apply:7", &token, at(start)), Err(Refusal::Forged));
        assert_eq!(check(KEY, "apply:7", "", at(start)), Err(Refusal::Missing));
        assert_eq!(check(KEY, "apply:7", "12.zz", at(start)), Err(Refusal::Forged));
        // A mailed link's token for the same purpose and time is no form token.
        let mailed = format!("{start}.{}", crate::mail::signed::token(KEY, "apply:7", start));
        assert_eq!(check(KEY, "apply:7", &mailed, at(start)), Err(Refusal::Forged));
    }

    #[test]
    fn a_token_lives_a_day_and_tolerates_a_little_clock_skew() {
        let start = 1_800_000_000 / WINDOW_SECONDS * WINDOW_SECONDS;
        let token = issue(KEY, "alert-sign-up", at(start));
        let check_at = |s| check(KEY, "alert-sign-up", &token, at(s));
        assert_eq!(check_at(start + LIFETIME_SECONDS), Ok(()));
        assert_eq!(check_at(start + LIFETIME_SECONDS + 1), Err(Refusal::Expired));
        assert_eq!(check_at(start - SKEW_SECONDS), Ok(()));
        assert_eq!(check_at(start - SKEW_SECONDS - 1), Err(Refusal::Expired));
    }
}
