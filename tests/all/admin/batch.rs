//! Batch actions: confirm first, then run on the selected rows only, in one transaction.

use actix_web::http::StatusCode;
use diesel::prelude::*;
use hireboard::db::schema::{audit_log, jobs};
use hireboard::models::{AdminRole, JobStatus};

use crate::support::{AdminFactory, CompanyFactory, JobFactory, TestApp, backends};

/// Three published postings and a draft; returns their ids by title.
fn seed(app: &TestApp) -> Vec<(String, i64)> {
    app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        for (title, status) in [
            ("Alpha", JobStatus::Published),
            ("Beta", JobStatus::Published),
            ("Gamma", JobStatus::Published),
            ("Delta", JobStatus::Draft),
        ] {
            JobFactory::new(&co).title(title).status(status).create(c);
        }
        jobs::table.order(jobs::title.asc()).select((jobs::title, jobs::id)).load(c).unwrap()
    })
}

fn id(ids: &[(String, i64)], title: &str) -> String {
    ids.iter().find(|(t, _)| t == title).unwrap().1.to_string()
}

fn statuses(app: &TestApp) -> Vec<(String, String)> {
    app.with_conn(|c| {
        jobs::table.order(jobs::title.asc()).select((jobs::title, jobs::status)).load(c).unwrap()
    })
}

#[actix_web::test]
async fn archiving_two_postings_asks_first_then_changes_only_them() {
    for app in backends() {
        let ids = seed(&app);
        let _user = app.signed_in(AdminRole::Editor).await;
        let page = app.get("/admin/jobs").await.html();
        assert_eq!(page.count("input[name=ids]"), 4);
        let (a, b) = (id(&ids, "Alpha"), id(&ids, "Beta"));
        let fields = [
            ("batch_action", "archive"),
            ("ids", a.as_str()),
            ("ids", b.as_str()),
            ("back", "/admin/jobs?scope=published"),
        ];
        // The first post only asks.
        let confirm = app.post_admin("/admin/jobs/batch", &fields).await;
        assert_eq!(confirm.status, StatusCode::OK);
        assert_eq!(statuses(&app).iter().filter(|(_, s)| s == "archived").count(), 0);
        let html = confirm.html();
        assert!(
            html.text(".confirm-box .question").contains("2 records"),
            "{}",
            html.text(".confirm-box .question")
        );
        assert_eq!(html.attrs(".confirm-box input[name=ids]", "value"), [a.clone(), b.clone()]);
        // Confirmed: done, and back to the list the user came from.
        let mut confirmed = fields.to_vec();
        confirmed.push(("confirmed", "yes"));
        let res = app.post_admin("/admin/jobs/batch", &confirmed).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(res.header("location"), Some("/admin/jobs?scope=published"));
        assert_eq!(
            statuses(&app),
            [
                ("Alpha".into(), "archived".into()),
                ("Beta".into(), "archived".into()),
                ("Delta".into(), "draft".into()),
                ("Gamma".into(), "published".into()),
            ],
            "{}",
            app.backend
        );
        let audited: i64 = app.with_conn(|c| audit_log::table.count().get_result(c).unwrap());
        assert_eq!(audited, 2);
        // Archived postings leave the public search.
        let public = app.get("/en/jobs").await.html();
        assert_eq!(public.texts(".job-card-title"), ["Gamma"], "{}", app.backend);
    }
}

#[actix_web::test]
async fn rows_the_action_does_not_apply_to_are_skipped_and_reported() {
    let app = TestApp::sqlite();
    let ids = seed(&app);
    let _user = app.signed_in(AdminRole::Admin).await;
    let (gamma, delta) = (id(&ids, "Gamma"), id(&ids, "Delta"));
    // Publishing a published posting does not apply; the draft gets published.
    let res = app
        .post_admin(
            "/admin/jobs/batch",
            &[
                ("batch_action", "publish"),
                ("ids", &gamma),
                ("ids", &delta),
                ("ids", "999999"),
                ("confirmed", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let page = app.get("/admin/jobs").await.html();
    let alert = page.text("[role=alert]");
    assert!(alert.contains("2 records were left as they were"), "{alert}");
    assert!(statuses(&app).contains(&("Delta".to_owned(), "published".to_owned())));
}

#[actix_web::test]
async fn deleting_needs_the_delete_permission_and_removes_everything_of_the_posting() {
    for app in backends() {
        let ids = seed(&app);
        let alpha = id(&ids, "Alpha");
        // Beta has an application: deleting would lose it, so Beta is skipped.
        let beta = id(&ids, "Beta");
        app.with_conn(|c| {
            crate::support::ApplicationFactory::new(beta.parse().unwrap()).create(c).id
        });
        let fields = [
            ("batch_action", "delete"),
            ("ids", alpha.as_str()),
            ("ids", beta.as_str()),
            ("confirmed", "yes"),
        ];
        let translator =
            app.with_conn(|c| AdminFactory::new().role(AdminRole::Translator).create(c));
        app.sign_in_as(&translator).await;
        assert_eq!(
            app.get("/admin/jobs").await.html().count("input[name=ids]"),
            0,
            "no batch actions to offer"
        );
        assert_eq!(
            app.post_admin("/admin/jobs/batch", &fields).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(statuses(&app).len(), 4);
        app.clear_cookies();
        let _admin = app.signed_in(AdminRole::Admin).await;
        let res = app.post_admin("/admin/jobs/batch", &fields).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", app.backend);
        let left: Vec<String> = statuses(&app).into_iter().map(|(t, _)| t).collect();
        assert_eq!(left, ["Beta", "Delta", "Gamma"]);
        assert!(app.get("/en/jobs?q=alpha").await.html().texts(".job-card-title").is_empty());
    }
}

#[actix_web::test]
async fn bad_batch_requests_change_nothing() {
    let app = TestApp::sqlite();
    let ids = seed(&app);
    let _user = app.signed_in(AdminRole::Admin).await;
    let alpha = id(&ids, "Alpha");
    let before = statuses(&app);
    // Unknown action, nothing selected, junk ids, no CSRF token.
    assert_eq!(
        app.post_admin(
            "/admin/jobs/batch",
            &[("batch_action", "drop_table"), ("ids", &alpha), ("confirmed", "yes")]
        )
        .await
        .status,
        StatusCode::BAD_REQUEST
    );
    let res = app
        .post_admin("/admin/jobs/batch", &[("batch_action", "archive"), ("confirmed", "yes")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let res = app
        .post_admin(
            "/admin/jobs/batch",
            &[("batch_action", "archive"), ("ids", "1 OR 1=1"), ("confirmed", "yes")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let res = app
        .post_form(
            "/admin/jobs/batch",
            &[("batch_action", "archive"), ("ids", &alpha), ("confirmed", "yes")],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(statuses(&app), before);
    assert_eq!(
        app.post_admin("/admin/companies/batch", &[("batch_action", "archive"), ("ids", "1")])
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
}
