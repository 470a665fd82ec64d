//! Atom feeds, sitemaps, robots.txt and health.

use crate::support::factories::text;
use crate::support::{CompanyFactory, JobFactory, TestApp, backends};

fn seed(app: &TestApp) -> (String, String) {
    let slugs = app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        let rust = JobFactory::new(&co)
            .title("Rust & <Systems> Engineer")
            .translation(hireboard::i18n::Locale::UK, text("Rust-розробниця"))
            .skills(&["Rust"])
            .create(c)
            .slug;
        let go = JobFactory::new(&co).title("Go Engineer").skills(&["Go"]).create(c).slug;
        JobFactory::new(&co).title("Draft").status(hireboard::models::JobStatus::Draft).create(c);
        (rust, go)
    });
    app.refresh_search();
    slugs
}

#[actix_web::test]
async fn atom_feeds_per_locale_and_per_search() {
    for app in backends() {
        let (rust, _) = seed(&app);
        let res = app.get("/de/jobs/feed.atom").await;
        assert_eq!(res.status, 200);
        assert!(res.header("content-type").unwrap().starts_with("application/atom+xml"));
        let feed = res.html();
        assert_eq!(feed.count("entry"), 2, "{}", res.body);
        assert!(feed.texts("entry title").contains(&"Rust & <Systems> Engineer".to_string()));
        assert!(!res.body.contains("<Systems>"), "escaped: {}", res.body);
        assert!(res.body.contains(&format!("https://jobs.example.test/de/jobs/{rust}")));
        let search = app.get("/en/jobs/feed.atom?skill=go&workplace=onsite").await.html();
        assert_eq!(search.texts("feed > title"), ["Hireboard jobs matching On-site, Go"]);
        assert_eq!(search.texts("entry title"), ["Go Engineer"]);
        // Search pages advertise their own feed.
        let page = app.get("/en/jobs?skill=go").await.html();
        assert_eq!(
            page.attr("link[type='application/atom+xml']", "href"),
            "/en/jobs/feed.atom?skill=go"
        );
    }
}

#[actix_web::test]
async fn sitemaps_list_every_open_posting_in_the_languages_it_is_written_in() {
    for app in backends() {
        let (rust, go) = seed(&app);
        let index = app.get("/sitemap.xml").await;
        assert_eq!(index.status, 200);
        let locs = index.html().texts("sitemap loc");
        assert_eq!(
            locs,
            [
                "https://jobs.example.test/sitemaps/pages.xml",
                "https://jobs.example.test/sitemaps/companies.xml",
                "https://jobs.example.test/sitemaps/jobs-1.xml"
            ]
        );
        let jobs = app.get("/sitemaps/jobs-1.xml").await;
        let urls = jobs.html().texts("url loc");
        let address =
            |lang: &str, slug: &str| format!("https://jobs.example.test/{lang}/jobs/{slug}");
        // Newest first; the Ukrainian translation has its URL, no posting has a German one.
        assert_eq!(urls, [address("en", &rust), address("uk", &rust), address("en", &go)]);
        // Each entry's (hreflang, href) pairs, read from the XML as written.
        let alternates = |n: usize| -> Vec<(String, String)> {
            let entry = jobs.body.split("<url>").nth(n + 1).expect("an entry");
            let value = |text: &str, name: &str| {
                let start = text.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
                text[start..].split('"').next().unwrap().to_owned()
            };
            entry
                .split("<xhtml:link ")
                .skip(1)
                .map(|link| (value(link, "hreflang"), value(link, "href")))
                .collect()
        };
        let pair = |lang: &str, slug: &str| (lang.to_owned(), address(lang, slug));
        let rust_alternates =
            [pair("en", &rust), pair("uk", &rust), ("x-default".into(), address("en", &rust))];
        assert_eq!(alternates(0), rust_alternates);
        assert_eq!(alternates(1), rust_alternates);
        assert_eq!(alternates(2), [pair("en", &go), ("x-default".into(), address("en", &go))]);
        assert_eq!(app.get("/sitemaps/jobs-2.xml").await.status, 404);
        assert_eq!(app.get("/sitemaps/companies.xml").await.html().count("url"), 3);
    }
}

#[actix_web::test]
async fn robots_and_health() {
    for app in backends() {
        let robots = app.get("/robots.txt").await;
        assert!(robots.body.contains("Disallow: /admin"));
        assert!(robots.body.contains("Sitemap: https://jobs.example.test/sitemap.xml"));
        let health = app.get("/healthz").await;
        assert_eq!(health.status, 200);
        assert_eq!(health.json()["database"], "ok");
    }
}
