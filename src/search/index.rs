//! An in-memory index of the published postings' filterable fields. The database stays the
//! truth; this is derived from it and rebuilt when it changes, so that filtering and facet
//! counting cost microseconds instead of a handful of GROUP BY queries per request.
//!
//! Fields are stored column by column (one vector per field, postings newest first): a search
//! reads every posting, and compact columns keep that walk in the CPU cache.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::facets::{Counts, Facets};
use super::params::{SearchParams, Sort};
use super::salary::yearly_eur;
use crate::models::job::IndexRow;
use crate::models::skill::Skill;
use crate::models::{EmploymentType, Seniority, Workplace};

/// Variable-length lists per posting, flattened: row `i` is `values[offsets[i]..offsets[i + 1]]`.
#[derive(Debug)]
pub(super) struct Ragged<T> {
    offsets: Vec<u32>,
    values: Vec<T>,
}

impl<T> Default for Ragged<T> {
    fn default() -> Self {
        Ragged {
            offsets: vec![0],
            values: Vec::new(),
        }
    }
}

impl<T> Ragged<T> {
    fn push(&mut self, row: impl IntoIterator<Item = T>) {
        self.values.extend(row);
        self.offsets.push(self.values.len() as u32);
    }

    pub(super) fn row(&self, i: usize) -> &[T] {
        &self.values[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
}

const NO_CITY: u32 = u32::MAX;

/// The published postings, one entry per posting in each vector.
#[derive(Debug, Default)]
pub(super) struct Columns {
    id: Vec<i64>,
    slug: Vec<String>,
    updated_at: Vec<NaiveDateTime>,
    /// Unix seconds.
    published: Vec<i64>,
    /// Unix seconds of `valid_through`, `i64::MAX` when open-ended.
    closes: Vec<i64>,
    pub(super) workplace: Vec<u8>,
    pub(super) employment_type: Vec<u8>,
    pub(super) seniority: Vec<u8>,
    city: Vec<u32>,
    company: Vec<u32>,
    /// Yearly salary in euros (top of the range), -1 when not published.
    salary_eur: Vec<i64>,
    /// Remote roles open to applicants anywhere.
    pub(super) anywhere: Vec<bool>,
    /// Countries the posting is available in: its office's and, for remote roles, those it
    /// is open to.
    pub(super) countries: Ragged<u16>,
    pub(super) skills: Ragged<u32>,
}

impl Columns {
    pub(super) fn city(&self, i: usize) -> Option<u32> {
        Some(self.city[i]).filter(|c| *c != NO_CITY)
    }
}

/// The filters of a search, each a bit in a posting's failure mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

impl Filter {
    const ALL: [Filter; 10] = [
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
    /// For each active filter, how many results there would be without it.
    pub without: Vec<(Filter, usize)>,
}

pub const PER_PAGE: usize = 20;

/// Relevance of each posting (by position in the index) for one text query; 0 = no match.
pub type TextScores = Vec<f32>;

#[derive(Debug, Default)]
pub struct SearchIndex {
    /// The `search_state.version` this index was built from.
    pub version: i64,
    pub(super) columns: Columns,
    position: HashMap<i64, u32>,
    pub(super) skills: Vec<(String, String)>,
    skill_by_slug: HashMap<String, u32>,
    pub(super) cities: Vec<String>,
    city_by_key: HashMap<String, u32>,
    pub(super) countries: Vec<String>,
    country_by_code: HashMap<String, u16>,
    companies: Vec<String>,
    company_by_slug: HashMap<String, u32>,
}

fn intern<V: Copy + TryFrom<usize>>(
    list: &mut Vec<String>,
    map: &mut HashMap<String, V>,
    key: String,
    shown: &str,
) -> V
where
    <V as TryFrom<usize>>::Error: std::fmt::Debug,
{
    *map.entry(key).or_insert_with(|| {
        list.push(shown.to_owned());
        V::try_from(list.len() - 1).expect("fewer distinct values than the index type holds")
    })
}

fn position<T: PartialEq>(all: &[T], value: &T) -> u8 {
    all.iter().position(|v| v == value).unwrap_or(0) as u8
}

fn unix(d: NaiveDateTime) -> i64 {
    d.and_utc().timestamp()
}

impl SearchIndex {
    pub fn build(version: i64, mut rows: Vec<IndexRow>, skills: Vec<Skill>) -> SearchIndex {
        let mut index = SearchIndex {
            version,
            ..Default::default()
        };
        let skill_pos: HashMap<i64, u32> = skills
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                index.skill_by_slug.insert(s.slug.clone(), i as u32);
                index.skills.push((s.slug, s.name));
                (s.id, i as u32)
            })
            .collect();
        rows.sort_by(|a, b| b.published_at.cmp(&a.published_at).then(b.id.cmp(&a.id)));
        for row in rows {
            let c = &mut index.columns;
            index.position.insert(row.id, c.id.len() as u32);
            let city = match &row.city {
                Some(name) => intern(
                    &mut index.cities,
                    &mut index.city_by_key,
                    name.to_lowercase(),
                    name,
                ),
                None => NO_CITY,
            };
            let remote = row.workplace == Workplace::Remote;
            let mut countries: Vec<u16> = Vec::new();
            let codes = row.country_code.iter().chain(if remote {
                row.remote_countries.iter()
            } else {
                [].iter()
            });
            for code in codes {
                let code = code.to_ascii_uppercase();
                let id = intern(
                    &mut index.countries,
                    &mut index.country_by_code,
                    code.clone(),
                    &code,
                );
                if !countries.contains(&id) {
                    countries.push(id);
                }
            }
            let company = intern(
                &mut index.companies,
                &mut index.company_by_slug,
                row.company_slug.clone(),
                &row.company_slug,
            );
            c.id.push(row.id);
            c.slug.push(row.slug);
            c.updated_at.push(row.updated_at);
            c.published.push(unix(row.published_at));
            c.closes.push(row.valid_through.map_or(i64::MAX, unix));
            c.workplace.push(position(Workplace::ALL, &row.workplace));
            c.employment_type
                .push(position(EmploymentType::ALL, &row.employment_type));
            c.seniority.push(position(Seniority::ALL, &row.seniority));
            c.city.push(city);
            c.company.push(company);
            c.salary_eur
                .push(row.salary.as_ref().and_then(yearly_eur).unwrap_or(-1));
            c.anywhere.push(remote && row.remote_countries.is_empty());
            c.countries.push(countries);
            c.skills.push(
                row.skills
                    .iter()
                    .filter_map(|id| skill_pos.get(id).copied()),
            );
        }
        index
    }

    fn len(&self) -> usize {
        self.columns.id.len()
    }

    fn is_open(&self, i: usize, now: i64) -> bool {
        self.columns.closes[i] > now
    }

    /// Open postings (published and not past their closing date) at `now`.
    pub fn open_count(&self, now: NaiveDateTime) -> usize {
        let now = unix(now);
        (0..self.len()).filter(|i| self.is_open(*i, now)).count()
    }

    /// The number of companies with at least one open posting.
    pub fn hiring_companies(&self, now: NaiveDateTime) -> usize {
        let now = unix(now);
        let mut seen = vec![false; self.companies.len()];
        for i in (0..self.len()).filter(|i| self.is_open(*i, now)) {
            seen[self.columns.company[i] as usize] = true;
        }
        seen.into_iter().filter(|s| *s).count()
    }

    /// Turns a text query's matches into scores by index position.
    pub fn text_scores(&self, hits: impl IntoIterator<Item = (i64, f64)>) -> TextScores {
        let mut scores = vec![0.0; self.len()];
        for (id, score) in hits {
            if let Some(i) = self.position.get(&id) {
                scores[*i as usize] = score.max(f64::from(f32::MIN_POSITIVE)) as f32;
            }
        }
        scores
    }

    /// Runs a search. `text` holds the text query's scores when the parameters have one.
    pub fn search(
        &self,
        params: &SearchParams,
        text: Option<&[f32]>,
        now: NaiveDateTime,
        per_page: usize,
    ) -> SearchResult {
        let c = &self.columns;
        let wanted = Wanted::resolve(self, params, now);
        let now = unix(now);
        let mut counts = Counts::new(self);
        let mut without = [0usize; Filter::ALL.len()];
        let mut matches: Vec<u32> = Vec::new();
        for i in 0..self.len() {
            if !self.is_open(i, now) {
                continue;
            }
            let mask = wanted.failures(c, i, text);
            if mask == 0 {
                matches.push(i as u32);
                counts.add_all(c, i);
            } else if mask.is_power_of_two() {
                let filter = Filter::ALL[mask.trailing_zeros() as usize];
                without[filter as usize] += 1;
                counts.add_one(c, i, filter);
            }
        }
        // Postings are newest first, and the sorts are stable: ties stay newest first.
        match params.effective_sort() {
            Sort::Newest => {}
            Sort::Relevance => {
                let score = |i: &u32| text.map_or(0.0, |t| t[*i as usize]);
                matches.sort_by(|a, b| score(b).total_cmp(&score(a)));
            }
            Sort::Salary => matches.sort_by_key(|i| std::cmp::Reverse(c.salary_eur[*i as usize])),
        }
        let total = matches.len();
        let pages = total.div_ceil(per_page).max(1) as u32;
        let page = params.page.clamp(1, pages);
        let start = (page as usize - 1) * per_page;
        let ids = matches
            .iter()
            .skip(start)
            .take(per_page)
            .map(|i| c.id[*i as usize])
            .collect();
        let without = wanted
            .active()
            .into_iter()
            .map(|f| (f, total + without[f as usize]))
            .collect();
        SearchResult {
            total,
            ids,
            page,
            pages,
            facets: counts.into_facets(self, params),
            without,
        }
    }

    /// Slug and last change of every open posting, newest first (for sitemaps).
    pub fn open_postings(&self, now: NaiveDateTime) -> impl Iterator<Item = (&str, NaiveDateTime)> {
        let now = unix(now);
        (0..self.len())
            .filter(move |i| self.is_open(*i, now))
            .map(|i| (self.columns.slug[i].as_str(), self.columns.updated_at[i]))
    }

    /// Slugs of the companies with published postings.
    pub fn company_slugs(&self) -> &[String] {
        &self.companies
    }
}

/// The parameters resolved against the index's interned values. `Some(None)` stands for a
/// value the index does not know, which no posting matches.
struct Wanted {
    workplace: Option<u8>,
    employment_type: Option<u8>,
    seniority: Option<u8>,
    country: Option<Option<u16>>,
    city: Option<Option<u32>>,
    skills: Option<Vec<u32>>,
    text: bool,
    salary_min: Option<i64>,
    posted_after: Option<i64>,
    company: Option<Option<u32>>,
}

impl Wanted {
    fn resolve(index: &SearchIndex, p: &SearchParams, now: NaiveDateTime) -> Wanted {
        Wanted {
            workplace: p.workplace.map(|w| position(Workplace::ALL, &w)),
            employment_type: p.employment_type.map(|w| position(EmploymentType::ALL, &w)),
            seniority: p.seniority.map(|w| position(Seniority::ALL, &w)),
            country: p
                .country
                .as_ref()
                .map(|c| index.country_by_code.get(c).copied()),
            city: p
                .city
                .as_ref()
                .map(|c| index.city_by_key.get(&c.to_lowercase()).copied()),
            skills: (!p.skills.is_empty()).then(|| {
                p.skills
                    .iter()
                    .filter_map(|s| index.skill_by_slug.get(s).copied())
                    .collect()
            }),
            text: !p.q.trim().is_empty(),
            salary_min: p.salary_min,
            posted_after: p
                .posted_within
                .map(|days| unix(now - chrono::TimeDelta::days(days))),
            company: p
                .company
                .as_ref()
                .map(|c| index.company_by_slug.get(c).copied()),
        }
    }

