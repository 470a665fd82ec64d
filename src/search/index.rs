//! An in-memory index of the published postings' filterable fields. The database stays the
//! truth; this is derived from it and rebuilt when it changes, so that filtering and facet
//! counting cost microseconds instead of a handful of GROUP BY queries per request.
//!
//! Postings are numbered by position, newest first. Each facet value (a workplace, a skill, a
//! city…) keeps the set of positions that have it as a compressed bitmap, so a search is a few
//! bitmap intersections and each facet count the size of one: tens of microseconds at 10,000
//! postings, without reading the postings themselves. Per-posting fields that filters and sorts
//! compare (dates, salary) live in plain columns.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use chrono::NaiveDateTime;
use roaring::RoaringBitmap;

use super::dimension::Dimension;
use super::doc::{self, City, Doc};
use super::gazetteer::Gazetteer;
use super::geo::{ByLatitude, Point};
use super::params::Near;
use crate::i18n::Locale;
use crate::models::job::IndexRow;
use crate::models::place::name_key;
use crate::models::skill::{Skill, SkillTag};
use crate::models::{EmploymentType, Seniority, Workplace};

/// The per-posting fields that filters and sorts compare, by position.
#[derive(Debug, Default)]
pub(super) struct Columns {
    pub(super) id: Vec<i64>,
    pub(super) slug: Vec<String>,
    /// Position in `SearchIndex::companies`.
    pub(super) company: Vec<u32>,
    pub(super) updated_at: Vec<NaiveDateTime>,
    /// Unix seconds, descending.
    pub(super) published: Vec<i64>,
    /// Unix seconds of `valid_through`, `i64::MAX` when open-ended.
    pub(super) closes: Vec<i64>,
    /// Yearly salary in euros (top of the range), -1 when not published.
    pub(super) salary_eur: Vec<i64>,
    /// Latitude and longitude, when the posting has them.
    pub(super) point: Vec<Option<Point>>,
    /// The same on the plane map tiles are cut from (see `map::project`), computed once here
    /// rather than by every map request.
    pub(super) projected: Vec<(f64, f64)>,
    /// The languages it is written in, the original first.
    pub(super) languages: Vec<Box<[Locale]>>,
}

/// The facets, and each company's postings.
#[derive(Debug, Default)]
pub(super) struct Postings {
    pub(super) workplace: Dimension,
    pub(super) employment_type: Dimension,
    pub(super) seniority: Dimension,
    pub(super) country: Dimension,
    pub(super) city: Dimension,
    pub(super) skill: Dimension,
    pub(super) company: Vec<RoaringBitmap>,
}

/// The postings matching one text query, with their relevance, by position in the index.
#[derive(Debug, Default)]
pub struct TextMatches {
    pub(super) docs: RoaringBitmap,
    /// In the order of `docs`: 4 bytes a match (a map took about 16), as a common word
    /// matches a third of a million postings at that scale.
    scores: Vec<f32>,
}

impl TextMatches {
    /// The relevance of the posting at `pos`, 0 when it does not match.
    pub(super) fn score(&self, pos: u32) -> f32 {
        if self.docs.contains(pos) { self.scores[self.docs.rank(pos) as usize - 1] } else { 0.0 }
    }

    /// `(score, position)` of each position in `set`.
    pub(super) fn scored(&self, set: &RoaringBitmap) -> Vec<(f32, u32)> {
        if set.len() * 16 < self.docs.len() {
            return set.iter().map(|pos| (self.score(pos), pos)).collect();
        }
        // Both in position order: one pass over each instead of a rank per result.
        let mut docs = self.docs.iter().zip(self.scores.iter().copied()).peekable();
        set.iter()
            .map(|pos| {
                while docs.next_if(|(d, _)| *d < pos).is_some() {}
                match docs.peek() {
                    Some((d, score)) if *d == pos => (*score, pos),
                    _ => (0.0, pos),
                }
            })
            .collect()
    }

    #[cfg(test)]
    pub(super) fn for_tests(n: u32) -> TextMatches {
        TextMatches { docs: (0..n).collect(), scores: vec![1.0; n as usize] }
    }

    /// The matches `(position, score)`, in any order; the first of two at one position wins.
    fn of(mut found: Vec<(u32, f32)>) -> TextMatches {
        found.sort_by_key(|(pos, _)| *pos);
        found.dedup_by_key(|(pos, _)| *pos);
        TextMatches {
            docs: RoaringBitmap::from_sorted_iter(found.iter().map(|(pos, _)| *pos))
                .expect("sorted and deduplicated"),
            scores: found.into_iter().map(|(_, score)| score).collect(),
        }
    }

