//! The companies on the board, public: `GET /api/v1/companies` (by id, a slice at a time
//! with a cursor) and `GET /api/v1/companies/{id_or_slug}` with its description in every
//! language it is written in, or in the one asked for; each with its open postings' count.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use base64::Engine;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::problem::{Problem, locale_of};
use crate::db::schema::{companies, company_translations};
use crate::error::{AppError, InvalidField};
use crate::i18n::Locale;
use crate::models::company::Company;
use crate::state::AppState;
use crate::web::with_read_conn;

/// The query of `GET /api/v1/companies`, for the document.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ListQuery {
    /// Companies per response.
    #[param(minimum = 1, maximum = 100, default = 50)]
    limit: Option<u32>,
    /// From a previous response's `next`: the slice after it.
    cursor: Option<String>,
}

/// The query of `GET /api/v1/companies/{id_or_slug}`, for the document.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ShowQuery {
    /// Only the description in this language (or the original, when not translated into it).
    /// Without it and without `Accept-Language`, every language it is written in.
    #[param(pattern = "^(en|de|uk)$")]
    locale: Option<String>,
}

/// A company as listed.
#[derive(Debug, Serialize, ToSchema)]
pub struct CompanySummary {
    pub id: i64,
    pub slug: String,
    pub name: String,
    /// The company's public page.
    pub url: String,
    pub website: Option<String>,
    /// Where its headquarters are.
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Its number of employees, as a range.
    #[schema(example = "51-200")]
    pub size: Option<String>,
    /// Its logo (at most 256 pixels wide), when it has one.
    pub logo_url: Option<String>,
    /// How many of its postings take applications now.
    pub open_jobs: u64,
    /// Its open postings in the API.
    pub jobs_url: String,
}

/// A page of companies.
#[derive(Debug, Serialize, ToSchema)]
pub struct CompanyList {
    pub data: Vec<CompanySummary>,
    /// The address of the next page, absent on the last.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// A company with its description.
#[derive(Debug, Serialize, ToSchema)]
pub struct CompanyDetail {
    #[serde(flatten)]
    pub summary: CompanySummary,
    /// Every language of its description, its original first.
    #[schema(example = json!(["en", "de"]))]
    pub languages: Vec<String>,
    /// Its description in each language of `languages`, or in the one asked for.
    pub descriptions: Vec<Description>,
}

/// A company's description in one language.
#[derive(Debug, Serialize, ToSchema)]
pub struct Description {
    #[schema(example = "en")]
    pub language: String,
    /// Whether this is the language it was written in.
    pub original: bool,
    pub text: String,
}

const DEFAULT_LIMIT: i64 = 50;
const CURSOR_PREFIX: &str = "co.";

fn cursor_of(id: i64) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("{CURSOR_PREFIX}{id}"))
}

fn cursor_id(text: &str) -> Option<i64> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(text).ok()?;
    String::from_utf8(bytes).ok()?.strip_prefix(CURSOR_PREFIX)?.parse().ok()
}

fn summary(company: &Company, state: &AppState, now: chrono::NaiveDateTime) -> CompanySummary {
    let base_url = &state.config.base_url;
    let index = state.search.get();
    let slug = &company.slug;
    let logo = company.logo_url("medium");
    CompanySummary {
        id: company.id,
        slug: slug.clone(),
        name: company.name.clone(),
        url: format!("{base_url}/{}/companies/{slug}", company.original_locale()),
        website: company.website.clone(),
        city: company.city.clone(),
        country: company.country_code.clone(),
        size: company.size.clone(),
        logo_url: logo.map(|l| if l.starts_with('/') { format!("{base_url}{l}") } else { l }),
        open_jobs: index.open_of_company(slug, now),
        jobs_url: format!("{base_url}/api/v1/jobs?company={slug}"),
    }
}

