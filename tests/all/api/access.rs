//! Every API route × (no token, a token without the scope, the scope for another company,
//! the scope): what each gets. A route the app registers under /api/ and this table lacks
//! fails the test, so no route ships without its rule.

use actix_web::http::Method;
use hireboard::models::api_token::Scope;

use crate::support::{ApiTokenFactory, ApplicationFactory, CompanyFactory, JobFactory, TestApp};

/// What a route needs.
#[derive(Clone, Copy, Debug)]
enum Needs {
    /// Anyone may call it.
    Public,
    /// A token with this scope; records of other companies are not found.
    Token(Scope),
    /// A token with this scope bound to no company (one bound to a company is refused).
    Unbound(Scope),
}

/// (method, path, what it needs). `{job}` is a draft posting and `{application}` an
/// application to it, both of company A (`{company}`); `{webhook}` is an endpoint (deleted by
/// the last row that names it).
fn table() -> Vec<(Method, &'static str, Needs)> {
    use Needs::{Public, Token, Unbound};
    use Scope::*;
    vec![
        (Method::GET, "/api/docs", Public),
        (Method::GET, "/api/v1/openapi.json", Public),
        (Method::GET, "/api/v1/jobs", Public),
        (Method::GET, "/api/v1/companies", Public),
        (Method::GET, "/api/v1/companies/{company}", Public),
        (Method::GET, "/api/v1/skills", Public),
        (Method::POST, "/api/v1/companies", Unbound(JobsWrite)),
        (Method::PATCH, "/api/v1/companies/{company}", Token(JobsWrite)),
        (Method::PUT, "/api/v1/companies/{company}/logo", Token(JobsWrite)),
        (Method::DELETE, "/api/v1/companies/{company}/logo", Token(JobsWrite)),
        (Method::POST, "/api/v1/jobs", Token(JobsWrite)),
        (Method::PATCH, "/api/v1/jobs/{job}", Token(JobsWrite)),
        (Method::POST, "/api/v1/jobs/{job}/publish", Token(JobsWrite)),
        (Method::POST, "/api/v1/jobs/{job}/unpublish", Token(JobsWrite)),
        (Method::POST, "/api/v1/jobs/{job}/archive", Token(JobsWrite)),
        (Method::POST, "/api/v1/jobs/{job}/applications", Token(ApplicationsWrite)),
        (Method::GET, "/api/v1/applications", Token(ApplicationsRead)),
        (Method::GET, "/api/v1/applications/{application}", Token(ApplicationsRead)),
        (Method::GET, "/api/v1/applications/{application}/cv", Token(ApplicationsRead)),
        (Method::POST, "/api/v1/applications/{application}/stage", Token(ApplicationsWrite)),
        (Method::GET, "/api/v1/webhooks", Unbound(WebhooksWrite)),
        (Method::POST, "/api/v1/webhooks", Unbound(WebhooksWrite)),
        (Method::GET, "/api/v1/webhooks/{webhook}", Unbound(WebhooksWrite)),
        (Method::PATCH, "/api/v1/webhooks/{webhook}", Unbound(WebhooksWrite)),
        (Method::POST, "/api/v1/webhooks/{webhook}/ping", Unbound(WebhooksWrite)),
        (Method::POST, "/api/v1/webhooks/{webhook}/rotate_secret", Unbound(WebhooksWrite)),
        (Method::DELETE, "/api/v1/webhooks/{webhook}", Unbound(WebhooksWrite)),
    ]
}

/// Routes whose rule is not one scope: the one posting is public, and with a token
/// `jobs:read` shows drafts (`job_writes.rs`); the token route takes any valid token
/// (`tokens.rs`).
const ELSEWHERE: [&str; 2] = ["/api/v1/jobs/{id_or_slug}", "/api/v1/token"];

