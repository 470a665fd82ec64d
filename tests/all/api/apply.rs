//! Applying on a candidate's behalf (`POST /api/v1/jobs/{id}/applications`) and the
//! `Idempotency-Key` header: one row per key however often a request is sent, the first
//! response again, another request under a used key refused; bad input named field by field.

use actix_web::http::Method;
use diesel::prelude::*;
use hireboard::db::schema::{applications, events, jobs, tasks};
use hireboard::models::api_token::Scope;
use hireboard::models::idempotency::{self, Claim, Kept};

use crate::support::{ApiTokenFactory, CompanyFactory, JobFactory, Part, backends};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

fn count(app: &crate::support::TestApp, job: i64) -> i64 {
    app.with_conn(|c| {
        applications::table.filter(applications::job_id.eq(job)).count().get_result(c).unwrap()
    })
}

#[actix_web::test]
async fn an_application_with_its_cv_is_kept_once_per_idempotency_key() {
    for app in backends() {
        let b = app.backend;
        let (job, slug, token) = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            let job = JobFactory::new(&co).title("Welder").create(c);
            let token = ApiTokenFactory::new()
                .scopes(&[Scope::ApplicationsRead, Scope::ApplicationsWrite])
                .create(c);
            (job.id, job.slug, token)
        });
        let auth = token.bearer();
        let path = format!("/api/v1/jobs/{slug}/applications");
        let fields = |name: &'static str| {
            vec![
                Part::Text("name", name),
                Part::Text("email", "ada@example.org"),
                Part::Text("cover_letter", "I have welded for ten years."),
                Part::Text("language", "de"),
                Part::Text("consent", "true"),
                Part::File("cv", "Lebenslauf.pdf", "application/pdf", PDF),
            ]
        };
        let send = async |parts: &[Part<'_>], key: &str, boundary: &str| {
            let headers = [("authorization", auth.as_str()), ("idempotency-key", key)];
            app.post_parts_with(&path, parts, &headers, boundary).await
        };

        let first = send(&fields("Ada Lovelace"), "key-1", "boundary-one").await;
        assert_eq!(first.status, 201, "{b:?}: {}", first.body);
        let body = first.json();
        let id = body["id"].as_i64().unwrap();
        assert_eq!(first.header("location"), Some(format!("/api/v1/applications/{id}").as_str()));
        assert_eq!(body["name"], "Ada Lovelace");
        assert_eq!(body["job"]["id"], job);
        assert_eq!(body["language"], "de");
        assert_eq!(body["stage"], "new");
        assert_eq!(first.header("idempotent-replayed"), None);
        // The CV was checked and kept; the tracking system can read it back.
        let cv_url =
            body["cv_url"].as_str().unwrap().trim_start_matches(&app.state.config.base_url);
        let file = app.get_with(cv_url, &[("authorization", auth.as_str())]).await;
        assert_eq!(file.status, 200, "{b:?}");
        assert_eq!(file.raw, PDF);

        // Sent again, as a client does after a lost response (another boundary): the first
        // response, and still one row.
        let again = send(&fields("Ada Lovelace"), "key-1", "boundary-two").await;
        assert_eq!(again.status, 201, "{b:?}: {}", again.body);
        assert_eq!(again.header("idempotent-replayed"), Some("true"));
        assert_eq!(again.json(), body, "{b:?}");
        assert_eq!(again.header("location"), first.header("location"));
        assert_eq!(count(&app, job), 1, "{b:?}");

        // Another request under the same key is refused, and changes nothing.
        let other = send(&fields("Grace Hopper"), "key-1", "boundary-one").await;
        assert_eq!(other.status, 422, "{b:?}: {}", other.body);
        assert_eq!(other.json()["errors"][0]["name"], "Idempotency-Key");
        assert_eq!(count(&app, job), 1, "{b:?}");

        // The same address under a new key: already applied.
        let duplicate = send(&fields("Ada Lovelace"), "key-2", "boundary-one").await;
        assert_eq!(duplicate.status, 409, "{b:?}: {}", duplicate.body);
        let kind = duplicate.json()["type"].as_str().unwrap().to_owned();
        assert!(kind.ends_with("#problem-application-duplicate"), "{kind}");
        assert_eq!(count(&app, job), 1, "{b:?}");

        // The same model code as the apply form: its event, the receipt and the notice.
        let (events, mails) = app.with_conn(|c| {
            let events: i64 = events::table
                .filter(events::kind.eq("application.created"))
                .filter(events::subject_id.eq(id))
                .count()
                .get_result(c)
                .unwrap();
            let mails: i64 =
                tasks::table.filter(tasks::kind.eq("send_mail")).count().get_result(c).unwrap();
            (events, mails)
        });
        assert_eq!((events, mails), (1, 2), "{b:?}: the event, the receipt and the notice");

        // A key whose request failed may carry the corrected request.
        let other_email = |name: &'static str| {
            vec![
                Part::Text("name", name),
                Part::Text("email", "grace@example.org"),
                Part::Text("cover_letter", "Compilers."),
                Part::Text("consent", "true"),
            ]
        };
        let failed = send(&other_email(""), "key-3", "b").await;
        assert_eq!(failed.status, 422, "{b:?}");
        let fixed = send(&other_email("Grace Hopper"), "key-3", "b").await;
        assert_eq!(fixed.status, 201, "{b:?}: {}", fixed.body);
        assert_eq!(fixed.json()["language"], "en", "{b:?}: the posting's language by default");
        assert_eq!(count(&app, job), 2, "{b:?}");
    }
}

