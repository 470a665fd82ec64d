//! Running a search against the index: filter sets, facet counts, order and pagination.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDateTime;
use roaring::RoaringBitmap;

use super::dimension::Dimension;
use super::facets::{Counts, Facets};
use super::index::{SearchIndex, TextMatches, Window, position, unix};
use super::params::{RADII, SearchParams, Sort};
use crate::models::{EmploymentType, Seniority, Workplace};

/// The filters of a search, each a bit in a posting's failure mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Filter {
    Workplace = 0,
    EmploymentType,
    Seniority,
    Country,
    City,
    Skill,
    Text,
    Salary,
    PostedWithin,
    Company,
    Near,
    Bbox,
}

impl Filter {
    /// Whether the filter has facet counts in the sidebar.
    fn is_facet(self) -> bool {
        matches!(
            self,
            Filter::Workplace
                | Filter::EmploymentType
                | Filter::Seniority
                | Filter::Country
                | Filter::City
                | Filter::Skill
        )
    }

    pub const ALL: [Filter; 12] = [
        Filter::Workplace,
        Filter::EmploymentType,
        Filter::Seniority,
        Filter::Country,
        Filter::City,
        Filter::Skill,
        Filter::Text,
        Filter::Salary,
        Filter::PostedWithin,
        Filter::Company,
        Filter::Near,
        Filter::Bbox,
    ];
}

/// The outcome of a search: the page of ids plus everything the filter sidebar shows.
#[derive(Debug, Clone, Default)]
pub struct SearchResult {
    pub total: usize,
    pub ids: Vec<i64>,
    pub page: u32,
    pub pages: u32,
    pub facets: Facets,
    /// Each active filter, with how many results there would be without it. The count is
    /// known for facet filters always and for the others when there are no results (to offer
    /// dropping one); computing it otherwise would cost a set intersection nobody reads.
    pub without: Vec<(Filter, Option<usize>)>,
    /// With a location search and no results: each wider radius that has results, with how
    /// many.
    pub wider: Vec<(u32, usize)>,
}

pub const PER_PAGE: usize = 20;

