//! Show pages, comments, member actions and their audit entries.

use actix_web::http::StatusCode;
use diesel::prelude::*;
use hireboard::db::schema::{admin_comments, audit_log, jobs};
use hireboard::models::JobStatus;

use crate::support::{CompanyFactory, JobFactory, TestApp, backends};
use hireboard::models::AdminRole;

fn job_id(app: &TestApp, slug: &str) -> i64 {
    app.with_conn(|c| jobs::table.filter(jobs::slug.eq(slug)).select(jobs::id).first(c).unwrap())
}

#[actix_web::test]
async fn a_show_page_has_panels_related_records_and_a_public_link() {
    for app in backends() {
        let slug = app.with_conn(|c| {
            let co = CompanyFactory::new().name("Acme Robotics").create(c);
            JobFactory::new(&co).title("Rust Engineer").skills(&["Rust", "SQL"]).create(c).slug
        });
        let id = job_id(&app, &slug);
        let _user = app.signed_in(AdminRole::Admin).await;
        let page = app.get(&format!("/admin/jobs/{id}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", app.backend);
        let html = page.html();
        assert_eq!(html.text("h1"), "Rust Engineer");
        assert!(html.texts(".attributes dd").contains(&"Rust, SQL".to_owned()));
        // The posting's text takes the page's width, in its paragraphs.
        assert_eq!(html.texts(".show-panels > .wide > h2"), ["Content"]);
        assert!(html.count(".show-panels > .wide .prose p") >= 1);
        assert_eq!(
            html.attrs("a.button.secondary", "href"),
            [
                format!("/admin/jobs/{id}/stats"),
                format!("/admin/jobs/{id}/preview"),
                format!("/en/jobs/{slug}")
            ]
        );
        // The company's page lists the posting as a related record.
        let company = html.attrs(".attributes a", "href")[0].clone();
        let company_page = app.get(&company).await.html();
        assert!(company_page.texts(".attributes a").iter().any(|t| t.starts_with("Rust Engineer")));
        // Missing or malformed ids are a 404.
        assert_eq!(app.get("/admin/jobs/999999").await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get("/admin/jobs/abc").await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get("/admin/planets/1").await.status, StatusCode::NOT_FOUND);
    }
}

#[actix_web::test]
async fn comments_are_added_checked_and_listed() {
    for app in backends() {
        let slug = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).create(c).slug
        });
        let id = job_id(&app, &slug);
        let _user = app.signed_in(AdminRole::Admin).await;
        let url = format!("/admin/jobs/{id}/comments");
        let res =
            app.post_admin(&url, &[("body", "Checked the salary with HR.\n\nLooks fine.")]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        for bad in ["   ", &"x".repeat(5001)] {
            let res = app.post_admin(&url, &[("body", bad)]).await;
            assert_eq!(res.status, StatusCode::SEE_OTHER);
        }
        let page = app.get(&format!("/admin/jobs/{id}")).await.html();
        assert_eq!(page.count(".comment"), 1, "{}: only the valid comment was stored", app.backend);
        assert_eq!(
            page.texts(".comment p:not(.comment-meta)"),
            ["Checked the salary with HR.", "Looks fine."]
        );
        assert!(page.texts("[role=alert]").iter().any(|t| t.contains("5,000")));
        // A comment on a record that does not exist is refused.
        let res = app.post_admin("/admin/jobs/999999/comments", &[("body", "hello")]).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        let stored: i64 = app.with_conn(|c| admin_comments::table.count().get_result(c).unwrap());
        assert_eq!(stored, 1);
    }
}

