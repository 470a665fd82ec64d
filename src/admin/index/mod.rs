//! `GET /admin/{resource}`: the generic index page: scopes with counts, sortable columns, a
//! filter sidebar, per-page choice and pagination, all kept in the URL.

mod cells;
mod scope_counts;
mod sidebar;
mod url_state;

use actix_web::{HttpRequest, web};
use askama::Template;
use askama_web::WebTemplate;

pub use self::cells::{CellView, cell_view};
use self::scope_counts::Lookup;
pub use self::scope_counts::ScopeCounts;
pub use self::sidebar::{FilterView, OptionView};
pub use self::url_state::canonical_query;
use self::url_state::{State, Urls};
use super::layout::here;
use super::resource::{
    Dir, ListQuery, ListResult, MemberAction, PER_PAGE_CHOICES, Resource, parse_list_query,
};
use super::{AdminLayout, CurrentAdmin};
use crate::auth::policy::Action;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::models::saved_view::SavedView;
use crate::state::AppState;
use crate::web::with_conn;

pub struct Link {
    pub label: String,
    pub url: String,
    pub current: bool,
    pub count: Option<String>,
}

pub struct Header {
    pub label: String,
    pub sort_url: Option<String>,
    /// "asc" or "desc" when the table is sorted by this column.
    pub sorted: Option<&'static str>,
    pub aria_sort: &'static str,
}

