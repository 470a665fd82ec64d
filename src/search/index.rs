//! An in-memory index of the published postings' filterable fields. The database stays the
//! truth; this is derived from it and rebuilt when it changes, so that filtering and facet
//! counting cost microseconds instead of a handful of GROUP BY queries per request.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::params::{SearchParams, Sort};
use super::salary::yearly_eur;
use crate::models::job::IndexRow;
use crate::models::skill::Skill;
use crate::models::{EmploymentType, Seniority, Workplace};

#[derive(Debug, Clone)]
struct Doc {
    id: i64,
    slug: String,
    updated_at: NaiveDateTime,
    published_at: NaiveDateTime,
    valid_through: Option<NaiveDateTime>,
    workplace: u8,
    employment_type: u8,
    seniority: u8,
    city: Option<u32>,
    /// Countries the posting is available in: its office's and, for remote roles, those it is
    /// open to.
    countries: Vec<u16>,
    /// A remote role open to applicants anywhere.
    anywhere: bool,
    company: u32,
    skills: Vec<u32>,
    salary_eur: Option<i64>,
}

/// One facet value with the number of results it would give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount<T> {
    pub value: T,
    pub count: u32,
}

/// A skill facet entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillFacet {
    pub slug: String,
    pub name: String,
    pub count: u32,
}

