//! Editing back-office users (name, role, language) and deleting them. New users come by
//! invitation (`invitations.rs`), whose routes take `/admin/admin_users/new` and the POST.

use super::forms::locale_options;
use super::prelude::*;
use crate::db::schema::admin_users;
use crate::models::AdminRole;

pub struct AdminUserForm;

/// A back-office user as the form edits them.
#[derive(Clone)]
pub struct AdminUserDraft {
    name: String,
    role: AdminRole,
    locale: Locale,
}

/// Whether another admin than `id` would remain.
fn other_admins(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    admin_users::table
        .filter(admin_users::role.eq(AdminRole::Admin))
        .filter(admin_users::id.ne(id))
        .count()
        .get_result::<i64>(conn)
        .map(|n| n > 0)
}

impl DraftForm for AdminUserForm {
    type Draft = AdminUserDraft;
    type Text = ();

    fn declare(&self, tr: &Tr, f: &mut Fields<Self>) {
        f.text("name", "admin-field-person-name", |d| &mut d.name).max(200);
        f.select("role", "admin-field-role", AdminRole::options(tr), |d| &mut d.role)
            .required()
            .hint("admin-hint-role");
        f.select("locale", "admin-field-language", locale_options(), |d| &mut d.locale).required();
    }

    fn new_draft(&self, tr: &Tr) -> AdminUserDraft {
        AdminUserDraft { name: String::new(), role: AdminRole::Viewer, locale: tr.locale }
    }

    fn read(&self, conn: &mut DbConn, id: i64) -> Result<Option<Read<AdminUserDraft>>, AppError> {
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
        Ok(found.map(|(email, name, role, locale, created)| Read {
            draft: AdminUserDraft {
                name,
                role: AdminRole::parse(&role).unwrap_or(AdminRole::Viewer),
                locale: Locale::parse(&locale).unwrap_or_default(),
            },
            label: email,
            text_updated_at: created,
            translated_from: Vec::new(),
            previews: Default::default(),
        }))
    }

    /// The last admin stays an admin.
    fn check(
        &self,
        conn: &mut DbConn,
        draft: &mut AdminUserDraft,
        old: Option<(i64, &AdminUserDraft)>,
        _editor: &crate::admin::resource::Editor,
    ) -> Result<Vec<FieldError>, AppError> {
        let Some((id, old)) = old else { return Ok(Vec::new()) };
        let demoted = old.role == AdminRole::Admin && draft.role != AdminRole::Admin;
        Ok(if demoted && !other_admins(conn, id)? {
            vec![FieldError::new("role", "admin-error-last-admin")]
        } else {
            Vec::new()
        })
    }

    /// Saves an edit; new users are invited, never made by this form.
    fn write(
        &self,
        conn: &mut DbConn,
        draft: &AdminUserDraft,
        over: Option<Over<'_, AdminUserDraft>>,
        _editor: &crate::admin::resource::Editor,
    ) -> Result<i64, AppError> {
        let Some(Over { id, .. }) = over else { return Err(AppError::NotFound) };
        diesel::update(admin_users::table.filter(admin_users::id.eq(id)))
            .set((
                admin_users::name.eq(&draft.name),
                admin_users::role.eq(draft.role),
                admin_users::locale.eq(draft.locale.as_str()),
                admin_users::updated_at.eq(crate::db::now()),
            ))
            .execute(conn)?;
        Ok(id)
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
