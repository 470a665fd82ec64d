//! The generic index page, on postings and companies: scopes and counts, sorting, every filter
//! kind, pagination, bad parameters, and a fixed number of queries.

use actix_web::http::StatusCode;
use hireboard::models::{JobStatus, Workplace};

use crate::support::{AdminFactory, CompanyFactory, JobFactory, TestApp, backends};
use hireboard::models::AdminRole;

/// Five postings across two companies, with titles that say what they are.
fn seed(app: &TestApp) {
    app.with_conn(|c| {
        let acme = CompanyFactory::new().name("Acme Robotics").create(c);
        let zeta = CompanyFactory::new().name("Zeta Logistics").create(c);
        JobFactory::new(&acme)
            .title("Rust Engineer")
            .skills(&["Rust"])
            .workplace(Workplace::Remote)
            .published_days_ago(2)
            .create(c);
        JobFactory::new(&acme)
            .title("Data Analyst")
            .location("Munich", "DE")
            .no_salary()
            .published_days_ago(40)
            .create(c);
        JobFactory::new(&zeta)
            .title("Rust Intern")
            .skills(&["Rust"])
            .status(JobStatus::Draft)
            .create(c);
        JobFactory::new(&zeta)
            .title("Warehouse Lead")
            .status(JobStatus::Archived)
            .salary(Some(90_000), Some(100_000), "EUR", hireboard::models::SalaryPeriod::Year)
            .create(c);
        JobFactory::new(&zeta).title("Driver_100%").create(c);
    });
}

async fn signed_in(app: &TestApp) {
    let _user = app.signed_in(AdminRole::Admin).await;
}

