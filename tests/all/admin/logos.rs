//! Company logos in the back office: checked by content, re-encoded, served with long cache
//! headers, thumbnails made by a task, removed with their versions.

use actix_web::http::StatusCode;
use diesel::prelude::*;
use hireboard::db::schema::{companies, tasks};

use crate::support::app::Part;
use crate::support::{CompanyFactory, JobFactory, TestApp, backends};
use hireboard::models::AdminRole;

fn png(width: u32, height: u32) -> Vec<u8> {
    let image = image::DynamicImage::new_rgb8(width, height);
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A PNG's signature and header, declaring `width` × `height`, without pixel data.
fn declared_png(width: u32, height: u32) -> Vec<u8> {
    let mut out = png(1, 1);
    // The IHDR chunk's width and height follow the 8-byte signature, length and type.
    out[16..20].copy_from_slice(&width.to_be_bytes());
    out[20..24].copy_from_slice(&height.to_be_bytes());
    out.truncate(33);
    out
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
    let fields = html.form(&format!("form[action='{action}']"));
    // In document order, the file where its input is, as a browser sends them.
    let mut parts = Vec::new();
    for (k, v) in &fields {
        match k.as_str() {
            "logo._remove" => {}
            "logo" => {
                if let Some((name, bytes)) = file {
                    parts.push(Part::File("logo", name, "image/png", bytes));
                }
            }
            _ => parts.push(Part::Text(k, v)),
        }
    }
    for (k, v) in extra {
        parts.push(Part::Text(k, v));
    }
    app.post_parts(&action, &parts).await
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

#[actix_web::test]
async fn a_logo_is_checked_served_resized_by_a_task_and_removed_with_its_versions() {
    for app in backends() {
        let id = app.with_conn(|c| CompanyFactory::new().name("Acme Robotics").create(c).id);
        let _admin = app.signed_in(AdminRole::Admin).await;

        // A PDF named .png, and an SVG: refused beside the field, nothing stored.
        let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
        let res = save(&app, id, Some(("logo.png", pdf)), &[]).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", app.backend);
        assert!(res.html().text("#f-logo-error").contains("PNG, JPEG, WebP or GIF"));
        let svg = b"<svg xmlns='http://www.w3.org/2000/svg'><script>x</script></svg>";
        let res = save(&app, id, Some(("logo.svg", svg)), &[]).await;
        assert!(res.html().text("#f-logo-error").contains("SVG"));
        // 33 bytes that declare 20,000 × 20,000 pixels: refused from the header.
        let res = save(&app, id, Some(("bomb.png", &declared_png(20_000, 20_000))), &[]).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            res.html().text("#f-logo-error").contains("4096 × 4096"),
            "{}",
            res.html().text("#f-logo-error")
        );
        // What was typed stays.
        assert_eq!(res.html().attr("#f-name", "value"), "Acme Robotics");
        // Past 5 MB the reading stops at the limit, with the same kind of answer.
        let big = vec![0u8; hireboard::uploads::logo::MAX_BYTES + 1];
        let res = save(&app, id, Some(("big.png", &big)), &[]).await;
        assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
        let page = res.html();
        assert!(page.text("#f-logo-error").contains("5 MB"));
        assert_eq!(page.attr("#f-name", "value"), "Acme Robotics");
        // The fields after the file were not read: they show what is saved, not nothing.
        let description = app.with_conn(|c| {
            companies::table.find(id).select(companies::description).first::<String>(c).unwrap()
        });
        assert!(!description.is_empty());
        assert_eq!(page.text("#f-description"), description);
        // An empty file.
        let res = save(&app, id, Some(("empty.png", b"")), &[]).await;
        assert!(res.html().text("#f-logo-error").contains("empty"));
        assert_eq!(logo_of(&app, id), (None, false));
        assert!(app.stored("logos").await.is_empty());

        // A real image: stored under a new name, re-encoded, served with a year of caching.
        let res = save(&app, id, Some(("../../logo.png", &png(600, 300))), &[]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let (key, ready) = logo_of(&app, id);
        let key = key.expect("a logo");
        assert!(!ready);
        assert!(key.starts_with("logos/") && !key.contains("logo.png"), "{key}");
        let served = app.get(&format!("/uploads/{key}")).await;
        assert_eq!(served.status, StatusCode::OK);
        assert_eq!(served.header("content-type"), Some("image/png"));
        assert_eq!(served.header("x-content-type-options"), Some("nosniff"));
        assert!(served.header("cache-control").unwrap().contains("immutable"));
        let queued: i64 = app.with_conn(|c| {
            tasks::table.filter(tasks::kind.eq("logo_versions")).count().get_result(c).unwrap()
        });
        assert_eq!(queued, 1);

        // Until the versions are made, the form shows the original.
        let form = app.get(&format!("/admin/companies/{id}/edit")).await;
        assert_eq!(form.html().attr(".image-current img", "src"), format!("/uploads/{key}"));

        // The task makes the versions.
        app.work_until("making the versions", || logo_of(&app, id).1);
        let stem = key.trim_end_matches(".png");
        assert_eq!(
            app.stored("logos").await,
            // `-` sorts before `.`: the versions come first.
            [format!("{stem}-medium.png"), format!("{stem}-thumb.png"), key.clone(),]
        );
        let thumb = app.get_bytes(&format!("/uploads/{stem}-thumb.png")).await;
        let thumb = image::load_from_memory(&thumb).unwrap();
        assert_eq!((thumb.width(), thumb.height()), (64, 32));
        // The form shows the current logo, from its medium version now that it is made.
        let form = app.get(&format!("/admin/companies/{id}/edit")).await;
        assert_eq!(
            form.html().attr(".image-current img", "src"),
            format!("/uploads/{stem}-medium.png")
        );

        // Removing it removes the logo and its versions.
        let res = save(&app, id, None, &[("logo._remove", "1")]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(logo_of(&app, id).0, None);
        assert!(app.stored("logos").await.is_empty(), "{:?}", app.stored("logos").await);
        assert_eq!(app.get(&format!("/uploads/{key}")).await.status, StatusCode::NOT_FOUND);
    }
}

#[actix_web::test]
async fn saving_without_a_file_keeps_the_logo_and_guessed_names_are_not_found() {
    let app = TestApp::sqlite();
    let id = app.with_conn(|c| CompanyFactory::new().create(c).id);
    let _admin = app.signed_in(AdminRole::Admin).await;
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

#[actix_web::test]
async fn the_logo_shows_on_the_public_pages_and_in_the_admin() {
    let app = TestApp::sqlite();
    let company = app.with_conn(|c| CompanyFactory::new().name("Acme Robotics").create(c));
    let slug = app.with_conn(|c| JobFactory::new(&company).title("Robot whisperer").create(c).slug);
    let _admin = app.signed_in(AdminRole::Admin).await;
    // No logo yet: no image anywhere.
    app.refresh_search();
    let page = app.get("/en/jobs").await;
    assert!(!page.body.contains("/uploads/logos/"));

    let res = save(&app, company.id, Some(("acme.png", &png(300, 300))), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let key = logo_of(&app, company.id).0.unwrap();
    // Until the task has run, the pages show the original, scaled by the browser.
    app.refresh_search();
    let cards = app.get("/en/jobs").await.html();
    assert_eq!(cards.attr(".job-card-company img", "src"), format!("/uploads/{key}"));

    app.work_until("making the versions", || logo_of(&app, company.id).1);
    app.refresh_search();
    let stem = key.trim_end_matches(".png");
    let thumb = format!("/uploads/{stem}-thumb.png");
    let medium = format!("/uploads/{stem}-medium.png");

    // Result cards: the thumbnail, decorative beside the company's name.
    let cards = app.get("/en/jobs").await.html();
    assert_eq!(cards.attr(".job-card-company img", "src"), thumb.clone());
    assert_eq!(cards.attr(".job-card-company img", "alt"), String::new());
    // The company page: the medium version.
    let page = app.get(&format!("/en/companies/{}", company.slug)).await.html();
    assert_eq!(page.attr(".company-header img", "src"), medium.clone());
    // The posting: the thumbnail beside the company, the medium version for Google.
    let job = app.get(&format!("/en/jobs/{slug}")).await;
    assert_eq!(job.html().attr(".job-company-name img", "src"), thumb.clone());
    let base = &app.state.config.base_url;
    assert!(job.body.contains(&format!("\"logo\":\"{base}{medium}\"")), "{}", job.body);
    // The admin: the thumbnail in the list, the medium version with its name on the show page.
    let list = app.get("/admin/companies").await.html();
    assert_eq!(list.attr("td img.admin-thumb", "src"), thumb);
    let show = app.get(&format!("/admin/companies/{}", company.id)).await.html();
    assert_eq!(show.attr("img.admin-image", "src"), medium.clone());
    assert_eq!(show.attr("img.admin-image", "alt"), "Logo of Acme Robotics".to_owned());
    // Each served version is what its name says.
    let served = image::load_from_memory(&app.get_bytes(&medium).await).unwrap();
    assert_eq!((served.width(), served.height()), (256, 256));
}
