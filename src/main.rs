//! The `hireboard` command line: serve, migrate, seed, admin.

use std::io::Read;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use hireboard::config::Config;
use hireboard::models::AdminRole;
use hireboard::{AppState, build_app};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "hireboard",
    version,
    about = "A multilingual job board with a complete back office"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate, seed demo data into an empty database, create the first admin, and serve (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Seed the demo data set into an empty database, or N synthetic postings with --jobs.
    Seed {
        /// Add this many synthetic published postings (for benchmarks).
        #[arg(long)]
        jobs: Option<usize>,
    },
    /// Run background tasks without serving pages (as many worker processes as you like).
    Worker,
    /// Background tasks.
    Tasks {
        #[command(subcommand)]
        command: TasksCommand,
    },
    /// Manage back-office users.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Places (cities with coordinates and names in every language).
    Places {
        #[command(subcommand)]
        command: PlacesCommand,
    },
    /// The message files, for translators: how far each language is, and what is broken.
    I18n {
        #[command(subcommand)]
        command: I18nCommand,
    },
    /// Import postings or companies from a spreadsheet (XLSX, ODS or CSV), as the back office
    /// does: columns matched by their headers, every row checked like the forms check it.
    Import {
        /// The spreadsheet.
        file: std::path::PathBuf,
        /// What the rows are.
        #[arg(long, value_parser = ["jobs", "companies"])]
        resource: String,
        /// Check every row and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Write every row or none (without it, the rows that pass are written and the others
        /// listed).
        #[arg(long, conflicts_with = "dry_run")]
        all_or_nothing: bool,
        /// A CSV file's encoding (utf-8, utf-16le, windows-1252, …); guessed when not given.
        #[arg(long)]
        encoding: Option<String>,
        /// The language of the messages (and of the labels the headers may use first).
        #[arg(long, default_value = "en")]
        lang: String,
        /// Create the companies postings name that the board does not have yet.
        #[arg(long)]
        create_companies: bool,
    },
    /// Manage the partner API's tokens.
    #[command(name = "api-token")]
    ApiToken {
        #[command(subcommand)]
        command: ApiTokenCommand,
    },
}

#[derive(Subcommand)]
enum ApiTokenCommand {
    /// Make a token and print it: the only time it is shown.
    Create {
        /// What the token is for, as the back office lists it.
        #[arg(long)]
        name: String,
        /// Comma-separated: jobs:read, jobs:write, applications:read, applications:write,
        /// webhooks:write.
        #[arg(long, value_parser = parse_scopes)]
        scopes: ScopeList,
        /// Restrict the token to the company with this slug.
        #[arg(long)]
        company: Option<String>,
        /// The token stops working after this many days (up to 3650); never without it.
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=3650))]
        expires_in_days: Option<u32>,
    },
    /// Revoke a token by its id: it stops working at once.
    Revoke {
        #[arg(long)]
        id: i64,
    },
}

/// A token's scopes as the command line names them.
#[derive(Clone)]
struct ScopeList(Vec<hireboard::models::api_token::Scope>);

fn parse_scopes(s: &str) -> Result<ScopeList, String> {
    use hireboard::models::api_token::Scope;
    let mut scopes = Vec::new();
    for item in s.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        scopes.push(Scope::parse(item).ok_or_else(|| {
            let known: Vec<&str> = Scope::ALL.iter().map(|s| s.as_str()).collect();
            format!("{item:?} is not a scope; expected some of {}", known.join(", "))
        })?);
    }
    if scopes.is_empty() {
        return Err("name at least one scope".into());
    }
    Ok(ScopeList(scopes))
}

#[derive(Subcommand)]
enum TasksCommand {
    /// Time the default worker: drain COUNT no-op tasks, then the start latency of tasks
    /// enqueued on an idle queue. Use an empty database: it adds COUNT + PROBES tasks.
    Bench {
        #[arg(long, default_value_t = 20_000)]
        count: usize,
        #[arg(long, default_value_t = 200)]
        probes: usize,
    },
}

