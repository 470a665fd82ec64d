//! One facet of the search index: the postings having each value, and each posting's values.

use roaring::RoaringBitmap;

/// Variable-length lists per posting, flattened: row `i` is `values[offsets[i]..offsets[i + 1]]`.
#[derive(Debug)]
pub(super) struct Ragged {
    offsets: Vec<u32>,
    values: Vec<u32>,
}

impl Default for Ragged {
    fn default() -> Self {
        Ragged { offsets: vec![0], values: Vec::new() }
    }
}

impl Ragged {
    pub(super) fn row(&self, i: usize) -> &[u32] {
        &self.values[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
}

/// One facet: for each value the set of postings having it, and for each posting its values.
/// Counting uses whichever is cheaper: intersecting each value's set with the candidates, or
/// (for few candidates) reading the candidates' own values.
#[derive(Debug, Default)]
pub(super) struct Dimension {
    pub(super) sets: Vec<RoaringBitmap>,
    pub(super) per_posting: Ragged,
    /// Postings that have every value (remote roles open anywhere, for countries).
    pub(super) everywhere: RoaringBitmap,
}

impl Dimension {
    pub(super) fn with_values(n: usize) -> Dimension {
        Dimension { sets: vec![RoaringBitmap::new(); n], ..Default::default() }
    }

    /// Appends posting `pos` (postings are added in order) with its values.
    pub(super) fn push(&mut self, pos: u32, values: impl IntoIterator<Item = u32>) {
        let start = self.per_posting.values.len();
        for v in values {
            if self.per_posting.values[start..].contains(&v) {
                continue;
            }
            if self.sets.len() <= v as usize {
                self.sets.resize_with(v as usize + 1, RoaringBitmap::new);
            }
            self.sets[v as usize].insert(pos);
            self.per_posting.values.push(v);
        }
        self.per_posting.offsets.push(self.per_posting.values.len() as u32);
    }

    /// Adds the postings having every value to each value's set, once all are known.
    pub(super) fn finish(&mut self) {
        for set in &mut self.sets {
            *set |= &self.everywhere;
        }
    }

    /// How many of `candidates` have each value.
    pub(super) fn count(&self, candidates: &RoaringBitmap, postings: usize) -> Vec<u32> {
        // Both cost about one step per (posting, value) pair; reading the candidates' values
        // wins unless they are nearly all postings (then the sets are dense and fast to probe).
        if (candidates.len() as usize) * 2 >= postings {
            self.count_by_sets(candidates)
        } else {
            self.count_by_postings(candidates)
        }
    }

    pub(super) fn count_by_sets(&self, candidates: &RoaringBitmap) -> Vec<u32> {
        self.sets.iter().map(|s| s.intersection_len(candidates) as u32).collect()
    }

    pub(super) fn count_by_postings(&self, candidates: &RoaringBitmap) -> Vec<u32> {
        let mut counts = vec![0u32; self.sets.len()];
        for pos in candidates {
            for v in self.per_posting.row(pos as usize) {
                counts[*v as usize] += 1;
            }
        }
        let everywhere = candidates.intersection_len(&self.everywhere) as u32;
        if everywhere > 0 {
            counts.iter_mut().for_each(|c| *c += everywhere);
        }
        counts
    }
}