impl SearchIndex {
    /// The set of positions a filter admits, or `None` when the filter is not in use.
    pub(super) fn filter_set<'a>(
        &'a self,
        filter: Filter,
        p: &SearchParams,
        text: Option<&'a TextMatches>,
        now: i64,
    ) -> Option<Cow<'a, RoaringBitmap>> {
        let p_ = &self.postings;
        let one = |set: Option<&'a RoaringBitmap>| Cow::Borrowed(set.unwrap_or(&*EMPTY));
        Some(match filter {
            Filter::Workplace => {
                Cow::Borrowed(&p_.workplace.sets[position(Workplace::ALL, &p.workplace?) as usize])
            }
            Filter::EmploymentType => Cow::Borrowed(
                &p_.employment_type.sets
                    [position(EmploymentType::ALL, &p.employment_type?) as usize],
            ),
            Filter::Seniority => {
                Cow::Borrowed(&p_.seniority.sets[position(Seniority::ALL, &p.seniority?) as usize])
            }
            // A country no posting names still has the remote roles open anywhere.
            Filter::Country => Cow::Borrowed(match self.country_by_code.get(p.country.as_ref()?) {
                Some(c) => &p_.country.sets[*c as usize],
                None => &p_.country.everywhere,
            }),
            Filter::City => one(self
                .city_by_key
                .get(&crate::models::place::name_key(p.city.as_ref()?))
                .map(|c| &p_.city.sets[*c as usize])),
            Filter::Company => {
                one(self.company_by_slug.get(p.company.as_ref()?).map(|c| &p_.company[*c as usize]))
            }
            // Several skills widen the search: a posting needs any one of them.
            Filter::Skill if p.skills.is_empty() => return None,
            Filter::Skill => Cow::Owned(
                p.skills
                    .iter()
                    .filter_map(|s| self.skill_by_slug.get(s))
                    .map(|s| &p_.skill.sets[*s as usize])
                    .fold(RoaringBitmap::new(), |mut all, set| {
                        all |= set;
                        all
                    }),
            ),
            Filter::Text if p.q.trim().is_empty() => return None,
            Filter::Text => one(text.map(|t| &t.docs)),
            Filter::Salary => {
                let min = p.salary_min?;
                Cow::Owned(
                    (0..self.len())
                        .filter(|i| self.columns.salary_eur[*i] >= min)
                        .map(|i| i as u32)
                        .collect(),
                )
            }
            Filter::PostedWithin => {
                let after = now - p.posted_within? * 86_400;
                // Positions are newest first: the recent postings are a prefix.
                let recent = self.columns.published.partition_point(|at| *at >= after);
                let mut set = RoaringBitmap::new();
                set.insert_range(0..recent as u32);
                Cow::Owned(set)
            }
            Filter::Near => {
                let centre = self.locate(p.near.as_ref()?)?;
                Cow::Owned(self.near(centre, p.radius_km(), p.include_remote).set.clone())
            }
            Filter::Bbox => Cow::Owned(self.by_latitude.inside(p.bbox.as_ref()?)),
        })
    }

    /// Runs a search. `text` holds the text query's matches when the parameters have one.
    pub fn search(
        &self,
        params: &SearchParams,
        text: Option<&TextMatches>,
        now: NaiveDateTime,
        per_page: usize,
    ) -> SearchResult {
        let now = unix(now);
        let window = self.window_at(now);
        // The page and the sort change nothing of the results and counts.
        let filters = SearchParams { page: 1, sort: None, ..params.clone() };
        // A "posted within" filter moves with the clock.
        let moving = params.posted_within.map_or(0, |_| now);
        let key = format!("{moving}:{}:{filters:?}", text.is_some());
        let found = self.found_memo.get_or(key, &window, || self.find(params, text, &window, now));
        let result = &found.result;
        let total = result.len() as usize;
        let pages = total.div_ceil(per_page).max(1) as u32;
        let page = params.page.clamp(1, pages);
        let start = (page as usize - 1) * per_page;
        // Positions are newest first, and the sorts are stable: ties stay newest first.
        let order: Vec<u32> = match params.effective_sort() {
            Sort::Newest => result.iter().skip(start).take(per_page).collect(),
            Sort::Relevance => found.page(&found.by_relevance, start, per_page, |from, n| {
                let all = text.map_or_else(
                    || result.iter().map(|i| (0.0, i)).collect(),
                    |t| t.scored(result),
                );
                page_of(all, from, n, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)))
                    .into_iter()
                    .map(|(_, i)| i)
                    .collect()
            }),
            Sort::Salary => found.page(&found.by_salary, start, per_page, |from, n| {
                let salary = &self.columns.salary_eur;
                let all: Vec<(i64, u32)> = result.iter().map(|i| (salary[i as usize], i)).collect();
                page_of(all, from, n, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)))
                    .into_iter()
                    .map(|(_, i)| i)
                    .collect()
            }),
            Sort::Distance => match params.near.as_ref().and_then(|near| self.locate(near)) {
                Some(centre) => {
                    let near = self.near(centre, params.radius_km(), params.include_remote);
                    self.page_by_distance(&near, result, start, per_page)
                }
                None => result.iter().skip(start).take(per_page).collect(),
            },
        };
        SearchResult {
            total,
            ids: order.iter().map(|i| self.columns.id[*i as usize]).collect(),
            page,
            pages,
            facets: found.counts.clone().into_facets(self, params),
            without: found.without.clone(),
            wider: found.wider.clone(),
        }
    }

    /// What a search finds whatever its page and sort.
    fn find(
        &self,
        params: &SearchParams,
        text: Option<&TextMatches>,
        window: &Window,
        now: i64,
    ) -> Found {
        let active: Vec<(Filter, Cow<RoaringBitmap>)> = Filter::ALL
            .into_iter()
            .filter_map(|f| self.filter_set(f, params, text, now).map(|set| (f, set)))
            .collect();
        // For each active facet filter, the postings matching all the other filters: its
        // facet counts. The results are those of them that also match it.
        let all_but = |k: usize| {
            let rest = active
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .map(|(_, (_, set))| set.as_ref());
            intersect(window, rest)
        };
        let mut others: HashMap<Filter, RoaringBitmap> = HashMap::new();
        for (k, (filter, _)) in active.iter().enumerate().filter(|(_, (f, _))| f.is_facet()) {
            others.insert(*filter, all_but(k));
        }
        let result = match active.iter().find(|(f, _)| others.contains_key(f)) {
            Some((filter, set)) => &others[filter] & set.as_ref(),
            None => intersect(window, active.iter().map(|(_, set)| set.as_ref())),
        };
        // How many results there would be without each filter: shown only when there are none.
        let without = active
            .iter()
            .enumerate()
            .map(|(k, (filter, _))| {
                let n = match others.get(filter) {
                    Some(set) => Some(set.len()),
                    None if result.is_empty() => Some(all_but(k).len()),
                    None => None,
                };
                (*filter, n.map(|n| n as usize))
            })
            .collect();
        let counts = self.counts(|f| others.get(&f).unwrap_or(&result));
        let wider = match active.iter().position(|(f, _)| *f == Filter::Near) {
            Some(k) if result.is_empty() => {
                let centre = params.near.as_ref().and_then(|near| self.locate(near));
                let rest = all_but(k);
                RADII
                    .into_iter()
                    .filter(|r| *r > params.radius_km())
                    .filter_map(|r| {
                        let near = self.near(centre?, r, params.include_remote);
                        let n = near.set.intersection_len(&rest);
                        (n > 0).then_some((r, n as usize))
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        Found {
            result,
            counts,
            without,
            wider,
            by_relevance: OnceLock::new(),
            by_salary: OnceLock::new(),
        }
    }
}

/// What a search finds whatever its page and sort (kept in `SearchIndex::found_memo`).
#[derive(Debug)]
pub(super) struct Found {
    result: RoaringBitmap,
    counts: Counts,
    without: Vec<(Filter, Option<usize>)>,
    wider: Vec<(u32, usize)>,
    /// The first results in each sort that is not the index's own order, once a search asks.
    by_relevance: OnceLock<Vec<u32>>,
    by_salary: OnceLock<Vec<u32>>,
}

/// Results kept in order per sort: 50 pages of 20, in 4 KB.
const KEPT_IN_ORDER: usize = 1_000;

impl Found {
    /// Results `start..start + n` in a sort, from the first ones kept in `first` when the page
    /// is among them; `sorted(from, n)` sorts (a selection of) the results.
    fn page(
        &self,
        first: &OnceLock<Vec<u32>>,
        start: usize,
        n: usize,
        sorted: impl Fn(usize, usize) -> Vec<u32>,
    ) -> Vec<u32> {
        let first = first.get_or_init(|| sorted(0, KEPT_IN_ORDER));
        if start + n <= first.len() || first.len() as u64 == self.result.len() {
            first.iter().skip(start).take(n).copied().collect()
        } else {
            sorted(start, n)
        }
    }
}

impl SearchIndex {
    /// Ids of the open postings matching `params` and published at or after `since`, newest
    /// first, at most `limit`: what a job alert's digest looks at. The filters are the
    /// search page's own; `text` must hold the text query's matches when there is one.
    pub fn matches_since(
        &self,
        params: &SearchParams,
        text: Option<&TextMatches>,
        now: NaiveDateTime,
        since: NaiveDateTime,
        limit: usize,
    ) -> Vec<i64> {
        let now = unix(now);
        let window = self.window_at(now);
        let sets: Vec<Cow<RoaringBitmap>> =
            Filter::ALL.into_iter().filter_map(|f| self.filter_set(f, params, text, now)).collect();
        let result = intersect(&window, sets.iter().map(|s| s.as_ref()));
        // Positions are newest first: the postings published since then are a prefix.
        let since = unix(since);
        let recent = self.columns.published.partition_point(|at| *at >= since) as u32;
        result
            .iter()
            .take_while(|i| *i < recent)
            .take(limit)
            .map(|i| self.columns.id[i as usize])
            .collect()
    }

    /// Facet counts, each dimension's counted over `base(its filter)`.
    fn counts<'a>(&self, base: impl Fn(Filter) -> &'a RoaringBitmap) -> Counts {
        let n = self.len();
        let count = |f: Filter, dimension: &Dimension| dimension.count(base(f), n);
        let p = &self.postings;
        Counts {
            workplace: count(Filter::Workplace, &p.workplace).try_into().unwrap_or_default(),
            employment_type: count(Filter::EmploymentType, &p.employment_type)
                .try_into()
                .unwrap_or_default(),
            seniority: count(Filter::Seniority, &p.seniority).try_into().unwrap_or_default(),
            country: count(Filter::Country, &p.country),
            city: count(Filter::City, &p.city),
            skill: count(Filter::Skill, &p.skill),
        }
    }
}

/// The intersection of `all` and `sets`, smallest first so that each step shrinks the work.
pub(super) fn intersect<'a>(
    window: &Window,
    sets: impl Iterator<Item = &'a RoaringBitmap>,
) -> RoaringBitmap {
    let mut sets: Vec<&RoaringBitmap> = sets.collect();
    sets.sort_by_key(|s| s.len());
    let Some((first, rest)) = sets.split_first() else {
        return window.open.clone();
    };
    let mut result = (*first).clone();
    for set in rest {
        result &= *set;
    }
    // Few postings are closed: removing them is cheaper than intersecting with the open ones.
    result -= &window.closed;
    result
}

static EMPTY: std::sync::LazyLock<RoaringBitmap> = std::sync::LazyLock::new(RoaringBitmap::new);

/// Items `start..start + n` of `all` sorted by `order` (a total order, positions breaking ties
/// so that it is the stable sort's): a selection, then a sort of that page and those before
/// it, rather than a sort of every result (a million on a large board).
fn page_of<T>(
    mut all: Vec<T>,
    start: usize,
    n: usize,
    order: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> Vec<T> {
    let end = (start + n).min(all.len());
    if start >= end {
        return Vec::new();
    }
    if end < all.len() {
        all.select_nth_unstable_by(end - 1, &order);
        all.truncate(end);
    }
    all.sort_unstable_by(&order);
    all.split_off(start)
}

#[cfg(test)]
mod tests {
    use super::page_of;

    #[test]
    fn a_page_is_the_slice_a_full_stable_sort_gives() {
        // Scores with many ties, positions in order as a search's results are.
        let all: Vec<(i64, u32)> = (0..500u32).map(|i| ((i as i64 * 37) % 11, i)).collect();
        let mut sorted = all.clone();
        sorted.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
        for (start, n) in [(0, 20), (20, 20), (480, 20), (490, 20), (500, 20), (0, 1000)] {
            let page = page_of(all.clone(), start, n, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let expected: Vec<(i64, u32)> = sorted.iter().skip(start).take(n).copied().collect();
            assert_eq!(page, expected, "page from {start}");
        }
    }
}
