//! Editing back-office users (name, role, language, a recruiter's companies) and deleting them. New users come by
//! invitation (`invitations.rs`), whose routes take `/admin/admin_users/new` and the POST.

use super::forms::locale_options;
use super::prelude::*;
use crate::admin::resource::{Editor, Lookup};
use crate::db::schema::{admin_users, companies, company_members};
use crate::models::AdminRole;
use crate::models::company_member;

pub struct AdminUserForm;

/// A back-office user as the form edits them.
#[derive(Clone)]
pub struct AdminUserDraft {
    name: String,
    role: AdminRole,
    locale: Locale,
    /// A recruiter's companies as typed: names or `#id`s.
    companies: Vec<String>,
    /// What `companies` named, once checked.
    company_ids: Vec<i64>,
}

/// The companies `names` name (each by `#id` or exact name, among those `editor` may see),
/// or the field's error.
pub(crate) fn resolve_companies(
    conn: &mut DbConn,
    names: &[String],
    editor: &Editor,
) -> Result<Result<Vec<i64>, FieldError>, AppError> {
    let resource = super::find("companies").ok_or(AppError::NotFound)?;
    let mut ids = Vec::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        let id = name.strip_prefix('#').and_then(|n| n.trim().parse::<i64>().ok());
        let wanted = match &id {
            Some(id) => Lookup::Ids(std::slice::from_ref(id)),
            None => Lookup::Named(name),
        };
        match resource.lookup(conn, wanted, &editor.viewer, &editor.tr)?.as_slice() {
            [(id, _)] => ids.push(*id),
            [] => {
                return Ok(Err(
                    FieldError::new("companies", "admin-error-no-match").with("name", name)
                ));
            }
            _ => {
                return Ok(Err(
                    FieldError::new("companies", "admin-error-ambiguous").with("name", name)
                ));
            }
        }
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(Ok(ids))
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
        f.of("companies", "admin-field-companies", FieldKind::List, |d| &mut d.companies)
            .max(2000)
            .hint("admin-hint-companies");
    }

    fn new_draft(&self, tr: &Tr) -> AdminUserDraft {
        AdminUserDraft {
            name: String::new(),
            role: AdminRole::Viewer,
            locale: tr.locale,
            companies: Vec::new(),
            company_ids: Vec::new(),
        }
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
        let Some((email, name, role, locale, created)) = found else { return Ok(None) };
        let works_for: Vec<(i64, String)> = company_members::table
            .inner_join(companies::table)
            .filter(company_members::admin_user_id.eq(id))
            .order(companies::name.asc())
            .select((companies::id, companies::name))
            .load(conn)?;
        // By name, unless a comma in it would split it.
        let named = |(id, name): &(i64, String)| {
            if name.contains(',') { format!("#{id}") } else { name.clone() }
        };
        Ok(Some(Read {
            draft: AdminUserDraft {
                name,
                role: AdminRole::parse(&role).unwrap_or(AdminRole::Viewer),
                locale: Locale::parse(&locale).unwrap_or_default(),
                companies: works_for.iter().map(named).collect(),
                company_ids: works_for.iter().map(|(id, _)| *id).collect(),
            },
            label: email,
            text_updated_at: created,
            translated_from: Vec::new(),
            previews: Default::default(),
        }))
    }

    /// The last admin stays an admin; a recruiter works for a company, and only recruiters do.
    fn check(
        &self,
        conn: &mut DbConn,
        draft: &mut AdminUserDraft,
        old: Option<(i64, &AdminUserDraft)>,
        editor: &Editor,
    ) -> Result<Vec<FieldError>, AppError> {
        let mut errors = Vec::new();
        match resolve_companies(conn, &draft.companies, editor)? {
            Ok(ids) => draft.company_ids = ids,
            Err(e) => errors.push(e),
        }
        let recruiter = draft.role == AdminRole::Recruiter;
        if errors.is_empty() && recruiter && draft.company_ids.is_empty() {
            errors.push(FieldError::new("companies", "admin-error-recruiter-company"));
        } else if !recruiter && !draft.company_ids.is_empty() {
            errors.push(FieldError::new("companies", "admin-error-companies-for-recruiters"));
        }
        if let Some((id, old)) = old {
            let demoted = old.role == AdminRole::Admin && draft.role != AdminRole::Admin;
            if demoted && !other_admins(conn, id)? {
                errors.push(FieldError::new("role", "admin-error-last-admin"));
            }
        }
        Ok(errors)
    }

    /// Saves an edit; new users are invited, never made by this form.
    fn write(
        &self,
        conn: &mut DbConn,
        draft: &AdminUserDraft,
        over: Option<Over<'_, AdminUserDraft>>,
        _editor: &Editor,
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
        company_member::set_companies(conn, id, &draft.company_ids)?;
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
