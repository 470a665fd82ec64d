//! Webhook endpoints over the API: made through the back office's form (the address guard,
//! event kinds, the limit on their number), the secret answered on creation and rotation
//! only, changed, sent a test event, deleted; all audited; company-bound tokens refused.

use actix_web::http::Method;
use diesel::prelude::*;
use hireboard::db::schema::{audit_log, events, tasks, webhook_deliveries, webhook_endpoints};
use hireboard::models::api_token::Scope;

use crate::support::{ApiTokenFactory, CompanyFactory, TestApp, backends};

async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    auth: &str,
    body: Option<serde_json::Value>,
) -> crate::support::Response {
    let headers = [("authorization", auth), ("content-type", "application/json")];
    app.request(method, path, &headers, body.map(|b| b.to_string())).await
}

fn reasons(res: &crate::support::Response) -> Vec<(String, String)> {
    res.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["name"].as_str().unwrap().to_owned(), e["reason"].as_str().unwrap().to_owned()))
        .collect()
}

#[actix_web::test]
async fn endpoints_are_made_changed_pinged_rotated_and_deleted_through_the_form() {
    for app in backends() {
        let b = app.backend;
        let token =
            app.with_conn(|c| ApiTokenFactory::new().scopes(&[Scope::WebhooksWrite]).create(c));
        let auth = token.bearer();

        // The form's checks, in the client's language, each field by its name.
        let private = serde_json::json!({"url": "http://169.254.169.254/latest/meta-data/"});
        let res = send(&app, Method::POST, "/api/v1/webhooks", &auth, Some(private)).await;
        assert_eq!(res.status, 422, "{b}: {}", res.body);
        assert_eq!(
            reasons(&res),
            [(
                "url".to_owned(),
                "This address leads into a private network (169.254.169.254); webhooks go to \
                 public addresses only."
                    .to_owned()
            )]
        );
        let unknown =
            serde_json::json!({"url": "https://93.184.215.14/hook", "events": ["job.deleted"]});
        let res = send(&app, Method::POST, "/api/v1/webhooks", &auth, Some(unknown)).await;
        assert_eq!(reasons(&res)[0].0, "events", "{b}: {}", res.body);
        let res = send(
            &app,
            Method::POST,
            "/api/v1/webhooks",
            &auth,
            Some(serde_json::json!({"secret": "x"})),
        )
        .await;
        assert_eq!(reasons(&res)[0].0, "secret", "{b}: an unknown field is named");
        let count =
            || app.with_conn(|c| webhook_endpoints::table.count().get_result::<i64>(c).unwrap());
        assert_eq!(count(), 0, "{b}: refusals change nothing");

        let made = send(
            &app,
            Method::POST,
            "/api/v1/webhooks",
            &auth,
            Some(serde_json::json!({
                "url": "https://93.184.215.14/hook",
                "description": "Partner ATS",
                "events": ["job.published", "application.created"],
            })),
        )
        .await;
        assert_eq!(made.status, 201, "{b}: {}", made.body);
        let body = made.json();
        let id = body["id"].as_i64().unwrap();
        assert_eq!(made.header("location"), Some(format!("/api/v1/webhooks/{id}").as_str()));
        assert_eq!(body["events"], serde_json::json!(["job.published", "application.created"]));
        assert_eq!(body["enabled"], true);
        let secret = body["secret"].as_str().unwrap().to_owned();
        assert!(secret.starts_with("whsec_"), "{secret}");
        let stored: String = app.with_conn(|c| {
            webhook_endpoints::table.find(id).select(webhook_endpoints::secret).first(c).unwrap()
        });
        assert_eq!(stored, secret, "{b}");

        // Listed and read without the secret.
        let list = send(&app, Method::GET, "/api/v1/webhooks", &auth, None).await;
        assert_eq!(list.status, 200, "{b}");
        assert_eq!(list.json()["data"][0]["url"], "https://93.184.215.14/hook");
        assert!(!list.body.contains(&secret), "{b}: the list shows no secret");
        let one = send(&app, Method::GET, &format!("/api/v1/webhooks/{id}"), &auth, None).await;
        assert!(!one.body.contains(&secret), "{b}: nor does the endpoint");
        assert_eq!(one.json()["recent_deliveries"], serde_json::json!([]));

        // Changed field by field; the others stay.
        let changed = send(
            &app,
            Method::PATCH,
            &format!("/api/v1/webhooks/{id}"),
            &auth,
            Some(serde_json::json!({"events": ["*"], "enabled": false})),
        )
        .await;
        assert_eq!(changed.status, 200, "{b}: {}", changed.body);
        assert_eq!(changed.json()["events"], serde_json::json!(["*"]));
        assert_eq!(changed.json()["enabled"], false);
        assert_eq!(changed.json()["description"], "Partner ATS");

        // A test event: one event, one delivery queued to this endpoint alone.
        let ping =
            send(&app, Method::POST, &format!("/api/v1/webhooks/{id}/ping"), &auth, None).await;
        assert_eq!(ping.status, 202, "{b}: {}", ping.body);
        let event: i64 = app.with_conn(|c| {
            events::table
                .filter(events::kind.eq("webhook.ping"))
                .select(events::id)
                .first(c)
                .unwrap()
        });
        assert_eq!(ping.json()["webhook_id"], format!("msg_{event}"));
        let queued: Vec<String> = app.with_conn(|c| {
            tasks::table
                .filter(tasks::kind.eq("deliver_webhook"))
                .select(tasks::args)
                .load(c)
                .unwrap()
        });
        assert_eq!(queued.len(), 1, "{b}");
        assert!(queued[0].contains(&format!("\"endpoint_id\":{id}")), "{}", queued[0]);
        // Its delivery, once logged, shows on the endpoint.
        app.with_conn(|c| {
            diesel::insert_into(webhook_deliveries::table)
                .values((
                    webhook_deliveries::endpoint_id.eq(id),
                    webhook_deliveries::event_id.eq(event),
                    webhook_deliveries::attempt.eq(1),
                    webhook_deliveries::status_code.eq(Some(204)),
                    webhook_deliveries::duration_ms.eq(35),
                    webhook_deliveries::created_at.eq(hireboard::db::now()),
                ))
                .execute(c)
                .unwrap()
        });
        let one = send(&app, Method::GET, &format!("/api/v1/webhooks/{id}"), &auth, None).await;
        let delivery = &one.json()["recent_deliveries"][0];
        assert_eq!(delivery["webhook_id"], format!("msg_{event}"), "{b}: {}", one.body);
        assert_eq!(delivery["type"], "webhook.ping");
        assert_eq!(delivery["status_code"], 204);

        // A new secret; the old one signs beside it for a day.
        let rotated =
            send(&app, Method::POST, &format!("/api/v1/webhooks/{id}/rotate_secret"), &auth, None)
                .await;
        assert_eq!(rotated.status, 200, "{b}: {}", rotated.body);
        let new = rotated.json()["secret"].as_str().unwrap().to_owned();
        assert!(new.starts_with("whsec_") && new != secret, "{b}");
        let until: chrono::DateTime<chrono::Utc> =
            rotated.json()["previous_secret_expires_at"].as_str().unwrap().parse().unwrap();
        let overlap = until - chrono::Utc::now();
        assert!(overlap > chrono::TimeDelta::hours(23), "{b}: {overlap}");
        assert_eq!(rotated.header("cache-control"), Some("private, no-store"));

        // Deleted: gone, and a second time not found.
        let path = format!("/api/v1/webhooks/{id}");
        let deleted = send(&app, Method::DELETE, &path, &auth, None).await;
        assert_eq!(deleted.status, 204, "{b}: {}", deleted.body);
        assert_eq!(send(&app, Method::GET, &path, &auth, None).await.status, 404);
        assert_eq!(send(&app, Method::DELETE, &path, &auth, None).await.status, 404);
        for missing in ["/api/v1/webhooks/999999/ping", "/api/v1/webhooks/999999/rotate_secret"] {
            assert_eq!(
                send(&app, Method::POST, missing, &auth, None).await.status,
                404,
                "{missing}"
            );
        }

        // Every change is in the audit log, by the token.
        let audited: Vec<String> = app.with_conn(|c| {
            audit_log::table
                .filter(audit_log::resource.eq("webhooks"))
                .filter(audit_log::record_id.eq(id))
                .filter(audit_log::actor.like("API: %"))
                .order(audit_log::id.asc())
                .select(audit_log::action)
                .load(c)
                .unwrap()
        });
        assert_eq!(audited, ["create", "update", "update", "delete"], "{b}");
        let logged: Vec<String> =
            app.with_conn(|c| audit_log::table.select(audit_log::changes).load(c).unwrap());
        assert!(
            logged.iter().all(|l| !l.contains(&secret) && !l.contains(&new)),
            "{b}: no secret in the log"
        );
    }
}

