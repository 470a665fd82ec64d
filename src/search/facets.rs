//! Facet counting for one search: which values of each filter would give how many results.

use super::index::{Columns, Filter, SearchIndex};
use super::params::SearchParams;
use crate::models::{EmploymentType, Seniority, Workplace};

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

const TOP_CITIES: usize = 15;
const TOP_SKILLS: usize = 25;

/// Facet counters for one search.
pub(super) struct Counts {
    workplace: [u32; 3],
    employment_type: [u32; 5],
    seniority: [u32; 4],
    country: Vec<u32>,
    city: Vec<u32>,
    skill: Vec<u32>,
    /// Remote roles open anywhere, which count for every country.
    anywhere: u32,
}

impl Counts {
    pub(super) fn new(index: &SearchIndex) -> Counts {
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

    /// Counts posting `i` for every facet (it matches all filters).
    pub(super) fn add_all(&mut self, c: &Columns, i: usize) {
        self.workplace[c.workplace[i] as usize] += 1;
        self.employment_type[c.employment_type[i] as usize] += 1;
        self.seniority[c.seniority[i] as usize] += 1;
        self.add_countries(c, i);
        self.add_city(c, i);
        self.add_skills(c, i);
    }

    /// Counts posting `i` for one facet only (it fails just that filter).
    pub(super) fn add_one(&mut self, c: &Columns, i: usize, filter: Filter) {
        match filter {
            Filter::Workplace => self.workplace[c.workplace[i] as usize] += 1,
            Filter::EmploymentType => self.employment_type[c.employment_type[i] as usize] += 1,
            Filter::Seniority => self.seniority[c.seniority[i] as usize] += 1,
            Filter::Country => self.add_countries(c, i),
            Filter::City => self.add_city(c, i),
            Filter::Skill => self.add_skills(c, i),
            Filter::Text | Filter::Salary | Filter::PostedWithin | Filter::Company => {}
        }
    }

    fn add_countries(&mut self, c: &Columns, i: usize) {
        if c.anywhere[i] {
            self.anywhere += 1;
        } else {
            for country in c.countries.row(i) {
                self.country[*country as usize] += 1;
            }
        }
    }

    fn add_city(&mut self, c: &Columns, i: usize) {
        if let Some(city) = c.city(i) {
            self.city[city as usize] += 1;
        }
    }

    fn add_skills(&mut self, c: &Columns, i: usize) {
        for skill in c.skills.row(i) {
            self.skill[*skill as usize] += 1;
        }
    }

    pub(super) fn into_facets(self, index: &SearchIndex, p: &SearchParams) -> Facets {
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
        let selected_city = p.city.as_ref().map(|c| c.to_lowercase());
        let is_selected_city =
            |name: &str| selected_city.as_deref() == Some(name.to_lowercase().as_str());
        let city = top(
            index
                .cities
                .iter()
                .zip(&self.city)
                .map(|(name, n)| FacetCount {
                    value: name.clone(),
                    count: *n,
                })
                .collect(),
            |a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)),
            TOP_CITIES,
            |f| f.count > 0 || is_selected_city(&f.value),
            |f| is_selected_city(&f.value),
        );
        let skill = top(
            index
                .skills
                .iter()
                .zip(&self.skill)
                .map(|((slug, name), n)| SkillFacet {
                    slug: slug.clone(),
                    name: name.clone(),
                    count: *n,
                })
                .collect(),
            |a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)),
            TOP_SKILLS,
            |f| f.count > 0 || p.skills.contains(&f.slug),
            |f| p.skills.contains(&f.slug),
        );
        Facets {
            workplace: counted(Workplace::ALL, &self.workplace),
            employment_type: counted(EmploymentType::ALL, &self.employment_type),
            seniority: counted(Seniority::ALL, &self.seniority),
            country,
            city,
            skill,
        }
    }
}

fn counted<T: Copy>(values: &[T], counts: &[u32]) -> Vec<FacetCount<T>> {
    values
        .iter()
        .zip(counts)
        .map(|(v, n)| FacetCount {
            value: *v,
            count: *n,
        })
        .collect()
}

/// Sorted by `order`, the first `n` entries that pass `keep`, plus any selected one beyond.
fn top<T>(
    mut all: Vec<T>,
    order: impl Fn(&T, &T) -> std::cmp::Ordering,
    n: usize,
    keep: impl Fn(&T) -> bool,
    selected: impl Fn(&T) -> bool,
) -> Vec<T> {
    all.sort_by(order);
    all.into_iter()
        .enumerate()
        .filter(|(i, item)| keep(item) && (*i < n || selected(item)))
        .map(|(_, item)| item)
        .collect()
}
