//! Writing companies with a token: made, changed field by field with translations, given a
//! logo (checked by content, its versions made by a task) and rid of it, through the back
//! office's form; company-bound tokens change only their own and make none.

use actix_web::http::Method;
use diesel::prelude::*;
use hireboard::db::schema::{audit_log, companies, tasks};
use hireboard::models::api_token::Scope;

use crate::support::{ApiTokenFactory, CompanyFactory, Part, TestApp, backends};

fn png(width: u32, height: u32) -> Vec<u8> {
    let image = image::DynamicImage::new_rgb8(width, height);
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    auth: &str,
    body: serde_json::Value,
) -> crate::support::Response {
    let headers = [("authorization", auth), ("content-type", "application/json")];
    app.request(method, path, &headers, Some(body.to_string())).await
}

#[actix_web::test]
async fn companies_are_made_changed_and_given_a_logo_through_the_form() {
    for app in backends() {
        let b = app.backend;
        let token = app.with_conn(|c| ApiTokenFactory::new().scopes(&[Scope::JobsWrite]).create(c));
        let auth = token.bearer();

        let made = send(
            &app,
            Method::POST,
            "/api/v1/companies",
            &auth,
            serde_json::json!({
                "name": "Glasshouse Studio",
                "original_language": "en",
                "description": "We make windows.",
                "website": "https://glasshouse.example",
                "country": "DE",
                "translations": [{"language": "de", "description": "Wir machen Fenster."}],
            }),
        )
        .await;
        assert_eq!(made.status, 201, "{b}: {}", made.body);
        let body = made.json();
        let id = body["id"].as_i64().unwrap();
        assert_eq!(made.header("location"), Some(format!("/api/v1/companies/{id}").as_str()));
        assert_eq!(body["slug"], "glasshouse-studio");
        assert_eq!(body["languages"], serde_json::json!(["en", "de"]));
        assert_eq!(app.get("/api/v1/companies/glasshouse-studio").await.json(), body, "{b}");

        // A change sends only what changes; null clears.
        let changed = send(
            &app,
            Method::PATCH,
            "/api/v1/companies/glasshouse-studio",
            &auth,
            serde_json::json!({"city": "Leipzig", "website": null}),
        )
        .await;
        assert_eq!(changed.status, 200, "{b}: {}", changed.body);
        let body = changed.json();
        assert_eq!(body["city"], "Leipzig");
        assert_eq!(body["website"], serde_json::Value::Null);
        assert_eq!(body["name"], "Glasshouse Studio", "{b}: kept");
        // The form's own checks, named by the API's field names.
        let refused = send(
            &app,
            Method::PATCH,
            &format!("/api/v1/companies/{id}"),
            &auth,
            serde_json::json!({"name": "", "country": "XX", "colour": "red"}),
        )
        .await;
        assert_eq!(refused.status, 422, "{b}");
        assert_eq!(refused.json()["errors"][0]["name"], "colour", "{b}: unknown fields first");
        let refused = send(
            &app,
            Method::PATCH,
            &format!("/api/v1/companies/{id}"),
            &auth,
            serde_json::json!({"name": "", "country": "XX"}),
        )
        .await;
        let names: Vec<String> = refused.json()["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["name", "country"], "{b}: {}", refused.body);

        // A logo: checked by content, stored, its versions made by a task.
        let logo = png(300, 120);
        let path = format!("/api/v1/companies/{id}/logo");
        let put = async |bytes: &[u8]| {
            let parts = [Part::File("logo", "logo.png", "image/png", bytes)];
            app.send_parts(Method::PUT, &path, &parts, &[("authorization", auth.as_str())], "b")
                .await
        };
        let res = put(&logo).await;
        assert_eq!(res.status, 200, "{b}: {}", res.body);
        let url = res.json()["logo_url"].as_str().unwrap().to_owned();
        let key: Option<String> = app
            .with_conn(|c| companies::table.find(id).select(companies::logo_key).first(c).unwrap());
        let key = key.expect("a logo key");
        assert!(url.contains(&key) || url.contains("logos/"), "{url}");
        let versions: i64 = app.with_conn(|c| {
            tasks::table.filter(tasks::kind.eq("logo_versions")).count().get_result(c).unwrap()
        });
        assert_eq!(versions, 1, "{b}");
        // Not an image: 422 naming the field, and the logo stays.
        let res = put(b"GIF89a not really").await;
        assert_eq!(res.status, 422, "{b}: {}", res.body);
        assert_eq!(res.json()["errors"][0]["name"], "logo");
        // JSON is not a file: 415.
        let res = send(&app, Method::PUT, &path, &auth, serde_json::json!({})).await;
        assert_eq!(res.status, 415, "{b}");
        // Removed, with its file.
        let res =
            app.request(Method::DELETE, &path, &[("authorization", auth.as_str())], None).await;
        assert_eq!(res.status, 200, "{b}: {}", res.body);
        assert_eq!(res.json()["logo_url"], serde_json::Value::Null);
        assert_eq!(app.state.storage.get(&key).await.unwrap(), None, "{b}: the old file is gone");

        let audited: i64 = app.with_conn(|c| {
            audit_log::table
                .filter(audit_log::resource.eq("companies"))
                .filter(audit_log::record_id.eq(id))
                .filter(audit_log::actor.like("API: %"))
                .count()
                .get_result(c)
                .unwrap()
        });
        assert_eq!(audited, 4, "{b}: made, changed, logo put and removed");
    }
}

#[actix_web::test]
async fn a_company_token_changes_only_its_company_and_makes_none() {
    for app in backends() {
        let b = app.backend;
        let (own, other, token) = app.with_conn(|c| {
            let own = CompanyFactory::new().create(c);
            let other = CompanyFactory::new().create(c);
            let token = ApiTokenFactory::new().scopes(&[Scope::JobsWrite]).company(&own).create(c);
            (own, other, token)
        });
        let auth = token.bearer();
        let res = send(
            &app,
            Method::PATCH,
            &format!("/api/v1/companies/{}", own.slug),
            &auth,
            serde_json::json!({"city": "Graz"}),
        )
        .await;
        assert_eq!(res.status, 200, "{b}: {}", res.body);
        for key in [other.slug.clone(), other.id.to_string()] {
            let res = send(
                &app,
                Method::PATCH,
                &format!("/api/v1/companies/{key}"),
                &auth,
                serde_json::json!({"city": "Graz"}),
            )
            .await;
            assert_eq!(res.status, 404, "{b}: {key}");
            let res = app
                .request(
                    Method::DELETE,
                    &format!("/api/v1/companies/{key}/logo"),
                    &[("authorization", auth.as_str())],
                    None,
                )
                .await;
            assert_eq!(res.status, 404, "{b}: {key}");
        }
        let res = send(
            &app,
            Method::POST,
            "/api/v1/companies",
            &auth,
            serde_json::json!({"name": "Mine too", "description": "x"}),
        )
        .await;
        assert_eq!(res.status, 403, "{b}");
        let city: Option<String> = app.with_conn(|c| {
            companies::table.find(other.id).select(companies::city).first(c).unwrap()
        });
        assert_ne!(city.as_deref(), Some("Graz"), "{b}");
    }
}
