//! Languages are configuration: a fourth language is a folder and a setting, no code. A real
//! `serve` process with `LOCALES=en,de,uk,pl` and a partly translated `locales/pl/` speaks
//! Polish on the public site and in the back office, falling back to English message by message,
//! and shows Polish content.

use std::time::{Duration, Instant};

use diesel::prelude::*;
use hireboard::db::schema::{job_translations, jobs};

use crate::support::Html;
use crate::support::process::Process;

/// A partial Polish translation: the jobs count (with Polish plural forms), the site's
/// navigation and one back-office label; everything else falls back to English.
const PL_JOBS: &str = "search-total = { $count ->\n    [0] Nie znaleziono ofert\n    [one] { $count } oferta\n    [few] { $count } oferty\n    [many] { $count } ofert\n   *[other] { $count } oferty\n}\n";
const PL_MAIN: &str = "nav-jobs = Oferty pracy\n";
const PL_ADMIN: &str = "admin-nav-jobs = Ogłoszenia\n";

fn locales_with_polish(to: &std::path::Path) {
    crate::support::locales::copy_shipped(to);
    std::fs::create_dir_all(to.join("pl")).unwrap();
    std::fs::write(to.join("pl/jobs.ftl"), PL_JOBS).unwrap();
    std::fs::write(to.join("pl/main.ftl"), PL_MAIN).unwrap();
    std::fs::write(to.join("pl/admin.ftl"), PL_ADMIN).unwrap();
}

fn csrf(page: &str) -> String {
    page.split("name=\"_csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a form's token")
        .to_owned()
}

#[test]
fn a_fourth_language_is_a_folder_and_a_setting() {
    let data = tempfile::tempdir().unwrap();
    let locales = data.path().join("locales");
    locales_with_polish(&locales);
    let data_dir = data.path().display().to_string();
    let mut server = Process::start(
        "serve",
        &[
            ("DATA_DIR", data_dir.as_str()),
            ("LOCALES", "en,de,uk,pl"),
            ("LOCALES_DIR", locales.to_str().unwrap()),
            ("SEARCH_REFRESH_MS", "100"),
            ("WORKER_CONCURRENCY", "0"),
        ],
    );
    server.wait_healthy(Duration::from_secs(120));

    // The public site in Polish: its plural forms, its navigation, English where it has none.
    let (status, _, page) = server.get("/pl/jobs");
    assert_eq!(status, 200, "{page}");
    let html = Html::parse(&page);
    assert_eq!(html.attr("html", "lang"), "pl");
    let total = html.text("#results-heading");
    assert!(
        [" oferta", " oferty", " ofert"].iter().any(|w| total.ends_with(w)),
        "{total}: a Polish plural form"
    );
    assert!(html.texts("a").contains(&"Oferty pracy".to_owned()), "the Polish navigation");
    assert!(page.contains("Search"), "English where Polish has no message yet");
    // Dates as CLDR writes them in Polish (no date messages in the folder): "6 grudnia 2026".
    let months = [
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    ];
    let posted = html.texts("time");
    assert!(
        posted.iter().any(|t| months.iter().any(|m| t.contains(&format!(" {m} 20")))),
        "a Polish date among {posted:?}"
    );
    assert!(html.texts("a[hreflang]").contains(&"Polski".to_owned()), "the switcher names it");
    assert!(html.attrs("link[rel=alternate][hreflang=pl]", "href")[0].ends_with("/pl/jobs"));
    // …and the other languages' pages point to it.
    let (_, _, german) = server.get("/de/jobs");
    assert_eq!(Html::parse(&german).attrs("link[hreflang=pl]", "href").len(), 1);
    let (_, _, sitemap) = server.get("/sitemaps/companies.xml");
    assert!(sitemap.contains("/pl/companies/"), "Polish pages in the sitemap");
    assert!(sitemap.contains("hreflang=\"pl\""));
    let (status, _, _) = server.get("/fr/jobs");
    assert_eq!(status, 404, "a language not configured is not served");

    // Polish content: a posting's translation, shown on its Polish page.
    let mut conn = crate::support::data_dir_connection(data.path());
    let (job_id, slug): (i64, String) = jobs::table
        .filter(jobs::status.eq("published"))
        .select((jobs::id, jobs::slug))
        .first(&mut conn)
        .unwrap();
    let now = hireboard::db::now();
    diesel::delete(job_translations::table.filter(job_translations::job_id.eq(job_id)))
        .filter(job_translations::locale.eq("pl"))
        .execute(&mut conn)
        .unwrap();
    diesel::insert_into(job_translations::table)
        .values((
            job_translations::job_id.eq(job_id),
            job_translations::locale.eq("pl"),
            job_translations::title.eq("Programista Rust"),
            job_translations::summary.eq("Piszemy oprogramowanie w Ruście."),
            job_translations::responsibilities.eq(""),
            job_translations::requirements.eq(""),
            job_translations::benefits.eq(""),
            job_translations::source_updated_at.eq(now),
            job_translations::created_at.eq(now),
            job_translations::updated_at.eq(now),
        ))
        .execute(&mut conn)
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (_, _, page) = server.get(&format!("/pl/jobs/{slug}"));
        if Html::parse(&page).texts("h1").contains(&"Programista Rust".to_owned()) {
            break;
        }
        assert!(Instant::now() < deadline, "the Polish title did not show:\n{page}");
        std::thread::sleep(Duration::from_millis(100));
    }

    // The back office in Polish, with English where Polish has nothing yet.
    let output = server.output();
    let password = output
        .lines()
        .find_map(|l| l.trim().strip_prefix("password:"))
        .expect("the first admin's password")
        .trim()
        .to_owned();
    let (_, cookie, login) = server.get("/admin/login");
    let (status, cookie, _) = server.post_form(
        "/admin/login",
        &cookie,
        &[("_csrf", &csrf(&login)), ("email", "admin@hireboard.local"), ("password", &password)],
    );
    assert_eq!(status, 303);
    let (_, cookie, dashboard) = server.get_with_cookie("/admin", &cookie);
    let (status, cookie, _) = server.post_form(
        "/admin/account/locale",
        &cookie,
        &[("_csrf", &csrf(&dashboard)), ("locale", "pl"), ("back", "/admin")],
    );
    assert_eq!(status, 303);
    let (_, cookie, dashboard) = server.get_with_cookie("/admin", &cookie);
    let nav = Html::parse(&dashboard).texts("nav a");
    assert!(nav.contains(&"Ogłoszenia".to_owned()), "{nav:?}");
    assert!(nav.contains(&"Companies".to_owned()), "English fallback: {nav:?}");

    // A posting's form has a Polish tab, holding the Polish text.
    let (_, cookie, form) = server.get_with_cookie(&format!("/admin/jobs/{job_id}/edit"), &cookie);
    let form = Html::parse(&form);
    assert_eq!(form.count("fieldset#tab-pl[lang=pl]"), 1, "a Polish tab");
    assert_eq!(form.attr("#tab-pl input[name$=title]", "value"), "Programista Rust");

    // The workspace shows Polish as incomplete.
    let (_, _, workspace) = server.get_with_cookie("/admin/translations", &cookie);
    let html = Html::parse(&workspace);
    let rows = html.texts("tbody th");
    let polish = rows.iter().position(|r| r.ends_with("pl")).expect("a row for Polish");
    let progress = html.attrs("tbody progress", "value");
    let done: u32 = progress[polish].parse().unwrap();
    assert!(done < 5, "Polish is far from done: {done} %");
}
