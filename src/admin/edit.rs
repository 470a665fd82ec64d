//! The new and edit forms of every resource that declares fields, deleting from a show page
//! (after a confirmation page), and the name lookup behind association fields.
//!
//! A save runs in one transaction: the generic field checks, the resource's own checks and
//! writes, and an audit entry with the field-by-field difference between the record as it
//! was and as it is now (both read back through the resource, so the diff shows stored
//! values, not what was typed). A form with errors re-renders with status 422 and writes
//! nothing.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::fields::{
    self, CONFIRM_FIELD, Field, FieldError, FieldKind, FormValues, TRANSLATION_PREFIX,
    TranslationState,
};
use super::layout::{crumb, here};
use super::resource::{Deleted, Form, Resource, Stored};
use super::{AdminForm, AdminLayout, CurrentAdmin, Flash};
use crate::auth::policy::Action;
use crate::error::AppError;
use crate::i18n::{Locale, Tr};
use crate::models::audit::{self, Actor};
use crate::state::AppState;
use crate::web::with_conn;

/// One input of the form, ready to render.
pub struct FieldView {
    /// The form name: `title`, `t.de.title`.
    pub name: String,
    /// The HTML id: `f-title`, `f-t-de-title`.
    pub id: String,
    pub label: String,
    /// text, textarea, select, integer, decimal, date, url, association, list.
    pub kind: &'static str,
    pub value: String,
    pub options: Vec<(&'static str, String)>,
    pub required: bool,
    pub readonly: bool,
    pub max: usize,
    pub error: Option<String>,
    pub hint: Option<String>,
    /// Where an association field fetches suggestions.
    pub lookup: Option<String>,
    /// The label of an image field's "remove" box.
    pub remove_label: String,
    /// Where an image field's current file is shown from.
    pub preview: String,
}

/// One language of the translatable fields.
pub struct TabView {
    pub locale: Locale,
    pub label: String,
    /// original, missing, outdated or current.
    pub state: &'static str,
    pub state_label: String,
    pub fields: Vec<FieldView>,
    /// The "still matches the original" checkbox's name, on an out-of-date translation.
    pub confirm: Option<String>,
    pub has_error: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/form.html")]
pub struct FormPage {
    pub l: AdminLayout,
    pub action_url: String,
    pub fields: Vec<FieldView>,
    pub tabs: Vec<TabView>,
    /// (HTML id of the field, message), in form order.
    pub summary: Vec<(String, String)>,
    pub submit_label: String,
    pub cancel_url: String,
    /// Only translations can be changed (the translator role).
    pub translate_only: bool,
}

impl FormPage {
    pub fn error_count(&self) -> i64 {
        self.summary.len() as i64
    }
}

impl FieldView {
    pub fn is_selected(&self, value: &&str) -> bool {
        self.value == *value
    }

    /// The ids of the error and hint texts that describe the field, for `aria-describedby`.
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.error.is_some() {
            ids.push(format!("{}-error", self.id));
        }
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.id));
        }
        ids.join(" ")
    }
}

fn html_id(name: &str) -> String {
    format!("f-{}", name.replace(['.', '_'], "-"))
}

fn kind_name(kind: &FieldKind) -> &'static str {
    match kind {
        FieldKind::Text => "text",
        FieldKind::LongText => "textarea",
        FieldKind::Select(_) => "select",
        FieldKind::Integer => "integer",
        FieldKind::Decimal(..) => "decimal",
        FieldKind::Date => "date",
        FieldKind::Url => "url",
        FieldKind::Email => "email",
        FieldKind::Association(_) => "association",
        FieldKind::List => "list",
        FieldKind::Image => "image",
    }
}

fn error_text(tr: &Tr, e: &FieldError) -> String {
    match &e.arg {
        Some((name, value)) => tr.t1(e.message, name, value),
        None => tr.t(e.message),
    }
}

/// What the page is for: a new record, or an existing one as stored.
enum Mode<'a> {
    New,
    Edit(i64, &'a Stored),
}

struct FormInput<'a> {
    target: &'a Editing,
    values: &'a FormValues,
    errors: &'a [FieldError],
    translate_only: bool,
}

