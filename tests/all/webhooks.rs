//! Webhook signatures, checked by an independent implementation: the Standard Webhooks
//! package from PyPI (`pip install standardwebhooks`), run as a separate process.

use std::io::Write;
use std::process::{Command, Stdio};

use hireboard::webhooks::signature::{new_secret, sign};

const VERIFY: &str = r#"
import json, sys
from standardwebhooks.webhooks import Webhook
case = json.load(sys.stdin)
try:
    Webhook(case["secret"]).verify(case["body"], {
        "webhook-id": case["id"],
        "webhook-timestamp": str(case["timestamp"]),
        "webhook-signature": case["signature"],
    })
    print("valid")
except Exception as e:
    print("invalid: %s" % e)
"#;

/// What the reference implementation says of one signed delivery; `None` when it is not
/// installed (allowed outside CI only).
fn reference_verdict(
    secret: &str,
    id: &str,
    timestamp: i64,
    body: &str,
    signature: &str,
) -> Option<String> {
    let available = Command::new("python3")
        .args(["-c", "import standardwebhooks"])
        .status()
        .is_ok_and(|s| s.success());
    if !available {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install the standardwebhooks Python package"
        );
        eprintln!("note: signature cross-check skipped: pip install standardwebhooks to run it");
        return None;
    }
    let mut child = Command::new("python3")
        .args(["-c", VERIFY])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3");
    let case = serde_json::json!({
        "secret": secret, "id": id, "timestamp": timestamp, "body": body, "signature": signature,
    });
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(case.to_string().as_bytes())
        .expect("write the case");
    let out = child.wait_with_output().expect("python3 output");
    Some(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

#[test]
fn the_reference_implementation_accepts_our_signatures_and_rejects_tampering() {
    let secret = new_secret();
    let id = "msg_42";
    let timestamp = chrono::Utc::now().timestamp();
    let body = r#"{"type":"job.published","timestamp":"2026-11-28T12:00:00+00:00","data":{"id":42,"title":"Tug Captain – Hamburg"}}"#;
    let signature = sign(&secret, id, timestamp, body).expect("a signature");
    let Some(verdict) = reference_verdict(&secret, id, timestamp, body, &signature) else {
        return;
    };
    assert_eq!(verdict, "valid");
    let tampered = body.replace("42", "43");
    let verdict = reference_verdict(&secret, id, timestamp, &tampered, &signature);
    assert!(verdict.is_some_and(|v| v.starts_with("invalid")));
    let other = reference_verdict(&new_secret(), id, timestamp, body, &signature);
    assert!(other.is_some_and(|v| v.starts_with("invalid")));
}

mod delivery {
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    use actix_web::http::Method;
    use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
    use diesel::prelude::*;
    use hireboard::db::schema::{jobs, tasks, webhook_deliveries, webhook_endpoints};
    use hireboard::models::JobStatus;
    use hireboard::models::audit::Actor;
    use hireboard::webhooks::signature::sign;

    use crate::support::{CompanyFactory, JobFactory, TestApp};

    /// What the receiver saw: (webhook-id, timestamp, signature, body).
    type Seen = Arc<Mutex<Vec<(String, String, String, String)>>>;

    async fn receive(
        req: HttpRequest,
        body: String,
        seen: web::Data<Seen>,
        status: web::Data<u16>,
        headers: web::Data<Vec<(&'static str, String)>>,
    ) -> HttpResponse {
        let header = |name: &str| {
            req.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
        };
        seen.lock().unwrap().push((
            header("webhook-id"),
            header("webhook-timestamp"),
            header("webhook-signature"),
            body,
        ));
        let mut res = HttpResponse::build(actix_web::http::StatusCode::from_u16(**status).unwrap());
        for (name, value) in headers.iter() {
            res.insert_header((*name, value.as_str()));
        }
        res.finish()
    }

    /// A receiver on a free loopback port answering `status`; its address and what it saw.
    fn receiver(status: u16) -> (String, Seen) {
        receiver_with(status, Vec::new())
    }

    /// A receiver answering `status` with these headers.
    fn receiver_with(status: u16, headers: Vec<(&'static str, String)>) -> (String, Seen) {
        let seen: Seen = Arc::default();
        let data = seen.clone();
        let server = HttpServer::new(move || {
            App::new()
                .app_data(web::Data::new(data.clone()))
                .app_data(web::Data::new(status))
                .app_data(web::Data::new(headers.clone()))
                .route("/hook", web::post().to(receive))
        })
        .workers(1)
        .bind(("127.0.0.1", 0))
        .unwrap();
        let address = server.addrs()[0].to_string();
        actix_web::rt::spawn(server.run());
        (address, seen)
    }

    fn publish_a_posting(app: &TestApp) {
        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            let slug =
                JobFactory::new(&co).title("Harbour Pilot").status(JobStatus::Draft).create(c).slug;
            let id: i64 =
                jobs::table.filter(jobs::slug.eq(slug)).select(jobs::id).first(c).unwrap();
            let admin = Actor { admin_user_id: None, label: "test".into() };
            hireboard::models::job::lifecycle::change_status(
                c,
                id,
                JobStatus::Published,
                &admin,
                hireboard::db::now(),
            )
            .unwrap();
        });
    }

    /// Runs a worker allowed to reach `allow` until `n` deliveries are logged.
    async fn run_worker(app: &TestApp, allow: &str, n: i64) {
        run_worker_allowing(app, &[allow], n).await
    }

    async fn run_worker_allowing(app: &TestApp, allow: &[&str], n: i64) {
        let mut config = (*app.state.config).clone();
        config.webhook_allow_hosts = allow.iter().map(|a| a.to_string()).collect();
        let handle = app.worker(Some(config), 2);
        let deadline = Instant::now() + Duration::from_secs(20);
        while app.with_conn(|c| webhook_deliveries::table.count().get_result::<i64>(c).unwrap()) < n
        {
            assert!(Instant::now() < deadline, "no delivery was logged");
            actix_web::rt::time::sleep(Duration::from_millis(20)).await;
        }
        actix_web::rt::task::spawn_blocking(move || handle.shutdown()).await.unwrap();
    }

    #[actix_web::test]
    async fn a_published_posting_reaches_a_subscribed_endpoint_signed() {
        let app = TestApp::sqlite();
        let (address, seen) = receiver(204);
        let secret: String = app.with_conn(|c| {
            let id = hireboard::webhooks::endpoint::create(
                c,
                &format!("http://{address}/hook"),
                "job.published,job.expired",
                "partner",
            )
            .unwrap();
            // Another endpoint takes only applications: it gets nothing.
            hireboard::webhooks::endpoint::create(
                c,
                "https://other.example/hook",
                "application.created",
                "",
            )
            .unwrap();
            webhook_endpoints::table.find(id).select(webhook_endpoints::secret).first(c).unwrap()
        });
        publish_a_posting(&app);
        let queued: Vec<String> = app.with_conn(|c| {
            tasks::table.select(tasks::kind).order(tasks::kind.asc()).load(c).unwrap()
        });
        // The publication also wakes the instant job alerts.
        assert_eq!(queued, ["alert_sweep", "deliver_webhook"]);
        run_worker(&app, &address, 1).await;
        let seen = seen.lock().unwrap().clone();
        assert_eq!(seen.len(), 1);
        let (id, timestamp, signature, body) = &seen[0];
        assert!(id.starts_with("msg_"));
        let timestamp: i64 = timestamp.parse().unwrap();
        assert_eq!(sign(&secret, id, timestamp, body).as_deref(), Ok(signature.as_str()));
        let payload: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(payload["type"], "job.published");
        assert_eq!(payload["data"]["title"], "Harbour Pilot");
        let logged: Vec<(Option<i32>, i32)> = app.with_conn(|c| {
            webhook_deliveries::table
                .select((webhook_deliveries::status_code, webhook_deliveries::attempt))
                .load(c)
                .unwrap()
        });
        assert_eq!(logged, [(Some(204), 1)]);
        let state: String = app.with_conn(|c| {
            tasks::table
                .filter(tasks::kind.eq("deliver_webhook"))
                .select(tasks::state)
                .first(c)
                .unwrap()
        });
        assert_eq!(state, "done");
    }

    #[actix_web::test]
    async fn a_failing_receiver_is_retried_and_a_private_address_is_never_called() {
        let app = TestApp::sqlite();
        let (address, seen) = receiver(500);
        app.with_conn(|c| {
            hireboard::webhooks::endpoint::create(c, &format!("http://{address}/hook"), "*", "")
                .unwrap();
            // Loopback too, but not on the allow-list: the guard refuses it.
            hireboard::webhooks::endpoint::create(c, "http://127.0.0.1:9/hook", "*", "").unwrap();
        });
        publish_a_posting(&app);
        run_worker(&app, &address, 2).await;
        assert_eq!(seen.lock().unwrap().len(), 1, "only the allowed receiver was called");
        let rows: Vec<(String, i32, Option<String>)> = app.with_conn(|c| {
            tasks::table
                .filter(tasks::kind.eq("deliver_webhook"))
                .order(tasks::id.asc())
                .select((tasks::state, tasks::attempts, tasks::last_error))
                .load(c)
                .unwrap()
        });
        assert_eq!(rows[0].0, "queued", "retried later");
        assert_eq!(rows[0].2.as_deref(), Some("the receiver answered HTTP 500"));
        assert_eq!(rows[1].0, "dead", "a refused address is not retried");
        assert!(rows[1].2.as_deref().unwrap_or_default().contains("webhook-error-private"));
        let logged: Vec<(Option<i32>, Option<String>)> = app.with_conn(|c| {
            webhook_deliveries::table
                .order(webhook_deliveries::id.asc())
                .select((webhook_deliveries::status_code, webhook_deliveries::error))
                .load(c)
                .unwrap()
        });
        assert!(logged.iter().any(|(status, _)| *status == Some(500)));
        assert!(logged.iter().any(|(status, error)| status.is_none()
            && error.as_deref().unwrap_or_default().starts_with("refused")));
    }

    #[actix_web::test]
    async fn receivers_are_heard_retry_after_is_honoured_gone_disables_and_redirects_are_not_followed()
     {
        let app = TestApp::sqlite();
        let later = actix_web::http::header::HttpDate::from(
            std::time::SystemTime::now() + Duration::from_secs(7200),
        );
        let (busy, _) = receiver_with(429, vec![("retry-after", "3600".into())]);
        let (down, _) = receiver_with(503, vec![("retry-after", later.to_string())]);
        let (gone, _) = receiver(410);
        let (elsewhere, followed) = receiver(204);
        let (moved, _) = receiver_with(302, vec![("location", format!("http://{elsewhere}/hook"))]);
        let endpoints: Vec<i64> = app.with_conn(|c| {
            [&busy, &down, &gone, &moved]
                .iter()
                .map(|a| {
                    hireboard::webhooks::endpoint::create(c, &format!("http://{a}/hook"), "*", "")
                        .unwrap()
                })
                .collect()
        });
        publish_a_posting(&app);
        let before = hireboard::db::now();
        run_worker_allowing(&app, &[&busy, &down, &gone, &moved, &elsewhere], 4).await;
        let task = |endpoint: i64| -> (String, chrono::NaiveDateTime) {
            app.with_conn(|c| {
                tasks::table
                    .filter(tasks::kind.eq("deliver_webhook"))
                    .filter(tasks::args.like(format!("%\"endpoint_id\":{endpoint},%")))
                    .select((tasks::state, tasks::run_at))
                    .first(c)
                    .unwrap()
            })
        };
        // 429 with Retry-After: 3600 s, 503 with a date two hours ahead: not sooner.
        let (state, run_at) = task(endpoints[0]);
        assert_eq!(state, "queued");
        assert!(run_at >= before + chrono::Duration::seconds(3590), "{run_at}");
        let (state, run_at) = task(endpoints[1]);
        assert_eq!(state, "queued");
        assert!(run_at >= before + chrono::Duration::seconds(7100), "{run_at}");
        // 410: done, and the endpoint is off.
        assert_eq!(task(endpoints[2]).0, "done");
        let enabled: bool = app.with_conn(|c| {
            webhook_endpoints::table
                .find(endpoints[2])
                .select(webhook_endpoints::enabled)
                .first(c)
                .unwrap()
        });
        assert!(!enabled);
        // 302: not followed, retried later like any other failure.
        assert_eq!(task(endpoints[3]).0, "queued");
        assert!(followed.lock().unwrap().is_empty(), "the redirect was not followed");
    }

    #[actix_web::test]
    async fn during_a_secret_rotation_both_secrets_sign_and_each_verifies() {
        let app = TestApp::sqlite();
        let (address, seen) = receiver(204);
        let endpoint = app.with_conn(|c| {
            hireboard::webhooks::endpoint::create(c, &format!("http://{address}/hook"), "*", "")
                .unwrap()
        });
        let secret_of = |app: &TestApp| -> String {
            app.with_conn(|c| {
                webhook_endpoints::table
                    .find(endpoint)
                    .select(webhook_endpoints::secret)
                    .first(c)
                    .unwrap()
            })
        };
        let old = secret_of(&app);
        // An admin rotates it from the endpoint's page.
        let admin = app.with_conn(|c| crate::support::AdminFactory::new().create(c));
        app.sign_in_as(&admin).await;
        let page = app.get(&format!("/admin/webhooks/{endpoint}")).await;
        assert!(page.body.contains(&format!("/admin/webhooks/{endpoint}/rotate-secret")));
        let res = app.post_admin(&format!("/admin/webhooks/{endpoint}/rotate-secret"), &[]).await;
        assert_eq!(res.status, 303);
        let new = secret_of(&app);
        assert_ne!(new, old);
        publish_a_posting(&app);
        run_worker(&app, &address, 1).await;
        let (id, timestamp, signature, body) = seen.lock().unwrap()[0].clone();
        let timestamp: i64 = timestamp.parse().unwrap();
        let signatures: Vec<&str> = signature.split(' ').collect();
        assert_eq!(
            signatures,
            [
                sign(&new, &id, timestamp, &body).unwrap().as_str(),
                sign(&old, &id, timestamp, &body).unwrap().as_str()
            ]
        );
        // The reference implementation accepts the delivery with either secret.
        for secret in [&new, &old] {
            if let Some(verdict) =
                super::reference_verdict(secret, &id, timestamp, &body, &signature)
            {
                assert_eq!(verdict, "valid", "standardwebhooks, for one of the secrets");
            }
        }
        // The audit log says it happened, without the secrets.
        let audit: Vec<String> = app.with_conn(|c| {
            use hireboard::db::schema::audit_log;
            audit_log::table
                .filter(audit_log::resource.eq("webhooks"))
                .select(audit_log::changes)
                .load(c)
                .unwrap()
        });
        assert_eq!(audit.len(), 1);
        assert!(!audit[0].contains(&old) && !audit[0].contains(&new));
        // A day later only the new one signs.
        let later = hireboard::db::now() + chrono::Duration::hours(25);
        let (current, previous, until): (String, Option<String>, Option<chrono::NaiveDateTime>) =
            app.with_conn(|c| {
                webhook_endpoints::table
                    .find(endpoint)
                    .select((
                        webhook_endpoints::secret,
                        webhook_endpoints::previous_secret,
                        webhook_endpoints::previous_secret_expires_at,
                    ))
                    .first(c)
                    .unwrap()
            });
        assert_eq!(
            hireboard::webhooks::endpoint::signing_secrets(current, previous, until, later),
            [new]
        );
    }

    /// The API's test event reaches the receiver signed with the endpoint's secret, like a
    /// real one, and shows in the endpoint's deliveries.
    #[actix_web::test]
    async fn a_ping_from_the_api_reaches_the_receiver_signed() {
        use hireboard::models::api_token::Scope;
        let app = TestApp::sqlite();
        let (address, seen) = receiver(200);
        let (id, secret, token) = app.with_conn(|c| {
            let url = format!("http://{address}/hook");
            // Only application events: a ping goes to an endpoint whatever it subscribes to.
            let id =
                hireboard::webhooks::endpoint::create(c, &url, "application.created", "").unwrap();
            let secret: String = webhook_endpoints::table
                .find(id)
                .select(webhook_endpoints::secret)
                .first(c)
                .unwrap();
            let token =
                crate::support::ApiTokenFactory::new().scopes(&[Scope::WebhooksWrite]).create(c);
            (id, secret, token)
        });
        let auth = token.bearer();
        let path = format!("/api/v1/webhooks/{id}/ping");
        let res = app.request(Method::POST, &path, &[("authorization", &auth)], None).await;
        assert_eq!(res.status, 202, "{}", res.body);
        let webhook_id = res.json()["webhook_id"].as_str().unwrap().to_owned();
        run_worker(&app, &address, 1).await;
        let seen = seen.lock().unwrap().clone();
        assert_eq!(seen.len(), 1);
        let (id_header, timestamp, signature, body) = &seen[0];
        assert_eq!(*id_header, webhook_id);
        let timestamp: i64 = timestamp.parse().unwrap();
        assert_eq!(sign(&secret, id_header, timestamp, body).as_deref(), Ok(signature.as_str()));
        let payload: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(payload["type"], "webhook.ping");
        assert_eq!(payload["data"]["endpoint_id"], id);
        let shown = app
            .request(
                Method::GET,
                &format!("/api/v1/webhooks/{id}"),
                &[("authorization", &auth)],
                None,
            )
            .await;
        assert_eq!(shown.json()["recent_deliveries"][0]["status_code"], 200, "{}", shown.body);
    }
}
