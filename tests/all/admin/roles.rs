//! Every back-office route × every role, in one table: what each role may reach.

use actix_web::http::{Method, StatusCode};
use hireboard::models::AdminRole;

use crate::support::{AdminFactory, TestApp};

/// Whether a role may use a route.
#[derive(Clone, Copy)]
pub enum Who {
    Everyone,
    Only(&'static [AdminRole]),
}

const ALL_ROLES: [AdminRole; 5] = [
    AdminRole::Admin,
    AdminRole::Editor,
    AdminRole::Translator,
    AdminRole::Viewer,
    AdminRole::Recruiter,
];

/// (method, path, form fields, who may). Paths with `{job}` etc. are filled from seeded
/// records (a recruiter works for their company). A refused request must answer 403; an
/// allowed one anything but 403 and 5xx.
pub type Route = (Method, &'static str, Vec<(&'static str, &'static str)>, Who);

pub fn routes() -> Vec<Route> {
    use AdminRole::{Admin, Editor, Recruiter, Viewer};
    use Who::*;
    // Who may read applications and comments: not translators.
    const READERS: &[AdminRole] = &[Admin, Editor, Viewer, Recruiter];
    // Who may read the audit log and the alerts: the board's staff.
    const STAFF_READERS: &[AdminRole] = &[Admin, Editor, Viewer];
    // Who may change companies, skills and the seekers' alerts: the board's editors.
    const EDITORS: &[AdminRole] = &[Admin, Editor];
    // Who may write postings, move applications and comment: recruiters too, on their own.
    const WRITERS: &[AdminRole] = &[Admin, Editor, Recruiter];
    const ADMINS: &[AdminRole] = &[Admin];
    // Who may make API tokens: admins, and recruiters for their own companies.
    const TOKEN_MAKERS: &[AdminRole] = &[Admin, Recruiter];
    // Who may open a posting's or company's edit form: translators too, for the translations,
    // and recruiters, for their own.
    const TRANSLATORS: &[AdminRole] = &[Admin, Editor, AdminRole::Translator, Recruiter];
    // A skill's edit form: not recruiters (the board's vocabulary is the staff's).
    const SKILL_TRANSLATORS: &[AdminRole] = &[Admin, Editor, AdminRole::Translator];
    // Who may work on the site's messages: admins and translators only.
    const MESSAGES: &[AdminRole] = &[Admin, AdminRole::Translator];
    let get = |path, who| (Method::GET, path, vec![], who);
    vec![
        get("/admin", Everyone),
        get("/admin/search?q=a", Everyone),
        // Index pages (with filters, and their exports).
        get("/admin/jobs", Everyone),
        get("/admin/jobs?scope=draft&title=x&sort=-title", Everyone),
        get("/admin/companies", Everyone),
        get("/admin/skills", Everyone),
        get("/admin/places", Everyone),
        get("/admin/places/find?q=Mu", Everyone),
        get("/admin/applications", Only(READERS)),
        get("/admin/applications/board", Only(READERS)),
        get("/admin/comments", Only(READERS)),
        get("/admin/audit_log", Only(STAFF_READERS)),
        get("/admin/admin_users", Only(ADMINS)),
        get("/admin/data_requests", Only(ADMINS)),
        get("/admin/data_requests/export.csv?scope=erasure", Only(ADMINS)),
        get("/admin/jobs/export.csv", Everyone),
        get("/admin/jobs/export.xlsx?scope=published", Everyone),
        get("/admin/companies/export.json", Everyone),
        get("/admin/applications/export.csv", Only(READERS)),
        // Show pages.
        get("/admin/jobs/{job}", Everyone),
        get("/admin/companies/{company}", Everyone),
        get("/admin/skills/{skill}", Everyone),
        get("/admin/applications/{application}", Only(READERS)),
        get("/admin/applications/{application}/cv", Only(READERS)),
        get("/admin/applications/{application}/erase", Only(EDITORS)),
        get("/admin/applications/{application}/stage?to=rejected", Only(WRITERS)),
        get("/admin/admin_users/{admin}", Only(ADMINS)),
        get("/admin/admin_users/new", Only(ADMINS)),
        get("/admin/jobs/{job}/preview", Everyone),
        get("/admin/jobs/{job}/stats", Everyone),
        get("/admin/jobs/{job}/stats.csv", Everyone),
        // Forms, deletion and the association lookups.
        get("/admin/jobs/new", Only(WRITERS)),
        get("/admin/companies/new", Only(EDITORS)),
        // Imports: of the resources the user may create records of; the seeded import is
        // another user's (an editor gets 404, an administrator the page).
        get("/admin/jobs/import", Only(WRITERS)),
        get("/admin/companies/import", Only(EDITORS)),
        get("/admin/jobs/import/template.xlsx?lang=de", Only(WRITERS)),
        (Method::POST, "/admin/jobs/import", vec![], Only(WRITERS)),
        get("/admin/imports", Everyone),
        get("/admin/imports?status=done&file_name=jobs", Everyone),
        get("/admin/imports/{import}", Only(WRITERS)),
        get("/admin/imports/{import}/progress.json", Only(WRITERS)),
        get("/admin/imports/{import}/failures.xlsx", Only(WRITERS)),
        (Method::POST, "/admin/imports/{import}/check", vec![], Only(WRITERS)),
        (Method::POST, "/admin/imports/{import}/start", vec![], Only(WRITERS)),
        get("/admin/skills/new", Only(EDITORS)),
        get("/admin/jobs/{job}/edit", Only(TRANSLATORS)),
        get("/admin/companies/{company}/edit", Only(TRANSLATORS)),
        get("/admin/skills/{skill}/edit", Only(SKILL_TRANSLATORS)),
        get("/admin/jobs/{job}/delete", Only(WRITERS)),
        get("/admin/companies/{company}/delete", Only(EDITORS)),
        get("/admin/skills/{skill}/delete", Only(EDITORS)),
        get("/admin/alerts", Only(STAFF_READERS)),
        get("/admin/alerts?scope=pending&frequency=daily&email=a", Only(STAFF_READERS)),
        get("/admin/alerts/{alert}", Only(STAFF_READERS)),
        get("/admin/tasks", Only(ADMINS)),
        get("/admin/tasks?scope=dead&kind=noop", Only(ADMINS)),
        get("/admin/tasks/{task}", Only(ADMINS)),
        get("/admin/tasks/overview", Only(ADMINS)),
        get("/admin/outbox", Only(ADMINS)),
        get("/admin/webhooks", Only(ADMINS)),
        get("/admin/webhooks/new", Only(ADMINS)),
        get("/admin/feed_sources", Only(ADMINS)),
        get("/admin/feed_sources/new", Only(ADMINS)),
        get("/admin/feed_sources/{feed}", Only(ADMINS)),
        get("/admin/feed_sources/{feed}/edit", Only(ADMINS)),
        get("/admin/webhook_deliveries?scope=failed", Only(ADMINS)),
        get("/admin/api_tokens", Only(TOKEN_MAKERS)),
        get("/admin/api_tokens?scope=revoked&name=x", Only(TOKEN_MAKERS)),
        get("/admin/api_tokens/new", Only(TOKEN_MAKERS)),
        get("/admin/api_tokens/{token}", Only(TOKEN_MAKERS)),
        get("/admin/api_tokens/{token}/edit", Only(TOKEN_MAKERS)),
        get("/admin/outbox/{mail}", Only(ADMINS)),
        get("/admin/outbox/{mail}/html", Only(ADMINS)),
        get("/admin/tasks/export.csv", Only(ADMINS)),
        get("/admin/admin_users/{admin}/edit", Only(ADMINS)),
        get("/admin/admin_users/{admin}/delete", Only(ADMINS)),
        get("/admin/companies/lookup?q=co", Everyone),
        get("/admin/translations", Only(MESSAGES)),
        get("/admin/translations/uk?state=missing&file=jobs.ftl&q=a", Only(MESSAGES)),
        get("/admin/translations/de/search-total", Only(MESSAGES)),
        get("/admin/translations/de/files/admin.ftl", Only(MESSAGES)),
        get("/admin/skills/lookup?q=we", Everyone),
        // Changes.
        (Method::POST, "/admin/jobs/{job}/comments", vec![("body", "A note")], Only(WRITERS)),
        (Method::POST, "/admin/jobs", vec![("title", "")], Only(WRITERS)),
        (Method::POST, "/admin/companies", vec![("name", "")], Only(EDITORS)),
        (Method::POST, "/admin/skills", vec![("name", "")], Only(EDITORS)),
        (Method::POST, "/admin/jobs/{job}", vec![("title", "")], Only(TRANSLATORS)),
        (Method::POST, "/admin/companies/{company}", vec![("name", "")], Only(TRANSLATORS)),
        (
            Method::POST,
            "/admin/skills/{skill}",
            vec![("name", "Welding 2")],
            Only(SKILL_TRANSLATORS),
        ),
        (Method::POST, "/admin/jobs/{job}/delete", vec![], Only(WRITERS)),
        (
            Method::POST,
            "/admin/translations/de/search-button",
            vec![("text", "Suche starten"), ("intent", "save")],
            Only(MESSAGES),
        ),
        (
            Method::POST,
            "/admin/translations/de/search-button",
            vec![("text", "Suche"), ("intent", "preview")],
            Only(MESSAGES),
        ),
        (Method::POST, "/admin/translations/de/search-button/revert", vec![], Only(MESSAGES)),
        (Method::POST, "/admin/companies/{company}/delete", vec![], Only(EDITORS)),
        (Method::POST, "/admin/skills/{skill}/delete", vec![], Only(EDITORS)),
        (
            Method::POST,
            "/admin/admin_users/{admin}",
            vec![("role", "viewer"), ("locale", "en")],
            Only(ADMINS),
        ),
        (Method::POST, "/admin/admin_users/{admin}/delete", vec![], Only(ADMINS)),
        (Method::POST, "/admin/tasks/{task}/retry", vec![], Only(ADMINS)),
        (Method::POST, "/admin/tasks/{task}/discard", vec![], Only(ADMINS)),
        (Method::POST, "/admin/tasks/retry-dead", vec![], Only(ADMINS)),
        (
            Method::POST,
            "/admin/tasks/batch",
            vec![("batch_action", "retry"), ("ids", "{task}")],
            Only(ADMINS),
        ),
        (Method::POST, "/admin/jobs/{job}/duplicate", vec![], Only(WRITERS)),
        // Moderation: recruiters send postings for review; the staff approve or send back.
        (Method::POST, "/admin/jobs/{job}/submit", vec![], Only(&[Recruiter])),
        // A recruiter's team: the staff invite from the admin users' page.
        get("/admin/team", Only(&[Recruiter])),
        (
            Method::POST,
            "/admin/team",
            vec![("email", "colleague@example.org"), ("company", "{company}")],
            Only(&[Recruiter]),
        ),
        (Method::POST, "/admin/team/{admin}/remove", vec![], Only(&[Recruiter])),
        get("/admin/review", Only(EDITORS)),
        get("/admin/review/{job}", Only(EDITORS)),
        (Method::POST, "/admin/review/{job}/approve", vec![], Only(EDITORS)),
        (Method::POST, "/admin/review/{job}/reject", vec![("reason", "Too vague")], Only(EDITORS)),
        (Method::POST, "/admin/companies/{company}/approve", vec![], Only(EDITORS)),
        (Method::POST, "/admin/companies/{company}/trust", vec![], Only(EDITORS)),
        (Method::POST, "/admin/companies/{company}/review", vec![], Only(EDITORS)),
        (Method::POST, "/admin/jobs/{job}/status", vec![("to", "draft")], Only(EDITORS)),
        (
            Method::POST,
            "/admin/applications/{application}/stage",
            vec![("to", "reviewing")],
            Only(WRITERS),
        ),
        (
            Method::POST,
            "/admin/applications/{application}/erase",
            vec![("confirmed", "yes")],
            Only(EDITORS),
        ),
        (
            Method::POST,
            "/admin/jobs/batch",
            vec![("batch_action", "archive"), ("ids", "{job}")],
            Only(EDITORS),
        ),
        (
            Method::POST,
            "/admin/jobs/batch",
            vec![("batch_action", "delete"), ("ids", "{job}")],
            Only(WRITERS),
        ),
        (
            Method::POST,
            "/admin/applications/batch",
            vec![("batch_action", "reviewing"), ("ids", "{application}")],
            Only(WRITERS),
        ),
        (
            Method::POST,
            "/admin/alerts/batch",
            vec![("batch_action", "unsubscribe"), ("ids", "{alert}")],
            Only(EDITORS),
        ),
        (
            Method::POST,
            "/admin/alerts/batch",
            vec![("batch_action", "delete"), ("ids", "{alert}"), ("confirmed", "yes")],
            Only(EDITORS),
        ),
        (
            Method::POST,
            "/admin/skills/batch",
            vec![("batch_action", "merge"), ("ids", "{skill}")],
            Only(EDITORS),
        ),
        (
            Method::POST,
            "/admin/jobs/views",
            vec![("name", "Mine"), ("query", "scope=draft")],
            Everyone,
        ),
        (Method::POST, "/admin/applications/views", vec![("name", "Mine")], Only(READERS)),
        (
            Method::POST,
            "/admin/admin_users",
            vec![("email", "x"), ("role", "viewer")],
            Only(ADMINS),
        ),
        (Method::POST, "/admin/applications/views/999999/delete", vec![], Only(READERS)),
        (
            Method::POST,
            "/admin/tasks/schedules/expire_postings",
            vec![("cron", "*/5 * * * *"), ("enabled", "yes")],
            Only(ADMINS),
        ),
        (Method::POST, "/admin/admin_users/{admin}/reset-two-factor", vec![], Only(ADMINS)),
        (Method::POST, "/admin/webhooks/999999/rotate-secret", vec![], Only(ADMINS)),
        (Method::POST, "/admin/webhooks/999999/ping", vec![], Only(ADMINS)),
        (Method::POST, "/admin/feed_sources", vec![("url", "")], Only(ADMINS)),
        (Method::POST, "/admin/feed_sources/{feed}", vec![("url", "")], Only(ADMINS)),
        (Method::POST, "/admin/feed_sources/999999/fetch", vec![], Only(ADMINS)),
        (Method::POST, "/admin/api_tokens", vec![("name", "")], Only(TOKEN_MAKERS)),
        (Method::POST, "/admin/api_tokens/{token}", vec![("name", "Renamed")], Only(TOKEN_MAKERS)),
        (Method::POST, "/admin/api_tokens/{token}/revoke", vec![], Only(TOKEN_MAKERS)),
        // An unknown delivery: allowed roles get 404, the others 403 before the lookup.
        (Method::POST, "/admin/webhook_deliveries/999999/replay", vec![], Only(ADMINS)),
        // The user's own account.
        get("/admin/account/two-factor", Everyone),
        (Method::POST, "/admin/account/two-factor", vec![("code", "000000")], Everyone),
        (Method::POST, "/admin/account/two-factor/disable", vec![("code", "000000")], Everyone),
        (
            Method::POST,
            "/admin/account/two-factor/recovery-codes",
            vec![("code", "000000")],
            Everyone,
        ),
        (Method::POST, "/admin/account/locale", vec![("locale", "de")], Everyone),
        (Method::POST, "/admin/account/logout-everywhere", vec![], Everyone),
        (Method::POST, "/admin/logout", vec![], Everyone),
    ]
}

#[actix_web::test]
async fn every_route_answers_each_role_as_the_policy_says() {
    let app = TestApp::sqlite();
    let mut failures = Vec::new();
    for role in ALL_ROLES {
        let user = app.with_conn(|c| AdminFactory::new().role(role).create(c));
        let mut signed_out = true;
        for (method, path, fields, who) in routes() {
            // Fresh records per request: an allowed request may archive, move or delete them.
            let ids = seed(&app);
            if role == AdminRole::Recruiter {
                app.with_conn(|c| {
                    hireboard::models::company_member::add(c, user.id, ids.company).unwrap()
                });
            }
            let path = &fill(path, &ids);
            let owned: Vec<(&str, String)> =
                fields.iter().map(|(k, v)| (*k, fill(v, &ids))).collect();
            let fields: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
            // Signed in again only when the previous route ended the session (Argon2 is slow).
            if signed_out {
                app.clear_cookies();
                app.sign_in_as(&user).await;
            }
            let res = if method == Method::GET {
                app.get(path).await
            } else {
                app.post_admin(path, &fields).await
            };
            signed_out = path.contains("logout");
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
        // Pages send the visitor to sign in; files are refused outright.
        if method == Method::GET && !path.ends_with("/cv") {
            assert!(res.header("location").unwrap_or_default().starts_with("/admin/login"));
        } else if method == Method::GET {
            assert_eq!(res.status, StatusCode::FORBIDDEN, "{path}");
        }
    }
}

/// Records the routes' `{…}` placeholders point at.
pub struct Ids {
    pub job: i64,
    pub company: i64,
    admin: i64,
    skill: i64,
    pub application: i64,
    task: i64,
    mail: i64,
    pub alert: i64,
    token: i64,
    import: i64,
    feed: i64,
}

pub fn seed(app: &TestApp) -> Ids {
    use diesel::prelude::*;
    app.with_conn(|c| {
        let co = crate::support::CompanyFactory::new().create(c);
        let job = crate::support::JobFactory::new(&co).create(c).id;
        let admin = AdminFactory::new().create(c).id;
        let skill = hireboard::models::skill::Skill::find_or_create(
            c,
            "Welding",
            hireboard::i18n::Locale::EN,
        )
        .unwrap();
        let application = crate::support::ApplicationFactory::new(job).create(c).id;
        let task = {
            use hireboard::tasks::Task;
            hireboard::tasks::noop::Noop::default().enqueue(c).unwrap().unwrap()
        };
        let mail = {
            let email = hireboard::mail::Email {
                kind: "test".into(),
                to: "ada@example.org".into(),
                subject: "Hello".into(),
                text: "Hello".into(),
                html: "<p>Hello</p>".into(),
                locale: "en".into(),
                unsubscribe: None,
                reply_to: None,
            };
            hireboard::mail::store(c, &email, task).unwrap();
            use hireboard::db::schema::outbox_messages;
            outbox_messages::table
                .select(outbox_messages::id)
                .order(outbox_messages::id.desc())
                .first(c)
                .unwrap()
        };
        let alert = crate::support::AlertFactory::new("q=welder").create(c).id;
        let token = crate::support::ApiTokenFactory::new().create(c).id;
        let import = crate::support::factories::import_record(c, admin);
        let feed = crate::support::factories::feed_source(
            c,
            co.id,
            "https://ats.example.test/jobs.json",
            "greenhouse",
        );
        Ids {
            alert,
            mail,
            task,
            job,
            company: co.id,
            admin,
            skill,
            application,
            token,
            import,
            feed,
        }
    })
}

pub fn fill(path: &str, ids: &Ids) -> String {
    path.replace("{job}", &ids.job.to_string())
        .replace("{company}", &ids.company.to_string())
        .replace("{admin}", &ids.admin.to_string())
        .replace("{skill}", &ids.skill.to_string())
        .replace("{application}", &ids.application.to_string())
        .replace("{task}", &ids.task.to_string())
        .replace("{token}", &ids.token.to_string())
        .replace("{mail}", &ids.mail.to_string())
        .replace("{alert}", &ids.alert.to_string())
        .replace("{import}", &ids.import.to_string())
        .replace("{feed}", &ids.feed.to_string())
}

/// Back-office routes that need no signed-in user by design: signing in (the password, then
/// the code), and the invitation link on which a new user sets a password (its token is the
/// authority).
const PUBLIC_ADMIN_ROUTES: &[&str] =
    &["/admin/login", "/admin/login/code", "/admin/password/{token}"];

#[test]
fn the_role_table_covers_every_back_office_route_the_app_registers() {
    let rows = routes();
    let mut missing = Vec::new();
    for route in hireboard::routes::table() {
        if !route.path.starts_with("/admin")
            || route.method == Method::HEAD
            || PUBLIC_ADMIN_ROUTES.contains(&route.path)
        {
            continue;
        }
        let pattern = actix_web::dev::ResourceDef::new(route.path);
        // A row's placeholders stand for ids (`{import}`): a route may take digits only.
        let covered = rows.iter().any(|(method, path, _, _)| {
            let path = path.split('?').next().unwrap_or_default();
            let sample = with_ids(path);
            *method == route.method && (pattern.is_match(path) || pattern.is_match(&sample))
        });
        // The generic `/admin/{resource}/…` routes match many rows; a fixed route must have its
        // own, which the fixed routes registered first take.
        if !covered {
            missing.push(format!("{} {}", route.method, route.path));
        }
    }
    assert!(missing.is_empty(), "routes without a row in the role table:\n{}", missing.join("\n"));
}

/// `path` with each `{placeholder}` replaced by an id.
fn with_ids(path: &str) -> String {
    path.split('/')
        .map(|part| if part.starts_with('{') && part.ends_with('}') { "1" } else { part })
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn the_role_table_covers_every_member_action_each_resource_declares() {
    let rows = routes();
    let mut missing = Vec::new();
    for resource in hireboard::admin::resources::ALL {
        for act in resource.acts() {
            // The generic route serves them all: each needs its own row, for its own policy.
            let path = format!("/admin/{}/{{id}}/{}", resource.name(), act.key);
            let pattern = actix_web::dev::ResourceDef::new(path.as_str());
            let covered = rows.iter().any(|(method, row, _, _)| {
                *method == Method::POST
                    && pattern.is_match(row.split('?').next().unwrap_or_default())
            });
            if !covered {
                missing.push(path);
            }
        }
    }
    assert!(
        missing.is_empty(),
        "member actions without a row in the role table:\n{}",
        missing.join("\n")
    );
}
