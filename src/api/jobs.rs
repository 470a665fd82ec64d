//! `GET /api/v1/jobs`: the published postings, filtered as on the search page (the same
//! `SearchParams`), a slice at a time with a cursor for the next.

use std::sync::Arc;

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::problem::{Problem, locale_of};
use crate::error::{AppError, InvalidField};
use crate::i18n::Locale;
use crate::models::job::{JobCard, Salary};
use crate::models::{EmploymentType, Seniority, Workplace};
use crate::search::SearchParams;
use crate::search::params::PARAM_NAMES;
use crate::search::slice::Cursor;
use crate::state::AppState;
use crate::web::with_read_conn;

pub const DEFAULT_LIMIT: usize = 50;
pub const MAX_LIMIT: usize = 100;

/// The query of `GET /api/v1/jobs`. Only for the document: [`parse_list`] reads the query
/// string, and a test keeps the two in step.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ListQuery {
    /// Words to find in titles and texts, in every language; each word matches as a prefix.
    q: Option<String>,
    workplace: Option<Workplace>,
    /// Employment type.
    r#type: Option<EmploymentType>,
    seniority: Option<Seniority>,
    /// ISO 3166-1 alpha-2 code: postings in that country or remote from it.
    #[param(pattern = "^[A-Za-z]{2}$", example = "DE")]
    country: Option<String>,
    /// A city's name, without control characters.
    #[param(pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]{0,100}$")]
    city: Option<String>,
    /// Skill slugs (`GET /api/v1/skills`), any of which a posting must have (repeat the
    /// parameter, at most 10).
    #[param(max_items = 10, inline, value_type = Option<Vec<SkillSlug>>)]
    skill: Option<Vec<String>>,
    /// Yearly salary in euros the posting's range must reach.
    #[param(minimum = 0, maximum = 10_000_000)]
    salary_min: Option<i64>,
    /// Published within this many days.
    #[param(minimum = 1, maximum = 365)]
    posted_within: Option<i64>,
    /// A company's slug.
    #[param(pattern = "^[a-z0-9-]{1,100}$")]
    company: Option<String>,
    /// Where to search around: `lat,lon` in decimal degrees, or the name of a city the
    /// board's postings are in (any case). Postings without coordinates are left out (remote
    /// ones come with `remote=include`).
    #[param(example = "52.52,13.405")]
    near: Option<String>,
    /// Kilometres around `near` (25 when left out).
    #[param(inline, value_type = Option<Radius>)]
    radius: Option<u32>,
    /// Only postings inside this box: `west,south,east,north` in decimal degrees (west east of
    /// east spans the antimeridian).
    #[param(example = "5.9,47.3,15.0,55.1")]
    bbox: Option<String>,
    /// With `near`: `include` adds the remote postings (which have no distance).
    #[param(pattern = "^(include|exclude)$")]
    remote: Option<String>,
    /// `relevance` (the default with `q`), `newest` (the default without), `salary`, or
    /// `distance` (nearest first, with `near`).
    #[param(pattern = "^(relevance|newest|salary|distance)$")]
    sort: Option<String>,
    /// Postings per response.
    #[param(minimum = 1, maximum = 100, default = 50)]
    limit: Option<u32>,
    /// From a previous response's `next`: the slice after it.
    cursor: Option<String>,
    /// The language of titles and summaries (else `Accept-Language`); a posting not
    /// translated into it comes in its original language.
    #[param(pattern = "^(en|de|uk)$")]
    locale: Option<String>,
    /// `true`: add how many postings each value of each filter would give (the search page's
    /// sidebar), counted with the other filters applied.
    facets: Option<bool>,
}

/// A search radius in kilometres, one of those the search page offers.
pub struct Radius;

impl utoipa::PartialSchema for Radius {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::Integer)
            .enum_values(Some(crate::search::params::RADII))
            .into()
    }
}

impl ToSchema for Radius {}

/// A skill's slug, as a parameter takes it.
#[derive(ToSchema)]
#[schema(value_type = String, pattern = "^[a-z0-9-]{1,100}$", example = "rust")]
#[allow(dead_code)]
pub struct SkillSlug(String);

const OWN_NAMES: [&str; 4] = ["limit", "cursor", "locale", "facets"];

/// A page of postings. The document's shape of the body `list_body` writes (a test keeps
/// the two equal).
#[derive(Debug, Serialize, ToSchema)]
#[cfg_attr(not(test), allow(dead_code))]
pub struct JobList {
    pub data: Vec<JobSummary>,
    /// How many postings match, in all pages.
    pub total: usize,
    /// The address of the next page, absent on the last.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// With `facets=true`: the counts of each filter's values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<FacetCounts>,
}

