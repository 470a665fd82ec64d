//! Editing back-office users (name, role, language) and deleting them. New users come by
//! invitation (`invitations.rs`), whose routes take `/admin/admin_users/new` and the POST.

use diesel::prelude::*;

use super::super::fields::{Field, FieldError, FormValues};
use super::super::resource::{Deleted, Editor, Form, Stored};
use super::forms::locale_options;
use crate::db::DbConn;
use crate::db::schema::admin_users;
use crate::error::AppError;
use crate::i18n::{Locale, Tr};
use crate::models::AdminRole;

pub struct AdminUserForm;

/// Whether another admin than `id` would remain.
fn other_admins(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    admin_users::table
        .filter(admin_users::role.eq(AdminRole::Admin.as_str()))
        .filter(admin_users::id.ne(id))
        .count()
        .get_result::<i64>(conn)
        .map(|n| n > 0)
}

impl Form for AdminUserForm {
    fn fields(&self, tr: &Tr) -> Vec<Field> {
        vec![
            Field::text("name", "admin-field-person-name").max(200),
            Field::select("role", "admin-field-role", AdminRole::options(tr))
                .required()
                .hint("admin-hint-role"),
            Field::select("locale", "admin-field-language", locale_options()).required(),
        ]
    }

    fn load(&self, conn: &mut DbConn, id: i64, _: &Editor) -> Result<Option<Stored>, AppError> {
        let found: Option<(String, String, String, String, chrono::NaiveDateTime)> =
            admin_users::table
                .filter(admin_users::id.eq(id))
                .select((
                    admin_users::email,
                    admin_users::name,
                    admin_users::role,
                    admin_users::locale,
                    admin_users::created_at,
                ))
                .first(conn)
                .optional()?;
        Ok(found.map(|(email, name, role, locale, created)| {
            let mut values = FormValues::default();
            values.set("name", name);
            values.set("role", role);
            values.set("locale", locale);
            Stored {
                label: email,
                values,
                original: Locale::default(),
                text_updated_at: created,
                translated_from: Vec::new(),
                previews: Default::default(),
                draft: None,
            }
        }))
    }

    fn save(
        &self,
        conn: &mut DbConn,
        old: Option<(i64, &Stored)>,
        values: &FormValues,
        _: &Editor,
    ) -> Result<Result<i64, Vec<FieldError>>, AppError> {
        // New users are invited; this form only edits.
        let Some((id, stored)) = old else {
            return Err(AppError::NotFound);
        };
        let demoted = stored.values.get("role") == AdminRole::Admin.as_str()
            && values.get("role") != AdminRole::Admin.as_str();
        if demoted && !other_admins(conn, id)? {
            return Ok(Err(vec![FieldError::new("role", "admin-error-last-admin")]));
        }
        diesel::update(admin_users::table.filter(admin_users::id.eq(id)))
            .set((
                admin_users::name.eq(values.get("name")),
                admin_users::role.eq(values.get("role")),
                admin_users::locale.eq(values.get("locale")),
                admin_users::updated_at.eq(crate::db::now()),
            ))
            .execute(conn)?;
        Ok(Ok(id))
    }

    /// Deletes a user (their sessions end with them), unless they are the last admin.
    fn delete(&self, conn: &mut DbConn, id: i64) -> Result<Deleted, AppError> {
        let role: Option<String> = admin_users::table
            .filter(admin_users::id.eq(id))
            .select(admin_users::role)
            .first(conn)
            .optional()?;
        if role.as_deref() == Some(AdminRole::Admin.as_str()) && !other_admins(conn, id)? {
            return Ok(Deleted::Refused("admin-delete-refused-last-admin"));
        }
        Ok(Deleted::from_rows(
            diesel::delete(admin_users::table.filter(admin_users::id.eq(id))).execute(conn)?,
        ))
    }
}
