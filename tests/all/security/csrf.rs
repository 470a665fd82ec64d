//! Every state-changing route of the app, public and back office, refuses a request without
//! its CSRF token (the back office's session token, a public form's signed one), with another
//! session's token, or from another site's page, and changes nothing. Each route's request is otherwise valid: the same request with the right
//! token goes through, so the refusals are the token's doing.

use actix_web::http::Method;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use hireboard::db::schema::{applications, job_alerts, jobs, skills};

use crate::admin::roles;
use crate::support::{AdminFactory, JobFactory, TestApp, backends};
use hireboard::models::AdminRole;

/// Routes whose authority is not the session: the one-click unsubscribe of mails (RFC 8058;
/// mail providers post it from their servers, and the signed token is its whole authority).
/// The API's routes are exempt too: they read no cookie, only a bearer token (see
/// `api::tokens::a_back_office_session_is_no_token`).
const EXEMPT: &[&str] = &["/{locale}/alerts/{id}/unsubscribe"];

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// What a request could change: every table's rows, and the states a POST may move.
fn fingerprint(app: &TestApp) -> Vec<String> {
    const TABLES: &[&str] = &[
        "companies",
        "company_translations",
        "jobs",
        "job_translations",
        "skills",
        "job_skills",
        "applications",
        "admin_users",
        "admin_recovery_codes",
        "admin_comments",
        "audit_log",
        "admin_saved_views",
        "tasks",
        "events",
        "job_alerts",
        "webhook_endpoints",
        "outbox_messages",
    ];
    app.with_conn(|c| {
        let mut out: Vec<String> = TABLES
            .iter()
            .map(|t| {
                let n = diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {t}"))
                    .get_result::<Count>(c)
                    .unwrap()
                    .n;
                format!("{t}={n}")
            })
            .collect();
        let mut names: Vec<String> = skills::table.select(skills::name).load(c).unwrap();
        names.sort();
        out.push(names.join(","));
        let mut states: Vec<String> = jobs::table.select(jobs::status).load(c).unwrap();
        states.extend(applications::table.select(applications::status).load::<String>(c).unwrap());
        states.sort();
        out.push(states.join(","));
        let confirmed: i64 = job_alerts::table
            .filter(job_alerts::confirmed_at.is_not_null())
            .count()
            .get_result(c)
            .unwrap();
        out.push(format!("confirmed={confirmed}"));
        out
    })
}

/// The token in a signed link's query.
fn token_of(url: &str) -> String {
    url.split("token=").nth(1).unwrap_or_default().to_owned()
}

/// A state-changing request: where, its fields, the name of its token field, and for a
/// public form the page that carries its signed token (the back office's is the session's).
struct Request {
    path: String,
    fields: Vec<(String, String)>,
    token_field: &'static str,
    form_page: Option<String>,
}

impl Request {
    fn new(path: String, fields: Vec<(String, String)>, token_field: &'static str) -> Request {
        Request { path, fields, token_field, form_page: None }
    }

    fn public(path: String, fields: Vec<(String, String)>, form_page: String) -> Request {
        Request { path, fields, token_field: "csrf_token", form_page: Some(form_page) }
    }

    /// The right token: the public form's from its page, else the signed-in session's.
    async fn token(&self, app: &TestApp) -> String {
        match &self.form_page {
            Some(page) => {
                let res = app.get(page).await;
                assert_eq!(res.status, 200, "{page}: {}", res.body);
                res.html().attr("input[name=csrf_token]", "value")
            }
            None => app.csrf("/admin").await,
        }
    }
}