#[derive(Subcommand)]
enum I18nCommand {
    /// A table of languages × files: messages translated, identical to English, missing,
    /// left over, with syntax errors.
    Status {
        /// The folder of language folders.
        #[arg(long, default_value = "locales")]
        dir: std::path::PathBuf,
    },
    /// Every problem with file:line (syntax, duplicates, missing or left-over messages, other
    /// variables than English's, plural forms the language needs); exit code 1 if any.
    Check {
        #[arg(long, default_value = "locales")]
        dir: std::path::PathBuf,
    },
    /// A language's messages beside English, for a translation tool: XLIFF 2.0 or Gettext PO.
    Export {
        /// xliff or po.
        #[arg(long, value_parser = parse_exchange_format)]
        format: hireboard::i18n::exchange::Format,
        #[arg(long)]
        lang: String,
        #[arg(long, default_value = "locales")]
        dir: std::path::PathBuf,
        /// Where to write it; standard output when left out.
        #[arg(long)]
        output: Option<std::path::PathBuf>,
    },
    /// Writes the texts saved in the back office (`/admin/translations`, in the database of
    /// DATABASE_URL) into the language's files under --dir, byte for byte otherwise, to commit.
    Pull {
        /// One language; every language with saved texts when left out.
        #[arg(long)]
        lang: Option<String>,
        #[arg(long, default_value = "locales")]
        dir: std::path::PathBuf,
    },
    /// Brings a translated XLIFF or PO file's messages into `locales/<lang>/`: every message is
    /// checked first (syntax, variables, plural forms) and nothing is written if one fails;
    /// only the messages that changed are rewritten.
    Import {
        file: std::path::PathBuf,
        #[arg(long, default_value = "locales")]
        dir: std::path::PathBuf,
    },
}

fn parse_exchange_format(s: &str) -> Result<hireboard::i18n::exchange::Format, String> {
    hireboard::i18n::exchange::Format::parse(s).ok_or_else(|| "expected xliff or po".to_owned())
}