#[derive(Debug, Clone, Default)]
pub struct Facets {
    pub workplace: Vec<FacetCount<Workplace>>,
    pub employment_type: Vec<FacetCount<EmploymentType>>,
    pub seniority: Vec<FacetCount<Seniority>>,
    pub country: Vec<FacetCount<String>>,
    pub city: Vec<FacetCount<String>>,
    pub skill: Vec<SkillFacet>,
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

const FILTER_COUNT: usize = 10;

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
const TOP_CITIES: usize = 15;
const TOP_SKILLS: usize = 25;

#[derive(Debug, Default)]
pub struct SearchIndex {
    /// The `search_state.version` this index was built from.
    pub version: i64,
    /// Newest first.
    docs: Vec<Doc>,
    skills: Vec<(String, String)>,
    skill_by_slug: HashMap<String, u32>,
    cities: Vec<String>,
    city_by_key: HashMap<String, u32>,
    countries: Vec<String>,
    country_by_code: HashMap<String, u16>,
    companies: Vec<String>,
    company_by_slug: HashMap<String, u32>,
}

fn intern<K: std::hash::Hash + Eq + Clone, V: Copy + TryFrom<usize>>(
    list: &mut Vec<K>,
    map: &mut HashMap<K, V>,
    key: K,
) -> V
where
    <V as TryFrom<usize>>::Error: std::fmt::Debug,
{
    *map.entry(key.clone()).or_insert_with(|| {
        list.push(key);
        V::try_from(list.len() - 1).expect("fewer distinct values than the index type holds")
    })
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
            let city = row.city.as_ref().map(|c| {
                let key = c.to_lowercase();
                if !index.city_by_key.contains_key(&key) {
                    index.cities.push(c.clone());
                    index
                        .city_by_key
                        .insert(key.clone(), (index.cities.len() - 1) as u32);
                }
                index.city_by_key[&key]
            });
            let mut countries: Vec<u16> = Vec::new();
            let remote = row.workplace == Workplace::Remote;
            let codes = row.country_code.iter().chain(if remote {
                row.remote_countries.iter()
            } else {
                [].iter()
            });
            for code in codes {
                let c = intern(
                    &mut index.countries,
                    &mut index.country_by_code,
                    code.to_ascii_uppercase(),
                );
                if !countries.contains(&c) {
                    countries.push(c);
                }
            }
            let company = intern(
                &mut index.companies,
                &mut index.company_by_slug,
                row.company_slug.clone(),
            );
            index.docs.push(Doc {
                id: row.id,
                slug: row.slug,
                updated_at: row.updated_at,
                published_at: row.published_at,
                valid_through: row.valid_through,
                workplace: Workplace::ALL
                    .iter()
                    .position(|w| *w == row.workplace)
                    .unwrap_or(0) as u8,
                employment_type: EmploymentType::ALL
                    .iter()
                    .position(|w| *w == row.employment_type)
                    .unwrap_or(0) as u8,
                seniority: Seniority::ALL
                    .iter()
                    .position(|w| *w == row.seniority)
                    .unwrap_or(0) as u8,
                city,
                countries,
                anywhere: remote && row.remote_countries.is_empty(),
                company,
                skills: row
                    .skills
                    .iter()
                    .filter_map(|id| skill_pos.get(id).copied())
                    .collect(),
                salary_eur: row.salary.as_ref().and_then(yearly_eur),
            });
        }
        index
    }

    /// Open postings (published and not past their closing date) at `now`.
    pub fn open_count(&self, now: NaiveDateTime) -> usize {
        self.docs
            .iter()
            .filter(|d| d.valid_through.is_none_or(|v| v > now))
            .count()
    }

    /// The number of companies with at least one open posting.
    pub fn hiring_companies(&self, now: NaiveDateTime) -> usize {
        let mut seen = vec![false; self.companies.len()];
        for d in self
            .docs
            .iter()
            .filter(|d| d.valid_through.is_none_or(|v| v > now))
        {
            seen[d.company as usize] = true;
        }
        seen.into_iter().filter(|s| *s).count()
    }

    /// Runs a search. `text_hits` are the full-text matches with their scores when the
    /// parameters have a query (`None` otherwise).
    pub fn search(
        &self,
        params: &SearchParams,
        text_hits: Option<&HashMap<i64, f64>>,
        now: NaiveDateTime,
        per_page: usize,
    ) -> SearchResult {
        let wanted = Wanted::resolve(self, params, now);
        let mut counts = Counts::new(self);
        let mut without = [0usize; FILTER_COUNT];
        let mut matches: Vec<usize> = Vec::new();
        for (i, doc) in self.docs.iter().enumerate() {
            if doc.valid_through.is_some_and(|v| v <= now) {
                continue;
            }
            let mask = wanted.failures(doc, text_hits);
            if mask == 0 {
                matches.push(i);
                counts.add_all(doc);
            } else if mask.is_power_of_two() {
                let filter = mask.trailing_zeros() as usize;
                without[filter] += 1;
                counts.add_one(doc, filter);
            }
        }
        match params.effective_sort() {
            Sort::Newest => {}
            Sort::Relevance => {
                let score = |i: &usize| {
                    text_hits
                        .and_then(|h| h.get(&self.docs[*i].id))
                        .copied()
                        .unwrap_or(0.0)
                };
                matches.sort_by(|a, b| score(b).total_cmp(&score(a)));
            }
            Sort::Salary => {
                matches.sort_by_key(|i| std::cmp::Reverse(self.docs[*i].salary_eur.unwrap_or(-1)))
            }
        }
        let total = matches.len();
        let pages = total.div_ceil(per_page).max(1) as u32;
        let page = params.page.clamp(1, pages);
        let start = (page as usize - 1) * per_page;
        let ids = matches
            .iter()
            .skip(start)
            .take(per_page)
            .map(|i| self.docs[*i].id)
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
        self.docs
            .iter()
            .filter(move |d| d.valid_through.is_none_or(|v| v > now))
            .map(|d| (d.slug.as_str(), d.updated_at))
    }

    /// Slugs of the companies with published postings.
    pub fn company_slugs(&self) -> &[String] {
        &self.companies
    }
}

/// The parameters resolved against the index's interned values.
struct Wanted {
    workplace: Option<u8>,
    employment_type: Option<u8>,
    seniority: Option<u8>,
    /// `Some(None)`: a value the index does not know, which nothing matches.
    country: Option<Option<u16>>,
    city: Option<Option<u32>>,
    skills: Option<Vec<u32>>,
    text: bool,
    salary_min: Option<i64>,
    posted_after: Option<NaiveDateTime>,
    company: Option<Option<u32>>,
}

