//! Places: a city is found by its name in any language (`near`, the city filter), and shows
//! in the page's language on facets, cards and the posting page; the gazetteer import; the
//! back office's place names with their translation markers.

use diesel::prelude::*;
use hireboard::db::schema::{jobs, place_translations, places};
use hireboard::i18n::Locale;

use crate::support::{AdminLogin, CompanyFactory, JobFactory, PlaceFactory, TestApp, backends};

/// Munich with its three names, Nuremberg (no postings), and postings in Munich (typed in
/// German, without coordinates), Augsburg (57 km away) and Berlin.
fn seed(app: &TestApp) -> i64 {
    let munich = app.with_conn(|c| {
        let munich = PlaceFactory::new("Munich", "DE", (48.137, 11.575))
            .name_in(Locale::DE, "München")
            .name_in(Locale::UK, "Мюнхен")
            .population(1_260_000)
            .create(c);
        PlaceFactory::new("Nuremberg", "DE", (49.454, 11.077))
            .name_in(Locale::DE, "Nürnberg")
            .create(c);
        // A namesake elsewhere, smaller: a name means the most populous place.
        PlaceFactory::new("Munich", "US", (46.6, -97.1)).population(200).create(c);
        let co = CompanyFactory::new().name("Isar Works").create(c);
        JobFactory::new(&co)
            .title("Brewer")
            .location("München", "DE")
            .street("Platzl 9")
            .at(None)
            .create(c);
        JobFactory::new(&co)
            .title("Baker")
            .location("Augsburg", "DE")
            .at(Some((48.3705, 10.8978)))
            .create(c);
        JobFactory::new(&co)
            .title("Far")
            .location("Berlin", "DE")
            .at(Some((52.52, 13.405)))
            .create(c);
        munich
    });
    app.refresh_search();
    munich
}

async fn titles(app: &TestApp, path: &str) -> Vec<String> {
    let res = app.get(path).await;
    assert_eq!(res.status, 200, "{path}: {}", res.body);
    let mut titles = res.html().texts(".job-card-title");
    titles.sort();
    titles
}

#[actix_web::test]
async fn a_place_is_found_by_any_of_its_names_and_shown_in_the_pages_language() {
    for app in backends() {
        let b = app.backend;
        let munich = seed(&app);
        // The posting typed "München" points to Munich; without coordinates of its own the
        // search puts it at Munich's.
        let (place, lat): (Option<i64>, Option<f64>) = app.with_conn(|c| {
            jobs::table
                .filter(jobs::title.eq("Brewer"))
                .select((jobs::place_id, jobs::latitude))
                .first(c)
                .unwrap()
        });
        assert_eq!(place, Some(munich), "{b}");
        assert_eq!(lat, None, "{b}");
        for near in ["Munich", "m%C3%BCnchen", "%D0%9C%D0%AE%D0%9D%D0%A5%D0%95%D0%9D"] {
            assert_eq!(
                titles(&app, &format!("/en/jobs?near={near}&radius=25")).await,
                ["Brewer"],
                "{b} {near}"
            );
            assert_eq!(
                titles(&app, &format!("/en/jobs?near={near}&radius=100")).await,
                ["Baker", "Brewer"],
                "{b} {near}"
            );
        }
        // A place without postings centres a search too, by its German name.
        assert_eq!(
            titles(&app, "/de/jobs?near=N%C3%BCrnberg&radius=200").await,
            ["Baker", "Brewer"],
            "{b}"
        );
        // The city filter takes any of the names; the facet and cards say the page's one.
        for (locale, name) in [("en", "Munich"), ("de", "München"), ("uk", "Мюнхен")] {
            let page = app.get(&format!("/{locale}/jobs")).await.html();
            let facet = page.texts("#facet-city ~ ul a");
            assert!(facet.iter().any(|f| f.starts_with(name)), "{b} {locale}: {facet:?}");
            let cards = page.texts(".job-card-company");
            assert!(cards.iter().any(|c| c.contains(name)), "{b} {locale}: {cards:?}");
            let city = urlencoding::encode(name);
            assert_eq!(titles(&app, &format!("/{locale}/jobs?city={city}")).await, ["Brewer"]);
            assert_eq!(titles(&app, &format!("/en/jobs?city={city}")).await, ["Brewer"]);
        }
        let slug: String = app.with_conn(|c| {
            jobs::table.filter(jobs::title.eq("Brewer")).select(jobs::slug).first(c).unwrap()
        });
        let page = app.get(&format!("/de/jobs/{slug}")).await.body;
        assert!(page.contains("Platzl 9, München, Deutschland"), "{b}");
        // JSON-LD names the city and street in the page's language (German is the original).
        let page = app.get(&format!("/en/jobs/{slug}")).await.html();
        let ld: serde_json::Value =
            serde_json::from_str(&page.scripts("script[type='application/ld+json']")[0]).unwrap();
        let address = &ld["jobLocation"]["address"];
        assert_eq!(
            (address["addressLocality"].as_str(), address["streetAddress"].as_str()),
            (Some("Munich"), Some("Platzl 9")),
            "{b}"
        );
        let page = app.get(&format!("/uk/jobs/{slug}")).await.body;
        assert!(page.contains("Мюнхен"), "{b}");
        // An unknown place is said so, and the search runs without it.
        let res = app.get("/en/jobs?near=Atlantis").await;
        assert!(res.body.contains("Atlantis"), "{b}");
        assert_eq!(res.html().count(".job-card"), 3, "{b}");
    }
}

