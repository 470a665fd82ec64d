//! CVs on the apply form: recognized by content, stored under a generated key, downloadable
//! only from the admin by those who may read applications, gone with the application.

use actix_web::http::StatusCode;
use diesel::prelude::*;
use hireboard::db::schema::applications;
use hireboard::models::AdminRole;

use crate::support::{AdminFactory, CompanyFactory, JobFactory, TestApp, backends};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<<>>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

fn posting(app: &TestApp) -> String {
    app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        JobFactory::new(&co).title("Harbour Pilot").create(c).slug
    })
}

/// Submits the apply form of `slug` in German with `file` as the CV.
async fn apply_with(
    app: &TestApp,
    slug: &str,
    email: &str,
    file: (&str, &[u8]),
) -> crate::support::app::Response {
    let token =
        app.get(&format!("/de/jobs/{slug}")).await.html().attr("input[name=csrf_token]", "value");
    app.post_multipart(
        &format!("/de/jobs/{slug}/apply"),
        &[
            ("csrf_token", token.as_str()),
            ("name", "Ada Lovelace"),
            ("email", email),
            ("cover_letter", "Engines."),
            ("consent", "yes"),
        ],
        &[("cv", file.0, "application/octet-stream", file.1)],
    )
    .await
}

/// (key, name, type, size) of an application's CV.
type CvColumns = (Option<String>, Option<String>, Option<String>, Option<i64>);

fn cvs(app: &TestApp) -> Vec<CvColumns> {
    app.with_conn(|c| {
        applications::table
            .order(applications::id.asc())
            .select((
                applications::cv_key,
                applications::cv_name,
                applications::cv_type,
                applications::cv_size,
            ))
            .load(c)
            .unwrap()
    })
}

#[actix_web::test]
async fn a_pdf_cv_is_stored_privately_and_only_readers_download_it() {
    for app in backends() {
        let slug = posting(&app);
        // The name says PNG; the content is a PDF: the content decides.
        let res = apply_with(&app, &slug, "ada@example.org", ("../../etc/cv.png", PDF)).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let rows = cvs(&app);
        let (key, name, kind, size) = rows[0].clone();
        let key = key.expect("a stored CV");
        assert!(key.starts_with("cvs/") && key.ends_with(".pdf"), "{key}");
        assert!(!key.contains("cv.png"));
        assert_eq!(name.as_deref(), Some("cv.png"));
        assert_eq!(kind.as_deref(), Some("application/pdf"));
        assert_eq!(size, Some(PDF.len() as i64));
        assert_eq!(app.stored("cvs").await, std::slice::from_ref(&key));
        let id: i64 =
            app.with_conn(|c| applications::table.select(applications::id).first(c).unwrap());
        let url = format!("/admin/applications/{id}/cv");

        // Anonymous: forbidden, whether or not the application exists.
        let res = app.get(&url).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        assert!(!res.body.contains("%PDF"));
        let missing = format!("/admin/applications/{}/cv", id + 1000);
        assert_eq!(app.get(&missing).await.status, StatusCode::FORBIDDEN);
        // A translator may not read applications.
        let translator =
            app.with_conn(|c| AdminFactory::new().role(AdminRole::Translator).create(c));
        app.sign_in_as(&translator).await;
        assert_eq!(app.get(&url).await.status, StatusCode::FORBIDDEN);
        app.clear_cookies();
        // A viewer may, as an attachment the browser will not sniff or render.
        let _viewer = app.signed_in(AdminRole::Viewer).await;
        let show = app.get(&format!("/admin/applications/{id}")).await;
        assert!(show.body.contains(&url), "{}", show.body);
        assert!(!show.body.contains(&key), "the storage key stays private");
        let res = app.get(&url).await;
        assert_eq!(res.status, StatusCode::OK, "{}", app.backend);
        assert_eq!(res.body.as_bytes(), PDF);
        assert_eq!(res.header("content-type"), Some("application/pdf"));
        assert_eq!(res.header("x-content-type-options"), Some("nosniff"));
        let disposition = res.header("content-disposition").unwrap();
        assert!(disposition.starts_with("attachment"), "{disposition}");
        // Named for what it is: the PDF sent as `cv.png` downloads as `cv.pdf`.
        assert!(disposition.contains("cv.pdf") && !disposition.contains(".."), "{disposition}");
        assert_eq!(
            app.get(&format!("/admin/applications/{}/cv", id + 1000)).await.status,
            StatusCode::NOT_FOUND
        );
    }
}

#[actix_web::test]
async fn wrong_empty_broken_and_large_cvs_are_refused_beside_the_field_and_nothing_is_kept() {
    let app = TestApp::sqlite();
    let slug = posting(&app);
    let cases: [(&str, &[u8], &str); 3] = [
        ("cv.pdf", PNG, "kein PDF-, DOCX- oder ODT-Dokument"),
        ("cv.pdf", b"", "leer"),
        ("cv.pdf", b"%PDF-1.4\n1 0 obj<< /Length 40", "beschädigt"),
    ];
    for (name, bytes, message) in cases {
        let res = apply_with(&app, &slug, "ada@example.org", (name, bytes)).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        let page = res.html();
        assert!(page.text("#apply-cv-error").contains(message), "{}", page.text("#apply-cv-error"));
        assert_eq!(page.attr("#apply-name", "value"), "Ada Lovelace");
        assert_eq!(page.attr("#apply-email", "value"), "ada@example.org");
    }
    // Past 10 MB: the reading stops at the limit; what came before the file is kept.
    let big = vec![b'%'; hireboard::uploads::cv::MAX_BYTES + 1];
    let res = apply_with(&app, &slug, "ada@example.org", ("cv.pdf", &big)).await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(res.html().text("#apply-cv-error").contains("10 MB"));
    assert_eq!(res.html().attr("#apply-name", "value"), "Ada Lovelace");
    assert!(cvs(&app).is_empty());
    assert!(app.stored("cvs").await.is_empty());
}