    /// About the memory it takes, for the cache's budget.
    pub fn bytes(&self) -> usize {
        self.docs.serialized_size() + self.scores.len() * std::mem::size_of::<f32>()
    }
}

#[derive(Debug, Default)]
pub struct SearchIndex {
    /// The `search_state.version` this index was built from.
    pub version: i64,
    /// The `search_state.full_version` it was built from: when that moves, a change reaches
    /// too many postings to take in one by one.
    pub full_version: i64,
    pub(super) columns: Columns,
    pub(super) postings: Postings,
    pub(super) position: HashMap<i64, u32>,
    /// Maps of recent searches (see `map`).
    pub(super) map_memo: super::memo::Memo<super::map::MapResult>,
    /// Results and facet counts of recent searches (see `query`).
    pub(super) found_memo: super::memo::Memo<super::query::Found>,
    /// Location searches' candidates (see `near`).
    pub(super) near_memo: super::near::NearMemo,
    /// The open postings, reused by the searches while none of them closes.
    pub(super) window: Mutex<Option<Arc<Window>>>,
    /// Each skill's slug and name (in its own language).
    pub(super) skills: Vec<(String, String)>,
    /// Each skill's name in each language.
    pub(super) skill_names: Vec<LocalNames>,
    /// Each skill's id.
    pub(super) skill_ids: Vec<i64>,
    pub(super) skill_by_slug: HashMap<String, u32>,
    pub(super) cities: Vec<LocalNames>,
    /// The place each city is, if it is one.
    pub(super) city_place: Vec<Option<i64>>,
    /// Each city's names (all languages of a place's), folded by `place::name_key`.
    pub(super) city_by_key: HashMap<String, u32>,
    /// Each city's centre: its place's point, else the mean of its postings' points (none
    /// without any).
    pub(super) city_centre: Vec<Option<Point>>,
    /// Every place, for `near=` and for names in each language.
    pub(super) gazetteer: Arc<Gazetteer>,
    pub(super) by_latitude: ByLatitude,
    pub(super) countries: Vec<String>,
    pub(super) country_by_code: HashMap<String, u16>,
    pub(super) companies: Vec<String>,
    pub(super) company_by_slug: HashMap<String, u32>,
    /// How it differs from the index it was made from, when made by
    /// [`SearchIndex::with_changes`].
    pub(super) previous: Option<Step>,
}

/// The step from one index to the next that took in a few changed postings: what lets a text
/// query's matches carry over instead of being read again (see `SearchHandle::read_text`).
#[derive(Debug)]
pub(super) struct Step {
    /// The previous index's version.
    pub version: i64,
    /// The postings changed (taken out, put in, or both) that either index holds, in id order.
    pub changed: Vec<i64>,
    /// Where each posting of the previous index is in this one, by its position there;
    /// [`Step::GONE`] for the changed ones.
    moved: Vec<u32>,
}

impl Step {
    const GONE: u32 = u32::MAX;
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

/// A name in each language of the board: a city's (the same text thrice for a city that is
/// not a known place), a skill's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalNames(Arc<[Box<str>]>);

impl LocalNames {
    pub fn get(&self, locale: Locale) -> &str {
        self.0.get(locale.index()).or(self.0.first()).map_or("", |n| n)
    }

    /// Whether `text` is one of its names, in any case.
    pub fn is(&self, text: &str) -> bool {
        let key = name_key(text);
        self.0.iter().any(|n| name_key(n) == key)
    }

    pub fn plain(text: &str) -> LocalNames {
        LocalNames(Locale::table(|_| text.into()).into())
    }
}

pub(super) fn position<T: PartialEq>(all: &[T], value: &T) -> u8 {
    all.iter().position(|v| v == value).unwrap_or(0) as u8
}

pub(super) fn unix(d: NaiveDateTime) -> i64 {
    d.and_utc().timestamp()
}

impl SearchIndex {
    /// The index of `rows` (the published postings).
    pub fn build(
        version: i64,
        rows: Vec<IndexRow>,
        skills: Vec<Skill>,
        skill_names: HashMap<i64, Vec<String>>,
        gazetteer: Arc<Gazetteer>,
    ) -> SearchIndex {
        let docs: Vec<Doc> = rows.into_iter().map(|r| Doc::from_row(r, &gazetteer)).collect();
        SearchIndex::of_docs(version, docs, skills, skill_names, gazetteer)
    }