impl Wanted {
    fn resolve(index: &SearchIndex, p: &SearchParams, now: NaiveDateTime) -> Wanted {
        Wanted {
            workplace: p
                .workplace
                .map(|w| Workplace::ALL.iter().position(|x| *x == w).unwrap_or(0) as u8),
            employment_type: p.employment_type.map(|w| {
                EmploymentType::ALL
                    .iter()
                    .position(|x| *x == w)
                    .unwrap_or(0) as u8
            }),
            seniority: p
                .seniority
                .map(|w| Seniority::ALL.iter().position(|x| *x == w).unwrap_or(0) as u8),
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
                .map(|days| now - chrono::TimeDelta::days(days)),
            company: p
                .company
                .as_ref()
                .map(|c| index.company_by_slug.get(c).copied()),
        }
    }

    fn active(&self) -> Vec<Filter> {
        let mut out = Vec::new();
        let flags = [
            (self.workplace.is_some(), Filter::Workplace),
            (self.employment_type.is_some(), Filter::EmploymentType),
            (self.seniority.is_some(), Filter::Seniority),
            (self.country.is_some(), Filter::Country),
            (self.city.is_some(), Filter::City),
            (self.skills.is_some(), Filter::Skill),
            (self.text, Filter::Text),
            (self.salary_min.is_some(), Filter::Salary),
            (self.posted_after.is_some(), Filter::PostedWithin),
            (self.company.is_some(), Filter::Company),
        ];
        for (on, f) in flags {
            if on {
                out.push(f);
            }
        }
        out
    }

    /// A bit per filter the posting fails.
    fn failures(&self, d: &Doc, text_hits: Option<&HashMap<i64, f64>>) -> u32 {
        let mut mask = 0u32;
        let mut fail = |f: Filter, failed: bool| {
            if failed {
                mask |= 1 << f as u32;
            }
        };
        fail(
            Filter::Workplace,
            self.workplace.is_some_and(|w| w != d.workplace),
        );
        fail(
            Filter::EmploymentType,
            self.employment_type.is_some_and(|w| w != d.employment_type),
        );
        fail(
            Filter::Seniority,
            self.seniority.is_some_and(|w| w != d.seniority),
        );
        fail(
            Filter::Country,
            self.country
                .is_some_and(|c| !d.anywhere && !c.is_some_and(|c| d.countries.contains(&c))),
        );
        fail(
            Filter::City,
            self.city.is_some_and(|c| c.is_none() || c != d.city),
        );
        // Several skills widen the search: a posting needs any one of them.
        fail(
            Filter::Skill,
            self.skills
                .as_ref()
                .is_some_and(|s| !s.iter().any(|x| d.skills.contains(x))),
        );
        fail(
            Filter::Text,
            self.text && !text_hits.is_some_and(|h| h.contains_key(&d.id)),
        );
        fail(
            Filter::Salary,
            self.salary_min
                .is_some_and(|min| d.salary_eur.is_none_or(|s| s < min)),
        );
        fail(
            Filter::PostedWithin,
            self.posted_after
                .is_some_and(|after| d.published_at < after),
        );
        fail(
            Filter::Company,
            self.company.is_some_and(|c| c != Some(d.company)),
        );
        mask
    }
}

/// Facet counters for one search.
struct Counts {
    workplace: [u32; 3],
    employment_type: [u32; 5],
    seniority: [u32; 4],
    country: Vec<u32>,
    city: Vec<u32>,
    skill: Vec<u32>,
    anywhere: u32,
}

impl Counts {
    fn new(index: &SearchIndex) -> Counts {
        Counts {
            workplace: [0; 3],
            employment_type: [0; 5],
            seniority: [0; 4],
            country: vec![0; index.countries.len()],
            city: vec![0; index.cities.len()],
            skill: vec![0; index.skills.len()],
            anywhere: 0,
        }
    }