#[derive(Subcommand)]
enum PlacesCommand {
    /// Import cities from GeoNames-based data: by default the pinned `pycities` package from
    /// PyPI (downloaded and checked); adds new places, refreshes coordinates and population,
    /// adds missing names and keeps the ones edited in the back office.
    Import {
        /// A pycities wheel (.whl) or database (.db), or a GeoNames cities file
        /// (cities15000.txt and the like) instead of the download.
        #[arg(long)]
        from: Option<std::path::PathBuf>,
        /// GeoNames' alternateNamesV2.txt: names in every language of the board.
        #[arg(long)]
        alternate_names: Option<std::path::PathBuf>,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create a back-office user and print a generated password (unless one comes on stdin).
    Create {
        #[arg(long)]
        email: String,
        /// admin, editor, translator or viewer.
        #[arg(long, default_value = "admin", value_parser = parse_role)]
        role: AdminRole,
        /// Read the password from standard input instead of generating one.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Turn off a user's two-factor sign-in (a lost phone, and no recovery code left): they
    /// sign in with their password and enrol again.
    #[command(name = "reset-2fa")]
    ResetTwoFactor {
        #[arg(long)]
        email: String,
    },
}

/// The board's own roles: a recruiter works for companies, so staff invite them in the back
/// office (`/admin/admin_users/new`), where their companies are named.
fn parse_role(s: &str) -> Result<AdminRole, String> {
    match AdminRole::parse(s) {
        Some(AdminRole::Recruiter) => Err("recruiters are invited in the back office \
             (/admin/admin_users/new), which binds them to their companies"
            .to_owned()),
        Some(role) => Ok(role),
        None => Err("expected one of admin, editor, translator, viewer".to_owned()),
    }
}

/// A failure that ends the program: configuration errors exit with 2, the rest with 1.
enum Failure {
    Config(String),
    Runtime(String),
    /// Some rows of an import failed (each was reported).
    Rows,
}

fn main() -> ExitCode {
    restrict_new_files();
    env_logger::Builder::from_env(
        env_logger::Env::default().default_filter_or("info,actix_web::middleware::logger=warn"),
    )
    .init();
    let cli = Cli::parse();
    match run(cli.command.unwrap_or(Command::Serve)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Config(message)) => {
            eprintln!("hireboard: configuration error: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Runtime(message)) => {
            eprintln!("hireboard: {message}");
            ExitCode::FAILURE
        }
        Err(Failure::Rows) => ExitCode::FAILURE,
    }
}

fn i18n(command: I18nCommand) -> Result<(), Failure> {
    use hireboard::i18n::catalog::Catalog;
    use hireboard::i18n::exchange;
    let (I18nCommand::Status { dir }
    | I18nCommand::Check { dir }
    | I18nCommand::Export { dir, .. }
    | I18nCommand::Pull { dir, .. }
    | I18nCommand::Import { dir, .. }) = &command;
    let catalog = Catalog::load(dir)
        .map_err(|e| Failure::Runtime(format!("cannot read {}: {e}", dir.display())))?;
    match command {
        I18nCommand::Status { .. } => print!("{}", catalog.status_table()),
        I18nCommand::Check { .. } => {
            let problems = catalog.problems();
            for problem in &problems {
                println!("{problem}");
            }
            if !problems.is_empty() {
                return Err(Failure::Runtime(format!("{} problem(s)", problems.len())));
            }
            println!("{} language(s), no problems", catalog.languages.len());
        }
        I18nCommand::Export { format, lang, output, .. } => {
            let text = exchange::export(&catalog, &lang, format);
            match output {
                Some(path) => std::fs::write(&path, text).map_err(|e| {
                    Failure::Runtime(format!("cannot write {}: {e}", path.display()))
                })?,
                None => print!("{text}"),
            }
        }
        I18nCommand::Pull { lang, dir } => pull(lang, &dir)?,
        I18nCommand::Import { file, .. } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| Failure::Runtime(format!("cannot read {}: {e}", file.display())))?;
            let imported = exchange::read(&text)
                .map_err(|e| Failure::Runtime(format!("{}: {e}", file.display())))?;
            let changed = exchange::apply(&catalog, &imported).map_err(|problems| {
                for problem in &problems {
                    println!("{problem}");
                }
                Failure::Runtime(format!("{} problem(s); nothing written", problems.len()))
            })?;
            for (path, text) in &changed {
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| {
                        Failure::Runtime(format!("cannot create {}: {e}", parent.display()))
                    })?;
                }
                std::fs::write(path, text).map_err(|e| {
                    Failure::Runtime(format!("cannot write {}: {e}", path.display()))
                })?;
                println!("{}", path.display());
            }
            println!(
                "{}: {} message(s) read, {} file(s) changed",
                imported.lang,
                imported.translations.len(),
                changed.len()
            );
        }
    }
    Ok(())
}