    /// The index of `docs`, in any order.
    pub(super) fn of_docs(
        version: i64,
        mut docs: Vec<Doc>,
        skills: Vec<Skill>,
        skill_names: HashMap<i64, Vec<String>>,
        gazetteer: Arc<Gazetteer>,
    ) -> SearchIndex {
        doc::sort(&mut docs);
        let expected = docs.len();
        SearchIndex::from_docs(version, docs.into_iter(), expected, skills, skill_names, gazetteer)
    }

    /// This index with the postings `changed` taken out and `rows` (those of them still
    /// published, as they are now) put in: the same index as [`SearchIndex::build`] of every
    /// published posting, without reading the others from the database.
    pub fn with_changes(
        &self,
        version: i64,
        changed: &HashSet<i64>,
        rows: Vec<IndexRow>,
        skills: Vec<Skill>,
        skill_names: HashMap<i64, Vec<String>>,
    ) -> SearchIndex {
        let mut new: Vec<Doc> =
            rows.into_iter().map(|r| Doc::from_row(r, &self.gazetteer)).collect();
        doc::sort(&mut new);
        let kept = self.docs().filter(|d| !changed.contains(&d.id));
        let expected = self.len() + new.len();
        let docs = doc::merge(kept, new.into_iter());
        let mut index = SearchIndex::from_docs(
            version,
            docs,
            expected,
            skills,
            skill_names,
            self.gazetteer.clone(),
        );
        index.full_version = self.full_version;
        let moved = self
            .columns
            .id
            .iter()
            .map(|id| match changed.contains(id) {
                true => Step::GONE,
                false => index.position.get(id).copied().unwrap_or(Step::GONE),
            })
            .collect();
        // Only a posting one of the two indexes holds can change a query's matches: not the
        // drafts an import writes by the thousand, which then cost the carry-over nothing.
        let mut changed: Vec<i64> = changed
            .iter()
            .copied()
            .filter(|id| self.position.contains_key(id) || index.position.contains_key(id))
            .collect();
        changed.sort_unstable();
        index.previous = Some(Step { version: self.version, changed, moved });
        index
    }

    /// The matches of a text query on this index, from `earlier`, its matches on the previous
    /// one (see [`Step`]), and `fresh`, its matches among the changed postings: the same as
    /// [`SearchIndex::text_matches`] of a full read. `None` when this index was not made from
    /// the previous one by a step.
    pub(super) fn carried_text_matches(
        &self,
        earlier: &TextMatches,
        fresh: impl IntoIterator<Item = (i64, f64)>,
    ) -> Option<TextMatches> {
        let step = self.previous.as_ref()?;
        let kept =
            earlier.docs.iter().zip(earlier.scores.iter().copied()).filter_map(|(pos, score)| {
                match step.moved.get(pos as usize).copied() {
                    Some(Step::GONE) | None => None,
                    Some(now) => Some((now, score)),
                }
            });
        let fresh = fresh
            .into_iter()
            .filter_map(|(id, score)| Some((*self.position.get(&id)?, score as f32)));
        Some(TextMatches::of(kept.chain(fresh).collect()))
    }

    /// Every posting as the index holds it, in position order.
    pub(super) fn docs(&self) -> impl Iterator<Item = Doc> + '_ {
        let p = &self.postings;
        (0..self.len()).map(move |pos| {
            let c = &self.columns;
            let first = |d: &Dimension| d.per_posting.row(pos).first().copied().unwrap_or(0);
            Doc {
                id: c.id[pos],
                slug: c.slug[pos].clone(),
                company_slug: self.companies[c.company[pos] as usize].clone(),
                workplace: Workplace::ALL[first(&p.workplace) as usize],
                employment_type: EmploymentType::ALL[first(&p.employment_type) as usize],
                seniority: Seniority::ALL[first(&p.seniority) as usize],
                city: p.city.per_posting.row(pos).first().map(|city| {
                    match self.city_place[*city as usize] {
                        Some(place) => City::Place(place),
                        None => City::Named(self.cities[*city as usize].get(Locale::EN).into()),
                    }
                }),
                countries: p
                    .country
                    .per_posting
                    .row(pos)
                    .iter()
                    .map(|at| self.countries[*at as usize].clone())
                    .collect(),
                anywhere: p.country.everywhere.contains(pos as u32),
                skills: p
                    .skill
                    .per_posting
                    .row(pos)
                    .iter()
                    .map(|s| self.skill_ids[*s as usize])
                    .collect(),
                published: c.published[pos],
                closes: c.closes[pos],
                salary_eur: c.salary_eur[pos],
                point: c.point[pos],
                updated_at: c.updated_at[pos],
                languages: c.languages[pos].clone(),
            }
        })
    }

