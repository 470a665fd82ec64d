//! `/{locale}/jobs`: every filter, facet counts, sorting, pagination, bad input.

use hireboard::i18n::Locale;
use hireboard::models::{EmploymentType, JobStatus, SalaryPeriod, Seniority, Workplace};

use crate::support::factories::text;
use crate::support::{CompanyFactory, JobFactory, TestApp, backends};

/// A small board: titles say what each posting is, so assertions read naturally.
fn seed(app: &TestApp) {
    app.with_conn(|c| {
        let acme = CompanyFactory::new().name("Acme Rockets").create(c);
        let zeta = CompanyFactory::new().name("Zeta Health").create(c);
        JobFactory::new(&acme)
            .title("Senior Rust Engineer")
            .workplace(Workplace::Hybrid)
            .seniority(Seniority::Senior)
            .location("Berlin", "DE")
            .skills(&["Rust", "PostgreSQL"])
            .salary(Some(80_000), Some(100_000), "EUR", SalaryPeriod::Year)
            .published_days_ago(1)
            .create(c);
        JobFactory::new(&acme)
            .title("Junior Go Developer")
            .seniority(Seniority::Junior)
            .location("Munich", "DE")
            .skills(&["Go"])
            .salary(Some(45_000), Some(55_000), "EUR", SalaryPeriod::Year)
            .published_days_ago(3)
            .create(c);
        JobFactory::new(&zeta)
            .title("Remote Data Analyst")
            .remote_countries(&["PL", "UA"])
            .employment_type(EmploymentType::Contract)
            .location("Warsaw", "PL")
            .skills(&["SQL", "Python"])
            .salary(Some(4_000), Some(5_000), "EUR", SalaryPeriod::Month)
            .published_days_ago(10)
            .create(c);
        JobFactory::new(&zeta)
            .title("Nurse Practitioner")
            .employment_type(EmploymentType::PartTime)
            .location("Vienna", "AT")
            .no_salary()
            .published_days_ago(20)
            .create(c);
        JobFactory::new(&zeta).title("Hidden Draft Role").status(JobStatus::Draft).create(c);
        JobFactory::new(&zeta)
            .title("Filled Rust Role")
            .status(JobStatus::Filled)
            .skills(&["Rust"])
            .create(c);
        JobFactory::new(&zeta)
            .title("Expired Rust Role")
            .skills(&["Rust"])
            .valid_through(hireboard::db::now() - chrono::TimeDelta::days(1))
            .create(c);
    });
    app.refresh_search();
}

async fn titles(app: &TestApp, path: &str) -> Vec<String> {
    let res = app.get(path).await;
    assert_eq!(res.status, 200, "{} {path}: {}", app.backend, res.body);
    res.html().texts(".job-card-title")
}

#[actix_web::test]
async fn lists_only_open_postings_newest_first() {
    for app in backends() {
        seed(&app);
        assert_eq!(
            titles(&app, "/en/jobs").await,
            [
                "Senior Rust Engineer",
                "Junior Go Developer",
                "Remote Data Analyst",
                "Nurse Practitioner"
            ],
            "{}",
            app.backend
        );
        let page = app.get("/en/jobs").await.html();
        assert_eq!(page.text(".results-total"), "4 jobs");
    }
}

#[actix_web::test]
async fn every_filter_narrows_the_results() {
    for app in backends() {
        seed(&app);
        let cases: &[(&str, &[&str])] = &[
            ("workplace=hybrid", &["Senior Rust Engineer"]),
            ("workplace=remote", &["Remote Data Analyst"]),
            ("type=part_time", &["Nurse Practitioner"]),
            ("type=contract", &["Remote Data Analyst"]),
            ("seniority=junior", &["Junior Go Developer"]),
            ("country=AT", &["Nurse Practitioner"]),
            // A remote role open to Ukraine is found from Ukraine.
            ("country=UA", &["Remote Data Analyst"]),
            ("city=munich", &["Junior Go Developer"]),
            ("skill=go", &["Junior Go Developer"]),
            ("skill=go&skill=sql", &["Junior Go Developer", "Remote Data Analyst"]),
            // 4,000–5,000 a month is 60,000 a year.
            ("salary_min=58000", &["Senior Rust Engineer", "Remote Data Analyst"]),
            ("posted_within=7", &["Senior Rust Engineer", "Junior Go Developer"]),
            ("company=zeta-health", &["Remote Data Analyst", "Nurse Practitioner"]),
            ("q=rust", &["Senior Rust Engineer"]),
            ("q=analyst&workplace=remote&country=PL", &["Remote Data Analyst"]),
            ("q=zeta&sort=newest", &["Remote Data Analyst", "Nurse Practitioner"]),
            ("q=postgres", &["Senior Rust Engineer"]),
        ];
        for (query, expected) in cases {
            let got = titles(&app, &format!("/en/jobs?{query}")).await;
            assert_eq!(&got, expected, "{} ?{query}", app.backend);
        }
    }
}

