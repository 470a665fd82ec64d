//! The derived search index follows the database, also when another app instance wrote.

use std::time::{Duration, Instant};

use hireboard::AppState;
use hireboard::search::SearchParams;

use crate::support::{CompanyFactory, JobFactory, backends};

fn open_count(state: &AppState) -> usize {
    state
        .search
        .get()
        .search(&SearchParams { page: 1, ..Default::default() }, None, hireboard::db::now(), 20)
        .total
}

#[actix_web::test]
async fn a_second_instance_sees_changes_made_by_the_first() {
    for app in backends() {
        // A second app instance on the same database, with the background refresher on.
        let other = AppState::open((*app.state.config).clone()).expect("second instance");
        other.search.spawn_refresher(other.pool.clone(), Duration::from_millis(50));
        assert_eq!(open_count(&other), 0);

        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).create(c);
            JobFactory::new(&co).create(c);
        });
        let deadline = Instant::now() + Duration::from_secs(5);
        while open_count(&other) != 2 {
            assert!(
                Instant::now() < deadline,
                "{}: the other instance never saw the new postings",
                app.backend
            );
            actix_web::rt::time::sleep(Duration::from_millis(20)).await;
        }
        // A change of status (not only an insert) reaches it too.
        app.with_conn(|c| {
            use diesel::prelude::*;
            use hireboard::db::schema::jobs;
            diesel::update(jobs::table).set(jobs::status.eq("archived")).execute(c).unwrap();
        });
        let deadline = Instant::now() + Duration::from_secs(5);
        while open_count(&other) != 0 {
            assert!(
                Instant::now() < deadline,
                "{}: the archive never reached the other instance",
                app.backend
            );
            actix_web::rt::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

#[actix_web::test]
async fn refresh_is_skipped_when_nothing_changed() {
    for app in backends() {
        let mut conn = app.conn();
        assert!(!app.state.search.refresh_if_stale(&mut conn).unwrap(), "fresh after start");
        let co = CompanyFactory::new().create(&mut conn);
        JobFactory::new(&co).create(&mut conn);
        assert!(app.state.search.refresh_if_stale(&mut conn).unwrap());
        assert!(!app.state.search.refresh_if_stale(&mut conn).unwrap());
    }
}

/// The search version moves once per transaction that changes postings, whatever the number of
/// statements in it (a bulk write used to update the one row per statement, in quadratic time
/// on PostgreSQL), and again with the next transaction.
#[actix_web::test]
async fn the_search_version_moves_once_per_transaction() {
    for app in backends() {
        let version = |app: &crate::support::TestApp| {
            app.with_conn(|c| hireboard::search::database_version(c).expect("version"))
        };
        let before = version(&app);
        app.with_conn(|c| {
            hireboard::db::write_transaction(c, |c| {
                let co = CompanyFactory::new().create(c);
                for _ in 0..20 {
                    JobFactory::new(&co).create(c);
                }
                Ok::<_, diesel::result::Error>(())
            })
        })
        .expect("one transaction");
        let after = version(&app);
        assert!(after > before, "{}: the version moved", app.backend);
        if app.backend == "postgres" {
            assert_eq!(after, before + 1, "postgres: once for the transaction");
        }
        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).create(c);
        });
        assert!(version(&app) > after, "{}: and again after it", app.backend);
    }
}
