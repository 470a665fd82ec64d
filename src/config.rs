//! Typed configuration from the environment, validated once at start.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::i18n::Locale;

#[derive(Clone)]
pub struct Config {
    pub database_url: String,
    pub bind: SocketAddr,
    pub data_dir: PathBuf,
    /// The message files, `<dir>/<lang>/*.ftl` (LOCALES_DIR, `locales` by default).
    pub locales_dir: PathBuf,
    /// The public address, without a trailing slash: canonical links, feeds and sitemaps.
    pub base_url: String,
    /// At least 64 bytes; signs and encrypts the session cookie. Never logged.
    pub secret_key: Vec<u8>,
    pub default_locale: Locale,
    /// How often each instance checks whether postings changed elsewhere; zero turns the
    /// background check off (tests refresh explicitly).
    pub search_refresh: Duration,
    pub db_pool_size: u32,
    /// HTTP worker threads; zero means one per core.
    pub http_workers: usize,
    /// A back-office session ends after this long without a request…
    pub admin_idle: Duration,
    /// …and this long after signing in, whatever the activity.
    pub admin_lifetime: Duration,
    /// Tasks the embedded worker of `serve` (and `worker`) runs at once; zero turns the
    /// embedded worker off.
    pub worker_concurrency: usize,
    /// Only these task queues; every queue when empty.
    pub worker_queues: Vec<String>,
    /// How often an idle worker looks for ready tasks.
    pub task_poll: Duration,
    /// How long running tasks may take to finish when the process is asked to stop.
    pub worker_shutdown_grace: Duration,
    /// How long a claimed task stays a worker's without a renewal: after that (the worker
    /// died) another worker runs it again.
    pub task_lease: Duration,
    /// Where mail goes (`smtp://`, `smtps://` with credentials); none: the Outbox page.
    pub smtp_url: Option<String>,
    /// The sender of every mail, like `Hireboard <jobs@example.com>`.
    pub mail_from: String,
    /// `host:port` pairs webhooks may reach although the SSRF guard would refuse them (tests'
    /// loopback receivers). Empty in production.
    pub webhook_allow_hosts: Vec<String>,
    /// Google's Indexing API, told about postings going live and closing: a service
    /// account's key file and the endpoint. Off when unset.
    pub google_indexing: Option<crate::indexing::IndexingConfig>,
    /// Where uploads live: `file:///dir` (default: `DATA_DIR/uploads`) or `s3://bucket/prefix`.
    pub storage_url: String,
    /// Applications (with their CVs) untouched for this many days are deleted; 0 keeps them.
    pub application_retention_days: u32,
    /// The most days a posting may stay open after its first publication, counting the
    /// extensions its recruiters ask for from the expiry reminders (`MAX_POSTING_DAYS`).
    pub max_posting_days: u32,
    /// The proxies whose `X-Forwarded-For` tells the client's address; none by default.
    pub trusted_proxies: crate::client_ip::TrustedProxies,
    /// How long a request waits for a database connection before it gets 503.
    pub db_pool_wait: Duration,
    /// The longest a PostgreSQL statement may run.
    pub db_statement_timeout: Duration,
    /// An apply form sent sooner than this after it was shown is refused as automated; 0
    /// turns the check off.
    pub apply_min_fill_seconds: u64,
    /// How long browsers and shared caches may keep an anonymous public page before asking
    /// again (`PUBLIC_CACHE_SECONDS`); 0: they ask every time.
    pub public_cache_seconds: u32,
    /// How often each process writes the postings' numbers it counted in memory
    /// (`ANALYTICS_FLUSH_SECONDS`): the most a crash can lose; 0 turns counting off.
    pub analytics_flush: Duration,
    /// Back-office roles that must sign in with a second factor (`MFA_REQUIRED_ROLES`): their
    /// users are sent to enrol before anything else.
    pub mfa_required_roles: Vec<crate::models::AdminRole>,
    /// Requests one API token may make per minute (`API_RATE_LIMIT`), counted by all app
    /// servers together.
    pub api_rate_limit: u32,
    /// Sites whose pages may read the API's public data from the browser (`CORS_ORIGINS`):
    /// origins like `https://partner.example`, or `*` for any.
    pub cors_origins: Vec<String>,
    /// Where the search page's map gets its tiles (`MAP_TILES`): a URL with `{z}`, `{x}` and
    /// `{y}`; OpenStreetMap's by default. Its origin is the only outside one pages may load
    /// images from.
    pub map_tiles: String,
    /// The tiles' credit shown on the map (`MAP_ATTRIBUTION`), as plain text.
    pub map_attribution: String,
    /// The Content-Security-Policy of every page, naming the tiles' origin.
    pub content_security_policy: String,
}