/// `hireboard i18n pull`: the saved texts into the files, for the repository.
fn pull(lang: Option<String>, dir: &std::path::Path) -> Result<(), Failure> {
    let config = Config::from_env().map_err(|e| Failure::Config(e.to_string()))?;
    let (pool, _) = hireboard::db::connect(
        &config.database_url,
        hireboard::db::PoolSettings { size: 1, ..config.pool_settings() },
    )
    .map_err(Failure::Runtime)?;
    let mut conn = pool.get().map_err(|e| Failure::Runtime(e.to_string()))?;
    let messages = hireboard::i18n::Messages::open(dir).map_err(Failure::Runtime)?;
    messages
        .refresh_if_stale(&mut conn)
        .map_err(|e| Failure::Runtime(format!("cannot read the saved texts: {e}")))?;
    let generation = messages.generation();
    let languages: Vec<String> = match lang {
        Some(lang) => vec![lang],
        None => generation.overrides.keys().cloned().collect(),
    };
    let english: Vec<String> = generation
        .shipped
        .catalog
        .languages
        .get("en")
        .map(|files| files.keys().cloned().collect())
        .unwrap_or_default();
    let mut written = 0;
    for lang in &languages {
        for name in &english {
            let Some(text) = generation.file_text(lang, name) else { continue };
            let path = dir.join(lang).join(name);
            let unchanged =
                std::fs::read_to_string(&path).map_or(text.is_empty(), |old| old == text);
            if unchanged {
                continue;
            }
            std::fs::create_dir_all(dir.join(lang))
                .and_then(|()| std::fs::write(&path, text))
                .map_err(|e| Failure::Runtime(format!("cannot write {}: {e}", path.display())))?;
            println!("{}", path.display());
            written += 1;
        }
    }
    println!("{written} file(s) written");
    Ok(())
}