#[actix_web::test]
async fn bad_applications_are_refused_field_by_field_and_change_nothing() {
    for app in backends() {
        let b = app.backend;
        let (job, draft, token) = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            let job = JobFactory::new(&co).create(c).id;
            let draft =
                JobFactory::new(&co).status(hireboard::models::JobStatus::Draft).create(c).id;
            let token = ApiTokenFactory::new().scopes(&[Scope::ApplicationsWrite]).create(c);
            (job, draft, token)
        });
        let auth = token.bearer();
        let path = format!("/api/v1/jobs/{job}/applications");
        let headers = [("authorization", auth.as_str())];
        let post =
            async |parts: &[Part<'_>]| app.post_parts_with(&path, parts, &headers, "b").await;
        let refused = |res: &crate::support::Response| -> Vec<String> {
            assert_eq!(res.status, 422, "{b:?}: {}", res.body);
            let doc = res.json();
            doc["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    assert!(!e["reason"].as_str().unwrap().is_empty());
                    e["name"].as_str().unwrap().to_owned()
                })
                .collect()
        };

        // Unknown fields, and a CV sent as text, by name.
        let res = post(&[
            Part::Text("name", "Ada"),
            Part::Text("salary", "100000"),
            Part::Text("cv", "see attached"),
        ])
        .await;
        assert_eq!(refused(&res), ["salary", "cv"], "{b:?}");
        // Every field's problem at once: no name, no consent ("yes" is not true), an image.
        let res = post(&[
            Part::Text("email", "not-an-address"),
            Part::Text("cover_letter", "Hello."),
            Part::Text("consent", "yes"),
            Part::File("cv", "cv.pdf", "application/pdf", PNG),
        ])
        .await;
        assert_eq!(refused(&res), ["name", "email", "consent", "cv"], "{b:?}");
        let res = post(&[Part::Text("language", "xx")]).await;
        assert_eq!(refused(&res), ["language"], "{b:?}");

        // Not a form: 415, in the client's language.
        let res = app
            .request(
                Method::POST,
                &path,
                &[
                    ("authorization", auth.as_str()),
                    ("content-type", "application/json"),
                    ("accept-language", "de"),
                ],
                Some("{}".into()),
            )
            .await;
        assert_eq!(res.status, 415, "{b:?}");
        assert_eq!(res.json()["title"], "Medientyp nicht unterstützt");
        // A malformed key.
        let res = app
            .post_parts_with(
                &path,
                &[Part::Text("name", "Ada")],
                &[("authorization", auth.as_str()), ("idempotency-key", "two words")],
                "b",
            )
            .await;
        assert_eq!(refused(&res), ["Idempotency-Key"], "{b:?}");
        // A draft takes no applications.
        let good = [
            Part::Text("name", "Ada"),
            Part::Text("email", "ada@example.org"),
            Part::Text("cover_letter", "Hello."),
            Part::Text("consent", "true"),
        ];
        let res = app
            .post_parts_with(&format!("/api/v1/jobs/{draft}/applications"), &good, &headers, "b")
            .await;
        assert_eq!(res.status, 409, "{b:?}: {}", res.body);
        assert!(res.json()["type"].as_str().unwrap().ends_with("#problem-job-closed"));
        // A CV past 10 MB: 413, not read to its end.
        let big = vec![b'%'; 10 * 1024 * 1024 + 1];
        let mut parts = good.to_vec();
        parts.push(Part::File("cv", "cv.pdf", "application/pdf", &big));
        let res = post(&parts).await;
        assert_eq!(res.status, 413, "{b:?}");

        let total: i64 = app.with_conn(|c| {
            applications::table
                .inner_join(jobs::table)
                .filter(jobs::id.eq_any([job, draft]))
                .count()
                .get_result(c)
                .unwrap()
        });
        assert_eq!(total, 0, "{b:?}");
        // A company's token cannot apply to another company's posting, by id or slug.
        let other = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            ApiTokenFactory::new().scopes(&[Scope::ApplicationsWrite]).company(&co).create(c)
        });
        let other_auth = other.bearer();
        let res =
            app.post_parts_with(&path, &good, &[("authorization", other_auth.as_str())], "b").await;
        assert_eq!(res.status, 404, "{b:?}");
    }
}

