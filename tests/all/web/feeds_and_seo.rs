//! Atom and RSS feeds, the aggregators' feed, sitemaps, robots.txt and health.

use crate::support::factories::text;
use crate::support::xml::Xml;
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
        // Search pages advertise their own feeds.
        let page = app.get("/en/jobs?skill=go").await.html();
        assert_eq!(
            page.attr("link[type='application/atom+xml']", "href"),
            "/en/jobs/feed.atom?skill=go"
        );
        assert_eq!(
            page.attr("link[type='application/rss+xml']", "href"),
            "/en/jobs/feed.rss?skill=go"
        );
        assert_eq!(
            page.attr("footer a[href$='feed.rss?skill=go']", "href"),
            "/en/jobs/feed.rss?skill=go"
        );
    }
}

#[actix_web::test]
async fn rss_feeds_take_the_same_searches() {
    for app in backends() {
        let (rust, _) = seed(&app);
        let res = app.get("/uk/jobs/feed.rss").await;
        assert_eq!(res.status, 200);
        assert!(res.header("content-type").unwrap().starts_with("application/rss+xml"));
        assert!(
            res.body
                .starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"")
        );
        let feed = res.html();
        assert_eq!(feed.count("item"), 2, "{}", res.body);
        assert_eq!(feed.texts("channel > language"), ["uk"]);
        assert!(feed.texts("item title").contains(&"Rust-розробниця".to_string()), "{}", res.body);
        let guid = format!("https://jobs.example.test/uk/jobs/{rust}");
        assert!(feed.texts("item guid").contains(&guid), "{}", res.body);
        // RFC 2822 dates, as RSS readers parse them.
        let date = &feed.texts("item pubDate")[0];
        assert!(chrono::DateTime::parse_from_rfc2822(date).is_ok(), "{date}");
        let search = app.get("/en/jobs/feed.rss?skill=go&workplace=onsite").await.html();
        assert_eq!(search.texts("channel > title"), ["Hireboard jobs matching On-site, Go"]);
        assert_eq!(search.texts("item title"), ["Go Engineer"]);
        assert_eq!(search.texts("item category"), ["Go"]);
        let home = app.get("/de/").await.html();
        assert_eq!(home.attr("link[type='application/rss+xml']", "href"), "/de/jobs/feed.rss");
    }
}

#[actix_web::test]
async fn the_aggregators_feed_lists_every_open_posting_in_its_own_language() {
    use chrono::TimeDelta;
    use hireboard::i18n::Locale;
    use hireboard::models::{EmploymentType, JobStatus, SalaryPeriod};
    for app in backends() {
        let ids = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            let german = JobFactory::new(&co)
                .original(Locale::DE, text("Rust-Entwicklerin & <Team>"))
                .employment_type(EmploymentType::PartTime)
                .remote_countries(&["DE"])
                .salary(Some(60_000), Some(80_000), "EUR", SalaryPeriod::Year)
                .skills(&["Rust", "SQL"])
                .create(c);
            let english = JobFactory::new(&co).title("Go Engineer").no_salary().create(c);
            JobFactory::new(&co).title("Draft").status(JobStatus::Draft).create(c);
            JobFactory::new(&co)
                .title("Expired")
                .valid_through(hireboard::db::now() - TimeDelta::days(1))
                .create(c);
            (german, english, co.name)
        });
        let (german, english, company) = ids;
        let res = app.get("/feeds/indeed.xml").await;
        assert_eq!(res.status, 200);
        assert!(res.header("content-type").unwrap().starts_with("application/xml"));
        assert!(res.body.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"), "{}", res.body);
        assert!(res.body.trim_end().ends_with("</source>"), "{}", res.body);
        let feed = Xml::parse(&res.body);
        assert_eq!(feed.texts("source/publisherurl"), ["https://jobs.example.test"]);
        assert_eq!(
            feed.texts("source/job/title"),
            ["Rust-Entwicklerin & <Team>", "Go Engineer"],
            "open postings only, in id order: {}",
            res.body
        );
        assert_eq!(
            feed.texts("source/job/referencenumber"),
            [german.id.to_string(), english.id.to_string()]
        );
        assert_eq!(
            feed.texts("source/job/url"),
            [
                format!("https://jobs.example.test/de/jobs/{}", german.slug),
                format!("https://jobs.example.test/en/jobs/{}", english.slug)
            ]
        );
        assert_eq!(feed.texts("source/job/company"), [company.clone(), company]);
        assert_eq!(feed.texts("source/job/jobtype"), ["parttime", "fulltime"]);
        assert_eq!(feed.texts("source/job/remotetype"), ["Fully remote"]);
        assert_eq!(feed.texts("source/job/category"), ["Rust, SQL"]);
        // The salary and the description's headings in the posting's language.
        let salary = &feed.texts("source/job/salary")[0];
        assert!(salary.contains("60.000") && salary.contains("pro Jahr"), "{salary}");
        let description = &feed.texts("source/job/description")[0];
        assert!(description.starts_with("<p>"), "HTML, escaped once for XML: {description}");
        assert!(description.contains("<h3>Ihre Aufgaben</h3>"), "{description}");
        for date in feed.texts("source/job/date") {
            assert!(chrono::DateTime::parse_from_rfc2822(&date).is_ok(), "{date}");
        }
        let head = app.request(actix_web::http::Method::HEAD, "/feeds/indeed.xml", &[], None).await;
        assert_eq!(head.status, 200);
    }
}

/// The feed is written 500 postings at a time; the batches join without a gap or a repeat.
#[actix_web::test]
async fn the_aggregators_feed_streams_past_a_batch() {
    let app = TestApp::sqlite();
    let made: Vec<String> = app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        (0..501).map(|_| JobFactory::new(&co).create(c).id.to_string()).collect()
    });
    let res = app.get("/feeds/indeed.xml").await;
    let listed = Xml::parse(&res.body).texts("source/job/referencenumber");
    assert_eq!(listed, made);
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
