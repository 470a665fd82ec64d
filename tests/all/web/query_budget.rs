//! Every public page runs a small, fixed number of SQL statements, whatever the data size.

use hireboard::i18n::Locale;

use crate::support::factories::text;
use crate::support::{CompanyFactory, JobFactory, TestApp, backends};

fn seed(app: &TestApp, postings: usize) -> String {
    let slug = app.with_conn(|c| {
        let co = CompanyFactory::new().translation(Locale::DE, "Beschreibung").create(c);
        let mut last = String::new();
        for i in 0..postings {
            last = JobFactory::new(&co)
                .title(&format!("Engineer {i}"))
                .skills(&["Rust", "Go", "SQL"])
                .translation(Locale::DE, text(&format!("Ingenieur {i}")))
                .create(c)
                .slug;
        }
        last
    });
    app.refresh_search();
    slug
}

async fn queries_for(app: &TestApp, path: &str) -> u64 {
    let before = app.queries();
    let res = app.get(path).await;
    assert!(res.status.is_success(), "{path}: {}", res.status);
    app.queries() - before
}

#[actix_web::test]
async fn pages_run_a_fixed_number_of_queries() {
    for app in backends() {
        let slug = seed(&app, 3);
        let company = app.with_conn(|c| {
            hireboard::models::job::JobPage::load(c, &slug, Locale::EN)
                .unwrap()
                .unwrap()
                .company
                .slug
        });
        let paths = [
            "/en/".to_owned(),
            "/de/jobs".to_owned(),
            "/de/jobs?q=engineer&skill=rust".to_owned(),
            format!("/de/jobs/{slug}"),
            format!("/en/companies/{company}"),
            "/en/jobs/feed.atom".to_owned(),
            "/en/jobs/feed.rss".to_owned(),
            "/sitemaps/jobs-1.xml".to_owned(),
            "/feeds/indeed.xml".to_owned(),
        ];
        let mut small = Vec::new();
        for path in &paths {
            small.push(queries_for(&app, path).await);
        }
        seed(&app, 40);
        let mut large = Vec::new();
        for path in &paths {
            large.push(queries_for(&app, path).await);
        }
        assert_eq!(small, large, "{}: query counts grew with the data", app.backend);
        // home 1 (cards), search 1 (cards), search with text 1 (the matches; its cards are
        // those the plain search cached), posting 2, company 2, feeds 1 each, sitemap 0, the
        // aggregators' feed 2 (postings and skills, per 500 postings).
        assert_eq!(small, [1, 1, 1, 2, 2, 1, 1, 0, 2], "{}", app.backend);
        // Seen again, the cards, text matches and posting come from the caches: the listing
        // pages and the posting run no query at all.
        let mut again = Vec::new();
        for path in &paths {
            again.push(queries_for(&app, path).await);
        }
        assert_eq!(again, [0, 0, 0, 0, 2, 1, 1, 0, 2], "{}", app.backend);
    }
}

#[test]
fn cards_come_in_the_order_asked_whatever_the_padding() {
    for app in backends() {
        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            let ids: Vec<i64> = (0..5)
                .map(|i| JobFactory::new(&co).title(&format!("Card {i}")).create(c).id)
                .collect();
            let b = app.backend;
            let asked = [ids[3], ids[0], ids[4], ids[1], ids[2]];
            let cards = hireboard::models::job::JobCard::load(c, &asked, Locale::EN).unwrap();
            let loaded: Vec<i64> = cards.iter().map(|card| card.id).collect();
            assert_eq!(loaded, asked, "{b}: five ids, padded to eight, each once");
            let one = hireboard::models::job::JobCard::load(c, &[ids[2]], Locale::EN).unwrap();
            assert_eq!(
                one.iter().map(|card| card.title.value.as_str()).collect::<Vec<_>>(),
                ["Card 2"]
            );
            let unknown = hireboard::models::job::JobCard::load(c, &[ids[0], -1], Locale::EN);
            assert_eq!(unknown.unwrap().len(), 1, "{b}: ids the database lacks are left out");
        });
    }
}

/// On a database server every statement diesel does not cache costs a prepare and a close;
/// the card query, asked for again with other ids of the same count, is prepared only once.
#[cfg(feature = "mysql")]
#[test]
fn the_card_query_is_prepared_once_per_connection_on_mysql() {
    use diesel::prelude::*;
    #[derive(QueryableByName)]
    struct Status {
        #[diesel(sql_type = diesel::sql_types::Text, column_name = "Value")]
        value: String,
    }
    fn prepared(c: &mut hireboard::db::DbConn) -> u64 {
        let status: Status =
            diesel::sql_query("SHOW SESSION STATUS LIKE 'Com_stmt_prepare'").get_result(c).unwrap();
        status.value.parse().unwrap()
    }
    let Some(app) = TestApp::mysql() else {
        eprintln!("note: skipped: TEST_DATABASE_URL_MYSQL is not set");
        return;
    };
    app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        let ids: Vec<i64> = (0..6).map(|_| JobFactory::new(&co).create(c).id).collect();
        hireboard::models::job::JobCard::load(c, &ids[..3], Locale::EN).unwrap();
        let before = prepared(c);
        for window in ids.windows(3) {
            assert_eq!(
                hireboard::models::job::JobCard::load(c, window, Locale::EN).unwrap().len(),
                3
            );
        }
        // The status query itself is raw SQL, which diesel prepares every time.
        assert_eq!(prepared(c), before + 1, "the card query was prepared again");
    });
}

#[actix_web::test]
async fn requests_missing_the_same_text_query_together_read_it_once() {
    for app in backends() {
        seed(&app, 3);
        // The map's data runs no statement but the text query's.
        assert_eq!(queries_for(&app, "/en/jobs/map.json?q=engineer").await, 1, "{}", app.backend);
        assert_eq!(queries_for(&app, "/en/jobs/map.json?q=engineer").await, 0, "{}", app.backend);
        // Sixteen at once, for a query not read yet: one statement for them all.
        let before = app.queries();
        let requests = (0..16).map(|_| app.get("/en/jobs/map.json?q=ingenieur"));
        for res in futures_util::future::join_all(requests).await {
            assert_eq!(res.status, 200, "{}", app.backend);
        }
        assert_eq!(app.queries() - before, 1, "{}", app.backend);
    }
}

#[actix_web::test]
async fn requests_missing_the_same_cards_together_load_them_once() {
    for app in backends() {
        seed(&app, 3);
        // Sixteen at once, none of the cards cached yet: one statement for them all. (On
        // SQLite a read runs on the request's own thread, so the first request is done before
        // the second starts; the servers show the sharing.)
        let before = app.queries();
        let requests = (0..16).map(|_| app.get("/uk/jobs"));
        for res in futures_util::future::join_all(requests).await {
            assert_eq!(res.status, 200, "{}", app.backend);
        }
        assert_eq!(app.queries() - before, 1, "{}", app.backend);
    }
}
