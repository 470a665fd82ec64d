//! Applications to postings, with the validation of the public apply form.

use diesel::prelude::*;

use crate::db::schema::applications;
use crate::db::{DbConn, dialect};
use crate::i18n::Locale;
use crate::models::CoverLetter;
use crate::models::problem::FieldError;

/// A stored application, as the pipeline and the API read it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = applications)]
pub struct Application {
    pub id: i64,
    pub job_id: i64,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub cover_letter: String,
    pub locale: String,
    pub status: crate::models::ApplicationStatus,
    pub rejection_reason: Option<String>,
    pub cv_name: Option<String>,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
}

impl Application {
    pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<Application>> {
        applications::table.find(id).select(Application::as_select()).first(conn).optional()
    }
}

/// The apply form as submitted, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ApplicationForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub cover_letter: String,
    #[serde(default)]
    pub consent: Option<String>,
}

/// A validated application, ready to insert.
#[derive(Debug, Clone)]
pub struct NewApplication {
    pub job_id: i64,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub cover_letter: String,
    pub locale: Locale,
    /// The CV, already in the storage.
    pub cv: Option<StoredCv>,
}

/// Where an application's CV is kept, and what the applicant called it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCv {
    pub key: String,
    pub name: String,
    pub content_type: String,
    pub size: i64,
}

pub const MAX_NAME: usize = 200;
pub const MAX_COVER_LETTER: usize = 10_000;

impl ApplicationForm {
    /// Checks every field (a cover letter as the posting asks); all failures are returned at
    /// once so the form can show each.
    pub fn validate(
        &self,
        job_id: i64,
        locale: Locale,
        cover_letter_rule: CoverLetter,
    ) -> Result<NewApplication, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            errors.push(FieldError::new("name", "apply-error-name-required"));
        } else if name.chars().count() > MAX_NAME {
            errors.push(FieldError::new("name", "apply-error-name-too-long"));
        }
        let email = self.email.trim().to_lowercase();
        if email.is_empty() {
            errors.push(FieldError::new("email", "apply-error-email-required"));
        } else if !is_plausible_email(&email) {
            errors.push(FieldError::new("email", "apply-error-email-invalid"));
        }
        let phone = self.phone.trim();
        if !phone.is_empty() && !is_plausible_phone(phone) {
            errors.push(FieldError::new("phone", "apply-error-phone-invalid"));
        }
        let cover_letter = self.cover_letter.trim();
        if cover_letter.is_empty() && cover_letter_rule == CoverLetter::Required {
            errors.push(FieldError::new("cover_letter", "apply-error-cover-letter-required"));
        } else if cover_letter.chars().count() > MAX_COVER_LETTER {
            errors.push(FieldError::new("cover_letter", "apply-error-cover-letter-too-long"));
        }
        if self.consent.as_deref().is_none_or(|c| c.is_empty()) {
            errors.push(FieldError::new("consent", "apply-error-consent-required"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(NewApplication {
            job_id,
            name: name.to_owned(),
            email,
            phone: (!phone.is_empty()).then(|| phone.to_owned()),
            cover_letter: cover_letter.to_owned(),
            locale,
            cv: None,
        })
    }
}

/// Whether `email` looks like an address mail can be sent to (a shape check, not proof).
pub fn is_plausible_email(email: &str) -> bool {
    if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && !local.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.')
}

fn is_plausible_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    phone.len() <= 40
        && (5..=20).contains(&digits)
        && phone.chars().all(|c| c.is_ascii_digit() || " +-()./".contains(c))
}

/// Why an application was not stored.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error("this email has already applied to this posting")]
    Duplicate,
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

