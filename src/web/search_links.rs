//! The links of the search page: facet toggles, filter chips, "without this filter"
//! suggestions and pagination, each a URL of the search contract.

use super::jobs::{Choice, FacetGroup};
use crate::i18n::Tr;
use crate::models::{EmploymentType, Seniority, Workplace};
use crate::search::facets::{FacetCount, Facets};
use crate::search::{Filter, Near, SearchIndex, SearchParams, SearchResult};

pub(super) fn url(tr: &Tr, params: &SearchParams) -> String {
    let q = params.to_query();
    if q.is_empty() { format!("/{}/jobs", tr.locale) } else { format!("/{}/jobs?{q}", tr.locale) }
}

/// `params` changed by `change`, back on page 1.
pub(super) fn with(params: &SearchParams, change: impl FnOnce(&mut SearchParams)) -> SearchParams {
    let mut p = params.clone();
    p.page = 1;
    change(&mut p);
    p
}

pub(super) fn toggle<T: PartialEq + Clone>(slot: &Option<T>, value: &T) -> Option<T> {
    if slot.as_ref() == Some(value) { None } else { Some(value.clone()) }
}

/// A facet over one of the closed sets: each value toggles the parameter `slot` selects.
pub(super) fn enum_group<T: Copy + PartialEq>(
    tr: &Tr,
    params: &SearchParams,
    id: &'static str,
    counts: &[FacetCount<T>],
    label_id: fn(T) -> String,
    slot: fn(&mut SearchParams) -> &mut Option<T>,
) -> FacetGroup {
    let current = *slot(&mut params.clone());
    let options = counts
        .iter()
        .map(|o| {
            let selected = current == Some(o.value);
            let p = with(params, |p| *slot(p) = if selected { None } else { Some(o.value) });
            Choice {
                label: tr.t(&label_id(o.value)),
                url: url(tr, &p),
                count: Some(o.count),
                selected,
            }
        })
        .collect();
    FacetGroup { id, title: tr.t(&format!("filter-{id}")), options }
}

pub(super) fn groups(tr: &Tr, params: &SearchParams, result: &SearchResult) -> Vec<FacetGroup> {
    let mut groups = all_groups(tr, params, result);
    // A value that would give nothing is not worth a line (on a phone the facets came before
    // the first result for three screens); a selected one stays, to be unselected.
    for group in &mut groups {
        group.options.retain(|o| o.selected || o.count != Some(0));
    }
    groups
}

fn all_groups(tr: &Tr, params: &SearchParams, result: &SearchResult) -> Vec<FacetGroup> {
    let f = &result.facets;
    let choice = |label: String, count: u32, selected: bool, p: SearchParams| Choice {
        label,
        url: url(tr, &p),
        count: Some(count),
        selected,
    };
    vec![
        enum_group(tr, params, "workplace", &f.workplace, Workplace::label_id, |p| {
            &mut p.workplace
        }),
        enum_group(tr, params, "type", &f.employment_type, EmploymentType::label_id, |p| {
            &mut p.employment_type
        }),
        enum_group(tr, params, "seniority", &f.seniority, Seniority::label_id, |p| {
            &mut p.seniority
        }),
        FacetGroup {
            id: "country",
            title: tr.t("filter-country"),
            options: f
                .country
                .iter()
                .map(|o| {
                    let selected = params.country.as_ref() == Some(&o.value);
                    let p = with(params, |p| p.country = toggle(&params.country, &o.value));
                    choice(tr.country(&o.value), o.count, selected, p)
                })
                .collect(),
        },
        FacetGroup {
            id: "city",
            title: tr.t("filter-city"),
            options: f
                .city
                .iter()
                .map(|o| {
                    let selected = params.city.as_ref().is_some_and(|c| o.value.is(c));
                    let name = o.value.get(tr.locale);
                    let p = with(params, |p| {
                        p.city = if selected { None } else { Some(name.to_owned()) }
                    });
                    choice(name.to_owned(), o.count, selected, p)
                })
                .collect(),
        },
        FacetGroup {
            id: "skill",
            title: tr.t("filter-skill"),
            options: f
                .skill
                .iter()
                .map(|o| {
                    let selected = params.skills.contains(&o.slug);
                    let p = with(params, |p| {
                        if selected {
                            p.skills.retain(|s| s != &o.slug);
                        } else {
                            p.skills.push(o.slug.clone());
                        }
                    });
                    choice(o.names.get(tr.locale).to_owned(), o.count, selected, p)
                })
                .collect(),
        },
    ]
}

