//! One posting as the index keeps it: what `SearchIndex::build` takes, and what a built index
//! gives back (`SearchIndex::docs`). A change to a few postings then rebuilds the index from
//! memory with only those read from the database, instead of every posting again.

use chrono::NaiveDateTime;

use super::gazetteer::Gazetteer;
use super::geo::Point;
use super::index::unix;
use super::salary::yearly_eur;
use crate::i18n::Locale;
use crate::models::job::IndexRow;
use crate::models::{EmploymentType, Seniority, Workplace};

/// Where a posting is: a known place, or a city name only.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum City {
    Place(i64),
    Named(String),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Doc {
    pub(super) id: i64,
    pub(super) slug: String,
    pub(super) company_slug: String,
    pub(super) workplace: Workplace,
    pub(super) employment_type: EmploymentType,
    pub(super) seniority: Seniority,
    pub(super) city: Option<City>,
    /// Upper-case country codes: the posting's, then those a remote role is open to; none for
    /// a remote role open anywhere.
    pub(super) countries: Vec<String>,
    /// A remote role open anywhere: counted in every country.
    pub(super) anywhere: bool,
    /// Skill ids, in the posting's order.
    pub(super) skills: Vec<i64>,
    /// Unix seconds.
    pub(super) published: i64,
    /// Unix seconds of `valid_through`, `i64::MAX` when open-ended.
    pub(super) closes: i64,
    /// Yearly salary in euros (top of the range), -1 when not published.
    pub(super) salary_eur: i64,
    /// Its own coordinates (a street address's), else its place's.
    pub(super) point: Option<Point>,
    pub(super) updated_at: NaiveDateTime,
    /// The original first.
    pub(super) languages: Box<[Locale]>,
}

impl Doc {
    pub(super) fn from_row(row: IndexRow, gazetteer: &Gazetteer) -> Doc {
        let place = row.place_id.and_then(|id| gazetteer.get(id));
        let city = match place {
            Some(place) => Some(City::Place(place.id)),
            None => row.city.filter(|c| !c.trim().is_empty()).map(City::Named),
        };
        let remote = row.workplace == Workplace::Remote;
        let anywhere = remote && row.remote_countries.is_empty();
        let mut countries: Vec<String> = Vec::new();
        if !anywhere {
            let remote_countries = if remote { row.remote_countries.as_slice() } else { &[] };
            for code in row.country_code.iter().chain(remote_countries) {
                let code = code.to_ascii_uppercase();
                if !countries.contains(&code) {
                    countries.push(code);
                }
            }
        }
        let point = row
            .point
            .filter(|(lat, lon)| lat.is_finite() && lon.is_finite())
            .or(place.map(|p| p.point));
        Doc {
            id: row.id,
            slug: row.slug,
            company_slug: row.company_slug,
            workplace: row.workplace,
            employment_type: row.employment_type,
            seniority: row.seniority,
            city,
            countries,
            anywhere,
            skills: row.skills,
            published: unix(row.published_at),
            closes: row.valid_through.map_or(i64::MAX, unix),
            salary_eur: row.salary.as_ref().and_then(yearly_eur).unwrap_or(-1),
            point,
            updated_at: row.updated_at,
            languages: row.languages.into_boxed_slice(),
        }
    }
}

/// Newest first, by the second as the `published` column holds it (the API's cursors compare
/// (published, id) and must find the positions in that order).
pub(super) fn sort(docs: &mut [Doc]) {
    docs.sort_by(order);
}

fn order(a: &Doc, b: &Doc) -> std::cmp::Ordering {
    b.published.cmp(&a.published).then(b.id.cmp(&a.id))
}

/// `a` and `b`, each in [`sort`]'s order, as one sequence in that order, made as it is read:
/// an index taking in a few changes reads its million postings through this instead of
/// holding them all at once.
pub(super) fn merge(
    a: impl Iterator<Item = Doc>,
    b: impl Iterator<Item = Doc>,
) -> impl Iterator<Item = Doc> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if order(x, y).is_gt() => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: i64, published: i64) -> Doc {
        Doc {
            id,
            slug: String::new(),
            company_slug: String::new(),
            workplace: Workplace::Onsite,
            employment_type: EmploymentType::ALL[0],
            seniority: Seniority::ALL[0],
            city: None,
            countries: Vec::new(),
            anywhere: false,
            skills: Vec::new(),
            published,
            closes: i64::MAX,
            salary_eur: -1,
            point: None,
            updated_at: NaiveDateTime::default(),
            languages: Box::new([]),
        }
    }

    #[test]
    fn merging_two_sorted_runs_gives_the_sort_of_both() {
        let ids = |docs: &[Doc]| docs.iter().map(|d| d.id).collect::<Vec<_>>();
        let mut all: Vec<Doc> = (1..=40).map(|id| doc(id, (id * 7) % 11)).collect();
        let (mut a, mut b): (Vec<Doc>, Vec<Doc>) = all.iter().cloned().partition(|d| d.id % 3 == 0);
        sort(&mut all);
        sort(&mut a);
        sort(&mut b);
        let merged: Vec<Doc> = merge(a.clone().into_iter(), b.clone().into_iter()).collect();
        assert_eq!(ids(&merged), ids(&all));
        let merged: Vec<Doc> = merge(b.into_iter(), a.into_iter()).collect();
        assert_eq!(ids(&merged), ids(&all), "either way round");
        assert_eq!(merge(std::iter::empty(), std::iter::empty()).count(), 0);
    }
}
