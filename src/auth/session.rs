//! Server-side back-office sessions. The browser's (encrypted) cookie carries a random token;
//! `admin_sessions` holds its digest, so a session can be revoked from the server: by logging
//! out, by "log out everywhere", or by deleting the user. Idle and absolute limits are checked
//! on every request.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::token;
use crate::db::DbConn;
use crate::db::schema::{admin_sessions, admin_users};
use crate::models::admin_user::AdminUser;

/// How long sessions live.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Signed out after this long without a request.
    pub idle: Duration,
    /// Signed out this long after signing in, whatever the activity.
    pub lifetime: Duration,
}

/// `last_seen_at` is written at most this often: a write per request would serialize every
/// admin page on SQLite's one writer, and the idle limit does not need finer steps.
const TOUCH_EVERY: Duration = Duration::seconds(60);

/// Starts a session for `user`; returns the token for the cookie.
pub fn create(
    conn: &mut DbConn,
    user_id: i64,
    now: NaiveDateTime,
    limits: Limits,
    ip: Option<&str>,
    user_agent: Option<&str>,
) -> QueryResult<String> {
    let token = token::generate();
    diesel::insert_into(admin_sessions::table)
        .values((
            admin_sessions::id.eq(token::digest(&token)),
            admin_sessions::admin_user_id.eq(user_id),
            admin_sessions::created_at.eq(now),
            admin_sessions::last_seen_at.eq(now),
            admin_sessions::expires_at.eq(now + limits.lifetime),
            admin_sessions::ip.eq(ip),
            admin_sessions::user_agent
                .eq(user_agent.map(|ua| ua.chars().take(300).collect::<String>())),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The user a token signs in, if its session is live; refreshes its idle clock. One query
/// when nothing needs writing.
pub fn resume(
    conn: &mut DbConn,
    token: &str,
    now: NaiveDateTime,
    limits: Limits,
) -> QueryResult<Option<AdminUser>> {
    let id = token::digest(token);
    let found: Option<(NaiveDateTime, NaiveDateTime, AdminUser)> = admin_sessions::table
        .inner_join(admin_users::table)
        .filter(admin_sessions::id.eq(&id))
        .select((admin_sessions::last_seen_at, admin_sessions::expires_at, AdminUser::as_select()))
        .first(conn)
        .optional()?;
    let Some((last_seen, expires, user)) = found else {
        return Ok(None);
    };
    if now >= expires || now - last_seen >= limits.idle {
        diesel::delete(admin_sessions::table.find(&id)).execute(conn)?;
        return Ok(None);
    }
    if now - last_seen >= TOUCH_EVERY {
        diesel::update(admin_sessions::table.find(&id))
            .set(admin_sessions::last_seen_at.eq(now))
            .execute(conn)?;
    }
    Ok(Some(user))
}

/// Ends one session.
pub fn revoke(conn: &mut DbConn, token: &str) -> QueryResult<()> {
    diesel::delete(admin_sessions::table.find(token::digest(token))).execute(conn).map(drop)
}

/// Ends every session of a user ("log out everywhere", password change, deletion).
pub fn revoke_all(conn: &mut DbConn, user_id: i64) -> QueryResult<usize> {
    diesel::delete(admin_sessions::table.filter(admin_sessions::admin_user_id.eq(user_id)))
        .execute(conn)
}

/// Removes sessions past their limits (run now and then; expired ones are refused anyway).
pub fn purge_expired(conn: &mut DbConn, now: NaiveDateTime, limits: Limits) -> QueryResult<usize> {
    diesel::delete(admin_sessions::table.filter(
        admin_sessions::expires_at.le(now).or(admin_sessions::last_seen_at.le(now - limits.idle)),
    ))
    .execute(conn)
}
