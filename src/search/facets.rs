//! Facet counting for one search: which values of each filter would give how many results.

use super::index::{LocalNames, SearchIndex};
use super::params::SearchParams;
use crate::i18n::Locale;
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
    /// In the skill's own language.
    pub name: String,
    pub names: LocalNames,
    pub count: u32,
}

#[derive(Debug, Clone, Default)]
pub struct Facets {
    pub workplace: Vec<FacetCount<Workplace>>,
    pub employment_type: Vec<FacetCount<EmploymentType>>,
    pub seniority: Vec<FacetCount<Seniority>>,
    pub country: Vec<FacetCount<String>>,
    pub city: Vec<FacetCount<LocalNames>>,
    pub skill: Vec<SkillFacet>,
}

const TOP_CITIES: usize = 15;
const TOP_SKILLS: usize = 25;

/// Facet counts of one search, by value position in the index's lists.
#[derive(Debug, Clone)]
pub(super) struct Counts {
    pub(super) workplace: [u32; 3],
    pub(super) employment_type: [u32; 5],
    pub(super) seniority: [u32; 4],
    /// Remote roles open anywhere are already counted for every country.
    pub(super) country: Vec<u32>,
    pub(super) city: Vec<u32>,
    pub(super) skill: Vec<u32>,
}

impl Counts {
    pub(super) fn into_facets(self, index: &SearchIndex, p: &SearchParams) -> Facets {
        let mut country: Vec<FacetCount<String>> = index
            .countries
            .iter()
            .zip(&self.country)
            .map(|(code, n)| FacetCount { value: code.clone(), count: *n })
            .filter(|f| f.count > 0 || p.country.as_ref() == Some(&f.value))
            .collect();
        country.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
        let is_selected_city = |name: &LocalNames| p.city.as_deref().is_some_and(|c| name.is(c));
        let city = top(
            index
                .cities
                .iter()
                .zip(&self.city)
                .map(|(name, n)| FacetCount { value: name.clone(), count: *n })
                .collect(),
            |a, b| b.count.cmp(&a.count).then(a.value.get(Locale::EN).cmp(b.value.get(Locale::EN))),
            TOP_CITIES,
            |f| f.count > 0 || is_selected_city(&f.value),
            |f| is_selected_city(&f.value),
        );
        let skill = top(
            index
                .skills
                .iter()
                .zip(&index.skill_names)
                .zip(&self.skill)
                .map(|(((slug, name), names), n)| SkillFacet {
                    slug: slug.clone(),
                    name: name.clone(),
                    names: names.clone(),
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
    values.iter().zip(counts).map(|(v, n)| FacetCount { value: *v, count: *n }).collect()
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
