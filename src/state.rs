//! What every handler shares.

use std::sync::Arc;

use crate::auth::rate_limit::Limit;
use crate::config::Config;

/// Sign-in attempts one address may make per window, whatever the accounts.
pub const LOGIN_ATTEMPTS_PER_IP: usize = 20;
pub const LOGIN_WINDOW: std::time::Duration = std::time::Duration::from_secs(10 * 60);
pub const LOGIN_LIMIT: Limit =
    Limit { bucket: "sign-in", max: LOGIN_ATTEMPTS_PER_IP as u32, window: LOGIN_WINDOW };
/// Job alert sign-ups from one address per hour: each one mails a stranger's address.
pub const ALERT_SIGN_UP_LIMIT: Limit =
    Limit { bucket: "alert-sign-up", max: 10, window: std::time::Duration::from_secs(3600) };
/// Employer sign-ups from one address per hour: each makes an account and mails an address.
pub const EMPLOYER_SIGN_UP_LIMIT: Limit =
    Limit { bucket: "employer-sign-up", max: 5, window: std::time::Duration::from_secs(3600) };
/// Colleagues one recruiter may invite per hour: each invitation mails an address.
pub const TEAM_INVITE_LIMIT: Limit =
    Limit { bucket: "team-invite", max: 10, window: std::time::Duration::from_secs(3600) };
use crate::db::{Backend, DbPool, QueryCounter};
use crate::search::SearchHandle;
use crate::web::versioned_cache::{self, CardCache, PageCache, VersionedCache};

#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub backend: Backend,
    pub config: Arc<Config>,
    pub search: SearchHandle,
    /// The messages people read: the shipped files with the translators' overrides.
    pub messages: crate::i18n::Messages,
    /// Uploaded files (CVs, logos).
    pub storage: crate::uploads::Storage,
    /// Formatted result cards, shared by the public pages that list postings.
    pub cards: CardCache,
    /// Card loads in progress, by version, language and ids: one per page at a time.
    pub card_loads: crate::web::card_cache::CardLoads,
    /// Posting pages' data, for the posting page and what follows an application.
    pub pages: PageCache,
    /// The API's listed postings, serialized.
    pub api_cards: crate::web::versioned_cache::ApiCardCache,
    /// The back office's cached scope counts.
    pub scope_counts: crate::admin::index::ScopeCounts,
    /// SQL statements run so far on this state's pool (for query-budget tests).
    pub queries: QueryCounter,
    /// The postings' numbers counted by this process, not yet written.
    pub analytics: crate::analytics::Counter,
}

impl AppState {
    /// A translator into `locale` with this instance's current messages.
    pub fn tr(&self, locale: crate::i18n::Locale) -> crate::i18n::Tr {
        self.messages.tr(locale)
    }

    /// Connects to the database, applies migrations and builds the search index.
    pub fn open(config: Config) -> Result<AppState, String> {
        let (pool, queries) = crate::db::connect(&config.database_url, config.pool_settings())?;
        crate::webhooks::guard::set_allow_list(config.webhook_allow_hosts.clone());
        let search = SearchHandle::default();
        let messages = crate::i18n::Messages::open(&config.locales_dir)?;
        {
            let mut conn =
                pool.get().map_err(|e| format!("cannot connect to the database: {e}"))?;
            crate::db::migrate(&mut conn)?;
            search.rebuild(&mut conn).map_err(|e| format!("cannot build the search index: {e}"))?;
            messages
                .refresh_if_stale(&mut conn)
                .map_err(|e| format!("cannot read the translators' messages: {e}"))?;
            crate::i18n::states::record_sources(&mut conn, &messages.generation())
                .map_err(|e| format!("cannot record the messages' English sources: {e}"))?;
        }
        let storage = crate::uploads::Storage::open(&config.storage_url)?;
        let counting_off = config.analytics_flush.is_zero();
        Ok(AppState {
            storage,
            backend: Backend::from_url(&config.database_url)?,
            pool,
            config: Arc::new(config),
            search,
            messages,
            cards: VersionedCache::new(versioned_cache::CARD_ENTRIES),
            card_loads: Default::default(),
            pages: VersionedCache::new(versioned_cache::PAGE_ENTRIES),
            api_cards: VersionedCache::new(versioned_cache::API_CARD_ENTRIES),
            scope_counts: Default::default(),
            queries,
            analytics: crate::analytics::Counter::new(!counting_off),
        })
    }
}
