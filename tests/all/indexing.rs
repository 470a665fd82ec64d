//! Google's Indexing API against a local fake: the service account signs in with an RS256
//! assertion the fake checks with the account's public key, and each posting that goes live
//! or closes is told once, in order; a failing API leaves the cursor where it was and the next
//! run sends again. Without configuration nothing happens.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use diesel::prelude::*;
use hireboard::db::schema::{indexing_cursor, tasks};
use hireboard::models::JobStatus;
use hireboard::models::audit::Actor;
use hireboard::tasks::Task;

use crate::support::{CompanyFactory, JobFactory, TestApp};

/// The fake API: the account's public key, the status `publish` answers, what it was told.
struct Fake {
    public_key: Vec<u8>,
    client_email: String,
    status: Mutex<u16>,
    told: Mutex<Vec<serde_json::Value>>,
}

async fn token(fake: web::Data<Arc<Fake>>, form: web::Form<Vec<(String, String)>>) -> HttpResponse {
    let field = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    assert_eq!(field("grant_type").as_deref(), Some("urn:ietf:params:oauth:grant-type:jwt-bearer"));
    let assertion = field("assertion").unwrap_or_default();
    let parts: Vec<&str> = assertion.split('.').collect();
    let [header, claims, signature] = parts.as_slice() else {
        return HttpResponse::BadRequest().finish();
    };
    let key = ring::signature::UnparsedPublicKey::new(
        &ring::signature::RSA_PKCS1_2048_8192_SHA256,
        &fake.public_key,
    );
    let signed = format!("{header}.{claims}");
    if key.verify(signed.as_bytes(), &URL_SAFE_NO_PAD.decode(signature).unwrap()).is_err() {
        return HttpResponse::BadRequest().body("invalid_grant");
    }
    let claims: serde_json::Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(claims).unwrap()).unwrap();
    assert_eq!(claims["iss"], fake.client_email.as_str());
    assert_eq!(claims["scope"], "https://www.googleapis.com/auth/indexing");
    HttpResponse::Ok().json(serde_json::json!({
        "access_token": "ya29.fake", "expires_in": 3599, "token_type": "Bearer"
    }))
}

async fn publish(
    req: HttpRequest,
    fake: web::Data<Arc<Fake>>,
    body: web::Json<serde_json::Value>,
) -> HttpResponse {
    let auth = req.headers().get("authorization").and_then(|v| v.to_str().ok());
    if auth != Some("Bearer ya29.fake") {
        return HttpResponse::Unauthorized().finish();
    }
    let status = *fake.status.lock().unwrap();
    if status == 200 {
        fake.told.lock().unwrap().push(body.into_inner());
    }
    HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap())
        .json(serde_json::json!({}))
}

