//! The new and edit form pages: fields with their values and errors, translation tabs.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use super::{Editing, edit_rights, editable, parse_id};
use crate::admin::fields::{
    CONFIRM_FIELD, Field, FieldError, FieldKind, FormValues, TRANSLATION_PREFIX, TranslationState,
};
use crate::admin::layout::{crumb, here};
use crate::admin::resource::Stored;
use crate::admin::{AdminLayout, CurrentAdmin};
use crate::auth::policy::Action;
use crate::error::AppError;
use crate::i18n::{Locale, Tr};
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
    /// For a form with latitude and longitude fields that may be changed.
    pub map_picker: Option<MapPicker>,
}

/// The map that sets a form's latitude and longitude (see `static/js/admin.js`).
pub struct MapPicker {
    pub tiles: String,
    pub attribution: String,
}

fn map_picker(admin: &CurrentAdmin, fields: &[Field], translate_only: bool) -> Option<MapPicker> {
    let has = |key: &str| fields.iter().any(|f| f.key == key);
    if translate_only || !has("latitude") || !has("longitude") {
        return None;
    }
    let state = admin.request.app_data::<actix_web::web::Data<crate::state::AppState>>()?;
    Some(MapPicker {
        tiles: state.config.map_tiles.clone(),
        attribution: state.config.map_attribution.clone(),
    })
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

    /// Whether a check box of a `choices` field is ticked.
    pub fn is_checked(&self, value: &&str) -> bool {
        self.value.split(',').any(|v| v.trim() == *value)
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
        FieldKind::Choices(_) => "choices",
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
pub(super) enum Mode<'a> {
    New,
    Edit(i64, &'a Stored),
}

pub(super) struct FormInput<'a> {
    pub(super) target: &'a Editing,
    pub(super) values: &'a FormValues,
    pub(super) errors: &'a [FieldError],
    pub(super) translate_only: bool,
}

pub(super) fn render(admin: &CurrentAdmin, mode: Mode<'_>, input: FormInput<'_>) -> FormPage {
    let tr = admin.tr.clone();
    let FormInput { target, values, errors, translate_only } = input;
    let (resource, fields) = (target.resource, &target.fields);
    let name = resource.name();
    let error_for =
        |field: &str| errors.iter().find(|e| e.field == field).map(|e| error_text(&tr, e));
    let view = |field: &Field, name: String, value: &str, readonly: bool, in_translation: bool| {
        FieldView {
            id: html_id(&name),
            error: error_for(&name),
            label: tr.t(field.label),
            kind: kind_name(&field.kind),
            value: value.to_owned(),
            options: match &field.kind {
                FieldKind::Select(options) | FieldKind::Choices(options) => options.clone(),
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
            .map(|f| view(f, f.key.to_owned(), values.get(f.key), translate_only, false))
            .collect();
        tabs.push(TabView {
            // On a new record, the language chosen so far (the script follows the select).
            locale: original.or(Locale::parse(values.get("original_locale"))).unwrap_or(tr.locale),
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
        for locale in Locale::all().iter().copied().filter(|l| Some(*l) != original) {
            let state = match mode {
                Mode::Edit(_, stored) => TranslationState::of(
                    stored.translated_from.iter().find(|(l, _)| *l == locale).map(|(_, at)| *at),
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
        plain.iter().chain(tabs.iter().flat_map(|t| t.fields.iter()))
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
        map_picker: map_picker(admin, fields, translate_only),
    }
}

/// A form page with errors: 422, so that clients and tests can tell it from a success.
pub(super) fn invalid(page: FormPage) -> Result<HttpResponse, AppError> {
    invalid_with(page, StatusCode::UNPROCESSABLE_ENTITY)
}

pub(super) fn invalid_with(page: FormPage, status: StatusCode) -> Result<HttpResponse, AppError> {
    let body = page.render().map_err(|e| AppError::Internal(format!("rendering the form: {e}")))?;
    Ok(HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body))
}

/// 413 when the body was cut short at a too-large file, else 422.
pub(super) fn upload_status(cut_short: bool) -> StatusCode {
    if cut_short { StatusCode::PAYLOAD_TOO_LARGE } else { StatusCode::UNPROCESSABLE_ENTITY }
}

pub async fn new_form(admin: CurrentAdmin, path: web::Path<String>) -> Result<FormPage, AppError> {
    let target = editable(&path, &admin.tr)?;
    admin.require(target.resource.area(), Action::Create)?;
    let values = target.form.new_values(&admin.tr);
    Ok(render(
        &admin,
        Mode::New,
        FormInput { target: &target, values: &values, errors: &[], translate_only: false },
    ))
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
    let (form, resource, editor) = (target.form, target.resource, admin.editor());
    let stored = with_conn(&state, move |conn| {
        resource.require_visible(conn, id, &editor.viewer)?;
        form.load(conn, id, &editor)
    })
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(render(
        &admin,
        Mode::Edit(id, &stored),
        FormInput { target: &target, values: &stored.values, errors: &[], translate_only },
    ))
}
