//! The Nu HTML checker (npm `vnu-jar`, run with Java) on the public pages and the back
//! office's, as rendered: zero errors is the bar. Needs `npm ci --prefix tests/tools` and a
//! Java runtime: skipped with a note without them, except in CI.

use std::path::PathBuf;
use std::process::Command;

use hireboard::models::AdminRole;

use crate::support::factories::text;
use crate::support::{ApplicationFactory, CompanyFactory, JobFactory, TestApp};

fn checker() -> Option<PathBuf> {
    let jar = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/tools/node_modules/vnu-jar/build/dist/vnu.jar");
    let java = Command::new("java").arg("-version").output().is_ok_and(|o| o.status.success());
    if jar.exists() && java {
        return Some(jar);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must install the Nu HTML checker (npm ci --prefix tests/tools) and Java"
    );
    eprintln!("note: HTML validation skipped: run npm ci --prefix tests/tools, and install Java");
    None
}

/// Every error the checker finds in `pages` (path, body), as "path: line: message".
fn errors(jar: &PathBuf, pages: &[(String, String)]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = pages
        .iter()
        .enumerate()
        .map(|(i, (_, body))| {
            let file = dir.path().join(format!("page-{i}.html"));
            std::fs::write(&file, body).unwrap();
            file
        })
        .collect();
    let out = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .args(["--format", "json", "--exit-zero-always", "--stdout"])
        .args(&files)
        .output()
        .expect("run the Nu HTML checker");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("the checker's report: {e}: {}", String::from_utf8_lossy(&out.stderr))
    });
    report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["type"] == "error")
        .map(|m| {
            let url = m["url"].as_str().unwrap_or_default();
            let n: usize = url
                .rsplit("page-")
                .next()
                .and_then(|s| s.trim_end_matches(".html").parse().ok())
                .unwrap_or(usize::MAX);
            let page = pages.get(n).map_or(url, |(path, _)| path.as_str());
            format!("{page}: line {}: {}", m["lastLine"], m["message"].as_str().unwrap_or_default())
        })
        .collect()
}

async fn page(app: &TestApp, path: &str) -> (String, String) {
    let res = app.get(path).await;
    assert!(res.status == 200, "{path}: {}", res.status);
    (path.to_owned(), res.body)
}