fn render(admin: &CurrentAdmin, mode: Mode<'_>, input: FormInput<'_>) -> FormPage {
    let tr = admin.tr;
    let FormInput {
        target,
        values,
        errors,
        translate_only,
    } = input;
    let (resource, fields) = (target.resource, &target.fields);
    let name = resource.name();
    let error_for = |field: &str| {
        errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| error_text(&tr, e))
    };
    let view = |field: &Field, name: String, value: &str, readonly: bool, in_translation: bool| {
        FieldView {
            id: html_id(&name),
            error: error_for(&name),
            label: tr.t(field.label),
            kind: kind_name(&field.kind),
            value: value.to_owned(),
            options: match &field.kind {
                FieldKind::Select(options) => options.clone(),
                _ => Vec::new(),
            },
            // A translation is optional as a whole: its fields are required only once it is
            // started, which the server checks.
            required: field.required && !in_translation,
            readonly,
            max: field.max,
            hint: field.hint.map(|h| tr.t(h)),
            lookup: match field.kind {
                FieldKind::Association(target) => Some(format!("/admin/{target}/lookup")),
                _ => None,
            },
            remove_label: match field.kind {
                FieldKind::Image => tr.t("admin-image-remove"),
                _ => String::new(),
            },
            preview: match (&field.kind, &mode) {
                (FieldKind::Image, Mode::Edit(_, stored))
                    if stored.values.get(field.key) == value =>
                {
                    stored.previews.get(field.key).cloned()
                }
                _ => None,
            }
            .unwrap_or_else(|| format!("/uploads/{value}")),
            name,
        }
    };
    let editing = matches!(mode, Mode::Edit(..));
    let plain = fields
        .iter()
        .filter(|f| !f.translatable)
        .map(|f| {
            let readonly = translate_only || (editing && f.create_only);
            view(f, f.key.to_owned(), values.get(f.key), readonly, false)
        })
        .collect();
    let translatable: Vec<&Field> = fields.iter().filter(|f| f.translatable).collect();
    let mut tabs = Vec::new();
    if !translatable.is_empty() {
        let original = match mode {
            Mode::Edit(_, stored) => Some(stored.original),
            Mode::New => None,
        };
        let original_fields: Vec<FieldView> = translatable
            .iter()
            .map(|f| {
                view(
                    f,
                    f.key.to_owned(),
                    values.get(f.key),
                    translate_only,
                    false,
                )
            })
            .collect();
        tabs.push(TabView {
            // On a new record, the language chosen so far (the script follows the select).
            locale: original
                .or(Locale::parse(values.get("original_locale")))
                .unwrap_or(tr.locale),
            label: match original {
                Some(locale) => tr.t1("admin-tab-original", "language", locale.native_name()),
                None => tr.t("admin-tab-original-new"),
            },
            state: "original",
            state_label: String::new(),
            has_error: original_fields.iter().any(|f| f.error.is_some()),
            fields: original_fields,
            confirm: None,
        });
        for locale in Locale::ALL.into_iter().filter(|l| Some(*l) != original) {
            let state = match mode {
                Mode::Edit(_, stored) => TranslationState::of(
                    stored
                        .translated_from
                        .iter()
                        .find(|(l, _)| *l == locale)
                        .map(|(_, at)| *at),
                    stored.text_updated_at,
                ),
                Mode::New => TranslationState::Missing,
            };
            let tab_fields: Vec<FieldView> = translatable
                .iter()
                .map(|f| {
                    let name = format!("{TRANSLATION_PREFIX}{locale}.{}", f.key);
                    view(f, name, values.translated(locale, f.key), false, true)
                })
                .collect();
            tabs.push(TabView {
                locale,
                label: locale.native_name().to_owned(),
                state: state.as_str(),
                state_label: tr.t(&format!("admin-translation-{}", state.as_str())),
                has_error: tab_fields.iter().any(|f| f.error.is_some()),
                fields: tab_fields,
                confirm: (state == TranslationState::Outdated)
                    .then(|| format!("{TRANSLATION_PREFIX}{locale}.{CONFIRM_FIELD}")),
            });
        }
    }
    // The summary lists errors in the order of the fields on the page.
    let mut summary = Vec::new();
    let all_views = || {
        let plain: &Vec<FieldView> = &plain;
        plain
            .iter()
            .chain(tabs.iter().flat_map(|t| t.fields.iter()))
    };
    for f in all_views() {
        if let Some(error) = &f.error {
            summary.push((f.id.clone(), format!("{}: {error}", f.label)));
        }
    }
    let title = tr.t(resource.title());
    let (page_title, crumbs, action_url, cancel_url, submit) = match mode {
        Mode::New => {
            let page_title = tr.t1("admin-new-title", "resource", &title);
            (
                page_title.clone(),
                vec![crumb(title, format!("/admin/{name}")), here(page_title)],
                format!("/admin/{name}"),
                format!("/admin/{name}"),
                tr.t("admin-form-create"),
            )
        }
        Mode::Edit(id, stored) => {
            let page_title = tr.t1("admin-edit-title", "record", &stored.label);
            (
                page_title,
                vec![
                    crumb(title, format!("/admin/{name}")),
                    crumb(stored.label.clone(), format!("/admin/{name}/{id}")),
                    here(tr.t("admin-edit")),
                ],
                format!("/admin/{name}/{id}"),
                format!("/admin/{name}/{id}"),
                tr.t("admin-form-save"),
            )
        }
    };
    let mut l = AdminLayout::new(admin, name, page_title, crumbs);
    l.here = action_url.clone();
    FormPage {
        l,
        action_url,
        fields: plain,
        tabs,
        summary,
        submit_label: submit,
        cancel_url,
        translate_only,
    }
}

