//! The messages people read, as each app instance holds them: the shipped `locales/<lang>/*.ftl`
//! files (read once per process and folder) with the translators' overrides from the database
//! on top (`message_overrides`, edited in `/admin/translations`).
//!
//! A [`Generation`] is one consistent set of bundles; a [`Tr`] holds the generation it was made
//! from, so a page never mixes two. When the `messages` change counter moves (a save here, or
//! on another app server), the next refresh builds a new generation and swaps it in; requests
//! in flight keep the old one.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, RwLock};
use std::time::Duration;

use arc_swap::ArcSwap;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

use super::catalog::{Catalog, SOURCE};
use super::{Locale, Tr};
use crate::db::{DbConn, DbPool};

type Bundle = FluentBundle<Arc<FluentResource>>;

/// The message files of one `locales/` folder, parsed.
pub struct Shipped {
    /// The files as translators see them (ids, values, comments, lines).
    pub catalog: Catalog,
    /// Each language's files, ready for a bundle.
    resources: BTreeMap<String, Vec<Arc<FluentResource>>>,
}

impl Shipped {
    /// Reads `dir` once per process: every app instance (and test) on the same folder shares
    /// the parsed files.
    pub fn load(dir: &Path) -> Result<Arc<Shipped>, String> {
        static LOADED: LazyLock<Mutex<HashMap<PathBuf, Arc<Shipped>>>> =
            LazyLock::new(Default::default);
        let key = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
        let mut loaded = LOADED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(shipped) = loaded.get(&key) {
            return Ok(shipped.clone());
        }
        let catalog = Catalog::load(dir)
            .map_err(|e| format!("cannot read the messages in {}: {e}", dir.display()))?;
        let mut resources = BTreeMap::new();
        for (lang, files) in &catalog.languages {
            let list: Vec<Arc<FluentResource>> = files
                .values()
                // A file with a broken entry still gives its other messages; `hireboard i18n
                // check` (and the test that runs it) names the broken one.
                .map(|f| {
                    Arc::new(FluentResource::try_new(f.source.clone()).unwrap_or_else(|e| e.0))
                })
                .collect();
            resources.insert(lang.clone(), list);
        }
        let shipped = Arc::new(Shipped { catalog, resources });
        loaded.insert(key, shipped.clone());
        Ok(shipped)
    }

    /// The folder the crate ships, for tools and tests that run without an app.
    pub fn builtin() -> Arc<Shipped> {
        static BUILTIN: LazyLock<Arc<Shipped>> = LazyLock::new(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
            Shipped::load(&dir).unwrap_or_else(|e| panic!("the shipped messages: {e}"))
        });
        BUILTIN.clone()
    }

    /// The `.ftl` file `id` is defined in, in English.
    pub fn file_of(&self, id: &str) -> Option<&str> {
        let english = self.catalog.languages.get(SOURCE)?;
        english.iter().find(|(_, f)| f.messages.contains_key(id)).map(|(name, _)| name.as_str())
    }

    /// A message's shipped value (what follows `id = `) in `lang`.
    pub fn value(&self, lang: &str, id: &str) -> Option<&str> {
        let files = self.catalog.languages.get(lang)?;
        files.values().find_map(|f| f.messages.get(id).map(|m| &f.source[m.value.clone()]))
    }
}

/// A message a translator saved in the back office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub id: i64,
    /// What follows `id = `, as in a file.
    pub source: String,
    pub admin_user_id: Option<i64>,
    pub updated_at: chrono::NaiveDateTime,
}

/// One consistent set of messages: the shipped files with the overrides of one version.
pub struct Generation {
    /// The `messages` change counter it was built at (-1: the shipped files only).
    pub version: i64,
    /// Overrides by language, then message id.
    pub overrides: BTreeMap<String, BTreeMap<String, Override>>,
    pub shipped: Arc<Shipped>,
    /// By `Locale::index`.
    bundles: Vec<Bundle>,
    /// Texts that depend only on the key (see [`Tr::cached`]), by `Locale::index`.
    cache: Vec<RwLock<HashMap<String, String>>>,
}

