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

/// What the search shows of the index, for comparing two instances: every posting in order,
/// and the facet counts, unfiltered and with a few filters.
fn shown(state: &AppState, now: chrono::NaiveDateTime) -> String {
    use hireboard::models::Workplace;
    let index = state.search.get();
    let all = SearchParams { page: 1, ..Default::default() };
    [
        all.clone(),
        SearchParams { workplace: Some(Workplace::Remote), ..all.clone() },
        SearchParams { country: Some("DE".into()), ..all.clone() },
        SearchParams { country: Some("FR".into()), ..all.clone() },
        SearchParams { skills: vec!["rust".into()], ..all.clone() },
    ]
    .iter()
    .map(|p| format!("{:?}\n", index.search(p, None, now, 1000)))
    .collect()
}

/// A change to a few postings is taken in without reading every posting again, and leaves the
/// index a fresh instance builds from scratch; a change that reaches many postings (a company's
/// slug, a deleted skill) rebuilds it. Every change here is made with plain SQL, as by hand.
#[actix_web::test]
async fn changed_postings_are_taken_in_and_match_a_rebuild() {
    use diesel::prelude::*;
    use hireboard::db::schema::{companies, job_skills, job_translations, jobs, skills};
    use hireboard::i18n::Locale;
    use hireboard::models::Workplace;

    for app in backends() {
        let backend = app.backend;
        let (co, ids) = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            let ids: Vec<i64> = (0..6)
                .map(|i| {
                    JobFactory::new(&co)
                        .location("Berlin", "DE")
                        .skills(&["rust", "sql"])
                        .translation(Locale::DE, crate::support::factories::text("Ingenieur"))
                        .published_days_ago(i)
                        .create(c)
                        .id
                })
                .collect();
            (co, ids)
        });
        app.refresh_search();
        let step = |what: &str, change: &dyn Fn(&mut hireboard::db::DbConn), full: bool| {
            let before = app.state.search.build_counts();
            app.with_conn(|c| change(c));
            assert!(
                app.with_conn(|c| app.state.search.refresh_if_stale(c).unwrap()),
                "{backend}, {what}: the index saw the change"
            );
            let after = app.state.search.build_counts();
            if full {
                assert_eq!(after, (before.0 + 1, before.1), "{backend}, {what}: rebuilt");
            } else {
                assert_eq!(after, (before.0, before.1 + 1), "{backend}, {what}: taken in");
            }
            let fresh = AppState::open((*app.state.config).clone()).expect("a fresh instance");
            let now = hireboard::db::now();
            assert_eq!(
                shown(&app.state, now),
                shown(&fresh, now),
                "{backend}, {what}: the same as a rebuild"
            );
        };
        step(
            "a new posting",
            &|c| {
                JobFactory::new(&co)
                    .workplace(Workplace::Remote)
                    .remote_countries(&["FR"])
                    .skills(&["rust"])
                    .create(c);
            },
            false,
        );
        step(
            "archived",
            &|c| {
                diesel::update(jobs::table.find(ids[0]))
                    .set(jobs::status.eq("archived"))
                    .execute(c)
                    .unwrap();
            },
            false,
        );
        step(
            "now remote anywhere",
            &|c| {
                diesel::update(jobs::table.find(ids[1]))
                    .set(jobs::workplace.eq("remote"))
                    .execute(c)
                    .unwrap();
            },
            false,
        );
        step(
            "a skill taken off",
            &|c| {
                diesel::delete(job_skills::table.filter(job_skills::job_id.eq(ids[2])))
                    .execute(c)
                    .unwrap();
            },
            false,
        );
        step(
            "a translation deleted",
            &|c| {
                diesel::delete(job_translations::table.filter(job_translations::job_id.eq(ids[3])))
                    .execute(c)
                    .unwrap();
            },
            false,
        );
        step(
            "a posting deleted",
            &|c| {
                diesel::delete(jobs::table.find(ids[4])).execute(c).unwrap();
            },
            false,
        );
        step(
            "the company's slug",
            &|c| {
                diesel::update(companies::table.find(co.id))
                    .set(companies::slug.eq(format!("{}-renamed", co.slug)))
                    .execute(c)
                    .unwrap();
            },
            true,
        );
        step(
            "a skill deleted",
            &|c| {
                diesel::delete(skills::table.filter(skills::slug.eq("sql"))).execute(c).unwrap();
            },
            true,
        );
    }
}