    /// The index of `docs`, which are in [`doc::sort`]'s order.
    fn from_docs(
        version: i64,
        docs: impl Iterator<Item = Doc>,
        expected: usize,
        skills: Vec<Skill>,
        mut skill_names: HashMap<i64, Vec<String>>,
        gazetteer: Arc<Gazetteer>,
    ) -> SearchIndex {
        let mut index = SearchIndex { version, gazetteer: gazetteer.clone(), ..Default::default() };
        let mut city_of_place: HashMap<i64, u32> = HashMap::new();
        let mut place_point: Vec<Option<Point>> = Vec::new();
        let skill_pos: HashMap<i64, u32> = skills
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                index.skill_by_slug.insert(s.slug.clone(), i as u32);
                let names: Arc<[Box<str>]> = match skill_names.remove(&s.id) {
                    Some(names) => names.into_iter().map(String::into_boxed_str).collect(),
                    None => Locale::table(|_| s.name.as_str().into()).into(),
                };
                index.skill_names.push(LocalNames(names));
                index.skills.push((s.slug, s.name));
                index.skill_ids.push(s.id);
                (s.id, i as u32)
            })
            .collect();
        let p = &mut index.postings;
        p.workplace = Dimension::with_values(Workplace::ALL.len());
        p.employment_type = Dimension::with_values(EmploymentType::ALL.len());
        p.seniority = Dimension::with_values(Seniority::ALL.len());
        p.skill = Dimension::with_values(index.skills.len());
        let c = &mut index.columns;
        c.id.reserve_exact(expected);
        c.slug.reserve_exact(expected);
        c.company.reserve_exact(expected);
        c.updated_at.reserve_exact(expected);
        c.published.reserve_exact(expected);
        c.closes.reserve_exact(expected);
        c.salary_eur.reserve_exact(expected);
        c.point.reserve_exact(expected);
        c.projected.reserve_exact(expected);
        c.languages.reserve_exact(expected);
        index.position.reserve(expected);
        for doc in docs {
            let pos = index.columns.id.len() as u32;
            let p = &mut index.postings;
            index.position.insert(doc.id, pos);
            p.workplace.push(pos, [position(Workplace::ALL, &doc.workplace) as u32]);
            p.employment_type
                .push(pos, [position(EmploymentType::ALL, &doc.employment_type) as u32]);
            p.seniority.push(pos, [position(Seniority::ALL, &doc.seniority) as u32]);
            let city = match doc.city {
                Some(City::Place(id)) => gazetteer.get(id).map(|place| {
                    *city_of_place.entry(place.id).or_insert_with(|| {
                        let at = index.cities.len() as u32;
                        index.cities.push(LocalNames(place.names().into()));
                        index.city_place.push(Some(place.id));
                        place_point.push(Some(place.point));
                        for name in place.names() {
                            index.city_by_key.entry(name_key(name)).or_insert(at);
                        }
                        at
                    })
                }),
                Some(City::Named(name)) => {
                    let at = index.cities.len() as u32;
                    let at = *index.city_by_key.entry(name_key(&name)).or_insert(at);
                    if at as usize == index.cities.len() {
                        index.cities.push(LocalNames::plain(&name));
                        index.city_place.push(None);
                        place_point.push(None);
                    }
                    Some(at)
                }
                None => None,
            };
            p.city.push(pos, city);
            if doc.anywhere {
                // Open anywhere: counted for every country (see `Dimension::finish`).
                p.country.everywhere.insert(pos);
            }
            let countries: Vec<u32> = doc
                .countries
                .into_iter()
                .map(|code| {
                    let at: u16 = intern(
                        &mut index.countries,
                        &mut index.country_by_code,
                        code.clone(),
                        &code,
                    );
                    u32::from(at)
                })
                .collect();
            p.country.push(pos, countries);
            p.skill.push(pos, doc.skills.iter().filter_map(|id| skill_pos.get(id).copied()));
            let company: u32 = intern(
                &mut index.companies,
                &mut index.company_by_slug,
                doc.company_slug.clone(),
                &doc.company_slug,
            );
            if p.company.len() <= company as usize {
                p.company.resize_with(company as usize + 1, RoaringBitmap::new);
            }
            p.company[company as usize].insert(pos);
            let c = &mut index.columns;
            c.id.push(doc.id);
            c.slug.push(doc.slug);
            c.company.push(company);
            c.updated_at.push(doc.updated_at);
            c.published.push(doc.published);
            c.closes.push(doc.closes);
            c.salary_eur.push(doc.salary_eur);
            c.point.push(doc.point);
            c.projected.push(doc.point.map_or((f64::NAN, f64::NAN), super::map::project));
            c.languages.push(doc.languages);
        }
        index.by_latitude = ByLatitude::new(&index.columns.point);
        index.city_centre = index
            .postings
            .city
            .sets
            .iter()
            .zip(&place_point)
            .map(|(set, place)| {
                if place.is_some() {
                    return *place;
                }
                let points: Vec<Point> =
                    set.iter().filter_map(|pos| index.columns.point[pos as usize]).collect();
                let n = points.len() as f64;
                (!points.is_empty()).then(|| {
                    let (lat, lon) = points.iter().fold((0.0, 0.0), |a, p| (a.0 + p.0, a.1 + p.1));
                    (lat / n, lon / n)
                })
            })
            .collect();
        // Every country exists now; the roles open anywhere join each one's set.
        let country = &mut index.postings.country;
        if country.sets.len() < index.countries.len() {
            country.sets.resize_with(index.countries.len(), RoaringBitmap::new);
        }
        country.finish();
        index
    }

    pub(super) fn len(&self) -> usize {
        self.columns.id.len()
    }

    fn is_open(&self, i: usize, now: i64) -> bool {
        self.columns.closes[i] > now
    }

    /// The postings open at `now` (published and not past their closing date), and the
    /// others. The same until the next open posting closes, so the searches until then share
    /// them (and what they cache on them): at a million postings, finding them reads every
    /// closing date.
    pub(super) fn window_at(&self, now: i64) -> Arc<Window> {
        let mut cached = self.window.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(window) = cached.as_ref()
            && window.from <= now
            && now < window.until
        {
            return window.clone();
        }
        let (open, closed): (Vec<u32>, Vec<u32>) =
            (0..self.len() as u32).partition(|i| self.is_open(*i as usize, now));
        let until = open.iter().map(|i| self.columns.closes[*i as usize]).min().unwrap_or(i64::MAX);
        let window = Arc::new(Window {
            open: open.into_iter().collect(),
            closed: closed.into_iter().collect(),
            from: now,
            until,
        });
        *cached = Some(window.clone());
        window
    }

    /// Open postings at `now`.
    pub fn open_count(&self, now: NaiveDateTime) -> usize {
        self.window_at(unix(now)).open.len() as usize
    }

    /// The number of companies with at least one open posting.
    pub fn hiring_companies(&self, now: NaiveDateTime) -> usize {
        let open = &self.window_at(unix(now)).open;
        self.postings.company.iter().filter(|c| c.intersection_len(open) > 0).count()
    }

    /// Positions and scores of a text query's matches (job id, score).
    pub fn text_matches(&self, hits: impl IntoIterator<Item = (i64, f64)>) -> TextMatches {
        TextMatches::of(
            hits.into_iter()
                .filter_map(|(id, score)| Some((*self.position.get(&id)?, score as f32)))
                .collect(),
        )
    }

    /// The point a location search is centred on: its coordinates, or the place of that name
    /// in any language and case (a city of the postings' first, then any known place); `None`
    /// for a place the index cannot place.
    pub fn locate(&self, near: &Near) -> Option<Point> {
        match near {
            Near::Point { lat, lon } => Some((*lat, *lon)),
            Near::Place(name) => match self.city_by_key.get(&name_key(name)) {
                Some(city) => self.city_centre.get(*city as usize).copied().flatten(),
                None => self.gazetteer.find(name).map(|place| place.point),
            },
        }
    }

    /// A place's name in `locale` ("München" for "munich" in German), when the index knows
    /// the place.
    pub fn place_name(&self, name: &str, locale: Locale) -> Option<&str> {
        match self.city_by_key.get(&name_key(name)) {
            Some(city) => Some(self.cities[*city as usize].get(locale)),
            None => self.gazetteer.find(name).map(|place| place.name(locale)),
        }
    }

    /// The name of a published posting's city in `locale`.
    pub fn city_name(&self, job_id: i64, locale: Locale) -> Option<&str> {
        let pos = self.position.get(&job_id)?;
        let city = self.postings.city.per_posting.row(*pos as usize).first()?;
        Some(self.cities[*city as usize].get(locale))
    }

    /// Every known place.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The kilometres between a posting and `centre`, when the posting has a point.
    pub fn distance_km(&self, job_id: i64, centre: Point) -> Option<f64> {
        let pos = self.position.get(&job_id)?;
        self.columns.point[*pos as usize].map(|p| super::geo::distance_km(centre, p))
    }

    /// The positions within `km` of `centre`.
    pub(super) fn within(&self, centre: Point, km: f64) -> RoaringBitmap {
        self.by_latitude.within(centre, km)
    }

    /// The slug of a published posting.
    pub fn slug_of(&self, id: i64) -> Option<&str> {
        self.position.get(&id).map(|pos| self.columns.slug[*pos as usize].as_str())
    }

    /// Slug, last change and languages (the original first) of every open posting, newest
    /// first (for sitemaps).
    pub fn open_postings(
        &self,
        now: NaiveDateTime,
    ) -> impl Iterator<Item = (&str, NaiveDateTime, &[Locale])> {
        let now = unix(now);
        (0..self.len()).filter(move |i| self.is_open(*i, now)).map(|i| {
            (self.columns.slug[i].as_str(), self.columns.updated_at[i], &*self.columns.languages[i])
        })
    }

    /// The skills of a published posting, in its order, named in `locale`; `None` for a
    /// posting not in the index.
    pub fn skill_tags(&self, job_id: i64, locale: Locale) -> Option<Vec<SkillTag>> {
        let pos = self.position.get(&job_id)?;
        let row = self.postings.skill.per_posting.row(*pos as usize);
        Some(
            row.iter()
                .map(|s| SkillTag {
                    slug: self.skills[*s as usize].0.clone(),
                    name: self.skill_names[*s as usize].get(locale).to_owned(),
                })
                .collect(),
        )
    }

    /// The names of a published posting's skills in `locale`, in the posting's order.
    pub fn skill_names(&self, job_id: i64, locale: Locale) -> Vec<String> {
        let Some(pos) = self.position.get(&job_id) else {
            return Vec::new();
        };
        self.postings
            .skill
            .per_posting
            .row(*pos as usize)
            .iter()
            .map(|s| self.skill_names[*s as usize].get(locale).to_owned())
            .collect()
    }

    /// The name in `locale` of the skill with `slug`, when a published posting has it.
    pub fn skill_name(&self, slug: &str, locale: Locale) -> Option<&str> {
        let at = self.skill_by_slug.get(slug)?;
        Some(self.skill_names[*at as usize].get(locale))
    }

    /// Slugs of the companies with published postings.
    pub fn company_slugs(&self) -> &[String] {
        &self.companies
    }

    /// The number of open postings of the company with `slug` at `now`.
    pub fn open_of_company(&self, slug: &str, now: NaiveDateTime) -> u64 {
        let Some(at) = self.company_by_slug.get(slug) else { return 0 };
        let open = &self.window_at(unix(now)).open;
        self.postings.company[*at as usize].intersection_len(open)
    }

    /// Every skill (slug, name) with its number of open postings at `now`, in the index's
    /// order.
    pub fn skill_counts(&self, now: NaiveDateTime) -> Vec<(&str, &str, u64)> {
        let open = &self.window_at(unix(now)).open;
        self.skills
            .iter()
            .zip(&self.postings.skill.sets)
            .map(|((slug, name), set)| (slug.as_str(), name.as_str(), set.intersection_len(open)))
            .collect()
    }
}