impl Generation {
    fn build(
        shipped: Arc<Shipped>,
        version: i64,
        overrides: BTreeMap<String, BTreeMap<String, Override>>,
    ) -> Generation {
        let bundles = Locale::table(|locale| {
            let lang = locale.as_str();
            let langid: LanguageIdentifier = lang.parse().unwrap_or_default();
            let mut bundle = Bundle::new_concurrent(vec![langid]);
            // Unicode isolation marks around placeables render as stray boxes in some
            // browsers and break tests that compare text; our placeables are never
            // bidirectional.
            bundle.set_use_isolating(false);
            for resource in shipped.resources.get(lang).into_iter().flatten() {
                // Ids defined twice are reported by `hireboard i18n check`; the first wins.
                let _ = bundle.add_resource(resource.clone());
            }
            if let Some(saved) = overrides.get(lang) {
                let text: String =
                    saved.iter().map(|(id, o)| super::exchange::entry(id, &o.source)).collect();
                match FluentResource::try_new(text) {
                    Ok(resource) => bundle.add_resource_overriding(Arc::new(resource)),
                    // Saving checks every override; one that no longer parses is skipped
                    // whole rather than half-applied.
                    Err((_, errors)) => {
                        log::error!("overrides of {lang} do not parse, skipped: {errors:?}")
                    }
                }
            }
            bundle
        });
        let cache = Locale::table(|_| RwLock::default());
        Generation { version, overrides, shipped, bundles, cache }
    }

    /// The message in `locale`, else in English; `None` when neither has it.
    pub fn format(&self, locale: Locale, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        format(&self.bundles[locale.index()], id, args).or_else(|| {
            (locale != Locale::EN)
                .then(|| format(&self.bundles[Locale::EN.index()], id, args))
                .flatten()
        })
    }

    /// Whether `locale`'s own bundle (shipped or overridden) has the message.
    pub fn has(&self, locale: Locale, id: &str) -> bool {
        self.bundles[locale.index()].has_message(id)
    }

    /// A message formatted with `args` as they are (for previews, which show a text without
    /// falling back to English).
    pub fn format_value(
        locale: Locale,
        id: &str,
        value: &str,
        args: &FluentArgs,
    ) -> Result<String, String> {
        let resource = FluentResource::try_new(super::exchange::entry(id, value))
            .map_err(|(_, errors)| format!("{errors:?}"))?;
        let langid: LanguageIdentifier = locale.as_str().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).map_err(|errors| format!("{errors:?}"))?;
        let pattern = bundle
            .get_message(id)
            .and_then(|m| m.value())
            .ok_or_else(|| format!("{id} has no value"))?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(args), &mut errors).into_owned();
        if errors.is_empty() { Ok(text) } else { Err(format!("{errors:?}")) }
    }

    /// The shipped file `name` (`jobs.ftl`) of `lang` with this generation's saved texts in
    /// it, byte for byte otherwise; `None` when English has no such file.
    pub fn file_text(&self, lang: &str, name: &str) -> Option<String> {
        let catalog = &self.shipped.catalog;
        let english = catalog.languages.get(SOURCE)?.get(name)?;
        let current = catalog.languages.get(lang).and_then(|f| f.get(name));
        let changes: Vec<(&str, &str)> = self
            .overrides
            .get(lang)
            .into_iter()
            .flatten()
            .filter(|(id, _)| english.messages.contains_key(*id))
            .map(|(id, o)| (id.as_str(), o.source.as_str()))
            .collect();
        Some(
            super::exchange::rewrite(current, &changes)
                .or_else(|| current.map(|f| f.source.clone()))
                .unwrap_or_default(),
        )
    }

    pub(super) fn cached(
        &self,
        locale: Locale,
        key: &str,
        compute: impl FnOnce() -> String,
    ) -> String {
        const MAX_ENTRIES: usize = 10_000;
        let slot = &self.cache[locale.index()];
        if let Some(text) = slot.read().unwrap_or_else(|e| e.into_inner()).get(key) {
            return text.clone();
        }
        let text = compute();
        let mut map = slot.write().unwrap_or_else(|e| e.into_inner());
        if map.len() >= MAX_ENTRIES {
            map.clear();
        }
        map.insert(key.to_owned(), text.clone());
        text
    }
}

