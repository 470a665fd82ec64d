//! A Hireboard app on its own fresh database, driven in-process through actix's test service.

use std::collections::HashMap;
use std::sync::Mutex;

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::{Method, StatusCode, header};
use actix_web::test;
use hireboard::config::Config;
use hireboard::db::DbConn;
use hireboard::{AppState, build_app};

/// One part of a `multipart/form-data` body: a text field (name, value), or a file
/// (field, file name, content type, bytes).
#[derive(Clone, Copy)]
pub enum Part<'a> {
    Text(&'a str, &'a str),
    File(&'a str, &'a str, &'a str, &'a [u8]),
}

pub struct TestApp {
    pub state: AppState,
    pub backend: &'static str,
    cookies: Mutex<HashMap<String, String>>,
    /// The client address requests come from (none unless a test sets one).
    peer: Mutex<Option<std::net::SocketAddr>>,
    /// The `X-Forwarded-For` every request carries, as a proxy in front would add it.
    forwarded_for: Mutex<Option<String>>,
    _dir: tempfile::TempDir,
    /// The PostgreSQL schema or MySQL database the app lives in, dropped after it.
    _database: Option<Box<dyn std::any::Any + Send + Sync>>,
}

/// A response, fully read.
pub struct Response {
    pub status: StatusCode,
    pub headers: actix_web::http::header::HeaderMap,
    pub body: String,
    /// The body's bytes, as sent (compressed, binary).
    pub raw: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
    pub fn html(&self) -> super::Html {
        super::Html::parse(&self.body)
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// The apps to run a database test on: SQLite always, PostgreSQL and MySQL when configured.
pub fn backends() -> Vec<TestApp> {
    let mut apps = vec![TestApp::sqlite()];
    if let Some(pg) = TestApp::postgres() {
        apps.push(pg);
    }
    if let Some(mysql) = TestApp::mysql() {
        apps.push(mysql);
    }
    apps
}

fn config(dir: &std::path::Path, database_url: String, extra: &[(&str, &str)]) -> Config {
    let mut vars: HashMap<&str, String> = HashMap::new();
    vars.insert("DATA_DIR", dir.display().to_string());
    vars.insert("DATABASE_URL", database_url);
    vars.insert("SECRET_KEY", "test-secret-".repeat(8));
    vars.insert("SEARCH_REFRESH_MS", "0".into());
    vars.insert("BASE_URL", "https://jobs.example.test".into());
    vars.insert("DB_POOL_SIZE", "4".into());
    // Tests send forms the moment they are shown; the flood test turns the fill time on.
    vars.insert("APPLY_MIN_FILL_SECONDS", "0".into());
    for (name, value) in extra {
        vars.insert(name, (*value).to_owned());
    }
    Config::from_lookup(|k| vars.get(k).cloned()).expect("test configuration is valid")
}

impl TestApp {
    pub fn sqlite() -> TestApp {
        TestApp::sqlite_with(&[])
    }

    /// An app on SQLite with these settings on top of the tests' own.
    pub fn sqlite_with(settings: &[(&str, &str)]) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("test.db").display());
        let state = AppState::open(config(dir.path(), url, settings)).expect("app state");
        TestApp {
            state,
            backend: "sqlite",
            cookies: Mutex::default(),
            peer: Mutex::default(),
            forwarded_for: Mutex::default(),
            _dir: dir,
            _database: None,
        }
    }

    /// An app on a fresh schema of the PostgreSQL database in TEST_DATABASE_URL_PG. Without
    /// it the test skips PostgreSQL with a printed reason, except in CI, where it must run.
    pub fn postgres() -> Option<TestApp> {
        TestApp::postgres_at(&postgres_base_url()?)
    }