/// A service account's key file (a fresh RSA key from `openssl`) whose token address is the
/// fake's; `None` (outside CI only) without `openssl`.
fn account(dir: &std::path::Path, address: &str) -> Option<(std::path::PathBuf, Vec<u8>)> {
    let out = std::process::Command::new("openssl")
        .args(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"])
        .output()
        .ok()
        .filter(|o| o.status.success());
    let Some(out) = out else {
        assert!(std::env::var_os("CI").is_none(), "CI must have openssl");
        eprintln!("note: Indexing API test skipped: openssl is needed to make a key");
        return None;
    };
    let pem = String::from_utf8(out.stdout).unwrap();
    let der: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let pair = ring::rsa::KeyPair::from_pkcs8(&STANDARD.decode(der).unwrap()).unwrap();
    let public_key = pair.public().as_ref().to_vec();
    let path = dir.join("service-account.json");
    let file = serde_json::json!({
        "type": "service_account",
        "client_email": "board@hireboard-test.iam.gserviceaccount.com",
        "private_key": pem,
        "token_uri": format!("http://{address}/token"),
    });
    std::fs::write(&path, file.to_string()).unwrap();
    Some((path, public_key))
}

/// Runs one sweep to its end; its state and error.
async fn sweep(app: &TestApp) -> (String, Option<String>) {
    let id = app.with_conn(|c| {
        diesel::delete(tasks::table.filter(tasks::kind.eq("indexing_sweep"))).execute(c).unwrap();
        hireboard::tasks::indexing::IndexingSweep.enqueue(c).unwrap().unwrap()
    });
    let handle = app.worker(None, 1);
    let deadline = Instant::now() + Duration::from_secs(20);
    let state = loop {
        let state: (String, Option<String>) = app.with_conn(|c| {
            tasks::table.find(id).select((tasks::state, tasks::last_error)).first(c).unwrap()
        });
        if state.0 == "done" || state.0 == "dead" {
            break state;
        }
        assert!(Instant::now() < deadline, "the sweep did not end");
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    };
    actix_web::rt::task::spawn_blocking(move || handle.shutdown()).await.unwrap();
    state
}

fn move_to(app: &TestApp, id: i64, to: JobStatus) {
    let actor = Actor { admin_user_id: None, label: "test".into() };
    app.with_conn(|c| {
        hireboard::models::job::lifecycle::change_status(c, id, to, &actor, hireboard::db::now())
            .unwrap()
    });
}

#[actix_web::test]
async fn postings_going_live_and_closing_are_told_to_the_indexing_api_once() {
    let dir = tempfile::tempdir().unwrap();
    // The key file names the fake's address: a free port, taken again by the fake below.
    let address = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().to_string()
    };
    let Some((path, public_key)) = account(dir.path(), &address) else {
        return;
    };
    let fake = Arc::new(Fake {
        public_key,
        client_email: "board@hireboard-test.iam.gserviceaccount.com".into(),
        status: Mutex::new(200),
        told: Mutex::default(),
    });
    let server_fake = fake.clone();
    let server = HttpServer::new(move || {
        App::new()
            .app_data(web::Data::new(server_fake.clone()))
            .route("/token", web::post().to(token))
            .route("/v3/urlNotifications:publish", web::post().to(publish))
    })
    .workers(1)
    .bind(&address)
    .unwrap();
    actix_web::rt::spawn(server.run());
    let endpoint = format!("http://{address}/v3/urlNotifications:publish");
    let app = TestApp::sqlite_with(&[
        ("GOOGLE_INDEXING_CREDENTIALS", path.to_str().unwrap()),
        ("GOOGLE_INDEXING_ENDPOINT", &endpoint),
    ]);
    let company = app.with_conn(|c| CompanyFactory::new().create(c));
    let old = app.with_conn(|c| JobFactory::new(&company).title("Old Posting").create(c));
    // The first run starts at the latest event: what happened before is not sent.
    assert_eq!(sweep(&app).await, ("done".into(), None));
    assert!(fake.told.lock().unwrap().is_empty());
    let job = app.with_conn(|c| {
        JobFactory::new(&company).title("Crane Operator").status(JobStatus::Draft).create(c)
    });
    move_to(&app, job.id, JobStatus::Published);
    assert_eq!(sweep(&app).await, ("done".into(), None));
    let url = format!("https://jobs.example.test/en/jobs/{}", job.slug);
    assert_eq!(
        *fake.told.lock().unwrap(),
        [serde_json::json!({ "url": url, "type": "URL_UPDATED" })]
    );
    // Nothing new: nothing sent.
    assert_eq!(sweep(&app).await, ("done".into(), None));
    assert_eq!(fake.told.lock().unwrap().len(), 1);

    // The API fails: the task ends dead with why, and the next run sends what it missed.
    move_to(&app, job.id, JobStatus::Archived);
    *fake.status.lock().unwrap() = 503;
    let cursor = |app: &TestApp| -> i64 {
        app.with_conn(|c| {
            indexing_cursor::table.select(indexing_cursor::last_event_id).first(c).unwrap()
        })
    };
    let before = cursor(&app);
    let (state, error) = sweep(&app).await;
    assert_eq!(state, "dead");
    assert!(error.as_deref().is_some_and(|e| e.contains("HTTP 503")), "{error:?}");
    assert_eq!(cursor(&app), before);
    *fake.status.lock().unwrap() = 200;
    assert_eq!(sweep(&app).await, ("done".into(), None));
    assert_eq!(
        fake.told.lock().unwrap().last(),
        Some(&serde_json::json!({ "url": url, "type": "URL_DELETED" }))
    );
    assert!(
        !fake.told.lock().unwrap().iter().any(|t| t["url"].as_str().unwrap().contains(&old.slug))
    );
}

#[actix_web::test]
async fn without_credentials_the_sweep_does_nothing() {
    let app = TestApp::sqlite();
    let company = app.with_conn(|c| CompanyFactory::new().create(c));
    let job = app.with_conn(|c| JobFactory::new(&company).status(JobStatus::Draft).create(c));
    move_to(&app, job.id, JobStatus::Published);
    assert_eq!(sweep(&app).await, ("done".into(), None));
    let cursors: i64 = app.with_conn(|c| indexing_cursor::table.count().get_result(c).unwrap());
    assert_eq!(cursors, 0);
}
