//! What keeps the apply form from being used to flood companies and strangers' inboxes,
//! without a CAPTCHA and without JavaScript: a field only bots fill in (hidden by the style
//! sheet), a signed timestamp of when the form was shown (no one fills it in within seconds),
//! and limits counted in the database like the sign-in limit, per client address and per
//! applicant address, plus a cap on receipts mailed to one address.

use std::net::IpAddr;
use std::time::Duration;

use chrono::NaiveDateTime;

use crate::auth::rate_limit::Limit;
use crate::db::DbConn;

/// The field people never see and bots fill in.
pub const HONEYPOT_FIELD: &str = "website";
/// The field carrying the signed time the form was shown.
pub const STARTED_FIELD: &str = "started";

const STARTED_PURPOSE: &str = "apply-form-shown";

/// Applications one client address may send per hour.
pub const PER_CLIENT: Limit =
    Limit { bucket: "apply-client", max: 10, window: Duration::from_secs(3600) };
/// Applications one applicant address may send per hour, whatever the postings.
pub const PER_APPLICANT: Limit =
    Limit { bucket: "apply-applicant", max: 5, window: Duration::from_secs(3600) };
/// Receipts mailed to one address per hour; later applications are kept without one.
pub const RECEIPTS_PER_RECIPIENT: Limit =
    Limit { bucket: "apply-receipt", max: 3, window: Duration::from_secs(3600) };

/// The `started` value for a form shown at `now`: the time and its signature.
pub fn stamp(secret: &[u8], now: NaiveDateTime) -> String {
    let at = now.and_utc().timestamp();
    format!("{at}.{}", crate::mail::signed::token(secret, STARTED_PURPOSE, at))
}

/// Why a submission looks automated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suspicion {
    /// The hidden field was filled in.
    Honeypot,
    /// Sent this many seconds too soon after the form was shown.
    TooFast(u64),
    /// No valid signed time: a form not from our page.
    Unsigned,
}

/// Checks the honeypot and the fill time (at least `min_seconds`; 0 turns the time off).
pub fn inspect(
    fields: &[(String, String)],
    secret: &[u8],
    now: NaiveDateTime,
    min_seconds: u64,
) -> Result<(), Suspicion> {
    let field = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    if field(HONEYPOT_FIELD).is_some_and(|v| !v.trim().is_empty()) {
        return Err(Suspicion::Honeypot);
    }
    if min_seconds == 0 {
        return Ok(());
    }
    let shown = field(STARTED_FIELD)
        .and_then(|v| v.split_once('.'))
        .and_then(|(at, token)| {
            let at: i64 = at.parse().ok()?;
            crate::mail::signed::verify(secret, STARTED_PURPOSE, at, token).then_some(at)
        })
        .ok_or(Suspicion::Unsigned)?;
    let elapsed = now.and_utc().timestamp() - shown;
    if elapsed < min_seconds as i64 {
        return Err(Suspicion::TooFast((min_seconds as i64 - elapsed.max(0)) as u64));
    }
    Ok(())
}

/// Counts an application against the client's and the applicant's limits; the seconds to
/// wait when either is used up (the refused attempt is not counted against the other).
pub fn admit(
    conn: &mut DbConn,
    client: Option<IpAddr>,
    applicant: &str,
    now: NaiveDateTime,
) -> diesel::QueryResult<Result<(), u64>> {
    if let Some(ip) = client
        && !PER_CLIENT.allow(conn, ip, now)?
    {
        return Ok(Err(PER_CLIENT.window.as_secs()));
    }
    if !PER_APPLICANT.allow_key(conn, &applicant_key(applicant), now)? {
        return Ok(Err(PER_APPLICANT.window.as_secs()));
    }
    Ok(Ok(()))
}

/// Whether another receipt may go to `recipient` this hour (counts it if so).
pub fn receipt_allowed(
    conn: &mut DbConn,
    recipient: &str,
    now: NaiveDateTime,
) -> diesel::QueryResult<bool> {
    RECEIPTS_PER_RECIPIENT.allow_key(conn, &applicant_key(recipient), now)
}

/// An address as it is counted: trimmed and lower-case, hashed so that the table of counts
/// holds no addresses.
fn applicant_key(address: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(address.trim().to_lowercase().as_bytes());
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"a secret key of some length, at least sixty-four bytes long......";

    fn fields(started: &str, website: &str) -> Vec<(String, String)> {
        vec![("started".into(), started.into()), ("website".into(), website.into())]
    }

    #[test]
    fn a_form_sent_too_soon_or_with_the_hidden_field_is_suspicious() {
        let shown = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap().naive_utc();
        let stamp = stamp(KEY, shown);
        let at = |secs| shown + chrono::Duration::seconds(secs);
        assert_eq!(inspect(&fields(&stamp, ""), KEY, at(5), 3), Ok(()));
        assert_eq!(inspect(&fields(&stamp, ""), KEY, at(1), 3), Err(Suspicion::TooFast(2)));
        assert_eq!(
            inspect(&fields(&stamp, "spam.example"), KEY, at(60), 3),
            Err(Suspicion::Honeypot)
        );
        // A time changed by hand, or no time at all.
        let forged = stamp.replacen("1800000000", "1799999000", 1);
        assert_eq!(inspect(&fields(&forged, ""), KEY, at(5), 3), Err(Suspicion::Unsigned));
        assert_eq!(inspect(&fields("", ""), KEY, at(5), 3), Err(Suspicion::Unsigned));
        // Off: only the honeypot counts.
        assert_eq!(inspect(&fields("", ""), KEY, at(0), 0), Ok(()));
    }

    #[test]
    fn addresses_count_alike_whatever_their_case() {
        assert_eq!(applicant_key(" Ada@Example.org"), applicant_key("ada@example.org"));
        assert_ne!(applicant_key("ada@example.org"), applicant_key("bob@example.org"));
    }
}