const CITIES: &str = "2867714\tMunich\tMunich\t\t48.13743\t11.57549\tP\tPPLA\tDE\t\t02\t091\t09162\t09162000\t1260391\t\t524\tEurope/Berlin\t2023-01-01\n\
    2886242\tKöln\tKoeln\t\t50.93333\t6.95\tP\tPPLA2\tDE\t\t07\t053\t05315\t05315000\t963395\t\t54\tEurope/Berlin\t2023-01-01\n\
    broken line\n";
const NAMES: &str = "1\t2886242\ten\tCologne\t1\t\t\t\t\t\n\
    2\t2886242\tde\tKöln\t\t\t\t\t\t\n\
    3\t2886242\tuk\tКельн\t\t\t\t\t\t\n\
    4\t2867714\tde\tMünchen\t\t\t\t\t\t\n";

#[actix_web::test]
async fn an_import_adds_places_and_names_and_keeps_what_people_edited() {
    let dir = tempfile::tempdir().unwrap();
    let (cities, names) = (dir.path().join("cities15000.txt"), dir.path().join("names.txt"));
    std::fs::write(&cities, CITIES).unwrap();
    std::fs::write(&names, NAMES).unwrap();
    for app in backends() {
        let b = app.backend;
        let (places, malformed) = hireboard::places::load(Some(&cities), Some(&names)).unwrap();
        assert_eq!((places.len(), malformed), (2, 1), "{b}");
        let report = app.with_conn(|c| hireboard::places::write(c, &places)).unwrap();
        assert_eq!(
            (report.added, report.updated, report.names_added),
            (2, 0, vec![0, 2, 1]),
            "{b}"
        );
        let stored: Vec<(String, String)> = app.with_conn(|c| {
            places::table
                .inner_join(place_translations::table)
                .order((places::name, place_translations::locale))
                .select((places::name, place_translations::name))
                .load(c)
                .unwrap()
        });
        assert_eq!(
            stored,
            [
                ("Cologne".into(), "Köln".into()),
                ("Cologne".into(), "Кельн".into()),
                ("Munich".into(), "München".into())
            ],
            "{b}"
        );
        // A translator's fix survives the next import; moved coordinates are refreshed.
        app.with_conn(|c| {
            diesel::update(place_translations::table.filter(place_translations::name.eq("Кельн")))
                .set(place_translations::name.eq("Кельн (edited)"))
                .execute(c)
                .unwrap()
        });
        let mut moved = places.clone();
        moved[0].latitude = 48.14;
        let again = app.with_conn(|c| hireboard::places::write(c, &moved)).unwrap();
        assert_eq!(
            (again.added, again.updated, again.unchanged, again.names_added),
            (0, 1, 1, vec![0, 0, 0]),
            "{b}"
        );
        let kept: i64 = app.with_conn(|c| {
            place_translations::table
                .filter(place_translations::name.eq("Кельн (edited)"))
                .count()
                .get_result(c)
                .unwrap()
        });
        assert_eq!(kept, 1, "{b}");
        // The search knows the new places at once.
        app.refresh_search();
        let res = app.get("/en/jobs?near=K%C3%B6ln&radius=5").await;
        assert_eq!(res.status, 200, "{b}");
        assert_eq!(res.html().count("#search-notices .notice"), 0, "{b}: Köln is known now");
    }
}

