//! Partners' feeds in, end to end on every backend: a loopback server (allow-listed as the
//! webhook receivers are) plays the applicant-tracking system; the worker fetches it, creates
//! and publishes postings by the feed's ids, updates them, archives those that left the feed,
//! and a broken, failing or empty feed changes nothing. The back office adds sources and shows
//! their runs.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::http::StatusCode;
use actix_web::{App, HttpResponse, HttpServer, web};
use diesel::prelude::*;
use hireboard::db::schema::{feed_runs, feed_sources, jobs};
use hireboard::models::AdminRole;
use hireboard::tasks::Task;

use crate::support::{CompanyFactory, TestApp, backends, factories::feed_source};

/// What the fake applicant-tracking system answers: status, content type, body.
type Answer = Arc<Mutex<(u16, &'static str, String)>>;

async fn serve(answer: web::Data<Answer>) -> HttpResponse {
    let (status, content_type, body) = answer.lock().unwrap().clone();
    HttpResponse::build(StatusCode::from_u16(status).unwrap()).content_type(content_type).body(body)
}

/// A server on a free loopback port; its address and what it answers.
fn ats() -> (String, Answer) {
    let answer: Answer = Arc::new(Mutex::new((200, "application/json", String::new())));
    let data = answer.clone();
    let server = HttpServer::new(move || {
        App::new().app_data(web::Data::new(data.clone())).default_service(web::to(serve))
    })
    .workers(1)
    .bind(("127.0.0.1", 0))
    .unwrap();
    let address = server.addrs()[0].to_string();
    actix_web::rt::spawn(server.run());
    (address, answer)
}

fn greenhouse(jobs: &[(i64, &str, &str, &str)]) -> String {
    let jobs: Vec<serde_json::Value> = jobs
        .iter()
        .map(|(id, title, location, content)| {
            serde_json::json!({
                "id": id, "title": title, "location": {"name": location},
                "content": content, "updated_at": "2026-12-01T10:00:00-05:00",
                "absolute_url": format!("https://boards.greenhouse.io/acme/jobs/{id}"),
            })
        })
        .collect();
    serde_json::json!({ "jobs": jobs, "meta": { "total": jobs.len() } }).to_string()
}

/// Fetches source `id` with a worker allowed to reach `address`; the run it logged.
async fn fetch(
    app: &TestApp,
    address: &str,
    id: i64,
) -> (bool, i32, i32, i32, i32, Option<String>) {
    let before: i64 = app.with_conn(|c| feed_runs::table.count().get_result(c).unwrap());
    app.with_conn(|c| {
        hireboard::tasks::fetch_feed::FetchFeed { source_id: id }.enqueue(c).unwrap()
    });
    let mut config = (*app.state.config).clone();
    config.webhook_allow_hosts = vec![address.to_owned()];
    let handle = app.worker(Some(config), 1);
    let deadline = Instant::now() + Duration::from_secs(30);
    while app.with_conn(|c| feed_runs::table.count().get_result::<i64>(c).unwrap()) == before {
        assert!(Instant::now() < deadline, "the feed was not fetched on {}", app.backend);
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
    actix_web::rt::task::spawn_blocking(move || handle.shutdown()).await.unwrap();
    app.with_conn(|c| {
        feed_runs::table
            .order(feed_runs::id.desc())
            .select((
                feed_runs::ok,
                feed_runs::created_count,
                feed_runs::updated_count,
                feed_runs::closed_count,
                feed_runs::failed_count,
                feed_runs::error,
            ))
            .first(c)
            .unwrap()
    })
}

/// The company's postings: (title, status, city, country), by title.
fn postings(app: &TestApp, company: i64) -> Vec<(String, String, Option<String>, Option<String>)> {
    app.with_conn(|c| {
        jobs::table
            .filter(jobs::company_id.eq(company))
            .select((jobs::title, jobs::status, jobs::city, jobs::country_code))
            .order(jobs::title.asc())
            .load(c)
            .unwrap()
    })
}

#[actix_web::test]
async fn a_feed_creates_updates_and_closes_postings_and_a_broken_one_changes_nothing() {
    for app in backends() {
        let (address, answer) = ats();
        let company = app.with_conn(|c| CompanyFactory::new().create(c).id);
        let url = format!("http://{address}/v1/boards/acme/jobs?content=true");
        let source = app.with_conn(|c| feed_source(c, company, &url, "greenhouse"));
        let vault = "&lt;p&gt;Design vaults &amp;amp; doors.&lt;/p&gt;";
        *answer.lock().unwrap() = (
            200,
            "application/json",
            greenhouse(&[
                (101, "Vault Designer", "Berlin, Germany", vault),
                (102, "Remote Engineer", "Remote", "<p>Build things.</p>"),
            ]),
        );
        let run = fetch(&app, &address, source).await;
        assert_eq!(run, (true, 2, 0, 0, 0, None), "{}", app.backend);
        let published = hireboard::models::JobStatus::Published.as_str().to_owned();
        assert_eq!(
            postings(&app, company),
            [
                ("Remote Engineer".into(), published.clone(), None, None),
                (
                    "Vault Designer".into(),
                    published.clone(),
                    Some("Berlin".into()),
                    Some("DE".into())
                ),
            ],
            "{}",
            app.backend
        );
        let summary: String = app.with_conn(|c| {
            jobs::table
                .filter(jobs::title.eq("Vault Designer"))
                .select(jobs::summary)
                .first(c)
                .unwrap()
        });
        assert_eq!(summary, "Design vaults & doors.");

        // The same feed again: nothing to do. Then one changed, one gone, one refused.
        assert_eq!(fetch(&app, &address, source).await, (true, 0, 0, 0, 0, None));
        *answer.lock().unwrap() = (
            200,
            "application/json",
            greenhouse(&[
                (101, "Senior Vault Designer", "Berlin, Germany", vault),
                (103, "No Description", "Kyiv", ""),
            ]),
        );
        let run = fetch(&app, &address, source).await;
        assert_eq!(run, (true, 0, 1, 1, 1, None), "{}", app.backend);
        let archived = hireboard::models::JobStatus::Archived.as_str().to_owned();
        let after: Vec<(String, String)> =
            postings(&app, company).into_iter().map(|(t, s, _, _)| (t, s)).collect();
        assert_eq!(
            after,
            [("Remote Engineer".into(), archived), ("Senior Vault Designer".into(), published)]
        );
        let failures: String = app.with_conn(|c| {
            feed_runs::table
                .order(feed_runs::id.desc())
                .select(feed_runs::failures)
                .first(c)
                .unwrap()
        });
        assert!(failures.contains("103"), "{failures}");

        // One audit entry per run that changed the board, by the feed.
        let audited: Vec<String> = app.with_conn(|c| {
            use hireboard::db::schema::audit_log;
            audit_log::table
                .filter(audit_log::action.eq("import"))
                .select(audit_log::actor)
                .load(c)
                .unwrap()
        });
        assert_eq!(audited, [format!("feed #{source}"), format!("feed #{source}")]);

        // Failing, broken and empty feeds: logged, and the board stays as it was.
        for (status, body, error) in [
            (503, "Service Unavailable".to_owned(), "feed-error-status"),
            (200, "<html>Not a feed</html>".to_owned(), "feed-error-syntax"),
            (200, greenhouse(&[]), "feed-error-empty"),
        ] {
            *answer.lock().unwrap() = (status, "application/json", body);
            let run = fetch(&app, &address, source).await;
            assert!(!run.0, "{error} on {}", app.backend);
            assert!(run.5.as_deref().is_some_and(|e| e.contains(error)), "{:?}", run.5);
            assert_eq!(postings(&app, company).len(), 2);
            assert_eq!(postings(&app, company)[1].1, "published", "{error}");
        }
    }
}

#[actix_web::test]
async fn indeed_xml_feeds_come_in_and_private_addresses_are_never_fetched() {
    let app = TestApp::sqlite();
    let (address, answer) = ats();
    let company = app.with_conn(|c| CompanyFactory::new().create(c).id);
    let url = format!("http://{address}/feed.xml");
    let source = app.with_conn(|c| feed_source(c, company, &url, "indeed"));
    let xml = r#"<?xml version="1.0" encoding="utf-8"?>
        <source><publisher>ATS</publisher>
        <job><title><![CDATA[Baker & Pastry Chef]]></title><referencenumber>b-1</referencenumber>
          <city>Lviv</city><country>UA</country><jobtype>parttime</jobtype>
          <description><![CDATA[<p>Bread and cakes.</p>]]></description></job>
        </source>"#;
    *answer.lock().unwrap() = (200, "application/xml", xml.to_owned());
    assert_eq!(fetch(&app, &address, source).await, (true, 1, 0, 0, 0, None));
    let (kind, city): (String, Option<String>) = app.with_conn(|c| {
        jobs::table
            .filter(jobs::company_id.eq(company))
            .select((jobs::employment_type, jobs::city))
            .first(c)
            .unwrap()
    });
    assert_eq!((kind.as_str(), city.as_deref()), ("part_time", Some("Lviv")));

    // Loopback but not allow-listed: the guard refuses before anything is sent.
    let private =
        app.with_conn(|c| feed_source(c, company, "http://127.0.0.1:9/feed.xml", "indeed"));
    let run = fetch(&app, &address, private).await;
    assert!(!run.0);
    assert!(run.5.as_deref().is_some_and(|e| e.contains("feed-error-refused")), "{:?}", run.5);
}

#[actix_web::test]
async fn due_sources_are_claimed_once_and_moved_on_by_their_schedule() {
    for app in backends() {
        let company = app.with_conn(|c| CompanyFactory::new().create(c).id);
        let source =
            app.with_conn(|c| feed_source(c, company, "https://ats.example.test/j", "greenhouse"));
        let now = hireboard::db::now();
        let claimed = app.with_conn(|c| hireboard::feed_sources::claim_due(c, now).unwrap());
        assert_eq!(claimed, [source]);
        assert!(app.with_conn(|c| hireboard::feed_sources::claim_due(c, now).unwrap()).is_empty());
        let next: chrono::NaiveDateTime = app.with_conn(|c| {
            feed_sources::table.find(source).select(feed_sources::next_run_at).first(c).unwrap()
        });
        assert!(next >= now + chrono::Duration::hours(6) - chrono::Duration::seconds(1));
        // Six hours on, it is due again.
        let later = now + chrono::Duration::hours(6);
        assert_eq!(
            app.with_conn(|c| hireboard::feed_sources::claim_due(c, later).unwrap()),
            [source]
        );
    }
}

#[actix_web::test]
async fn admins_add_sources_whose_page_shows_their_runs() {
    let app = TestApp::sqlite();
    let _admin = app.signed_in(AdminRole::Admin).await;
    let company = app.with_conn(|c| CompanyFactory::new().create(c).id).to_string();
    let form = |url: &'static str| {
        vec![
            ("company", format!("#{company}")),
            ("url", url.to_owned()),
            ("format", "greenhouse".to_owned()),
            ("locale", "en".to_owned()),
            ("every_hours", "12".to_owned()),
            ("publish", "off".to_owned()),
            ("enabled", "on".to_owned()),
        ]
    };
    let fields = form("http://169.254.169.254/latest/meta-data/");
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_admin("/admin/feed_sources", &fields).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.html().text(".field-error").contains("private network"), "{}", res.body);
    let fields = form("https://93.184.215.14/v1/boards/acme/jobs");
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_admin("/admin/feed_sources", &fields).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let (id, hours, publish): (i64, i32, bool) = app.with_conn(|c| {
        feed_sources::table
            .select((feed_sources::id, feed_sources::every_hours, feed_sources::publish))
            .first(c)
            .unwrap()
    });
    assert_eq!((hours, publish), (12, false));
    let log = hireboard::feed_sources::RunLog {
        error: Some(hireboard::feed_sources::RunError::new(
            "feed-error-status",
            vec![("status", "503".into())],
        )),
        ..Default::default()
    };
    app.with_conn(|c| hireboard::feed_sources::log_run(c, id, hireboard::db::now(), 85, &log))
        .unwrap();
    let page = app.get(&format!("/admin/feed_sources/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.html();
    assert!(html.text("main").contains("every 12 hours"), "{}", page.body);
    assert!(html.text("main").contains("Kept as drafts for review"));
    let log = html.text("pre.code");
    assert!(log.contains("failed, nothing changed · 85 ms"), "{log}");
    assert!(log.contains("The feed's server answered with HTTP status 503."), "{log}");
    assert!(!log.contains("feed-error"), "{log}");

    // Fetching now queues the fetch.
    let res = app.post_admin(&format!("/admin/feed_sources/{id}/fetch"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let queued: i64 = app.with_conn(|c| {
        use hireboard::db::schema::tasks;
        tasks::table.filter(tasks::kind.eq("fetch_feed")).count().get_result(c).unwrap()
    });
    assert_eq!(queued, 1);
}
