//! Back-office users: accounts, roles, and the sign-in lockout.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::AdminRole;
use crate::db::schema::admin_users;
use crate::db::{DbConn, dialect};

/// Failed sign-ins in a row that lock an account, and for how long.
pub const MAX_FAILED_LOGINS: i32 = 5;
pub const LOCK_MINUTES: i64 = 15;

/// A back-office user as the application sees it (never the password hash).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = admin_users)]
pub struct AdminUser {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: AdminRole,
    pub locale: String,
    pub last_login_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    /// When the user turned on the second factor; None without one.
    pub totp_enabled_at: Option<NaiveDateTime>,
    /// Signed up from the public site and not yet confirmed by the mailed link.
    pub email_unverified: bool,
}

impl AdminUser {
    pub fn role(&self) -> AdminRole {
        self.role
    }

    pub fn locale(&self) -> crate::i18n::Locale {
        crate::i18n::Locale::parse(&self.locale).unwrap_or_default()
    }

    /// The name to show: the name if set, else the email address.
    pub fn display_name(&self) -> &str {
        if self.name.trim().is_empty() { &self.email } else { &self.name }
    }

    pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<AdminUser>> {
        admin_users::table.find(id).select(AdminUser::as_select()).first(conn).optional()
    }

    /// The user with this email address, however it was typed.
    pub fn find_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<AdminUser>> {
        admin_users::table
            .filter(admin_users::email.eq(email.trim().to_lowercase()))
            .select(AdminUser::as_select())
            .first(conn)
            .optional()
    }

    pub fn set_locale(conn: &mut DbConn, id: i64, locale: crate::i18n::Locale) -> QueryResult<()> {
        diesel::update(admin_users::table.find(id))
            .set((
                admin_users::locale.eq(locale.as_str()),
                admin_users::updated_at.eq(crate::db::now()),
            ))
            .execute(conn)
            .map(drop)
    }
}

/// Why a sign-in was refused. Both read the same to the visitor except for the lock, which
/// says when to come back.
#[derive(Debug, PartialEq, Eq)]
pub enum LoginError {
    Invalid,
    Locked,
    /// The password was right, but the address was never confirmed (an employer's sign-up).
    Unverified,
}

/// Checks an email and password. At most [`MAX_FAILED_LOGINS`] attempts are ever checked
/// between two successes (see [`claim_attempt`]). The slow password check runs outside any
/// transaction.
pub fn attempt_login(
    conn: &mut DbConn,
    email: &str,
    password: &str,
    now: NaiveDateTime,
) -> Result<AdminUser, AttemptError> {
    let email = email.trim().to_lowercase();
    let found: Option<(i64, String)> = admin_users::table
        .filter(admin_users::email.eq(&email))
        .select((admin_users::id, admin_users::password_hash))
        .first(conn)
        .optional()?;
    let Some((id, hash)) = found else {
        return Err(AttemptError::Refused(attempt_unknown(conn, &email, password, now)?));
    };
    if !claim_attempt(conn, id, now)? {
        return Err(AttemptError::Refused(LoginError::Locked));
    }
    if !hash.is_empty() && crate::auth::password::verify(password, &hash) {
        let user = AdminUser::find(conn, id)?.ok_or(AttemptError::Refused(LoginError::Invalid))?;
        if user.email_unverified {
            // Told only to whoever knows the password; the attempt is not held against them.
            diesel::update(admin_users::table.find(id))
                .set(admin_users::failed_logins.eq(0))
                .execute(conn)?;
            return Err(AttemptError::Refused(LoginError::Unverified));
        }
        // With a second factor the password is half the sign-in: the attempt stays counted
        // until the code is right too, so wrong codes lock the account like wrong passwords.
        if user.totp_enabled_at.is_none() {
            signed_in(conn, id, now)?;
        }
        return Ok(user);
    }
    Err(AttemptError::Refused(attempt_failed(conn, id, now)?))
}

