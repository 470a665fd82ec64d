//! Every public page runs a small, fixed number of SQL statements, whatever the data size.

use hireboard::i18n::Locale;

use crate::support::factories::text;
use crate::support::{CompanyFactory, JobFactory, TestApp, backends};

fn seed(app: &TestApp, postings: usize) -> String {
    let slug = app.with_conn(|c| {
        let co = CompanyFactory::new().translation(Locale::De, "Beschreibung").create(c);
        let mut last = String::new();
        for i in 0..postings {
            last = JobFactory::new(&co)
                .title(&format!("Engineer {i}"))
                .skills(&["Rust", "Go", "SQL"])
                .translation(Locale::De, text(&format!("Ingenieur {i}")))
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
            hireboard::models::job::JobPage::load(c, &slug, Locale::En)
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
            "/sitemaps/jobs-1.xml".to_owned(),
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
        // those the plain search cached), posting 2, company 2, feed 1, sitemap 0.
        assert_eq!(small, [1, 1, 1, 2, 2, 1, 0], "{}", app.backend);
        // Seen again, the cards, text matches and posting come from the caches: the listing
        // pages and the posting run no query at all.
        let mut again = Vec::new();
        for path in &paths {
            again.push(queries_for(&app, path).await);
        }
        assert_eq!(again, [0, 0, 0, 0, 2, 1, 0], "{}", app.backend);
    }
}