/// How many postings each value of a filter would give, with the other filters applied;
/// the most frequent cities and skills only.
#[derive(Debug, Serialize, ToSchema)]
pub struct FacetCounts {
    pub workplace: Vec<Count>,
    pub employment_type: Vec<Count>,
    pub seniority: Vec<Count>,
    /// By ISO 3166-1 alpha-2 code.
    pub country: Vec<Count>,
    pub city: Vec<Count>,
    /// By slug, with the skill's name.
    pub skill: Vec<Count>,
}

/// A filter's value and its number of postings.
#[derive(Debug, Serialize, ToSchema)]
pub struct Count {
    /// What the filter's parameter takes.
    pub value: String,
    /// The skill's name, for skills.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub count: u32,
}

impl FacetCounts {
    fn new(f: crate::search::Facets) -> FacetCounts {
        fn plain<T>(
            list: Vec<crate::search::facets::FacetCount<T>>,
            name: impl Fn(&T) -> String,
        ) -> Vec<Count> {
            list.into_iter()
                .map(|c| Count { value: name(&c.value), name: None, count: c.count })
                .collect()
        }
        let text = |v: &String| v.clone();
        FacetCounts {
            workplace: plain(f.workplace, |v| v.as_str().to_owned()),
            employment_type: plain(f.employment_type, |v| v.as_str().to_owned()),
            seniority: plain(f.seniority, |v| v.as_str().to_owned()),
            country: plain(f.country, text),
            city: plain(f.city, |c: &crate::search::LocalNames| c.get(Locale::EN).to_owned()),
            skill: f
                .skill
                .into_iter()
                .map(|s| Count { value: s.slug, name: Some(s.name), count: s.count })
                .collect(),
        }
    }
}

/// A published posting as listed.
#[derive(Debug, Serialize, ToSchema)]
pub struct JobSummary {
    /// With `near`: the kilometres from there (absent for postings without coordinates).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
    pub id: i64,
    pub slug: String,
    /// The posting's public page.
    pub url: String,
    /// The language of `title` and `summary`: the one asked for, or the original.
    #[schema(example = "en")]
    pub language: String,
    pub title: String,
    pub summary: String,
    #[serde(flatten)]
    pub facts: Facts,
}

/// What the list and a posting both tell about it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Facts {
    pub company: CompanyRef,
    pub workplace: Workplace,
    pub employment_type: EmploymentType,
    pub seniority: Seniority,
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// For remote postings: the countries it is open to (empty: anywhere).
    pub remote_countries: Vec<String>,
    pub salary: Option<Salary>,
    /// Skill names, in the posting's order.
    pub skills: Vec<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub valid_through: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CompanyRef {
    pub name: String,
    pub slug: String,
}

pub(super) fn utc(d: NaiveDateTime) -> DateTime<Utc> {
    d.and_utc()
}

impl JobSummary {
    fn new(card: JobCard, base_url: &str) -> JobSummary {
        JobSummary {
            distance_km: None,
            url: format!("{base_url}/{}/jobs/{}", card.title.lang, card.slug),
            id: card.id,
            slug: card.slug,
            language: card.title.lang.as_str().to_owned(),
            title: card.title.value,
            summary: card.summary,
            facts: Facts {
                company: CompanyRef { name: card.company_name, slug: card.company_slug },
                workplace: card.workplace,
                employment_type: card.employment_type,
                seniority: card.seniority,
                city: card.city,
                country: card.country_code,
                remote_countries: card.remote_countries,
                salary: card.salary,
                skills: card.skills,
                published_at: card.published_at.map(utc),
                valid_through: card.valid_through.map(utc),
                updated_at: utc(card.updated_at),
            },
        }
    }
}

/// The list's query: the search filters, the slice's size and cursor, or every refused
/// parameter.
pub struct ListRequest {
    pub params: SearchParams,
    pub limit: usize,
    pub cursor: Option<Cursor>,
    /// Whether the facet counts were asked for.
    pub facets: bool,
}

