//! Faults stay contained: a panicking handler, a pool with no free connection, and every
//! SQLite connection set up as the design says.

use actix_web::dev::Service;
use actix_web::{test as actix_test, web};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use crate::support::log_capture::{install, lines_containing};
use crate::support::{TestApp, backends};

#[actix_web::test]
async fn a_panicking_handler_gets_the_localized_500_page_and_the_next_request_works() {
    install();
    let app = TestApp::sqlite();
    // A route like those of the table, which wraps each in the panic handler.
    let broken = web::resource("/test/panic")
        .wrap(actix_web::middleware::from_fn(hireboard::security::panics::catch))
        .route(web::get().to(|| async {
            if true {
                panic!("a handler broke");
            }
            "unreachable"
        }));
    let service =
        actix_test::init_service(hireboard::build_app(app.state.clone()).service(broken)).await;
    let req = actix_test::TestRequest::get()
        .uri("/test/panic")
        .insert_header(("accept-language", "de"))
        .to_request();
    let res = service.call(req).await.expect("a response, not a dropped connection");
    assert_eq!(res.status(), 500);
    let id = res.headers().get("x-request-id").expect("a request id").to_str().unwrap().to_owned();
    assert!(res.headers().contains_key("content-security-policy"));
    let body = String::from_utf8(actix_test::read_body(res).await.to_vec()).unwrap();
    let tr = hireboard::i18n::Messages::builtin().tr(hireboard::i18n::Locale::DE);
    assert!(body.contains(&tr.t("error-internal-title")), "{body}");
    assert!(body.contains(&id), "the page shows the reference {id}");
    let logged = lines_containing(&format!("request id {id}"));
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert!(logged[0].contains("a handler broke"));
    // The same worker goes on serving.
    let res =
        service.call(actix_test::TestRequest::get().uri("/healthz").to_request()).await.unwrap();
    assert_eq!(res.status(), 200);
}

#[actix_web::test]
async fn no_free_connection_gives_503_with_retry_after_soon() {
    let app = TestApp::sqlite_with(&[("DB_POOL_SIZE", "1"), ("DB_POOL_WAIT_MS", "300")]);
    let held = app.conn();
    let res = app.get("/healthz").await;
    assert_eq!(res.status, 503);
    let res = app.get("/en/companies/some-company").await;
    assert_eq!(res.status, 503, "{}", res.body);
    assert_eq!(res.header("retry-after"), Some("5"));
    let tr = hireboard::i18n::Messages::builtin().tr(hireboard::i18n::Locale::EN);
    assert!(res.body.contains(&tr.t("error-unavailable")));
    drop(held);
    assert_eq!(app.get("/healthz").await.status, 200);
}

#[derive(QueryableByName)]
struct Setting {
    #[diesel(sql_type = Text)]
    value: String,
}

#[derive(QueryableByName)]
struct Number {
    #[diesel(sql_type = BigInt)]
    value: i64,
}

#[test]
fn every_pooled_connection_is_set_up_for_its_backend() {
    for app in backends() {
        // As many connections as the pool holds, all at once, so that each is a different one.
        let size = app.state.config.db_pool_size as usize;
        let mut conns: Vec<_> = (0..size).map(|_| app.conn()).collect();
        for conn in conns.iter_mut() {
            match app.backend {
                "sqlite" => {
                    let mode =
                        diesel::sql_query("SELECT journal_mode AS value FROM pragma_journal_mode")
                            .get_result::<Setting>(&mut **conn)
                            .unwrap();
                    assert_eq!(mode.value, "wal");
                    let timeout =
                        diesel::sql_query("SELECT timeout AS value FROM pragma_busy_timeout")
                            .get_result::<Number>(&mut **conn)
                            .unwrap();
                    assert_eq!(timeout.value, 5000);
                    let keys =
                        diesel::sql_query("SELECT foreign_keys AS value FROM pragma_foreign_keys")
                            .get_result::<Number>(&mut **conn)
                            .unwrap();
                    assert_eq!(keys.value, 1);
                }
                "mysql" => {
                    let mut setting = |sql: &str| {
                        diesel::sql_query(sql).get_result::<Setting>(&mut **conn).unwrap().value
                    };
                    assert_eq!(setting("SELECT @@SESSION.time_zone AS value"), "+00:00");
                    let mode = setting("SELECT @@SESSION.sql_mode AS value");
                    for wanted in
                        ["STRICT_TRANS_TABLES", "NO_ZERO_DATE", "ERROR_FOR_DIVISION_BY_ZERO"]
                    {
                        assert!(mode.split(',').any(|m| m == wanted), "{wanted} in {mode}");
                    }
                    // MariaDB's limit, in seconds.
                    let timeout = setting(
                        "SELECT CAST(CAST(@@SESSION.max_statement_time AS SIGNED) AS CHAR) AS value",
                    );
                    assert_eq!(timeout, "30");
                }
                _ => {
                    let timeout =
                        diesel::sql_query("SELECT current_setting('statement_timeout') AS value")
                            .get_result::<Setting>(&mut **conn)
                            .unwrap();
                    assert_eq!(timeout.value, "30s");
                }
            }
        }
    }
}

#[test]
fn a_slow_statement_is_logged_without_its_values() {
    install();
    for app in backends() {
        let canary = format!("slow-canary-{}", app.backend);
        // Counts well over the 250 ms a statement may take before it is logged: to two million
        // (MariaDB past its default of 1,000 recursions; 500,000 once took it under 250 ms).
        let (count, placeholder, text) = match app.backend {
            "sqlite" => (2_000_000, "?", "TEXT"),
            "mysql" => (2_000_000, "?", "CHAR"),
            _ => (2_000_000, "$1", "TEXT"),
        };
        let sql = format!(
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < {count}) \
             SELECT count(*) AS total FROM n AS counted_{} WHERE CAST(x AS {text}) <> {placeholder}",
            app.backend
        );
        #[derive(QueryableByName)]
        struct Total {
            #[diesel(sql_type = BigInt)]
            total: i64,
        }
        let counted: Total = app.with_conn(|c| {
            if app.backend == "mysql" {
                c.batch_execute("SET SESSION max_recursive_iterations = 3000000").unwrap();
            }
            diesel::sql_query(sql).bind::<Text, _>(&canary).get_result(c).unwrap()
        });
        assert_eq!(counted.total, count);
        let logged = lines_containing("slow query");
        assert!(
            logged
                .iter()
                .any(|l| l.contains(&format!("counted_{}", app.backend)) && l.contains("WARN")),
            "{}: {logged:?}",
            app.backend
        );
        assert!(lines_containing(&canary).is_empty(), "a bound value reached the log");
    }
}
