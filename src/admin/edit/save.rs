//! Creating and updating a record: the checks and writes in one transaction, with an audit
//! entry of the field-by-field difference.

use actix_web::{HttpResponse, web};

use super::page::{FormInput, Mode, invalid, invalid_with, render, upload_status};
use super::{Editing, edit_rights, editable, parse_id, redirect};
use crate::admin::fields::{self, FieldError, FormValues};
use crate::admin::resource::{Editor, Saved, Stored};
use crate::admin::{CurrentAdmin, Flash};
use crate::auth::policy::Action;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::models::audit::{self, Actor};
use crate::state::AppState;
use crate::web::with_conn;

/// Why a save's transaction ended without committing.
enum Rollback {
    Invalid(Vec<FieldError>),
    Failed(AppError),
}

impl From<diesel::result::Error> for Rollback {
    fn from(e: diesel::result::Error) -> Rollback {
        Rollback::Failed(e.into())
    }
}

impl From<AppError> for Rollback {
    fn from(e: AppError) -> Rollback {
        Rollback::Failed(e)
    }
}

/// Checks and writes `values` in one transaction, with its audit entry; then brings this
/// instance's search index up to date. `Ok(Err(errors))`: nothing was written.
pub(super) fn save(
    conn: &mut crate::db::DbConn,
    search: &crate::search::SearchHandle,
    target: &Editing,
    old: Option<(i64, &Stored)>,
    values: &FormValues,
    actor: &Actor,
    editor: &Editor,
) -> Result<Result<Saved, Vec<FieldError>>, AppError> {
    let original = match old {
        Some((_, stored)) => Some(stored.original),
        None => Locale::parse(values.get("original_locale")),
    };
    let Editing { resource, form, fields } = target;
    let errors = fields::check(fields, values, original);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let outcome = crate::db::write_transaction(conn, |conn| {
        let saved = form.save(conn, old, values, editor)?.map_err(Rollback::Invalid)?;
        let id = saved.id;
        let after = form.load(conn, id, editor)?.ok_or(AppError::NotFound)?;
        let before = old.map(|(_, s)| s.values.clone()).unwrap_or_default();
        let changes = fields::diff(&before, &after.values);
        let action = if old.is_some() { "update" } else { "create" };
        if old.is_none() || !changes.is_empty() {
            audit::record(conn, actor, action, resource.name(), id, &after.label, &changes)?;
        }
        Ok(saved)
    });
    match outcome {
        Ok(saved) => {
            search.refresh_if_stale(conn)?;
            Ok(Ok(saved))
        }
        Err(Rollback::Invalid(errors)) => Ok(Err(errors)),
        Err(Rollback::Failed(e)) => Err(e),
    }
}

/// Creates (`id` is none) or updates record `id` of resource `name` as its form would, for
/// writers other than the form (the API): `fill` changes the form's values, starting from the
/// stored record's or a new one's. Fields set only on creation keep their stored values. The
/// same checks, writes, audit entry and search refresh as the back office's save.
pub fn save_values(
    conn: &mut crate::db::DbConn,
    search: &crate::search::SearchHandle,
    name: &str,
    id: Option<i64>,
    fill: impl FnOnce(&mut FormValues),
    actor: &Actor,
    editor: &Editor,
) -> Result<Result<Saved, Vec<FieldError>>, AppError> {
    let target = super::editable(name, &editor.tr)?;
    let Some(id) = id else {
        let mut values = target.form.new_values(&editor.tr);
        fill(&mut values);
        return save(conn, search, &target, None, &values, actor, editor);
    };
    target.resource.require_visible(conn, id, &editor.viewer)?;
    let stored = target.form.load(conn, id, editor)?.ok_or(AppError::NotFound)?;
    let mut values = stored.values.clone();
    fill(&mut values);
    for field in target.fields.iter().filter(|f| f.create_only) {
        values.set(field.key, stored.values.get(field.key));
    }
    save(conn, search, &target, Some((id, &stored)), &values, actor, editor)
}

