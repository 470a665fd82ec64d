//! `/admin/{resource}/import` and `/admin/imports/{id}`: a spreadsheet uploaded, its columns
//! mapped (guessed from the headers, or as the user mapped the same headers last time), a dry
//! run that checks every row, then the import as a background task, each with its progress,
//! ending on counts and the failed rows (the first on the page, all in a workbook).

use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::CurrentAdmin;
use super::form::{AdminForm, BodyKind};
use super::layout::{AdminLayout, crumb, here};
use super::resource::Resource;
use crate::auth::policy::{Action, Area};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::import::mapping::{Target, Vocabulary, importable};
use crate::import::read::{ReadError, ReadOptions, Sheet, read};
use crate::models::import::{self as record, ImportRecord, NewImport};
use crate::models::{AdminRole, ImportStatus};
use crate::state::AppState;
use crate::tasks::Task;
use crate::tasks::import_file::ImportFile;
use crate::uploads::multipart::Limits;
use crate::web::with_conn;

/// The resources that take imports.
const IMPORTABLE: [&str; 2] = ["jobs", "companies"];

/// The encodings offered for CSV files besides guessing: Unicode, then the code pages of
/// Western, Central European and Cyrillic Windows.
const ENCODINGS: [&str; 6] =
    ["utf-8", "utf-16le", "windows-1252", "iso-8859-15", "windows-1250", "windows-1251"];

/// An upload of one spreadsheet.
pub struct Spreadsheet;

impl BodyKind for Spreadsheet {
    const LIMITS: Limits = Limits {
        body_bytes: crate::import::read::MAX_BYTES + 64 * 1024,
        file_bytes: crate::import::read::MAX_BYTES,
        files: 1,
        text_bytes: 16 * 1024,
        parts: 8,
    };
}

pub fn takes_imports(resource: &str) -> bool {
    IMPORTABLE.contains(&resource)
}

pub(super) fn resource_of(
    admin: &CurrentAdmin,
    name: &str,
) -> Result<&'static dyn Resource, AppError> {
    if !IMPORTABLE.contains(&name) {
        return Err(AppError::NotFound);
    }
    let resource = super::resources::find(name).ok_or(AppError::NotFound)?;
    admin.require(resource.area(), Action::Create)?;
    Ok(resource)
}

