//! A back-office user's second factor: turning TOTP on with a first code, checking a code
//! (each time step once, whatever the number of app servers: the database decides), using a
//! recovery code once, and turning it off (the user, or an admin's reset).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::auth::totp;
use crate::db::DbConn;
use crate::db::schema::{admin_recovery_codes, admin_users};
use crate::models::admin_user::{self, AttemptError, LoginError};

/// What a code proved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checked {
    /// A current code from the authenticator app.
    Code,
    /// A recovery code, now spent; this many are left.
    RecoveryCode { left: i64 },
    /// Neither (wrong, reused, or no second factor).
    Refused,
}

fn unix(now: NaiveDateTime) -> u64 {
    now.and_utc().timestamp().max(0) as u64
}

/// Turns the second factor on with `secret` when `code` is right for it; the new recovery
/// codes (shown once), or None for a wrong code. Replaces any earlier secret and codes.
pub fn enable(
    conn: &mut DbConn,
    user_id: i64,
    secret: &[u8],
    code: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<Vec<String>>> {
    let Some(step) = totp::accept(secret, code, unix(now), None) else {
        return Ok(None);
    };
    let codes = totp::recovery_codes();
    crate::db::write_transaction(conn, |conn| {
        diesel::update(admin_users::table.find(user_id))
            .set((
                admin_users::totp_secret
                    .eq(Some(base32::encode(base32::Alphabet::Rfc4648 { padding: false }, secret))),
                admin_users::totp_last_step.eq(Some(step)),
                admin_users::totp_enabled_at.eq(Some(now)),
            ))
            .execute(conn)?;
        store_recovery_codes(conn, user_id, &codes, now)?;
        Ok(Some(codes))
    })
}

/// New recovery codes in place of the old ones (used up, or seen by someone else).
pub fn replace_recovery_codes(
    conn: &mut DbConn,
    user_id: i64,
    now: NaiveDateTime,
) -> QueryResult<Vec<String>> {
    let codes = totp::recovery_codes();
    crate::db::write_transaction(conn, |conn| store_recovery_codes(conn, user_id, &codes, now))?;
    Ok(codes)
}

/// Keeps the hashes of `codes` as the user's only recovery codes.
fn store_recovery_codes(
    conn: &mut DbConn,
    user_id: i64,
    codes: &[String],
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(
        admin_recovery_codes::table.filter(admin_recovery_codes::admin_user_id.eq(user_id)),
    )
    .execute(conn)?;
    // One row at a time: multi-row inserts are not available on every backend through
    // diesel's multi-backend connection, and ten rows cost nothing.
    for code in codes {
        diesel::insert_into(admin_recovery_codes::table)
            .values((
                admin_recovery_codes::admin_user_id.eq(user_id),
                admin_recovery_codes::code_hash.eq(totp::recovery_hash(code)),
                admin_recovery_codes::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Checks a code from the authenticator app or a recovery code. A code counts once: the
/// conditional update lets only one of two parallel sign-ins with it through.
pub fn check(
    conn: &mut DbConn,
    user_id: i64,
    code: &str,
    now: NaiveDateTime,
) -> QueryResult<Checked> {
    let found: Option<(Option<String>, Option<i64>)> = admin_users::table
        .find(user_id)
        .select((admin_users::totp_secret, admin_users::totp_last_step))
        .first(conn)
        .optional()?;
    let Some((Some(secret), last_step)) = found else {
        return Ok(Checked::Refused);
    };
    let secret =
        base32::decode(base32::Alphabet::Rfc4648 { padding: false }, &secret).unwrap_or_default();
    if let Some(step) = totp::accept(&secret, code, unix(now), last_step) {
        let claimed = diesel::update(admin_users::table.find(user_id).filter(
            admin_users::totp_last_step.is_null().or(admin_users::totp_last_step.lt(step)),
        ))
        .set(admin_users::totp_last_step.eq(Some(step)))
        .execute(conn)?;
        return Ok(if claimed == 1 { Checked::Code } else { Checked::Refused });
    }
    let spent = diesel::update(
        admin_recovery_codes::table
            .filter(admin_recovery_codes::admin_user_id.eq(user_id))
            .filter(admin_recovery_codes::code_hash.eq(totp::recovery_hash(code)))
            .filter(admin_recovery_codes::used_at.is_null()),
    )
    .set(admin_recovery_codes::used_at.eq(Some(now)))
    .execute(conn)?;
    if spent == 0 {
        return Ok(Checked::Refused);
    }
    Ok(Checked::RecoveryCode { left: recovery_codes_left(conn, user_id)? })
}

/// A code typed by a person (at the sign-in, or to turn the factor off): counted with the
/// password attempts, so five wrong ones in a row lock the account and a stolen password cannot
/// be followed by a search through the million codes. Never `Checked::Refused`: a refusal is
/// the lockout's verdict.
pub fn attempt(
    conn: &mut DbConn,
    user_id: i64,
    code: &str,
    now: NaiveDateTime,
) -> Result<Checked, AttemptError> {
    if !admin_user::claim_attempt(conn, user_id, now)? {
        return Err(AttemptError::Refused(LoginError::Locked));
    }
    match check(conn, user_id, code, now)? {
        Checked::Refused => {
            Err(AttemptError::Refused(admin_user::attempt_failed(conn, user_id, now)?))
        }
        proved => {
            diesel::update(admin_users::table.find(user_id))
                .set(admin_users::failed_logins.eq(0))
                .execute(conn)?;
            Ok(proved)
        }
    }
}

/// How many unused recovery codes the user has left.
pub fn recovery_codes_left(conn: &mut DbConn, user_id: i64) -> QueryResult<i64> {
    admin_recovery_codes::table
        .filter(admin_recovery_codes::admin_user_id.eq(user_id))
        .filter(admin_recovery_codes::used_at.is_null())
        .count()
        .get_result(conn)
}

/// Turns the second factor off and drops the recovery codes; false when it was not on.
pub fn disable(conn: &mut DbConn, user_id: i64) -> QueryResult<bool> {
    crate::db::write_transaction(conn, |conn| {
        let changed = diesel::update(
            admin_users::table.find(user_id).filter(admin_users::totp_enabled_at.is_not_null()),
        )
        .set((
            admin_users::totp_secret.eq(None::<String>),
            admin_users::totp_last_step.eq(None::<i64>),
            admin_users::totp_enabled_at.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
        diesel::delete(
            admin_recovery_codes::table.filter(admin_recovery_codes::admin_user_id.eq(user_id)),
        )
        .execute(conn)?;
        Ok(changed == 1)
    })
}
