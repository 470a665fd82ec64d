//! Employers who sign up from the public site: a company that awaits the staff's approval, and
//! its first recruiter, who signs in once the mailed link confirmed their address.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::AdminRole;
use super::admin_user::{self, CreateAdminError};
use super::company::{Company, NewCompany};
use crate::db::DbConn;
use crate::db::schema::{admin_users, companies};
use crate::i18n::Locale;

/// The longest company and person names taken.
pub const MAX_NAME_CHARS: usize = 200;

/// What a sign-up asks for.
pub struct SignUp<'a> {
    pub company: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    pub password: &'a str,
    pub locale: Locale,
}

/// What a sign-up made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A company awaiting approval and its recruiter awaiting confirmation: the recruiter.
    Made(i64),
    /// The address has an account already; nothing was made.
    Known,
}

/// Why a sign-up was refused, field by field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Company,
    Name,
    Email,
    Password(crate::auth::password::Weakness),
}

/// What is wrong with a sign-up, field by field (nothing is read or written).
pub fn check(s: &SignUp<'_>) -> Result<(), Vec<Refusal>> {
    let (company, name) = (s.company.trim(), s.name.trim());
    let mut refused = Vec::new();
    if company.is_empty() || company.chars().count() > MAX_NAME_CHARS {
        refused.push(Refusal::Company);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        refused.push(Refusal::Name);
    }
    let email = s.email.trim().to_lowercase();
    if !super::application::is_plausible_email(&email) {
        refused.push(Refusal::Email);
    }
    let local = email.split('@').next().unwrap_or_default();
    if let Err(weak) = crate::auth::password::check_strength(s.password, &[&email, local, company])
    {
        refused.push(Refusal::Password(weak));
    }
    if refused.is_empty() { Ok(()) } else { Err(refused) }
}

/// Checks and makes a sign-up, in one transaction.
pub fn sign_up(
    conn: &mut DbConn,
    s: &SignUp<'_>,
    now: NaiveDateTime,
) -> Result<Result<Outcome, Vec<Refusal>>, diesel::result::Error> {
    if let Err(refused) = check(s) {
        return Ok(Err(refused));
    }
    let (company, name) = (s.company.trim(), s.name.trim());
    let email = s.email.trim().to_lowercase();
    crate::db::write_transaction(conn, |conn| {
        let id = match admin_user::create(conn, &email, AdminRole::Recruiter, s.password) {
            Ok(id) => id,
            Err(CreateAdminError::Exists(_)) => return Ok(Ok(Outcome::Known)),
            Err(CreateAdminError::Database(e)) => return Err(e),
            Err(CreateAdminError::InvalidEmail(_)) => return Ok(Err(vec![Refusal::Email])),
            Err(CreateAdminError::WeakPassword(weak)) => {
                return Ok(Err(vec![Refusal::Password(weak)]));
            }
            Err(e) => return Err(diesel::result::Error::QueryBuilderError(e.to_string().into())),
        };
        diesel::update(admin_users::table.find(id))
            .set((
                admin_users::name.eq(name),
                admin_users::locale.eq(s.locale.as_str()),
                admin_users::email_unverified.eq(true),
            ))
            .execute(conn)?;
        let new = NewCompany::named(conn, company, s.locale, now)?;
        let company_id = Company::create(conn, &new, &[])?;
        diesel::update(companies::table.find(company_id))
            .set(companies::awaiting_approval.eq(true))
            .execute(conn)?;
        super::company_member::set_companies(conn, id, &[company_id])?;
        Ok(Ok(Outcome::Made(id)))
    })
}

/// Confirms recruiter `id`'s address; false when there is no such unconfirmed account.
pub fn confirm(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    let changed =
        diesel::update(admin_users::table.find(id).filter(admin_users::email_unverified.eq(true)))
            .set(admin_users::email_unverified.eq(false))
            .execute(conn)?;
    Ok(changed == 1)
}

/// The address and name of unconfirmed recruiter `id`, for their confirmation page.
pub fn unconfirmed(conn: &mut DbConn, id: i64) -> QueryResult<Option<String>> {
    admin_users::table
        .find(id)
        .filter(admin_users::email_unverified.eq(true))
        .select(admin_users::email)
        .first(conn)
        .optional()
}
