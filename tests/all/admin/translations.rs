//! The translators' workspace: states, filters, editing with checks and previews, the public
//! page and other app servers seeing a saved text, the audit log, downloads.

use std::time::{Duration, Instant};

use actix_web::http::StatusCode;
use diesel::prelude::*;
use hireboard::db::schema::{audit_log, message_overrides};
use hireboard::i18n::{Locale, Messages};
use hireboard::models::AdminRole;
use hireboard::models::admin_user::AdminUser;

use crate::support::process::Process;
use crate::support::{CompanyFactory, JobFactory, TestApp, backends};

/// German's shipped `search-total` with "Stellen" for "Jobs".
const STELLEN: &str = "{ $count ->\n    [0] Keine Stellen gefunden\n    [one] { $count } Stelle\n   *[other] { $count } Stellen\n}";

fn two_postings(app: &TestApp) {
    app.with_conn(|c| {
        let company = CompanyFactory::new().create(c);
        JobFactory::new(&company).create(c);
        JobFactory::new(&company).create(c);
    });
    app.refresh_search();
}

fn overrides(app: &TestApp) -> Vec<(String, String, String)> {
    app.with_conn(|c| {
        message_overrides::table
            .select((
                message_overrides::locale,
                message_overrides::message_id,
                message_overrides::source,
            ))
            .load(c)
            .unwrap()
    })
}

