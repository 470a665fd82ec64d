//! `/{locale}/companies/{slug}`: a company's profile and its open postings.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use super::view::{CardView, paragraphs};
use super::{Layout, path_locale, with_read_conn};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::models::company::Company;
use crate::search::SearchParams;
use crate::state::AppState;

/// Postings listed on a company page; more are a search link away.
const MAX_LISTED: usize = 100;

#[derive(Template, WebTemplate)]
#[template(path = "public/company.html")]
pub struct CompanyPage {
    pub l: Layout,
    pub name: String,
    pub logo_url: Option<String>,
    pub description: Vec<String>,
    pub description_lang: Locale,
    pub fallback_note: Option<String>,
    pub facts: Vec<(String, String)>,
    pub website: Option<String>,
    pub open_heading: String,
    pub cards: Vec<CardView>,
    pub all_url: Option<String>,
}

pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<CompanyPage, AppError> {
    let (locale, slug) = path.into_inner();
    let tr = state.tr(path_locale(&locale)?);
    let index = state.search.get();
    let params = SearchParams { company: Some(slug.clone()), page: 1, ..Default::default() };
    let result = index.search(&params, None, crate::db::now(), MAX_LISTED);
    let ids = result.ids.clone();
    let cards_index = index.clone();
    let (company, description, cards) = with_read_conn(&state, move |conn| {
        let (company, description) =
            Company::find_localized(conn, &slug, tr.locale)?.ok_or(AppError::NotFound)?;
        let cards = super::view::load_cards(conn, &cards_index, &ids, tr.locale)?;
        Ok((company, description, cards))
    })
    .await?;
    let mut l = Layout::new(
        tr.clone(),
        &state.config.base_url,
        &format!("/companies/{}", company.slug),
        "",
        company.name.clone(),
    );
    l.description = description.value.chars().take(160).collect();
    let mut facts = Vec::new();
    let city = company
        .place_id
        .and_then(|id| index.gazetteer().get(id))
        .map(|place| place.name(tr.locale).to_owned())
        .or_else(|| company.city.clone());
    if let Some(city) = city {
        let mut place = match &company.country_code {
            Some(c) => format!("{city}, {}", tr.country(c)),
            None => city,
        };
        if let Some(street) = company.street_address.as_deref().filter(|s| !s.trim().is_empty()) {
            place = format!("{street}, {place}");
        }
        facts.push((tr.t("company-headquarters"), place));
    }
    if let Some(size) = &company.size {
        facts.push((tr.t("company-size"), tr.t1("company-size-employees", "size", size)));
    }
    Ok(CompanyPage {
        name: company.name.clone(),
        logo_url: company.logo_url("medium"),
        description: paragraphs(&description.value),
        description_lang: description.lang,
        fallback_note: description.is_fallback.then(|| {
            tr.t1("content-original-language", "language", &tr.language(description.lang))
        }),
        facts,
        website: super::view::web_link(company.website.as_deref()),
        open_heading: tr.tn("company-open-positions", result.total as i64),
        cards: cards.iter().map(|c| CardView::new(c, &tr)).collect(),
        all_url: (result.total > MAX_LISTED)
            .then(|| format!("/{}/jobs?company={}", tr.locale, company.slug)),
        l,
    })
}
