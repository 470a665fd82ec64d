//! The back office's search: postings, companies, applications and users in one place,
//! grouped, only what the role may read, in a fixed number of queries.

use actix_web::http::StatusCode;

use crate::support::{ApplicationFactory, CompanyFactory, JobFactory, TestApp, backends};
use hireboard::models::AdminRole;

struct Seeded {
    job: i64,
    slug: String,
}

fn seed(app: &TestApp) -> Seeded {
    app.with_conn(|c| {
        let co = CompanyFactory::new().name("Ferris Works").create(c);
        let posting = JobFactory::new(&co).title("Rust Engineer").create(c);
        let (job, slug) = (posting.id, posting.slug);
        ApplicationFactory::new(job).name("Ada Lovelace").email("ada@analytical.example").create(c);
        Seeded { job, slug }
    })
}

/// The groups' headings and their hits' labels.
async fn results(app: &TestApp, q: &str) -> Vec<(String, Vec<String>)> {
    let path = format!(
        "/admin/search?{}",
        url::form_urlencoded::Serializer::new(String::new()).append_pair("q", q).finish()
    );
    let res = app.get(&path).await;
    assert_eq!(res.status, StatusCode::OK, "{path}");
    let html = res.html();
    let titles = html.texts(".panels section h2");
    titles
        .into_iter()
        .enumerate()
        .map(|(i, title)| {
            let hits = html.texts(&format!(".panels section:nth-child({}) .search-hits a", i + 1));
            (title, hits)
        })
        .collect()
}

#[actix_web::test]
async fn one_search_finds_postings_companies_applications_and_users() {
    for app in backends() {
        let seeded = seed(&app);
        let admin = app.signed_in(AdminRole::Admin).await;
        let group = |title: &str, hits: &[&str]| {
            (title.to_owned(), hits.iter().map(|h| h.to_string()).collect::<Vec<_>>())
        };
        assert_eq!(
            results(&app, "ENGINEER").await,
            [group("Postings", &["Rust Engineer"])],
            "{}",
            app.backend
        );
        assert_eq!(
            results(&app, &format!("#{}", seeded.job)).await,
            [group("Postings", &["Rust Engineer"])]
        );
        assert_eq!(results(&app, &seeded.slug).await, [group("Postings", &["Rust Engineer"])]);
        assert_eq!(results(&app, "ferris").await, [group("Companies", &["Ferris Works"])]);
        assert_eq!(results(&app, "analytical").await, [group("Applications", &["Ada Lovelace"])]);
        assert_eq!(
            results(&app, &admin.email).await,
            [group("Admin users", &[admin.email.as_str()])]
        );
        // LIKE's wildcards are text here.
        assert_eq!(results(&app, "%").await, Vec::new());
        let none = app.get("/admin/search?q=zzzz").await;
        assert!(none.body.contains("Nothing found"), "{}", none.body);
        // Each group links to its full list, filtered alike.
        let page = app.get("/admin/search?q=ferris").await.html();
        assert_eq!(page.attrs(".panels section p a", "href"), ["/admin/companies?name=ferris"]);
    }
}

#[actix_web::test]
async fn search_shows_only_what_the_role_may_read_in_a_fixed_number_of_queries() {
    let app = TestApp::sqlite();
    seed(&app);
    let translator = app.signed_in(AdminRole::Translator).await;
    // Translators read postings and companies, not applications or users.
    assert_eq!(results(&app, "r").await.len(), 2);
    assert_eq!(results(&app, "analytical").await, Vec::new());
    assert_eq!(results(&app, &translator.email).await, Vec::new());

    app.clear_cookies();
    let _admin = app.signed_in(AdminRole::Admin).await;
    let cost = async |q: &str| {
        let before = app.queries();
        assert_eq!(app.get(&format!("/admin/search?q={q}")).await.status, StatusCode::OK);
        app.queries() - before
    };
    let few = cost("a").await;
    app.with_conn(|c| {
        let co = CompanyFactory::new().name("Another Agency").create(c);
        for _ in 0..20 {
            JobFactory::new(&co).title("Aerial Artist").create(c);
        }
    });
    assert_eq!(cost("a").await, few, "more rows, same queries");
    assert!(few <= 8, "{few} queries");
}
