//! `/{locale}/jobs/{slug}`: content, translations and fallback, JSON-LD, closed postings.

use hireboard::i18n::Locale;
use hireboard::models::{JobStatus, SalaryPeriod};

use crate::support::factories::text;
use crate::support::{CompanyFactory, JobFactory, backends};

#[actix_web::test]
async fn shows_every_section_and_fact_in_the_visitors_language() {
    for app in backends() {
        let slug = app.with_conn(|c| {
            let co = CompanyFactory::new()
                .name("Nordlicht Logistik")
                .translation(Locale::DE, "Wir bewegen Waren.")
                .create(c);
            JobFactory::new(&co)
                .title("Senior Rails Engineer")
                .skills(&["Ruby on Rails", "Sidekiq"])
                .salary(Some(75_000), Some(95_000), "EUR", SalaryPeriod::Year)
                .translation(Locale::DE, text("Senior Rails-Entwickler (m/w/d)"))
                .create(c)
                .slug
        });
        let res = app.get(&format!("/de/jobs/{slug}")).await;
        assert_eq!(res.status, 200, "{}", app.backend);
        let page = res.html();
        assert_eq!(page.text("h1"), "Senior Rails-Entwickler (m/w/d)");
        assert_eq!(page.attr("html", "lang"), "de");
        // The way to the form comes right after the heading (the form follows the whole text).
        assert_eq!(page.attr(".job header + .apply-jump a", "href"), "#apply");
        assert_eq!(page.text(".apply-jump a"), "Jetzt bewerben");
        assert_eq!(page.count("#apply form"), 1);
        assert_eq!(page.count("article.job[lang]"), 0, "German content needs no lang override");
        let facts = page.texts(".facts dd");
        assert!(
            facts.contains(&"75.000\u{a0}€ – 95.000\u{a0}€ pro Jahr".replace('\u{a0}', " ")),
            "{facts:?}"
        );
        assert_eq!(page.count(".job section h2"), 4, "three sections and skills");
        assert_eq!(page.texts(".chip-list .chip"), ["Ruby on Rails", "Sidekiq"]);
        assert!(page.texts(".panel p").contains(&"Wir bewegen Waren.".to_string()));
        // Canonical, and hreflang alternates for the languages it is written in (English
        // and German) plus x-default, its original.
        let address = |lang: &str| format!("https://jobs.example.test/{lang}/jobs/{slug}");
        assert_eq!(page.attr("link[rel=canonical]", "href"), address("de"));
        let alternates = page.attrs("link[rel=alternate][hreflang]", "hreflang");
        assert_eq!(alternates, ["en", "de", "x-default"], "{}", app.backend);
        assert_eq!(page.attr("link[hreflang=x-default]", "href"), address("en"));
        assert_eq!(page.count("script[type=\"application/ld+json\"]"), 1);
        // In Ukrainian it is shown in its original, which is the canonical page and the one
        // JobPosting; its headings are in the text's language.
        let uk = app.get(&format!("/uk/jobs/{slug}")).await.html();
        assert_eq!(uk.attr("link[rel=canonical]", "href"), address("en"));
        assert_eq!(uk.count("script[type=\"application/ld+json\"]"), 0);
        assert_eq!(uk.count("meta[name=robots]"), 0, "{}: still indexable", app.backend);
        assert!(
            uk.texts(".job section h2").contains(&"What you bring".to_string()),
            "{}",
            app.backend
        );
    }
}

#[actix_web::test]
async fn untranslated_content_falls_back_to_the_original_with_a_note() {
    for app in backends() {
        let slug = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).original(Locale::DE, text("Lagerist (m/w/d)")).create(c).slug
        });
        let page = app.get(&format!("/uk/jobs/{slug}")).await.html();
        assert_eq!(page.text("h1"), "Lagerist (m/w/d)");
        assert_eq!(page.attr("article.job", "lang"), "de");
        let notes = page.texts(".notice");
        assert_eq!(notes.len(), 1, "{notes:?}");
        // The language is named in the page's, not in its own (not "(Deutsch)").
        assert_eq!(
            notes[0],
            "Цей вміст ще не доступний вашою мовою, тому його показано мовою оригіналу (німецька)."
        );
    }
}