    fn active(&self) -> Vec<Filter> {
        let on = [
            self.workplace.is_some(),
            self.employment_type.is_some(),
            self.seniority.is_some(),
            self.country.is_some(),
            self.city.is_some(),
            self.skills.is_some(),
            self.text,
            self.salary_min.is_some(),
            self.posted_after.is_some(),
            self.company.is_some(),
        ];
        Filter::ALL
            .into_iter()
            .zip(on)
            .filter(|(_, on)| *on)
            .map(|(f, _)| f)
            .collect()
    }

    /// A bit per filter posting `i` fails.
    fn failures(&self, c: &Columns, i: usize, text: Option<&[f32]>) -> u32 {
        let bit = |f: Filter, failed: bool| u32::from(failed) << f as u32;
        bit(Filter::Workplace, self.workplace.is_some_and(|w| w != c.workplace[i]))
            | bit(Filter::EmploymentType, self.employment_type.is_some_and(|w| w != c.employment_type[i]))
            | bit(Filter::Seniority, self.seniority.is_some_and(|w| w != c.seniority[i]))
            | bit(
                Filter::Country,
                self.country.is_some_and(|want| !c.anywhere[i] && !want.is_some_and(|w| c.countries.row(i).contains(&w))),
            )
            | bit(Filter::City, self.city.is_some_and(|want| want.is_none() || want != c.city(i)))
            // Several skills widen the search: a posting needs any one of them.
            | bit(Filter::Skill, self.skills.as_ref().is_some_and(|s| !c.skills.row(i).iter().any(|x| s.contains(x))))
            | bit(Filter::Text, self.text && text.is_none_or(|t| t[i] <= 0.0))
            | bit(Filter::Salary, self.salary_min.is_some_and(|min| c.salary_eur[i] < min))
            | bit(Filter::PostedWithin, self.posted_after.is_some_and(|after| c.published[i] < after))
            | bit(Filter::Company, self.company.is_some_and(|want| want != Some(c.company[i])))
    }
}
