//! Writing postings through the API: drafts made, changed, published and archived through
//! the back office's own code (audit, events, search), bodies checked field by field, and a
//! company-bound token kept to its company.

use actix_web::http::Method;
use diesel::prelude::*;
use hireboard::db::schema::{audit_log, events, jobs};
use hireboard::models::api_token::Scope;
use serde_json::{Value, json};

use crate::support::{ApiTokenFactory, CompanyFactory, JobFactory, TestApp, backends};

/// Sends `body` as JSON with `method` to `path`, presenting `token`.
async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: &Value,
) -> crate::support::app::Response {
    let auth = format!("Bearer {token}");
    let headers = [("authorization", auth.as_str()), ("content-type", "application/json")];
    app.request(method, path, &headers, Some(body.to_string())).await
}

/// The names of the fields a 422 refused.
fn refused(res: &crate::support::app::Response) -> Vec<String> {
    assert_eq!(res.status, 422, "{}", res.body);
    assert_eq!(res.header("content-type"), Some("application/problem+json"));
    let problem = res.json();
    problem["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("{problem}"))
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_owned())
        .collect()
}

#[actix_web::test]
async fn a_draft_is_made_changed_published_and_archived_like_in_the_back_office() {
    for app in backends() {
        let b = app.backend;
        let token = app.with_conn(|c| {
            CompanyFactory::new().name("Acme Robotics").create(c);
            ApiTokenFactory::new().scopes(&[Scope::JobsRead, Scope::JobsWrite]).create(c)
        });
        let token = token.token;
        let body = json!({
            "company": "acme-robotics",
            "original_language": "en",
            "title": "Robot welder",
            "summary": "Weld robots.",
            "responsibilities": "Weld\nInspect",
            "workplace": "hybrid",
            "city": "Berlin",
            "country": "DE",
            "salary": {"min": 50000, "max": 65000, "currency": "EUR", "period": "year"},
            "skills": ["Welding", "Robotics"],
            "translations": [{"language": "de", "title": "Roboterschweißer", "summary": "Roboter schweißen."}]
        });
        let res = send(&app, Method::POST, "/api/v1/jobs", &token, &body).await;
        assert_eq!(res.status, 201, "{b:?}: {}", res.body);
        let created = res.json();
        let id = created["id"].as_i64().unwrap();
        assert_eq!(res.header("location"), Some(format!("/api/v1/jobs/{id}").as_str()));
        assert_eq!(created["status"], "draft");
        assert_eq!(created["slug"], "robot-welder");
        assert_eq!(created["languages"], json!(["en", "de"]), "{b:?}");
        assert_eq!(created["texts"][1]["title"], "Roboterschweißer");
        assert_eq!(created["salary"]["max"], 65000);
        assert_eq!(created["skills"], json!(["Welding", "Robotics"]), "{b:?}");
        assert_eq!(created["cover_letter"], "optional", "{b:?}: the default");

        // A draft is not public; the token that wrote it reads it.
        assert_eq!(app.get(&format!("/api/v1/jobs/{id}")).await.status, 404);
        let auth = format!("Bearer {token}");
        let own = app.get_with(&format!("/api/v1/jobs/{id}"), &[("authorization", &auth)]).await;
        assert_eq!(own.status, 200, "{b:?}: {}", own.body);
        assert_eq!(own.header("cache-control"), Some("private, no-store"));

        // A change sends only what changes.
        let res = send(
            &app,
            Method::PATCH,
            &format!("/api/v1/jobs/{id}"),
            &token,
            &json!({"title": "Senior robot welder", "valid_through": "2037-06-30", "cover_letter": "required"}),
        )
        .await;
        assert_eq!(res.status, 200, "{b:?}: {}", res.body);
        let changed = res.json();
        assert_eq!(changed["cover_letter"], "required", "{b:?}");
        assert_eq!(changed["texts"][0]["title"], "Senior robot welder");
        assert_eq!(changed["city"], "Berlin", "kept");
        assert!(changed["valid_through"].as_str().unwrap().starts_with("2037-06-30"));
        // The rules of the form hold: an on-site posting needs a city.
        let res = send(
            &app,
            Method::PATCH,
            &format!("/api/v1/jobs/{id}"),
            &token,
            &json!({"workplace": "onsite", "city": null}),
        )
        .await;
        assert_eq!(refused(&res), ["city"], "{b:?}");

        let path = format!("/api/v1/jobs/{id}/publish");
        let res = send(&app, Method::POST, &path, &token, &json!({})).await;
        assert_eq!(res.status, 200, "{b:?}: {}", res.body);
        assert_eq!(res.json()["status"], "published");
        let public = app.get(&format!("/api/v1/jobs/{id}")).await;
        assert_eq!(public.status, 200, "{b:?}");
        let listed = app.get("/api/v1/jobs?q=welder").await.json();
        assert_eq!(listed["data"][0]["id"], id, "{b:?}: found by the search at once");

        let path = format!("/api/v1/jobs/{id}/archive");
        assert_eq!(send(&app, Method::POST, &path, &token, &json!({})).await.status, 200);
        let again = send(&app, Method::POST, &path, &token, &json!({})).await;
        assert_eq!(again.status, 409, "{b:?}: {}", again.body);
        assert!(again.json()["type"].as_str().unwrap().ends_with("#problem-status-conflict"));

        // Audited as the token, with events for the webhooks.
        let (actors, kinds): (Vec<String>, Vec<String>) = app.with_conn(|c| {
            let actors = audit_log::table
                .filter(audit_log::resource.eq("jobs"))
                .filter(audit_log::record_id.eq(id))
                .select(audit_log::actor)
                .load(c)
                .unwrap();
            let kinds = events::table
                .filter(events::subject_id.eq(id))
                .order(events::id.asc())
                .select(events::kind)
                .load(c)
                .unwrap();
            (actors, kinds)
        });
        assert_eq!(actors.len(), 4, "{b:?}: create, change, publish, archive: {actors:?}");
        assert!(actors.iter().all(|a| a.starts_with("API: Partner")), "{actors:?}");
        assert_eq!(kinds, ["job.updated", "job.published", "job.updated"], "{b:?}");
    }
}

