//! Webhook endpoints in the back office: the guard refuses private addresses with a message,
//! the secret is shown, deliveries are listed and can be sent again.

use actix_web::http::StatusCode;
use diesel::prelude::*;
use hireboard::db::schema::{events, tasks, webhook_deliveries, webhook_endpoints};

use crate::support::TestApp;
use hireboard::models::AdminRole;

#[actix_web::test]
async fn endpoints_are_checked_saved_with_a_secret_and_deliveries_replayed() {
    let app = TestApp::sqlite();
    let _admin = app.signed_in(AdminRole::Admin).await;
    assert_eq!(app.get("/admin/webhooks/new").await.status, StatusCode::OK);

    for (url, events, error) in [
        (
            "http://169.254.169.254/latest/meta-data/",
            "*",
            "This address leads into a private network (169.254.169.254); webhooks go to public addresses only.",
        ),
        (
            "https://93.184.215.14/hook",
            "job.published, job.deleted",
            "“job.deleted” is not an event this board sends.",
        ),
    ] {
        let res = app
            .post_admin("/admin/webhooks", &[("url", url), ("events", events), ("enabled", "on")])
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{url}");
        assert_eq!(res.html().text(".field-error"), error);
    }
    let res = app
        .post_admin(
            "/admin/webhooks",
            &[
                ("url", "https://93.184.215.14/hook"),
                ("events", "job.published, application.created"),
                ("enabled", "on"),
                ("description", "Partner ATS"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let show = app.get(res.header("location").unwrap()).await.html();
    assert!(show.text("pre.code").starts_with("whsec_"));
    let (endpoint, subscribed): (i64, String) = app.with_conn(|c| {
        webhook_endpoints::table
            .select((webhook_endpoints::id, webhook_endpoints::events))
            .first(c)
            .unwrap()
    });
    assert_eq!(subscribed, "job.published,application.created");

    // A test event to this endpoint alone, from its page.
    let res = app.post_admin(&format!("/admin/webhooks/{endpoint}/ping"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = app.get(&format!("/admin/webhooks/{endpoint}")).await.html();
    assert_eq!(
        page.text(".flash-notice"),
        "A test event (webhook.ping) is on its way; its delivery shows below in a moment."
    );
    let pinged: Vec<(String, i64)> = app
        .with_conn(|c| events::table.select((events::kind, events::subject_id)).load(c).unwrap());
    assert_eq!(pinged, [("webhook.ping".to_owned(), endpoint)]);
    app.with_conn(|c| diesel::delete(tasks::table).execute(c).unwrap());

    // A logged failure can be sent again: a new task, the same event.
    let delivery: i64 = app.with_conn(|c| {
        diesel::insert_into(events::table)
            .values((
                events::kind.eq("job.published"),
                events::subject_id.eq(1),
                events::payload.eq("{}"),
                events::created_at.eq(hireboard::db::now()),
            ))
            .execute(c)
            .unwrap();
        let event: i64 = events::table
            .filter(events::kind.eq("job.published"))
            .select(events::id)
            .first(c)
            .unwrap();
        diesel::insert_into(webhook_deliveries::table)
            .values((
                webhook_deliveries::endpoint_id.eq(endpoint),
                webhook_deliveries::event_id.eq(event),
                webhook_deliveries::attempt.eq(12),
                webhook_deliveries::status_code.eq(Some(503)),
                webhook_deliveries::duration_ms.eq(40),
                webhook_deliveries::created_at.eq(hireboard::db::now()),
            ))
            .execute(c)
            .unwrap();
        webhook_deliveries::table.select(webhook_deliveries::id).first(c).unwrap()
    });
    let failed = app.get("/admin/webhook_deliveries?scope=failed").await.html();
    assert_eq!(failed.texts(".scopes a"), ["All 1", "Failed 1"]);
    let res = app.post_admin(&format!("/admin/webhook_deliveries/{delivery}/replay"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let queued: Vec<String> = app.with_conn(|c| tasks::table.select(tasks::args).load(c).unwrap());
    assert_eq!(queued.len(), 1);
    assert!(queued[0].contains(&format!("\"endpoint_id\":{endpoint}")));
    // Twice in a row: the second waits for the first.
    app.post_admin(&format!("/admin/webhook_deliveries/{delivery}/replay"), &[]).await;
    let page = app.get(&format!("/admin/webhook_deliveries/{delivery}")).await.html();
    assert_eq!(
        page.text(".flash-notice"),
        "A delivery of this event to this endpoint is already waiting."
    );
}
