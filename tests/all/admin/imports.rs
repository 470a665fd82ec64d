//! The back office's import: upload, columns guessed and remembered, the dry run and the
//! import as background tasks with their progress, the failed rows on the page and in a
//! workbook, on every backend.

use diesel::prelude::*;
use hireboard::db::schema::{imports, jobs};
use hireboard::models::AdminRole;

use crate::support::{CompanyFactory, Part, TestApp, backends};

const FILE: &str = "Reference;Title;Company;Summary;City;Employment type\r\n\
R1;Rust Engineer;Acme;Build things;Berlin;Vollzeit\r\n\
R2;;Acme;No title;Köln;part_time\r\n\
R3;Go Engineer;Acme;Run things;Wien;Teilzeit\r\n";

async fn upload(app: &TestApp, bytes: &[u8], name: &str) -> crate::support::Response {
    let csrf = app.csrf("/admin/jobs/import").await;
    let parts = [
        Part::Text("_csrf", &csrf),
        Part::Text("encoding", ""),
        Part::File("file", name, "text/csv", bytes),
    ];
    app.post_parts("/admin/jobs/import", &parts).await
}

fn status_of(app: &TestApp, id: i64) -> String {
    app.with_conn(|c| imports::table.find(id).select(imports::status).first(c).unwrap())
}

#[actix_web::test]
async fn a_file_is_mapped_checked_and_imported_in_the_background() {
    for app in backends() {
        let b = app.backend;
        app.with_conn(|c| CompanyFactory::new().name("Acme").create(c));
        app.signed_in(AdminRole::Editor).await;
        let index = app.get("/admin/jobs").await.html();
        assert_eq!(index.attr("a[href='/admin/jobs/import']", "class"), "button secondary", "{b}");
        let form = app.get("/admin/jobs/import").await;
        assert_eq!(form.status, 200, "{b}");
        let res = upload(&app, FILE.as_bytes(), "jobs.csv").await;
        assert_eq!(res.status, 303, "{b}: {}", res.body);
        let page_url = res.header("location").unwrap().to_owned();
        let id: i64 = page_url.rsplit('/').next().unwrap().parse().unwrap();
        // The columns, guessed from their headers.
        let page = app.get(&page_url).await.html();
        let chosen =
            |column: usize| page.attr(&format!("#column-{column} option[selected]"), "value");
        assert_eq!(
            (0..6).map(chosen).collect::<Vec<_>>(),
            ["reference", "title", "company", "summary", "city", "employment_type"],
            "{b}"
        );
        // The dry run: nothing written, the failed row named.
        let csrf = app.csrf(&page_url).await;
        let mut fields: Vec<(String, String)> = vec![("_csrf".into(), csrf)];
        for (i, code) in ["reference", "title", "company", "summary", "city", "employment_type"]
            .iter()
            .enumerate()
        {
            fields.push((format!("column.{i}"), (*code).into()));
        }
        let pairs: Vec<(&str, &str)> =
            fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let res = app.post_form(&format!("/admin/imports/{id}/check"), &pairs).await;
        assert_eq!(res.status, 303, "{b}");
        let working = app.get(&page_url).await.html();
        assert_eq!(working.count("progress#import-progress"), 1, "{b}: the progress while it runs");
        app.work_until("the dry run", || status_of(&app, id) == "checked");
        let checked = app.get(&page_url).await;
        let html = checked.html();
        assert!(html.texts("#result-title")[0].contains("nothing was written"), "{b}");
        assert!(
            checked.body.contains("2 created") && checked.body.contains("1 failed"),
            "{b}: {}",
            checked.body
        );
        assert_eq!(html.texts("tbody th.number"), ["3"], "{b}: the row that failed");
        assert!(html.texts("tbody td li")[0].starts_with("Title (B): "), "{b}");
        assert_eq!(app.with_conn(|c| jobs::table.count().get_result::<i64>(c).unwrap()), 0, "{b}");
        // The failed rows as a workbook: the row as it was, its number and why.
        let book = app.get_bytes(&format!("/admin/imports/{id}/failures.xlsx")).await;
        let mut workbook: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(book)).unwrap();
        use calamine::Reader;
        let sheet = workbook.worksheet_range_at(0).unwrap().unwrap();
        let rows: Vec<Vec<String>> =
            sheet.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
        assert_eq!(rows.len(), 2, "{b}");
        assert_eq!(rows[0][6..], ["Row", "Why it failed"], "{b}");
        assert_eq!(rows[1][..3], ["R2", "", "Acme"], "{b}");
        assert_eq!(rows[1][6], "3", "{b}");
        // The import, writing the rows that pass.
        let csrf = app.csrf(&page_url).await;
        let res = app
            .post_form(&format!("/admin/imports/{id}/start"), &[("_csrf", &csrf), ("mode", "skip")])
            .await;
        assert_eq!(res.status, 303, "{b}");
        app.work_until("the import", || status_of(&app, id) == "done");
        let titles: Vec<String> =
            app.with_conn(|c| jobs::table.order(jobs::id).select(jobs::title).load(c).unwrap());
        assert_eq!(titles, ["Rust Engineer", "Go Engineer"], "{b}");
        let progress = app.get(&format!("/admin/imports/{id}/progress.json")).await.json();
        assert_eq!(progress["status"], "done", "{b}");
        assert_eq!(
            (progress["done"].as_i64(), progress["total"].as_i64()),
            (Some(3), Some(3)),
            "{b}"
        );
        // The next file with these headers starts from this mapping.
        let again = upload(&app, FILE.as_bytes(), "again.csv").await;
        let next = app.get(again.header("location").unwrap()).await.html();
        assert_eq!(next.attr("#column-5 option[selected]", "value"), "employment_type", "{b}");
    }
}