/// Import `id` when this user may see it: their own, or any for an administrator.
async fn load(
    state: &AppState,
    admin: &CurrentAdmin,
    id: i64,
) -> Result<(ImportRecord, &'static dyn Resource), AppError> {
    let found = with_conn(state, move |c| {
        // A run whose worker died says so, rather than leaving its page waiting.
        record::fail_if_stalled(c, id, crate::db::now())?;
        Ok(ImportRecord::find(c, id)?)
    })
    .await?;
    let import = found.ok_or(AppError::NotFound)?;
    // Whether the user may import at all first: a refusal says so, whoever's import it is.
    let resource = resource_of(admin, &import.resource)?;
    let own = import.admin_user_id == Some(admin.user.id) || admin.user.role() == AdminRole::Admin;
    if !own {
        return Err(AppError::NotFound);
    }
    Ok((import, resource))
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/import_new.html")]
pub struct NewImportPage {
    pub l: AdminLayout,
    pub action: String,
    /// (language's name, URL) of the template in each language.
    pub templates: Vec<(String, String)>,
    pub encodings: Vec<(&'static str, String)>,
    pub error: Option<String>,
}

fn new_page(admin: &CurrentAdmin, resource: &dyn Resource, error: Option<String>) -> NewImportPage {
    let tr = &admin.tr;
    let name = resource.name();
    let title = tr.t1("import-title", "resource", &tr.t(resource.title()));
    let crumbs = vec![crumb(tr.t(resource.title()), format!("/admin/{name}")), here(title.clone())];
    let mut encodings = vec![("", tr.t("import-encoding-guess"))];
    encodings.extend(ENCODINGS.iter().map(|e| (*e, encoding_label(e))));
    let templates = crate::i18n::Locale::all()
        .iter()
        .map(|l| (tr.language(*l), format!("/admin/{name}/import/template.xlsx?lang={l}")))
        .collect();
    NewImportPage {
        l: AdminLayout::new(admin, name, title, crumbs),
        action: format!("/admin/{name}/import"),
        templates,
        encodings,
        error,
    }
}

/// An encoding as people know it: `Windows-1252`, `UTF-16LE`.
fn encoding_label(label: &str) -> String {
    encoding_rs::Encoding::for_label(label.as_bytes()).map_or(label, |e| e.name()).to_owned()
}

pub async fn new_import(
    admin: CurrentAdmin,
    path: web::Path<String>,
) -> Result<NewImportPage, AppError> {
    let resource = resource_of(&admin, &path)?;
    Ok(new_page(&admin, resource, None))
}

#[derive(Deserialize)]
pub struct UploadForm {
    #[serde(default)]
    pub encoding: String,
}

/// Why reading stopped once the headers were known.
enum Headers {
    Read(ReadError),
    Known,
}

impl From<ReadError> for Headers {
    fn from(e: ReadError) -> Headers {
        Headers::Read(e)
    }
}

pub async fn upload(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
    mut form: AdminForm<UploadForm, Spreadsheet>,
) -> Result<HttpResponse, AppError> {
    let resource = resource_of(&admin, &path)?;
    let refuse = |message: String| -> Result<HttpResponse, AppError> {
        let page = new_page(&admin, resource, Some(message));
        let body = page
            .render()
            .map_err(|e| AppError::Internal(format!("rendering the import form: {e}")))?;
        Ok(HttpResponse::UnprocessableEntity().content_type("text/html; charset=utf-8").body(body))
    };
    let Some(file) = form.files.remove("file").filter(|f| f.len > 0) else {
        return refuse(admin.tr.t("import-error-no-file"));
    };
    if file.truncated {
        let max = crate::import::read::MAX_BYTES / (1024 * 1024);
        return refuse(admin.tr.t1("import-error-too-large", "megabytes", &max.to_string()));
    }
    let encoding = ENCODINGS.iter().find(|e| **e == form.data.encoding).copied();
    let file_name = crate::uploads::names::sanitize(&file.file_name, "import");
    let bytes = web::block(move || file.into_bytes())
        .await?
        .map_err(|e| AppError::Internal(format!("reading an uploaded spreadsheet: {e}")))?;
    // The headers, read from a copy on disk (the readers take files); the bytes come back for
    // the storage rather than being held twice.
    let (bytes, sheet) = web::block(move || {
        let sheet = headers(&bytes, encoding);
        (bytes, sheet)
    })
    .await?;
    let sheet = match sheet {
        Ok(sheet) => sheet,
        Err(e) => return refuse(e.text(&admin.tr)),
    };
    let extension = match sheet.format {
        crate::import::Format::Xlsx => "xlsx",
        crate::import::Format::Ods => "ods",
        crate::import::Format::Csv => "csv",
    };
    let key = format!("imports/{}.{extension}", crate::uploads::names::generate_key());
    state.storage.put(&key, bytes).await.map_err(AppError::Internal)?;
    let user = admin.user.id;
    let name = resource.name();
    let fields = super::edit::editable(name, &admin.tr)?.fields;
    let vocabulary = Vocabulary::new(&fields, &state.messages);
    let id = with_conn(&state, move |c| {
        let remembered = record::last_mapping(c, user, name)?;
        let guessed = vocabulary.guess(&sheet.headers, &fields);
        let mapping: Vec<String> = sheet
            .headers
            .iter()
            .zip(guessed)
            .map(|(h, guess)| {
                remembered
                    .iter()
                    .find(|(header, _)| header == h)
                    .map(|(_, code)| code.clone())
                    .filter(|code| Target::parse(code, &fields).is_some())
                    .unwrap_or_else(|| guess.code())
            })
            .collect();
        let new = NewImport {
            resource: name,
            admin_user_id: user,
            file_name: &file_name,
            file_key: &key,
            encoding,
            headers: &sheet.headers,
            mapping: &mapping,
        };
        Ok(record::create(c, &new)?)
    })
    .await?;
    Ok(crate::web::see_other(&format!("/admin/imports/{id}")))
}

/// The file's sheet (format, headers), reading no further than its first row below them.
fn headers(bytes: &[u8], encoding: Option<&str>) -> Result<Sheet, ReadError> {
    use std::io::Write;
    let mut file = tempfile::NamedTempFile::new()?;
    file.write_all(bytes)?;
    let encoding = encoding.and_then(|e| encoding_rs::Encoding::for_label(e.as_bytes()));
    let options = ReadOptions { encoding, ..Default::default() };
    let mut found = None;
    // Up to the first row: a file of headers alone is refused now, not after a dry run.
    let ended = read::<Headers>(
        file.path(),
        &options,
        &mut |sheet| {
            found = Some(sheet.clone());
            Ok(())
        },
        &mut |_| Err(Headers::Known),
    );
    match (ended, found) {
        (Err(Headers::Known), Some(sheet)) => Ok(sheet),
        (Err(Headers::Read(e)), _) => Err(e),
        (Ok(sheet), _) => Ok(sheet),
        (Err(Headers::Known), None) => Err(ReadError::Empty),
    }
}

/// A column of the file, with what it fills.
pub struct ColumnView {
    pub index: usize,
    pub letter: String,
    pub header: String,
    /// (code, label, selected).
    pub options: Vec<(String, String, bool)>,
}

pub struct FailureView {
    pub row: u64,
    pub reasons: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/import_show.html")]
pub struct ShowImportPage {
    pub l: AdminLayout,
    pub id: i64,
    pub status: ImportStatus,
    pub status_label: String,
    pub file_name: String,
    pub columns: Vec<ColumnView>,
    pub working: bool,
    pub done: i64,
    pub total: i64,
    pub progress_label: String,
    pub counts: Vec<String>,
    pub failures: Vec<FailureView>,
    pub more_failures: Option<String>,
    pub failures_url: Option<String>,
    pub error: Option<String>,
    pub mode: String,
    pub records_url: String,
    /// Whether the file's postings may create the companies they name.
    pub takes_companies: bool,
    pub create_companies: bool,
    pub new_url: String,
}

pub async fn show(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<i64>,
) -> Result<ShowImportPage, AppError> {
    let (import, resource) = load(&state, &admin, *path).await?;
    let tr = &admin.tr;
    let name = resource.name();
    let title = tr.t1("import-title", "resource", &tr.t(resource.title()));
    let crumbs = vec![
        crumb(tr.t(resource.title()), format!("/admin/{name}")),
        crumb(title.clone(), format!("/admin/{name}/import")),
        here(import.file_name.clone()),
    ];
    let fields = super::edit::editable(name, tr)?.fields;
    let mapping = import.mapping();
    let options = target_options(tr, &fields);
    let columns = import
        .headers()
        .into_iter()
        .enumerate()
        .map(|(index, header)| {
            let chosen = mapping.get(index).cloned().unwrap_or_default();
            ColumnView {
                index,
                letter: crate::import::column_name(index),
                header,
                options: options
                    .iter()
                    .map(|(code, label)| (code.clone(), label.clone(), *code == chosen))
                    .collect(),
            }
        })
        .collect();
    let shown = import.shown_failures();
    let more = (import.failed_count as usize).saturating_sub(shown.len());
    Ok(ShowImportPage {
        l: AdminLayout::new(&admin, name, import.file_name.clone(), crumbs),
        id: import.id,
        status: import.status,
        status_label: tr.t(import.status.label_key()),
        file_name: import.file_name.clone(),
        columns,
        working: import.is_working(),
        done: import.rows_done,
        total: import.rows_total,
        progress_label: progress_label(tr, &import),
        counts: counts(tr, &import),
        failures: shown
            .into_iter()
            .map(|f| FailureView { row: f.row, reasons: f.reasons })
            .collect(),
        more_failures: (more > 0).then(|| tr.tn("import-more-failures", more as i64)),
        failures_url: import
            .failures_key
            .as_ref()
            .map(|_| format!("/admin/imports/{}/failures.xlsx", import.id)),
        error: import.error().map(|e| e.text(tr)),
        mode: import.mode.clone(),
        records_url: format!("/admin/{name}"),
        takes_companies: name == "jobs" && admin.can(Area::Companies, Action::Create),
        new_url: format!("/admin/{name}/import"),
        create_companies: import.create_companies,
    })
}

/// Every target a column may take: none, the id, the reference, each field, each translation.
fn target_options(tr: &Tr, fields: &[crate::admin::fields::Field]) -> Vec<(String, String)> {
    let mut options = vec![
        (String::new(), tr.t("import-column-ignore")),
        ("reference".into(), tr.t("import-column-reference")),
        ("id".into(), tr.t("import-column-id")),
    ];
    for field in fields.iter().filter(|f| importable(f)) {
        options.push((Target::Field(field.key).code(), tr.t(field.label)));
    }
    for locale in crate::i18n::Locale::all() {
        for field in fields.iter().filter(|f| f.translatable) {
            let code = Target::Translation(*locale, field.key).code();
            options.push((code, format!("{} [{}]", tr.t(field.label), tr.language(*locale))));
        }
    }
    options
}

/// "1,200 of 5,000 rows, about 2 minutes left".
fn progress_label(tr: &Tr, import: &ImportRecord) -> String {
    let done = tr.number(import.rows_done);
    let total = tr.number(import.rows_total);
    let of = tr.t2("import-progress", "done", &done, "total", &total);
    let Some(started) = import.started_at else { return of };
    if !import.is_working() || import.rows_done == 0 {
        return of;
    }
    let elapsed = (crate::db::now() - started).num_seconds().max(1);
    let left = elapsed * (import.rows_total - import.rows_done).max(0) / import.rows_done;
    format!("{of} {}", tr.tn("import-seconds-left", left))
}

fn counts(tr: &Tr, import: &ImportRecord) -> Vec<String> {
    vec![
        tr.tn("import-count-created", import.created_count),
        tr.tn("import-count-updated", import.updated_count),
        tr.tn("import-count-unchanged", import.unchanged_count),
        tr.tn("import-count-failed", import.failed_count),
    ]
    .into_iter()
    .chain(
        (import.companies_created > 0)
            .then(|| tr.tn("import-count-companies", import.companies_created)),
    )
    .collect()
}

#[derive(Deserialize)]
pub struct StartForm {
    #[serde(default)]
    pub mode: String,
}

/// `POST /admin/imports/{id}/check`: the chosen mapping, then the dry run.
pub async fn check(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<i64>,
    form: AdminForm<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let (import, resource) = load(&state, &admin, *path).await?;
    let fields = super::edit::editable(resource.name(), &admin.tr)?.fields;
    let mapping: Vec<String> = (0..import.headers().len())
        .map(|i| {
            let code = form.data.get(&format!("column.{i}")).map_or("", |c| c.as_str());
            Target::parse(code, &fields).map(|t| t.code()).unwrap_or_default()
        })
        .collect();
    let id = import.id;
    let create_companies = form.data.get("create_companies").is_some_and(|v| v == "on");
    with_conn(&state, move |c| {
        crate::db::write_transaction(c, |c| {
            let choices = record::Choices {
                mapping: Some(&mapping),
                create_companies: Some(create_companies),
                mode: None,
            };
            let (checking, checked) = (ImportStatus::Checking, ImportStatus::Checked);
            let moved = record::advance(c, id, ImportStatus::Mapping, checking, &choices)?
                || record::advance(c, id, checked, checking, &choices)?;
            if moved {
                ImportFile { import_id: id, dry_run: true }.enqueue(c)?;
            }
            Ok(())
        })
    })
    .await?;
    Ok(crate::web::see_other(&format!("/admin/imports/{id}")))
}

/// `POST /admin/imports/{id}/start`: the import, after its dry run.
pub async fn start(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<i64>,
    form: AdminForm<StartForm>,
) -> Result<HttpResponse, AppError> {
    let (import, _) = load(&state, &admin, *path).await?;
    let mode = if form.data.mode == "all_or_nothing" { "all_or_nothing" } else { "skip" };
    let id = import.id;
    with_conn(&state, move |c| {
        crate::db::write_transaction(c, |c| {
            let choices = record::Choices { mode: Some(mode), ..Default::default() };
            if record::advance(c, id, ImportStatus::Checked, ImportStatus::Running, &choices)? {
                ImportFile { import_id: id, dry_run: false }.enqueue(c)?;
            }
            Ok(())
        })
    })
    .await?;
    Ok(crate::web::see_other(&format!("/admin/imports/{id}")))
}

/// `GET /admin/imports/{id}/progress.json`: what the page's script shows while a run goes on.
pub async fn progress(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (import, _) = load(&state, &admin, *path).await?;
    let body = serde_json::json!({
        "status": import.status.as_str(),
        "working": import.is_working(),
        "done": import.rows_done,
        "total": import.rows_total,
        "label": progress_label(&admin.tr, &import),
    });
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "private, no-store")).json(body))
}

/// `GET /admin/imports/{id}/failures.xlsx`: every failed row, with its reasons.
pub async fn failures(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (import, _) = load(&state, &admin, *path).await?;
    let key = import.failures_key.ok_or(AppError::NotFound)?;
    let bytes =
        state.storage.get(&key).await.map_err(AppError::Internal)?.ok_or(AppError::NotFound)?;
    let stem = import.file_name.rsplit_once('.').map_or(import.file_name.as_str(), |(s, _)| s);
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::Filename(format!(
            "{stem}-{}.xlsx",
            admin.tr.t("import-failures-file")
        ))],
    };
    Ok(HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header((header::CONTENT_DISPOSITION, disposition))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(bytes))
}
