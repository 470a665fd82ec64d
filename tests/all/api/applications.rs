//! Applications for tracking systems: listed newest first by cursor, read one by one with
//! the CV, moved through the pipeline by its rules; a company's token sees only its own.

use actix_web::http::Method;
use diesel::prelude::*;
use hireboard::db::schema::{applications, audit_log};
use hireboard::models::ApplicationStatus;
use hireboard::models::api_token::Scope;

use crate::support::{ApiTokenFactory, ApplicationFactory, CompanyFactory, JobFactory, backends};

#[actix_web::test]
async fn applications_are_listed_read_downloaded_and_moved_by_the_pipelines_rules() {
    for app in backends() {
        let b = app.backend;
        let (job, ids, token) = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            let job = JobFactory::new(&co).title("Welder").create(c).id;
            let ids: Vec<i64> = (0..5)
                .map(|n| ApplicationFactory::new(job).name(&format!("Applicant {n}")).create(c).id)
                .collect();
            let token = ApiTokenFactory::new()
                .scopes(&[Scope::ApplicationsRead, Scope::ApplicationsWrite])
                .create(c);
            (job, ids, token)
        });
        let auth = token.bearer();
        let headers = [("authorization", auth.as_str())];
        // Newest first, two at a time, every one once.
        let mut seen = Vec::new();
        let mut next = Some(format!("/api/v1/applications?job={job}&limit=2"));
        while let Some(url) = next {
            let path = url.trim_start_matches(&app.state.config.base_url).to_owned();
            let res = app.get_with(&path, &headers).await;
            assert_eq!(res.status, 200, "{b:?}: {path}: {}", res.body);
            let body = res.json();
            seen.extend(body["data"].as_array().unwrap().iter().map(|a| a["id"].as_i64().unwrap()));
            next = body["next"].as_str().map(str::to_owned);
        }
        let mut newest_first = ids.clone();
        newest_first.reverse();
        assert_eq!(seen, newest_first, "{b:?}");

        // One, with its CV.
        let cv = "cvs/00112233445566778899aabbccddeeff.pdf";
        app.state.storage.put(cv, b"%PDF-1.4\n%%EOF\n".to_vec()).await.unwrap();
        app.with_conn(|c| {
            diesel::update(applications::table.find(ids[0]))
                .set((
                    applications::cv_key.eq(cv),
                    applications::cv_name.eq("Lebenslauf.pdf"),
                    applications::cv_type.eq("application/pdf"),
                ))
                .execute(c)
                .unwrap()
        });
        let one = app.get_with(&format!("/api/v1/applications/{}", ids[0]), &headers).await;
        assert_eq!(one.status, 200, "{b:?}");
        let one = one.json();
        assert_eq!(one["name"], "Applicant 0");
        assert_eq!(one["job"]["title"], "Welder");
        assert_eq!(one["stage"], "new");
        let cv_url = one["cv_url"].as_str().unwrap().trim_start_matches(&app.state.config.base_url);
        let file = app.get_with(cv_url, &headers).await;
        assert_eq!(file.status, 200, "{b:?}");
        assert_eq!(file.header("content-type"), Some("application/pdf"));
        assert!(file.header("content-disposition").unwrap().contains("Lebenslauf.pdf"));
        assert!(file.body.starts_with("%PDF"));
        let none = app.get_with(&format!("/api/v1/applications/{}/cv", ids[1]), &headers).await;
        assert_eq!(none.status, 404, "{b:?}: no CV");

        // The pipeline's rules: reviewing, then a rejection with its reason; no way back.
        let stage = async |id: i64, body: &str| {
            let path = format!("/api/v1/applications/{id}/stage");
            let headers = [("authorization", auth.as_str()), ("content-type", "application/json")];
            app.request(Method::POST, &path, &headers, Some(body.to_owned())).await
        };
        let res = stage(ids[0], r#"{"to": "reviewing"}"#).await;
        assert_eq!(res.status, 200, "{b:?}: {}", res.body);
        assert_eq!(res.json()["stage"], "reviewing");
        let res = stage(ids[0], r#"{"to": "rejected"}"#).await;
        assert_eq!(res.status, 422, "{b:?}");
        assert_eq!(res.json()["errors"][0]["name"], "reason");
        let res = stage(ids[0], r#"{"to": "rejected", "reason": "Position filled."}"#).await;
        assert_eq!(res.json()["rejection_reason"], "Position filled.", "{b:?}");
        let res = stage(ids[0], r#"{"to": "interview"}"#).await;
        assert_eq!(res.status, 409, "{b:?}: {}", res.body);
        assert!(res.json()["type"].as_str().unwrap().ends_with("#problem-stage-conflict"));
        let res = stage(ids[1], r#"{"to": "promoted"}"#).await;
        assert_eq!(res.status, 422, "{b:?}: an unknown stage");
        assert_eq!(res.json()["errors"][0]["name"], "to");

        let status: String = app.with_conn(|c| {
            applications::table.find(ids[0]).select(applications::status).first(c).unwrap()
        });
        assert_eq!(status, ApplicationStatus::Rejected.as_str());
        let audited: i64 = app.with_conn(|c| {
            audit_log::table
                .filter(audit_log::record_id.eq(ids[0]))
                .filter(audit_log::actor.like("API: %"))
                .count()
                .get_result(c)
                .unwrap()
        });
        assert_eq!(audited, 2, "{b:?}");
    }
}

#[actix_web::test]
async fn a_company_token_sees_only_its_companys_applications() {
    for app in backends() {
        let b = app.backend;
        let (mine, theirs, token) = app.with_conn(|c| {
            let a = CompanyFactory::new().create(c);
            let other = CompanyFactory::new().create(c);
            let mine = ApplicationFactory::new(JobFactory::new(&a).create(c).id).create(c).id;
            let theirs = ApplicationFactory::new(JobFactory::new(&other).create(c).id).create(c).id;
            let token = ApiTokenFactory::new().company(&a).create(c);
            (mine, theirs, token)
        });
        let auth = token.bearer();
        let headers = [("authorization", auth.as_str())];
        let list = app.get_with("/api/v1/applications", &headers).await.json();
        let ids: Vec<i64> =
            list["data"].as_array().unwrap().iter().map(|a| a["id"].as_i64().unwrap()).collect();
        assert_eq!(ids, [mine], "{b:?}");
        for path in
            [format!("/api/v1/applications/{theirs}"), format!("/api/v1/applications/{theirs}/cv")]
        {
            assert_eq!(app.get_with(&path, &headers).await.status, 404, "{b:?}: {path}");
        }
        let res = app
            .request(
                Method::POST,
                &format!("/api/v1/applications/{theirs}/stage"),
                &[("authorization", &auth), ("content-type", "application/json")],
                Some(r#"{"to": "reviewing"}"#.into()),
            )
            .await;
        assert_eq!(res.status, 404, "{b:?}");
        let status: String = app.with_conn(|c| {
            applications::table.find(theirs).select(applications::status).first(c).unwrap()
        });
        assert_eq!(status, "new", "{b:?}");
        let bad = app.get_with("/api/v1/applications?stage=lost&cursor=zz", &headers).await;
        assert_eq!(bad.status, 422);
    }
}
