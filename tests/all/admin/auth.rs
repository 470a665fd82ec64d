//! Signing in and out: passwords, lockout, rate limit, timeouts, revocation, CSRF.

use actix_web::http::StatusCode;
use diesel::prelude::*;
use hireboard::db::schema::{admin_sessions, admin_users};

use crate::support::{AdminFactory, TestApp, backends};
use hireboard::models::AdminRole;

fn admin(app: &TestApp) -> crate::support::AdminLogin {
    app.with_conn(|c| AdminFactory::new().create(c))
}

#[actix_web::test]
async fn the_back_office_needs_a_signed_in_user() {
    let app = TestApp::sqlite();
    let res = app.get("/admin/jobs?scope=draft").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.header("location"), Some("/admin/login?next=%2Fadmin%2Fjobs%3Fscope%3Ddraft"));
    let login = app.get("/admin/login?next=%2Fadmin").await;
    assert_eq!(login.status, StatusCode::OK);
    assert_eq!(login.html().count("input[type=password]"), 1);
}

#[actix_web::test]
async fn signing_in_renews_the_session_and_returns_to_the_page() {
    for app in backends() {
        let user = admin(&app);
        // A cookie from before the sign-in (what a session-fixation attack would plant).
        let csrf_before = app.csrf("/admin/login").await;
        let before = app.get("/admin/login").await;
        assert_eq!(before.status, StatusCode::OK);
        let res = app
            .post_form(
                "/admin/login",
                &[
                    ("_csrf", &csrf_before),
                    ("email", &user.email.to_uppercase()),
                    ("password", &user.password),
                    ("next", "/admin?x=1"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", app.backend);
        assert_eq!(res.header("location"), Some("/admin?x=1"));
        let dashboard = app.get("/admin").await;
        assert_eq!(dashboard.status, StatusCode::OK, "{}", app.backend);
        assert!(dashboard.body.contains(&user.email));
        // The token changed with the sign-in.
        assert_ne!(app.csrf("/admin").await, csrf_before);
        let sessions: i64 = app.with_conn(|c| admin_sessions::table.count().get_result(c).unwrap());
        assert_eq!(sessions, 1);
    }
}

#[actix_web::test]
async fn a_wrong_password_is_refused_with_a_message_in_the_visitors_language() {
    let app = TestApp::sqlite();
    let user = admin(&app);
    let csrf = app.csrf("/admin/login").await;
    let res = app
        .request(
            actix_web::http::Method::POST,
            "/admin/login",
            &[
                ("content-type", "application/x-www-form-urlencoded"),
                ("accept-language", "de-DE,de;q=0.9"),
            ],
            Some(
                serde_urlencoded::to_string([
                    ("_csrf", csrf.as_str()),
                    ("email", user.email.as_str()),
                    ("password", "not the password"),
                ])
                .unwrap(),
            ),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let german = hireboard::i18n::Messages::builtin()
        .tr(hireboard::i18n::Locale::DE)
        .t("admin-login-invalid");
    assert_ne!(german, "The email address or password is wrong.");
    assert_eq!(res.html().text("[role=alert]"), german);
    // The address typed stays in the form; the password does not.
    assert_eq!(res.html().attrs("input[name=email]", "value"), std::slice::from_ref(&user.email));
    assert_eq!(app.get("/admin").await.status, StatusCode::SEE_OTHER);
    // An unknown address reads the same.
    let unknown = app.sign_in("nobody@example.test", "whatever it is").await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[actix_web::test]
async fn five_failures_lock_the_account_even_for_the_right_password() {
    for app in backends() {
        let user = admin(&app);
        for _ in 0..5 {
            let res = app.sign_in(&user.email, "wrong password!").await;
            assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        }
        let res = app.sign_in(&user.email, &user.password).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", app.backend);
        assert!(res.body.contains("locked"), "{}", res.body);
        // When the lock has run out, the right password works again and resets the count.
        app.with_conn(|c| {
            diesel::update(admin_users::table)
                .set(
                    admin_users::locked_until
                        .eq(hireboard::db::now() - chrono::Duration::minutes(1)),
                )
                .execute(c)
                .unwrap()
        });
        app.sign_in_as(&user).await;
        let failures: i32 = app.with_conn(|c| {
            admin_users::table.find(user.id).select(admin_users::failed_logins).first(c).unwrap()
        });
        assert_eq!(failures, 0, "{}", app.backend);
    }
}

#[actix_web::test]
async fn parallel_attempts_cannot_slip_past_the_lockout() {
    for app in backends() {
        let user = admin(&app);
        let pool = app.state.pool.clone();
        // Twenty wrong passwords at once, on as many threads and connections as the pool has.
        let outcomes: Vec<_> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..20)
                .map(|_| {
                    let pool = pool.clone();
                    let email = user.email.clone();
                    s.spawn(move || {
                        let mut conn = pool.get().unwrap();
                        hireboard::models::admin_user::attempt_login(
                            &mut conn,
                            &email,
                            "wrong password!",
                            hireboard::db::now(),
                        )
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let checked = outcomes
            .iter()
            .filter(|o| {
                matches!(
                    o,
                    Err(hireboard::models::admin_user::AttemptError::Refused(
                        hireboard::models::admin_user::LoginError::Invalid
                    ))
                )
            })
            .count();
        // At most four plain refusals: the fifth checked attempt locks, the rest are refused
        // without looking at the password.
        assert!(checked <= 4, "{}: {checked} attempts were checked", app.backend);
        let res = app.sign_in(&user.email, &user.password).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", app.backend);
    }
}

#[actix_web::test]
async fn one_address_is_rate_limited_across_accounts() {
    let app = TestApp::sqlite();
    app.set_client_ip("203.0.113.7");
    for i in 0..hireboard::state::LOGIN_ATTEMPTS_PER_IP {
        let res = app.sign_in(&format!("user{i}@example.test"), "wrong password!").await;
        assert!(!res.body.contains("Too many sign-in attempts"), "attempt {i}");
    }
    let user = admin(&app);
    let res = app.sign_in(&user.email, &user.password).await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(res.header("retry-after"), Some("600"));
    assert!(res.body.contains("Too many sign-in attempts"), "{}", res.body);
    // Another address is not affected.
    app.set_client_ip("203.0.113.8");
    app.sign_in_as(&user).await;
}

/// Exhausts the sign-in limit of whatever address the app takes the requests to come from.
async fn use_up_sign_in_attempts(app: &TestApp) {
    for i in 0..hireboard::state::LOGIN_ATTEMPTS_PER_IP {
        app.sign_in(&format!("user{i}@example.test"), "wrong password!").await;
    }
}

#[actix_web::test]
async fn behind_a_trusted_proxy_the_limit_applies_to_the_forwarded_client() {
    let app = TestApp::sqlite_with(&[("TRUSTED_PROXIES", "10.0.0.0/8")]);
    let user = admin(&app);
    // Every request comes from the load balancer; the client wrote 198.51.100.1 itself and
    // the balancer appended the address it saw.
    app.set_client_ip("10.0.0.2");
    app.set_forwarded_for("198.51.100.1, 203.0.113.7");
    use_up_sign_in_attempts(&app).await;
    let res = app.sign_in(&user.email, &user.password).await;
    assert!(res.body.contains("Too many sign-in attempts"), "{}", res.body);
    // Changing the part the client controls does not help…
    app.set_forwarded_for("198.51.100.99, 203.0.113.7");
    let res = app.sign_in(&user.email, &user.password).await;
    assert!(res.body.contains("Too many sign-in attempts"));
    // …while another visitor behind the same balancer signs in, and the session records
    // the visitor's address, not the balancer's.
    app.set_forwarded_for("203.0.113.8");
    app.sign_in_as(&user).await;
    let ips: Vec<Option<String>> =
        app.with_conn(|c| admin_sessions::table.select(admin_sessions::ip).load(c).unwrap());
    assert_eq!(ips, [Some("203.0.113.8".to_owned())]);
}

#[actix_web::test]
async fn without_trusted_proxies_a_forwarded_address_is_ignored() {
    let app = TestApp::sqlite();
    let user = admin(&app);
    app.set_client_ip("203.0.113.7");
    app.set_forwarded_for("198.51.100.1");
    use_up_sign_in_attempts(&app).await;
    // A client cannot escape its limit by claiming to be someone else.
    app.set_forwarded_for("198.51.100.2");
    let res = app.sign_in(&user.email, &user.password).await;
    assert!(res.body.contains("Too many sign-in attempts"), "{}", res.body);
}

#[actix_web::test]
async fn idle_and_expired_sessions_end() {
    for app in backends() {
        let user = admin(&app);
        app.sign_in_as(&user).await;
        assert_eq!(app.get("/admin").await.status, StatusCode::OK);
        // 31 minutes without a request.
        app.with_conn(|c| {
            diesel::update(admin_sessions::table)
                .set(
                    admin_sessions::last_seen_at
                        .eq(hireboard::db::now() - chrono::Duration::minutes(31)),
                )
                .execute(c)
                .unwrap()
        });
        assert_eq!(app.get("/admin").await.status, StatusCode::SEE_OTHER, "{}", app.backend);
        let left: i64 = app.with_conn(|c| admin_sessions::table.count().get_result(c).unwrap());
        assert_eq!(left, 0, "the idle session was deleted");

        // Active, but past the absolute lifetime.
        app.sign_in_as(&user).await;
        app.with_conn(|c| {
            diesel::update(admin_sessions::table)
                .set(
                    admin_sessions::expires_at
                        .eq(hireboard::db::now() - chrono::Duration::seconds(1)),
                )
                .execute(c)
                .unwrap()
        });
        assert_eq!(app.get("/admin").await.status, StatusCode::SEE_OTHER, "{}", app.backend);
    }
}

#[actix_web::test]
async fn logging_out_revokes_the_session_on_the_server() {
    for app in backends() {
        let user = admin(&app);
        app.sign_in_as(&user).await;
        // Keep a copy of the signed-in cookie, as a thief would.
        let stolen = app.cookie(hireboard::SESSION_COOKIE).expect("a session cookie");
        let res = app.post_admin("/admin/logout", &[]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(app.get("/admin").await.status, StatusCode::SEE_OTHER);
        app.set_cookie(hireboard::SESSION_COOKIE, &stolen);
        assert_eq!(
            app.get("/admin").await.status,
            StatusCode::SEE_OTHER,
            "{}: the old cookie no longer signs in",
            app.backend
        );
    }
}

#[actix_web::test]
async fn logging_out_everywhere_ends_every_session_of_the_user() {
    let app = TestApp::sqlite();
    let user = admin(&app);
    let other = admin(&app);
    // Two browsers of the same user, and another user.
    app.sign_in_as(&user).await;
    let first_browser = app.cookie(hireboard::SESSION_COOKIE).unwrap();
    app.clear_cookies();
    app.sign_in_as(&other).await;
    let other_browser = app.cookie(hireboard::SESSION_COOKIE).unwrap();
    app.clear_cookies();
    app.sign_in_as(&user).await;
    let res = app.post_admin("/admin/account/logout-everywhere", &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    app.set_cookie(hireboard::SESSION_COOKIE, &first_browser);
    assert_eq!(app.get("/admin").await.status, StatusCode::SEE_OTHER);
    app.set_cookie(hireboard::SESSION_COOKIE, &other_browser);
    assert_eq!(app.get("/admin").await.status, StatusCode::OK, "other users stay signed in");
}

#[actix_web::test]
async fn a_request_without_a_valid_csrf_token_is_refused_and_changes_nothing() {
    let app = TestApp::sqlite();
    let user = admin(&app);
    app.sign_in_as(&user).await;
    for token in [None, Some("forged")] {
        let mut fields = vec![("locale", "de")];
        if let Some(t) = token {
            fields.push(("_csrf", t));
        }
        let res = app.post_form("/admin/account/locale", &fields).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{token:?}");
        let res = app.post_form("/admin/account/logout-everywhere", &fields).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{token:?}");
    }
    let locale: String = app.with_conn(|c| {
        admin_users::table.find(user.id).select(admin_users::locale).first(c).unwrap()
    });
    assert_eq!(locale, "en");
    assert_eq!(app.get("/admin").await.status, StatusCode::OK, "still signed in");
    // The sign-in form needs the token too.
    app.clear_cookies();
    let res = app
        .post_form("/admin/login", &[("email", &user.email), ("password", &user.password)])
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn the_admin_chooses_the_back_office_language() {
    let app = TestApp::sqlite();
    let user = admin(&app);
    app.sign_in_as(&user).await;
    let res =
        app.post_admin("/admin/account/locale", &[("locale", "uk"), ("back", "/admin")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let page = app.get("/admin").await;
    assert_eq!(page.html().attrs("html", "lang"), ["uk"]);
    let jobs =
        hireboard::i18n::Messages::builtin().tr(hireboard::i18n::Locale::UK).t("admin-nav-jobs");
    assert_ne!(jobs, "Postings");
    assert!(page.html().texts(".admin-nav a").contains(&jobs));
}

#[actix_web::test]
async fn sign_in_never_redirects_off_the_back_office() {
    for next in
        ["https://evil.example", "//evil.example/admin", "/en/jobs", "/admin/../x", "/admin\\@evil"]
    {
        assert_eq!(hireboard::admin::login::safe_next(next), "/admin", "{next}");
    }
    assert_eq!(hireboard::admin::login::safe_next("/admin/jobs?page=2"), "/admin/jobs?page=2");
}

#[actix_web::test]
async fn an_invited_user_sets_a_password_once_and_signs_in() {
    for app in backends() {
        let admin = admin(&app);
        app.sign_in_as(&admin).await;
        let page = app.get("/admin/admin_users").await.html();
        assert_eq!(page.attrs("a[data-shortcut=new]", "href"), ["/admin/admin_users/new"]);
        // Bad input re-renders the form with the error beside the field.
        let res = app
            .post_admin(
                "/admin/admin_users",
                &[("email", "not-an-address"), ("name", "Eve"), ("role", "editor")],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(res.html().count("#email-error"), 1);
        let res = app
            .post_admin("/admin/admin_users", &[("email", &admin.email), ("role", "editor")])
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "the address is taken");
        let res = app
            .post_admin(
                "/admin/admin_users",
                &[("email", "New.Editor@Example.test"), ("name", "Nea"), ("role", "editor")],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", app.backend);
        let show = app.get(res.header("location").unwrap()).await.html();
        let notice = show.text(".flash-notice");
        let link =
            notice.split_whitespace().find(|w| w.contains("/admin/password/")).unwrap().to_owned();
        let path = link.trim_start_matches("https://jobs.example.test").to_owned();
        // The new user cannot sign in before setting a password.
        app.clear_cookies();
        assert_eq!(
            app.sign_in("new.editor@example.test", "").await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let form = app.get(&path).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("new.editor@example.test"));
        let csrf = app.csrf(&path).await;
        let res = app
            .post_form(&path, &[("_csrf", &csrf), ("password", "short"), ("confirmation", "short")])
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        let res = app
            .post_form(
                &path,
                &[
                    ("_csrf", &csrf),
                    ("password", "plum kettle orbit lantern"),
                    ("confirmation", "plum kettle orbit lanterns"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        let res = app
            .post_form(
                &path,
                &[
                    ("_csrf", &csrf),
                    ("password", "plum kettle orbit lantern"),
                    ("confirmation", "plum kettle orbit lantern"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", app.backend);
        // The link works once.
        assert_eq!(app.get(&path).await.status, StatusCode::NOT_FOUND);
        let res = app.sign_in("new.editor@example.test", "plum kettle orbit lantern").await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", app.backend);
        assert_eq!(app.get("/admin/admin_users").await.status, StatusCode::FORBIDDEN, "an editor");
    }
}

#[actix_web::test]
async fn an_expired_invitation_link_does_nothing() {
    let app = TestApp::sqlite();
    let (_, token) = app.with_conn(|c| {
        hireboard::models::admin_user::invite(
            c,
            "late@example.test",
            "",
            AdminRole::Viewer,
            hireboard::db::now() - chrono::Duration::hours(73),
        )
        .unwrap()
    });
    let path = format!("/admin/password/{token}");
    assert_eq!(app.get(&path).await.status, StatusCode::NOT_FOUND);
    let csrf = app.csrf("/admin/login").await;
    let res = app
        .post_form(
            &path,
            &[
                ("_csrf", &csrf),
                ("password", "plum kettle orbit lantern"),
                ("confirmation", "plum kettle orbit lantern"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.sign_in("late@example.test", "plum kettle orbit lantern").await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[actix_web::test]
async fn an_unknown_address_answers_like_an_account_also_when_locked() {
    for app in backends() {
        let user = admin(&app);
        let mut known = Vec::new();
        let mut unknown = Vec::new();
        for _ in 0..7 {
            for (email, seen) in
                [(user.email.as_str(), &mut known), ("nobody.here@example.test", &mut unknown)]
            {
                let res = app.sign_in(email, "wrong password!").await;
                let message = res.html().text("#login-error");
                seen.push((res.status, message));
            }
        }
        assert_eq!(known, unknown, "{}", app.backend);
        let tr = hireboard::i18n::Messages::builtin().tr(hireboard::i18n::Locale::EN);
        assert!(known[3].1.contains(&tr.t("admin-login-invalid")), "{:?}", known[3]);
        assert!(known[4].1.contains(&tr.t("admin-login-locked")), "{:?}", known[4]);
        assert!(unknown[6].1.contains(&tr.t("admin-login-locked")));
    }
}