/// The index is read in batches of ids: every published posting comes exactly once, whatever
/// the drafts between them, with its skills and languages.
#[actix_web::test]
async fn batches_read_every_published_posting_once() {
    use hireboard::i18n::Locale;
    use hireboard::models::JobStatus;
    use hireboard::models::job::IndexRow;

    for app in backends() {
        let mut conn = app.conn();
        let co = CompanyFactory::new().create(&mut conn);
        for i in 0..7 {
            let status = if i % 3 == 1 { JobStatus::Draft } else { JobStatus::Published };
            JobFactory::new(&co)
                .status(status)
                .skills(&["rust", "go"])
                .translation(Locale::UK, crate::support::factories::text("Інженер"))
                .create(&mut conn);
        }
        let key = |rows: &[IndexRow]| {
            let mut rows: Vec<String> =
                rows.iter().map(|r| format!("{} {:?} {:?}", r.id, r.skills, r.languages)).collect();
            rows.sort();
            rows
        };
        use diesel::prelude::*;
        use hireboard::db::schema::jobs;
        let ids: Vec<i64> = jobs::table.select(jobs::id).load(&mut conn).unwrap();
        let all = IndexRow::load_published_ids(&mut conn, &ids).unwrap();
        assert_eq!(all.len(), 5, "{}", app.backend);
        for batch in [1, 2, 3, 5, 6, 100] {
            let mut batches = Vec::new();
            IndexRow::load_published_in_batches(&mut conn, batch, |rows| batches.push(rows))
                .unwrap();
            assert!(batches.iter().all(|b| b.len() <= batch as usize), "{}", app.backend);
            let read: Vec<IndexRow> = batches.into_iter().flatten().collect();
            assert_eq!(key(&read), key(&all), "{}: batches of {batch}", app.backend);
        }
    }
}

