//! What postings do: a load of known size on the public pages gives exact numbers per
//! posting once the process writes them (views, search appearances, apply forms sent,
//! applications); HEAD requests and other postings are not mixed in; the posting's company
//! and the staff read them as a chart, a table and a CSV, in a fixed number of queries, and
//! nobody else can; with counting off nothing is kept.

use actix_web::http::{Method, StatusCode};
use diesel::prelude::*;
use hireboard::db::schema::posting_stats;

use crate::support::{
    AdminFactory, ApplicationFactory, CompanyFactory, JobFactory, TestApp, backends,
};

/// Writes what the app counted, as its flusher thread does.
fn flush(app: &TestApp) {
    let counter = app.state.analytics.clone();
    app.with_conn(|c| counter.flush(c).unwrap());
}

/// (views, search, alerts, apply forms, applications) of `job`, over every day.
fn numbers(app: &TestApp, job: i64) -> (i64, i64, i64, i64, i64) {
    let rows: Vec<(i64, i64, i64, i64, i64)> = app.with_conn(|c| {
        posting_stats::table
            .filter(posting_stats::job_id.eq(job))
            .select((
                posting_stats::views,
                posting_stats::search_appearances,
                posting_stats::alert_appearances,
                posting_stats::apply_clicks,
                posting_stats::applications,
            ))
            .load(c)
            .unwrap()
    });
    rows.into_iter()
        .fold((0, 0, 0, 0, 0), |a, r| (a.0 + r.0, a.1 + r.1, a.2 + r.2, a.3 + r.3, a.4 + r.4))
}

#[actix_web::test]
async fn counts_are_exact_after_a_known_load_and_only_the_company_and_staff_read_them() {
    for app in backends() {
        let (mine, theirs) = app.with_conn(|c| {
            (CompanyFactory::new().name("Counted Ltd").create(c), CompanyFactory::new().create(c))
        });
        let (a, b, other) = app.with_conn(|c| {
            (
                JobFactory::new(&mine).title("Counted welder").create(c),
                JobFactory::new(&mine).title("Counted baker").create(c),
                JobFactory::new(&theirs).title("Uncounted tiler").create(c),
            )
        });
        app.refresh_search();
        let recruiter = app.with_conn(|c| AdminFactory::new().recruiter(&[mine.id]).create(c));

        // The load: 7 reads of A's page and 3 of B's; a HEAD is not a reader.
        for _ in 0..7 {
            assert_eq!(app.get(&format!("/en/jobs/{}", a.slug)).await.status, StatusCode::OK);
        }
        for _ in 0..3 {
            app.get(&format!("/de/jobs/{}", b.slug)).await;
        }
        app.request(Method::HEAD, &format!("/en/jobs/{}", a.slug), &[], None).await;
        // 4 searches listing all three, 2 finding A alone.
        for _ in 0..4 {
            app.get("/en/jobs").await;
        }
        for _ in 0..2 {
            let found = app.get("/en/jobs?q=welder").await;
            assert_eq!(found.html().count(".job-card"), 1, "{}", found.body);
        }
        // An apply form sent (missing its fields: refused, still a press of Apply), and one
        // application stored.
        let token = app
            .get(&format!("/en/jobs/{}", a.slug))
            .await
            .html()
            .attr("input[name=csrf_token]", "value");
        let res =
            app.post_form(&format!("/en/jobs/{}/apply", a.slug), &[("csrf_token", &token)]).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        app.with_conn(|c| ApplicationFactory::new(a.id).create(c));

        // Nothing is written until the process flushes; then every count is there.
        assert_eq!(numbers(&app, a.id).0, 0, "counted in memory first");
        flush(&app);
        assert_eq!(numbers(&app, a.id), (8, 6, 0, 1, 1), "{}", app.backend);
        assert_eq!(numbers(&app, b.id), (3, 4, 0, 0, 0));
        assert_eq!(numbers(&app, other.id), (0, 4, 0, 0, 0));
        // A second flush adds to the same day's row.
        app.get(&format!("/en/jobs/{}", a.slug)).await;
        flush(&app);
        assert_eq!(numbers(&app, a.id).0, 9);
        let rows: i64 = app.with_conn(|c| {
            posting_stats::table
                .filter(posting_stats::job_id.eq(a.id))
                .count()
                .get_result(c)
                .unwrap()
        });
        assert_eq!(rows, 1, "one row per posting and day");

        // The company reads them: chart, table, totals and CSV.
        app.sign_in_as(&recruiter).await;
        let before = app.queries();
        let page = app.get(&format!("/admin/jobs/{}/stats", a.id)).await;
        let cost = app.queries() - before;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let html = page.html();
        assert_eq!(html.texts("tfoot td"), ["9", "6", "0", "1", "1"]);
        assert_eq!(html.count("tbody tr"), 30);
        assert_eq!(html.texts("tbody tr:first-child td"), ["9", "6", "0", "1", "1"], "today first");
        assert_eq!(html.count(".chart rect"), 30);
        assert_eq!(html.text("figcaption"), "In the last 30 days: 9 views, 1 application.");
        let csv = app.get(&format!("/admin/jobs/{}/stats.csv", a.id)).await;
        assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
        let lines: Vec<&str> = csv.body.lines().collect();
        assert_eq!(lines.len(), 31);
        assert_eq!(
            lines[0],
            "Day,Views,In search results,In alert emails,Apply forms sent,Applications"
        );
        let today = hireboard::db::now().format("%Y-%m-%d");
        assert_eq!(lines[30], format!("{today},9,6,0,1,1"));
        // More days of numbers, same queries.
        app.with_conn(|c| {
            for d in 1..20 {
                let day =
                    hireboard::analytics::day_of(hireboard::db::now() - chrono::TimeDelta::days(d));
                diesel::insert_into(posting_stats::table)
                    .values((
                        posting_stats::job_id.eq(a.id),
                        posting_stats::day.eq(day),
                        posting_stats::views.eq(d),
                    ))
                    .execute(c)
                    .unwrap();
            }
        });
        let before = app.queries();
        app.get(&format!("/admin/jobs/{}/stats", a.id)).await;
        assert_eq!(app.queries() - before, cost, "more days, same queries");
        // Another company's posting: as if it did not exist.
        for path in [
            format!("/admin/jobs/{}/stats", other.id),
            format!("/admin/jobs/{}/stats.csv", other.id),
        ] {
            assert_eq!(app.get(&path).await.status, StatusCode::NOT_FOUND, "{path}");
        }

        // A posting deleted before its counts were written takes them along; the rest are kept.
        app.get(&format!("/en/jobs/{}", other.slug)).await;
        app.get(&format!("/en/jobs/{}", b.slug)).await;
        app.with_conn(|c| {
            use hireboard::db::schema::jobs;
            diesel::delete(jobs::table.find(other.id)).execute(c).unwrap()
        });
        flush(&app);
        assert_eq!(numbers(&app, b.id).0, 4);
    }
}

#[actix_web::test]
async fn with_counting_off_nothing_is_kept() {
    let app = TestApp::sqlite_with(&[("ANALYTICS_FLUSH_SECONDS", "0")]);
    let job = app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        JobFactory::new(&co).create(c)
    });
    app.refresh_search();
    app.get(&format!("/en/jobs/{}", job.slug)).await;
    app.get("/en/jobs").await;
    flush(&app);
    assert_eq!(numbers(&app, job.id), (0, 0, 0, 0, 0));
}