impl NewApplication {
    /// Stores the application unless this email already applied to the posting. The unique
    /// index on (job_id, email) settles a race between two simultaneous submissions.
    pub fn insert(&self, conn: &mut DbConn) -> Result<i64, ApplyError> {
        crate::db::write_transaction(conn, |conn| {
            let exists: i64 = applications::table
                .filter(applications::job_id.eq(self.job_id))
                .filter(applications::email.eq(&self.email))
                .count()
                .get_result(conn)?;
            if exists > 0 {
                return Err(ApplyError::Duplicate);
            }
            let now = crate::db::now();
            let inserted = diesel::insert_into(applications::table)
                .values((
                    applications::job_id.eq(self.job_id),
                    applications::name.eq(&self.name),
                    applications::email.eq(&self.email),
                    applications::phone.eq(&self.phone),
                    applications::cover_letter.eq(&self.cover_letter),
                    applications::locale.eq(self.locale.as_str()),
                    applications::status.eq(crate::models::ApplicationStatus::New.as_str()),
                    applications::consent_at.eq(now),
                    applications::created_at.eq(now),
                    applications::updated_at.eq(now),
                    applications::cv_key.eq(self.cv.as_ref().map(|c| &c.key)),
                    applications::cv_name.eq(self.cv.as_ref().map(|c| &c.name)),
                    applications::cv_type.eq(self.cv.as_ref().map(|c| &c.content_type)),
                    applications::cv_size.eq(self.cv.as_ref().map(|c| c.size)),
                ))
                .execute(conn);
            match inserted {
                Err(diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                )) => Err(ApplyError::Duplicate),
                Err(e) => Err(e.into()),
                Ok(_) => {
                    let id = dialect::last_insert_id(conn, "applications")?;
                    use crate::analytics::{Metric, add_now};
                    add_now(conn, [self.job_id], Metric::Application, now)?;
                    crate::models::event::application(
                        conn,
                        crate::models::event::EventKind::ApplicationCreated,
                        id,
                        None,
                    )?;
                    Ok(id)
                }
            }
        })
    }

    pub fn count_for_job(conn: &mut DbConn, job_id: i64) -> QueryResult<i64> {
        applications::table.filter(applications::job_id.eq(job_id)).count().get_result(conn)
    }
}

/// Deletes applications with the back office's notes about them, recording each deletion in
/// the audit log under `actor` (by number: the entry keeps that it happened, not who it
/// was) and each person's erasure in the register (`privacy::register`, under `origin`);
/// returns the keys of their stored CVs, to remove once the transaction has committed.
/// In the caller's transaction.
pub fn delete_with_notes(
    conn: &mut DbConn,
    ids: &[i64],
    actor: &crate::models::audit::Actor,
    (secret, origin): (&[u8], crate::privacy::register::Origin),
) -> QueryResult<Vec<String>> {
    use crate::db::schema::admin_comments;
    let doomed: Vec<(String, Option<String>)> = applications::table
        .filter(applications::id.eq_any(ids))
        .select((applications::email, applications::cv_key))
        .load(conn)?;
    for id in ids {
        crate::models::audit::record(
            conn,
            actor,
            "delete",
            "applications",
            *id,
            &format!("#{id}"),
            &[],
        )?;
    }
    diesel::delete(
        admin_comments::table
            .filter(admin_comments::resource.eq("applications"))
            .filter(admin_comments::record_id.eq_any(ids)),
    )
    .execute(conn)?;
    diesel::delete(applications::table.filter(applications::id.eq_any(ids))).execute(conn)?;
    let (emails, cvs): (Vec<String>, Vec<Option<String>>) = doomed.into_iter().unzip();
    crate::privacy::register::record_erasures(conn, secret, origin, &emails, crate::db::now())?;
    Ok(cvs.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ApplicationForm {
        ApplicationForm {
            name: " Ada Lovelace ".into(),
            email: "Ada@Example.org".into(),
            phone: "+44 20 7946 0958".into(),
            cover_letter: "I would love to work on this.".into(),
            consent: Some("on".into()),
        }
    }

    #[test]
    fn a_complete_form_is_normalized() {
        let app = form().validate(7, Locale::EN, CoverLetter::Required).unwrap();
        assert_eq!(app.name, "Ada Lovelace");
        assert_eq!(app.email, "ada@example.org");
        assert_eq!(app.job_id, 7);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = ApplicationForm {
            name: "".into(),
            email: "not-an-email".into(),
            phone: "call me".into(),
            cover_letter: " ".into(),
            consent: None,
        };
        let errors = bad.validate(1, Locale::DE, CoverLetter::Required).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "email", "phone", "cover_letter", "consent"]);
    }

    #[test]
    fn a_cover_letter_is_needed_only_where_the_posting_asks_for_one() {
        let without = ApplicationForm { cover_letter: "  ".into(), ..form() };
        let app = without.validate(1, Locale::EN, CoverLetter::Optional).unwrap();
        assert_eq!(app.cover_letter, "");
        let errors = without.validate(1, Locale::EN, CoverLetter::Required).unwrap_err();
        assert_eq!(errors[0].field, "cover_letter");
        let long = ApplicationForm { cover_letter: "x".repeat(MAX_COVER_LETTER + 1), ..form() };
        let errors = long.validate(1, Locale::EN, CoverLetter::Optional).unwrap_err();
        assert_eq!(errors[0].message, "apply-error-cover-letter-too-long", "a limit either way");
    }

    #[test]
    fn emails_are_checked_for_shape() {
        for ok in ["a@b.co", "first.last+tag@sub.example.org", "ім'я@приклад.укр"] {
            assert!(is_plausible_email(ok), "{ok}");
        }
        for bad in ["a@b", "@b.co", "a b@c.de", "a@.de", "a@b..de", "a@b.de.", "a@@b.de"] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
    }
}
