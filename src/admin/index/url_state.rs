//! The index state as URL parameters: links that change one part of it (a scope, a sort, a
//! page) keep the rest, and saved views compare one canonical form.

use crate::admin::resource::{Dir, FilterValue, ListQuery, PER_PAGE_CHOICES, TextOp};

/// The index state as a query string in its one canonical form (first page, declared
/// parameters only): what saved views store and compare.
pub fn canonical_query(query: &ListQuery) -> String {
    let state = State { page: 1, ..State::from(query) };
    url::form_urlencoded::Serializer::new(String::new()).extend_pairs(state.pairs()).finish()
}

/// The index state as URL parameters, to build links that change one part of it.
pub(super) struct State {
    pub(super) scope: Option<&'static str>,
    pub(super) sort: Option<(&'static str, Dir)>,
    pub(super) page: u32,
    pub(super) per_page: u32,
    pub(super) filters: Vec<(String, String)>,
}

impl State {
    pub(super) fn from(q: &ListQuery) -> State {
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

    pub(super) fn pairs(&self) -> Vec<(String, String)> {
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

    pub(super) fn url(&self, base: &str) -> String {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(self.pairs())
            .finish();
        format!("{base}?{query}")
    }

    /// What the filter form resubmits besides its own fields: scope, sort and page size.
    pub(super) fn kept_for_filters(&self) -> Vec<(&'static str, String)> {
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

/// The list's links, each its current state with one part changed.
pub(super) struct Urls<'a> {
    pub(super) query: &'a ListQuery,
    pub(super) base: &'a str,
}

impl Urls<'_> {
    pub(super) fn with(&self, change: impl FnOnce(&mut State)) -> String {
        let mut state = State::from(self.query);
        change(&mut state);
        state.url(self.base)
    }
}