/// A request for every public state-changing route.
fn public_requests(app: &TestApp, ids: &roles::Ids) -> Vec<Request> {
    use hireboard::i18n::Locale;
    let secret = &app.state.config.secret_key;
    let (slug, email): (String, String) = app.with_conn(|c| {
        let slug = jobs::table.find(ids.job).select(jobs::slug).first(c).unwrap();
        (slug, "applicant@example.org".to_owned())
    });
    let withdraw =
        hireboard::mail::application::links("", secret, Locale::EN, ids.application).withdraw;
    let alert =
        app.with_conn(|c| crate::support::AlertFactory::new("q=welder").pending().create(c).id);
    let confirm = hireboard::mail::alert::confirm_url(
        "",
        secret,
        alert,
        hireboard::models::alert::Frequency::Daily,
        Locale::EN,
    );
    let f = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    };
    // An employer who signed up and has yet to confirm the address.
    let employer = app.with_conn(|c| {
        let s = hireboard::models::employer::SignUp {
            company: "Unconfirmed Ltd",
            name: "",
            email: "unconfirmed@example.org",
            password: "Tinte Segelboot Murmel",
            locale: Locale::EN,
        };
        match hireboard::models::employer::sign_up(c, &s, hireboard::db::now()).unwrap() {
            Ok(hireboard::models::employer::Outcome::Made(id)) => id,
            other => panic!("{other:?}"),
        }
    });
    let until = hireboard::db::now().and_utc().timestamp() + 3600;
    let employer_token =
        hireboard::mail::signed::token(secret, &format!("employer-confirm:{until}"), employer);
    let employer_link =
        format!("/en/employers/confirm/{employer}?until={until}&token={employer_token}");
    // A posting closing soon, and the reminder's link for one of its company's recruiters.
    let (posting, recruiter) = app.with_conn(|c| {
        use hireboard::db::schema::companies;
        let slug: String =
            companies::table.find(ids.company).select(companies::slug).first(c).unwrap();
        let company = hireboard::models::company::Company::find_by_slug(c, &slug).unwrap().unwrap();
        let closes = hireboard::db::now() + chrono::TimeDelta::days(3);
        let posting = JobFactory::new(&company).valid_through(closes).create(c);
        let recruiter = AdminFactory::new().recruiter(&[ids.company]).create(c);
        (posting, recruiter.id)
    });
    let extend = hireboard::tasks::expiry_reminders::extend_url(
        &app.state.config,
        Locale::EN,
        posting.id,
        posting.valid_through.unwrap(),
        recruiter,
    );
    let extend = extend.trim_start_matches(&app.state.config.base_url).to_owned();
    let extend_fields: Vec<(String, String)> = extend
        .split_once('?')
        .unwrap()
        .1
        .split('&')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    vec![
        Request::public(
            extend.split('?').next().unwrap().to_owned(),
            extend_fields,
            extend.clone(),
        ),
        Request::public(
            "/en/employers/sign-up".to_owned(),
            f(&[
                ("company", "Signed Up Ltd"),
                ("email", "signed-up@example.org"),
                ("password", "Tinte Segelboot Murmel"),
            ]),
            "/en/employers/sign-up".to_owned(),
        ),
        Request::public(
            format!("/en/employers/confirm/{employer}"),
            f(&[("until", &until.to_string()), ("token", &employer_token)]),
            employer_link,
        ),
        Request::public(
            format!("/en/jobs/{slug}/apply"),
            f(&[
                ("name", "Ada"),
                ("email", &email),
                ("cover_letter", "Hello."),
                ("consent", "yes"),
            ]),
            format!("/en/jobs/{slug}"),
        ),
        Request::public(
            withdraw.split('?').next().unwrap().to_owned(),
            f(&[("token", &token_of(&withdraw))]),
            withdraw.clone(),
        ),
        Request::public(
            "/en/alerts".to_owned(),
            f(&[("email", "alerts@example.org"), ("frequency", "daily"), ("query", "q=welder")]),
            "/en/alerts/new?q=welder".to_owned(),
        ),
        Request::public(
            confirm.split('?').next().unwrap().to_owned(),
            f(&[("token", &token_of(&confirm)), ("frequency", "daily")]),
            confirm.clone(),
        ),
    ]
}

/// Sends `fields` to `path` as a urlencoded form with `token` under `token_field`, and the
/// extra headers.
async fn post(
    app: &TestApp,
    path: &str,
    fields: &[(String, String)],
    token_field: &str,
    token: Option<&str>,
    headers: &[(&str, &str)],
) -> u16 {
    let mut all: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    if let Some(token) = token {
        all.push((token_field, token));
    }
    let mut h = vec![("content-type", "application/x-www-form-urlencoded")];
    h.extend_from_slice(headers);
    app.request(Method::POST, path, &h, Some(serde_urlencoded::to_string(&all).unwrap()))
        .await
        .status
        .as_u16()
}