/// The tiles of the OpenStreetMap Foundation, which asks for its credit on the map.
pub const OSM_TILES: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const OSM_ATTRIBUTION: &str = "© OpenStreetMap contributors";

/// The pages' policy: no inline scripts or styles; map tiles from `tiles_origin` are the only
/// outside resource a page may load.
pub fn content_security_policy(tiles_origin: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: {tiles_origin}; \
         font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// The origin of a tile URL template, when it is one a policy can name.
fn tiles_origin(template: &str) -> Option<String> {
    let probe =
        template.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0").replace("{s}", "a");
    let url = url::Url::parse(&probe).ok()?;
    let placeholders = ["{z}", "{x}", "{y}"].iter().all(|p| template.contains(p));
    let safe = |c: char| c.is_ascii_alphanumeric() || ".-:/[]".contains(c);
    let origin = url.origin().ascii_serialization();
    (placeholders
        && matches!(url.scheme(), "https" | "http")
        && !template.contains("{s}")
        && origin.chars().all(safe))
    .then_some(origin)
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field("bind", &self.bind)
            .field("data_dir", &self.data_dir)
            .field("base_url", &self.base_url)
            .field("secret_key", &"<redacted>")
            .field("default_locale", &self.default_locale)
            .finish_non_exhaustive()
    }
}

/// A URL with any password replaced, for logs.
pub fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_owned(),
    }
}

/// A configuration variable with a bad value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{var}: {message}")]
pub struct ConfigError {
    pub var: &'static str,
    pub message: String,
}

