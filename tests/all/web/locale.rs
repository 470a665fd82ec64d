//! Locale negotiation at `/`, the remembered choice, and the language switcher.

use crate::support::{CompanyFactory, JobFactory, backends};

#[actix_web::test]
async fn root_redirects_by_cookie_then_accept_language_then_default() {
    for app in backends() {
        let res = app.get_with("/", &[("accept-language", "uk-UA,uk;q=0.9,en;q=0.5")]).await;
        assert_eq!(res.status, 302);
        assert_eq!(res.header("location"), Some("/uk/"));
        assert!(res.header("vary").unwrap().contains("Accept-Language"));
        assert_eq!(
            app.get_with("/", &[("accept-language", "fr-FR,fr")]).await.header("location"),
            Some("/en/")
        );
        assert_eq!(app.get("/").await.header("location"), Some("/en/"));
        // Visiting a language sets no cookie; choosing one in the switcher remembers it, and
        // the cookie beats the header.
        assert!(app.get("/de/jobs").await.header("set-cookie").is_none());
        assert_eq!(
            app.get_with("/", &[("accept-language", "uk")]).await.header("location"),
            Some("/uk/")
        );
        let res = app.get("/language/de?to=%2Fde%2Fjobs%3Fq%3Drust").await;
        assert_eq!(res.status, 303);
        assert_eq!(res.header("location"), Some("/de/jobs?q=rust"));
        assert_eq!(res.header("cache-control"), Some("no-store"));
        let cookie = res.header("set-cookie").unwrap();
        assert!(cookie.starts_with("locale=de;") && cookie.contains("HttpOnly"), "{cookie}");
        let res = app.get_with("/", &[("accept-language", "uk")]).await;
        assert_eq!(res.header("location"), Some("/de/"));
        assert_eq!(app.get("/de").await.header("location"), Some("/de/"));
    }
}

#[actix_web::test]
async fn the_switcher_keeps_the_page_and_query() {
    for app in backends() {
        let slug = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).create(c).slug
        });
        app.refresh_search();
        let page = app.get("/en/jobs?q=engineer&workplace=onsite&page=1").await.html();
        let links = page.attrs(".lang-switch a", "href");
        assert_eq!(
            links,
            [
                "/language/en?to=%2Fen%2Fjobs%3Fq%3Dengineer%26workplace%3Donsite",
                "/language/de?to=%2Fde%2Fjobs%3Fq%3Dengineer%26workplace%3Donsite",
                "/language/uk?to=%2Fuk%2Fjobs%3Fq%3Dengineer%26workplace%3Donsite"
            ]
        );
        assert_eq!(page.attr(".lang-switch a[aria-current]", "hreflang"), "en");
        let res = app.get(&links[1]).await;
        assert_eq!(res.header("location"), Some("/de/jobs?q=engineer&workplace=onsite"));
        let page = app.get(&format!("/uk/jobs/{slug}")).await.html();
        let german = &page.attrs(".lang-switch a", "href")[1];
        assert_eq!(
            app.get(german).await.header("location"),
            Some(format!("/de/jobs/{slug}").as_str())
        );
        assert_eq!(page.attr("html", "lang"), "uk");
    }
}

#[actix_web::test]
async fn the_switch_goes_nowhere_but_a_page_of_its_language() {
    let app = crate::support::TestApp::sqlite();
    for to in [
        "https%3A%2F%2Fevil.example%2F",
        "%2F%2Fevil.example%2Fde%2F",
        "%2Fen%2Fjobs",
        "%2Fde%2F%0D%0AX%3A%201",
        "",
    ] {
        let res = app.get(&format!("/language/de?to={to}")).await;
        assert_eq!(res.status, 303, "{to}");
        assert_eq!(res.header("location"), Some("/de/"), "{to}");
    }
    assert_eq!(app.get("/language/xx?to=%2Fxx%2F").await.status, 404);
    assert_eq!(app.get("/language/de").await.header("location"), Some("/de/"));
}

#[actix_web::test]
async fn pages_are_translated() {
    for app in backends() {
        let en = app.get("/en/jobs").await.html();
        let de = app.get("/de/jobs").await.html();
        let uk = app.get("/uk/jobs").await.html();
        assert_eq!(en.text("h1"), "Jobs");
        assert_eq!(
            de.text(".main-nav a"),
            hireboard::i18n::Messages::builtin().tr(hireboard::i18n::Locale::DE).t("nav-jobs")
        );
        assert_ne!(uk.text("label[for=q]"), en.text("label[for=q]"));
        assert_ne!(de.text("label[for=q]"), en.text("label[for=q]"));
        // Ukrainian plural forms: 1 вакансія, 2 вакансії, 5 вакансій.
        let tr = hireboard::i18n::Messages::builtin().tr(hireboard::i18n::Locale::UK);
        let forms: Vec<String> =
            [1, 2, 5, 21, 11].iter().map(|n| tr.tn("search-total", *n as i64)).collect();
        assert_ne!(forms[0], forms[1].replace('2', "1"));
        assert_ne!(forms[1].replace('2', "5"), forms[2]);
        assert_eq!(forms[0].replace('1', "21"), forms[3]);
        assert_eq!(forms[2].replace('5', "11"), forms[4]);
    }
}