#[actix_web::test]
async fn a_retried_posting_is_created_once() {
    for app in backends() {
        let b = app.backend;
        let (company, token) = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            (co.slug.clone(), ApiTokenFactory::new().scopes(&[Scope::JobsWrite]).create(c))
        });
        let auth = token.bearer();
        let post = async |body: String, key: &str| {
            let headers = [
                ("authorization", auth.as_str()),
                ("content-type", "application/json"),
                ("idempotency-key", key),
            ];
            app.request(Method::POST, "/api/v1/jobs", &headers, Some(body)).await
        };
        let first =
            post(format!(r#"{{"company": "{company}", "title": "Glazier", "summary": "Glass.", "workplace": "remote"}}"#), "job-1")
                .await;
        assert_eq!(first.status, 201, "{b:?}: {}", first.body);
        // The same document, its keys in another order and spaced otherwise.
        let again =
            post(format!(r#"{{ "workplace":"remote", "summary":"Glass.", "title":"Glazier",  "company":"{company}" }}"#), "job-1")
                .await;
        assert_eq!(again.status, 201, "{b:?}: {}", again.body);
        assert_eq!(again.header("idempotent-replayed"), Some("true"));
        assert_eq!(again.json()["id"], first.json()["id"]);
        let other = post(
            format!(r#"{{"company": "{company}", "title": "Roofer", "summary": "Roofs."}}"#),
            "job-1",
        )
        .await;
        assert_eq!(other.status, 422, "{b:?}");
        let made: i64 = app.with_conn(|c| jobs::table.count().get_result(c).unwrap());
        assert_eq!(made, 1, "{b:?}");
    }
}

#[actix_web::test]
async fn keys_are_claimed_once_kept_and_forgotten() {
    for app in backends() {
        let b = app.backend;
        let (token, other) = app.with_conn(|c| {
            (ApiTokenFactory::new().create(c).id, ApiTokenFactory::new().create(c).id)
        });
        let now = hireboard::db::now();
        app.with_conn(|c| {
            let Claim::New(id) = idempotency::claim(c, token, "k", "d1", now).unwrap() else {
                panic!("{b:?}: a new key")
            };
            assert_eq!(idempotency::claim(c, token, "k", "d1", now).unwrap(), Claim::InFlight);
            assert_eq!(idempotency::claim(c, token, "k", "d2", now).unwrap(), Claim::Mismatch);
            // Keys are the token's own.
            assert!(matches!(idempotency::claim(c, other, "k", "d2", now).unwrap(), Claim::New(_)));
            let kept = Kept { status: 201, location: Some("/x".into()), body: "{}".into() };
            idempotency::keep(c, id, &kept).unwrap();
            assert_eq!(idempotency::claim(c, token, "k", "d1", now).unwrap(), Claim::Replay(kept));
            // A day later the key is new again; an unanswered one is free after ten minutes.
            let later = now + idempotency::KEEP + chrono::TimeDelta::seconds(1);
            assert!(matches!(
                idempotency::claim(c, token, "k", "d2", later).unwrap(),
                Claim::New(_)
            ));
            let soon = now + idempotency::ABANDONED_AFTER + chrono::TimeDelta::seconds(1);
            assert!(matches!(
                idempotency::claim(c, other, "k", "d3", soon).unwrap(),
                Claim::New(_)
            ));
            assert_eq!(idempotency::purge(c, later + chrono::TimeDelta::seconds(1)).unwrap(), 2);
        });
    }
}