/// The titles in the table, in order.
async fn titles(app: &TestApp, path: &str) -> Vec<String> {
    let res = app.get(path).await;
    assert_eq!(res.status, StatusCode::OK, "{path}: {}", res.body);
    res.html().texts(".index-table tbody td.primary")
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[actix_web::test]
async fn scopes_show_counts_under_the_current_filters() {
    for app in backends() {
        seed(&app);
        signed_in(&app).await;
        let page = app.get("/admin/jobs").await.html();
        let scopes = page.texts(".scopes a");
        assert_eq!(
            scopes,
            [
                "All 5",
                "Draft 1",
                "Published 3",
                "Expired 0",
                "Filled 0",
                "Archived 1",
                "In review 0"
            ],
            "{}",
            app.backend
        );
        assert_eq!(sorted(titles(&app, "/admin/jobs?scope=draft").await), ["Rust Intern"]);
        // A filter narrows every scope's count.
        let page = app.get("/admin/jobs?title=rust").await.html();
        assert_eq!(
            page.texts(".scopes a"),
            [
                "All 2",
                "Draft 1",
                "Published 1",
                "Expired 0",
                "Filled 0",
                "Archived 0",
                "In review 0"
            ]
        );
        // The scope tabs keep the filters.
        assert!(page.attrs(".scopes a", "href").iter().all(|h| h.contains("title=rust")));
    }
}

#[actix_web::test]
async fn columns_sort_both_ways_and_unknown_sorts_are_ignored() {
    for app in backends() {
        seed(&app);
        signed_in(&app).await;
        let asc = titles(&app, "/admin/jobs?sort=title").await;
        assert_eq!(
            asc,
            ["Data Analyst", "Driver_100%", "Rust Engineer", "Rust Intern", "Warehouse Lead"],
            "{}",
            app.backend
        );
        let desc = titles(&app, "/admin/jobs?sort=-title").await;
        assert_eq!(desc, asc.iter().rev().cloned().collect::<Vec<_>>());
        // Sorted by company, then by id within one.
        let by_company = titles(&app, "/admin/jobs?sort=company").await;
        assert_eq!(&by_company[..2], ["Rust Engineer", "Data Analyst"]);
        // The name each posting keeps for this sort follows a rename of its company.
        app.with_conn(|c| {
            use diesel::prelude::*;
            use hireboard::db::schema::companies;
            diesel::update(companies::table.filter(companies::name.eq("Acme Robotics")))
                .set(companies::name.eq("Zulu Robotics"))
                .execute(c)
                .unwrap();
        });
        let renamed = titles(&app, "/admin/jobs?sort=company").await;
        assert_eq!(&renamed[3..], ["Rust Engineer", "Data Analyst"], "{}", app.backend);
        let page = app.get("/admin/jobs?sort=-company").await.html();
        assert_eq!(page.texts(".index-table tbody td:nth-child(3)")[0], "Zulu Robotics");
        // A column that is not sortable, or SQL, is ignored: the default order applies.
        let default = titles(&app, "/admin/jobs").await;
        for bad in ["workplace", "title;DROP TABLE jobs", "-nonsense"] {
            let path = format!("/admin/jobs?sort={}", urlencoding::encode(bad));
            assert_eq!(titles(&app, &path).await, default, "{bad}");
        }
        // The header links flip the direction and mark the sorted column.
        let page = app.get("/admin/jobs?sort=title").await.html();
        assert_eq!(page.attrs("th[aria-sort=ascending] a", "href").len(), 1);
        assert!(page.attrs("th[aria-sort=ascending] a", "href")[0].contains("sort=-title"));
    }
}

#[actix_web::test]
async fn every_filter_kind_narrows_the_list() {
    for app in backends() {
        seed(&app);
        signed_in(&app).await;
        let cases: &[(&str, &[&str])] = &[
            // text: contains (any case), equals, starts with; LIKE wildcards are literal.
            ("title=RUST", &["Rust Engineer", "Rust Intern"]),
            ("title=rust+intern&title_op=equals", &["Rust Intern"]),
            ("title=in&title_op=starts_with", &[]),
            ("title=Dr&title_op=starts_with", &["Driver_100%"]),
            ("title=_100%25", &["Driver_100%"]),
            ("title=%25", &["Driver_100%"]),
            // select
            ("workplace=remote", &["Rust Engineer"]),
            // boolean
            ("has_salary=false", &["Data Analyst"]),
            // association, by name
            ("company=zeta", &["Driver_100%", "Rust Intern", "Warehouse Lead"]),
            ("skill=rust", &["Rust Engineer", "Rust Intern"]),
            // number range
            ("salary_min_min=80000", &["Warehouse Lead"]),
            (
                "salary_min_max=60000",
                &["Data Analyst", "Driver_100%", "Rust Engineer", "Rust Intern"],
            ),
            // text on another column
            ("city=munich", &["Data Analyst"]),
        ];
        for (query, expected) in cases {
            let got = sorted(titles(&app, &format!("/admin/jobs?{query}")).await);
            let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
            expected.sort();
            // Data Analyst has no salary: number ranges leave it out.
            if query.starts_with("salary_min_max") {
                expected.retain(|t| t != "Data Analyst");
            }
            assert_eq!(got, expected, "{}: {query}", app.backend);
        }
        // Date range: published within the last 10 days.
        let today = hireboard::db::now().date();
        let from = today - chrono::Duration::days(10);
        let got = sorted(titles(&app, &format!("/admin/jobs?published_at_from={from}")).await);
        assert!(got.contains(&"Rust Engineer".to_owned()), "{got:?}");
        assert!(!got.contains(&"Data Analyst".to_owned()), "{got:?}");
        let got = titles(
            &app,
            &format!("/admin/jobs?published_at_to={}", today - chrono::Duration::days(30)),
        )
        .await;
        assert_eq!(got, ["Data Analyst"], "{}", app.backend);
        // The sidebar shows what is applied.
        let page = app.get("/admin/jobs?title=rust&title_op=equals&workplace=remote").await.html();
        assert_eq!(page.attrs(".filters input[name=title]", "value"), ["rust"]);
        assert_eq!(page.texts("select[name=title_op] option[selected]"), ["equals"]);
        assert_eq!(page.attrs("select[name=workplace] option[selected]", "value"), ["remote"]);
        assert_eq!(page.count(".filters a.button.secondary"), 1, "a link to clear the filters");
    }
}

#[actix_web::test]
async fn bad_filter_values_and_unknown_parameters_are_ignored() {
    let app = TestApp::sqlite();
    seed(&app);
    signed_in(&app).await;
    let all = sorted(titles(&app, "/admin/jobs").await);
    for query in [
        "workplace=moon",
        "has_salary=maybe",
        "published_at_from=yesterday",
        "salary_min_min=lots",
        "scope=secret",
        "per_page=1000000",
        "page=-3",
        "title_op=regex",
        "password_hash=x",
        "q[title_cont]=x",
    ] {
        assert_eq!(sorted(titles(&app, &format!("/admin/jobs?{query}")).await), all, "{query}");
    }
    assert_eq!(app.get("/admin/nothing").await.status, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn pages_and_per_page_choices() {
    let app = TestApp::sqlite();
    app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        for i in 0..60 {
            JobFactory::new(&co).title(&format!("Posting {i:02}")).create(c);
        }
    });
    signed_in(&app).await;
    let first = titles(&app, "/admin/jobs?sort=title").await;
    assert_eq!(first.len(), 25);
    assert_eq!(first[0], "Posting 00");
    let third = titles(&app, "/admin/jobs?sort=title&page=3").await;
    assert_eq!(third, (50..60).map(|i| format!("Posting {i}")).collect::<Vec<_>>());
    assert_eq!(titles(&app, "/admin/jobs?sort=title&per_page=50").await.len(), 50);
    let page = app.get("/admin/jobs?sort=title&page=2").await.html();
    assert_eq!(page.text("#index-total"), "60 records");
    let next = page.attrs("a[rel=next]", "href");
    assert_eq!(next.len(), 1);
    assert!(next[0].contains("page=3") && next[0].contains("sort=title"), "{next:?}");
    // Past the last page: the last page.
    assert_eq!(titles(&app, "/admin/jobs?sort=title&page=99").await.len(), 0);
}

#[actix_web::test]
async fn index_pages_run_a_fixed_number_of_queries() {
    for app in backends() {
        seed(&app);
        signed_in(&app).await;
        let count = |app: &TestApp| app.queries();
        let mut seen = Vec::new();
        for path in [
            "/admin/jobs",
            "/admin/jobs?title=r&company=a&skill=rust&per_page=100",
            "/admin/companies",
            "/admin/companies?scope=hiring&name=a",
        ] {
            let before = count(&app);
            assert_eq!(app.get(path).await.status, StatusCode::OK);
            seen.push(count(&app) - before);
        }
        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            for _ in 0..30 {
                JobFactory::new(&co).create(c);
            }
        });
        let mut again = Vec::new();
        for path in [
            "/admin/jobs",
            "/admin/jobs?title=r&company=a&skill=rust&per_page=100",
            "/admin/companies",
            "/admin/companies?scope=hiring&name=a",
        ] {
            let before = count(&app);
            app.get(path).await;
            again.push(count(&app) - before);
        }
        assert_eq!(seen, again, "{}: grew with the data", app.backend);
        // The session, the data version, the scope counts (one statement), the page (one
        // statement, company names and the page's ids included), what its cells need
        // (translations, open postings) and the user's saved views.
        assert_eq!(seen, [6; 4], "{}", app.backend);
        // Seen again with nothing changed, the scope counts come from the cache.
        let mut cached = Vec::new();
        for path in [
            "/admin/jobs",
            "/admin/jobs?title=r&company=a&skill=rust&per_page=100",
            "/admin/companies",
            "/admin/companies?scope=hiring&name=a",
        ] {
            let before = count(&app);
            app.get(path).await;
            cached.push(count(&app) - before);
        }
        assert_eq!(cached, [5; 4], "{}", app.backend);
    }
}

