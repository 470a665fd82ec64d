//! `GET /admin/{resource}`: the generic index page: scopes with counts, sortable columns, a
//! filter sidebar, per-page choice and pagination, all kept in the URL.

use actix_web::{HttpRequest, web};
use askama::Template;
use askama_web::WebTemplate;

use super::layout::here;
use super::resource::{
    Cell, Dir, FilterKind, FilterValue, ListQuery, PER_PAGE_CHOICES, TextOp, parse_list_query,
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

pub struct CellView {
    pub text: String,
    pub url: Option<String>,
    pub status: Option<&'static str>,
    pub numeric: bool,
    pub code: bool,
    pub image: Option<String>,
    /// A date or time: kept on one line.
    pub date: bool,
    /// Shown as these paragraphs instead of `text`.
    pub paragraphs: Vec<String>,
    /// Translation states instead of `text`: (language code, state, label).
    pub translations: Vec<(&'static str, &'static str, String)>,
}

pub struct RowView {
    pub id: i64,
    pub cells: Vec<CellView>,
}

pub struct OptionView {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct FilterView {
    pub key: &'static str,
    pub label: String,
    /// text, select, boolean, date, number or association.
    pub kind: &'static str,
    pub value: String,
    pub options: Vec<OptionView>,
    pub from: String,
    pub to: String,
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
    pub links: Vec<(&'static str, String)>,
    pub collection_actions: Vec<super::resource::MemberAction>,
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
    let tr = admin.tr;
    let query = parse_list_query(resource, req.query_string(), &tr, admin.viewer());
    let user_id = admin.user.id;
    let (listed, views) = {
        let query = query.clone();
        let cache = state.scope_counts.clone();
        let filters = State::from(&query).filters;
        with_conn(&state, move |conn| {
            let key = resource
                .data_version(conn, &query.viewer)?
                .map(|version| ScopeCounts::key(resource.name(), version, &filters));
            let cached = key.as_ref().and_then(|k| cache.get(k));
            let fresh = cached.is_none();
            let listed = resource.list(conn, &query, &tr, cached)?;
            if let (Some(key), true) = (key, fresh) {
                cache.put(key, listed.scope_counts.clone());
            }
            let views = SavedView::for_user(conn, user_id, resource.name())?;
            Ok((listed, views))
        })
        .await?
    };
    let total = listed.total(resource, &query);
    let title = tr.t(resource.title());
    let mut l = AdminLayout::new(&admin, resource.name(), title.clone(), vec![here(title)]);
    l.here = format!("/admin/{}?{}", resource.name(), req.query_string());
    let base = format!("/admin/{}", resource.name());
    let url_with = |change: &dyn Fn(&mut State)| {
        let mut s = State::from(&query);
        change(&mut s);
        s.url(&base)
    };
    let scopes = resource
        .scopes()
        .iter()
        .zip(&listed.scope_counts)
        .map(|(scope, count)| Link {
            label: tr.t(scope.label),
            url: url_with(&|s| {
                s.scope = Some(scope.key);
                s.page = 1;
            }),
            current: scope.key == query.scope,
            count: Some(tr.number(*count)),
        })
        .collect();
    let headers = resource
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
                    url_with(&|s| {
                        let dir = if sorted == Some("asc") {
                            Dir::Desc
                        } else {
                            Dir::Asc
                        };
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
        .collect();
    let rows = listed
        .rows
        .into_iter()
        .map(|row| RowView {
            id: row.id,
            cells: row.cells.into_iter().map(|c| cell_view(c, &tr)).collect(),
        })
        .collect();
    let filters = resource
        .filters(&tr)
        .into_iter()
        .map(|def| {
            let current = query.filter(def.key);
            let mut view = FilterView {
                key: def.key,
                label: tr.t(def.label),
                kind: "text",
                value: String::new(),
                options: Vec::new(),
                from: String::new(),
                to: String::new(),
            };
            match def.kind {
                FilterKind::Text => {
                    let (op, value) = match current {
                        Some(FilterValue::Text(op, v)) => (*op, v.clone()),
                        _ => (TextOp::Contains, String::new()),
                    };
                    view.value = value;
                    view.options = TextOp::ALL
                        .iter()
                        .map(|o| OptionView {
                            value: o.as_str().into(),
                            label: tr.t(&format!("admin-filter-op-{}", o.as_str())),
                            selected: *o == op,
                        })
                        .collect();
                }
                FilterKind::Select(values) => {
                    view.kind = "select";
                    let chosen = match current {
                        Some(FilterValue::Select(v)) => v.as_str(),
                        _ => "",
                    };
                    view.options = values
                        .into_iter()
                        .map(|(value, label)| OptionView {
                            selected: value == chosen,
                            value: value.into(),
                            label,
                        })
                        .collect();
                }
                FilterKind::Boolean => {
                    view.kind = "boolean";
                    let chosen = match current {
                        Some(FilterValue::Boolean(true)) => "true",
                        Some(FilterValue::Boolean(false)) => "false",
                        _ => "",
                    };
                    view.options = [("true", "admin-filter-yes"), ("false", "admin-filter-no")]
                        .into_iter()
                        .map(|(value, label)| OptionView {
                            value: value.into(),
                            label: tr.t(label),
                            selected: value == chosen,
                        })
                        .collect();
                }
                FilterKind::DateRange => {
                    view.kind = "date";
                    if let Some(FilterValue::DateRange(from, to)) = current {
                        view.from = from.map(|d| d.to_string()).unwrap_or_default();
                        view.to = to.map(|d| d.to_string()).unwrap_or_default();
                    }
                }
                FilterKind::NumberRange => {
                    view.kind = "number";
                    if let Some(FilterValue::NumberRange(min, max)) = current {
                        view.from = min.map(|n| n.to_string()).unwrap_or_default();
                        view.to = max.map(|n| n.to_string()).unwrap_or_default();
                    }
                }
                FilterKind::Association => {
                    view.kind = "association";
                    if let Some(FilterValue::Association(v)) = current {
                        view.value = v.clone();
                    }
                }
            }
            view
        })
        .collect();
    let pages_total = ((total.max(0) as u64).div_ceil(query.per_page as u64)).max(1) as u32;
    let page = query.page.min(pages_total);
    let page_url = |n: u32| url_with(&|s| s.page = n);
    let pages = crate::web::search_links::pagination_window(page, pages_total)
        .into_iter()
        .map(|n| Link {
            label: n.map(|n| tr.number(n as i64)).unwrap_or_else(|| "…".into()),
            url: n.map(page_url).unwrap_or_default(),
            current: n == Some(page),
            count: None,
        })
        .collect();
    let kept = State::from(&query).kept_for_filters();
    let kept_for_per_page = State {
        per_page: PER_PAGE_CHOICES[0],
        page: 1,
        ..State::from(&query)
    }
    .pairs();
    Ok(IndexPage {
        resource: resource.name(),
        scopes,
        headers,
        rows,
        filters,
        kept,
        kept_for_per_page,
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
        pages,
        clear_url: (!query.filters.is_empty()).then(|| {
            let mut s = State::from(&query);
            s.filters.clear();
            s.page = 1;
            s.url(&base)
        }),
        batch_actions: resource
            .batch_actions()
            .iter()
            .filter(|a| admin.can(resource.area(), a.needs))
            .map(|a| OptionView {
                value: a.key.to_owned(),
                label: tr.t(a.label),
                selected: false,
            })
            .collect(),
        here: l.here.clone(),
        exports: if resource.export_columns().is_empty() {
            Vec::new()
        } else {
            let query = State {
                page: 1,
                per_page: PER_PAGE_CHOICES[0],
                ..State::from(&query)
            }
            .url("");
            ["csv", "xlsx", "json"]
                .into_iter()
                .map(|ext| (ext, format!("{base}/export.{ext}{query}")))
                .collect()
        },
        links: resource.index_links(req.query_string()),
        collection_actions: resource
            .collection_actions()
            .into_iter()
            .filter(|a| admin.can(resource.area(), a.needs))
            .collect(),
        views: {
            let current = canonical_query(&query);
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
        },
        current_query: canonical_query(&query),
        new_url: (resource.creatable() && admin.can(resource.area(), Action::Create))
            .then(|| format!("{base}/new")),
        l,
    })
}

pub fn cell_view(cell: Cell, tr: &Tr) -> CellView {
    let plain = |text: String| CellView {
        text,
        url: None,
        status: None,
        numeric: false,
        code: false,
        image: None,
        date: false,
        paragraphs: Vec::new(),
        translations: Vec::new(),
    };
    let date = |text: String| CellView {
        date: true,
        ..plain(text)
    };
    match cell {
        Cell::Text(t) => plain(t),
        Cell::Link(t, url) => CellView {
            url: Some(url),
            ..plain(t)
        },
        Cell::Status(kind, label) => CellView {
            status: Some(kind),
            ..plain(label)
        },
        Cell::Date(d) => date(d.map(|d| tr.date(&d)).unwrap_or_default()),
        Cell::DateTime(d) => date(d.map(|d| tr.date_time(&d)).unwrap_or_default()),
        Cell::Email(address) => CellView {
            url: Some(mailto(&address)),
            ..plain(address)
        },
        Cell::Translations(states) => CellView {
            translations: states
                .into_iter()
                .map(|(locale, state)| {
                    (
                        locale.as_str(),
                        state.as_str(),
                        tr.t(&format!("admin-translation-{}", state.as_str())),
                    )
                })
                .collect(),
            ..plain(String::new())
        },
        Cell::Paragraphs(text) => CellView {
            paragraphs: crate::web::view::paragraphs(&text),
            ..plain(text)
        },
        Cell::Code(text) => CellView {
            code: true,
            ..plain(text)
        },
        Cell::Number(n) => CellView {
            numeric: true,
            ..plain(n.map(|n| tr.number(n)).unwrap_or_default())
        },
        Cell::Image(image) => match image {
            Some((url, alt)) => CellView {
                image: Some(url),
                ..plain(alt)
            },
            None => plain(String::new()),
        },
        Cell::Bool(b) => plain(tr.t(if b {
            "admin-filter-yes"
        } else {
            "admin-filter-no"
        })),
    }
}

/// A `mailto:` address for `address`, every character but the address's own ones
/// percent-encoded: a stored `?` or `&` cannot add a subject, a body or more recipients.
fn mailto(address: &str) -> String {
    let mut out = String::from("mailto:");
    for byte in address.bytes() {
        if byte.is_ascii_alphanumeric() || b"@.-_+".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The index state as a query string in its one canonical form (first page, declared
/// parameters only): what saved views store and compare.
pub fn canonical_query(query: &ListQuery) -> String {
    let state = State {
        page: 1,
        ..State::from(query)
    };
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(state.pairs())
        .finish()
}

/// Scope counts by resource, data version and filters. Counting scans the filtered rows (a
/// few milliseconds at 10,000 postings); the version changes with every write, so a cached
/// count is never stale.
#[derive(Clone)]
pub struct ScopeCounts(std::sync::Arc<std::sync::Mutex<lru::LruCache<String, Vec<i64>>>>);

impl Default for ScopeCounts {
    fn default() -> ScopeCounts {
        const ENTRIES: std::num::NonZeroUsize = std::num::NonZeroUsize::new(512).unwrap();
        ScopeCounts(std::sync::Arc::new(std::sync::Mutex::new(
            lru::LruCache::new(ENTRIES),
        )))
    }
}

impl ScopeCounts {
    fn key(resource: &str, version: i64, filters: &[(String, String)]) -> String {
        let filters = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(filters)
            .finish();
        format!("{resource}:{version}:{filters}")
    }

    fn get(&self, key: &str) -> Option<Vec<i64>> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(key)
            .cloned()
    }

    fn put(&self, key: String, counts: Vec<i64>) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .put(key, counts);
    }
}

/// The index state as URL parameters, to build links that change one part of it.
struct State {
    scope: Option<&'static str>,
    sort: Option<(&'static str, Dir)>,
    page: u32,
    per_page: u32,
    filters: Vec<(String, String)>,
}

impl State {
    fn from(q: &ListQuery) -> State {
        let mut filters = Vec::new();
        for (key, value) in &q.filters {
            match value {
                FilterValue::Text(op, v) => {
                    filters.push((key.to_string(), v.clone()));
                    if *op != TextOp::Contains {
                        filters.push((format!("{key}_op"), op.as_str().into()));
                    }
                }
                FilterValue::Select(v) | FilterValue::Association(v) => {
                    filters.push((key.to_string(), v.clone()))
                }
                FilterValue::Boolean(b) => filters.push((key.to_string(), b.to_string())),
                FilterValue::DateRange(from, to) => {
                    if let Some(d) = from {
                        filters.push((format!("{key}_from"), d.to_string()));
                    }
                    if let Some(d) = to {
                        filters.push((format!("{key}_to"), d.to_string()));
                    }
                }
                FilterValue::NumberRange(min, max) => {
                    if let Some(n) = min {
                        filters.push((format!("{key}_min"), n.to_string()));
                    }
                    if let Some(n) = max {
                        filters.push((format!("{key}_max"), n.to_string()));
                    }
                }
            }
        }
        State {
            scope: Some(q.scope),
            sort: Some((q.sort, q.dir)),
            page: q.page,
            per_page: q.per_page,
            filters,
        }
    }

    fn pairs(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if let Some(scope) = self.scope {
            out.push(("scope".into(), scope.into()));
        }
        out.extend(self.filters.iter().cloned());
        if let Some((key, dir)) = self.sort {
            out.push((
                "sort".into(),
                match dir {
                    Dir::Asc => key.to_owned(),
                    Dir::Desc => format!("-{key}"),
                },
            ));
        }
        if self.per_page != PER_PAGE_CHOICES[0] {
            out.push(("per_page".into(), self.per_page.to_string()));
        }
        if self.page > 1 {
            out.push(("page".into(), self.page.to_string()));
        }
        out
    }

    fn url(&self, base: &str) -> String {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(self.pairs())
            .finish();
        format!("{base}?{query}")
    }

    /// What the filter form resubmits besides its own fields: scope, sort and page size.
    fn kept_for_filters(&self) -> Vec<(&'static str, String)> {
        let mut kept = Vec::new();
        if let Some(scope) = self.scope {
            kept.push(("scope", scope.to_owned()));
        }
        if let Some((key, dir)) = self.sort {
            kept.push((
                "sort",
                match dir {
                    Dir::Asc => key.to_owned(),
                    Dir::Desc => format!("-{key}"),
                },
            ));
        }
        kept
    }
}

#[cfg(test)]
mod mailto_tests {
    #[test]
    fn a_stored_address_cannot_add_headers_to_its_mail_link() {
        assert_eq!(
            super::mailto("a.b+c@example.org"),
            "mailto:a.b+c@example.org"
        );
        assert_eq!(
            super::mailto("x@example.org?bcc=y@evil.example&body=hi"),
            "mailto:x@example.org%3Fbcc%3Dy@evil.example%26body%3Dhi"
        );
    }
}