fn bad(var: &'static str, message: impl Into<String>) -> ConfigError {
    ConfigError { var, message: message.into() }
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads configuration through `get`, so that tests can supply their own variables.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let get = |name: &str| get(name).filter(|v| !v.trim().is_empty());
        let data_dir = PathBuf::from(get("DATA_DIR").unwrap_or_else(|| "data".into()));
        let locales_dir = PathBuf::from(get("LOCALES_DIR").unwrap_or_else(|| "locales".into()));
        let database_url = get("DATABASE_URL")
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("hireboard.db").display()));
        crate::db::Backend::from_url(&database_url).map_err(|m| bad("DATABASE_URL", m))?;
        let bind: SocketAddr = get("BIND")
            .unwrap_or_else(|| "127.0.0.1:8080".into())
            .parse()
            .map_err(|_| bad("BIND", "expected an address and port such as 127.0.0.1:8080"))?;
        let base_url = match get("BASE_URL") {
            Some(raw) => {
                let parsed = url::Url::parse(&raw).map_err(|e| {
                    bad(
                        "BASE_URL",
                        format!("not a URL ({e}); expected e.g. https://jobs.example.com"),
                    )
                })?;
                if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
                    return Err(bad("BASE_URL", "expected an http:// or https:// URL with a host"));
                }
                raw.trim_end_matches('/').to_owned()
            }
            None => format!("http://{bind}"),
        };
        // The board's languages, fixed for the process: tables per language are sized once.
        let locales: Vec<String> = get("LOCALES")
            .unwrap_or_else(|| "en,de,uk".into())
            .split(',')
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        Locale::configure(&locales).map_err(|e| bad("LOCALES", e))?;
        let default_locale = match get("DEFAULT_LOCALE") {
            Some(v) => Locale::parse(&v).ok_or_else(|| {
                let offered: Vec<&str> = Locale::all().iter().map(|l| l.as_str()).collect();
                bad("DEFAULT_LOCALE", format!("expected one of {}", offered.join(", ")))
            })?,
            None => Locale::EN,
        };
        let search_refresh_ms =
            parse_number(get("SEARCH_REFRESH_MS"), "SEARCH_REFRESH_MS", 1000, 0..=3_600_000)?;
        // Tasks mostly wait on the network (mail, webhooks): several per core keep a worker
        // busy, as Sidekiq (5) and Oban (10) default to.
        let worker_concurrency =
            parse_number(get("WORKER_CONCURRENCY"), "WORKER_CONCURRENCY", 8, 0..=256)? as usize;
        // Each running task may hold a connection: the worker's share comes on top of the
        // pages' own.
        let db_pool_size = parse_number(
            get("DB_POOL_SIZE"),
            "DB_POOL_SIZE",
            default_pool_size(&database_url) + worker_concurrency as u64,
            1..=1000,
        )? as u32;
        let http_workers = parse_number(get("HTTP_WORKERS"), "HTTP_WORKERS", 0, 0..=1024)? as usize;
        let admin_idle_minutes =
            parse_number(get("ADMIN_IDLE_MINUTES"), "ADMIN_IDLE_MINUTES", 30, 1..=7 * 24 * 60)?;
        let admin_session_hours =
            parse_number(get("ADMIN_SESSION_HOURS"), "ADMIN_SESSION_HOURS", 12, 1..=30 * 24)?;
        // Two years after the last contact: what the CNIL recommends for candidates' data.
        let application_retention_days = parse_number(
            get("APPLICATION_RETENTION_DAYS"),
            "APPLICATION_RETENTION_DAYS",
            730,
            0..=36_500,
        )? as u32;
        let max_posting_days =
            parse_number(get("MAX_POSTING_DAYS"), "MAX_POSTING_DAYS", 120, 1..=3650)? as u32;
        let db_pool_wait = Duration::from_millis(parse_number(
            get("DB_POOL_WAIT_MS"),
            "DB_POOL_WAIT_MS",
            2000,
            10..=60_000,
        )?);
        let db_statement_timeout = Duration::from_millis(parse_number(
            get("DB_STATEMENT_TIMEOUT_MS"),
            "DB_STATEMENT_TIMEOUT_MS",
            30_000,
            100..=3_600_000,
        )?);
        let apply_min_fill_seconds =
            parse_number(get("APPLY_MIN_FILL_SECONDS"), "APPLY_MIN_FILL_SECONDS", 3, 0..=600)?;
        let public_cache_seconds =
            parse_number(get("PUBLIC_CACHE_SECONDS"), "PUBLIC_CACHE_SECONDS", 60, 0..=86_400)?
                as u32;
        let analytics_flush = Duration::from_secs(parse_number(
            get("ANALYTICS_FLUSH_SECONDS"),
            "ANALYTICS_FLUSH_SECONDS",
            10,
            0..=3600,
        )?);
        let api_rate_limit =
            parse_number(get("API_RATE_LIMIT"), "API_RATE_LIMIT", 600, 1..=1_000_000)? as u32;
        let cors_origins =
            parse_origins(get("CORS_ORIGINS")).map_err(|m| bad("CORS_ORIGINS", m))?;
        let mfa_required_roles =
            parse_roles(get("MFA_REQUIRED_ROLES")).map_err(|m| bad("MFA_REQUIRED_ROLES", m))?;
        let worker_queues: Vec<String> = get("WORKER_QUEUES")
            .map(|v| v.split(',').map(|q| q.trim().to_owned()).filter(|q| !q.is_empty()).collect())
            .unwrap_or_default();
        let task_poll_ms = parse_number(get("TASK_POLL_MS"), "TASK_POLL_MS", 50, 10..=60_000)?;
        let worker_shutdown_seconds =
            parse_number(get("WORKER_SHUTDOWN_SECONDS"), "WORKER_SHUTDOWN_SECONDS", 25, 0..=3600)?;
        let task_lease_seconds =
            parse_number(get("TASK_LEASE_SECONDS"), "TASK_LEASE_SECONDS", 30, 1..=3600)?;
        let smtp_url = get("SMTP_URL");
        if let Some(url) = &smtp_url {
            lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(url).map_err(|e| {
                bad(
                    "SMTP_URL",
                    format!("{e}; expected e.g. smtps://user:password@smtp.example.com"),
                )
            })?;
        }
        let mail_from = get("MAIL_FROM").unwrap_or_else(|| {
            let host = url::Url::parse(&base_url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_owned))
                .filter(|h| h.contains('.') && h.parse::<std::net::IpAddr>().is_err())
                .unwrap_or_else(|| "hireboard.local".into());
            format!("Hireboard <noreply@{host}>")
        });
        mail_from
            .parse::<lettre::message::Mailbox>()
            .map_err(|e| bad("MAIL_FROM", format!("{e}; expected e.g. Jobs <jobs@example.com>")))?;
        let google_indexing = match get("GOOGLE_INDEXING_CREDENTIALS") {
            Some(path) => {
                let credentials = std::path::PathBuf::from(path);
                // A key file that cannot be used is said at start, not at the first posting.
                crate::indexing::ServiceAccount::read(&credentials)
                    .and_then(|account| account.assertion(0).map(|_| ()))
                    .map_err(|m| bad("GOOGLE_INDEXING_CREDENTIALS", m))?;
                let endpoint = get("GOOGLE_INDEXING_ENDPOINT")
                    .unwrap_or_else(|| crate::indexing::DEFAULT_ENDPOINT.to_owned());
                url::Url::parse(&endpoint)
                    .map_err(|e| bad("GOOGLE_INDEXING_ENDPOINT", e.to_string()))?;
                Some(crate::indexing::IndexingConfig { credentials, endpoint })
            }
            None => None,
        };
        let webhook_allow_hosts: Vec<String> = get("WEBHOOK_ALLOW_HOSTS")
            .map(|v| v.split(',').map(|h| h.trim().to_owned()).filter(|h| !h.is_empty()).collect())
            .unwrap_or_default();
        let storage_url = match get("STORAGE_URL") {
            Some(url) => url,
            None => {
                let dir = data_dir.join("uploads");
                let dir = if dir.is_absolute() {
                    dir
                } else {
                    std::env::current_dir().unwrap_or_default().join(dir)
                };
                format!("file://{}", dir.display())
            }
        };
        if !(storage_url.starts_with("file:///")
            || storage_url.starts_with("s3://")
            || storage_url == "memory:")
        {
            return Err(bad("STORAGE_URL", "expected file:///absolute/path or s3://bucket/prefix"));
        }
        let trusted_proxies = get("TRUSTED_PROXIES").unwrap_or_default().parse().map_err(|e| {
            bad(
                "TRUSTED_PROXIES",
                format!("{e}; expected addresses or networks like 10.0.0.0/8, separated by commas"),
            )
        })?;
        let map_tiles = get("MAP_TILES").unwrap_or_else(|| OSM_TILES.to_owned());
        let origin = tiles_origin(&map_tiles).ok_or_else(|| {
            bad("MAP_TILES", "expected an http(s) URL with {z}, {x} and {y}, like https://tile.example/{z}/{x}/{y}.png")
        })?;
        let map_attribution = get("MAP_ATTRIBUTION").unwrap_or_else(|| OSM_ATTRIBUTION.to_owned());
        if map_attribution.chars().any(char::is_control) || map_attribution.len() > 300 {
            return Err(bad("MAP_ATTRIBUTION", "expected one line of at most 300 bytes"));
        }
        let secret_key = match get("SECRET_KEY") {
            Some(key) if key.len() >= 64 => key.into_bytes(),
            Some(_) => return Err(bad("SECRET_KEY", "must be at least 64 characters long")),
            None => Vec::new(), // filled from the data directory by `ensure_secret_key`
        };
        Ok(Config {
            database_url,
            bind,
            data_dir,
            locales_dir,
            base_url,
            secret_key,
            default_locale,
            search_refresh: Duration::from_millis(search_refresh_ms),
            db_pool_size,
            http_workers,
            admin_idle: Duration::from_secs(admin_idle_minutes * 60),
            admin_lifetime: Duration::from_secs(admin_session_hours * 3600),
            worker_concurrency,
            worker_queues,
            task_poll: Duration::from_millis(task_poll_ms),
            worker_shutdown_grace: Duration::from_secs(worker_shutdown_seconds),
            task_lease: Duration::from_secs(task_lease_seconds),
            smtp_url,
            mail_from,
            webhook_allow_hosts,
            google_indexing,
            storage_url,
            application_retention_days,
            max_posting_days,
            trusted_proxies,
            apply_min_fill_seconds,
            public_cache_seconds,
            analytics_flush,
            mfa_required_roles,
            api_rate_limit,
            cors_origins,
            content_security_policy: content_security_policy(&origin),
            map_tiles,
            map_attribution,
            db_pool_wait,
            db_statement_timeout,
        })
    }

    /// Loads the secret key from `DATA_DIR/secret_key`, generating it on first start, unless
    /// `SECRET_KEY` gave one.
    pub fn ensure_secret_key(&mut self) -> Result<(), ConfigError> {
        if !self.secret_key.is_empty() {
            return Ok(());
        }
        self.secret_key = load_or_create_secret(&self.data_dir.join("secret_key"))
            .map_err(|e| bad("SECRET_KEY", format!("not set, and {e}")))?;
        Ok(())
    }

    pub fn admin_session_limits(&self) -> crate::auth::session::Limits {
        let minutes = |d: Duration| chrono::Duration::seconds(d.as_secs() as i64);
        crate::auth::session::Limits {
            idle: minutes(self.admin_idle),
            lifetime: minutes(self.admin_lifetime),
        }
    }

    pub fn pool_settings(&self) -> crate::db::PoolSettings {
        crate::db::PoolSettings {
            size: self.db_pool_size,
            wait: self.db_pool_wait,
            statement_timeout: self.db_statement_timeout,
        }
    }

    pub fn is_https(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}

