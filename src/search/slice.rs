//! Results a slice at a time, each starting after the last one's final posting: what the API's
//! cursors carry. An offset would skip or repeat postings when some are published or closed
//! between two requests; a posting's place in the sort does not move.

use std::borrow::Cow;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::NaiveDateTime;
use roaring::RoaringBitmap;

use super::index::{SearchIndex, TextMatches, unix};
use super::params::{SearchParams, Sort};
use super::query::{Filter, intersect};

/// A posting's place in a sort: results come by `key`, then `published`, then `id`, each
/// descending. `key` is the relevance (as an ordered integer), the yearly salary, or the
/// distance in metres negated (nearest first; `i64::MIN` without a point); 0 for the
/// newest-first sort.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Anchor {
    key: i64,
    published: i64,
    id: i64,
}

/// The same sort, where a cursor says the previous slice ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    sort: Sort,
    after: Anchor,
}

impl Cursor {
    /// An opaque token: clients pass it back and never build one.
    pub fn encode(&self) -> String {
        let Anchor { key, published, id } = self.after;
        URL_SAFE_NO_PAD.encode(format!("1.{}.{key}.{published}.{id}", self.sort.as_str()))
    }

    pub fn decode(token: &str) -> Option<Cursor> {
        if token.len() > 200 {
            return None;
        }
        let text = String::from_utf8(URL_SAFE_NO_PAD.decode(token).ok()?).ok()?;
        let mut parts = text.split('.');
        if parts.next()? != "1" {
            return None;
        }
        let sort = Sort::parse(parts.next()?)?;
        let mut number = || parts.next()?.parse::<i64>().ok();
        let after = Anchor { key: number()?, published: number()?, id: number()? };
        parts.next().is_none().then_some(Cursor { sort, after })
    }
}

/// A cursor made by another sort than the request's: it marks no place in this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtherSort;

/// One slice of results.
#[derive(Debug)]
pub struct Slice {
    /// How many postings match, in all slices.
    pub total: usize,
    pub ids: Vec<i64>,
    /// Where the next slice starts; `None` on the last.
    pub next: Option<Cursor>,
}

/// A relevance as an integer that sorts as the float does.
fn ordered(score: f32) -> i64 {
    let bits = score.to_bits() as i32;
    i64::from(bits ^ (((bits >> 31) as u32) >> 1) as i32)
}

impl SearchIndex {
    /// Up to `limit` postings matching `params` (whose page is ignored) that come after
    /// `after` in `params`' sort; `text` must hold the text query's matches when there is one.
    /// A cursor from another sort is refused.
    pub fn slice(
        &self,
        params: &SearchParams,
        text: Option<&TextMatches>,
        now: NaiveDateTime,
        after: Option<Cursor>,
        limit: usize,
    ) -> Result<Slice, OtherSort> {
        let sort = params.effective_sort();
        if after.is_some_and(|cursor| cursor.sort != sort) {
            return Err(OtherSort);
        }
        let now = unix(now);
        let window = self.window_at(now);
        let sets: Vec<Cow<RoaringBitmap>> =
            Filter::ALL.into_iter().filter_map(|f| self.filter_set(f, params, text, now)).collect();
        let result = intersect(&window, sets.iter().map(|s| s.as_ref()));
        let centre = params.near.as_ref().and_then(|near| self.locate(near));
        let anchor = |i: u32| {
            let key = match sort {
                Sort::Newest => 0,
                Sort::Distance => {
                    centre.zip(self.columns.point[i as usize]).map_or(i64::MIN, |(c, p)| {
                        -((super::geo::distance_km(c, p) * 1000.0).round() as i64)
                    })
                }
                Sort::Salary => self.columns.salary_eur[i as usize],
                Sort::Relevance => ordered(text.map_or(0.0, |t| t.score(i))),
            };
            Anchor {
                key,
                published: self.columns.published[i as usize],
                id: self.columns.id[i as usize],
            }
        };
        // Positions are (published, id) descending: the newest-first sort is their order, and
        // the other sorts are stable over it.
        let mut order: Vec<u32> = match sort {
            Sort::Newest => {
                // The first position past the anchor, by bisection.
                let (mut start, mut end) = (0, self.len() as u32);
                if let Some(cursor) = after {
                    while start < end {
                        let middle = start + (end - start) / 2;
                        if anchor(middle) >= cursor.after {
                            start = middle + 1;
                        } else {
                            end = middle;
                        }
                    }
                }
                result.range(start..).take(limit + 1).collect()
            }
            Sort::Salary | Sort::Relevance | Sort::Distance => {
                let mut all: Vec<(Anchor, u32)> = result.iter().map(|i| (anchor(i), i)).collect();
                all.sort_by_key(|(anchor, _)| std::cmp::Reverse(*anchor));
                let start =
                    after.map_or(0, |cursor| all.partition_point(|(a, _)| *a >= cursor.after));
                all[start..].iter().take(limit + 1).map(|(_, i)| *i).collect()
            }
        };
        let more = order.len() > limit;
        order.truncate(limit);
        Ok(Slice {
            total: result.len() as usize,
            ids: order.iter().map(|i| self.columns.id[*i as usize]).collect(),
            next: order.last().filter(|_| more).map(|i| Cursor { sort, after: anchor(*i) }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_refuse_anything_else() {
        let cursor = Cursor {
            sort: Sort::Salary,
            after: Anchor { key: 65_000, published: 1_700_000_000, id: 42 },
        };
        assert_eq!(Cursor::decode(&cursor.encode()), Some(cursor));
        for token in ["", "xyz", "%%%", &"A".repeat(300)] {
            assert_eq!(Cursor::decode(token), None, "{token}");
        }
        let forged = |text: &str| Cursor::decode(&URL_SAFE_NO_PAD.encode(text));
        assert_eq!(forged("2.salary.1.2.3"), None, "another version");
        assert_eq!(forged("1.price.1.2.3"), None, "another sort");
        assert_eq!(forged("1.salary.1.2"), None, "a part missing");
        assert_eq!(forged("1.salary.1.2.3.4"), None, "a part too many");
        assert!(forged("1.newest.0.-5.7").is_some(), "negative numbers are numbers");
    }

    #[test]
    fn relevance_keys_sort_as_the_scores_do() {
        let scores = [0.0f32, 0.25, 1.0, 2.5, 100.0];
        let keys: Vec<i64> = scores.iter().map(|s| ordered(*s)).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
        assert!(ordered(-1.0) < ordered(0.0));
    }
}