#[actix_web::test]
async fn a_company_bound_token_manages_no_webhooks_and_the_board_takes_fifty() {
    let app = TestApp::sqlite();
    let (bound, free) = app.with_conn(|c| {
        let company = CompanyFactory::new().create(c);
        for n in 0..hireboard::webhooks::endpoint::MAX_ENDPOINTS {
            hireboard::webhooks::endpoint::create(
                c,
                &format!("https://93.184.215.14/{n}"),
                "*",
                "",
            )
            .unwrap();
        }
        (
            ApiTokenFactory::new().scopes(&[Scope::WebhooksWrite]).company(&company).create(c),
            ApiTokenFactory::new().scopes(&[Scope::WebhooksWrite]).create(c),
        )
    });
    // Every company's events reach an endpoint: a company's token may not set one up.
    let res = send(&app, Method::GET, "/api/v1/webhooks", &bound.bearer(), None).await;
    assert_eq!(res.status, 403, "{}", res.body);
    let body = serde_json::json!({"url": "https://93.184.215.14/hook"});
    let res =
        send(&app, Method::POST, "/api/v1/webhooks", &bound.bearer(), Some(body.clone())).await;
    assert_eq!(res.status, 403, "{}", res.body);

    let res = send(&app, Method::POST, "/api/v1/webhooks", &free.bearer(), Some(body)).await;
    assert_eq!(res.status, 422, "{}", res.body);
    assert_eq!(
        reasons(&res),
        [(
            "url".to_owned(),
            "This board already has 50 webhook endpoints, the most it takes. Remove one, or \
             subscribe an existing one to more events."
                .to_owned()
        )]
    );
    let res = send(&app, Method::GET, "/api/v1/webhooks", &free.bearer(), None).await;
    assert_eq!(res.json()["data"].as_array().unwrap().len(), 50);
}
