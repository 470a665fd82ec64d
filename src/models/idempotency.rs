//! Idempotency keys (the IETF `Idempotency-Key` header): a partner's program that sends a
//! POST again, not knowing whether the first one arrived, gets the first response back
//! instead of a second record. A key belongs to one token and one request: the same key with
//! another request is refused, so a program's bug cannot silently return a stranger's answer.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

use crate::db::schema::idempotency_keys;
use crate::db::{DbConn, dialect};

/// How long a key is remembered.
pub const KEEP: TimeDelta = TimeDelta::hours(24);
/// A request still unanswered after this long died with its server: its key may be used again.
pub const ABANDONED_AFTER: TimeDelta = TimeDelta::minutes(10);
/// The longest key taken (the draft standard suggests a UUID; 255 leaves room for others).
pub const MAX_KEY_LEN: usize = 255;

/// A response kept for the requests that repeat it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
}

/// What a request under a key should do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// The key is new: answer the request, then [`keep`] or [`release`] row `id`.
    New(i64),
    /// The same request was answered already: send this again.
    Replay(Kept),
    /// The key was used for another request.
    Mismatch,
    /// The same request is being answered right now.
    InFlight,
}

/// Whether `key` may be an idempotency key: 1 to 255 visible ASCII characters.
pub fn well_formed(key: &str) -> bool {
    !key.is_empty() && key.len() <= MAX_KEY_LEN && key.bytes().all(|b| b.is_ascii_graphic())
}

type Row = (i64, String, Option<i32>, Option<String>, Option<String>, NaiveDateTime);

/// Claims `key` of token `token_id` for the request with `digest` at `now`. Outside any
/// transaction: the key's unique index settles two requests that race for it.
pub fn claim(
    conn: &mut DbConn,
    token_id: i64,
    key: &str,
    digest: &str,
    now: NaiveDateTime,
) -> QueryResult<Claim> {
    // Twice at most: once more after removing a forgotten or abandoned row.
    for _ in 0..2 {
        let inserted = diesel::insert_into(idempotency_keys::table)
            .values((
                idempotency_keys::token_id.eq(token_id),
                idempotency_keys::idempotency_key.eq(key),
                idempotency_keys::digest.eq(digest),
                idempotency_keys::created_at.eq(now),
            ))
            .execute(conn);
        match inserted {
            Ok(_) => return Ok(Claim::New(dialect::last_insert_id(conn, "idempotency_keys")?)),
            Err(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            )) => {}
            Err(e) => return Err(e),
        }
        let row: Option<Row> = idempotency_keys::table
            .filter(idempotency_keys::token_id.eq(token_id))
            .filter(idempotency_keys::idempotency_key.eq(key))
            .select((
                idempotency_keys::id,
                idempotency_keys::digest,
                idempotency_keys::status,
                idempotency_keys::location,
                idempotency_keys::body,
                idempotency_keys::created_at,
            ))
            .first(conn)
            .optional()?;
        let Some((id, kept_digest, status, location, body, created_at)) = row else {
            continue; // Removed in between: claim it again.
        };
        let stale = match status {
            Some(_) => created_at + KEEP <= now,
            None => created_at + ABANDONED_AFTER <= now,
        };
        if stale {
            release(conn, id)?;
            continue;
        }
        if kept_digest != digest {
            return Ok(Claim::Mismatch);
        }
        return Ok(match status {
            None => Claim::InFlight,
            Some(status) => Claim::Replay(Kept {
                status: u16::try_from(status).unwrap_or(500),
                location,
                body: body.unwrap_or_default(),
            }),
        });
    }
    // Removed and taken again by another request, twice: it is that one's now.
    Ok(Claim::InFlight)
}

/// Keeps the response to the request that claimed row `id`.
pub fn keep(conn: &mut DbConn, id: i64, kept: &Kept) -> QueryResult<()> {
    diesel::update(idempotency_keys::table.find(id))
        .set((
            idempotency_keys::status.eq(i32::from(kept.status)),
            idempotency_keys::location.eq(&kept.location),
            idempotency_keys::body.eq(&kept.body),
        ))
        .execute(conn)?;
    Ok(())
}

/// Gives the key of row `id` up: the request failed, and may be sent again under it.
pub fn release(conn: &mut DbConn, id: i64) -> QueryResult<()> {
    diesel::delete(idempotency_keys::table.find(id)).execute(conn)?;
    Ok(())
}

/// Forgets the keys claimed before `before`; how many.
pub fn purge(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(before)))
        .execute(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_short_visible_ascii() {
        assert!(well_formed("8e03978e-40d5-43e8-bc93-6894a57f9324"));
        assert!(well_formed("retry:42"));
        assert!(!well_formed(""));
        assert!(!well_formed("two words"));
        assert!(!well_formed("ключ"));
        assert!(!well_formed("a\u{7f}"));
        assert!(!well_formed(&"k".repeat(MAX_KEY_LEN + 1)));
        assert!(well_formed(&"k".repeat(MAX_KEY_LEN)));
    }
}