/// Right after a few postings change, a text query's matches carry over from the previous
/// index, looking up only the changed postings, and are what a fresh instance reads in full:
/// a new posting, a title edited away from the query, a skill renamed into it (which changes
/// the postings' text without changing their rows).
#[actix_web::test]
async fn text_matches_carry_over_a_few_changes_as_a_full_read_finds_them() {
    use diesel::prelude::*;
    use hireboard::db::schema::{jobs, skills};

    for app in backends() {
        let backend = app.backend;
        let (co, welder) = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            let welder = JobFactory::new(&co).title("Welder").create(c);
            JobFactory::new(&co).title("Senior welder").skills(&["brazing"]).create(c);
            JobFactory::new(&co).title("Baker").skills(&["brazing"]).create(c);
            JobFactory::new(&co).title("Cook").create(c);
            (co, welder)
        });
        app.refresh_search();
        let search = &app.state.search;
        let found = |state: &AppState, q: &str| -> Vec<i64> {
            let index = state.search.get();
            let hits = app.with_conn(|c| state.search.text_matches(c, &index, q).unwrap());
            let p = SearchParams { q: q.into(), page: 1, ..Default::default() };
            let mut ids = index.search(&p, Some(&hits), hireboard::db::now(), 100).ids;
            ids.sort_unstable();
            ids
        };
        let queries = ["weld", "senior welder", "soldering"];
        for q in queries {
            found(&app.state, q);
        }
        let step = |what: &str, change: &dyn Fn(&mut hireboard::db::DbConn)| {
            app.with_conn(|c| change(c));
            assert!(app.with_conn(|c| search.refresh_if_stale(c).unwrap()), "{backend}, {what}");
            let (read, carried) = search.text_read_counts();
            let fresh = AppState::open((*app.state.config).clone()).expect("a fresh instance");
            for q in queries {
                assert_eq!(found(&app.state, q), found(&fresh, q), "{backend}, {what}: {q:?}");
            }
            assert_eq!(
                search.text_read_counts(),
                (read, carried + queries.len() as u64),
                "{backend}, {what}: every query carried over"
            );
        };
        step("a new welder", &|c| {
            JobFactory::new(&co).title("Welder (night shift)").create(c);
        });
        step("the first welder is a plumber now", &|c| {
            diesel::update(jobs::table.find(welder.id))
                .set((jobs::title.eq("Plumber"), jobs::summary.eq("Pipes and taps.")))
                .execute(c)
                .unwrap();
            hireboard::models::job::reindex(c, &[welder.id]).unwrap();
        });
        assert!(!found(&app.state, "weld").contains(&welder.id), "{backend}: edited away");
        step("brazing is soldering now", &|c| {
            let brazing = skills::table.filter(skills::slug.eq("brazing"));
            let id: i64 = brazing.select(skills::id).first(c).unwrap();
            diesel::update(skills::table.find(id))
                .set(skills::name.eq("Soldering"))
                .execute(c)
                .unwrap();
            let postings: Vec<i64> = hireboard::db::schema::job_skills::table
                .filter(hireboard::db::schema::job_skills::skill_id.eq(id))
                .select(hireboard::db::schema::job_skills::job_id)
                .load(c)
                .unwrap();
            hireboard::models::job::reindex(c, &postings).unwrap();
        });
        assert_eq!(
            found(&app.state, "soldering").len(),
            2,
            "{backend}: the renamed skill's postings"
        );
    }
}

/// An import of drafts changes thousands of postings the public search never shows: the
/// index reads them by id and takes them in, rather than reading every posting again.
#[actix_web::test]
async fn thousands_of_new_drafts_are_taken_in_without_a_rebuild() {
    use hireboard::i18n::Locale;
    use hireboard::models::job::{JobDraft, Known};

    for app in backends() {
        let backend = app.backend;
        let co = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).location("Berlin", "DE").published_days_ago(1).create(c);
            co
        });
        app.refresh_search();
        let search = &app.state.search;
        let found = |state: &AppState| -> Vec<i64> {
            let index = state.search.get();
            let hits = app.with_conn(|c| state.search.text_matches(c, &index, "draft").unwrap());
            let p = SearchParams { q: "draft".into(), page: 1, ..Default::default() };
            index.search(&p, Some(&hits), hireboard::db::now(), 100).ids
        };
        found(&app.state);
        let before = search.build_counts();
        let now = hireboard::db::now();
        let drafts: Vec<JobDraft> = (0..1_100)
            .map(|i| {
                let mut draft = JobDraft::new(Locale::EN, now);
                draft.slug = format!("draft-{i}");
                draft.company_id = co.id;
                draft.text.title = format!("Draft {i}");
                draft
            })
            .collect();
        let named: Vec<(&JobDraft, &str)> = drafts.iter().map(|d| (d, co.name.as_str())).collect();
        app.with_conn(|c| {
            hireboard::db::write_transaction(c, |c| {
                JobDraft::insert_many(c, &named, &mut Known::default())
            })
            .unwrap()
        });
        assert!(app.with_conn(|c| search.refresh_if_stale(c).unwrap()), "{backend}");
        assert_eq!(search.build_counts(), (before.0, before.1 + 1), "{backend}");
        let fresh = AppState::open((*app.state.config).clone()).expect("a fresh instance");
        assert_eq!(shown(&app.state, now), shown(&fresh, now), "{backend}");
        // A text query's matches carry over: the drafts changed none.
        let (read, carried) = search.text_read_counts();
        assert_eq!(found(&app.state), found(&fresh), "{backend}");
        assert_eq!(search.text_read_counts(), (read, carried + 1), "{backend}");
    }
}
