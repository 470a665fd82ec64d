//! Skills named in each language: a translator names one in the back office (with the
//! translation markers), and facets, chips, cards, the posting page and its JSON-LD say the
//! page's language.

use diesel::prelude::*;
use hireboard::db::schema::{skill_translations, skills};
use hireboard::models::AdminRole;

use crate::support::{CompanyFactory, JobFactory, backends};

#[actix_web::test]
async fn a_translated_skill_shows_in_the_pages_language_everywhere() {
    for app in backends() {
        let b = app.backend;
        let slug = app.with_conn(|c| {
            let co = CompanyFactory::new().name("Alpine Tours").create(c);
            JobFactory::new(&co)
                .title("Mountain guide")
                .skills(&["English (C1)", "Rust"])
                .create(c)
                .slug
        });
        app.refresh_search();
        let id: i64 = app.with_conn(|c| {
            skills::table
                .filter(skills::name.eq("English (C1)"))
                .select(skills::id)
                .first(c)
                .unwrap()
        });
        let _translator = app.signed_in(AdminRole::Translator).await;
        let list = app.get("/admin/skills").await.html();
        assert_eq!(list.count("li.translation-missing"), 4, "{b}: two skills, two languages each");
        let form = app.get(&format!("/admin/skills/{id}/edit")).await;
        assert_eq!(form.status, 200, "{b}: {}", form.body);
        let changes = [("t.de.name", "Englisch (C1)"), ("t.uk.name", "Англійська (C1)")];
        let fields = form.html().form_with("form.form-grid", &changes);
        let fields: Vec<(&str, &str)> =
            fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let saved = app.post_admin(&format!("/admin/skills/{id}"), &fields).await;
        assert_eq!(saved.status, 303, "{b}: {}", saved.body);
        let stored: i64 = app.with_conn(|c| {
            skill_translations::table
                .filter(skill_translations::skill_id.eq(id))
                .count()
                .get_result(c)
                .unwrap()
        });
        assert_eq!(stored, 2, "{b}");
        let list = app.get("/admin/skills").await.html();
        assert_eq!(list.count("li.translation-missing"), 2, "{b}: Rust is left");
        app.refresh_search();
        for (locale, name) in
            [("en", "English (C1)"), ("de", "Englisch (C1)"), ("uk", "Англійська (C1)")]
        {
            let page = app.get(&format!("/{locale}/jobs")).await.html();
            let facet = page.texts("#facet-skill ~ ul a");
            assert!(facet.iter().any(|f| f.starts_with(name)), "{b} {locale}: {facet:?}");
            let cards = page.text(".job-card-skills");
            assert!(cards.contains(name) && cards.contains("Rust"), "{b} {locale}: {cards}");
            let chosen = app.get(&format!("/{locale}/jobs?skill=english-c1")).await.body;
            assert!(chosen.contains(name), "{b} {locale}: the chip names it");
            let posting = app.get(&format!("/{locale}/jobs/{slug}")).await.body;
            assert!(posting.contains(name), "{b} {locale}: the posting lists it");
        }
        // The posting is in English: its JSON-LD, on the English page, names skills in English.
        let page = app.get(&format!("/en/jobs/{slug}")).await.html();
        let ld: serde_json::Value =
            serde_json::from_str(&page.scripts("script[type='application/ld+json']")[0]).unwrap();
        assert_eq!(ld["skills"], "English (C1), Rust", "{b}");
        // The slug (the search's `skill=`) follows the original name only.
        let slug_now: String =
            app.with_conn(|c| skills::table.find(id).select(skills::slug).first(c).unwrap());
        assert_eq!(slug_now, "english-c1", "{b}");
    }
}
