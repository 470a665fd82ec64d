//! Result cards, formatted per locale, kept between requests.
//!
//! A card changes only when its posting does, and every such change bumps the search index's
//! version, which is part of the key: a card from an older index is never served, it just ages
//! out. With the cards at hand, a search page whose text matches are cached needs neither a
//! query nor a trip to the blocking thread pool.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

use lru::LruCache;

use super::view::{CardView, load_cards};
use super::with_read_conn;
use crate::error::AppError;
use crate::i18n::{Locale, Tr};
use crate::search::SearchIndex;
use crate::state::AppState;

/// About 600 bytes a card: a few megabytes at most.
const ENTRIES: NonZeroUsize = NonZeroUsize::new(4096).unwrap();

type Key = (i64, Locale, i64);

#[derive(Clone)]
pub struct CardCache {
    entries: Arc<Mutex<LruCache<Key, Arc<CardView>>>>,
}

impl Default for CardCache {
    fn default() -> CardCache {
        CardCache { entries: Arc::new(Mutex::new(LruCache::new(ENTRIES))) }
    }
}

impl CardCache {
    /// The cached cards of `ids` in order, and the ids that are not cached.
    fn lookup(
        &self,
        version: i64,
        locale: Locale,
        ids: &[i64],
    ) -> (Vec<Option<Arc<CardView>>>, Vec<i64>) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let found: Vec<Option<Arc<CardView>>> =
            ids.iter().map(|id| entries.get(&(version, locale, *id)).cloned()).collect();
        let missing =
            ids.iter().zip(&found).filter(|(_, card)| card.is_none()).map(|(id, _)| *id).collect();
        (found, missing)
    }

    fn store(&self, version: i64, locale: Locale, cards: &[(i64, Arc<CardView>)]) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        for (id, card) in cards {
            entries.put((version, locale, *id), card.clone());
        }
    }
}

/// The cards of published postings `ids`, in order: from the cache, loading the missing ones
/// with one query. Ids the database no longer has are left out.
pub async fn card_views(
    state: &AppState,
    index: &Arc<SearchIndex>,
    ids: &[i64],
    tr: Tr,
) -> Result<Vec<Arc<CardView>>, AppError> {
    let cache = &state.cards;
    let (mut found, missing) = cache.lookup(index.version, tr.locale, ids);
    if !missing.is_empty() {
        let loading_index = index.clone();
        let loaded = with_read_conn(state, move |conn| {
            Ok(load_cards(conn, &loading_index, &missing, tr.locale)?)
        })
        .await?;
        let loaded: Vec<(i64, Arc<CardView>)> =
            loaded.iter().map(|card| (card.id, Arc::new(CardView::new(card, &tr)))).collect();
        cache.store(index.version, tr.locale, &loaded);
        for (slot, id) in found.iter_mut().zip(ids) {
            if slot.is_none() {
                *slot = loaded
                    .iter()
                    .find(|(loaded_id, _)| loaded_id == id)
                    .map(|(_, card)| card.clone());
            }
        }
    }
    Ok(found.into_iter().flatten().collect())
}