/// Everything the program creates (the SQLite database, the generated key, CVs and logos on
/// disk) is readable by its owner only: other accounts on the machine have no business there.
fn restrict_new_files() {
    // SAFETY: umask only sets the process's file creation mask; it touches no memory and
    // cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}

fn run(command: Command) -> Result<(), Failure> {
    // The message files need no settings, database or key.
    let command = match command {
        Command::I18n { command } => return i18n(command),
        other => other,
    };
    let mut config = Config::from_env().map_err(|e| Failure::Config(e.to_string()))?;
    config.ensure_secret_key().map_err(|e| Failure::Config(e.to_string()))?;
    match command {
        Command::I18n { .. } => unreachable!("handled before the settings are read"),
        Command::Serve => serve(config),
        Command::Worker => worker(config),
        Command::Tasks { command: TasksCommand::Bench { count, probes } } => {
            tasks_bench(config, count, probes)
        }
        Command::Migrate => {
            let (pool, _) = hireboard::db::connect(
                &config.database_url,
                hireboard::db::PoolSettings { size: 1, ..config.pool_settings() },
            )
            .map_err(Failure::Runtime)?;
            let mut conn = pool.get().map_err(|e| Failure::Runtime(e.to_string()))?;
            let applied = hireboard::db::migrate(&mut conn).map_err(Failure::Runtime)?;
            println!("{applied} migration(s) applied");
            Ok(())
        }
        Command::Seed { jobs } => {
            let state = AppState::open(config).map_err(Failure::Runtime)?;
            let mut conn = state.pool.get().map_err(|e| Failure::Runtime(e.to_string()))?;
            let started = std::time::Instant::now();
            let report = match jobs {
                Some(n) => hireboard::seed::synthetic(&mut conn, n).map_err(|e| e.to_string()),
                None => hireboard::db::with_startup_lock(&mut conn, |conn| {
                    hireboard::seed::demo_if_empty(conn).map_err(|e| e.to_string())
                }),
            }
            .map_err(Failure::Runtime)?;
            if jobs.is_none() && report.companies > 0 {
                demo_logos(&state)?;
            }
            println!(
                "seeded {} companies and {} postings in {:.1} s",
                report.companies,
                report.postings,
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::ApiToken { command } => api_token(config, command),
        Command::Import {
            file,
            resource,
            dry_run,
            all_or_nothing,
            encoding,
            lang,
            create_companies,
        } => {
            use hireboard::import::{Mode, cli};
            let locale = hireboard::i18n::Locale::parse(&lang).ok_or_else(|| {
                Failure::Config(format!("{lang:?} is not one of the board's languages"))
            })?;
            let state = AppState::open(config).map_err(Failure::Runtime)?;
            let mode = match (dry_run, all_or_nothing) {
                (true, _) => Mode::DryRun,
                (false, true) => Mode::AllOrNothing,
                (false, false) => Mode::Skip,
            };
            let request = cli::Request {
                file: &file,
                resource: &resource,
                mode,
                encoding: encoding.as_deref(),
                locale,
                create_companies,
            };
            match cli::import(&state, &request).map_err(Failure::Runtime)? {
                true => Ok(()),
                false => Err(Failure::Rows),
            }
        }
        Command::Places { command: PlacesCommand::Import { from, alternate_names } } => {
            import_places(config, from.as_deref(), alternate_names.as_deref())
        }
        Command::Admin { command: AdminCommand::ResetTwoFactor { email } } => {
            reset_two_factor(config, &email)
        }
        Command::Admin { command: AdminCommand::Create { email, role, password_stdin } } => {
            let state = AppState::open(config).map_err(Failure::Runtime)?;
            let mut conn = state.pool.get().map_err(|e| Failure::Runtime(e.to_string()))?;
            let (password, generated) = if password_stdin {
                let mut input = String::new();
                std::io::stdin()
                    .read_to_string(&mut input)
                    .map_err(|e| Failure::Runtime(format!("reading the password: {e}")))?;
                (input.trim_end_matches(['\n', '\r']).to_owned(), false)
            } else {
                (hireboard::auth::password::generate(), true)
            };
            hireboard::models::admin_user::create(&mut conn, &email, role, &password)
                .map_err(|e| Failure::Runtime(e.to_string()))?;
            println!("created {role} {}", email.trim().to_lowercase());
            if generated {
                println!("password: {password}");
            }
            Ok(())
        }
    }
}

/// `hireboard api-token`: like the back office's token pages, audited (as the command line).
fn api_token(config: Config, command: ApiTokenCommand) -> Result<(), Failure> {
    use diesel::prelude::*;
    use hireboard::db::schema::companies;
    use hireboard::models::api_token::{self, NewToken};
    use hireboard::models::audit::{self, Actor, Change};
    let state = AppState::open(config).map_err(Failure::Runtime)?;
    let mut conn = state.pool.get().map_err(|e| Failure::Runtime(e.to_string()))?;
    let actor = Actor { admin_user_id: None, label: "hireboard api-token".into() };
    let failed = |e: diesel::result::Error| Failure::Runtime(e.to_string());
    match command {
        ApiTokenCommand::Create { name, scopes, company, expires_in_days } => {
            let name = name.trim();
            if name.is_empty() || name.chars().count() > 200 {
                return Err(Failure::Runtime("the name must have 1 to 200 characters".into()));
            }
            let company = match &company {
                None => None,
                Some(slug) => Some(
                    companies::table
                        .filter(companies::slug.eq(slug))
                        .select((companies::id, companies::name))
                        .first::<(i64, String)>(&mut conn)
                        .optional()
                        .map_err(failed)?
                        .ok_or_else(|| {
                            Failure::Runtime(format!("no company with the slug {slug:?}"))
                        })?,
                ),
            };
            let expires_at = expires_in_days
                .map(|days| hireboard::db::now() + chrono::TimeDelta::days(i64::from(days)));
            let company_id = company.as_ref().map(|(id, _)| *id);
            let new = NewToken {
                name,
                scopes: &scopes.0,
                company_id,
                expires_at,
                created_by: None,
                moderated: false,
            };
            let issued = hireboard::db::write_transaction(&mut conn, |conn| {
                let issued = api_token::issue(conn, &new)?;
                let scopes = api_token::Scope::join(&scopes.0);
                let mut changes = vec![Change::new("scopes", None, Some(&scopes))];
                if let Some((_, company)) = &company {
                    changes.push(Change::new("company", None, Some(company)));
                }
                if let Some(at) = expires_at {
                    // As the back office's form records it: the day.
                    changes.push(Change::new("expires_at", None, Some(&at.date().to_string())));
                }
                audit::record(conn, &actor, "create", "api_tokens", issued.id, name, &changes)?;
                Ok::<_, diesel::result::Error>(issued)
            })
            .map_err(failed)?;
            println!("created API token {} ({name})", issued.id);
            println!("token: {}", issued.token);
            println!("It is shown only now: keep it in your program's secret store.");
            Ok(())
        }
        ApiTokenCommand::Revoke { id } => {
            let name = hireboard::db::write_transaction(&mut conn, |conn| {
                let name: Option<String> = hireboard::db::schema::api_tokens::table
                    .find(id)
                    .select(hireboard::db::schema::api_tokens::name)
                    .first(conn)
                    .optional()?;
                let Some(name) = name else { return Ok(None) };
                if api_token::revoke(conn, id, hireboard::db::now())? {
                    let change = Change::new("status", Some("active"), Some("revoked"));
                    audit::record(conn, &actor, "update", "api_tokens", id, &name, &[change])?;
                }
                Ok::<_, diesel::result::Error>(Some(name))
            })
            .map_err(failed)?
            .ok_or_else(|| Failure::Runtime(format!("no API token with the id {id}")))?;
            println!("revoked API token {id} ({name})");
            Ok(())
        }
    }
}

/// `hireboard admin reset-2fa`: like the back office's reset, audited (as the command line).
fn reset_two_factor(config: Config, email: &str) -> Result<(), Failure> {
    use hireboard::models::admin_user::AdminUser;
    let state = AppState::open(config).map_err(Failure::Runtime)?;
    let mut conn = state.pool.get().map_err(|e| Failure::Runtime(e.to_string()))?;
    let user = AdminUser::find_by_email(&mut conn, email)
        .map_err(|e| Failure::Runtime(e.to_string()))?
        .ok_or_else(|| Failure::Runtime(format!("no back-office user with the email {email:?}")))?;
    let reset = hireboard::db::write_transaction(&mut conn, |conn| {
        let reset = hireboard::models::second_factor::disable(conn, user.id)?;
        if reset {
            let actor = hireboard::models::audit::Actor {
                admin_user_id: None,
                label: "hireboard admin reset-2fa".into(),
            };
            hireboard::admin::two_factor::audit(conn, &actor, user.id, &user.email, "on", "off")?;
        }
        Ok::<_, diesel::result::Error>(reset)
    })
    .map_err(|e| Failure::Runtime(e.to_string()))?;
    if reset {
        log::warn!(target: "hireboard::security", "two-factor-reset user={} by=cli", user.id);
        println!("two-factor sign-in turned off for {}", user.email);
    } else {
        println!("{} had no two-factor sign-in; nothing changed", user.email);
    }
    Ok(())
}

/// The email of the admin created on a first start.
const FIRST_ADMIN: &str = "admin@hireboard.local";

fn serve(config: Config) -> Result<(), Failure> {
    let state = AppState::open(config).map_err(Failure::Runtime)?;
    {
        let mut conn = state.pool.get().map_err(|e| Failure::Runtime(e.to_string()))?;
        // Of several processes started together, one seeds and creates the first admin; the
        // others wait for it under the lock and find the work done.
        let (report, first_admin) = hireboard::db::with_startup_lock(&mut conn, |conn| {
            let report = hireboard::seed::demo_if_empty(conn).map_err(|e| e.to_string())?;
            let first_admin =
                if hireboard::models::admin_user::count(conn).map_err(|e| e.to_string())? == 0 {
                    let password = hireboard::auth::password::generate();
                    hireboard::models::admin_user::create(
                        conn,
                        FIRST_ADMIN,
                        AdminRole::Admin,
                        &password,
                    )
                    .map_err(|e| e.to_string())?;
                    Some(password)
                } else {
                    None
                };
            Ok((report, first_admin))
        })
        .map_err(Failure::Runtime)?;
        if report.postings > 0 {
            log::info!(
                "seeded demo data: {} companies, {} postings",
                report.companies,
                report.postings
            );
            demo_logos(&state)?;
            state.search.rebuild(&mut conn).map_err(|e| Failure::Runtime(e.to_string()))?;
        }
        if let Some(password) = first_admin {
            println!(
                "First admin created (shown only this once):\n  email:    {FIRST_ADMIN}\n  password: {password}"
            );
        }
    }
    if !state.config.search_refresh.is_zero() {
        state.search.spawn_refresher(state.pool.clone(), state.config.search_refresh);
        state.messages.spawn_refresher(state.pool.clone(), state.config.search_refresh);
    }
    state.analytics.spawn_flusher(state.pool.clone(), state.config.analytics_flush);
    let task_worker =
        start_worker(&state.pool, &state.config, state.search.clone(), state.messages.clone())?;
    let bind = state.config.bind;
    let workers = state.config.http_workers;
    let state_for_flush = state.clone();
    println!(
        "Hireboard is running at {} (listening on {bind}; Ctrl+C stops it)",
        state.config.base_url
    );
    actix_web::rt::System::new()
        .block_on(async move {
            let pool_size = state.config.db_pool_size as usize;
            let mut server = actix_web::HttpServer::new(move || build_app(state.clone()));
            if workers > 0 {
                server = server.workers(workers);
            }
            // Database work runs on each worker's blocking threads. More of them than pooled
            // connections only queue on the pool, and on a few cores dozens of threads cost
            // context switches and memory (seen: 54 threads, 326 MiB under 32 connections).
            let workers = if workers > 0 {
                workers
            } else {
                std::thread::available_parallelism().map_or(1, |n| n.get())
            };
            server = server.worker_max_blocking_threads((pool_size / workers).max(1));
            // A compressed response ends with a small write (the last chunk). With Nagle's
            // algorithm on, the kernel holds it until the client acknowledges the rest, and
            // clients delay that acknowledgement by up to 40 ms: Go's HTTP client (hey) waited
            // 27-44 ms for a page served in 0.4 ms.
            server = server.tcp_nodelay(true);
            server.bind(bind)?.run().await
        })
        .map_err(|e| Failure::Runtime(format!("cannot serve on {bind}: {e}")))?;
    // The server stopped (SIGTERM, SIGINT): write what it counted, and let running tasks
    // finish too.
    if let Err(e) =
        state_for_flush.pool.get().map_err(|e| e.to_string()).and_then(|mut conn| {
            state_for_flush.analytics.flush(&mut conn).map_err(|e| e.to_string())
        })
    {
        log::warn!("the postings' last numbers were not written: {e}");
    }
    if let Some(worker) = task_worker {
        worker.shutdown();
    }
    Ok(())
}

/// Stores the demo companies' drawn logos (their versions are made by the worker).
fn demo_logos(state: &AppState) -> Result<(), Failure> {
    let stored = actix_web::rt::System::new()
        .block_on(hireboard::seed::logos::store(&state.pool, &state.storage))
        .map_err(Failure::Runtime)?;
    log::info!("stored {stored} demo logos");
    Ok(())
}

/// Starts the task worker the configuration asks for (none with WORKER_CONCURRENCY=0).
fn start_worker(
    pool: &hireboard::db::DbPool,
    config: &std::sync::Arc<Config>,
    search: hireboard::search::SearchHandle,
    messages: hireboard::i18n::Messages,
) -> Result<Option<hireboard::tasks::worker::WorkerHandle>, Failure> {
    use hireboard::tasks::{Registry, worker};
    if config.worker_concurrency == 0 {
        return Ok(None);
    }
    let settings = worker::WorkerConfig::from_config(config);
    let handle = worker::spawn(
        pool.clone(),
        config.clone(),
        Registry::standard(),
        settings,
        search,
        messages,
    )
    .map_err(|e| Failure::Runtime(format!("cannot start the task worker: {e}")))?;
    Ok(Some(handle))
}

fn tasks_bench(config: Config, count: usize, probes: usize) -> Result<(), Failure> {
    let (pool, _) = hireboard::db::connect(&config.database_url, config.pool_settings())
        .map_err(Failure::Runtime)?;
    {
        let mut conn = pool.get().map_err(|e| Failure::Runtime(e.to_string()))?;
        hireboard::db::migrate(&mut conn).map_err(Failure::Runtime)?;
    }
    let concurrency = config.worker_concurrency;
    let report = hireboard::tasks::bench::run(pool, std::sync::Arc::new(config), count, probes)
        .map_err(Failure::Runtime)?;
    println!(
        "enqueued {} no-op tasks in {:.2} s; one worker with {concurrency} slots ran them in {:.2} s: {:.0} tasks/s",
        report.tasks,
        report.enqueue_seconds,
        report.drain_seconds,
        report.per_second()
    );
    println!(
        "start latency on an idle queue ({} probes): p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        report.start_latencies.len(),
        report.latency(50.0),
        report.latency(99.0),
        report.latency(100.0)
    );
    Ok(())
}

/// `hireboard worker`: runs tasks until SIGTERM or SIGINT, then lets running tasks finish
/// within WORKER_SHUTDOWN_SECONDS and puts the rest back in the queue.
fn worker(config: Config) -> Result<(), Failure> {
    if config.worker_concurrency == 0 {
        return Err(Failure::Config(
            "WORKER_CONCURRENCY: must be at least 1 for `hireboard worker`".into(),
        ));
    }
    let (pool, _) = hireboard::db::connect(&config.database_url, config.pool_settings())
        .map_err(Failure::Runtime)?;
    {
        let mut conn = pool.get().map_err(|e| Failure::Runtime(e.to_string()))?;
        hireboard::db::migrate(&mut conn).map_err(Failure::Runtime)?;
    }
    let config = std::sync::Arc::new(config);
    // Alone, the worker keeps its own copy of the search index and the messages (digests
    // refresh both).
    let messages =
        hireboard::i18n::Messages::open(&config.locales_dir).map_err(Failure::Runtime)?;
    let Some(handle) = start_worker(&pool, &config, Default::default(), messages)? else {
        return Ok(());
    };
    println!(
        "Worker {} is running {} task(s) at once; SIGTERM or Ctrl+C stops it",
        handle.id, config.worker_concurrency
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Runtime(e.to_string()))?;
    runtime.block_on(async {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .map_err(|e| Failure::Runtime(format!("cannot listen for SIGTERM: {e}")))?;
        tokio::select! {
            _ = term.recv() => {}
            _ = tokio::signal::ctrl_c() => {}
        }
        Ok::<_, Failure>(())
    })?;
    log::info!("stopping: running tasks get {:?} to finish", config.worker_shutdown_grace);
    handle.shutdown();
    Ok(())
}

/// `hireboard places import`: reads the source, writes it in one transaction, and says what
/// changed.
fn import_places(
    config: Config,
    from: Option<&std::path::Path>,
    alternate_names: Option<&std::path::Path>,
) -> Result<(), Failure> {
    let started = std::time::Instant::now();
    if from.is_none() {
        println!("downloading {}", hireboard::places::download::PACKAGE);
    }
    let (places, malformed) =
        hireboard::places::load(from, alternate_names).map_err(Failure::Runtime)?;
    println!("read {} places ({malformed} lines skipped); writing", places.len());
    let state = AppState::open(config).map_err(Failure::Runtime)?;
    let mut conn = state.pool.get().map_err(|e| Failure::Runtime(e.to_string()))?;
    let report = hireboard::places::write(&mut conn, &places)
        .map_err(|e| Failure::Runtime(format!("writing places: {e}")))?;
    let names: Vec<String> = hireboard::i18n::Locale::all()
        .iter()
        .map(|l| format!("{l} {}", report.names_added.get(l.index()).copied().unwrap_or(0)))
        .collect();
    let names = names.join(", ");
    println!(
        "places: {} added, {} updated, {} unchanged, {} invalid; names added: {names} ({:.1} s)",
        report.added,
        report.updated,
        report.unchanged,
        report.skipped,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