fn format(bundle: &Bundle, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let message = bundle.get_message(id)?;
    let pattern = message.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        log::warn!("Fluent message {id:?}: {errors:?}");
    }
    Some(text.into_owned())
}

/// One app instance's messages (cheap to clone: every clone sees the same generations).
#[derive(Clone)]
pub struct Messages {
    current: Arc<ArcSwap<Generation>>,
    /// When the version last moved: the overrides are read again until it has settled.
    moved_at: Arc<std::sync::Mutex<Option<std::time::Instant>>>,
}

/// How long after the version moves the overrides are still read again. On PostgreSQL the
/// version is a sequence, bumped inside the saving transaction and seen by others before
/// that transaction commits: a reading in between sees the new version with the old rows.
const SETTLE: Duration = Duration::from_secs(10);

impl Messages {
    /// The files under `dir`, without overrides until the first [`Messages::refresh_if_stale`].
    pub fn open(dir: &Path) -> Result<Messages, String> {
        let shipped = Shipped::load(dir)?;
        if !shipped.catalog.languages.contains_key(SOURCE) {
            return Err(format!(
                "{}: no {SOURCE}/ folder with the English messages",
                dir.display()
            ));
        }
        Ok(Messages::of(shipped))
    }

    fn of(shipped: Arc<Shipped>) -> Messages {
        let generation = Generation::build(shipped, -1, BTreeMap::new());
        Messages { current: Arc::new(ArcSwap::from_pointee(generation)), moved_at: Arc::default() }
    }

    /// The shipped files alone, for tools and tests that run without an app.
    pub fn builtin() -> Messages {
        static BUILTIN: LazyLock<Messages> = LazyLock::new(|| Messages::of(Shipped::builtin()));
        BUILTIN.clone()
    }

    pub fn tr(&self, locale: Locale) -> Tr {
        Tr::of(locale, self.current.load_full())
    }

    pub fn generation(&self) -> Arc<Generation> {
        self.current.load_full()
    }

    /// Rebuilds the bundles if the overrides changed since; returns whether it did.
    pub fn refresh_if_stale(&self, conn: &mut DbConn) -> diesel::QueryResult<bool> {
        let version = crate::db::dialect::change_count(conn, "messages")?;
        let current = self.current.load();
        let mut moved_at = self.moved_at.lock().unwrap_or_else(|e| e.into_inner());
        let settling = moved_at.is_some_and(|at| at.elapsed() < SETTLE);
        if version == current.version && !settling {
            return Ok(false);
        }
        if version != current.version {
            *moved_at = Some(std::time::Instant::now());
        }
        drop(moved_at);
        let overrides = load_overrides(conn)?;
        if version == current.version && overrides == current.overrides {
            return Ok(false);
        }
        let generation = Generation::build(current.shipped.clone(), version, overrides);
        self.current.store(Arc::new(generation));
        Ok(true)
    }

    /// Polls the database every `interval` in a background thread, so that a message saved on
    /// another app server shows here within that time.
    pub fn spawn_refresher(&self, pool: DbPool, interval: Duration) {
        let messages = self.clone();
        crate::db::poll::spawn("messages-refresh", pool, interval, move |conn| {
            messages.refresh_if_stale(conn)
        });
    }
}

fn load_overrides(
    conn: &mut DbConn,
) -> diesel::QueryResult<BTreeMap<String, BTreeMap<String, Override>>> {
    use crate::db::schema::message_overrides as o;
    use diesel::prelude::*;
    let rows: Vec<(i64, String, String, String, Option<i64>, chrono::NaiveDateTime)> = o::table
        .select((o::id, o::locale, o::message_id, o::source, o::admin_user_id, o::updated_at))
        .load(conn)?;
    let mut out: BTreeMap<String, BTreeMap<String, Override>> = BTreeMap::new();
    for (id, locale, message_id, source, admin_user_id, updated_at) in rows {
        out.entry(locale)
            .or_default()
            .insert(message_id, Override { id, source, admin_user_id, updated_at });
    }
    Ok(out)
}