#[actix_web::test]
async fn bodies_are_checked_field_by_field_and_nothing_is_written() {
    let app = TestApp::sqlite();
    let token = app.with_conn(|c| {
        CompanyFactory::new().name("Acme").create(c);
        ApiTokenFactory::new().create(c)
    });
    let token = &token.token;
    let post = async |body: Value| send(&app, Method::POST, "/api/v1/jobs", token, &body).await;
    assert_eq!(
        refused(
            &post(json!({"company": "acme", "title": "X", "summary": "S", "colour": "red"})).await
        ),
        ["colour"]
    );
    assert_eq!(
        refused(
            &post(json!({"company": "acme", "title": "X", "summary": "S", "salary": {"bonus": 1}}))
                .await
        ),
        ["salary.bonus"]
    );
    assert_eq!(
        refused(
            &post(
                json!({"company": "acme", "title": "X", "summary": "S", "salary": {"min": "lots"}})
            )
            .await
        ),
        ["salary.min"]
    );
    assert_eq!(refused(&post(json!({"company": "acme"})).await), ["title", "summary"]);
    assert_eq!(refused(&post(json!({"company": "nobody", "title": "X"})).await), ["company"]);
    assert_eq!(
        refused(
            &post(json!({"company": "acme", "title": "X", "summary": "S", "workplace": "moon", "city": "A"})).await
        ),
        ["workplace"]
    );
    let res = post(json!({"company": "acme", "title": "X", "summary": "S", "city": "A",
        "translations": [{"language": "fr", "title": "Y"}]}))
    .await;
    assert_eq!(refused(&res), ["translations.language"]);
    let localized = app
        .request(
            Method::POST,
            "/api/v1/jobs",
            &[
                ("authorization", &format!("Bearer {token}")),
                ("content-type", "application/json"),
                ("accept-language", "de"),
            ],
            Some(r#"{"company": "acme", "title": "X", "summary": "S", "colour": 1}"#.into()),
        )
        .await;
    assert_eq!(localized.json()["errors"][0]["reason"], "Dieses Feld ist hier nicht bekannt.");

    let auth = format!("Bearer {token}");
    let not_json = app
        .request(
            Method::POST,
            "/api/v1/jobs",
            &[("authorization", &auth), ("content-type", "text/plain")],
            Some("title=X".into()),
        )
        .await;
    assert_eq!(not_json.status, 415, "{}", not_json.body);
    let broken = app
        .request(
            Method::POST,
            "/api/v1/jobs",
            &[("authorization", &auth), ("content-type", "application/json")],
            Some("{\"title\": ".into()),
        )
        .await;
    assert_eq!(refused(&broken), ["body"]);
    let html_only = app
        .request(
            Method::POST,
            "/api/v1/jobs",
            &[
                ("authorization", &auth),
                ("content-type", "application/json"),
                ("accept", "text/html"),
            ],
            Some("{}".into()),
        )
        .await;
    assert_eq!(html_only.status, 406);
    assert_eq!(html_only.header("content-type"), Some("application/problem+json"));
    let huge = json!({"company": "acme", "title": "X", "summary": "a".repeat(300 * 1024)});
    let res = post(huge).await;
    assert_eq!(res.status, 413, "{}", res.body);
    assert_eq!(res.header("content-type"), Some("application/problem+json"));

    let count: i64 = app.with_conn(|c| jobs::table.count().get_result(c).unwrap());
    assert_eq!(count, 0, "nothing was written");
}

#[actix_web::test]
async fn a_company_token_writes_only_its_company_and_others_are_not_found() {
    for app in backends() {
        let b = app.backend;
        let (mine, theirs, bound, reader) = app.with_conn(|c| {
            let mine = CompanyFactory::new().name("Mine").create(c);
            let other = CompanyFactory::new().name("Theirs").create(c);
            let theirs =
                JobFactory::new(&other).status(hireboard::models::JobStatus::Draft).create(c).id;
            let bound = ApiTokenFactory::new().company(&mine).create(c);
            let reader = ApiTokenFactory::new().scopes(&[Scope::JobsRead]).create(c);
            (mine, theirs, bound, reader)
        });
        // Without a company named, the token's own; another company is refused.
        let res = send(
            &app,
            Method::POST,
            "/api/v1/jobs",
            &bound.token,
            &json!({"title": "Mine", "summary": "S", "city": "Kyiv"}),
        )
        .await;
        assert_eq!(res.status, 201, "{b:?}: {}", res.body);
        assert_eq!(res.json()["company"]["slug"], mine.slug);
        let res = send(
            &app,
            Method::POST,
            "/api/v1/jobs",
            &bound.token,
            &json!({"title": "Theirs", "summary": "S", "city": "Kyiv", "company": "theirs"}),
        )
        .await;
        assert_eq!(refused(&res), ["company"], "{b:?}");
        // Their posting does not exist for this token, whatever it tries.
        let auth = bound.bearer();
        for (method, path) in [
            (Method::GET, format!("/api/v1/jobs/{theirs}")),
            (Method::PATCH, format!("/api/v1/jobs/{theirs}")),
            (Method::POST, format!("/api/v1/jobs/{theirs}/publish")),
            (Method::POST, format!("/api/v1/jobs/{theirs}/archive")),
        ] {
            let res = app
                .request(
                    method.clone(),
                    &path,
                    &[("authorization", &auth), ("content-type", "application/json")],
                    Some(r#"{"title": "Taken"}"#.into()),
                )
                .await;
            assert_eq!(res.status, 404, "{b:?}: {method} {path}: {}", res.body);
        }
        let title: String =
            app.with_conn(|c| jobs::table.find(theirs).select(jobs::title).first(c).unwrap());
        assert_ne!(title, "Taken");
        // A token without jobs:write may not write; without a token nothing is written.
        let res = send(&app, Method::POST, "/api/v1/jobs", &reader.token, &json!({})).await;
        assert_eq!(res.status, 403, "{b:?}");
        assert_eq!(
            res.header("www-authenticate"),
            Some("Bearer realm=\"hireboard\", error=\"insufficient_scope\", scope=\"jobs:write\"")
        );
        assert!(res.json()["detail"].as_str().unwrap().contains("jobs:write"));
        let anonymous = app
            .request(
                Method::POST,
                "/api/v1/jobs",
                &[("content-type", "application/json")],
                Some("{}".into()),
            )
            .await;
        assert_eq!(anonymous.status, 401, "{b:?}");
    }
}
