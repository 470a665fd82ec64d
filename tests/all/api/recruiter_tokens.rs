//! A recruiter's API tokens: made in the back office for one of their own companies, seen
//! only by that company's team, and acting as the recruiter does: postings sent through the
//! staff's review (a trusted company's live at once), another company's records not found, and
//! the token dead once the recruiter leaves the company.

use actix_web::http::{Method, StatusCode};
use diesel::prelude::*;
use hireboard::db::schema::{api_tokens, companies, company_members, events, job_reviews, jobs};
use hireboard::models::api_token::Scope;
use serde_json::{Value, json};

use crate::support::{AdminFactory, ApiTokenFactory, CompanyFactory, JobFactory, TestApp};
use crate::support::{AdminLogin, backends};

async fn send(app: &TestApp, method: Method, path: &str, token: &str, body: &Value) -> Value {
    let res = raw(app, method, path, token, body).await;
    assert!(res.status.is_success(), "{path}: {} {}", res.status, res.body);
    res.json()
}

async fn raw(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: &Value,
) -> crate::support::Response {
    let auth = format!("Bearer {token}");
    let headers = [("authorization", auth.as_str()), ("content-type", "application/json")];
    app.request(method, path, &headers, Some(body.to_string())).await
}

fn status_of(app: &TestApp, id: i64) -> String {
    app.with_conn(|c| jobs::table.find(id).select(jobs::status).first(c).unwrap())
}

#[actix_web::test]
async fn a_recruiter_makes_tokens_for_their_own_companies_only_and_sees_no_others() {
    for app in backends() {
        let b = app.backend;
        let (rita, theirs, other_token) = app.with_conn(|c| {
            let mine = CompanyFactory::new().name("Werft Nord").create(c);
            let other = CompanyFactory::new().name("Other Yard").create(c);
            let rita: AdminLogin = AdminFactory::new().recruiter(&[mine.id]).create(c);
            let staff_for_other = ApiTokenFactory::new().company(&other).create(c);
            ApiTokenFactory::new().create(c);
            (rita, mine, staff_for_other)
        });
        app.sign_in_as(&rita).await;
        // The menu offers the page; the list holds no token of another company or the board.
        let home = app.get("/admin").await.html();
        assert!(home.attrs("nav a", "href").contains(&"/admin/api_tokens".to_owned()), "{b:?}");
        assert_eq!(app.get("/admin/api_tokens").await.html().count("tbody tr"), 0, "{b:?}");
        let res = app.get(&format!("/admin/api_tokens/{}", other_token.id)).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{b:?}");
        let res =
            app.post_admin(&format!("/admin/api_tokens/{}/revoke", other_token.id), &[]).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{b:?}");

        // Without a company, or with another's, nothing is made.
        for company in ["", "Other Yard"] {
            let fields = [("name", "ATS sync"), ("scopes", "jobs:write"), ("company", company)];
            let res = app.post_admin("/admin/api_tokens", &fields).await;
            assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?} {company:?}");
            assert!(!res.html().text("#f-company-error").is_empty(), "{b:?}: {}", res.body);
        }
        let made: i64 = app.with_conn(|c| {
            api_tokens::table.filter(api_tokens::name.eq("ATS sync")).count().get_result(c).unwrap()
        });
        assert_eq!(made, 0, "{b:?}");

        let fields = [
            ("name", "ATS sync"),
            ("scopes", "jobs:read"),
            ("scopes", "jobs:write"),
            ("company", "Werft Nord"),
        ];
        let res = app.post_admin("/admin/api_tokens", &fields).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{b:?}: {}", res.body);
        let (company, created_by, moderated): (Option<i64>, Option<i64>, bool) =
            app.with_conn(|c| {
                api_tokens::table
                    .filter(api_tokens::name.eq("ATS sync"))
                    .select((api_tokens::company_id, api_tokens::created_by, api_tokens::moderated))
                    .first(c)
                    .unwrap()
            });
        assert_eq!((company, created_by, moderated), (Some(theirs.id), Some(rita.id), true));
        let list = app.get("/admin/api_tokens").await.html();
        assert_eq!(list.texts("td.primary"), ["ATS sync"], "{b:?}");
    }
}