/// SQLite work is local and CPU-bound: one connection (and query thread) per core keeps the
/// cores busy without threads fighting over them. PostgreSQL queries wait on the network, so
/// more connections overlap that wait.
/// `all`, or roles separated by commas; nothing means no role.
/// A comma-separated list of origins (scheme, host and port, as a browser sends them in
/// `Origin`), or `*`.
fn parse_origins(raw: Option<String>) -> Result<Vec<String>, String> {
    let mut origins = Vec::new();
    for part in raw.iter().flat_map(|r| r.split(',')).map(str::trim).filter(|p| !p.is_empty()) {
        if part == "*" {
            origins.push(part.to_owned());
            continue;
        }
        let refused =
            || format!("{part:?} is not an origin; expected e.g. https://partner.example, or *");
        let url = url::Url::parse(part).map_err(|_| refused())?;
        if !matches!(url.scheme(), "http" | "https")
            || url.host().is_none()
            || url.path() != "/"
            || url.query().is_some()
            || url.fragment().is_some()
            || !url.username().is_empty()
        {
            return Err(refused());
        }
        origins.push(url.origin().ascii_serialization());
    }
    Ok(origins)
}

fn parse_roles(raw: Option<String>) -> Result<Vec<crate::models::AdminRole>, String> {
    use crate::models::AdminRole;
    let Some(raw) = raw else {
        return Ok(Vec::new());
    };
    if raw.trim().eq_ignore_ascii_case("all") {
        return Ok(AdminRole::ALL.to_vec());
    }
    let mut roles = Vec::new();
    for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let role = AdminRole::parse(&part.to_ascii_lowercase()).ok_or_else(|| {
            format!("{part:?} is not a role; expected all, or some of admin, editor, translator, viewer, recruiter separated by commas")
        })?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    Ok(roles)
}