#[actix_web::test]
async fn files_that_cannot_be_imported_are_refused_in_the_users_language() {
    let app = TestApp::sqlite();
    let login = app.signed_in(AdminRole::Editor).await;
    let res = upload(&app, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "photo.csv").await;
    assert_eq!(res.status, 422, "{:?} {}", res.header("location"), res.body);
    assert_eq!(
        res.html().texts("#form-errors p"),
        ["This file is not a spreadsheet: use an XLSX, ODS or CSV file."]
    );
    let res = upload(&app, b"title;city\r\n", "empty.csv").await;
    assert_eq!(res.status, 422);
    assert!(res.body.contains("a header row but no rows"), "{}", res.body);
    assert_eq!(app.with_conn(|c| imports::table.count().get_result::<i64>(c).unwrap()), 0);
    // Another editor's import is not there for this one.
    let _ = login;
    app.with_conn(|c| CompanyFactory::new().name("Acme").create(c));
    let res = upload(&app, FILE.as_bytes(), "jobs.csv").await;
    let url = res.header("location").unwrap().to_owned();
    app.signed_in(AdminRole::Editor).await;
    assert_eq!(app.get(&url).await.status, 404);
    app.signed_in(AdminRole::Admin).await;
    assert_eq!(app.get(&url).await.status, 200, "administrators see every import");
}

#[actix_web::test]
async fn a_template_in_any_language_imports_as_it_is_filled_in() {
    use calamine::Reader;
    let app = TestApp::sqlite();
    app.with_conn(|c| CompanyFactory::new().name("Acme").create(c));
    app.signed_in(AdminRole::Editor).await;
    let page = app.get("/admin/jobs/import").await.html();
    assert!(
        page.attrs("#templates-title ~ ul a", "href")
            .contains(&"/admin/jobs/import/template.xlsx?lang=uk".to_owned())
    );
    let bytes = app.get_bytes("/admin/jobs/import/template.xlsx?lang=de").await;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let headers: Vec<String> = sheet.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(headers[..2], ["Referenz", "Titel"]);
    assert!(headers.contains(&"Titel [uk]".to_owned()), "{headers:?}");
    // Filled in under those headers, it imports.
    let value = |h: &str| match h {
        "Referenz" => "T1",
        "Titel" => "Vorlagen-Test",
        "Unternehmen" => "Acme",
        "Zusammenfassung" => "Aus der Vorlage",
        "Stadt" => "Berlin",
        _ => "",
    };
    let csv = format!(
        "{}\n{}\n",
        headers.join(";"),
        headers.iter().map(|h| value(h)).collect::<Vec<_>>().join(";")
    );
    let outcome = crate::import::import(
        &app,
        "jobs",
        csv.as_bytes(),
        hireboard::import::Mode::Skip,
        hireboard::i18n::Locale::DE,
    );
    assert!(outcome.failures.is_empty(), "{:?}", outcome.failures);
    assert_eq!(outcome.created, 1);
}