/// Which postings are open at one moment.
#[derive(Debug)]
pub(super) struct Window {
    pub(super) open: RoaringBitmap,
    pub(super) closed: RoaringBitmap,
    /// The seconds it holds for: from its making until the first open posting closes.
    from: i64,
    until: i64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::job::{IndexRow, Salary};
    use crate::models::{EmploymentType, SalaryPeriod, Seniority, Workplace};

    fn rows(n: i64) -> Vec<IndexRow> {
        let now = chrono::Utc::now().naive_utc();
        (0..n)
            .map(|i| IndexRow {
                id: i + 1,
                slug: format!("job-{i}"),
                company_slug: format!("company-{}", i % 3),
                workplace: Workplace::ALL[(i % 3) as usize],
                employment_type: EmploymentType::ALL[(i % 5) as usize],
                seniority: Seniority::ALL[(i % 4) as usize],
                city: (i % 7 != 0).then(|| format!("City {}", i % 5)),
                place_id: None,
                country_code: Some(["DE", "PL", "UA"][(i % 3) as usize].into()),
                point: (i % 5 != 0).then_some((50.0 + i as f64 * 0.01, 10.0)),
                remote_countries: if i % 6 == 2 {
                    vec!["AT".into(), "DE".into()]
                } else {
                    Vec::new()
                },
                salary: Some(Salary {
                    min: Some(1000 * i),
                    max: None,
                    currency: "EUR".into(),
                    period: SalaryPeriod::Year,
                }),
                published_at: now - chrono::TimeDelta::hours(i),
                valid_through: None,
                updated_at: now,
                skills: vec![i % 4 + 1, (i * 7) % 4 + 1],
                languages: vec![Locale::EN],
            })
            .collect()
    }

