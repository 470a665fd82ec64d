//! The register of access and erasure requests. It must outlive what it records, so it keeps
//! no address: a request's subject is an HMAC of the address under the board's secret key,
//! which tells an admin that two entries concern the same person without saying who.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::db::DbConn;
use crate::db::schema::data_requests;

/// What was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A copy of one's data (Art. 15 and 20).
    Access,
    /// Deletion (Art. 17), or the retention period running out (Art. 5(1)(e)).
    Erasure,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Access, Kind::Erasure];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Access => "access",
            Kind::Erasure => "erasure",
        }
    }
}

/// Who set it off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The applicant, from a link in their receipt.
    Applicant,
    /// The retention purge (`tasks::purge_applications`).
    Retention,
    /// The board's staff, for an applicant who asked them (`admin::erasure`).
    Staff,
}

impl Origin {
    pub const ALL: [Origin; 3] = [Origin::Applicant, Origin::Retention, Origin::Staff];

    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Applicant => "applicant",
            Origin::Retention => "retention",
            Origin::Staff => "staff",
        }
    }
}

/// The register's name for the person with `email`: 16 bytes of an HMAC, hex-encoded.
pub fn subject(secret: &[u8], email: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
        return String::new();
    };
    mac.update(b"data-subject:");
    mac.update(email.trim().to_lowercase().as_bytes());
    mac.finalize().into_bytes().iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// Records that the applications of `emails` (one address per deleted application) were
/// erased at `now`: one entry per person, with how many of their applications went.
pub fn record_erasures(
    conn: &mut DbConn,
    secret: &[u8],
    origin: Origin,
    emails: &[String],
    now: NaiveDateTime,
) -> QueryResult<()> {
    let mut people: Vec<(String, i32)> = Vec::new();
    for email in emails {
        let key = subject(secret, email);
        match people.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => people.push((key, 1)),
        }
    }
    // One row each (batch inserts differ by backend); an erasure is mostly one person.
    for (key, n) in people {
        diesel::insert_into(data_requests::table)
            .values((
                data_requests::kind.eq(Kind::Erasure.as_str()),
                data_requests::origin.eq(origin.as_str()),
                data_requests::subject.eq(key),
                data_requests::application_count.eq(n),
                data_requests::locale.eq(""),
                data_requests::requested_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// An applicant's request for a copy, as it is recorded.
pub struct AccessRequest<'a> {
    pub secret: &'a [u8],
    pub email: &'a str,
    /// The application whose receipt link asked: the download finds the address through it.
    pub application_id: i64,
    pub application_count: i32,
    pub locale: &'a str,
    pub now: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

/// Records an access request; its id, which the download link is signed for.
pub fn record_access(conn: &mut DbConn, r: &AccessRequest<'_>) -> QueryResult<i64> {
    diesel::insert_into(data_requests::table)
        .values((
            data_requests::kind.eq(Kind::Access.as_str()),
            data_requests::origin.eq(Origin::Applicant.as_str()),
            data_requests::subject.eq(subject(r.secret, r.email)),
            data_requests::application_count.eq(r.application_count),
            data_requests::application_id.eq(Some(r.application_id)),
            data_requests::locale.eq(r.locale),
            data_requests::requested_at.eq(r.now),
            data_requests::expires_at.eq(Some(r.expires_at)),
        ))
        .execute(conn)?;
    crate::db::dialect::last_insert_id(conn, "data_requests")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_names_one_address_whatever_its_case_and_needs_the_key() {
        let key = b"a secret key of some length, at least sixty-four bytes long......";
        let ada = subject(key, "ada@example.org");
        assert_eq!(ada.len(), 32);
        assert_eq!(ada, subject(key, " Ada@Example.org "));
        assert_ne!(ada, subject(key, "bob@example.org"));
        assert_ne!(ada, subject(b"another key", "ada@example.org"));
        assert!(!ada.contains("ada"));
    }
}
