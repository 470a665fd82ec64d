//! What each backend does its own way (`db::dialect`), checked on every one: full text, the
//! change counters the back office caches by, ids of new rows and timestamp precision.

use std::collections::HashMap;

use diesel::prelude::*;
use hireboard::db::dialect::{self, TEXT_MATCH, TITLE_MATCH};
use hireboard::db::schema::{companies, jobs};
use hireboard::i18n::Locale;
use hireboard::tasks::queue::{self, NewTask, TaskRow};

use crate::support::factories::text;
use crate::support::{ApplicationFactory, CompanyFactory, JobFactory, backends};

fn search(conn: &mut hireboard::db::DbConn, q: &str) -> HashMap<i64, f64> {
    dialect::search_job_ids(conn, q).unwrap().into_iter().collect()
}

#[test]
fn full_text_covers_every_language_and_ranks_title_matches_first() {
    for app in backends() {
        app.with_conn(|c| {
            let company = CompanyFactory::new().create(c);
            let in_title = JobFactory::new(&company).title("Gardener").create(c);
            let in_text = JobFactory::new(&company)
                .summary("We need a gardener for the roof garden.")
                .create(c);
            let translated =
                JobFactory::new(&company).translation(Locale::DE, text("Zorblaxpflege")).create(c);
            let elsewhere = JobFactory::new(&company).title("Baker").create(c);
            let b = app.backend;

            let found = search(c, "gardener");
            assert_eq!(found.get(&in_title.id), Some(&TITLE_MATCH), "{b}: title");
            assert_eq!(found.get(&in_text.id), Some(&TEXT_MATCH), "{b}: summary");
            assert!(!found.contains_key(&elsewhere.id), "{b}: {found:?}");
            // Words match as prefixes; every word must match.
            assert_eq!(search(c, "garde").get(&in_title.id), Some(&TITLE_MATCH), "{b}");
            assert!(search(c, "gardener baker").is_empty(), "{b}");
            // A translation's title counts as a title.
            let found = search(c, "zorblaxpflege");
            assert_eq!(found.get(&translated.id), Some(&TITLE_MATCH), "{b}: translation");
            assert_eq!(found.len(), 1, "{b}: {found:?}");
        });
    }
}

#[test]
fn change_counts_move_with_every_write_and_never_go_back() {
    for app in backends() {
        app.with_conn(|c| {
            let b = app.backend;
            let version =
                |c: &mut hireboard::db::DbConn, t: &str| dialect::change_count(c, t).unwrap();
            let before = version(c, "companies");
            let company = CompanyFactory::new().create(c);
            let created = version(c, "companies");
            assert!(created > before, "{b}: insert");
            diesel::update(companies::table.find(company.id))
                .set(companies::name.eq("Renamed Ltd"))
                .execute(c)
                .unwrap();
            let renamed = version(c, "companies");
            assert!(renamed > created, "{b}: update");

            // Rows a foreign key deletes with their parent count as changes too.
            let job = JobFactory::new(&company).create(c);
            ApplicationFactory::new(job.id).create(c);
            let applied = version(c, "applications");
            diesel::delete(jobs::table.find(job.id)).execute(c).unwrap();
            assert!(version(c, "applications") > applied, "{b}: cascaded delete");

            // The hourly upkeep may compact what backs the counters, never move them back.
            let kept = (version(c, "companies"), version(c, "applications"));
            dialect::optimize(c).unwrap();
            assert_eq!((version(c, "companies"), version(c, "applications")), kept, "{b}");
            CompanyFactory::new().create(c);
            assert!(version(c, "companies") > kept.0, "{b}: after the upkeep");
        });
    }
}

#[cfg(feature = "mysql")]
#[test]
fn mysql_keeps_one_change_event_per_table_after_the_upkeep() {
    use diesel::sql_types::BigInt;
    #[derive(QueryableByName)]
    struct Rows {
        #[diesel(sql_type = BigInt)]
        rows: i64,
        #[diesel(sql_type = BigInt)]
        tables: i64,
    }
    let Some(app) = crate::support::TestApp::mysql() else {
        eprintln!("note: MySQL part skipped: TEST_DATABASE_URL_MYSQL is not set");
        return;
    };
    app.with_conn(|c| {
        for _ in 0..3 {
            CompanyFactory::new().create(c);
        }
        dialect::optimize(c).unwrap();
        let counted: Rows = diesel::sql_query(
            "SELECT COUNT(*) AS `rows`, COUNT(DISTINCT name) AS tables FROM change_events",
        )
        .get_result(c)
        .unwrap();
        assert_eq!(counted.rows, counted.tables);
        assert!(counted.tables >= 1);
    });
}

#[test]
fn new_rows_get_their_own_ids_and_timestamps_keep_microseconds() {
    for app in backends() {
        app.with_conn(|c| {
            let run_at = chrono::NaiveDate::from_ymd_opt(2031, 5, 6)
                .unwrap()
                .and_hms_micro_opt(7, 8, 9, 123_456)
                .unwrap();
            let task = |key: &'static str| NewTask {
                kind: "noop",
                queue: "default",
                priority: 0,
                args: "{}",
                run_at,
                max_attempts: 1,
                dedup_key: Some(key),
            };
            let first = queue::insert(c, &task("a")).unwrap().unwrap();
            let second = queue::insert(c, &task("b")).unwrap().unwrap();
            assert!(second > first, "{}", app.backend);
            let stored = TaskRow::find(c, second).unwrap().unwrap();
            assert_eq!(stored.dedup_key.as_deref(), Some("b"), "{}", app.backend);
            assert_eq!(stored.run_at, run_at, "{}", app.backend);
        });
    }
}