    fn skills() -> Vec<Skill> {
        let now = chrono::Utc::now().naive_utc();
        (1..=4)
            .map(|id| Skill { id, slug: format!("s{id}"), name: format!("S{id}"), created_at: now })
            .collect()
    }

    #[test]
    fn both_ways_of_counting_agree() {
        let index = SearchIndex::build(1, rows(300), skills(), HashMap::new(), Default::default());
        let p = &index.postings;
        for step in [1u32, 2, 5, 17, 101] {
            let candidates: RoaringBitmap = (0..300).step_by(step as usize).collect();
            for dim in
                [&p.workplace, &p.employment_type, &p.seniority, &p.country, &p.city, &p.skill]
            {
                assert_eq!(
                    dim.count_by_sets(&candidates),
                    dim.count_by_postings(&candidates),
                    "step {step}"
                );
            }
        }
    }

    /// Everything a search reads, in a form two indexes can be compared by.
    fn contents(index: &SearchIndex) -> String {
        format!(
            "{:?}\n{:?}\n{:?}\n{:?} {:?} {:?} {:?} {:?} {:?}",
            index.docs().collect::<Vec<_>>(),
            index.columns,
            index.postings,
            index.countries,
            index.companies,
            index.cities,
            index.city_centre,
            index.skills,
            index.skill_ids,
        )
    }

