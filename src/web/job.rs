//! `/{locale}/jobs/{slug}`: the posting page with its apply form and structured data.

use std::collections::HashMap;
use std::sync::Arc;

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use super::json_ld::{JsonLd, job_posting};
use super::view::{location_text, paragraphs, salary_text};
use super::{Layout, path_locale, with_read_conn};
use crate::error::AppError;
use crate::i18n::{Locale, Tr};
use crate::models::Workplace;
use crate::models::application::ApplicationForm;
use crate::models::job::{JobPage, section_items};
use crate::models::problem::FieldError;
use crate::models::skill::Skill;
use crate::state::AppState;

#[derive(Debug, Clone)]
pub struct Section {
    pub heading: String,
    pub items: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// The apply form's state: what was typed, what is wrong with it, and the CSRF token.
#[derive(Debug, Clone, Default)]
pub struct ApplyForm {
    pub action: String,
    pub csrf_token: String,
    /// When the form was first shown, signed (see `apply_guard`).
    pub started: String,
    pub values: ApplicationForm,
    pub errors: HashMap<String, String>,
    /// Errors in field order, for the summary at the top of the form.
    pub summary: Vec<(String, String)>,
    /// A problem with the submission as a whole (expired form, already applied).
    pub banner: Option<String>,
}

impl ApplyForm {
    pub fn error(&self, field: &str) -> String {
        self.errors.get(field).cloned().unwrap_or_default()
    }
    pub fn has_error(&self, field: &str) -> bool {
        self.errors.contains_key(field)
    }
    pub fn with_errors(mut self, tr: &Tr, errors: &[FieldError]) -> ApplyForm {
        for e in errors {
            let text = match &e.arg {
                Some((name, value)) => tr.t1(e.message, name, value),
                None => tr.t(e.message),
            };
            self.add_error(&e.field, text);
        }
        self
    }
    /// Adds one error (for fields whose checks live outside the form's type, like uploads).
    pub fn add_error(&mut self, field: &str, text: String) {
        self.errors.insert(field.to_owned(), text.clone());
        self.summary.push((field.to_owned(), text));
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "public/job.html")]
pub struct JobView {
    pub l: Layout,
    pub title: String,
    pub content_lang: Locale,
    pub fallback_note: Option<String>,
    pub company_name: String,
    pub company_url: String,
    pub company_logo: Option<String>,
    pub company_description: String,
    pub company_lang: Locale,
    pub company_website: Option<String>,
    pub summary: Vec<String>,
    pub sections: Vec<Section>,
    pub facts: Vec<Fact>,
    pub skills: Vec<(String, String)>,
    pub closed_notice: Option<String>,
    /// Set on the back office's preview, which shows any posting as the public page would.
    pub preview_note: Option<String>,
    pub apply: Option<ApplyForm>,
    /// Whether the apply form needs a cover letter.
    pub cover_letter_required: bool,
    pub other_languages: Vec<(String, String)>,
    pub search_url: String,
}

impl JobView {
    pub fn new(state: &AppState, tr: Tr, page: &JobPage, apply: Option<ApplyForm>) -> JobView {
        let job = &page.job;
        let now = crate::db::now();
        // The city's name in the page's language when it is a known place.
        let index = state.search.get();
        let city = job
            .place_id
            .and_then(|id| index.gazetteer().get(id))
            .map(|place| place.name(tr.locale))
            .or(job.city.as_deref());
        let open = job.is_open(now);
        let text = &page.content.value;
        let path = format!("/jobs/{}", job.slug);
        let mut l = Layout::new(tr.clone(), &state.config.base_url, &path, "", text.title.clone());
        l.section = "jobs";
        l.description = text.summary.chars().take(160).collect();
        // A shared link shows the company's logo.
        l.image = page.company.logo_url("medium").map(|logo| {
            if logo.starts_with('/') { format!("{}{logo}", state.config.base_url) } else { logo }
        });
        // The description's headings are in its own language, not the page's: a German text
        // under English headings was two languages in one section (and in the JSON-LD).
        let written = tr.with_locale(page.content.lang);
        let headings = [
            written.t("job-responsibilities"),
            written.t("job-requirements"),
            written.t("job-benefits"),
        ];
        // Search engines are told of the languages the posting is written in only. A page in
        // another language shows the text of one of them, names that one as canonical and
        // leaves the JobPosting to it: each posting is one JobPosting, on one address.
        let base_url = &state.config.base_url;
        let address = |language: Locale| format!("{base_url}/{language}/jobs/{}", job.slug);
        let languages: Vec<Locale> = page.languages().collect();
        l.alternates.retain(|a| languages.contains(&a.locale));
        l.x_default = address(job.original_locale());
        if page.content.is_fallback {
            l.canonical = address(page.content.lang);
        }
        if !open {
            // Closed postings stay readable but leave search engines and rich results.
            l.noindex = true;
        } else if !page.content.is_fallback {
            let value =
                job_posting(page, tr.locale, &l.canonical, base_url, headings.clone(), city);
            l.json_ld = Some(JsonLd::new(&value));
        }
        let sections = headings
            .into_iter()
            .zip([&text.responsibilities, &text.requirements, &text.benefits])
            .map(|(heading, body)| Section { heading, items: section_items(body) })
            .filter(|s| !s.items.is_empty())
            .collect();
        let mut facts = vec![
            Fact {
                label: tr.t("job-location"),
                value: {
                    let location = location_text(
                        &tr,
                        job.workplace,
                        city,
                        job.country_code.as_deref(),
                        &job.remote_countries(),
                    );
                    match &job.street_address {
                        Some(street) if job.workplace != Workplace::Remote => {
                            format!("{street}, {location}")
                        }
                        _ => location,
                    }
                },
            },
            Fact { label: tr.t("filter-workplace"), value: tr.t(&job.workplace.label_id()) },
            Fact { label: tr.t("filter-type"), value: tr.t(&job.employment_type.label_id()) },
            Fact { label: tr.t("filter-seniority"), value: tr.t(&job.seniority.label_id()) },
        ];
        if let Some(salary) = job.salary() {
            facts.push(Fact { label: tr.t("job-salary"), value: salary_text(&tr, &salary) });
        }
        if let Some(published) = job.published_at {
            facts.push(Fact { label: tr.t("job-posted"), value: tr.date(&published) });
        }
        if let Some(closes) = job.valid_through {
            facts.push(Fact { label: tr.t("job-closes"), value: tr.date(&closes) });
        }
        let closed_notice = (!open).then(|| tr.t(&format!("job-closed-{}", job.status)));
        let fallback_note = page.content.is_fallback.then(|| {
            tr.t1("content-original-language", "language", &tr.language(page.content.lang))
        });
        let other_languages = page
            .languages()
            .filter(|l| *l != tr.locale)
            .map(|l| (l.native_name().to_owned(), format!("/{}/jobs/{}", l.as_str(), job.slug)))
            .collect();
        JobView {
            l,
            title: text.title.clone(),
            content_lang: page.content.lang,
            fallback_note,
            company_name: page.company.name.clone(),
            company_url: format!("/{}/companies/{}", tr.locale, page.company.slug),
            company_logo: page.company.logo_url("thumb"),
            company_description: page.company_description.value.clone(),
            company_lang: page.company_description.lang,
            company_website: super::view::web_link(page.company.website.as_deref()),
            summary: paragraphs(&text.summary),
            sections,
            facts,
            skills: page
                .skills
                .iter()
                .map(|s| (s.name.clone(), format!("/{}/jobs?skill={}", tr.locale, s.slug)))
                .collect(),
            closed_notice,
            preview_note: None,
            apply: if open { apply } else { None },
            cover_letter_required: job.cover_letter == crate::models::CoverLetter::Required,
            other_languages,
            search_url: format!("/{}/jobs", tr.locale),
        }
    }
}

/// Loads a public posting or answers 404. An open posting's skills come from the search
/// index; a closed one's from the database.
pub async fn load(state: &AppState, slug: String, locale: Locale) -> Result<JobPage, AppError> {
    if slug.len() > 200 {
        return Err(AppError::NotFound);
    }
    let index = state.search.get();
    with_read_conn(state, move |conn| {
        let mut page = JobPage::load(conn, &slug, locale)?.ok_or(AppError::NotFound)?;
        page.skills = match index.skill_tags(page.job.id, locale) {
            Some(tags) => tags,
            None => Skill::tags_of_job(conn, page.job.id)?,
        };
        Ok(page)
    })
    .await
}

/// [`load`], through the page cache: what visitors read. Applying reads the database itself.
pub async fn load_cached(
    state: &AppState,
    slug: String,
    locale: Locale,
) -> Result<Arc<JobPage>, AppError> {
    let version = state.search.get().version;
    if let Some(page) = state.pages.get(version, locale, &slug) {
        return Ok(page);
    }
    let page = Arc::new(load(state, slug.clone(), locale).await?);
    state.pages.put(version, locale, slug, page.clone());
    Ok(page)
}

/// The purpose of the apply form's token for posting `job_id` (see [`form_token`]).
///
/// [`form_token`]: crate::auth::form_token
pub fn apply_form_purpose(job_id: i64) -> String {
    format!("apply:{job_id}")
}

/// Stands in for the apply form's shown-at stamp while the page's tag is computed.
const STARTED_PLACEHOLDER: &str = "form-shown-at-placeholder";
/// The stamp's field as the template writes it: with its quotes, which the template escapes
/// in anything a posting says, so no posting text can take the stamp's place.
const STARTED_FIELD: &str = r#"name="started" value="form-shown-at-placeholder""#;

pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    req: actix_web::HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (locale, slug) = path.into_inner();
    let tr = state.tr(path_locale(&locale)?);
    let page = load_cached(&state, slug, tr.locale).await?;
    // A HEAD request is a check, not a reader.
    if req.method() == actix_web::http::Method::GET {
        state.analytics.add([page.job.id], crate::analytics::Metric::View);
    }
    let (secret, now) = (&state.config.secret_key, crate::db::now());
    let form = ApplyForm {
        action: format!("/{}/jobs/{}/apply", tr.locale, page.job.slug),
        csrf_token: crate::auth::form_token::issue(secret, &apply_form_purpose(page.job.id), now),
        started: STARTED_PLACEHOLDER.to_owned(),
        ..Default::default()
    };
    let html = JobView::new(&state, tr, &page, Some(form))
        .render()
        .map_err(|e| AppError::Internal(format!("rendering the posting page: {e}")))?;
    // The tag leaves out when the form was shown, which changes every second: a copy from
    // earlier in the hour is as good (its form only looks older to the fill-time check, as
    // one from a shared cache does).
    let tag = super::public_cache::tag_of(html.as_bytes());
    let stamp = super::apply_guard::stamp(secret, now);
    let html = html.replacen(STARTED_FIELD, &format!(r#"name="started" value="{stamp}""#), 1);
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::ETAG, tag.to_string()))
        .body(html))
}