#[actix_web::test]
async fn companies_have_a_hiring_scope() {
    for app in backends() {
        seed(&app);
        app.with_conn(|c| {
            CompanyFactory::new().name("Quiet Corp").create(c);
        });
        signed_in(&app).await;
        let page = app.get("/admin/companies").await.html();
        assert_eq!(
            page.texts(".scopes a"),
            ["All 3", "Hiring 2", "Awaits approval 0"],
            "{}",
            app.backend
        );
        assert_eq!(
            titles(&app, "/admin/companies?scope=hiring").await,
            ["Acme Robotics", "Zeta Logistics"]
        );
        assert_eq!(titles(&app, "/admin/companies?name=quiet").await, ["Quiet Corp"]);
    }
}

#[actix_web::test]
async fn each_admin_keeps_named_views() {
    for app in backends() {
        seed(&app);
        let me = app.with_conn(|c| AdminFactory::new().create(c));
        let other = app.with_conn(|c| AdminFactory::new().create(c));
        app.sign_in_as(&me).await;
        // Saved from the page's own form: the current state, first page, normalized.
        let page = app.get("/admin/jobs?title=rust&sort=-title&page=2&bogus=1").await.html();
        let query = page.attrs(".saved-views input[name=query]", "value")[0].clone();
        assert_eq!(query, "scope=all&title=rust&sort=-title", "{}", app.backend);
        let res =
            app.post_admin("/admin/jobs/views", &[("name", "Rust roles"), ("query", &query)]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        // Saving the same name again replaces it; a blank name is refused.
        app.post_admin("/admin/jobs/views", &[("name", "Rust roles"), ("query", "scope=draft")])
            .await;
        app.post_admin("/admin/jobs/views", &[("name", "  "), ("query", "scope=draft")]).await;
        let page = app.get("/admin/jobs").await.html();
        assert_eq!(page.texts(".saved-views li a"), ["Rust roles"]);
        let href = page.attrs(".saved-views li a", "href")[0].clone();
        assert_eq!(href, "/admin/jobs?scope=draft&sort=-updated_at");
        assert_eq!(titles(&app, &href).await, ["Rust Intern"]);
        // Views are per user and per list.
        assert_eq!(app.get("/admin/companies").await.html().count(".saved-views li"), 0);
        let delete = page.attrs(".saved-views li form", "action")[0].clone();
        app.clear_cookies();
        app.sign_in_as(&other).await;
        assert_eq!(app.get("/admin/jobs").await.html().count(".saved-views li"), 0);
        assert_eq!(app.post_admin(&delete, &[]).await.status, StatusCode::NOT_FOUND, "not theirs");
        app.clear_cookies();
        app.sign_in_as(&me).await;
        assert_eq!(app.post_admin(&delete, &[]).await.status, StatusCode::SEE_OTHER);
        assert_eq!(app.get("/admin/jobs").await.html().count(".saved-views li"), 0);
    }
}

#[actix_web::test]
async fn lists_show_how_each_translation_stands() {
    use diesel::prelude::*;
    use hireboard::db::schema::jobs;
    use hireboard::i18n::Locale;
    for app in backends() {
        let slug = app.with_conn(|c| {
            let co = CompanyFactory::new().name("Solo GmbH").create(c);
            JobFactory::new(&co)
                .title("Welder")
                .translation(Locale::DE, crate::support::factories::text("Schweißer"))
                .create(c)
                .slug
        });
        signed_in(&app).await;
        let states =
            |page: &crate::support::Html| page.texts(".index-table .translation-states li");
        let page = app.get("/admin/jobs?title=welder").await.html();
        assert_eq!(states(&page), ["de: up to date", "uk: missing"], "{}", app.backend);
        // The original changes: the German text is now behind it.
        app.with_conn(|c| {
            diesel::update(jobs::table.filter(jobs::slug.eq(&slug)))
                .set(jobs::text_updated_at.eq(hireboard::db::now() + chrono::Duration::days(1)))
                .execute(c)
                .unwrap()
        });
        let page = app.get("/admin/jobs?title=welder").await.html();
        assert_eq!(states(&page), ["de: out of date", "uk: missing"]);
        let page = app.get("/admin/companies?name=solo").await.html();
        assert_eq!(states(&page), ["de: missing", "uk: missing"]);
    }
}