#[actix_web::test]
async fn a_recruiters_token_posts_through_review_and_only_for_its_company() {
    for app in backends() {
        let b = app.backend;
        let (rita, token, other_posting) = app.with_conn(|c| {
            let mine = CompanyFactory::new().name("Werft Nord").create(c);
            let other = CompanyFactory::new().name("Other Yard").create(c);
            let rita = AdminFactory::new().recruiter(&[mine.id]).create(c);
            let token = ApiTokenFactory::new()
                .scopes(&[Scope::JobsRead, Scope::JobsWrite])
                .recruiters(&rita, &mine)
                .create(c);
            (rita, token.token, JobFactory::new(&other).create(c).id)
        });
        let info = send(&app, Method::GET, "/api/v1/token", &token, &json!({})).await;
        assert_eq!(info["reviewed"], true, "{b:?}");
        assert_eq!(info["company"]["slug"], "werft-nord", "{b:?}");
        let body = json!({"original_language": "en", "title": "Welder", "summary": "Weld.", "workplace": "remote"});
        let created = send(&app, Method::POST, "/api/v1/jobs", &token, &body).await;
        let id = created["id"].as_i64().unwrap();
        assert_eq!(created["status"], "draft", "{b:?}");

        // Publishing sends it for review, in the recruiter's name.
        let path = format!("/api/v1/jobs/{id}/publish");
        let sent = send(&app, Method::POST, &path, &token, &json!({})).await;
        assert_eq!(sent["status"], "pending_review", "{b:?}");
        let submitted_by: Option<i64> = app.with_conn(|c| {
            job_reviews::table
                .filter(job_reviews::job_id.eq(id))
                .select(job_reviews::submitted_by)
                .first(c)
                .unwrap()
        });
        assert_eq!(submitted_by, Some(rita.id), "{b:?}: a rejection is mailed to them");
        let submitted: i64 = app.with_conn(|c| {
            events::table.filter(events::kind.eq("job.submitted")).count().get_result(c).unwrap()
        });
        assert_eq!(submitted, 1, "{b:?}");
        // Not public meanwhile.
        assert_eq!(app.get(&format!("/api/v1/jobs/{id}")).await.status, 404, "{b:?}");

        // Taking postings off the board is the staff's.
        for action in ["unpublish", "archive"] {
            let res =
                raw(&app, Method::POST, &format!("/api/v1/jobs/{id}/{action}"), &token, &json!({}))
                    .await;
            assert_eq!(res.status, StatusCode::FORBIDDEN, "{b:?} {action}");
        }
        assert_eq!(status_of(&app, id), "pending_review");

        // Once approved, an edit sends it back for review.
        app.with_conn(|c| {
            diesel::update(jobs::table.find(id))
                .set(jobs::status.eq("published"))
                .execute(c)
                .unwrap()
        });
        let path = format!("/api/v1/jobs/{id}");
        let edited =
            send(&app, Method::PATCH, &path, &token, &json!({"title": "Senior welder"})).await;
        assert_eq!(edited["status"], "pending_review", "{b:?}");

        // Another company's posting: not found, for every verb.
        for (method, path) in [
            (Method::GET, format!("/api/v1/jobs/{other_posting}")),
            (Method::PATCH, format!("/api/v1/jobs/{other_posting}")),
            (Method::POST, format!("/api/v1/jobs/{other_posting}/publish")),
        ] {
            let res = raw(&app, method.clone(), &path, &token, &json!({"title": "Mine now"})).await;
            assert_eq!(res.status, StatusCode::NOT_FOUND, "{b:?} {method} {path}: {}", res.body);
        }
        let body = json!({"company": "other-yard", "original_language": "en", "title": "X", "summary": "Y", "workplace": "remote"});
        let res = raw(&app, Method::POST, "/api/v1/jobs", &token, &body).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}: {}", res.body);
    }
}

#[actix_web::test]
async fn a_trusted_companys_token_publishes_at_once_and_a_token_dies_with_the_membership() {
    for app in backends() {
        let b = app.backend;
        let (rita, mine, token) = app.with_conn(|c| {
            let mine = CompanyFactory::new().name("Werft Nord").create(c);
            diesel::update(companies::table.find(mine.id))
                .set(companies::auto_publish.eq(true))
                .execute(c)
                .unwrap();
            let rita = AdminFactory::new().recruiter(&[mine.id]).create(c);
            let token = ApiTokenFactory::new().recruiters(&rita, &mine).create(c);
            (rita, mine, token.token)
        });
        let body = json!({"original_language": "en", "title": "Welder", "summary": "Weld.", "workplace": "remote"});
        let id =
            send(&app, Method::POST, "/api/v1/jobs", &token, &body).await["id"].as_i64().unwrap();
        let path = format!("/api/v1/jobs/{id}/publish");
        let live = send(&app, Method::POST, &path, &token, &json!({})).await;
        assert_eq!(live["status"], "published", "{b:?}");

        // Removed from the company's team: the token no longer opens anything.
        app.with_conn(|c| {
            diesel::delete(
                company_members::table
                    .filter(company_members::admin_user_id.eq(rita.id))
                    .filter(company_members::company_id.eq(mine.id)),
            )
            .execute(c)
            .unwrap()
        });
        let res = raw(&app, Method::GET, "/api/v1/token", &token, &json!({})).await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED, "{b:?}: {}", res.body);
    }
}