#[actix_web::test]
async fn a_run_whose_worker_died_says_so() {
    let app = TestApp::sqlite();
    let login = app.signed_in(AdminRole::Editor).await;
    let id = app.with_conn(|c| {
        use hireboard::models::ImportStatus;
        use hireboard::models::import;
        let id = crate::support::factories::import_record(c, login.id);
        import::advance(c, id, ImportStatus::Mapping, ImportStatus::Checking, &Default::default())
            .unwrap();
        id
    });
    let url = format!("/admin/imports/{id}");
    assert_eq!(app.get(&url).await.html().count("progress#import-progress"), 1, "still going");
    // Eleven minutes without progress.
    app.with_conn(|c| {
        let then = hireboard::db::now() - chrono::TimeDelta::minutes(11);
        diesel::update(imports::table.find(id))
            .set(imports::updated_at.eq(then))
            .execute(c)
            .unwrap();
    });
    let page = app.get(&url).await.html();
    assert_eq!(page.count("progress#import-progress"), 0);
    assert_eq!(page.texts("[role=alert] p")[0], "The run stopped before it ended: start it again.");
    assert_eq!(status_of(&app, id), "failed");
}

#[actix_web::test]
async fn imports_past_their_retention_go_with_their_files() {
    let app = TestApp::sqlite();
    let admin = app.with_conn(|c| crate::support::AdminFactory::new().create(c).id);
    let (old, fresh) = app.with_conn(|c| {
        let old = crate::support::factories::import_record(c, admin);
        let fresh = crate::support::factories::import_record(c, admin);
        let long_ago = hireboard::db::now() - chrono::Duration::days(31);
        diesel::update(imports::table.find(old))
            .set(imports::updated_at.eq(long_ago))
            .execute(c)
            .unwrap();
        (old, fresh)
    });
    let key = |id: i64| -> String {
        app.with_conn(|c| imports::table.find(id).select(imports::file_key).first(c).unwrap())
    };
    let (old_key, fresh_key) = (key(old), key(fresh));
    for stored in [&old_key, &fresh_key] {
        app.state.storage.put(stored, FILE.as_bytes().to_vec()).await.unwrap();
        // Stored long enough ago that the purge's grace period is over for both.
        let path = app.state.config.data_dir.join("uploads").join(stored);
        let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(two_hours_ago)
            .unwrap();
    }
    app.with_conn(|c| {
        use hireboard::tasks::Task;
        hireboard::tasks::purge_uploads::PurgeUploads.enqueue(c).unwrap()
    });
    let gone =
        || app.with_conn(|c| imports::table.find(old).count().get_result::<i64>(c).unwrap()) == 0;
    app.work_until("the old import's removal", gone);
    let dir = app.state.config.data_dir.join("uploads/imports");
    app.work_until("the old file's removal", || std::fs::read_dir(&dir).unwrap().count() == 1);
    assert_eq!(app.stored("imports").await, [fresh_key]);
    assert_eq!(status_of(&app, fresh), "mapping");
}

#[actix_web::test]
async fn the_list_of_imports_shows_users_their_own_and_admins_everyones() {
    let app = TestApp::sqlite();
    let editor = app.signed_in(AdminRole::Editor).await;
    let other = app.with_conn(|c| crate::support::AdminFactory::new().create(c).id);
    let (mine, theirs) = app.with_conn(|c| {
        (
            crate::support::factories::import_record(c, editor.id),
            crate::support::factories::import_record(c, other),
        )
    });
    let links = |page: &crate::support::Html| page.attrs(".index-table tbody a", "href");
    let page = app.get("/admin/imports").await;
    assert_eq!(page.status, actix_web::http::StatusCode::OK);
    assert_eq!(links(&page.html()), [format!("/admin/imports/{mine}")]);
    // Someone else's import is not there to open either.
    let status = app.get(&format!("/admin/imports/{theirs}")).await.status;
    assert_eq!(status, actix_web::http::StatusCode::NOT_FOUND);
    let _admin = app.signed_in(AdminRole::Admin).await;
    let mut seen = links(&app.get("/admin/imports").await.html());
    seen.sort();
    assert_eq!(seen, [format!("/admin/imports/{mine}"), format!("/admin/imports/{theirs}")]);
    // The upload page leads to the list.
    let upload = app.get("/admin/jobs/import").await.html();
    assert_eq!(upload.attrs(".page-header a", "href"), ["/admin/imports"]);
}
