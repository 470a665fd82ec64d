//! The home page and company pages.

use hireboard::i18n::Locale;
use hireboard::models::Workplace;

use crate::support::{CompanyFactory, JobFactory, backends};

#[actix_web::test]
async fn home_shows_counts_latest_postings_skills_and_cities() {
    for app in backends() {
        app.with_conn(|c| {
            let a = CompanyFactory::new().create(c);
            let b = CompanyFactory::new().create(c);
            JobFactory::new(&a)
                .title("Newest Role")
                .skills(&["Rust"])
                .location("Kyiv", "UA")
                .published_days_ago(0)
                .create(c);
            JobFactory::new(&b)
                .title("Older Role")
                .skills(&["Rust", "Go"])
                .workplace(Workplace::Remote)
                .published_days_ago(5)
                .create(c);
        });
        app.refresh_search();
        let page = app.get("/en/").await.html();
        assert_eq!(page.text(".lead"), "2 open jobs from 2 companies", "{}", app.backend);
        assert_eq!(page.texts(".job-card-title"), ["Newest Role", "Older Role"]);
        assert_eq!(page.texts(".job-card-skills"), ["Rust", "Rust, Go"], "skills from the index");
        let skills = page.texts("#skills-heading + ul a");
        assert_eq!(skills, ["Rust 2", "Go 1"]);
        assert!(page.texts("#cities-heading + ul a").contains(&"Kyiv 1".to_string()));
        assert_eq!(page.attr(".search-box", "action"), "/en/jobs");
        assert_eq!(page.text(".quick-links"), "Remote 1");
    }
}

#[actix_web::test]
async fn company_page_lists_its_open_postings_in_the_visitors_language() {
    for app in backends() {
        let slug = app.with_conn(|c| {
            let co = CompanyFactory::new()
                .name("Kyiv Digital")
                .original(Locale::UK, "Ми створюємо цифрові сервіси.")
                .translation(Locale::EN, "We build digital services.")
                .street("Invalidenstraße 116", (52.5311, 13.3849))
                .create(c);
            let other = CompanyFactory::new().create(c);
            JobFactory::new(&co).title("Frontend Developer").create(c);
            JobFactory::new(&other).title("Someone Else's Job").create(c);
            co.slug
        });
        app.refresh_search();
        let page = app.get(&format!("/en/companies/{slug}")).await.html();
        assert_eq!(page.text("h1"), "Kyiv Digital");
        assert_eq!(page.text(".company-description"), "We build digital services.");
        assert_eq!(page.texts(".job-card-title"), ["Frontend Developer"]);
        assert_eq!(page.text("#open-heading"), "1 open position");
        assert_eq!(page.texts(".facts dd")[0], "Invalidenstraße 116, Berlin, Germany");
        let de = app.get(&format!("/de/companies/{slug}")).await.html();
        assert_eq!(de.text(".company-description"), "Ми створюємо цифрові сервіси.");
        assert_eq!(de.attr(".company-description", "lang"), "uk");
        assert_eq!(app.get("/en/companies/nobody").await.status, 404);
    }
}
