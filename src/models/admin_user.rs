//! Back-office users. Sign-in comes with the back office; the foundation creates the first
//! admin from the CLI.

use diesel::prelude::*;

use super::AdminRole;
use crate::db::schema::admin_users;
use crate::db::{DbConn, dialect};

pub const MIN_PASSWORD_CHARS: usize = 12;

#[derive(Debug, thiserror::Error)]
pub enum CreateAdminError {
    #[error("the email address {0:?} is not valid")]
    InvalidEmail(String),
    #[error("the password must have at least {MIN_PASSWORD_CHARS} characters")]
    PasswordTooShort,
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
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(CreateAdminError::PasswordTooShort);
    }
    let hash = crate::auth::password::hash(password).map_err(CreateAdminError::Hash)?;
    crate::db::write_transaction(conn, |conn| {
        let taken: i64 = admin_users::table
            .filter(admin_users::email.eq(&email))
            .count()
            .get_result(conn)?;
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
        Ok(dialect::last_insert_id(conn)?)
    })
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    admin_users::table.count().get_result(conn)
}