pub fn parse_list(query: &str) -> Result<ListRequest, Vec<InvalidField>> {
    let (params, refused) = SearchParams::parse(query);
    let mut invalid: Vec<InvalidField> = refused
        .into_iter()
        .map(|p| InvalidField::new(p.name, "api-invalid-value", &p.value))
        .collect();
    let mut limit = DEFAULT_LIMIT;
    let mut cursor = None;
    let mut facets = false;
    for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
        match key.as_ref() {
            "facets" => match value.as_ref() {
                "true" => facets = true,
                "false" => facets = false,
                _ => invalid.push(InvalidField::new("facets", "api-invalid-value", &value)),
            },
            "limit" => match value.parse::<usize>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => limit = n,
                _ => invalid.push(InvalidField::new("limit", "api-invalid-limit", &value)),
            },
            // An empty cursor is the first slice, as if left out.
            "cursor" if value.is_empty() => {}
            "cursor" => match Cursor::decode(&value) {
                Some(c) => cursor = Some(c),
                None => invalid.push(InvalidField::new("cursor", "api-invalid-cursor", &value)),
            },
            "locale" if Locale::parse(&value).is_none() => {
                invalid.push(InvalidField::new("locale", "api-invalid-value", &value))
            }
            // `page` is the search page's own: the API pages by cursor.
            name if name != "page" && PARAM_NAMES.contains(&name) => {}
            name if OWN_NAMES.contains(&name) => {}
            name => invalid.push(InvalidField::new(name, "api-invalid-unknown", &value)),
        }
    }
    if invalid.is_empty() {
        Ok(ListRequest { params, limit, cursor, facets })
    } else {
        Err(invalid)
    }
}