pub async fn create(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
    mut sent: crate::admin::form::AdminUpload<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let target = editable(&path, &admin.tr)?;
    let resource = target.resource;
    admin.require(resource.area(), Action::Create)?;
    let mut values = FormValues::from_pairs(&target.fields, &sent.pairs);
    let (images, upload_errors) =
        crate::admin::uploads::receive(&state, &target.fields, &mut sent.files, &sent.pairs)
            .await?;
    if !upload_errors.is_empty() {
        return invalid_with(
            render(
                &admin,
                Mode::New,
                FormInput {
                    target: &target,
                    values: &values,
                    errors: &upload_errors,
                    translate_only: false,
                },
            ),
            upload_status(sent.cut_short),
        );
    }
    crate::admin::uploads::apply(&images, &mut values, None);
    let (actor, editor) = (admin.actor(), admin.editor());
    let search = state.search.clone();
    let (target, values, outcome) = with_conn(&state, move |conn| {
        let outcome = save(conn, &search, &target, None, &values, &actor, &editor)?;
        Ok((target, values, outcome))
    })
    .await?;
    crate::admin::uploads::settle(&state, &images, None, outcome.is_ok()).await;
    match outcome {
        Ok(Saved { id, reveal }) => {
            let created = admin.tr.t1("admin-created", "resource", &admin.tr.t(resource.title()));
            match reveal {
                Some(secret) => Flash::secret(&admin.session, created, secret),
                None => Flash::notice(&admin.session, created),
            }
            Ok(redirect(format!("/admin/{}/{id}", resource.name())))
        }
        Err(errors) => invalid(render(
            &admin,
            Mode::New,
            FormInput { target: &target, values: &values, errors: &errors, translate_only: false },
        )),
    }
}

pub async fn update(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<(String, String)>,
    mut sent: crate::admin::form::AdminUpload<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let (name, id) = path.into_inner();
    let target = editable(&name, &admin.tr)?;
    let resource = target.resource;
    let id = parse_id(&id)?;
    let translate_only = edit_rights(&admin, resource)?;
    let mut values = FormValues::from_pairs(&target.fields, &sent.pairs);
    // Translators change text only: files they send are not even looked at.
    let (images, upload_errors) = if translate_only {
        (Vec::new(), Vec::new())
    } else {
        crate::admin::uploads::receive(&state, &target.fields, &mut sent.files, &sent.pairs).await?
    };
    let actor = admin.actor();
    let search = state.search.clone();
    let images_in = images.clone();
    let cut_short = sent.cut_short;
    let pairs = std::mem::take(&mut sent.pairs);
    let editor = admin.editor();
    let (target, values, stored, outcome) = with_conn(&state, move |conn| {
        target.resource.require_visible(conn, id, &editor.viewer)?;
        let stored = target.form.load(conn, id, &editor)?.ok_or(AppError::NotFound)?;
        crate::admin::uploads::apply(&images_in, &mut values, Some(&stored.values));
        if !upload_errors.is_empty() {
            if cut_short {
                values.fill_unsent(&stored.values, &pairs);
            }
            return Ok((target, values, stored, Ok(Err(upload_errors))));
        }
        // What this user may not change keeps its stored value, whatever was sent.
        for field in &target.fields {
            let locked = field.create_only || (translate_only && !field.translatable);
            let original_text = translate_only && field.translatable;
            if locked || original_text {
                values.set(field.key, stored.values.get(field.key));
            }
        }
        let outcome = save(conn, &search, &target, Some((id, &stored)), &values, &actor, &editor);
        Ok((target, values, stored, outcome))
    })
    .await?;
    let outcome = outcome?;
    crate::admin::uploads::settle(&state, &images, Some(&stored.values), outcome.is_ok()).await;
    match outcome {
        Ok(Saved { id, .. }) => {
            Flash::notice(&admin.session, admin.tr.t("admin-saved"));
            Ok(redirect(format!("/admin/{}/{id}", resource.name())))
        }
        Err(errors) => invalid_with(
            render(
                &admin,
                Mode::Edit(id, &stored),
                FormInput { target: &target, values: &values, errors: &errors, translate_only },
            ),
            upload_status(cut_short),
        ),
    }
}