#[actix_web::test]
async fn translators_finish_place_names_in_the_back_office() {
    for app in backends() {
        let b = app.backend;
        let kyiv = app.with_conn(|c| {
            PlaceFactory::new("Kyiv", "UA", (50.45, 30.52)).name_in(Locale::UK, "Київ").create(c)
        });
        let _translator: AdminLogin = app.signed_in(hireboard::models::AdminRole::Translator).await;
        let list = app.get("/admin/places?scope=untranslated").await;
        assert_eq!(list.status, 200, "{b}: {}", list.body);
        assert!(list.html().text("table").contains("Kyiv"), "{b}");
        let form = app.get(&format!("/admin/places/{kyiv}/edit")).await;
        assert_eq!(form.status, 200, "{b}: {}", form.body);
        // A translator changes names only: the rest of the form is read-only to them.
        assert_eq!(form.html().attr("#f-name", "readonly"), "", "{b}");
        assert_eq!(form.html().count("#f-t-de-name[readonly]"), 0, "{b}");
        let changes = [("t.de.name", "Kiew"), ("name", "Kyiv (renamed)")];
        let fields = form.html().form_with("form.form-grid", &changes);
        let fields: Vec<(&str, &str)> =
            fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let saved = app.post_admin(&format!("/admin/places/{kyiv}"), &fields).await;
        assert_eq!(saved.status, 303, "{b}: {}", saved.body);
        let english: String =
            app.with_conn(|c| places::table.find(kyiv).select(places::name).first(c).unwrap());
        assert_eq!(english, "Kyiv", "{b}: a translator cannot rename the original");
        let german: String = app.with_conn(|c| {
            place_translations::table
                .filter(place_translations::place_id.eq(kyiv))
                .filter(place_translations::locale.eq("de"))
                .select(place_translations::name)
                .first(c)
                .unwrap()
        });
        assert_eq!(german, "Kiew", "{b}");
        let all: Vec<(String, String)> = app.with_conn(|c| {
            place_translations::table
                .filter(place_translations::place_id.eq(kyiv))
                .select((place_translations::locale, place_translations::name))
                .load(c)
                .unwrap()
        });
        assert_eq!(all.len(), 2, "{b}: {all:?}");
        // The new name finds the place in the search at once.
        app.refresh_search();
        let res = app.get("/de/jobs?near=Kiew").await;
        assert!(!res.html().texts(".notice").iter().any(|n| n.contains("Kiew")), "{b}");
        let list = app.get("/admin/places?scope=untranslated").await;
        assert_eq!(list.status, 200, "{b}");
        assert!(!list.body.contains(">Kyiv<"), "{b}: nothing left to name: {}", list.body);
    }
}

#[actix_web::test]
async fn the_back_office_offers_every_country_by_its_cldr_name() {
    let app = TestApp::sqlite();
    let _admin = app.signed_in(hireboard::models::AdminRole::Admin).await;
    let page = app.get("/admin/jobs/new").await.html();
    let codes = page.attrs("#f-country-code option", "value");
    assert!(codes.len() > 240, "{} countries", codes.len());
    let labels = page.texts("#f-country-code option");
    for (code, name) in
        [("FR", "France"), ("JP", "Japan"), ("UA", "Ukraine"), ("CI", "Côte d’Ivoire")]
    {
        let at = codes.iter().position(|c| c == code).unwrap_or_else(|| panic!("{code}"));
        assert_eq!(labels[at], name);
    }
    // Sorted by name in the admin's language's collation (after the empty choice): Åland
    // among the A's, not after Zimbabwe as its code points would have it.
    let named = &labels[1..];
    let en = hireboard::i18n::Locale::EN;
    assert!(
        named.windows(2).all(|w| hireboard::i18n::collation::compare(en, &w[0], &w[1]).is_le()),
        "sorted by name"
    );
    let at = |name: &str| named.iter().position(|n| n == name).unwrap_or_else(|| panic!("{name}"));
    assert!(at("Afghanistan") < at("Åland Islands") && at("Åland Islands") < at("Albania"));
}