#[actix_web::test]
async fn publishing_and_archiving_follow_the_lifecycle_and_are_audited() {
    for app in backends() {
        let slug = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).title("Night Nurse").status(JobStatus::Draft).create(c).slug
        });
        let id = job_id(&app, &slug);
        let user = app.signed_in(AdminRole::Editor).await;
        let url = format!("/admin/jobs/{id}/status");
        // Not on the public site while a draft.
        assert_eq!(app.get(&format!("/en/jobs/{slug}")).await.status, StatusCode::NOT_FOUND);
        let page = app.get(&format!("/admin/jobs/{id}")).await.html();
        assert_eq!(page.texts(".page-header button"), ["Publish", "Duplicate"]);
        let res = app.post_admin(&url, &[("to", "published")]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        // Public at once, and findable.
        assert_eq!(
            app.get(&format!("/en/jobs/{slug}")).await.status,
            StatusCode::OK,
            "{}",
            app.backend
        );
        assert!(app.get("/en/jobs?q=nurse").await.body.contains("Night Nurse"));
        // A move the lifecycle does not allow changes nothing.
        let res = app.post_admin(&url, &[("to", "expired")]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let page = app.get(&format!("/admin/jobs/{id}")).await.html();
        assert!(
            page.texts("[role=alert]").iter().any(|t| t.contains("cannot become")),
            "{:?}",
            page.texts("[role=alert]")
        );
        assert_eq!(
            page.texts(".page-header button"),
            ["Unpublish", "Mark as filled", "Archive", "Duplicate"]
        );
        // Archiving asks first, but destroys nothing: not red.
        assert_eq!(page.count(".page-header button.danger"), 0);
        app.post_admin(&url, &[("to", "archived")]).await;
        let status: String =
            app.with_conn(|c| jobs::table.find(id).select(jobs::status).first(c).unwrap());
        assert_eq!(status, "archived");
        // Two audit entries, newest first, with the field changes in the admin's words.
        let page = app.get(&format!("/admin/jobs/{id}")).await.html();
        let history = page.texts(".history-list > li > p");
        assert_eq!(history.len(), 2, "{history:?}");
        assert!(history[0].contains("changed the status of Night Nurse"), "{history:?}");
        let first_diff = page.texts(".history-list > li:last-child .diff tbody td");
        assert_eq!(&first_diff[..3], ["Status", "Draft", "Published"], "{first_diff:?}");
        assert_eq!(first_diff[3], "Published", "{first_diff:?}");
        // The audit log's own page says it alike.
        let entry: i64 = app.with_conn(|c| {
            audit_log::table.select(audit_log::id).order(audit_log::id.asc()).first(c).unwrap()
        });
        app.clear_cookies();
        let _admin = app.signed_in(AdminRole::Admin).await;
        let log = app.get(&format!("/admin/audit_log/{entry}")).await;
        assert!(log.body.contains("Status: Draft → Published"), "{}", log.body);
        app.clear_cookies();
        app.sign_in_as(&user).await;
        let entries: i64 = app.with_conn(|c| audit_log::table.count().get_result(c).unwrap());
        assert_eq!(entries, 2);
        // Bad values are a client error, not a 500.
        assert_eq!(app.post_admin(&url, &[("to", "moon")]).await.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            app.post_admin("/admin/jobs/999999/status", &[("to", "published")]).await.status,
            StatusCode::NOT_FOUND
        );
        // The member-action route knows only what each resource declares, and only POST.
        let unknown = format!("/admin/jobs/{id}/launch");
        assert_eq!(app.post_admin(&unknown, &[]).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            app.post_admin("/admin/nothing/1/status", &[]).await.status,
            StatusCode::NOT_FOUND
        );
        let res = app.get(&url).await;
        assert_eq!(res.status, StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(res.header("allow"), Some("POST"));
    }
}

#[actix_web::test]
async fn an_application_reads_well_next_stage_primary_reject_red_mail_links_and_paragraphs() {
    let app = TestApp::sqlite();
    let application = app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        let job = JobFactory::new(&co).create(c).id;
        crate::support::ApplicationFactory::new(job)
            .email("grace+jobs@example.org")
            .cover_letter("Dear team,\n\nI build compilers.\n\nKind regards")
            .create(c)
            .id
    });
    let _admin = app.signed_in(AdminRole::Admin).await;
    let page = app.get(&format!("/admin/applications/{application}")).await.html();
    assert_eq!(page.texts(".page-header button.primary"), ["Start review"]);
    assert_eq!(page.texts(".page-header a.danger"), ["Reject"]);
    // Rejecting asks for the reason on a step of its own.
    let step = page.attr(".page-header a.danger", "href");
    assert_eq!(step, format!("/admin/applications/{application}/stage?to=rejected"));
    let confirm = app.get(&step).await.html();
    assert_eq!(confirm.count("textarea[name=reason][required]"), 1);
    let res = app
        .post_admin(
            &format!("/admin/applications/{application}/stage"),
            &[("to", "rejected"), ("reason", "Needs a work permit")],
        )
        .await;
    assert_eq!(res.header("location"), Some(format!("/admin/applications/{application}").as_str()));
    let page = app.get(&format!("/admin/applications/{application}")).await.html();
    assert!(page.texts(".attributes dd").contains(&"Needs a work permit".to_owned()));
    // The address is a mail link; the letter keeps its paragraphs.
    assert_eq!(
        page.attrs(".attributes a[href^='mailto:']", "href"),
        ["mailto:grace+jobs@example.org"]
    );
    assert_eq!(
        page.texts(".attributes .prose p"),
        ["Dear team,", "I build compilers.", "Kind regards"]
    );
    // Dates in the panels and the list stay on one line.
    assert!(page.count(".attributes .date") > 0);
    let list = app.get("/admin/applications").await.html();
    assert!(list.count("td.date") > 0);
}