#[actix_web::test]
async fn json_ld_has_googles_required_and_recommended_properties() {
    for app in backends() {
        let (remote, anywhere, onsite) = app.with_conn(|c| {
            let co = CompanyFactory::new().name("Acme </script> Corp").create(c);
            let remote = JobFactory::new(&co)
                .title("Remote SRE")
                .remote_countries(&["DE", "PL"])
                .salary(Some(5_000), Some(6_000), "EUR", SalaryPeriod::Month)
                .create(c)
                .slug;
            let anywhere =
                JobFactory::new(&co).title("Remote Anywhere").remote_countries(&[]).create(c).slug;
            let onsite = JobFactory::new(&co)
                .title("Barista")
                .location("Lisbon", "PT")
                .no_salary()
                .create(c)
                .slug;
            (remote, anywhere, onsite)
        });
        let page = app.get(&format!("/en/jobs/{remote}")).await.html();
        let scripts = page.scripts("script[type='application/ld+json']");
        assert_eq!(scripts.len(), 1);
        assert!(!scripts[0].contains("</script>"), "{}", scripts[0]);
        let ld: serde_json::Value = serde_json::from_str(&scripts[0]).expect("JSON-LD parses");
        assert_eq!(ld["@type"], "JobPosting");
        for key in [
            "title",
            "description",
            "datePosted",
            "validThrough",
            "hiringOrganization",
            "employmentType",
            "identifier",
            "directApply",
            "baseSalary",
        ] {
            assert!(!ld[key].is_null(), "{key} missing in {ld}");
        }
        assert_eq!(ld["hiringOrganization"]["name"], "Acme </script> Corp");
        assert_eq!(ld["jobLocationType"], "TELECOMMUTE");
        assert_eq!(ld["applicantLocationRequirements"].as_array().map(Vec::len), Some(2));
        assert_eq!(ld["baseSalary"]["value"]["minValue"], 5000);
        assert_eq!(ld["baseSalary"]["value"]["unitText"], "MONTH");
        assert!(ld["description"].as_str().unwrap().contains("<li>"), "description is HTML");

        // Open anywhere: the whole world may apply (not only the office's country), and the
        // office is its location.
        let page = app.get(&format!("/en/jobs/{anywhere}")).await.html();
        let ld: serde_json::Value =
            serde_json::from_str(&page.scripts("script[type='application/ld+json']")[0]).unwrap();
        assert_eq!(ld["jobLocationType"], "TELECOMMUTE");
        assert_eq!(
            ld["applicantLocationRequirements"],
            serde_json::json!([{"@type": "AdministrativeArea", "name": "Worldwide"}]),
            "{ld}"
        );
        assert_eq!(ld["jobLocation"]["address"]["addressLocality"], "Berlin");

        let page = app.get(&format!("/en/jobs/{onsite}")).await.html();
        let ld: serde_json::Value =
            serde_json::from_str(&page.scripts("script[type='application/ld+json']")[0]).unwrap();
        assert_eq!(ld["jobLocation"]["address"]["addressLocality"], "Lisbon");
        assert_eq!(ld["jobLocation"]["address"]["addressCountry"], "PT");
        assert!(ld["jobLocationType"].is_null() && ld["baseSalary"].is_null());
    }
}

#[actix_web::test]
async fn a_closed_posting_stays_readable_but_leaves_search_engines() {
    for app in backends() {
        let (filled, expired, draft) = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            (
                JobFactory::new(&co).status(JobStatus::Filled).skills(&["Haskell"]).create(c).slug,
                JobFactory::new(&co)
                    .valid_through(hireboard::db::now() - chrono::TimeDelta::hours(1))
                    .create(c)
                    .slug,
                JobFactory::new(&co).status(JobStatus::Draft).create(c).slug,
            )
        });
        for slug in [&filled, &expired] {
            let res = app.get(&format!("/en/jobs/{slug}")).await;
            assert_eq!(res.status, 200);
            let page = res.html();
            assert_eq!(page.attr("meta[name=robots]", "content"), "noindex");
            assert_eq!(page.count("script[type='application/ld+json']"), 0);
            assert_eq!(page.count("form[method=post]"), 0, "no apply form");
            assert_eq!(page.count(".apply-jump"), 0, "nor a way to it");
            assert_eq!(page.count(".notice-closed"), 1);
            if *slug == filled {
                // Not in the search index: the skills come from the database.
                assert_eq!(page.texts(".chip-list .chip"), ["Haskell"]);
            }
        }
        assert_eq!(
            app.get(&format!("/en/jobs/{draft}")).await.status,
            404,
            "drafts are not public"
        );
    }
}

#[actix_web::test]
async fn a_shared_posting_shows_its_title_summary_and_logo() {
    use diesel::prelude::*;
    use hireboard::db::schema::companies;
    let app = crate::support::TestApp::sqlite();
    let slug = app.with_conn(|c| {
        let co = CompanyFactory::new().name("Nordlicht Logistik").create(c);
        diesel::update(companies::table.find(co.id))
            .set(companies::logo_key.eq("logos/0123456789abcdef0123456789abcdef.png"))
            .execute(c)
            .unwrap();
        JobFactory::new(&co).title("Harbour Pilot").create(c).slug
    });
    let page = app.get(&format!("/de/jobs/{slug}")).await.html();
    let og = |name: &str| page.attr(&format!("meta[property=\"og:{name}\"]"), "content");
    assert_eq!(og("title"), "Harbour Pilot");
    assert_eq!(og("url"), page.attr("link[rel=canonical]", "href"));
    assert_eq!(og("description"), page.attr("meta[name=description]", "content"));
    assert_eq!(og("locale"), "de_DE");
    assert!(
        og("image").starts_with("http") && og("image").contains("0123456789abcdef"),
        "{}",
        og("image")
    );
    assert_eq!(page.attr("meta[name=\"twitter:card\"]", "content"), "summary");
    // The search page has no picture.
    let search = app.get("/uk/jobs").await.html();
    assert_eq!(search.count("meta[property=\"og:image\"]"), 0);
    assert_eq!(search.attr("meta[property=\"og:locale\"]", "content"), "uk_UA");
}