#[actix_web::test]
async fn facet_counts_reflect_the_other_active_filters() {
    for app in backends() {
        seed(&app);
        let page = app.get("/en/jobs?workplace=onsite").await.html();
        // Workplace counts ignore the workplace filter itself…
        let workplace = page.texts("#facet-workplace + ul a");
        assert_eq!(workplace, ["On-site 2", "Hybrid 1", "Remote 1"], "{}", app.backend);
        // …while the other facets count only on-site postings.
        let seniority = page.texts("#facet-seniority + ul a");
        assert!(seniority.contains(&"Junior 1".to_string()), "{seniority:?}");
        // A value that would give nothing is left out…
        assert!(!seniority.iter().any(|s| s.starts_with("Senior")), "{seniority:?}");
        let countries = page.texts("#facet-country + ul a");
        assert_eq!(countries, ["Austria 1", "Germany 1"], "{}", app.backend);
        // …unless it is selected, so that it can be unselected.
        let page = app.get("/en/jobs?workplace=onsite&seniority=lead").await.html();
        let seniority = page.texts("#facet-seniority + ul a");
        assert!(seniority.contains(&"Lead 0".to_string()), "{}: {seniority:?}", app.backend);
    }
}

#[actix_web::test]
async fn sorts_by_relevance_newest_and_salary() {
    for app in backends() {
        seed(&app);
        assert_eq!(
            titles(&app, "/en/jobs?sort=salary").await,
            [
                "Senior Rust Engineer",
                "Remote Data Analyst",
                "Junior Go Developer",
                "Nurse Practitioner"
            ]
        );
        // The title counts more than the body: "Engineer" in a title beats one in a summary.
        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co)
                .title("Office Manager")
                .summary("Supports every engineer on site.")
                .create(c);
        });
        app.refresh_search();
        let found = titles(&app, "/en/jobs?q=engineer").await;
        assert_eq!(
            found.first().map(String::as_str),
            Some("Senior Rust Engineer"),
            "{}: {found:?}",
            app.backend
        );
        assert_eq!(found.len(), 2);
    }
}

#[actix_web::test]
async fn paginates_twenty_per_page() {
    for app in backends() {
        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            for i in 0..45 {
                JobFactory::new(&co).title(&format!("Role {i:02}")).published_days_ago(i).create(c);
            }
        });
        app.refresh_search();
        let first = app.get("/en/jobs").await.html();
        assert_eq!(first.count(".job-card"), 20);
        assert_eq!(first.text(".results-total"), "45 jobs");
        assert_eq!(first.attr("a[rel=next]", "href"), "/en/jobs?page=2");
        let last = titles(&app, "/en/jobs?page=3").await;
        assert_eq!(last, ["Role 40", "Role 41", "Role 42", "Role 43", "Role 44"]);
        // A page past the end shows the last one.
        assert_eq!(titles(&app, "/en/jobs?page=99").await, last);
    }
}

#[actix_web::test]
async fn invalid_values_are_ignored_with_a_notice() {
    for app in backends() {
        seed(&app);
        let res = app
            .get("/de/jobs?workplace=moon&salary_min=lots&page=-1&skill=%3Cscript%3E&q=%22%28")
            .await;
        assert_eq!(res.status, 200, "{}", app.backend);
        let page = res.html();
        let notices = page.texts(".notice li");
        assert_eq!(notices.len(), 4, "{notices:?}");
        assert!(notices[0].contains("workplace") && notices[0].contains("moon"), "{notices:?}");
        assert!(!res.body.contains("<script>"));
        // The query of punctuation alone matches nothing, but does not fail.
        assert_eq!(page.count(".job-card"), 0);
    }
}

#[actix_web::test]
async fn an_empty_result_offers_to_drop_a_filter() {
    for app in backends() {
        seed(&app);
        let page = app.get("/en/jobs?workplace=remote&country=AT").await.html();
        assert_eq!(page.count(".job-card"), 0);
        let offers = page.texts(".empty li");
        assert_eq!(offers.len(), 2, "{offers:?}");
        assert!(
            offers.iter().any(|o| o.contains("Without “Remote”") && o.contains("1 job")),
            "{offers:?}"
        );
        let links = page.attrs(".empty li a", "href");
        assert!(links.contains(&"/en/jobs?country=AT".to_string()), "{links:?}");
        // A text query is one of the filters that can be dropped.
        let page = app.get("/en/jobs?q=nurse&workplace=remote").await.html();
        let offers = page.texts(".empty li");
        assert_eq!(offers.len(), 2, "{offers:?}");
        assert!(
            offers.iter().any(|o| o.starts_with("Without “nurse” ") && o.contains("1 job")),
            "{offers:?}"
        );
        // Quoted once in every language (the query's own chip quotes it too).
        for (lang, without) in [("de", "Ohne „nurse“ "), ("uk", "Без фільтра «nurse» ")]
        {
            let page = app.get(&format!("/{lang}/jobs?q=nurse&workplace=remote")).await.html();
            let offers = page.texts(".empty li");
            assert!(offers.iter().any(|o| o.starts_with(without)), "{lang}: {offers:?}");
        }
    }
}