pub struct RowView {
    pub id: i64,
    pub cells: Vec<CellView>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/index.html")]
pub struct IndexPage {
    pub l: AdminLayout,
    pub resource: &'static str,
    pub scopes: Vec<Link>,
    pub headers: Vec<Header>,
    pub rows: Vec<RowView>,
    pub filters: Vec<FilterView>,
    pub kept: Vec<(&'static str, String)>,
    pub kept_for_per_page: Vec<(String, String)>,
    pub per_page: Vec<OptionView>,
    pub total_text: String,
    pub pages: Vec<Link>,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub clear_url: Option<String>,
    pub new_url: Option<String>,
    /// The spreadsheet import, for resources that take one.
    pub import_url: Option<String>,
    pub links: Vec<(&'static str, String)>,
    pub collection_actions: Vec<MemberAction>,
    /// The user's saved views of this list: (name, URL, delete URL, current).
    pub views: Vec<(String, String, String, bool)>,
    /// The current state, to save as a view.
    pub current_query: String,
    /// The batch actions this user may run (none: no checkboxes).
    pub batch_actions: Vec<OptionView>,
    pub here: String,
    /// Downloads of the filtered set: (label, URL).
    pub exports: Vec<(&'static str, String)>,
}

pub async fn index(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<IndexPage, AppError> {
    let resource = super::resources::find(&path).ok_or(AppError::NotFound)?;
    admin.require(resource.area(), Action::View)?;
    let tr = admin.tr.clone();
    let query = parse_list_query(resource, req.query_string(), &tr, admin.viewer());
    let (listed, views) = load(&state, resource, &query, admin.user.id, tr.clone()).await?;
    let total = listed.total(resource, &query);
    let title = tr.t(resource.title());
    let mut l = AdminLayout::new(&admin, resource.name(), title.clone(), vec![here(title)]);
    l.here = format!("/admin/{}?{}", resource.name(), req.query_string());
    let base = format!("/admin/{}", resource.name());
    let urls = Urls { query: &query, base: &base };
    let pages_total = ((total.max(0) as u64).div_ceil(query.per_page as u64)).max(1) as u32;
    let page = query.page.min(pages_total);
    let page_url = |n: u32| urls.with(|s| s.page = n);
    Ok(IndexPage {
        resource: resource.name(),
        scopes: scope_links(resource, &listed, &query, &tr, &urls),
        headers: headers(resource, &query, &tr, &urls),
        rows: listed
            .rows
            .into_iter()
            .map(|row| RowView {
                id: row.id,
                cells: row.cells.into_iter().map(|c| cell_view(c, &tr)).collect(),
            })
            .collect(),
        filters: sidebar::filter_views(resource, &query, &tr),
        kept: State::from(&query).kept_for_filters(),
        kept_for_per_page: State { per_page: PER_PAGE_CHOICES[0], page: 1, ..State::from(&query) }
            .pairs(),
        per_page: PER_PAGE_CHOICES
            .iter()
            .map(|n| OptionView {
                value: n.to_string(),
                label: n.to_string(),
                selected: *n == query.per_page,
            })
            .collect(),
        total_text: tr.tn("admin-total-records", total),
        prev: (page > 1).then(|| page_url(page - 1)),
        next: (page < pages_total).then(|| page_url(page + 1)),
        pages: crate::web::search_links::pagination_window(page, pages_total)
            .into_iter()
            .map(|n| Link {
                label: n.map(|n| tr.number(n as i64)).unwrap_or_else(|| "…".into()),
                url: n.map(page_url).unwrap_or_default(),
                current: n == Some(page),
                count: None,
            })
            .collect(),
        clear_url: (!query.filters.is_empty()).then(|| {
            urls.with(|s| {
                s.filters.clear();
                s.page = 1;
            })
        }),
        batch_actions: resource
            .batch_actions()
            .iter()
            .filter(|a| admin.can(resource.area(), a.needs))
            .map(|a| OptionView { value: a.key.to_owned(), label: tr.t(a.label), selected: false })
            .collect(),
        here: l.here.clone(),
        exports: exports(&base, &query),
        links: resource.index_links(req.query_string()),
        collection_actions: resource
            .collection_actions()
            .into_iter()
            .filter(|a| admin.can(resource.area(), a.needs))
            .collect(),
        views: view_links(&base, views, &query),
        current_query: canonical_query(&query),
        new_url: (resource.creatable() && admin.can(resource.area(), Action::Create))
            .then(|| format!("{base}/new")),
        import_url: (crate::admin::imports::takes_imports(resource.name())
            && admin.can(resource.area(), Action::Create))
        .then(|| format!("{base}/import")),
        l,
    })
}

/// The page's rows and scope counts (from the cache when the data has not changed since they
/// were counted under the same filters, or while another request recounts them), and the
/// user's saved views of the list.
async fn load(
    state: &AppState,
    resource: &'static dyn Resource,
    query: &ListQuery,
    user_id: i64,
    tr: Tr,
) -> Result<(ListResult, Vec<SavedView>), AppError> {
    let query = query.clone();
    let cache = state.scope_counts.clone();
    let filters = State::from(&query).filters;
    with_conn(state, move |conn| {
        let key = resource
            .data_version(conn, &query.viewer)?
            .map(|version| (ScopeCounts::key(resource.name(), &filters), version));
        let cached = match &key {
            Some((key, version)) => match cache.get(key, *version) {
                Lookup::Counts(counts) => Some(counts),
                Lookup::Count => None,
            },
            None => None,
        };
        let fresh = cached.is_none();
        let listed = resource.list(conn, &query, &tr, cached);
        match (key, fresh, &listed) {
            (Some((key, version)), true, Ok(listed)) => {
                cache.put(key, version, listed.scope_counts.clone())
            }
            (Some((key, _)), true, Err(_)) => cache.release(&key),
            _ => {}
        }
        let listed = listed?;
        let views = SavedView::for_user(conn, user_id, resource.name())?;
        Ok((listed, views))
    })
    .await
}

/// The scope tabs with their counts under the current filters.
fn scope_links(
    resource: &dyn Resource,
    listed: &ListResult,
    query: &ListQuery,
    tr: &Tr,
    urls: &Urls,
) -> Vec<Link> {
    resource
        .scopes()
        .iter()
        .zip(&listed.scope_counts)
        .map(|(scope, count)| Link {
            label: tr.t(scope.label),
            url: urls.with(|s| {
                s.scope = Some(scope.key);
                s.page = 1;
            }),
            current: scope.key == query.scope,
            count: Some(tr.number(*count)),
        })
        .collect()
}

/// The column headers, each sortable one a link that sorts by it (or turns its order).
fn headers(resource: &dyn Resource, query: &ListQuery, tr: &Tr, urls: &Urls) -> Vec<Header> {
    resource
        .columns()
        .iter()
        .map(|c| {
            let sorted = (c.sortable && c.key == query.sort).then_some(match query.dir {
                Dir::Asc => "asc",
                Dir::Desc => "desc",
            });
            Header {
                label: tr.t(c.label),
                sort_url: c.sortable.then(|| {
                    urls.with(|s| {
                        let dir = if sorted == Some("asc") { Dir::Desc } else { Dir::Asc };
                        s.sort = Some((c.key, dir));
                        s.page = 1;
                    })
                }),
                aria_sort: match sorted {
                    Some("asc") => "ascending",
                    Some(_) => "descending",
                    None => "none",
                },
                sorted,
            }
        })
        .collect()
}

/// The downloads of the filtered set, every page of it.
fn exports(base: &str, query: &ListQuery) -> Vec<(&'static str, String)> {
    let query = State { page: 1, per_page: PER_PAGE_CHOICES[0], ..State::from(query) }.url("");
    ["csv", "xlsx", "json"]
        .into_iter()
        .map(|ext| (ext, format!("{base}/export.{ext}{query}")))
        .collect()
}

/// The user's saved views: (name, URL, delete URL, whether it is the current state).
fn view_links(
    base: &str,
    views: Vec<SavedView>,
    query: &ListQuery,
) -> Vec<(String, String, String, bool)> {
    let current = canonical_query(query);
    views
        .into_iter()
        .map(|v| {
            let selected = v.query == current;
            (
                v.name,
                format!("{base}?{}", v.query),
                format!("{base}/views/{}/delete", v.id),
                selected,
            )
        })
        .collect()
}