/// Claims one of the [`MAX_FAILED_LOGINS`] attempts between two successes with one conditional
/// UPDATE, so parallel attempts cannot all slip in before the counter catches up; false when
/// the account is locked. A lock that has run out gives a fresh set first.
pub fn claim_attempt(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(admin_users::table.find(id).filter(admin_users::locked_until.le(now)))
        .set((
            admin_users::failed_logins.eq(0),
            admin_users::locked_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    let claimed = diesel::update(
        admin_users::table
            .find(id)
            .filter(admin_users::failed_logins.lt(MAX_FAILED_LOGINS))
            .filter(admin_users::locked_until.is_null()),
    )
    .set(admin_users::failed_logins.eq(admin_users::failed_logins + 1))
    .execute(conn)?;
    Ok(claimed == 1)
}

/// A claimed attempt that failed: the one that used up the last slot locks the account.
pub fn attempt_failed(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<LoginError> {
    let locked = diesel::update(
        admin_users::table
            .find(id)
            .filter(admin_users::failed_logins.ge(MAX_FAILED_LOGINS))
            .filter(admin_users::locked_until.is_null()),
    )
    .set(admin_users::locked_until.eq(now + chrono::Duration::minutes(LOCK_MINUTES)))
    .execute(conn)?;
    if locked > 0 {
        log::warn!("admin account {id} locked after {MAX_FAILED_LOGINS} failed sign-ins");
        return Ok(LoginError::Locked);
    }
    Ok(LoginError::Invalid)
}

/// A complete sign-in: the attempts start over, and the time is kept.
pub fn signed_in(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(admin_users::table.find(id))
        .set((admin_users::failed_logins.eq(0), admin_users::last_login_at.eq(now)))
        .execute(conn)
        .map(drop)
}

/// Failures against addresses without an account lock them like accounts: five in the
/// lockout's time, then "locked". Without it, an address that never locks is one that has no
/// account, and the answers (and their speed: a locked account checks no password) told
/// which addresses exist.
const UNKNOWN_ADDRESS_LOCK: crate::auth::rate_limit::Limit = crate::auth::rate_limit::Limit {
    bucket: "sign-in-unknown",
    max: MAX_FAILED_LOGINS as u32,
    window: std::time::Duration::from_secs(LOCK_MINUTES as u64 * 60),
};

/// A sign-in to an address with no account: the same answers, at the same cost, as one to an
/// account with the wrong password.
fn attempt_unknown(
    conn: &mut DbConn,
    email: &str,
    password: &str,
    now: NaiveDateTime,
) -> QueryResult<LoginError> {
    use sha2::{Digest, Sha256};
    let key: String =
        Sha256::digest(email.as_bytes()).iter().take(16).map(|b| format!("{b:02x}")).collect();
    if !UNKNOWN_ADDRESS_LOCK.allow_key(conn, &key, now)? {
        return Ok(LoginError::Locked);
    }
    // The time of a real check, so response times do not tell either.
    crate::auth::password::verify(password, &DUMMY_HASH);
    // Like an account, the attempt that uses up the last one locks.
    Ok(if UNKNOWN_ADDRESS_LOCK.remaining_key(conn, &key, now)? == 0 {
        LoginError::Locked
    } else {
        LoginError::Invalid
    })
}

#[derive(Debug, thiserror::Error)]
pub enum AttemptError {
    #[error("sign-in refused: {0:?}")]
    Refused(LoginError),
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// An Argon2id hash of a random password, checked against when an address has no account.
static DUMMY_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    crate::auth::password::hash(&crate::auth::password::generate()).unwrap_or_default()
});
#[derive(Debug, thiserror::Error)]
pub enum CreateAdminError {
    #[error("the email address {0:?} is not valid")]
    InvalidEmail(String),
    #[error("the password is too weak: {0}")]
    WeakPassword(crate::auth::password::Weakness),
    #[error("an admin user with the email {0:?} already exists")]
    Exists(String),
    #[error("could not hash the password: {0}")]
    Hash(String),
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// Creates a back-office user; returns the new id.
pub fn create(
    conn: &mut DbConn,
    email: &str,
    role: AdminRole,
    password: &str,
) -> Result<i64, CreateAdminError> {
    let email = email.trim().to_lowercase();
    let (local, domain) = email.split_once('@').unwrap_or(("", ""));
    if local.is_empty() || !domain.contains('.') || email.contains(char::is_whitespace) {
        return Err(CreateAdminError::InvalidEmail(email));
    }
    crate::auth::password::check_strength(password, &[&email, local])
        .map_err(CreateAdminError::WeakPassword)?;
    let hash = crate::auth::password::hash(password).map_err(CreateAdminError::Hash)?;
    crate::db::write_transaction(conn, |conn| {
        let taken: i64 =
            admin_users::table.filter(admin_users::email.eq(&email)).count().get_result(conn)?;
        if taken > 0 {
            return Err(CreateAdminError::Exists(email.clone()));
        }
        let now = crate::db::now();
        diesel::insert_into(admin_users::table)
            .values((
                admin_users::email.eq(&email),
                admin_users::password_hash.eq(&hash),
                admin_users::role.eq(role.as_str()),
                admin_users::locale.eq("en"),
                admin_users::created_at.eq(now),
                admin_users::updated_at.eq(now),
            ))
            .execute(conn)?;
        Ok(dialect::last_insert_id(conn, "admin_users")?)
    })
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    admin_users::table.count().get_result(conn)
}

/// How long an invitation's set-password link works.
pub const INVITATION_HOURS: i64 = 72;

/// Creates a user without a password and returns (id, one-time token for the set-password
/// link). Only the token's digest is stored.
pub fn invite(
    conn: &mut DbConn,
    email: &str,
    name: &str,
    role: AdminRole,
    now: NaiveDateTime,
) -> Result<(i64, String), CreateAdminError> {
    let email = email.trim().to_lowercase();
    let (local, domain) = email.split_once('@').unwrap_or(("", ""));
    if local.is_empty()
        || !domain.contains('.')
        || email.contains(char::is_whitespace)
        || email.len() > 320
    {
        return Err(CreateAdminError::InvalidEmail(email));
    }
    let token = crate::auth::token::generate();
    let id = crate::db::write_transaction(conn, |conn| {
        let taken: i64 =
            admin_users::table.filter(admin_users::email.eq(&email)).count().get_result(conn)?;
        if taken > 0 {
            return Err(CreateAdminError::Exists(email.clone()));
        }
        diesel::insert_into(admin_users::table)
            .values((
                admin_users::email.eq(&email),
                admin_users::name.eq(name.trim()),
                admin_users::password_hash.eq(""),
                admin_users::role.eq(role.as_str()),
                admin_users::locale.eq("en"),
                admin_users::password_token_hash.eq(crate::auth::token::digest(&token)),
                admin_users::password_token_expires_at
                    .eq(now + chrono::Duration::hours(INVITATION_HOURS)),
                admin_users::created_at.eq(now),
                admin_users::updated_at.eq(now),
            ))
            .execute(conn)?;
        Ok::<i64, CreateAdminError>(crate::db::dialect::last_insert_id(conn, "admin_users")?)
    })?;
    Ok((id, token))
}

/// The user a set-password token belongs to, while it is valid: (id, email).
pub fn find_by_password_token(
    conn: &mut DbConn,
    token: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<(i64, String)>> {
    admin_users::table
        .filter(admin_users::password_token_hash.eq(crate::auth::token::digest(token)))
        .filter(admin_users::password_token_expires_at.gt(now))
        .select((admin_users::id, admin_users::email))
        .first(conn)
        .optional()
}

/// Sets the password of the token's user, spends the token and ends any sessions the user
/// had. Returns false when the token is unknown, spent or expired.
pub fn set_password_with_token(
    conn: &mut DbConn,
    token: &str,
    password: &str,
    now: NaiveDateTime,
) -> Result<bool, CreateAdminError> {
    // The form checks against the user's address too; this is the floor for any caller.
    crate::auth::password::check_strength(password, &[]).map_err(CreateAdminError::WeakPassword)?;
    let hash = crate::auth::password::hash(password).map_err(CreateAdminError::Hash)?;
    crate::db::write_transaction(conn, |conn| {
        let Some((id, _)) = find_by_password_token(conn, token, now)? else {
            return Ok(false);
        };
        diesel::update(admin_users::table.find(id))
            .set((
                admin_users::password_hash.eq(&hash),
                admin_users::password_token_hash.eq(None::<String>),
                admin_users::password_token_expires_at.eq(None::<NaiveDateTime>),
                admin_users::failed_logins.eq(0),
                admin_users::locked_until.eq(None::<NaiveDateTime>),
                admin_users::updated_at.eq(now),
            ))
            .execute(conn)?;
        crate::auth::session::revoke_all(conn, id)?;
        Ok(true)
    })
}
