//! Every back-office route × every role, in one table: what each role may reach.

use actix_web::http::{Method, StatusCode};
use hireboard::models::AdminRole;

use crate::support::{AdminFactory, TestApp};

/// Whether a role may use a route.
#[derive(Clone, Copy)]
enum Who {
    Everyone,
    Only(&'static [AdminRole]),
}

const ALL_ROLES: [AdminRole; 4] = [
    AdminRole::Admin,
    AdminRole::Editor,
    AdminRole::Translator,
    AdminRole::Viewer,
];

/// (method, path, form fields, who may). Paths with `{job}` etc. are filled from seeded
/// records. A refused request must answer 403; an allowed one anything but 403 and 5xx.
type Route = (Method, &'static str, Vec<(&'static str, &'static str)>, Who);

fn routes() -> Vec<Route> {
    use Who::*;
    vec![
        (Method::GET, "/admin", vec![], Everyone),
        (Method::GET, "/admin/jobs", vec![], Everyone),
        (
            Method::GET,
            "/admin/jobs?scope=draft&title=x&sort=-title",
            vec![],
            Everyone,
        ),
        (Method::GET, "/admin/companies", vec![], Everyone),
        (
            Method::GET,
            "/admin/admin_users",
            vec![],
            Only(&[AdminRole::Admin]),
        ),
        (
            Method::POST,
            "/admin/account/locale",
            vec![("locale", "de")],
            Everyone,
        ),
        (
            Method::POST,
            "/admin/account/logout-everywhere",
            vec![],
            Everyone,
        ),
        (Method::POST, "/admin/logout", vec![], Everyone),
    ]
}

#[actix_web::test]
async fn every_route_answers_each_role_as_the_policy_says() {
    let app = TestApp::sqlite();
    let ids = seed(&app);
    let mut failures = Vec::new();
    for role in ALL_ROLES {
        let user = app.with_conn(|c| AdminFactory::new().role(role).create(c));
        for (method, path, fields, who) in routes() {
            let path = &fill(path, &ids);
            let owned: Vec<(&str, String)> =
                fields.iter().map(|(k, v)| (*k, fill(v, &ids))).collect();
            let fields: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
            // Each request starts from a published posting, so that status changes are valid.
            publish(&app, ids.job);
            // A fresh sign-in per route: some routes end the session.
            app.clear_cookies();
            app.sign_in_as(&user).await;
            let res = if method == Method::GET {
                app.get(path).await
            } else {
                app.post_admin(path, &fields).await
            };
            let allowed = match who {
                Who::Everyone => true,
                Who::Only(roles) => roles.contains(&role),
            };
            let ok = if allowed {
                res.status != StatusCode::FORBIDDEN && !res.status.is_server_error()
            } else {
                res.status == StatusCode::FORBIDDEN
            };
            if !ok {
                failures.push(format!(
                    "{role:?} {method} {path}: {} (expected {})",
                    res.status,
                    if allowed { "allowed" } else { "403" }
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[actix_web::test]
async fn anonymous_requests_reach_no_route() {
    let app = TestApp::sqlite();
    let ids = seed(&app);
    for (method, path, fields, _) in routes() {
        let path = &fill(path, &ids);
        let owned: Vec<(&str, String)> = fields.iter().map(|(k, v)| (*k, fill(v, &ids))).collect();
        let fields: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = if method == Method::GET {
            app.get(path).await
        } else {
            // A CSRF token from the sign-in page, so the refusal is about the missing user.
            let csrf = app.csrf("/admin/login").await;
            let mut all = vec![("_csrf", csrf.as_str())];
            all.extend_from_slice(&fields);
            app.post_form(path, &all).await
        };
        assert!(
            res.status == StatusCode::SEE_OTHER || res.status == StatusCode::FORBIDDEN,
            "{method} {path}: {}",
            res.status
        );
        if method == Method::GET {
            assert!(
                res.header("location")
                    .unwrap_or_default()
                    .starts_with("/admin/login")
            );
        }
    }
}

/// Records the routes' `{…}` placeholders point at.
struct Ids {
    job: i64,
    company: i64,
    admin: i64,
}

fn seed(app: &TestApp) -> Ids {
    use diesel::prelude::*;
    use hireboard::db::schema::jobs;
    app.with_conn(|c| {
        let co = crate::support::CompanyFactory::new().create(c);
        let slug = crate::support::JobFactory::new(&co).create(c);
        let job = jobs::table
            .filter(jobs::slug.eq(slug))
            .select(jobs::id)
            .first(c)
            .unwrap();
        let admin = AdminFactory::new().create(c).id;
        Ids {
            job,
            company: co.id,
            admin,
        }
    })
}

fn fill(path: &str, ids: &Ids) -> String {
    path.replace("{job}", &ids.job.to_string())
        .replace("{company}", &ids.company.to_string())
        .replace("{admin}", &ids.admin.to_string())
}

fn publish(app: &TestApp, job: i64) {
    use diesel::prelude::*;
    use hireboard::db::schema::jobs;
    app.with_conn(|c| {
        diesel::update(jobs::table.find(job))
            .set(jobs::status.eq("published"))
            .execute(c)
            .unwrap()
    });
}