/// Every company, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/companies",
    tag = "companies",
    params(ListQuery),
    responses(
        (status = 200, description = "A page of companies", body = CompanyList),
        (status = 422, description = "A parameter was refused", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn list(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let (mut limit, mut after, mut invalid) = (DEFAULT_LIMIT, 0_i64, Vec::new());
    for (key, value) in url::form_urlencoded::parse(req.query_string().as_bytes()) {
        match key.as_ref() {
            "limit" => match value.parse::<i64>() {
                Ok(n) if (1..=100).contains(&n) => limit = n,
                _ => invalid.push(InvalidField::new("limit", "api-invalid-limit", &value)),
            },
            // An empty cursor is the first slice, as if left out.
            "cursor" if value.is_empty() => {}
            "cursor" => match cursor_id(&value) {
                Some(id) => after = id,
                None => invalid.push(InvalidField::new("cursor", "api-invalid-cursor", &value)),
            },
            name => invalid.push(InvalidField::new(name, "api-invalid-unknown", &value)),
        }
    }
    if !invalid.is_empty() {
        return Err(AppError::Invalid(invalid));
    }
    let rows: Vec<Company> = with_read_conn(&state, move |conn| {
        Ok(companies::table
            .filter(companies::id.gt(after))
            .order(companies::id.asc())
            .limit(limit + 1)
            .select(Company::as_select())
            .load(conn)?)
    })
    .await?;
    let now = crate::db::now();
    let more = rows.len() as i64 > limit;
    let data: Vec<CompanySummary> =
        rows.iter().take(limit as usize).map(|c| summary(c, &state, now)).collect();
    let next = match (more, data.last()) {
        (true, Some(last)) => {
            let mut query = url::form_urlencoded::Serializer::new(String::new());
            if limit != DEFAULT_LIMIT {
                query.append_pair("limit", &limit.to_string());
            }
            query.append_pair("cursor", &cursor_of(last.id));
            Some(format!("{}/api/v1/companies?{}", state.config.base_url, query.finish()))
        }
        _ => None,
    };
    Ok(super::json(&req, &CompanyList { data, next }))
}

/// One company, by id or slug.
#[utoipa::path(
    get,
    path = "/api/v1/companies/{id_or_slug}",
    tag = "companies",
    params(("id_or_slug" = String, Path, description = "The company's id or slug"), ShowQuery),
    responses(
        (status = 200, description = "The company", body = CompanyDetail),
        (status = 404, description = "No company has this id or slug", body = Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "A parameter was refused", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let mut asked = None;
    let mut invalid = Vec::new();
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
        return Err(AppError::Invalid(invalid));
    }
    let only = asked.or_else(|| {
        req.headers()
            .contains_key(header::ACCEPT_LANGUAGE)
            .then(|| locale_of(&req, state.config.default_locale))
    });
    let key = path.into_inner();
    let id = with_read_conn(&state, move |conn| {
        let by_slug: Option<i64> = companies::table
            .filter(companies::slug.eq(&key))
            .select(companies::id)
            .first(conn)
            .optional()?;
        match (by_slug, key.parse::<i64>()) {
            (Some(id), _) => Ok(id),
            (None, Ok(id)) => Ok(id),
            (None, Err(_)) => Err(AppError::NotFound),
        }
    })
    .await?;
    let detail = detail_of(&state, id, only).await?;
    Ok(super::json(&req, &detail))
}

/// Company `id` with its description in every language, or in `only`.
pub(super) async fn detail_of(
    state: &AppState,
    id: i64,
    only: Option<Locale>,
) -> Result<CompanyDetail, AppError> {
    let (company, translations) = with_read_conn(state, move |conn| {
        let company = companies::table
            .find(id)
            .select(Company::as_select())
            .first(conn)
            .optional()?
            .ok_or(AppError::NotFound)?;
        let translations: Vec<(String, String)> = company_translations::table
            .filter(company_translations::company_id.eq(company.id))
            .order(company_translations::locale.asc())
            .select((company_translations::locale, company_translations::description))
            .load(conn)?;
        Ok((company, translations))
    })
    .await?;
    let original = company.original_locale();
    // The original first, then each translation that has a text.
    let mut all: Vec<(Locale, String)> = vec![(original, company.description.clone())];
    all.extend(translations.into_iter().filter_map(|(locale, text)| {
        let locale = Locale::parse(&locale)?;
        (locale != original && !text.trim().is_empty()).then_some((locale, text))
    }));
    let languages = all.iter().map(|(l, _)| l.as_str().to_owned()).collect();
    let chosen: Vec<(Locale, String)> = match only {
        None => all,
        Some(locale) => {
            let pick = all.iter().position(|(l, _)| *l == locale).unwrap_or(0);
            vec![all.swap_remove(pick)]
        }
    };
    Ok(CompanyDetail {
        summary: summary(&company, state, crate::db::now()),
        languages,
        descriptions: chosen
            .into_iter()
            .map(|(locale, text)| Description {
                language: locale.as_str().to_owned(),
                original: locale == original,
                text,
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn cursors_round_trip_and_refuse_strangers() {
        assert_eq!(super::cursor_id(&super::cursor_of(7)), Some(7));
        assert_eq!(super::cursor_id("bm9wZQ"), None);
        assert_eq!(super::cursor_id("%%"), None);
    }
}
