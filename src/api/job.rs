//! `GET /api/v1/jobs/{id_or_slug}`: one public posting with its texts in every language, or
//! in the one asked for.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::auth::{ApiRefusal, Caller};
use super::jobs::{CompanyRef, Facts, utc};
use super::problem::{Problem, locale_of};
use crate::error::{AppError, InvalidField};
use crate::i18n::Locale;
use crate::models::JobStatus;
use crate::models::api_token::Scope;
use crate::models::job::{JobPage, JobText, public_slug};
use crate::state::AppState;
use crate::web::with_read_conn;
use actix_web::FromRequest;

/// The query of `GET /api/v1/jobs/{id_or_slug}`, for the document.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ShowQuery {
    /// Only the text in this language (or the original, when not translated into it). Without
    /// it and without `Accept-Language`, every language the posting is written in.
    #[param(pattern = "^(en|de|uk)$")]
    locale: Option<String>,
}

/// A public posting.
#[derive(Debug, Serialize, ToSchema)]
pub struct JobDetail {
    pub id: i64,
    pub slug: String,
    /// The posting's public page, in the first language of `texts`.
    pub url: String,
    /// `published`, or why it no longer takes applications (`expired`, `filled`, `archived`).
    pub status: JobStatus,
    /// Whether an application needs a cover letter.
    pub cover_letter: crate::models::CoverLetter,
    #[serde(flatten)]
    pub facts: Facts,
    /// Where the work is: a street address and its point, when the posting gives them.
    pub location: Location,
    /// Every language the posting can be read in, its original first.
    #[schema(example = json!(["en", "de"]))]
    pub languages: Vec<String>,
    /// Its text in each language of `languages`, or in the one asked for.
    pub texts: Vec<Texts>,
}

/// A posting's address and point on the map.
#[derive(Debug, Serialize, ToSchema)]
pub struct Location {
    #[schema(example = "Invalidenstraße 116")]
    pub street_address: Option<String>,
    /// Decimal degrees (WGS 84).
    #[schema(example = 52.5311)]
    pub latitude: Option<f64>,
    #[schema(example = 13.3849)]
    pub longitude: Option<f64>,
}

/// A posting's text in one language.
#[derive(Debug, Serialize, ToSchema)]
pub struct Texts {
    #[schema(example = "en")]
    pub language: String,
    /// Whether this is the language the posting was written in.
    pub original: bool,
    pub title: String,
    pub summary: String,
    pub responsibilities: String,
    pub requirements: String,
    pub benefits: String,
}

impl Texts {
    fn new(language: Locale, original: Locale, text: &JobText) -> Texts {
        Texts {
            language: language.as_str().to_owned(),
            original: language == original,
            title: text.title.clone(),
            summary: text.summary.clone(),
            responsibilities: text.responsibilities.clone(),
            requirements: text.requirements.clone(),
            benefits: text.benefits.clone(),
        }
    }
}

impl JobDetail {
    /// The posting with the text in `only` (or its original), or in every language.
    pub(super) fn new(page: &JobPage, only: Option<Locale>, base_url: &str) -> JobDetail {
        let job = &page.job;
        let original = job.original_locale();
        let texts: Vec<Texts> = match only {
            Some(_) => vec![Texts::new(page.content.lang, original, &page.content.value)],
            None => page.texts.iter().map(|(l, text)| Texts::new(*l, original, text)).collect(),
        };
        let first = texts.first().map_or(original.as_str(), |t| t.language.as_str());
        JobDetail {
            url: format!("{base_url}/{first}/jobs/{}", job.slug),
            id: job.id,
            slug: job.slug.clone(),
            status: job.status,
            cover_letter: job.cover_letter,
            facts: Facts {
                company: CompanyRef {
                    name: page.company.name.clone(),
                    slug: page.company.slug.clone(),
                },
                workplace: job.workplace,
                employment_type: job.employment_type,
                seniority: job.seniority,
                city: job.city.clone(),
                country: job.country_code.clone(),
                remote_countries: job.remote_countries(),
                salary: job.salary(),
                skills: page.skills.iter().map(|s| s.name.clone()).collect(),
                published_at: job.published_at.map(utc),
                valid_through: job.valid_through.map(utc),
                updated_at: utc(job.updated_at),
            },
            location: Location {
                street_address: job.street_address.clone(),
                latitude: job.latitude,
                longitude: job.longitude,
            },
            languages: page.languages().map(|l| l.as_str().to_owned()).collect(),
            texts,
        }
    }
}

/// One public posting, by id or slug.
#[utoipa::path(
    get,
    path = "/api/v1/jobs/{id_or_slug}",
    tag = "jobs",
    params(("id_or_slug" = String, Path, description = "The posting's id or slug"), ShowQuery),
    responses(
        (status = 200, description = "The posting", body = JobDetail),
        (status = 404, description = "No public posting has this id or slug", body = Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "A parameter was refused", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiRefusal> {
    let mut invalid = Vec::new();
    let mut asked = None;
    for (key, value) in url::form_urlencoded::parse(req.query_string().as_bytes()) {
        match (key.as_ref(), Locale::parse(&value)) {
            ("locale", Some(locale)) => asked = Some(locale),
            ("locale", None) => {
                invalid.push(InvalidField::new("locale", "api-invalid-value", &value))
            }
            (name, _) => invalid.push(InvalidField::new(name, "api-invalid-unknown", &value)),
        }
    }
    if !invalid.is_empty() {
        return Err(AppError::Invalid(invalid).into());
    }
    let only = asked.or_else(|| {
        req.headers()
            .contains_key(header::ACCEPT_LANGUAGE)
            .then(|| locale_of(&req, state.config.default_locale))
    });
    if req.headers().contains_key(header::AUTHORIZATION) {
        let caller = Caller::from_request(&req, &mut actix_web::dev::Payload::None).await?;
        return unpublished(state, caller, path.into_inner(), only, req).await;
    }
    let slug = slug_of(&state, path.into_inner()).await?;
    let locale = only.unwrap_or(state.config.default_locale);
    let page = crate::web::job::load_cached(&state, slug, locale).await?;
    // The posting and its company are all it shows (a skill's name never changes).
    let modified = page.job.updated_at.max(page.company.updated_at);
    let detail = JobDetail::new(&page, only, &state.config.base_url);
    Ok(super::json_modified(&req, &detail, modified))
}

/// A posting of any status, for a token with `jobs:read` (of its company's, when it has
/// one): drafts are seen by the programs that write them. Never cached by others.
async fn unpublished(
    state: web::Data<AppState>,
    caller: Caller,
    key: String,
    only: Option<Locale>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiRefusal> {
    caller.require(Scope::JobsRead)?;
    let bound = caller.company();
    let base_url = state.config.base_url.clone();
    let detail = with_read_conn(&state, move |conn| {
        let id = super::job_write::id_or_slug(conn, &key)?;
        super::job_write::writable(conn, id, bound)?;
        super::job_write::detail(conn, id, only, &base_url)
    })
    .await?;
    Ok(super::json(&req, &detail))
}

/// The slug a path names: an id (all digits) when a public posting has it, else the path.
async fn slug_of(state: &AppState, key: String) -> Result<String, AppError> {
    let Ok(id) = key.parse::<i64>() else {
        return Ok(key);
    };
    if let Some(slug) = state.search.get().slug_of(id) {
        return Ok(slug.to_owned());
    }
    with_read_conn(state, move |conn| Ok(public_slug(conn, id)?.unwrap_or(key))).await
}
