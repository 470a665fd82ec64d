//! `/admin/translations`: the translators' workspace, like Pontoon for Fluent. Every message of
//! every language beside English, with its state (missing, same as English, out of date,
//! done), filters and progress; a message edited in the browser is checked as
//! `hireboard i18n check` would, previewed with sample values, saved as an override of the
//! shipped file (seen by every app server at its next poll), audited, and downloadable as the
//! `.ftl` file to put into the repository.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use diesel::prelude::*;
use serde::Deserialize;

use super::layout::{crumb, here};
use super::{AdminForm, AdminLayout, CurrentAdmin, Flash};
use crate::auth::policy::{Action, Area};
use crate::db::schema::message_overrides as o;
use crate::error::AppError;
use crate::i18n::catalog::{Message, SOURCE};
use crate::i18n::proof::{self, Problem};
use crate::i18n::states::{self, Counts, Row, State};
use crate::i18n::{Generation, Locale, Tr};
use crate::models::audit::{self, Change};
use crate::state::AppState;
use crate::web::with_conn;

/// Messages per page of a language's list.
const PER_PAGE: usize = 100;

pub struct LanguageRow {
    pub code: &'static str,
    pub name: String,
    pub url: String,
    pub counts: Counts,
    pub percent: i64,
    pub percent_label: String,
    pub downloads: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/translations.html")]
pub struct OverviewPage {
    pub l: AdminLayout,
    pub languages: Vec<LanguageRow>,
    pub source_downloads: Vec<(String, String)>,
    pub state_labels: Vec<String>,
}

fn area_check(admin: &CurrentAdmin, action: Action) -> Result<(), AppError> {
    admin.require(Area::Translations, action)
}

fn file_names(generation: &Generation) -> Vec<String> {
    generation
        .shipped
        .catalog
        .languages
        .get(SOURCE)
        .map(|files| files.keys().cloned().collect())
        .unwrap_or_default()
}

fn download_links(tr: &Tr, generation: &Generation, lang: &str) -> Vec<(String, String)> {
    file_names(generation)
        .into_iter()
        .map(|f| {
            (
                tr.t1("translations-download", "file", &f),
                format!("/admin/translations/{lang}/files/{f}"),
            )
        })
        .collect()
}

/// The languages translated into (all but English).
fn targets() -> impl Iterator<Item = Locale> {
    Locale::all().iter().copied().filter(|l| l.as_str() != SOURCE)
}

/// `GET /admin/translations`: each language's progress, with its files to download.
pub async fn overview(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
) -> Result<OverviewPage, AppError> {
    area_check(&admin, Action::View)?;
    let generation = state.messages.generation();
    let sources = with_conn(&state, move |conn| {
        let mut all = BTreeMap::new();
        for locale in targets() {
            all.insert(locale, states::load_sources(conn, locale.as_str())?);
        }
        Ok(all)
    })
    .await?;
    let tr = admin.tr.clone();
    let languages = targets()
        .map(|locale| {
            let lang = locale.as_str();
            let rows = states::rows(&generation, lang, &sources[&locale]);
            let (_, counts) = states::progress(&rows);
            let percent = counts.percent_done();
            LanguageRow {
                code: lang,
                name: tr.language(locale),
                url: format!("/admin/translations/{lang}"),
                counts,
                percent,
                percent_label: tr.t1("translations-percent-done", "percent", &tr.number(percent)),
                downloads: download_links(&tr, &generation, lang),
            }
        })
        .collect();
    let title = tr.t("admin-nav-translations");
    let l = AdminLayout::new(&admin, "translations", title.clone(), vec![here(title)]);
    Ok(OverviewPage {
        source_downloads: download_links(&tr, &generation, SOURCE),
        state_labels: State::ALL.iter().map(|s| s.label(&tr)).collect(),
        languages,
        l,
    })
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    file: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<String>,
}

pub struct MessageRow {
    pub id: String,
    pub url: String,
    pub english: String,
    pub translation: String,
    pub state: &'static str,
    pub state_label: String,
    pub overridden: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/translations_list.html")]
pub struct ListPage {
    pub l: AdminLayout,
    pub lang: &'static str,
    pub language: String,
    pub files: Vec<(String, String, bool)>,
    pub states: Vec<(&'static str, String, bool)>,
    pub q: String,
    pub total_label: String,
    pub progress: Vec<(String, String)>,
    pub rows: Vec<MessageRow>,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub page_label: String,
}

/// A locale in the address that a translator may work on.
fn target(lang: &str) -> Result<Locale, AppError> {
    Locale::parse(lang).ok_or(AppError::NotFound)
}

fn list_url(lang: &str, file: &str, state: &str, q: &str, page: usize) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in [("file", file), ("state", state), ("q", q)] {
        if !v.is_empty() {
            query.append_pair(k, v);
        }
    }
    if page > 1 {
        query.append_pair("page", &page.to_string());
    }
    let query = query.finish();
    if query.is_empty() {
        format!("/admin/translations/{lang}")
    } else {
        format!("/admin/translations/{lang}?{query}")
    }
}

/// `GET /admin/translations/{lang}`: the messages beside English, filtered by file, state and
/// text (in the id, English or the translation).
pub async fn list(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
    query: web::Query<ListQuery>,
) -> Result<ListPage, AppError> {
    area_check(&admin, Action::View)?;
    let locale = target(&path)?;
    let lang = locale.as_str();
    let generation = state.messages.generation();
    let sources = with_conn(&state, move |conn| Ok(states::load_sources(conn, lang)?)).await?;
    let tr = admin.tr.clone();
    let all = states::rows(&generation, lang, &sources);
    let names = file_names(&generation);
    let file = names.iter().find(|f| **f == query.file).cloned().unwrap_or_default();
    let wanted = State::parse(&query.state);
    let q: String = query.q.trim().chars().take(200).collect();
    let needle = q.to_lowercase();
    let matching: Vec<&Row> = all
        .iter()
        .filter(|r| file.is_empty() || r.file == file)
        .filter(|r| wanted.is_none_or(|s| r.state == s))
        .filter(|r| {
            needle.is_empty()
                || r.id.to_lowercase().contains(&needle)
                || r.english.to_lowercase().contains(&needle)
                || r.translation.as_deref().is_some_and(|t| t.to_lowercase().contains(&needle))
        })
        .collect();
    let pages = matching.len().div_ceil(PER_PAGE).max(1);
    let page =
        query.page.as_deref().and_then(|p| p.parse::<usize>().ok()).unwrap_or(1).clamp(1, pages);
    let state_key = wanted.map_or("", State::as_str);
    let rows = matching
        .iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .map(|r| MessageRow {
            url: format!("/admin/translations/{lang}/{}", r.id),
            id: r.id.clone(),
            english: r.english.clone(),
            translation: r.translation.clone().unwrap_or_default(),
            state: r.state.as_str(),
            state_label: r.state.label(&tr),
            overridden: r.overridden,
        })
        .collect();
    let (_, counts) = states::progress(&all);
    let progress = State::ALL
        .iter()
        .map(|s| {
            (format!("{}: {}", s.label(&tr), tr.number(counts.get(*s) as i64)), {
                list_url(lang, &file, s.as_str(), "", 1)
            })
        })
        .collect();
    let language = tr.language(locale);
    let title = language.clone();
    let l = AdminLayout::new(
        &admin,
        "translations",
        title.clone(),
        vec![crumb(tr.t("admin-nav-translations"), "/admin/translations"), here(title)],
    );
    Ok(ListPage {
        files: names.iter().map(|f| (f.clone(), f.clone(), *f == file)).collect(),
        states: State::ALL.iter().map(|s| (s.as_str(), s.label(&tr), Some(*s) == wanted)).collect(),
        total_label: tr.tn("translations-count", matching.len() as i64),
        progress,
        rows,
        prev: (page > 1).then(|| list_url(lang, &file, state_key, &q, page - 1)),
        next: (page < pages).then(|| list_url(lang, &file, state_key, &q, page + 1)),
        page_label: format!("{} / {}", tr.number(page as i64), tr.number(pages as i64)),
        q,
        lang,
        language,
        l,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/translation_edit.html")]
pub struct EditPage {
    pub l: AdminLayout,
    pub lang: &'static str,
    pub language: String,
    pub id: String,
    pub action: String,
    pub english: String,
    pub note: Option<String>,
    pub file: String,
    pub text: String,
    pub shipped: Option<String>,
    pub state_label: String,
    pub state: &'static str,
    pub variables: Vec<String>,
    pub plural_forms: String,
    pub problems: Vec<String>,
    pub preview: Vec<(String, String)>,
    pub saved_by: Option<String>,
    pub can_edit: bool,
    pub back: String,
}

/// English's message `id` (with its file), or not found.
fn english_message<'g>(
    generation: &'g Generation,
    id: &str,
) -> Result<(&'g str, &'g Message), AppError> {
    let files = generation.shipped.catalog.languages.get(SOURCE).ok_or(AppError::NotFound)?;
    files
        .iter()
        .find_map(|(name, f)| f.messages.get(id).map(|m| (name.as_str(), m)))
        .ok_or(AppError::NotFound)
}

struct Editing {
    locale: Locale,
    id: String,
    text: String,
    problems: Vec<Problem>,
    saved_by: Option<String>,
    back: String,
}

fn edit_page(
    admin: &CurrentAdmin,
    generation: &Generation,
    sources: &states::Sources,
    e: Editing,
) -> Result<EditPage, AppError> {
    let tr = admin.tr.clone();
    let lang = e.locale.as_str();
    let (file, english) = english_message(generation, &e.id)?;
    let english_text = states::current_value(generation, SOURCE, &e.id).unwrap_or_default();
    let current = states::current_value(generation, lang, &e.id);
    let row_state = states::rows(generation, lang, sources)
        .into_iter()
        .find(|r| r.id == e.id)
        .map_or(State::Missing, |r| r.state);
    // A text with problems is not rendered: the preview shows the last good one, if any.
    let preview_text =
        if e.problems.is_empty() { Some(e.text.as_str()) } else { current.as_deref() };
    let preview = preview_text
        .filter(|t| !t.trim().is_empty())
        .map(|t| proof::preview(english, e.locale, &e.id, t))
        .unwrap_or_default();
    let language = tr.language(e.locale);
    let title = tr.t2("translations-editing", "id", &e.id, "language", &language);
    let l = AdminLayout::new(
        admin,
        "translations",
        title.clone(),
        vec![
            crumb(tr.t("admin-nav-translations"), "/admin/translations"),
            crumb(language.clone(), format!("/admin/translations/{lang}")),
            here(tr.t("translations-edit")),
        ],
    );
    Ok(EditPage {
        language,
        lang: e.locale.as_str(),
        action: format!("/admin/translations/{lang}/{}", e.id),
        english: english_text,
        note: english.comment.clone(),
        file: file.to_owned(),
        shipped: generation.shipped.value(lang, &e.id).map(str::to_owned),
        state_label: row_state.label(&tr),
        state: row_state.as_str(),
        variables: english.variables.iter().map(|v| format!("${v}")).collect(),
        plural_forms: crate::i18n::catalog::plural_categories(lang)
            .map(|c| c.join(", "))
            .unwrap_or_default(),
        problems: e.problems.iter().map(|p| p.explain(&tr)).collect(),
        preview,
        saved_by: e.saved_by,
        can_edit: admin.can(Area::Translations, Action::Translate),
        text: e.text,
        id: e.id,
        back: e.back,
        l,
    })
}

#[derive(Deserialize, Default)]
pub struct EditQuery {
    #[serde(default)]
    back: String,
}

/// Where "back" goes: a list of this language, never elsewhere.
fn back_to(lang: &str, asked: &str) -> String {
    let list = format!("/admin/translations/{lang}");
    if asked == list || asked.starts_with(&format!("{list}?")) {
        super::login::safe_next(asked)
    } else {
        list
    }
}

/// `GET /admin/translations/{lang}/{id}`: one message, its English source and note, the
/// form, and a preview of the current text.
pub async fn edit(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<(String, String)>,
    query: web::Query<EditQuery>,
) -> Result<EditPage, AppError> {
    area_check(&admin, Action::View)?;
    let (lang, id) = path.into_inner();
    let locale = target(&lang)?;
    let generation = state.messages.generation();
    english_message(&generation, &id)?;
    let saved = generation.overrides.get(locale.as_str()).and_then(|o| o.get(&id)).cloned();
    let lang_key = locale.as_str();
    let author_id = saved.as_ref().and_then(|s| s.admin_user_id);
    let (sources, author) = with_conn(&state, move |conn| {
        let author = match author_id {
            Some(user) => crate::models::admin_user::AdminUser::find(conn, user)?
                .map(|u| u.display_name().to_owned()),
            None => None,
        };
        Ok((states::load_sources(conn, lang_key)?, author))
    })
    .await?;
    let tr = &admin.tr;
    let saved_by = saved.map(|s| {
        let name = author.unwrap_or_else(|| "—".to_owned());
        tr.t2("translations-saved-by", "name", &name, "date", &tr.date_time(&s.updated_at))
    });
    let text = states::current_value(&generation, locale.as_str(), &id).unwrap_or_default();
    edit_page(
        &admin,
        &generation,
        &sources,
        Editing {
            locale,
            back: back_to(locale.as_str(), &query.back),
            id,
            text,
            problems: Vec::new(),
            saved_by,
        },
    )
}

#[derive(Deserialize)]
pub struct SaveForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    intent: String,
    #[serde(default)]
    back: String,
}

/// `POST /admin/translations/{lang}/{id}`: previews the text (`intent=preview`) or saves it.
/// A text with a problem is shown again with the problems beside it, and nothing is saved.
/// The language and message id a save or revert names, for a user who may translate.
fn translating(
    admin: &CurrentAdmin,
    path: web::Path<(String, String)>,
) -> Result<(Locale, String), AppError> {
    area_check(admin, Action::Translate)?;
    let (lang, id) = path.into_inner();
    Ok((target(&lang)?, id))
}

pub async fn save(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<(String, String)>,
    form: AdminForm<SaveForm>,
) -> Result<HttpResponse, AppError> {
    let (locale, id) = translating(&admin, path)?;
    let lang = locale.as_str();
    let generation = state.messages.generation();
    let (_, english) = english_message(&generation, &id)?;
    let text = proof::normalize(&form.data.text);
    let problems = proof::check(english, lang, &id, &text);
    let back = back_to(lang, &form.data.back);
    if !problems.is_empty() || form.data.intent == "preview" {
        let sources = with_conn(&state, move |conn| Ok(states::load_sources(conn, lang)?)).await?;
        let status =
            if problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
        let page = edit_page(
            &admin,
            &generation,
            &sources,
            Editing { locale, id, text, problems, saved_by: None, back },
        )?;
        return Ok(respond(page, status));
    }
    let english_text = states::current_value(&generation, SOURCE, &id).unwrap_or_default();
    let before = states::current_value(&generation, lang, &id);
    let shipped = generation.shipped.value(lang, &id).map(str::to_owned);
    let actor = admin.actor();
    let messages = state.messages.clone();
    let (user_id, message_id, saved_text) = (admin.user.id, id.clone(), text.clone());
    with_conn(&state, move |conn| {
        crate::db::write_transaction(conn, |conn| {
            let row = o::table.filter(o::locale.eq(lang)).filter(o::message_id.eq(&message_id));
            let existing: Option<i64> = row.select(o::id).first(conn).optional()?;
            let now = crate::db::now();
            // The shipped text needs no override: saving it is going back to it.
            let record_id = if shipped.as_deref() == Some(saved_text.as_str()) {
                if let Some(existing) = existing {
                    diesel::delete(o::table.find(existing)).execute(conn)?;
                }
                existing.unwrap_or(0)
            } else if let Some(existing) = existing {
                diesel::update(o::table.find(existing))
                    .set((
                        o::source.eq(&saved_text),
                        o::admin_user_id.eq(user_id),
                        o::updated_at.eq(now),
                    ))
                    .execute(conn)?;
                existing
            } else {
                diesel::insert_into(o::table)
                    .values((
                        o::locale.eq(lang),
                        o::message_id.eq(&message_id),
                        o::source.eq(&saved_text),
                        o::admin_user_id.eq(user_id),
                        o::created_at.eq(now),
                        o::updated_at.eq(now),
                    ))
                    .execute(conn)?;
                row.select(o::id).first(conn)?
            };
            states::record_saved(conn, lang, &message_id, &english_text, &saved_text)?;
            if before.as_deref() != Some(saved_text.as_str()) {
                audit::record(
                    conn,
                    &actor,
                    "update",
                    "translations",
                    record_id,
                    &format!("{lang}/{message_id}"),
                    &[Change::new(&format!("text [{lang}]"), before.as_deref(), Some(&saved_text))],
                )?;
            }
            Ok::<_, AppError>(())
        })?;
        // This instance shows it at once; the others at their next poll.
        messages.refresh_if_stale(conn)?;
        Ok(())
    })
    .await?;
    let tr = &admin.tr;
    Flash::notice(
        &admin.session,
        tr.t2("translations-saved", "id", &id, "language", &tr.language(locale)),
    );
    Ok(crate::web::see_other(&back))
}

fn respond(page: EditPage, status: StatusCode) -> HttpResponse {
    match page.render() {
        Ok(body) => HttpResponse::build(status)
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CACHE_CONTROL, "private, no-store"))
            .body(body),
        Err(e) => {
            log::error!("rendering the translation page: {e}");
            HttpResponse::InternalServerError().finish()
        }
    }
}

#[derive(Deserialize)]
pub struct RevertForm {
    #[serde(default)]
    back: String,
}

/// `POST /admin/translations/{lang}/{id}/revert`: drops the override; the shipped text shows
/// again.
pub async fn revert(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<(String, String)>,
    form: AdminForm<RevertForm>,
) -> Result<HttpResponse, AppError> {
    let (locale, id) = translating(&admin, path)?;
    let lang = locale.as_str();
    let generation = state.messages.generation();
    english_message(&generation, &id)?;
    let saved = generation.overrides.get(lang).and_then(|o| o.get(&id)).cloned();
    let shipped = generation.shipped.value(lang, &id).map(str::to_owned);
    let actor = admin.actor();
    let messages = state.messages.clone();
    let message_id = id.clone();
    with_conn(&state, move |conn| {
        crate::db::write_transaction(conn, |conn| {
            let row = o::table.filter(o::locale.eq(lang)).filter(o::message_id.eq(&message_id));
            let existing: Option<(i64, String)> =
                row.select((o::id, o::source)).first(conn).optional()?;
            if let Some((record_id, before)) = existing {
                diesel::delete(o::table.find(record_id)).execute(conn)?;
                audit::record(
                    conn,
                    &actor,
                    "update",
                    "translations",
                    record_id,
                    &format!("{lang}/{message_id}"),
                    &[Change::new(&format!("text [{lang}]"), Some(&before), shipped.as_deref())],
                )?;
            }
            Ok::<_, AppError>(())
        })?;
        messages.refresh_if_stale(conn)?;
        Ok(())
    })
    .await?;
    let tr = &admin.tr;
    if saved.is_some() {
        Flash::notice(
            &admin.session,
            tr.t2("translations-reverted", "id", &id, "language", &tr.language(locale)),
        );
    }
    Ok(crate::web::see_other(&back_to(lang, &form.data.back)))
}

/// `GET /admin/translations/{lang}/files/{file}`: the file as shipped with this instance's
/// saved texts in it, byte for byte otherwise, to commit into `locales/`.
pub async fn download(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    area_check(&admin, Action::View)?;
    let (lang, name) = path.into_inner();
    let locale = Locale::parse(&lang).ok_or(AppError::NotFound)?;
    let lang = locale.as_str();
    let generation = state.messages.generation();
    let text = generation.file_text(lang, &name).ok_or(AppError::NotFound)?;
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::Filename(name.clone())],
    };
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header(disposition)
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(text))
}