/// A form page with errors: 422, so that clients and tests can tell it from a success.
fn invalid(page: FormPage) -> Result<HttpResponse, AppError> {
    invalid_with(page, StatusCode::UNPROCESSABLE_ENTITY)
}

fn invalid_with(page: FormPage, status: StatusCode) -> Result<HttpResponse, AppError> {
    let body = page
        .render()
        .map_err(|e| AppError::Internal(format!("rendering the form: {e}")))?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body))
}

/// 413 when the body was cut short at a too-large file, else 422.
fn upload_status(cut_short: bool) -> StatusCode {
    if cut_short {
        StatusCode::PAYLOAD_TOO_LARGE
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

fn redirect(to: String) -> HttpResponse {
    crate::web::see_other(&to)
}

/// A resource with a form, and the form's fields in the admin's language.
struct Editing {
    resource: &'static dyn Resource,
    form: &'static dyn Form,
    fields: Vec<Field>,
}

/// The resource named in the path with its form; 404 without one.
fn editable(name: &str, tr: &Tr) -> Result<Editing, AppError> {
    let resource = super::resources::find(name).ok_or(AppError::NotFound)?;
    let form = resource.form().ok_or(AppError::NotFound)?;
    Ok(Editing {
        resource,
        form,
        fields: form.fields(tr),
    })
}

fn parse_id(id: &str) -> Result<i64, AppError> {
    id.parse().map_err(|_| AppError::NotFound)
}

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
fn save(
    conn: &mut crate::db::DbConn,
    search: &crate::search::SearchHandle,
    target: &Editing,
    old: Option<(i64, &Stored)>,
    values: &FormValues,
    actor: &Actor,
) -> Result<Result<i64, Vec<FieldError>>, AppError> {
    let original = match old {
        Some((_, stored)) => Some(stored.original),
        None => Locale::parse(values.get("original_locale")),
    };
    let Editing {
        resource,
        form,
        fields,
    } = target;
    let errors = fields::check(fields, values, original);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let outcome = crate::db::write_transaction(conn, |conn| {
        let id = form.save(conn, old, values)?.map_err(Rollback::Invalid)?;
        let after = form.load(conn, id)?.ok_or(AppError::NotFound)?;
        let before = old.map(|(_, s)| s.values.clone()).unwrap_or_default();
        let changes = fields::diff(&before, &after.values);
        let action = if old.is_some() { "update" } else { "create" };
        if old.is_none() || !changes.is_empty() {
            audit::record(
                conn,
                actor,
                action,
                resource.name(),
                id,
                &after.label,
                &changes,
            )?;
        }
        Ok(id)
    });
    match outcome {
        Ok(id) => {
            search.refresh_if_stale(conn)?;
            Ok(Ok(id))
        }
        Err(Rollback::Invalid(errors)) => Ok(Err(errors)),
        Err(Rollback::Failed(e)) => Err(e),
    }
}

pub async fn new_form(admin: CurrentAdmin, path: web::Path<String>) -> Result<FormPage, AppError> {
    let target = editable(&path, &admin.tr)?;
    admin.require(target.resource.area(), Action::Create)?;
    let values = target.form.new_values(&admin.tr);
    Ok(render(
        &admin,
        Mode::New,
        FormInput {
            target: &target,
            values: &values,
            errors: &[],
            translate_only: false,
        },
    ))
}

pub async fn create(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
    mut sent: super::form::AdminUpload<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let target = editable(&path, &admin.tr)?;
    let resource = target.resource;
    admin.require(resource.area(), Action::Create)?;
    let mut values = FormValues::from_pairs(&target.fields, &sent.pairs);
    let (images, upload_errors) =
        super::uploads::receive(&state, &target.fields, &mut sent.files, &sent.pairs).await?;
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
    super::uploads::apply(&images, &mut values, None);
    let actor = admin.actor();
    let search = state.search.clone();
    let (target, values, outcome) = with_conn(&state, move |conn| {
        let outcome = save(conn, &search, &target, None, &values, &actor)?;
        Ok((target, values, outcome))
    })
    .await?;
    super::uploads::settle(&state, &images, None, outcome.is_ok()).await;
    match outcome {
        Ok(id) => {
            Flash::notice(
                &admin.session,
                admin
                    .tr
                    .t1("admin-created", "resource", &admin.tr.t(resource.title())),
            );
            Ok(redirect(format!("/admin/{}/{id}", resource.name())))
        }
        Err(errors) => invalid(render(
            &admin,
            Mode::New,
            FormInput {
                target: &target,
                values: &values,
                errors: &errors,
                translate_only: false,
            },
        )),
    }
}

/// Whether the admin may change every field, or translations only; 403 when neither.
fn edit_rights(admin: &CurrentAdmin, resource: &dyn Resource) -> Result<bool, AppError> {
    if admin.can(resource.area(), Action::Update) {
        Ok(false)
    } else if admin.can(resource.area(), Action::Translate) {
        Ok(true)
    } else {
        admin
            .require(resource.area(), Action::Update)
            .map(|()| false)
    }
}

pub async fn edit_form(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<(String, String)>,
) -> Result<FormPage, AppError> {
    let (name, id) = path.into_inner();
    let target = editable(&name, &admin.tr)?;
    let id = parse_id(&id)?;
    let translate_only = edit_rights(&admin, target.resource)?;
    let (form, resource, viewer) = (target.form, target.resource, admin.viewer());
    let stored = with_conn(&state, move |conn| {
        resource.require_visible(conn, id, &viewer)?;
        form.load(conn, id)
    })
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(render(
        &admin,
        Mode::Edit(id, &stored),
        FormInput {
            target: &target,
            values: &stored.values,
            errors: &[],
            translate_only,
        },
    ))
}

pub async fn update(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<(String, String)>,
    mut sent: super::form::AdminUpload<std::collections::HashMap<String, String>>,
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
        super::uploads::receive(&state, &target.fields, &mut sent.files, &sent.pairs).await?
    };
    let actor = admin.actor();
    let search = state.search.clone();
    let images_in = images.clone();
    let cut_short = sent.cut_short;
    let pairs = std::mem::take(&mut sent.pairs);
    let viewer = admin.viewer();
    let (target, values, stored, outcome) = with_conn(&state, move |conn| {
        target.resource.require_visible(conn, id, &viewer)?;
        let stored = target.form.load(conn, id)?.ok_or(AppError::NotFound)?;
        super::uploads::apply(&images_in, &mut values, Some(&stored.values));
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
        let outcome = save(conn, &search, &target, Some((id, &stored)), &values, &actor);
        Ok((target, values, stored, outcome))
    })
    .await?;
    let outcome = outcome?;
    super::uploads::settle(&state, &images, Some(&stored.values), outcome.is_ok()).await;
    match outcome {
        Ok(id) => {
            Flash::notice(&admin.session, admin.tr.t("admin-saved"));
            Ok(redirect(format!("/admin/{}/{id}", resource.name())))
        }
        Err(errors) => invalid_with(
            render(
                &admin,
                Mode::Edit(id, &stored),
                FormInput {
                    target: &target,
                    values: &values,
                    errors: &errors,
                    translate_only,
                },
            ),
            upload_status(cut_short),
        ),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/delete.html")]
pub struct DeletePage {
    pub l: AdminLayout,
    pub question: String,
    pub action_url: String,
    pub back: String,
}

fn deletable(name: &str) -> Result<(&'static dyn Resource, &'static dyn Form), AppError> {
    let resource = super::resources::find(name).ok_or(AppError::NotFound)?;
    let form = resource.form().ok_or(AppError::NotFound)?;
    Ok((resource, form))
}

/// `GET /admin/{resource}/{id}/delete`: asks before deleting (the show page links here, so it
/// works without JavaScript).
pub async fn delete_form(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<(String, String)>,
) -> Result<DeletePage, AppError> {
    let (name, id) = path.into_inner();
    let (resource, form) = deletable(&name)?;
    let id = parse_id(&id)?;
    admin.require(resource.area(), Action::Delete)?;
    let viewer = admin.viewer();
    let stored = with_conn(&state, move |conn| {
        resource.require_visible(conn, id, &viewer)?;
        form.load(conn, id)
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let tr = admin.tr;
    let title = tr.t(resource.title());
    let page_title = tr.t1("admin-delete-title", "record", &stored.label);
    let back = format!("/admin/{}/{id}", resource.name());
    let mut l = AdminLayout::new(
        &admin,
        resource.name(),
        page_title.clone(),
        vec![
            crumb(title, format!("/admin/{}", resource.name())),
            crumb(stored.label.clone(), back.clone()),
            here(tr.t("admin-action-delete")),
        ],
    );
    l.here = format!("{back}/delete");
    Ok(DeletePage {
        question: tr.t1("admin-delete-question", "record", &stored.label),
        action_url: format!("{back}/delete"),
        back,
        l,
    })
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn delete(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<(String, String)>,
    _form: AdminForm<Empty>,
) -> Result<HttpResponse, AppError> {
    let (name, id) = path.into_inner();
    let (resource, form) = deletable(&name)?;
    let id = parse_id(&id)?;
    admin.require(resource.area(), Action::Delete)?;
    let actor = admin.actor();
    let search = state.search.clone();
    let viewer = admin.viewer();
    let outcome = with_conn(&state, move |conn| {
        let outcome = crate::db::write_transaction(conn, |conn| {
            if resource.visible(conn, &[id], &viewer)?.is_empty() {
                return Ok::<_, AppError>(Deleted::NotFound);
            }
            let Some(stored) = form.load(conn, id)? else {
                return Ok::<_, AppError>(Deleted::NotFound);
            };
            let outcome = form.delete(conn, id)?;
            if outcome == Deleted::Done {
                // The entry keeps what was deleted, field by field.
                let changes = fields::diff(&stored.values, &FormValues::default());
                audit::record(
                    conn,
                    &actor,
                    "delete",
                    resource.name(),
                    id,
                    &stored.label,
                    &changes,
                )?;
            }
            Ok(outcome)
        })?;
        search.refresh_if_stale(conn)?;
        Ok(outcome)
    })
    .await?;
    let tr = admin.tr;
    match outcome {
        Deleted::Done => {
            Flash::notice(&admin.session, tr.t("admin-deleted"));
            Ok(redirect(format!("/admin/{}", resource.name())))
        }
        Deleted::NotFound => Err(AppError::NotFound),
        Deleted::Refused(reason) => {
            Flash::alert(&admin.session, tr.t(reason));
            Ok(redirect(format!("/admin/{}/{id}", resource.name())))
        }
    }
}

#[derive(Deserialize)]
pub struct LookupQuery {
    #[serde(default)]
    q: String,
}

#[derive(serde::Serialize)]
struct Suggestion {
    id: i64,
    label: String,
}

/// `GET /admin/{resource}/lookup?q=`: up to 20 records whose name contains `q`, as JSON, for
/// the suggestions of association fields.
pub async fn lookup(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
    query: web::Query<LookupQuery>,
) -> Result<HttpResponse, AppError> {
    let resource = super::resources::find(&path).ok_or(AppError::NotFound)?;
    admin.require(resource.area(), Action::View)?;
    let q: String = query.q.trim().chars().take(100).collect();
    let viewer = admin.viewer();
    let found = with_conn(&state, move |conn| resource.lookup(conn, &q, &viewer)).await?;
    let suggestions: Vec<Suggestion> = found
        .into_iter()
        .map(|(id, label)| Suggestion { id, label })
        .collect();
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(suggestions))
}