    #[cfg(not(feature = "postgres"))]
    fn postgres_at(_base_url: &str) -> Option<TestApp> {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must build the tests with --features postgres"
        );
        eprintln!("note: PostgreSQL part skipped: built without the `postgres` feature");
        None
    }

    #[cfg(feature = "postgres")]
    fn postgres_at(base_url: &str) -> Option<TestApp> {
        let (schema, url) = PgSchema::fresh(base_url);
        let dir = tempfile::tempdir().expect("temp dir");
        let state = AppState::open(config(dir.path(), url, &[])).expect("app state on PostgreSQL");
        Some(TestApp {
            state,
            backend: "postgres",
            cookies: Mutex::default(),
            peer: Mutex::default(),
            forwarded_for: Mutex::default(),
            _dir: dir,
            _database: Some(Box::new(schema)),
        })
    }

    /// An app on a fresh database of the MySQL/MariaDB server in TEST_DATABASE_URL_MYSQL.
    /// Without it the test skips MySQL with a printed reason, except in CI, where it must run.
    pub fn mysql() -> Option<TestApp> {
        let (database, url) = fresh_mysql()?;
        let dir = tempfile::tempdir().expect("temp dir");
        let state = AppState::open(config(dir.path(), url, &[])).expect("app state on MySQL");
        Some(TestApp {
            state,
            backend: "mysql",
            cookies: Mutex::default(),
            peer: Mutex::default(),
            forwarded_for: Mutex::default(),
            _dir: dir,
            _database: Some(Box::new(database)),
        })
    }

    pub fn conn(&self) -> hireboard::db::PooledConn {
        self.state.pool.get().expect("a database connection")
    }

    /// Rebuilds the search index after factories wrote postings.
    pub fn refresh_search(&self) {
        let mut conn = self.conn();
        self.state.search.rebuild(&mut conn).expect("search index rebuild");
    }

    pub fn with_conn<T>(&self, f: impl FnOnce(&mut DbConn) -> T) -> T {
        let mut conn = self.conn();
        f(&mut conn)
    }

    /// Starts a worker with the standard task kinds on this app's database and search index,
    /// polling every 10 ms; `config` replaces the app's (an SMTP server, an allow-list).
    pub fn worker(
        &self,
        config: Option<Config>,
        concurrency: usize,
    ) -> hireboard::tasks::worker::WorkerHandle {
        let config = config.map_or_else(|| self.state.config.clone(), std::sync::Arc::new);
        hireboard::tasks::worker::spawn(
            self.state.pool.clone(),
            config,
            hireboard::tasks::Registry::standard(),
            hireboard::tasks::worker::WorkerConfig {
                concurrency,
                queues: Vec::new(),
                poll: std::time::Duration::from_millis(10),
                lease: std::time::Duration::from_secs(30),
                shutdown_grace: std::time::Duration::from_secs(5),
            },
            self.state.search.clone(),
            self.state.messages.clone(),
        )
        .expect("a worker starts")
    }

    /// The storage keys under `prefix` (`cvs`, `logos`), sorted.
    pub async fn stored(&self, prefix: &str) -> Vec<String> {
        let mut keys: Vec<String> =
            self.state.storage.list(prefix).await.unwrap().into_iter().map(|(k, _)| k).collect();
        keys.sort();
        keys
    }

    /// Runs a worker until `done` holds (20 s at most; then the test fails saying `what` did
    /// not happen).
    pub fn work_until(&self, what: &str, done: impl Fn() -> bool) {
        let handle = self.worker(None, 1);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while !done() {
            assert!(std::time::Instant::now() < deadline, "{what} did not happen");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        handle.shutdown();
    }

    /// Runs a worker until the outbox holds `n` messages (20 s at most).
    pub fn deliver_mail(&self, n: i64) {
        use diesel::prelude::*;
        use hireboard::db::schema::outbox_messages;
        let handle = self.worker(None, 2);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        let count =
            || -> i64 { self.with_conn(|c| outbox_messages::table.count().get_result(c).unwrap()) };
        while count() < n {
            assert!(std::time::Instant::now() < deadline, "the mail did not arrive");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        handle.shutdown();
    }

    /// Every mail in the outbox, oldest first: (to, subject, text).
    pub fn outbox(&self) -> Vec<(String, String, String)> {
        use diesel::prelude::*;
        use hireboard::db::schema::outbox_messages;
        self.with_conn(|c| {
            outbox_messages::table
                .order(outbox_messages::id.asc())
                .select((
                    outbox_messages::to_address,
                    outbox_messages::subject,
                    outbox_messages::text_body,
                ))
                .load(c)
                .unwrap()
        })
    }

    /// SQL statements run so far through the app's pool.
    pub fn queries(&self) -> u64 {
        self.state.queries.get()
    }

    /// Sends the following requests from `ip`.
    pub fn set_client_ip(&self, ip: &str) {
        *self.peer.lock().unwrap() = Some(format!("{ip}:40000").parse().expect("an IP address"));
    }

    /// Sends `X-Forwarded-For: {value}` with every request from now on.
    pub fn set_forwarded_for(&self, value: &str) {
        *self.forwarded_for.lock().unwrap() = Some(value.to_owned());
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().unwrap().get(name).cloned()
    }

    pub fn set_cookie(&self, name: &str, value: &str) {
        self.cookies.lock().unwrap().insert(name.to_owned(), value.to_owned());
    }

    /// Forgets every cookie: a new browser.
    pub fn clear_cookies(&self) {
        self.cookies.lock().unwrap().clear();
    }

    /// The CSRF token of the current session, from the page at `path`.
    pub async fn csrf(&self, path: &str) -> String {
        let page = self.get(path).await;
        page.html()
            .attrs("input[name=_csrf]", "value")
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("{path} has no CSRF field: {}", page.status))
    }

    /// Signs in through the form; returns the response to the POST.
    pub async fn sign_in(&self, email: &str, password: &str) -> Response {
        let csrf = self.csrf("/admin/login").await;
        self.post_form(
            "/admin/login",
            &[("_csrf", &csrf), ("email", email), ("password", password)],
        )
        .await
    }

    /// A new back-office user of `role`, signed in (this client's session becomes theirs).
    pub async fn signed_in(&self, role: hireboard::models::AdminRole) -> super::AdminLogin {
        let user = self.with_conn(|c| super::AdminFactory::new().role(role).create(c));
        self.sign_in_as(&user).await;
        user
    }

    /// Signs in and checks that it worked.
    pub async fn sign_in_as(&self, login: &super::AdminLogin) {
        let res = self.sign_in(&login.email, &login.password).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "sign-in failed: {}", res.body);
    }

    /// Posts a form with the session's CSRF token, taken from `/admin`.
    pub async fn post_admin(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let csrf = self.csrf("/admin").await;
        let mut all = vec![("_csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post_form(path, &all).await
    }

    /// A response body as bytes (for binary downloads).
    pub async fn get_bytes(&self, path: &str) -> Vec<u8> {
        let service = test::init_service(build_app(self.state.clone())).await;
        let cookie_header: String = {
            let jar = self.cookies.lock().unwrap();
            jar.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
        };
        let req = test::TestRequest::get()
            .uri(path)
            .insert_header((header::COOKIE, cookie_header))
            .to_request();
        let res = service.call(req).await.unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(res.status().is_success(), "{path}: {}", res.status());
        actix_web::body::to_bytes(res.into_body()).await.unwrap_or_default().to_vec()
    }

    pub async fn get(&self, path: &str) -> Response {
        self.request(Method::GET, path, &[], None).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        self.request(Method::GET, path, headers, None).await
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let body = serde_urlencoded::to_string(fields).expect("form encoding");
        self.request(
            Method::POST,
            path,
            &[("content-type", "application/x-www-form-urlencoded")],
            Some(body),
        )
        .await
    }

    /// Posts `multipart/form-data`: text fields, then files as
    /// (field, file name, content type, bytes).
    pub async fn post_multipart(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &str, &[u8])],
    ) -> Response {
        let parts: Vec<Part> = fields
            .iter()
            .map(|(name, value)| Part::Text(name, value))
            .chain(
                files
                    .iter()
                    .map(|(name, file_name, kind, bytes)| Part::File(name, file_name, kind, bytes)),
            )
            .collect();
        self.post_parts(path, &parts).await
    }

    /// Posts `multipart/form-data` with its parts in the given order, as a browser sends a
    /// form's fields in document order (what follows a too-large file is never read).
    pub async fn post_parts(&self, path: &str, parts: &[Part<'_>]) -> Response {
        self.post_parts_with(path, parts, &[], "----hireboard-test-boundary-7d2f").await
    }

    /// Posts `multipart/form-data` with these headers too, its parts split by `boundary`.
    pub async fn post_parts_with(
        &self,
        path: &str,
        parts: &[Part<'_>],
        headers: &[(&str, &str)],
        boundary: &str,
    ) -> Response {
        self.send_parts(Method::POST, path, parts, headers, boundary).await
    }

    /// Sends `multipart/form-data` with `method` and these headers too.
    pub async fn send_parts(
        &self,
        method: Method,
        path: &str,
        parts: &[Part<'_>],
        headers: &[(&str, &str)],
        boundary: &str,
    ) -> Response {
        let mut body: Vec<u8> = Vec::new();
        for part in parts {
            match part {
                Part::Text(name, value) => body.extend_from_slice(
                    format!(
                        "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                    )
                    .as_bytes(),
                ),
                Part::File(name, file_name, content_type, bytes) => {
                    body.extend_from_slice(
                        format!(
                            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: {content_type}\r\n\r\n"
                        )
                        .as_bytes(),
                    );
                    body.extend_from_slice(bytes);
                    body.extend_from_slice(b"\r\n");
                }
            }
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let content_type = format!("multipart/form-data; boundary={boundary}");
        let mut all = vec![("content-type", content_type.as_str())];
        all.extend_from_slice(headers);
        self.request_bytes(method, path, &all, Some(body)).await
    }

    pub async fn request(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<String>,
    ) -> Response {
        self.request_bytes(method, path, headers, body.map(String::into_bytes)).await
    }

    pub async fn request_bytes(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<Vec<u8>>,
    ) -> Response {
        let service = test::init_service(build_app(self.state.clone())).await;
        let mut req = test::TestRequest::default().method(method).uri(path);
        if let Some(peer) = *self.peer.lock().unwrap() {
            req = req.peer_addr(peer);
        }
        if let Some(forwarded) = self.forwarded_for.lock().unwrap().as_deref() {
            req = req.insert_header(("x-forwarded-for", forwarded));
        }
        for (k, v) in headers {
            req = req.insert_header((*k, *v));
        }
        let cookie_header: String = {
            let jar = self.cookies.lock().unwrap();
            jar.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
        };
        if !cookie_header.is_empty() {
            req = req.insert_header((header::COOKIE, cookie_header));
        }
        if let Some(body) = body {
            req = req.set_payload(body);
        }
        let res: ServiceResponse<_> =
            service.call(req.to_request()).await.unwrap_or_else(|e| panic!("{path}: {e}"));
        self.read(res).await
    }

    async fn read<B: MessageBody>(&self, res: ServiceResponse<B>) -> Response {
        let status = res.status();
        let headers = res.headers().clone();
        for value in headers.get_all(header::SET_COOKIE) {
            let text = value.to_str().unwrap_or_default();
            if let Ok(c) = actix_web::cookie::Cookie::parse(text.to_owned()) {
                let mut jar = self.cookies.lock().unwrap();
                if c.max_age().is_some_and(|a| a.is_zero()) {
                    jar.remove(c.name());
                } else {
                    jar.insert(c.name().to_owned(), c.value().to_owned());
                }
            }
        }
        let bytes = actix_web::body::to_bytes(res.into_body()).await.unwrap_or_default();
        let body = String::from_utf8_lossy(&bytes).into_owned();
        Response { status, headers, body, raw: bytes.to_vec() }
    }
}

/// A throwaway PostgreSQL schema, dropped when the test ends.
pub struct PgSchema {
    #[allow(dead_code)]
    name: String,
    #[allow(dead_code)]
    admin_url: String,
}

/// TEST_DATABASE_URL_PG; without it a test skips PostgreSQL with a printed reason, except in
/// CI, where it must run.
fn postgres_base_url() -> Option<String> {
    let Ok(base_url) = std::env::var("TEST_DATABASE_URL_PG") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must set TEST_DATABASE_URL_PG so that PostgreSQL tests run"
        );
        eprintln!("note: PostgreSQL part skipped: TEST_DATABASE_URL_PG is not set");
        return None;
    };
    Some(base_url)
}

/// An empty PostgreSQL schema (dropped with the value) and the URL that works in it, for
/// tests of what processes do to a fresh database; None where PostgreSQL is not configured
/// (CI requires it).
pub fn fresh_postgres() -> Option<(PgSchema, String)> {
    let base_url = postgres_base_url()?;
    #[cfg(feature = "postgres")]
    return Some(PgSchema::fresh(&base_url));
    #[cfg(not(feature = "postgres"))]
    {
        let _ = base_url;
        eprintln!("note: PostgreSQL part skipped: built without the `postgres` feature");
        None
    }
}

#[cfg(feature = "postgres")]
impl PgSchema {
    fn fresh(base_url: &str) -> (PgSchema, String) {
        let schema = PgSchema::create(base_url);
        let sep = if base_url.contains('?') { '&' } else { '?' };
        let url = format!("{base_url}{sep}options=-c%20search_path%3D{}", schema.name);
        (schema, url)
    }

    fn create(admin_url: &str) -> PgSchema {
        use diesel::Connection;
        use diesel::connection::SimpleConnection;
        use rand::Rng;
        let name = format!("hb_test_{:016x}", rand::rng().random::<u64>());
        let mut conn = diesel::PgConnection::establish(admin_url)
            .unwrap_or_else(|e| panic!("TEST_DATABASE_URL_PG: cannot connect: {e}"));
        conn.batch_execute(&format!("CREATE SCHEMA {name}")).expect("create test schema");
        PgSchema { name, admin_url: admin_url.to_owned() }
    }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        #[cfg(feature = "postgres")]
        {
            use diesel::Connection;
            use diesel::connection::SimpleConnection;
            if let Ok(mut conn) = diesel::PgConnection::establish(&self.admin_url) {
                let _ = conn.batch_execute(&format!("DROP SCHEMA {} CASCADE", self.name));
            }
        }
    }
}

/// A throwaway MySQL/MariaDB database, dropped when the test ends.
pub struct MysqlDatabase {
    #[allow(dead_code)]
    name: String,
    #[allow(dead_code)]
    admin_url: String,
}

/// TEST_DATABASE_URL_MYSQL; without it a test skips MySQL with a printed reason, except in
/// CI, where it must run.
fn mysql_base_url() -> Option<String> {
    let Ok(base_url) = std::env::var("TEST_DATABASE_URL_MYSQL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must set TEST_DATABASE_URL_MYSQL so that MySQL tests run"
        );
        eprintln!("note: MySQL part skipped: TEST_DATABASE_URL_MYSQL is not set");
        return None;
    };
    Some(base_url)
}