    fn add_all(&mut self, d: &Doc) {
        for f in [
            Filter::Workplace,
            Filter::EmploymentType,
            Filter::Seniority,
            Filter::Country,
            Filter::City,
            Filter::Skill,
        ] {
            self.add_one(d, f as usize);
        }
    }

    fn add_one(&mut self, d: &Doc, filter: usize) {
        match filter {
            f if f == Filter::Workplace as usize => self.workplace[d.workplace as usize] += 1,
            f if f == Filter::EmploymentType as usize => {
                self.employment_type[d.employment_type as usize] += 1
            }
            f if f == Filter::Seniority as usize => self.seniority[d.seniority as usize] += 1,
            f if f == Filter::Country as usize => {
                // A role open anywhere counts once for every country (added in `into_facets`).
                if d.anywhere {
                    self.anywhere += 1;
                } else {
                    for c in &d.countries {
                        self.country[*c as usize] += 1;
                    }
                }
            }
            f if f == Filter::City as usize => {
                if let Some(c) = d.city {
                    self.city[c as usize] += 1;
                }
            }
            f if f == Filter::Skill as usize => {
                for s in &d.skills {
                    self.skill[*s as usize] += 1;
                }
            }
            _ => {}
        }
    }

    fn into_facets(self, index: &SearchIndex, p: &SearchParams) -> Facets {
        let mut country: Vec<FacetCount<String>> = index
            .countries
            .iter()
            .zip(&self.country)
            .map(|(code, n)| FacetCount {
                value: code.clone(),
                count: n + self.anywhere,
            })
            .filter(|f| f.count > 0 || p.country.as_ref() == Some(&f.value))
            .collect();
        country.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
        let mut city: Vec<FacetCount<String>> = index
            .cities
            .iter()
            .zip(&self.city)
            .map(|(name, n)| FacetCount {
                value: name.clone(),
                count: *n,
            })
            .collect();
        city.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
        let selected_city = p.city.as_ref().map(|c| c.to_lowercase());
        let city = top_with_selected(
            city,
            TOP_CITIES,
            |f| f.count > 0 || Some(f.value.to_lowercase()) == selected_city,
            |f| Some(f.value.to_lowercase()) == selected_city,
        );
        let mut skill: Vec<SkillFacet> = index
            .skills
            .iter()
            .zip(&self.skill)
            .map(|((slug, name), n)| SkillFacet {
                slug: slug.clone(),
                name: name.clone(),
                count: *n,
            })
            .collect();
        skill.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
        let skill = top_with_selected(
            skill,
            TOP_SKILLS,
            |f| f.count > 0 || p.skills.contains(&f.slug),
            |f| p.skills.contains(&f.slug),
        );
        Facets {
            workplace: Workplace::ALL
                .iter()
                .zip(self.workplace)
                .map(|(v, count)| FacetCount { value: *v, count })
                .collect(),
            employment_type: EmploymentType::ALL
                .iter()
                .zip(self.employment_type)
                .map(|(v, count)| FacetCount { value: *v, count })
                .collect(),
            seniority: Seniority::ALL
                .iter()
                .zip(self.seniority)
                .map(|(v, count)| FacetCount { value: *v, count })
                .collect(),
            country,
            city,
            skill,
        }
    }
}

/// The first `n` entries that pass `keep`, plus any selected entry beyond them.
fn top_with_selected<T>(
    all: Vec<T>,
    n: usize,
    keep: impl Fn(&T) -> bool,
    selected: impl Fn(&T) -> bool,
) -> Vec<T> {
    let mut out = Vec::new();
    for (i, item) in all.into_iter().enumerate() {
        if keep(&item) && (i < n || selected(&item)) {
            out.push(item);
        }
    }
    out
}