#[actix_web::test]
async fn a_cv_goes_with_its_application_and_orphans_are_purged() {
    let app = TestApp::sqlite();
    let slug = posting(&app);
    let res = apply_with(&app, &slug, "ada@example.org", ("cv.pdf", PDF)).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    // Applying twice: the second application is refused and its file not kept.
    let res = apply_with(&app, &slug, "ada@example.org", ("other.pdf", PDF)).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(app.stored("cvs").await.len(), 1);
    // The applicant's "delete my data" link removes the file with the row.
    let id: i64 = app.with_conn(|c| applications::table.select(applications::id).first(c).unwrap());
    let token = hireboard::mail::signed::token(
        &app.state.config.secret_key,
        hireboard::mail::application::FORGET,
        id,
    );
    let link = format!("/de/applications/{id}/forget?token={token}");
    let csrf = app.get(&link).await.html().attr("input[name=csrf_token]", "value");
    let res =
        app.post_form(&link, &[("csrf_token", csrf.as_str()), ("token", token.as_str())]).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(cvs(&app).is_empty());
    assert!(app.stored("cvs").await.is_empty());

    // A file nothing refers to (its row deleted another way) goes after the grace period.
    app.state.storage.put("cvs/orphan0000000000000000000000000.pdf", PDF.to_vec()).await.unwrap();
    app.state.storage.put("cvs/fresh00000000000000000000000000.pdf", PDF.to_vec()).await.unwrap();
    let dir = app.state.config.data_dir.join("uploads/cvs");
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 3600);
    std::fs::File::options()
        .write(true)
        .open(dir.join("orphan0000000000000000000000000.pdf"))
        .unwrap()
        .set_modified(old)
        .unwrap();
    app.with_conn(|c| {
        use hireboard::tasks::Task;
        hireboard::tasks::purge_uploads::PurgeUploads.enqueue(c).unwrap()
    });
    app.work_until("purging the orphan", || std::fs::read_dir(&dir).unwrap().count() == 1);
    assert_eq!(app.stored("cvs").await, ["cvs/fresh00000000000000000000000000.pdf"]);
}

#[actix_web::test]
async fn applications_untouched_past_the_retention_period_go_with_their_cvs_and_notes() {
    use hireboard::db::schema::{admin_comments, audit_log};
    let app = TestApp::sqlite();
    assert_eq!(app.state.config.application_retention_days, 730);
    let slug = posting(&app);
    for email in ["old@example.org", "new@example.org"] {
        let res = apply_with(&app, &slug, email, ("cv.pdf", PDF)).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
    }
    let ids: Vec<(i64, String)> = app.with_conn(|c| {
        applications::table
            .order(applications::id.asc())
            .select((applications::id, applications::email))
            .load(c)
            .unwrap()
    });
    let (old, new) = (ids[0].0, ids[1].0);
    let _admin = app.signed_in(AdminRole::Admin).await;
    for id in [old, new] {
        let res = app
            .post_admin(
                &format!("/admin/applications/{id}/comments"),
                &[("body", "Strong on engines.")],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
    }
    // Last touched 731 days ago, one day past the retention period.
    app.with_conn(|c| {
        diesel::update(applications::table.find(old))
            .set(applications::updated_at.eq(hireboard::db::now() - chrono::TimeDelta::days(731)))
            .execute(c)
            .unwrap()
    });
    let new_cv = cvs(&app)[1].0.clone().unwrap();
    app.with_conn(|c| {
        use hireboard::tasks::Task;
        hireboard::tasks::purge_applications::PurgeApplications.enqueue(c).unwrap()
    });
    app.work_until("deleting the old application", || {
        app.with_conn(|c| applications::table.count().get_result::<i64>(c).unwrap()) == 1
    });
    let left: Vec<i64> =
        app.with_conn(|c| applications::table.select(applications::id).load(c).unwrap());
    assert_eq!(left, [new]);
    assert_eq!(app.stored("cvs").await, [new_cv]);
    let notes: Vec<i64> = app.with_conn(|c| {
        admin_comments::table
            .filter(admin_comments::resource.eq("applications"))
            .select(admin_comments::record_id)
            .load(c)
            .unwrap()
    });
    assert_eq!(notes, [new]);
    // The audit log says it happened, and by what, without the applicant's name.
    let entry: (String, String) = app.with_conn(|c| {
        audit_log::table
            .filter(audit_log::resource.eq("applications"))
            .filter(audit_log::record_id.eq(old))
            .filter(audit_log::action.eq("delete"))
            .select((audit_log::actor, audit_log::record_label))
            .first(c)
            .unwrap()
    });
    assert_eq!(entry, ("retention".to_owned(), format!("#{old}")));
    // The register of erasures records it for the person, under a reference, not the address.
    let secret = app.state.config.secret_key.clone();
    let register: Vec<(String, String, String, i32)> = app.with_conn(|c| {
        use hireboard::db::schema::data_requests;
        data_requests::table
            .select((
                data_requests::kind,
                data_requests::origin,
                data_requests::subject,
                data_requests::application_count,
            ))
            .load(c)
            .unwrap()
    });
    let person = hireboard::privacy::register::subject(&secret, "old@example.org");
    assert_eq!(register, [("erasure".to_owned(), "retention".to_owned(), person, 1)]);
}