#[actix_web::test]
async fn filter_links_keep_the_other_parameters() {
    for app in backends() {
        seed(&app);
        let page = app.get("/en/jobs?q=rust&seniority=senior").await.html();
        let hybrid = page.attrs("#facet-workplace + ul a", "href");
        assert!(
            hybrid.contains(&"/en/jobs?q=rust&workplace=hybrid&seniority=senior".to_string()),
            "{hybrid:?}"
        );
        // Chips name a skill as written, not by its slug.
        let chips = app
            .get("/en/jobs?skill=postgresql")
            .await
            .html()
            .texts(".active-filters a.chip-remove");
        assert_eq!(chips, ["PostgreSQL ×"], "{}", app.backend);
        let remove = page.attrs(".active-filters a.chip-remove", "href");
        assert!(remove.contains(&"/en/jobs?q=rust".to_string()), "{remove:?}");
    }
}

#[actix_web::test]
async fn text_matches_follow_changes_to_postings() {
    for app in backends() {
        seed(&app);
        assert_eq!(titles(&app, "/en/jobs?q=kotlin").await, Vec::<String>::new());
        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).title("Kotlin Developer").create(c);
        });
        app.refresh_search();
        assert_eq!(
            titles(&app, "/en/jobs?q=kotlin").await,
            ["Kotlin Developer"],
            "{}",
            app.backend
        );
        // A repeated query is answered without asking the database again.
        let before = app.queries();
        assert_eq!(titles(&app, "/en/jobs?q=Kotlin").await, ["Kotlin Developer"]);
        assert_eq!(
            app.queries() - before,
            0,
            "{}: the matches and the cards were cached",
            app.backend
        );
    }
}

/// Short words are words too: "UX" finds "UX Writer" and, as a prefix, "Uxmal Guide", but not
/// "Flux Designer", on every backend (InnoDB indexes no word under 3 letters).
#[actix_web::test]
async fn a_two_letter_word_finds_its_postings() {
    for app in backends() {
        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            for title in ["UX Writer", "Uxmal Guide", "Flux Designer", "Data Analyst"] {
                JobFactory::new(&co).title(title).create(c);
            }
        });
        app.refresh_search();
        let mut got = titles(&app, "/en/jobs?q=ux").await;
        got.sort();
        assert_eq!(got, ["UX Writer", "Uxmal Guide"], "{}", app.backend);
        let got = titles(&app, "/en/jobs?q=ux+writ").await;
        assert_eq!(got, ["UX Writer"], "{}", app.backend);
    }
}

#[actix_web::test]
async fn cached_cards_follow_changes_to_postings_and_translations() {
    use diesel::prelude::*;
    use hireboard::db::schema::{job_translations, jobs};
    for app in backends() {
        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co)
                .title("Data Engineer")
                .translation(Locale::DE, text("Dateningenieur"))
                .create(c);
        });
        app.refresh_search();
        assert_eq!(titles(&app, "/en/jobs").await, ["Data Engineer"]);
        assert_eq!(titles(&app, "/de/jobs").await, ["Dateningenieur"]);

        app.with_conn(|c| {
            diesel::update(jobs::table)
                .set(jobs::title.eq("Senior Data Engineer"))
                .execute(c)
                .unwrap();
            diesel::update(job_translations::table)
                .set(job_translations::title.eq("Senior-Dateningenieur"))
                .execute(c)
                .unwrap();
        });
        // What the background refresher does when it polls.
        let refreshed = app.with_conn(|c| app.state.search.refresh_if_stale(c).unwrap());
        assert!(refreshed, "{}: the change bumped the index version", app.backend);
        assert_eq!(titles(&app, "/en/jobs").await, ["Senior Data Engineer"], "{}", app.backend);
        assert_eq!(titles(&app, "/de/jobs").await, ["Senior-Dateningenieur"], "{}", app.backend);

        // A translation changed on its own bumps the version too.
        app.with_conn(|c| {
            diesel::update(job_translations::table)
                .set(job_translations::title.eq("Leitender Dateningenieur"))
                .execute(c)
                .unwrap();
        });
        let refreshed = app.with_conn(|c| app.state.search.refresh_if_stale(c).unwrap());
        assert!(refreshed, "{}", app.backend);
        assert_eq!(titles(&app, "/de/jobs").await, ["Leitender Dateningenieur"], "{}", app.backend);
    }
}
