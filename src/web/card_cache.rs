//! Result cards, formatted per locale, through the card cache (see `versioned_cache`).
//!
//! With the cards at hand, a search page whose text matches are cached needs neither a query
//! nor a trip to the blocking thread pool.

use std::sync::Arc;

use super::view::{CardView, load_cards};
use super::with_read_conn;
use crate::error::AppError;
use crate::i18n::{Locale, Tr};
use crate::search::SearchIndex;
use crate::state::AppState;

/// Loads of missing cards in progress: requests for the same page at the same moment (all of
/// them, right after postings change) share one.
pub type CardLoads = super::single_flight::SingleFlight<(i64, Locale, Vec<i64>), Loaded>;

/// Cards just loaded, by posting id.
pub type Loaded = Arc<Vec<(i64, Arc<CardView>)>>;

/// The cards of published postings `ids`, in order: from the cache, loading the missing ones
/// with one query (once for all the requests missing the same ones together). Ids the
/// database no longer has are left out.
pub async fn card_views(
    state: &AppState,
    index: &Arc<SearchIndex>,
    ids: &[i64],
    tr: Tr,
) -> Result<Vec<Arc<CardView>>, AppError> {
    let cache = &state.cards;
    let mut found = cache.get_many(index.version, tr.locale, ids);
    let missing: Vec<i64> =
        ids.iter().zip(&found).filter(|(_, card)| card.is_none()).map(|(id, _)| *id).collect();
    if !missing.is_empty() {
        let key = (index.version, tr.locale, missing.clone());
        let load = || async {
            let loading_index = index.clone();
            let loaded = with_read_conn(state, move |conn| {
                Ok(load_cards(conn, &loading_index, &missing, tr.locale)?)
            })
            .await?;
            let loaded: Vec<(i64, Arc<CardView>)> =
                loaded.iter().map(|card| (card.id, Arc::new(CardView::new(card, &tr)))).collect();
            cache.put_many(index.version, tr.locale, loaded.iter().cloned());
            Ok::<_, AppError>(Arc::new(loaded))
        };
        let loaded = state.card_loads.run(key, load).await?;
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