    #[test]
    fn taking_in_changes_gives_the_index_a_rebuild_gives() {
        let before = rows(60);
        let old =
            SearchIndex::build(1, before.clone(), skills(), HashMap::new(), Default::default());
        let mut after: Vec<IndexRow> = before.clone();
        // Five taken down, five changed in every field the index keeps, five new ones (one the
        // newest, one older than all), and one of the changed ones published again today.
        after.retain(|r| ![3, 17, 18, 40, 59].contains(&r.id));
        for row in after.iter_mut().filter(|r| [5, 6, 22, 23, 50].contains(&r.id)) {
            row.workplace = Workplace::Remote;
            row.remote_countries = if row.id == 22 { vec!["FR".into()] } else { Vec::new() };
            row.city = Some("Elsewhere".into());
            row.point = Some((1.0, 2.0));
            row.skills = vec![4, 1];
            row.languages = vec![Locale::DE, Locale::EN];
            row.salary = None;
            row.valid_through = Some(row.published_at + chrono::TimeDelta::days(3));
        }
        after.iter_mut().find(|r| r.id == 50).unwrap().published_at =
            chrono::Utc::now().naive_utc();
        let mut new = rows(65).split_off(60);
        new[0].published_at = chrono::Utc::now().naive_utc() + chrono::TimeDelta::seconds(5);
        new[4].published_at -= chrono::TimeDelta::days(400);
        after.extend(new.clone());
        let changed: HashSet<i64> =
            [3, 17, 18, 40, 59, 5, 6, 22, 23, 50, 61, 62, 63, 64, 65].into_iter().collect();
        let rows_changed: Vec<IndexRow> =
            after.iter().filter(|r| changed.contains(&r.id)).cloned().collect();

        let taken_in = old.with_changes(2, &changed, rows_changed, skills(), HashMap::new());
        let rebuilt = SearchIndex::build(2, after, skills(), HashMap::new(), Default::default());
        assert_eq!(contents(&taken_in), contents(&rebuilt));
        assert_eq!(taken_in.len(), 60 - 5 + 5);
        assert_eq!(taken_in.columns.id[0], 61, "the newest posting comes first");
        assert_eq!(taken_in.position, rebuilt.position);
        assert_ne!(contents(&old), contents(&rebuilt), "the changes changed something");

        // A text query matching every third posting before, and every fourth of the changed
        // ones after, with a title match on some: carried over, its matches are a full read's.
        let score = |id: i64| if id % 2 == 0 { 2.0 } else { 1.0 };
        let before_hits = (1..=60).filter(|id| id % 3 == 0).map(|id| (id, score(id)));
        let after_hits: Vec<(i64, f64)> = rebuilt
            .columns
            .id
            .iter()
            .copied()
            .filter(|id| if changed.contains(id) { id % 4 == 0 } else { id % 3 == 0 })
            .map(|id| (id, score(id)))
            .collect();
        let earlier = old.text_matches(before_hits);
        let fresh = after_hits.iter().copied().filter(|(id, _)| changed.contains(id));
        let carried = taken_in.carried_text_matches(&earlier, fresh).expect("made by a step");
        let read = rebuilt.text_matches(after_hits.clone());
        assert_eq!(carried.docs, read.docs);
        assert_eq!(carried.scores, read.scores);
        assert!(carried.docs.len() > 10 && carried.scores.contains(&2.0), "{carried:?}");
        let step = taken_in.previous.as_ref().unwrap();
        assert_eq!((step.version, step.changed.len()), (1, changed.len()));
        assert!(rebuilt.carried_text_matches(&earlier, []).is_none(), "a rebuild has no step");
    }