#[actix_web::test]
async fn a_translator_edits_a_plural_message_and_the_public_page_shows_it() {
    for app in backends() {
        two_postings(&app);
        let translator = app.signed_in(AdminRole::Translator).await;
        let german = Messages::builtin().tr(Locale::DE);
        assert_eq!(app.get("/de/jobs").await.html().text("#results-heading"), "2 Jobs");

        // The overview: each language's progress, linked to its messages.
        let overview = app.get("/admin/translations").await.html();
        assert_eq!(overview.texts("tbody th a"), ["German", "Ukrainian"], "{}", app.backend);
        let list = app.get("/admin/translations/de?q=search-total").await.html();
        assert_eq!(list.texts("tbody th a"), ["search-total"]);
        assert_eq!(list.text("tbody .status-tag"), "Done");

        // A broken text is refused beside the field in the translator's language, and nothing
        // is saved.
        app.with_conn(|c| AdminUser::set_locale(c, translator.id, Locale::DE).unwrap());
        let path = "/admin/translations/de/search-total";
        let refused = app.post_admin(path, &[("text", "Stellen"), ("intent", "save")]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", app.backend);
        let errors = refused.html().texts("#text-error p");
        let want = german.t1("translations-error-variables-missing", "names", "$count");
        assert_eq!(errors, [want]);
        let broken = app.post_admin(path, &[("text", "{ $count ->"), ("intent", "save")]).await;
        assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(broken.html().text("#text-error").contains("Zeile 1"), "{}", broken.body);
        assert!(overrides(&app).is_empty());

        // A preview renders every plural form (German: one, other) without saving.
        let preview = app.post_admin(path, &[("text", STELLEN), ("intent", "preview")]).await;
        assert_eq!(preview.status, StatusCode::OK);
        let lines = preview.html().texts(".preview-list li");
        assert_eq!(lines, ["Mit $count = 1: 1 Stelle", "Mit $count = 0: Keine Stellen gefunden"]);
        assert!(overrides(&app).is_empty());

        // Saved (with the line endings a browser sends): the public page shows it at once.
        let crlf = STELLEN.replace('\n', "\r\n");
        let saved = app.post_admin(path, &[("text", &crlf), ("intent", "save")]).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        assert_eq!(overrides(&app), [("de".into(), "search-total".into(), STELLEN.into())]);
        assert_eq!(app.get("/de/jobs").await.html().text("#results-heading"), "2 Stellen");
        assert_eq!(app.get("/en/jobs").await.html().text("#results-heading"), "2 jobs");
        let list = app.get("/admin/translations/de?q=search-total").await.html();
        assert_eq!(list.texts("tbody th .status-tag"), [german.t("translations-edited")]);

        // Audited with who and what.
        let (actor, label, changes): (String, String, String) = app.with_conn(|c| {
            audit_log::table
                .filter(audit_log::resource.eq("translations"))
                .select((audit_log::actor, audit_log::record_label, audit_log::changes))
                .first(c)
                .unwrap()
        });
        assert_eq!(label, "de/search-total");
        assert!(actor.contains("admin"), "{actor}");
        assert!(changes.contains("Stellen") && changes.contains("Jobs"), "{changes}");

        // The download is the shipped file with the new text, byte for byte otherwise.
        let shipped = std::fs::read_to_string("locales/de/jobs.ftl").unwrap();
        let downloaded = app.get("/admin/translations/de/files/jobs.ftl").await;
        assert_eq!(downloaded.status, StatusCode::OK);
        let start = shipped.find("search-total = ").unwrap() + "search-total = ".len();
        let end = start + shipped[start..].find("\n}").unwrap() + 2;
        let mut expected = shipped.clone();
        expected.replace_range(start..end, STELLEN);
        assert_eq!(downloaded.body, expected);
        assert!(
            downloaded.header("content-disposition").unwrap().contains("jobs.ftl"),
            "{:?}",
            downloaded.headers
        );

        // Back to the shipped text.
        let reverted = app.post_admin(&format!("{path}/revert"), &[]).await;
        assert_eq!(reverted.status, StatusCode::SEE_OTHER);
        assert!(overrides(&app).is_empty());
        assert_eq!(app.get("/de/jobs").await.html().text("#results-heading"), "2 Jobs");
    }
}

#[actix_web::test]
async fn unknown_languages_and_messages_are_not_found() {
    let app = TestApp::sqlite();
    app.signed_in(AdminRole::Admin).await;
    for path in [
        "/admin/translations/xx",
        "/admin/translations/de/no-such-message",
        "/admin/translations/de/files/nothing.ftl",
        "/admin/translations/de/files/..%2Fen%2Fjobs.ftl",
    ] {
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    let res = app
        .post_admin("/admin/translations/de/no-such-message", &[("text", "x"), ("intent", "save")])
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert!(overrides(&app).is_empty());
}

fn replace_in(path: &std::path::Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[actix_web::test]
async fn states_follow_the_files_and_an_english_change_marks_translations_out_of_date() {
    let data = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", data.path().join("board.db").display());
    let release = |n: usize| {
        let dir = data.path().join(format!("locales-{n}"));
        crate::support::locales::copy_shipped(&dir);
        dir
    };
    // The first release: German lacks one message and leaves another as English.
    let first = release(1);
    replace_in(&first.join("de/jobs.ftl"), "search-empty-title = ", "# not translated yet: ");
    let english_apply = std::fs::read_to_string(first.join("en/jobs.ftl")).unwrap();
    let apply_line = english_apply.lines().find(|l| l.starts_with("search-button = ")).unwrap();
    let de_apply = std::fs::read_to_string(first.join("de/jobs.ftl")).unwrap();
    let de_line = de_apply.lines().find(|l| l.starts_with("search-button = ")).unwrap().to_owned();
    replace_in(&first.join("de/jobs.ftl"), &de_line, apply_line);
    let app = TestApp::sqlite_with(&[
        ("DATABASE_URL", url.as_str()),
        ("LOCALES_DIR", first.to_str().unwrap()),
    ]);
    app.signed_in(AdminRole::Admin).await;
    let state_of = |page: &crate::support::Html| page.text("tbody .status-tag");
    let page = app.get("/admin/translations/de?q=search-empty-title").await.html();
    assert_eq!(state_of(&page), "Missing");
    let page = app.get("/admin/translations/de?q=search-button&file=jobs.ftl").await.html();
    assert_eq!(state_of(&page), "Same as English");
    let page = app.get("/admin/translations/de?q=search-total").await.html();
    assert_eq!(state_of(&page), "Done");
    // Filters by state count the same as the overview.
    let missing = app.get("/admin/translations/de?state=missing").await.html();
    assert_eq!(missing.texts("tbody th a"), ["search-empty-title"]);
    let overview = app.get("/admin/translations").await.html();
    assert_eq!(overview.texts("tbody tr:first-child td.number a")[0], "1");
    drop(app);

    // The next release changes English's search-total, not German's: out of date.
    let second = release(2);
    replace_in(&second.join("en/jobs.ftl"), "[one] { $count } job", "[one] { $count } job found");
    let app = TestApp::sqlite_with(&[
        ("DATABASE_URL", url.as_str()),
        ("LOCALES_DIR", second.to_str().unwrap()),
    ]);
    app.signed_in(AdminRole::Admin).await;
    let page = app.get("/admin/translations/de?state=outdated").await.html();
    assert_eq!(page.texts("tbody th a"), ["search-total"]);
    // Saving it (even unchanged) records that it was checked against the new English.
    let generation = Messages::builtin().generation();
    let shipped = generation.shipped.value("de", "search-total").unwrap();
    let res = app
        .post_admin("/admin/translations/de/search-total", &[("text", shipped), ("intent", "save")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let page = app.get("/admin/translations/de?q=search-total").await.html();
    assert_eq!(state_of(&page), "Done");
    assert!(overrides(&app).is_empty(), "the shipped text needs no override");
}

#[actix_web::test]
async fn another_app_server_shows_a_saved_text_without_a_restart() {
    for app in backends() {
        two_postings(&app);
        let _admin = app.signed_in(AdminRole::Admin).await;
        let data = tempfile::tempdir().unwrap();
        let mut other = Process::start(
            "serve",
            &[
                ("DATABASE_URL", app.state.config.database_url.as_str()),
                ("DATA_DIR", data.path().to_str().unwrap()),
                ("SEARCH_REFRESH_MS", "100"),
                ("WORKER_CONCURRENCY", "0"),
                ("RUST_LOG", "warn"),
            ],
        );
        other.wait_healthy(Duration::from_secs(60));
        let total = |p: &Process| {
            let (_, _, body) = p.get("/de/jobs");
            let html = crate::support::Html::parse(&body);
            html.text("#results-heading")
        };
        assert_eq!(total(&other), "2 Jobs", "{}", app.backend);
        let res = app
            .post_admin(
                "/admin/translations/de/search-total",
                &[("text", STELLEN), ("intent", "save")],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let deadline = Instant::now() + Duration::from_secs(10);
        while total(&other) != "2 Stellen" {
            assert!(
                Instant::now() < deadline,
                "{}: the other server kept the old text; its log:\n{}",
                app.backend,
                other.output()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}
