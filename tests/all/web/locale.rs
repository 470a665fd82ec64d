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
        // Visiting a language remembers it, and the cookie beats the header.
        app.get("/de/jobs").await;
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
                "/en/jobs?q=engineer&workplace=onsite",
                "/de/jobs?q=engineer&workplace=onsite",
                "/uk/jobs?q=engineer&workplace=onsite"
            ]
        );
        assert_eq!(page.attr(".lang-switch a[aria-current]", "hreflang"), "en");
        let page = app.get(&format!("/uk/jobs/{slug}")).await.html();
        assert_eq!(page.attrs(".lang-switch a", "href")[1], format!("/de/jobs/{slug}"));
        assert_eq!(page.attr("html", "lang"), "uk");
    }
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
            hireboard::i18n::Tr::new(hireboard::i18n::Locale::De).t("nav-jobs")
        );
        assert_ne!(uk.text("label[for=q]"), en.text("label[for=q]"));
        assert_ne!(de.text("label[for=q]"), en.text("label[for=q]"));
        // Ukrainian plural forms: 1 вакансія, 2 вакансії, 5 вакансій.
        let tr = hireboard::i18n::Tr::new(hireboard::i18n::Locale::Uk);
        let forms: Vec<String> =
            [1, 2, 5, 21, 11].iter().map(|n| tr.tn("search-total", *n as i64)).collect();
        assert_ne!(forms[0], forms[1].replace('2', "1"));
        assert_ne!(forms[1].replace('2', "5"), forms[2]);
        assert_eq!(forms[0].replace('1', "21"), forms[3]);
        assert_eq!(forms[2].replace('5', "11"), forms[4]);
    }
}