#[actix_web::test]
async fn every_api_route_answers_each_caller_as_its_scope_says() {
    let app = TestApp::sqlite();
    let cv = "cvs/ffeeddccbbaa99887766554433221100.pdf";
    app.state.storage.put(cv, b"%PDF-1.4\n%%EOF\n".to_vec()).await.unwrap();
    let (job, application, other_company, company, webhook) = app.with_conn(|c| {
        use diesel::prelude::*;
        use hireboard::db::schema::applications;
        let a = CompanyFactory::new().create(c);
        let b = CompanyFactory::new().create(c);
        let job = JobFactory::new(&a).status(hireboard::models::JobStatus::Draft).create(c).id;
        let application = ApplicationFactory::new(job).create(c).id;
        diesel::update(applications::table.find(application))
            .set((applications::cv_key.eq(cv), applications::cv_type.eq("application/pdf")))
            .execute(c)
            .unwrap();
        let webhook =
            hireboard::webhooks::endpoint::create(c, "https://93.184.215.14/hook", "*", "")
                .unwrap();
        (job, application, b, a.slug, webhook)
    });
    let mut failures = Vec::new();
    // The table covers every route.
    for route in hireboard::routes::table() {
        let listed = table().iter().any(|(m, p, _)| {
            let as_pattern = p
                .replace("{job}", "{id}")
                .replace("{application}", "{id}")
                .replace("{webhook}", "{id}");
            let by_slug = p.replace("{job}", "{id_or_slug}").replace("{company}", "{id_or_slug}");
            *m == route.method
                && (as_pattern == route.path || by_slug == route.path || *p == route.path)
        }) || ELSEWHERE.contains(&route.path);
        if hireboard::api::is_api(route.path) && route.method != Method::HEAD && !listed {
            failures.push(format!("{} {} is not in the table", route.method, route.path));
        }
    }
    for (method, template, needs) in table() {
        // A collection (no record in its path) is the token's own, whatever its company.
        let collection = !template.contains('{');
        let path = template
            .replace("{job}", &job.to_string())
            .replace("{application}", &application.to_string())
            .replace("{company}", &company)
            .replace("{webhook}", &webhook.to_string());
        let call = async |token: Option<String>| {
            let auth = token.map(|t| format!("Bearer {t}"));
            let mut headers = vec![("content-type", "application/json")];
            if let Some(auth) = &auth {
                headers.push(("authorization", auth.as_str()));
            }
            // A body every route takes, so that refusals are about the caller.
            let body = if path.ends_with("/stage") { r#"{"to": "reviewing"}"# } else { "{}" };
            app.request(method.clone(), &path, &headers, Some(body.into())).await.status.as_u16()
        };
        let (Needs::Token(scope) | Needs::Unbound(scope)) = needs else {
            let status = call(None).await;
            if status == 401 || status == 403 || status >= 500 {
                failures.push(format!("{method} {path} without a token: {status}"));
            }
            continue;
        };
        let others: Vec<Scope> = Scope::ALL.into_iter().filter(|s| *s != scope).collect();
        let (without, elsewhere, right) = app.with_conn(|c| {
            (
                ApiTokenFactory::new().scopes(&others).create(c).token,
                ApiTokenFactory::new().scopes(&[scope]).company(&other_company).create(c).token,
                ApiTokenFactory::new().scopes(&[scope]).create(c).token,
            )
        });
        let expected = [
            ("no token", call(None).await, vec![401]),
            ("another scope", call(Some(without)).await, vec![403]),
            // Another company's token: its records are not found; a collection is its own.
            (
                "another company's token",
                call(Some(elsewhere)).await,
                match needs {
                    Needs::Unbound(_) => vec![403],
                    _ if collection => vec![200, 201, 422],
                    _ => vec![404],
                },
            ),
        ];
        for (who, status, allowed) in expected {
            if !allowed.contains(&status) {
                failures
                    .push(format!("{method} {path} with {who}: {status}, expected {allowed:?}"));
            }
        }
        let status = call(Some(right)).await;
        if [401, 403, 404].contains(&status) || status >= 500 {
            failures.push(format!("{method} {path} with the scope: {status}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