fn default_pool_size(database_url: &str) -> u64 {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get()) as u64;
    match crate::db::Backend::from_url(database_url) {
        Ok(crate::db::Backend::Postgres | crate::db::Backend::Mysql) => 4 * cores,
        _ => cores.max(2),
    }
}

fn parse_number(
    value: Option<String>,
    var: &'static str,
    default: u64,
    range: std::ops::RangeInclusive<u64>,
) -> Result<u64, ConfigError> {
    match value {
        None => Ok(default),
        Some(v) => v.trim().parse::<u64>().ok().filter(|n| range.contains(n)).ok_or_else(|| {
            bad(var, format!("expected a whole number from {} to {}", range.start(), range.end()))
        }),
    }
}

fn load_or_create_secret(path: &Path) -> Result<Vec<u8>, String> {
    match std::fs::read_to_string(path) {
        Ok(text) if text.trim().len() >= 64 => return Ok(text.trim().as_bytes().to_vec()),
        Ok(_) => return Err(format!("{} is shorter than 64 characters", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    use rand::Rng;
    let bytes: [u8; 48] = rand::rng().random();
    let key: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    // Written whole under another name, then linked into place: of several processes started
    // together one key wins, and the others read it complete.
    let temporary = path.with_extension(format!("new-{}", std::process::id()));
    write_private(&temporary, &key)
        .map_err(|e| format!("cannot write {}: {e}", temporary.display()))?;
    let linked = std::fs::hard_link(&temporary, path);
    let _ = std::fs::remove_file(&temporary);
    match linked {
        Ok(()) => Ok(key.into_bytes()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            Ok(text.trim().as_bytes().to_vec())
        }
        Err(e) => Err(format!("cannot write {}: {e}", path.display())),
    }
}

/// Writes a file only its owner can read.
fn write_private(path: &Path, content: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(content.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn cors_origins_are_origins_or_a_star() {
        let parsed =
            parse_origins(Some(" https://Partner.example, http://127.0.0.1:3000/ ,*".into()));
        assert_eq!(parsed.unwrap(), ["https://partner.example", "http://127.0.0.1:3000", "*"]);
        assert_eq!(parse_origins(None).unwrap(), Vec::<String>::new());
        for bad in [
            "partner.example",
            "https://partner.example/jobs",
            "ftp://x.example",
            "https://x.example?a",
        ] {
            assert!(parse_origins(Some(bad.into())).is_err(), "{bad}");
        }
    }

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> =
            vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_are_sane() {
        let c = config(&[]).unwrap();
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(c.database_url, "sqlite://data/hireboard.db");
        assert_eq!(c.base_url, "http://127.0.0.1:8080");
        assert_eq!(c.default_locale, Locale::EN);
        assert!(c.trusted_proxies.is_empty());
        assert!(c.mfa_required_roles.is_empty());
    }

    #[test]
    fn map_tiles_name_the_one_outside_origin_pages_load_images_from() {
        let c = config(&[]).unwrap();
        assert_eq!(c.map_tiles, OSM_TILES);
        assert!(
            c.content_security_policy
                .contains("img-src 'self' data: https://tile.openstreetmap.org;")
        );
        let own =
            config(&[("MAP_TILES", "https://Tiles.Example:8443/osm/{z}/{x}/{y}@2x.png")]).unwrap();
        assert!(
            own.content_security_policy.contains("data: https://tiles.example:8443;"),
            "{}",
            own.content_security_policy
        );
        for bad in [
            "tile.example/{z}/{x}/{y}.png",
            "https://tile.example/tiles.png",
            "javascript:alert(1)//{z}{x}{y}",
            "https://{s}.tile.example/{z}/{x}/{y}.png",
        ] {
            assert_eq!(config(&[("MAP_TILES", bad)]).unwrap_err().var, "MAP_TILES", "{bad}");
        }
        assert!(config(&[("MAP_ATTRIBUTION", "a\nb")]).is_err());
    }

    #[test]
    fn required_second_factor_roles_parse() {
        use crate::models::AdminRole;
        let roles = |v: &str| config(&[("MFA_REQUIRED_ROLES", v)]).map(|c| c.mfa_required_roles);
        assert_eq!(roles("all").unwrap(), AdminRole::ALL.to_vec());
        assert_eq!(
            roles(" Admin, editor,admin ").unwrap(),
            vec![AdminRole::Admin, AdminRole::Editor]
        );
        let bad = roles("admin,owner").unwrap_err();
        assert_eq!(bad.var, "MFA_REQUIRED_ROLES");
        assert!(bad.message.contains("owner"), "{}", bad.message);
    }

    #[test]
    fn bad_values_name_the_variable() {
        assert_eq!(config(&[("BIND", "localhost")]).unwrap_err().var, "BIND");
        let key = "GOOGLE_INDEXING_CREDENTIALS";
        assert_eq!(config(&[(key, "/nonexistent/key.json")]).unwrap_err().var, key);
        assert_eq!(config(&[("DEFAULT_LOCALE", "fr")]).unwrap_err().var, "DEFAULT_LOCALE");
        assert_eq!(config(&[("SECRET_KEY", "short")]).unwrap_err().var, "SECRET_KEY");
        assert_eq!(config(&[("BASE_URL", "ftp://x")]).unwrap_err().var, "BASE_URL");
        assert_eq!(config(&[("DATABASE_URL", "mongodb://x")]).unwrap_err().var, "DATABASE_URL");
        assert_eq!(config(&[("DB_POOL_SIZE", "0")]).unwrap_err().var, "DB_POOL_SIZE");
        let proxies = config(&[("TRUSTED_PROXIES", "10.0.0.0/8, lb.internal")]).unwrap_err();
        assert_eq!(proxies.var, "TRUSTED_PROXIES");
        assert!(proxies.message.contains("lb.internal"), "{}", proxies.message);
    }

    #[test]
    fn secrets_never_reach_debug_output() {
        let c = config(&[("SECRET_KEY", &"k".repeat(64))]).unwrap();
        let shown = format!("{c:?}");
        assert!(!shown.contains("kkkk"), "{shown}");
        assert_eq!(redact_url("postgres://u:hunter2@db/x"), "postgres://u:***@db/x");
    }

    #[test]
    fn the_generated_secret_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret_key");
        let first = load_or_create_secret(&path).unwrap();
        assert!(first.len() >= 64);
        assert_eq!(load_or_create_secret(&path).unwrap(), first);
    }
}
