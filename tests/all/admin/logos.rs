//! Company logos in the back office: checked by content, re-encoded, served with long cache
//! headers, thumbnails made by a task, removed with their versions.

use actix_web::http::StatusCode;
use diesel::prelude::*;
use hireboard::db::schema::{companies, tasks};

use crate::support::{AdminFactory, CompanyFactory, TestApp, backends};

fn png(width: u32, height: u32) -> Vec<u8> {
    let image = image::DynamicImage::new_rgb8(width, height);
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// Submits the company's edit form as a browser would, with `file` as the logo and
/// `extra` fields (like the remove box).
async fn save(
    app: &TestApp,
    id: i64,
    file: Option<(&str, &[u8])>,
    extra: &[(&str, &str)],
) -> crate::support::app::Response {
    let page = app.get(&format!("/admin/companies/{id}/edit")).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.html();
    let action = format!("/admin/companies/{id}");
    let mut fields = html.form(&format!("form[action='{action}']"));
    fields.retain(|(k, _)| k != "logo" && k != "logo._remove");
    let mut fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    fields.extend_from_slice(extra);
    let files: Vec<(&str, &str, &str, &[u8])> = file
        .iter()
        .map(|(name, bytes)| ("logo", *name, "image/png", *bytes))
        .collect();
    app.post_multipart(&action, &fields, &files).await
}

fn logo_of(app: &TestApp, id: i64) -> (Option<String>, bool) {
    app.with_conn(|c| {
        companies::table
            .find(id)
            .select((companies::logo_key, companies::logo_versions))
            .first(c)
            .unwrap()
    })
}

async fn stored(app: &TestApp) -> Vec<String> {
    let mut files: Vec<String> = app
        .state
        .storage
        .list("logos")
        .await
        .unwrap()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    files.sort();
    files
}

#[actix_web::test]
async fn a_logo_is_checked_served_resized_by_a_task_and_removed_with_its_versions() {
    for app in backends() {
        let id = app.with_conn(|c| CompanyFactory::new().name("Acme Robotics").create(c).id);
        let admin = app.with_conn(|c| AdminFactory::new().create(c));
        app.sign_in_as(&admin).await;

        // A PDF named .png, and an SVG: refused beside the field, nothing stored.
        let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
        let res = save(&app, id, Some(("logo.png", pdf)), &[]).await;
        assert_eq!(
            res.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            app.backend
        );
        assert!(
            res.html()
                .text("#f-logo-error")
                .contains("PNG, JPEG, WebP or GIF")
        );
        let svg = b"<svg xmlns='http://www.w3.org/2000/svg'><script>x</script></svg>";
        let res = save(&app, id, Some(("logo.svg", svg)), &[]).await;
        assert!(res.html().text("#f-logo-error").contains("SVG"));
        assert_eq!(logo_of(&app, id), (None, false));
        assert!(stored(&app).await.is_empty());

        // A real image: stored under a new name, re-encoded, served with a year of caching.
        let res = save(&app, id, Some(("../../logo.png", &png(600, 300))), &[]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let (key, ready) = logo_of(&app, id);
        let key = key.expect("a logo");
        assert!(!ready);
        assert!(
            key.starts_with("logos/") && !key.contains("logo.png"),
            "{key}"
        );
        let served = app.get(&format!("/uploads/{key}")).await;
        assert_eq!(served.status, StatusCode::OK);
        assert_eq!(served.header("content-type"), Some("image/png"));
        assert_eq!(served.header("x-content-type-options"), Some("nosniff"));
        assert!(
            served
                .header("cache-control")
                .unwrap()
                .contains("immutable")
        );
        let queued: i64 = app.with_conn(|c| {
            tasks::table
                .filter(tasks::kind.eq("logo_versions"))
                .count()
                .get_result(c)
                .unwrap()
        });
        assert_eq!(queued, 1);

        // The task makes the versions.
        let handle = app.worker(None, 1);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while !logo_of(&app, id).1 {
            assert!(
                std::time::Instant::now() < deadline,
                "no versions were made"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        handle.shutdown();
        let stem = key.trim_end_matches(".png");
        assert_eq!(
            stored(&app).await,
            // `-` sorts before `.`: the versions come first.
            [
                format!("{stem}-medium.png"),
                format!("{stem}-thumb.png"),
                key.clone(),
            ]
        );
        let thumb = app.get_bytes(&format!("/uploads/{stem}-thumb.png")).await;
        let thumb = image::load_from_memory(&thumb).unwrap();
        assert_eq!((thumb.width(), thumb.height()), (64, 32));
        // The form shows the current logo.
        let form = app.get(&format!("/admin/companies/{id}/edit")).await;
        assert!(form.body.contains(&format!("/uploads/{key}")));

        // Removing it removes the logo and its versions.
        let res = save(&app, id, None, &[("logo._remove", "1")]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(logo_of(&app, id).0, None);
        assert!(stored(&app).await.is_empty(), "{:?}", stored(&app).await);
        assert_eq!(
            app.get(&format!("/uploads/{key}")).await.status,
            StatusCode::NOT_FOUND
        );
    }
}

#[actix_web::test]
async fn saving_without_a_file_keeps_the_logo_and_guessed_names_are_not_found() {
    let app = TestApp::sqlite();
    let id = app.with_conn(|c| CompanyFactory::new().create(c).id);
    let admin = app.with_conn(|c| AdminFactory::new().create(c));
    app.sign_in_as(&admin).await;
    let res = save(&app, id, Some(("a.png", &png(10, 10))), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let key = logo_of(&app, id).0.unwrap();
    let res = save(&app, id, None, &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(logo_of(&app, id).0, Some(key));
    for path in [
        "/uploads/logos/..%2F..%2Fsecret_key",
        "/uploads/logos/0123456789abcdef0123456789abcdef.png",
        "/uploads/cvs/0123456789abcdef0123456789abcdef.pdf",
    ] {
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
}
