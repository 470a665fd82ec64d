//! `robots.txt` and the sitemaps: an index, then pages, companies and postings in chunks,
//! each URL with its `hreflang` alternates (a posting's: the languages it is written in). Built from the search index: no query.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::error::AppError;
use crate::i18n::Locale;
use crate::state::AppState;

/// Postings per sitemap file (each gives one URL per language).
pub const JOBS_PER_SITEMAP: usize = 5000;

pub struct SitemapUrl {
    pub loc: String,
    pub lastmod: Option<String>,
    pub alternates: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "seo/urlset.xml")]
pub struct UrlSet {
    pub urls: Vec<SitemapUrl>,
}

#[derive(Template)]
#[template(path = "seo/sitemapindex.xml")]
pub struct SitemapIndex {
    pub sitemaps: Vec<String>,
}

fn xml(body: String) -> HttpResponse {
    HttpResponse::Ok().content_type("application/xml; charset=utf-8").body(body)
}

/// One entry per language for a path below the locale.
fn localized(base: &str, path: &str, lastmod: Option<String>) -> Vec<SitemapUrl> {
    let alternates: Vec<(&'static str, String)> = Locale::all()
        .iter()
        .map(|l| (l.as_str(), format!("{base}/{}{path}", l.as_str())))
        .chain(std::iter::once(("x-default", format!("{base}/en{path}"))))
        .collect();
    Locale::all()
        .iter()
        .map(|l| SitemapUrl {
            loc: format!("{base}/{}{path}", l.as_str()),
            lastmod: lastmod.clone(),
            alternates: alternates.clone(),
        })
        .collect()
}

/// One entry per language a posting is written in, each naming the others; the original
/// (its first) is the default.
fn posting(base: &str, slug: &str, lastmod: String, languages: &[Locale]) -> Vec<SitemapUrl> {
    let address = |l: &Locale| format!("{base}/{}/jobs/{slug}", l.as_str());
    let alternates: Vec<(&'static str, String)> = languages
        .iter()
        .map(|l| (l.as_str(), address(l)))
        .chain(languages.first().map(|l| ("x-default", address(l))))
        .collect();
    languages
        .iter()
        .map(|l| SitemapUrl {
            loc: address(l),
            lastmod: Some(lastmod.clone()),
            alternates: alternates.clone(),
        })
        .collect()
}

fn render<T: Template>(t: &T) -> Result<HttpResponse, AppError> {
    Ok(xml(t.render().map_err(|e| AppError::Internal(format!("rendering a sitemap: {e}")))?))
}

pub async fn sitemap_index(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let base = &state.config.base_url;
    let open = state.search.get().open_postings(crate::db::now()).count();
    let mut sitemaps =
        vec![format!("{base}/sitemaps/pages.xml"), format!("{base}/sitemaps/companies.xml")];
    for n in 1..=open.div_ceil(JOBS_PER_SITEMAP).max(1) {
        sitemaps.push(format!("{base}/sitemaps/jobs-{n}.xml"));
    }
    render(&SitemapIndex { sitemaps })
}

pub async fn pages(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let base = &state.config.base_url;
    let mut urls = localized(base, "/", None);
    urls.extend(localized(base, "/jobs", None));
    render(&UrlSet { urls })
}

pub async fn companies(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let base = &state.config.base_url;
    let index = state.search.get();
    let urls = index
        .company_slugs()
        .iter()
        .flat_map(|slug| localized(base, &format!("/companies/{slug}"), None))
        .collect();
    render(&UrlSet { urls })
}

pub async fn jobs(
    state: web::Data<AppState>,
    n: web::Path<usize>,
) -> Result<HttpResponse, AppError> {
    let n = n.into_inner();
    if n == 0 {
        return Err(AppError::NotFound);
    }
    let base = &state.config.base_url;
    let index = state.search.get();
    let urls: Vec<SitemapUrl> = index
        .open_postings(crate::db::now())
        .skip((n - 1) * JOBS_PER_SITEMAP)
        .take(JOBS_PER_SITEMAP)
        .flat_map(|(slug, updated, languages)| {
            posting(base, slug, updated.format("%Y-%m-%d").to_string(), languages)
        })
        .collect();
    if urls.is_empty() && n > 1 {
        return Err(AppError::NotFound);
    }
    render(&UrlSet { urls })
}

pub async fn robots(state: web::Data<AppState>) -> HttpResponse {
    let body = format!(
        "User-agent: *\nDisallow: /admin\nDisallow: /api/\nDisallow: /*/jobs/*/apply\nDisallow: /*/jobs/*/applied\nDisallow: /language/\n\nSitemap: {}/sitemap.xml\n",
        state.config.base_url
    );
    HttpResponse::Ok().content_type("text/plain; charset=utf-8").body(body)
}