/// The label of an active filter, for the chips and the empty-result suggestions.
/// `facets` name the selected skills (they always list the selected ones).
pub(super) fn filter_label(
    tr: &Tr,
    params: &SearchParams,
    facets: &Facets,
    filter: Filter,
) -> String {
    match filter {
        Filter::Workplace => params.workplace.map(|v| tr.t(&v.label_id())).unwrap_or_default(),
        Filter::EmploymentType => {
            params.employment_type.map(|v| tr.t(&v.label_id())).unwrap_or_default()
        }
        Filter::Seniority => params.seniority.map(|v| tr.t(&v.label_id())).unwrap_or_default(),
        Filter::Country => params.country.as_deref().map(|c| tr.country(c)).unwrap_or_default(),
        Filter::City => params.city.clone().unwrap_or_default(),
        Filter::Skill => params
            .skills
            .iter()
            .map(|slug| {
                facets
                    .skill
                    .iter()
                    .find(|f| &f.slug == slug)
                    .map_or(slug.as_str(), |f| f.names.get(tr.locale))
            })
            .collect::<Vec<_>>()
            .join(", "),
        Filter::Text => tr.t1("filter-chip-query", "query", &params.q),
        Filter::Salary => {
            tr.t1("filter-chip-salary", "amount", &tr.number(params.salary_min.unwrap_or(0)))
        }
        Filter::PostedWithin => {
            tr.tn("filter-chip-posted-within", params.posted_within.unwrap_or(0))
        }
        Filter::Company => {
            tr.t1("filter-chip-company", "company", params.company.as_deref().unwrap_or(""))
        }
        Filter::Bbox => tr.t("filter-chip-bbox"),
        Filter::Near => {
            let place = params.near.as_ref().map(|near| place_label(tr, near)).unwrap_or_default();
            let id =
                if params.include_remote { "filter-chip-near-remote" } else { "filter-chip-near" };
            tr.t2(id, "km", &tr.number(i64::from(params.radius_km())), "place", &place)
        }
    }
}

/// A search's centre in words: the place's name as given, or its coordinates.
pub(super) fn place_label(tr: &Tr, near: &Near) -> String {
    match near {
        Near::Place(name) => name.clone(),
        Near::Point { lat, lon } => tr.coordinates(*lat, *lon),
    }
}

/// A search in words ("Rust · Remote · Germany"), for job alerts: each filter in use, skills
/// by the names the index knows (slugs without one); `None` for a search without filters.
pub fn describe(tr: &Tr, params: &SearchParams, index: Option<&SearchIndex>) -> Option<String> {
    let bare = with(params, |_| {});
    let parts: Vec<String> = Filter::ALL
        .into_iter()
        .filter(|f| without(params, *f) != bare)
        .map(|f| match f {
            Filter::Skill => params
                .skills
                .iter()
                .map(|slug| index.and_then(|i| i.skill_name(slug, tr.locale)).unwrap_or(slug))
                .collect::<Vec<_>>()
                .join(", "),
            _ => filter_label(tr, params, &Facets::default(), f),
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

pub(super) fn without(params: &SearchParams, filter: Filter) -> SearchParams {
    with(params, |p| match filter {
        Filter::Workplace => p.workplace = None,
        Filter::EmploymentType => p.employment_type = None,
        Filter::Seniority => p.seniority = None,
        Filter::Country => p.country = None,
        Filter::City => p.city = None,
        Filter::Skill => p.skills.clear(),
        Filter::Text => p.q.clear(),
        Filter::Salary => p.salary_min = None,
        Filter::PostedWithin => p.posted_within = None,
        Filter::Company => p.company = None,
        Filter::Bbox => p.bbox = None,
        Filter::Near => {
            p.near = None;
            p.radius = None;
            p.include_remote = false;
            if p.sort == Some(crate::search::Sort::Distance) {
                p.sort = None;
            }
        }
    })
}

/// Page numbers to link: the first, the last, and two either side of the current one;
/// `None` marks a gap.
pub fn pagination_window(current: u32, pages: u32) -> Vec<Option<u32>> {
    let mut out = Vec::new();
    let mut last = 0;
    for n in 1..=pages {
        if n == 1 || n == pages || n.abs_diff(current) <= 2 {
            if n > last + 1 {
                out.push(None);
            }
            out.push(Some(n));
            last = n;
        }
    }
    if pages <= 1 { Vec::new() } else { out }
}

#[cfg(test)]
mod tests {
    use super::pagination_window;

    #[test]
    fn pagination_shows_ends_and_neighbours() {
        assert_eq!(pagination_window(1, 1), vec![]);
        assert_eq!(pagination_window(1, 3), vec![Some(1), Some(2), Some(3)]);
        assert_eq!(
            pagination_window(10, 20),
            vec![Some(1), None, Some(8), Some(9), Some(10), Some(11), Some(12), None, Some(20)]
        );
    }
}