/// An empty MySQL/MariaDB database (dropped with the value) and its URL; None where MySQL is
/// not configured (CI requires it).
pub fn fresh_mysql() -> Option<(MysqlDatabase, String)> {
    let base_url = mysql_base_url()?;
    #[cfg(feature = "mysql")]
    return Some(MysqlDatabase::fresh(&base_url));
    #[cfg(not(feature = "mysql"))]
    {
        let _ = base_url;
        assert!(std::env::var_os("CI").is_none(), "CI must build the tests with --features mysql");
        eprintln!("note: MySQL part skipped: built without the `mysql` feature");
        None
    }
}

#[cfg(feature = "mysql")]
impl MysqlDatabase {
    fn fresh(admin_url: &str) -> (MysqlDatabase, String) {
        use diesel::Connection;
        use diesel::connection::SimpleConnection;
        use rand::Rng;
        let name = format!("hb_test_{:016x}", rand::rng().random::<u64>());
        let mut conn = diesel::MysqlConnection::establish(admin_url)
            .unwrap_or_else(|e| panic!("TEST_DATABASE_URL_MYSQL: cannot connect: {e}"));
        conn.batch_execute(&format!(
            "CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
        ))
        .expect("create test database");
        // The same server and credentials, the new database as the URL's path.
        let mut url = url::Url::parse(admin_url).expect("TEST_DATABASE_URL_MYSQL is a URL");
        url.set_path(&name);
        let database = MysqlDatabase { name, admin_url: admin_url.to_owned() };
        (database, url.to_string())
    }
}

impl Drop for MysqlDatabase {
    fn drop(&mut self) {
        #[cfg(feature = "mysql")]
        {
            use diesel::Connection;
            use diesel::connection::SimpleConnection;
            if let Ok(mut conn) = diesel::MysqlConnection::establish(&self.admin_url) {
                let _ = conn.batch_execute(&format!("DROP DATABASE {}", self.name));
            }
        }
    }
}