#[actix_web::test]
async fn public_and_back_office_pages_have_no_html_errors() {
    let Some(jar) = checker() else { return };
    let app = TestApp::sqlite();
    let (company, job, job_id, extend, recruiter, applied) = app.with_conn(|c| {
        let co = CompanyFactory::new().name("Validator & Sons").create(c);
        let job = JobFactory::new(&co)
            .title("Checker <of> markup")
            .skills(&["HTML", "Rust"])
            .translation(hireboard::i18n::Locale::DE, text("Prüferin"))
            .create(c);
        JobFactory::new(&co).title("Remote tester").remote_countries(&["DE"]).create(c);
        let applied = ApplicationFactory::new(job.id).name("Ada").create(c).id;
        crate::support::PlaceFactory::new("Munich", "DE", (48.137, 11.575))
            .name_in(hireboard::i18n::Locale::DE, "München")
            .create(c);
        let recruiter = crate::support::AdminFactory::new().recruiter(&[co.id]).create(c);
        let extend = hireboard::tasks::expiry_reminders::extend_url(
            &app.state.config,
            hireboard::i18n::Locale::EN,
            job.id,
            job.valid_through.unwrap(),
            recruiter.id,
        );
        (co.slug, job.slug, job.id, extend, recruiter, applied)
    });
    app.refresh_search();
    let extend = extend.trim_start_matches(&app.state.config.base_url).to_owned();
    let mut pages = Vec::new();
    for path in [
        "/en/".to_owned(),
        "/en/jobs".to_owned(),
        "/de/jobs?q=zzz&workplace=remote".to_owned(),
        "/uk/jobs?near=52.52,13.4&radius=10&sort=distance".to_owned(),
        format!("/en/jobs/{job}"),
        format!("/de/jobs/{job}"),
        format!("/en/jobs/{job}/applied"),
        format!("/en/companies/{company}"),
        "/en/alerts/new?skill=rust".to_owned(),
        "/en/employers/sign-up".to_owned(),
        hireboard::mail::application::links(
            "",
            &app.state.config.secret_key,
            hireboard::i18n::Locale::EN,
            applied,
        )
        .export,
        extend,
        "/admin/login".to_owned(),
    ] {
        pages.push(page(&app, &path).await);
    }
    let login = app.signed_in(AdminRole::Admin).await;
    let request = app.with_conn(|c| {
        let now = hireboard::db::now();
        let asked = hireboard::privacy::register::AccessRequest {
            secret: b"validator",
            email: "ada@example.org",
            application_id: applied,
            application_count: 1,
            locale: "en",
            now,
            expires_at: now + chrono::TimeDelta::days(7),
        };
        hireboard::privacy::register::record_access(c, &asked).unwrap()
    });
    let [mapping, checked, running] = app.with_conn(|c| {
        use hireboard::models::ImportStatus;
        use hireboard::models::import::{self, Finished, Progress, ShownFailure};
        let ids = [0, 1, 2].map(|_| crate::support::factories::import_record(c, login.id));
        let failures =
            [ShownFailure { row: 3, reasons: vec!["Title (B): This field is required.".into()] }];
        let progress = Progress { total: 3, done: 3, created: 2, failed: 1, ..Default::default() };
        let finished = Finished {
            status: ImportStatus::Checked,
            progress,
            failures: &failures,
            failures_key: Some("imports/x-failures.xlsx"),
            error: None,
            committed: false,
        };
        import::finish(c, ids[1], &finished).unwrap();
        import::advance(
            c,
            ids[2],
            ImportStatus::Mapping,
            ImportStatus::Checking,
            &Default::default(),
        )
        .unwrap();
        ids
    });
    let feed = app.with_conn(|c| {
        let company = crate::support::CompanyFactory::new().create(c).id;
        let url = "https://ats.example.test/jobs.json";
        let feed = crate::support::factories::feed_source(c, company, url, "greenhouse");
        let run = hireboard::feed_sources::RunLog {
            ok: true,
            postings: 2,
            created: 1,
            failed: 1,
            failures: vec![hireboard::feed_sources::RefusedPosting {
                reference: "77".into(),
                reasons: vec!["Summary: This field is required.".into()],
            }],
            ..Default::default()
        };
        hireboard::feed_sources::log_run(c, feed, hireboard::db::now(), 90, &run).unwrap();
        feed
    });
    // In review, for the review pages (after the public pages, which show it).
    app.with_conn(|c| {
        use diesel::prelude::*;
        use hireboard::db::schema::jobs;
        diesel::update(jobs::table.find(job_id))
            .set(jobs::status.eq("pending_review"))
            .execute(c)
            .unwrap();
    });
    for path in [
        "/admin/jobs/import".to_owned(),
        format!("/admin/imports/{mapping}"),
        format!("/admin/imports/{checked}"),
        format!("/admin/imports/{running}"),
        "/admin".to_owned(),
        "/admin/jobs".to_owned(),
        "/admin/jobs/new".to_owned(),
        format!("/admin/jobs/{job_id}"),
        format!("/admin/jobs/{job_id}/edit"),
        "/admin/companies".to_owned(),
        "/admin/applications".to_owned(),
        "/admin/applications/board".to_owned(),
        "/admin/skills".to_owned(),
        "/admin/places".to_owned(),
        "/admin/places/new".to_owned(),
        "/admin/audit_log".to_owned(),
        "/admin/admin_users".to_owned(),
        "/admin/admin_users/new".to_owned(),
        "/admin/tasks/overview".to_owned(),
        "/admin/account/two-factor".to_owned(),
        "/admin/search?q=checker".to_owned(),
        "/admin/webhooks".to_owned(),
        "/admin/webhooks/new".to_owned(),
        "/admin/feed_sources".to_owned(),
        "/admin/feed_sources/new".to_owned(),
        format!("/admin/feed_sources/{feed}"),
        "/admin/imports".to_owned(),
        "/admin/api_tokens".to_owned(),
        "/admin/translations".to_owned(),
        "/admin/translations/uk?state=done&file=jobs.ftl".to_owned(),
        "/admin/translations/uk/search-total".to_owned(),
        "/admin/review".to_owned(),
        format!("/admin/review/{job_id}"),
        format!("/admin/jobs/{job_id}/stats"),
        "/admin/data_requests".to_owned(),
        format!("/admin/applications/{applied}/erase"),
        format!("/admin/data_requests/{request}"),
    ] {
        pages.push(page(&app, &path).await);
    }
    // The readable copy of an applicant's data, as the ZIP carries it.
    pages.push(app.with_conn(|c| {
        let email: String = {
            use diesel::prelude::*;
            use hireboard::db::schema::applications;
            applications::table.find(applied).select(applications::email).first(c).unwrap()
        };
        let export =
            hireboard::privacy::export::Export::load(c, &email, hireboard::db::now()).unwrap();
        let tr = app.state.tr(hireboard::i18n::Locale::UK);
        ("applications.html".to_owned(), export.html(tr).unwrap())
    }));
    // A recruiter's own pages.
    app.clear_cookies();
    app.sign_in_as(&recruiter).await;
    pages.push(page(&app, "/admin/team").await);
    let found = errors(&jar, &pages);
    assert!(found.is_empty(), "{} HTML errors:\n{}", found.len(), found.join("\n"));
}