    #[test]
    fn sorted_pages_match_a_full_sort_before_and_beyond_the_kept_ones() {
        let mut all = rows(1100);
        for row in &mut all {
            // Many ties: the sort must keep them newest first, as a stable sort would.
            row.salary.as_mut().unwrap().min = Some(1000 * (row.id % 37));
        }
        let index = SearchIndex::build(1, all, skills(), HashMap::new(), Default::default());
        let mut expected: Vec<(i64, u32)> =
            (0..1100).map(|pos| (index.columns.salary_eur[pos], pos as u32)).collect();
        expected.sort_by_key(|(salary, _)| std::cmp::Reverse(*salary));
        let now = chrono::Utc::now().naive_utc();
        for page in [1u32, 2, 50, 51, 55, 49, 1] {
            let p = crate::search::SearchParams {
                page,
                sort: Some(crate::search::Sort::Salary),
                ..Default::default()
            };
            let want: Vec<i64> = expected
                .iter()
                .skip((page as usize - 1) * 20)
                .take(20)
                .map(|(_, pos)| index.columns.id[*pos as usize])
                .collect();
            assert_eq!(index.search(&p, None, now, 20).ids, want, "page {page}");
        }
    }

    #[test]
    fn kept_answers_last_until_a_posting_closes() {
        let now = chrono::Utc::now().naive_utc();
        let mut all = rows(30);
        all[3].valid_through = Some(now + chrono::TimeDelta::seconds(10));
        let index = SearchIndex::build(1, all, skills(), HashMap::new(), Default::default());
        let p = crate::search::SearchParams { page: 1, ..Default::default() };
        let search = |at| index.search(&p, None, at, 20);
        let map = |at| index.map(&p, None, at, 5, 500);
        assert_eq!(search(now).total, 30);
        let first = map(now);
        assert!(Arc::ptr_eq(&first, &map(now + chrono::TimeDelta::seconds(9))), "kept");
        let later = now + chrono::TimeDelta::seconds(11);
        assert_eq!(search(later).total, 29, "the closed posting is gone");
        assert_eq!(map(later).total, first.total - 1);
        assert_eq!(search(now + chrono::TimeDelta::seconds(5)).total, 30, "and back in the past");
    }

    #[test]
    fn remote_roles_open_anywhere_count_in_every_country() {
        let index = SearchIndex::build(1, rows(12), skills(), HashMap::new(), Default::default());
        let all: RoaringBitmap = (0..12).collect();
        let by_sets = index.postings.country.count_by_sets(&all);
        // Remote roles are i % 3 == 2: i = 2, 8 are open to AT and DE; i = 5, 11 anywhere.
        let de = index.country_by_code["DE"] as usize;
        let at = index.country_by_code["AT"] as usize;
        assert_eq!(by_sets[at], 2 + 2);
        assert_eq!(by_sets[de], 4 + 2 + 2, "4 in DE, 2 open to DE, 2 anywhere");
        assert_eq!(by_sets, index.postings.country.count_by_postings(&all));
    }
}