/// The published postings matching the filters, newest first (best match first with `q`).
#[utoipa::path(
    get,
    path = "/api/v1/jobs",
    tag = "jobs",
    params(ListQuery),
    responses(
        (status = 200, description = "A page of postings", body = JobList),
        (status = 422, description = "A parameter was refused", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn list(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let ListRequest { params, limit, cursor, facets } =
        parse_list(req.query_string()).map_err(AppError::Invalid)?;
    let locale = locale_of(&req, state.config.default_locale);
    let index = state.search.get();
    let now = crate::db::now();
    let centre = match &params.near {
        Some(near) => Some(index.locate(near).ok_or_else(|| {
            AppError::Invalid(vec![InvalidField::new(
                "near",
                "api-invalid-place",
                &near.as_param(),
            )])
        })?),
        None => None,
    };
    let refused_cursor =
        || AppError::Invalid(vec![InvalidField::new("cursor", "api-invalid-cursor", "")]);
    let hits = crate::web::text_hits(&state, &index, &params.q).await?;
    let slice =
        index.slice(&params, hits.as_deref(), now, cursor, limit).map_err(|_| refused_cursor())?;
    let facets =
        facets.then(|| FacetCounts::new(index.search(&params, hits.as_deref(), now, 1).facets));
    let data = summaries(&state, &index, &slice.ids, locale).await?;
    let distances: Vec<Option<f64>> = match centre {
        Some(centre) => slice.ids.iter().map(|id| index.distance_km(*id, centre)).collect(),
        None => Vec::new(),
    };
    let base_url = &state.config.base_url;
    let next = slice.next.map(|cursor| {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for (key, value) in url::form_urlencoded::parse(req.query_string().as_bytes()) {
            if key != "cursor" {
                query.append_pair(&key, &value);
            }
        }
        query.append_pair("cursor", &cursor.encode());
        format!("{base_url}/api/v1/jobs?{}", query.finish())
    });
    let body = list_body(&data, &distances, &ListRest { total: slice.total, next, facets })?;
    Ok(super::json_body(&req, body))
}

/// What follows the postings in a list's body.
#[derive(Serialize)]
struct ListRest {
    total: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    facets: Option<FacetCounts>,
}

/// A [`JobList`]'s JSON from its postings already serialized (without a distance), their
/// distances (none without `near`) and the rest.
fn list_body(
    data: &[Arc<String>],
    distances: &[Option<f64>],
    rest: &ListRest,
) -> Result<Vec<u8>, AppError> {
    let rest = serde_json::to_vec(rest)
        .map_err(|e| AppError::Internal(format!("serializing a list of postings: {e}")))?;
    let size = data.iter().map(|d| d.len() + 24).sum::<usize>() + rest.len() + 12;
    let mut body = Vec::with_capacity(size);
    body.extend_from_slice(b"{\"data\":[");
    for (i, posting) in data.iter().enumerate() {
        if i > 0 {
            body.push(b',');
        }
        match distances.get(i).copied().flatten() {
            // `distance_km` is a summary's first member: it goes before the cached ones.
            Some(km) => {
                body.extend_from_slice(b"{\"distance_km\":");
                serde_json::to_writer(&mut body, &((km * 1000.0).round() / 1000.0))
                    .map_err(|e| AppError::Internal(format!("writing a distance: {e}")))?;
                body.push(b',');
                body.extend_from_slice(posting.as_bytes().get(1..).unwrap_or_default());
            }
            None => body.extend_from_slice(posting.as_bytes()),
        }
    }
    body.extend_from_slice(b"],");
    // `rest` is an object with `total` at least: its members follow the list's.
    body.extend_from_slice(rest.get(1..).unwrap_or(b"}"));
    Ok(body)
}

/// The postings `ids` as the list shows them, in order: each serialized once per index
/// version and locale (the card cache's rule), the missing ones loaded with one query. Ids the
/// database no longer has are left out. Loading and serializing 50 postings was most of a
/// list's time; a list is now the index's slice and a copy of cached bytes.
async fn summaries(
    state: &AppState,
    index: &Arc<crate::search::SearchIndex>,
    ids: &[i64],
    locale: Locale,
) -> Result<Vec<Arc<String>>, AppError> {
    let cache = &state.api_cards;
    let mut found = cache.get_many(index.version, locale, ids);
    let missing: Vec<i64> =
        ids.iter().zip(&found).filter(|(_, card)| card.is_none()).map(|(id, _)| *id).collect();
    if missing.is_empty() {
        return Ok(found.into_iter().flatten().collect());
    }
    let loading_index = index.clone();
    let cards = with_read_conn(state, move |conn| {
        Ok(crate::web::view::load_cards(conn, &loading_index, &missing, locale)?)
    })
    .await?;
    let base_url = &state.config.base_url;
    let mut loaded = Vec::with_capacity(cards.len());
    for card in cards {
        let id = card.id;
        let json = serde_json::to_string(&JobSummary::new(card, base_url))
            .map_err(|e| AppError::Internal(format!("serializing posting {id}: {e}")))?;
        loaded.push((id, Arc::new(json)));
    }
    cache.put_many(index.version, locale, loaded.iter().cloned());
    for (slot, id) in found.iter_mut().zip(ids) {
        if slot.is_none() {
            *slot = loaded.iter().find(|(loaded_id, _)| loaded_id == id).map(|(_, j)| j.clone());
        }
    }
    Ok(found.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posting(id: i64) -> JobSummary {
        let at = chrono::DateTime::from_timestamp(1_780_000_000, 0).unwrap();
        JobSummary {
            distance_km: None,
            id,
            slug: format!("welder-{id}"),
            url: format!("https://jobs.example/en/jobs/welder-{id}"),
            language: "en".into(),
            title: "Welder \"robots\"".into(),
            summary: "Weld – well.".into(),
            facts: Facts {
                company: CompanyRef { name: "Acme".into(), slug: "acme".into() },
                workplace: Workplace::Remote,
                employment_type: EmploymentType::ALL[0],
                seniority: Seniority::ALL[0],
                city: None,
                country: Some("DE".into()),
                remote_countries: vec!["DE".into(), "AT".into()],
                salary: None,
                skills: vec!["Welding".into()],
                published_at: Some(at),
                valid_through: None,
                updated_at: at,
            },
        }
    }

    #[test]
    fn a_list_written_from_cached_postings_is_the_document_s_list() {
        for (count, next) in
            [(0, None), (1, None), (3, Some("https://jobs.example/api/v1/jobs?cursor=x"))]
        {
            let postings: Vec<JobSummary> = (1..=count).map(posting).collect();
            let cached: Vec<Arc<String>> =
                postings.iter().map(|p| Arc::new(serde_json::to_string(p).unwrap())).collect();
            let rest = ListRest { total: 7, next: next.map(str::to_owned), facets: None };
            let written = list_body(&cached, &[], &rest).unwrap();
            let list = JobList { data: postings, total: 7, next: rest.next.clone(), facets: None };
            assert_eq!(String::from_utf8(written).unwrap(), serde_json::to_string(&list).unwrap());
        }
    }

    #[test]
    fn distances_join_the_cached_postings_as_the_document_says() {
        let mut postings: Vec<JobSummary> = (1..=3).map(posting).collect();
        let cached: Vec<Arc<String>> =
            postings.iter().map(|p| Arc::new(serde_json::to_string(p).unwrap())).collect();
        let distances = [Some(12.3456789), None, Some(0.0)];
        for (p, d) in postings.iter_mut().zip(distances) {
            p.distance_km = d.map(|km| (km * 1000.0_f64).round() / 1000.0);
        }
        let rest = ListRest { total: 3, next: None, facets: None };
        let written = list_body(&cached, &distances, &rest).unwrap();
        let list = JobList { data: postings, total: 3, next: None, facets: None };
        assert_eq!(String::from_utf8(written).unwrap(), serde_json::to_string(&list).unwrap());
    }
}