#[actix_web::test]
async fn every_state_changing_route_refuses_a_missing_foreign_or_cross_site_token() {
    for app in backends() {
        let admin = app.with_conn(|c| AdminFactory::new().create(c));
        // Another browser's session and token.
        let foreign = app.csrf("/admin/login").await;
        app.clear_cookies();
        app.sign_in_as(&admin).await;
        let mut covered: Vec<&str> = Vec::new();
        let mut failures = Vec::new();
        // (pattern, path, fields, token field) for every route.
        let ids = roles::seed(&app);
        // Sending for review and inviting a colleague are a recruiter's: theirs is the request
        // with its token.
        let recruiter = app.with_conn(|c| AdminFactory::new().recruiter(&[ids.company]).create(c));
        let mut requests: Vec<Request> = Vec::new();
        for (method, path, fields, _) in roles::routes() {
            if method != Method::POST || path.contains("logout") {
                continue;
            }
            let path = roles::fill(path, &ids);
            let fields =
                fields.iter().map(|(k, v)| (k.to_string(), roles::fill(v, &ids))).collect();
            requests.push(Request::new(path, fields, "_csrf"));
        }
        requests.push(Request::new("/admin/logout".into(), vec![], "_csrf"));
        requests.push(Request::new("/admin/account/logout-everywhere".into(), vec![], "_csrf"));
        let (_, invitation) = app.with_conn(|c| {
            hireboard::models::admin_user::invite(
                c,
                "invited@example.test",
                "",
                AdminRole::Viewer,
                hireboard::db::now(),
            )
            .unwrap()
        });
        let password = "Tinte Segelboot Murmel".to_owned();
        requests.push(Request::new(
            format!("/admin/password/{invitation}"),
            vec![("password".into(), password.clone()), ("confirmation".into(), password)],
            "_csrf",
        ));
        requests.push(Request::new(
            "/admin/login".into(),
            vec![
                ("email".into(), admin.email.clone()),
                ("password".into(), admin.password.clone()),
            ],
            "_csrf",
        ));
        requests.push(Request::new(
            "/admin/login/code".into(),
            vec![("code".into(), "123456".into())],
            "_csrf",
        ));
        requests.extend(public_requests(&app, &ids));
        for request in &requests {
            let Request { path, fields, token_field, .. } = request;
            let before = fingerprint(&app);
            let own = request.token(&app).await;
            for (what, token, headers) in [
                ("no token", None, vec![]),
                // For a public form: a token, but of the back office's kind.
                ("another session's token", Some(foreign.as_str()), vec![]),
                ("a foreign origin", Some(own.as_str()), vec![("origin", "https://evil.example")]),
                (
                    "a foreign referer",
                    Some(own.as_str()),
                    vec![("referer", "https://evil.example/x")],
                ),
            ] {
                let status = post(&app, path, fields, token_field, token, &headers).await;
                if status != 403 {
                    failures.push(format!("POST {path} with {what}: {status}"));
                }
                if fingerprint(&app) != before {
                    failures.push(format!("POST {path} with {what} changed data"));
                }
            }
            covered.push(path);
        }
        // Every POST route of the app had a request above.
        for route in hireboard::routes::table() {
            let exempt = EXEMPT.contains(&route.path) || hireboard::api::is_api(route.path);
            if route.method != Method::POST || exempt {
                continue;
            }
            let pattern = actix_web::dev::ResourceDef::new(route.path);
            if !requests.iter().any(|r| pattern.is_match(&r.path)) {
                failures.push(format!("no request for POST {}", route.path));
            }
        }
        // And each request is valid with the right token: the refusals above were the token's.
        // The public forms first, while their pages are still there (a valid back-office
        // request may close the posting).
        let (public, back_office): (Vec<&Request>, Vec<&Request>) =
            requests.iter().partition(|r| r.form_page.is_some());
        for request in public.into_iter().chain(back_office) {
            let Request { path, fields, token_field, .. } = request;
            if path.contains("logout") || path.ends_with("/delete") {
                continue;
            }
            app.clear_cookies();
            let recruiters = path.ends_with("/submit") || path.starts_with("/admin/team");
            app.sign_in_as(if recruiters { &recruiter } else { &admin }).await;
            let own = request.token(&app).await;
            let status = post(&app, path, fields, token_field, Some(&own), &[]).await;
            if status == 403 || status >= 500 {
                failures.push(format!("POST {path} with its token: {status}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} ({}):\n{}",
            app.backend,
            covered.len(),
            failures.join("\n")
        );
    }
}
