//! The second factor's model on every backend: turned on with a first code, each code good
//! once, recovery codes single-use, turned off with its codes.

use hireboard::models::second_factor::{self, Checked};

use actix_web::http::StatusCode;

use crate::support::{AdminFactory, AdminLogin, TestApp, backends};
use hireboard::models::AdminRole;

/// The current code of `secret` at `at`, as an authenticator app shows it.
fn code_at(secret: &[u8], at: chrono::NaiveDateTime) -> String {
    hireboard::auth::totp::code_at(secret, at.and_utc().timestamp() as u64).expect("a code")
}

#[test]
fn codes_count_once_and_recovery_codes_are_single_use() {
    for app in backends() {
        let user = app.with_conn(|c| AdminFactory::new().create(c));
        let secret = hireboard::auth::totp::new_secret();
        let t0 = hireboard::db::now();
        app.with_conn(|c| {
            // A wrong first code turns nothing on.
            assert_eq!(second_factor::enable(c, user.id, &secret, "000000", t0).unwrap(), None);
            let code = code_at(&secret, t0);
            let recovery =
                second_factor::enable(c, user.id, &secret, &code, t0).unwrap().expect("enabled");
            assert_eq!(recovery.len(), 10);
            // The enrolment's code is spent; the next step's code works once.
            assert_eq!(second_factor::check(c, user.id, &code, t0).unwrap(), Checked::Refused);
            let t1 = t0 + chrono::Duration::seconds(30);
            let next = code_at(&secret, t1);
            assert_eq!(second_factor::check(c, user.id, &next, t1).unwrap(), Checked::Code);
            assert_eq!(second_factor::check(c, user.id, &next, t1).unwrap(), Checked::Refused);
            // A recovery code, however typed, once.
            let typed = recovery[3].to_uppercase();
            assert_eq!(
                second_factor::check(c, user.id, &typed, t1).unwrap(),
                Checked::RecoveryCode { left: 9 }
            );
            assert_eq!(second_factor::check(c, user.id, &typed, t1).unwrap(), Checked::Refused);
            // Off: no code works, and the codes are gone.
            assert!(second_factor::disable(c, user.id).unwrap());
            assert!(!second_factor::disable(c, user.id).unwrap());
            let t2 = t1 + chrono::Duration::seconds(30);
            assert_eq!(
                second_factor::check(c, user.id, &code_at(&secret, t2), t2).unwrap(),
                Checked::Refused
            );
            assert_eq!(
                second_factor::check(c, user.id, &recovery[4], t2).unwrap(),
                Checked::Refused
            );
        });
    }
}

/// The secret the enrolment page shows as text, as an authenticator app would read it.
fn secret_on(page: &crate::support::app::Response) -> Vec<u8> {
    let text = page.html().text("#two-factor-secret").replace(' ', "");
    base32::decode(base32::Alphabet::Rfc4648 { padding: false }, &text).expect("a base32 secret")
}

/// Time passing, for the replay guard: the last accepted step is set back, so the current code
/// counts again (the tests cannot wait 30 seconds for the next one).
pub fn forget_last_code(app: &TestApp, user: i64) {
    use diesel::prelude::*;
    use hireboard::db::schema::admin_users;
    app.with_conn(|c| {
        diesel::update(admin_users::table.find(user))
            .set(admin_users::totp_last_step.eq(None::<i64>))
            .execute(c)
            .unwrap()
    });
}

pub fn current_code(secret: &[u8]) -> String {
    code_at(secret, hireboard::db::now())
}

/// Posts to the account page's forms with the token from that page (the one page a user who
/// must enrol can open).
async fn post_account(
    app: &TestApp,
    path: &str,
    fields: &[(&str, &str)],
) -> crate::support::app::Response {
    let csrf = app.csrf("/admin/account/two-factor").await;
    let mut all = vec![("_csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    app.post_form(path, &all).await
}

/// Turns the second factor on through the account page; the recovery codes it shows.
pub async fn enrol(app: &TestApp, user: &AdminLogin) -> (Vec<u8>, Vec<String>) {
    let page = app.get("/admin/account/two-factor").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    // The QR code is an image drawn on the server, the secret readable as text.
    let qr = page.html().attr("img.two-factor-qr", "src");
    assert!(qr.starts_with("data:image/svg+xml;base64,"), "{qr}");
    let secret = secret_on(&page);
    // A reload shows the same secret: a scanned code stays good.
    assert_eq!(secret_on(&app.get("/admin/account/two-factor").await), secret);
    let wrong = post_account(app, "/admin/account/two-factor", &[("code", "000000")]).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("That code is wrong"), "{}", wrong.body);
    let code = current_code(&secret);
    let done = post_account(app, "/admin/account/two-factor", &[("code", &code)]).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    let codes = done.html().texts("#recovery-codes li");
    assert_eq!(codes.len(), 10, "{}", done.body);
    forget_last_code(app, user.id);
    (secret, codes)
}

/// The password step: the answer sends to the code step.
pub async fn password_step(app: &TestApp, user: &AdminLogin, next: &str) {
    app.clear_cookies();
    let csrf = app.csrf("/admin/login").await;
    let res = app
        .post_form(
            "/admin/login",
            &[
                ("_csrf", &csrf),
                ("email", &user.email),
                ("password", &user.password),
                ("next", next),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.header("location"), Some("/admin/login/code"));
}

pub async fn code_step(app: &TestApp, code: &str) -> crate::support::app::Response {
    // The token of the session, from a page every visitor may open.
    let csrf = app.csrf("/admin/login").await;
    app.post_form("/admin/login/code", &[("_csrf", &csrf), ("code", code)]).await
}

#[actix_web::test]
async fn signing_in_takes_the_password_then_a_code_or_a_recovery_code() {
    for app in backends() {
        let user = app.signed_in(AdminRole::Admin).await;
        let (secret, recovery) = enrol(&app, &user).await;
        let shown = app.get("/admin/account/two-factor").await;
        assert!(shown.body.contains("You have 10 unused recovery codes"), "{}", shown.body);

        // The password alone opens nothing.
        password_step(&app, &user, "/admin/jobs").await;
        let blocked = app.get("/admin").await;
        assert_eq!(blocked.status, StatusCode::SEE_OTHER, "{}", app.backend);
        assert!(blocked.header("location").unwrap().starts_with("/admin/login"));
        // A wrong code: refused, in words, and no session.
        let wrong = code_step(&app, "123456").await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.body.contains("That code is wrong"), "{}", wrong.body);
        // The right one: in, to the page asked for.
        let code = current_code(&secret);
        let ok = code_step(&app, &code).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}: {}", app.backend, ok.body);
        assert_eq!(ok.header("location"), Some("/admin/jobs"));
        assert_eq!(app.get("/admin").await.status, StatusCode::OK);

        // The same code again (a shoulder-surfer within its 30 seconds): refused.
        password_step(&app, &user, "/admin").await;
        assert_eq!(code_step(&app, &code).await.status, StatusCode::UNPROCESSABLE_ENTITY);
        // A recovery code, however typed, once; the flash says how many are left.
        let typed = recovery[0].to_uppercase().replace('-', " ");
        let ok = code_step(&app, &typed).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let dashboard = app.get("/admin").await;
        assert!(dashboard.body.contains("9 are left"), "{}", dashboard.body);
        password_step(&app, &user, "/admin").await;
        assert_eq!(code_step(&app, &recovery[0]).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
}

#[actix_web::test]
async fn wrong_codes_lock_the_account_like_wrong_passwords() {
    let app = TestApp::sqlite();
    let user = app.signed_in(AdminRole::Admin).await;
    let (secret, _) = enrol(&app, &user).await;
    password_step(&app, &user, "/admin").await;
    // The password counted as the first of five attempts; four wrong codes use up the rest.
    for _ in 0..3 {
        assert_eq!(code_step(&app, "000000").await.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let locked = code_step(&app, "000000").await;
    assert_eq!(locked.status, StatusCode::SEE_OTHER);
    assert_eq!(locked.header("location"), Some("/admin/login"));
    let login = app.get("/admin/login").await;
    assert!(login.body.contains("locked for 15 minutes"), "{}", login.body);
    // Locked: not even the right password and code get in.
    let again = app.sign_in(&user.email, &user.password).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(code_step(&app, &current_code(&secret)).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get("/admin").await.status, StatusCode::SEE_OTHER);
}

#[actix_web::test]
async fn the_code_step_needs_a_recent_password_step() {
    let app = TestApp::sqlite();
    // Nothing pending: back to the password.
    let page = app.get("/admin/login/code").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.header("location"), Some("/admin/login"));
    let csrf = app.csrf("/admin/login").await;
    let res = app.post_form("/admin/login/code", &[("_csrf", &csrf), ("code", "123456")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(app.get("/admin/login").await.body.contains("took too long"));
    // A user without a second factor signs in with the password alone, as before.
    let user = app.with_conn(|c| AdminFactory::new().create(c));
    let res = app.sign_in(&user.email, &user.password).await;
    assert_eq!(res.header("location"), Some("/admin"));
}

#[actix_web::test]
async fn recovery_codes_can_be_replaced_and_the_factor_turned_off_with_a_code() {
    let app = TestApp::sqlite();
    let user = app.signed_in(AdminRole::Admin).await;
    let (secret, old) = enrol(&app, &user).await;
    // Without a right code, neither happens.
    for path in ["/admin/account/two-factor/recovery-codes", "/admin/account/two-factor/disable"] {
        let res = app.post_admin(path, &[("code", "000000")]).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
    }
    let fresh = app
        .post_admin("/admin/account/two-factor/recovery-codes", &[("code", &current_code(&secret))])
        .await;
    assert_eq!(fresh.status, StatusCode::OK, "{}", fresh.body);
    let new = fresh.html().texts("#recovery-codes li");
    assert_eq!(new.len(), 10);
    // The old codes are gone: one of them no longer turns the factor off; a new one does.
    let res = app.post_admin("/admin/account/two-factor/disable", &[("code", &old[1])]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = app.post_admin("/admin/account/two-factor/disable", &[("code", &new[1])]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let page = app.get("/admin/account/two-factor").await;
    assert!(page.body.contains("Two-factor sign-in is off"), "{}", page.body);
    assert_eq!(page.html().count("img.two-factor-qr"), 1);
    // Each change is in the audit log, without secrets.
    let changes: Vec<String> = app.with_conn(|c| {
        use diesel::prelude::*;
        use hireboard::db::schema::audit_log;
        audit_log::table
            .filter(audit_log::record_id.eq(user.id))
            .filter(audit_log::resource.eq("admin_users"))
            .order(audit_log::id.asc())
            .select(audit_log::changes)
            .load(c)
            .unwrap()
    });
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert!(changes[0].contains("\"on\"") && changes[1].contains("\"off\""), "{changes:?}");
}

#[actix_web::test]
async fn a_required_second_factor_sends_unenrolled_users_to_enrol() {
    let app = TestApp::sqlite_with(&[("MFA_REQUIRED_ROLES", "admin,editor")]);
    let admin = app.with_conn(|c| AdminFactory::new().create(c));
    let viewer = app.with_conn(|c| AdminFactory::new().role(AdminRole::Viewer).create(c));
    app.sign_in_as(&viewer).await;
    assert_eq!(app.get("/admin/jobs").await.status, StatusCode::OK);

    app.clear_cookies();
    app.sign_in_as(&admin).await;
    for path in ["/admin", "/admin/jobs", "/admin/admin_users"] {
        let res = app.get(path).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(res.header("location"), Some("/admin/account/two-factor"));
    }
    // Changes too, not just pages.
    let res = post_account(&app, "/admin/skills", &[("name", "Welding")]).await;
    assert_eq!(res.header("location"), Some("/admin/account/two-factor"));
    let page = app.get("/admin/account/two-factor").await;
    assert!(page.body.contains("Your role must sign in with a second factor"));
    enrol(&app, &admin).await;
    assert_eq!(app.get("/admin/jobs").await.status, StatusCode::OK);
}

#[actix_web::test]
async fn an_admin_resets_a_users_second_factor_and_it_is_audited() {
    for app in backends() {
        let user = app.signed_in(AdminRole::Admin).await;
        enrol(&app, &user).await;
        let editor = app.with_conn(|c| AdminFactory::new().role(AdminRole::Editor).create(c));
        let admin = app.with_conn(|c| AdminFactory::new().create(c));
        let path = format!("/admin/admin_users/{}/reset-two-factor", user.id);
        app.clear_cookies();
        app.sign_in_as(&editor).await;
        assert_eq!(app.post_admin(&path, &[]).await.status, StatusCode::FORBIDDEN);
        app.clear_cookies();
        app.sign_in_as(&admin).await;
        let show = app.get(&format!("/admin/admin_users/{}", user.id)).await;
        assert_eq!(
            show.html().attrs("form[action$='/reset-two-factor']", "action").len(),
            1,
            "{}",
            show.body
        );
        let res = app.post_admin(&path, &[]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", app.backend);
        let show = app.get(&format!("/admin/admin_users/{}", user.id)).await;
        assert!(show.body.contains("was turned off for this user"), "{}", show.body);
        assert_eq!(show.html().count("form[action$='/reset-two-factor']"), 0);
        // The user signs in with the password alone again.
        app.clear_cookies();
        let res = app.sign_in(&user.email, &user.password).await;
        assert_eq!(res.header("location"), Some("/admin"), "{}", app.backend);
        let actor: String = app.with_conn(|c| {
            use diesel::prelude::*;
            use hireboard::db::schema::audit_log;
            audit_log::table
                .filter(audit_log::record_id.eq(user.id))
                .order(audit_log::id.desc())
                .select(audit_log::actor)
                .first(c)
                .unwrap()
        });
        assert_eq!(actor, admin.email);
    }
}

#[test]
fn parallel_sign_ins_with_one_code_let_one_through() {
    for app in backends() {
        let user = app.with_conn(|c| AdminFactory::new().create(c));
        let secret = hireboard::auth::totp::new_secret();
        let t0 = hireboard::db::now();
        app.with_conn(|c| {
            second_factor::enable(c, user.id, &secret, &code_at(&secret, t0), t0)
                .unwrap()
                .expect("enabled")
        });
        let t1 = t0 + chrono::Duration::seconds(30);
        let code = code_at(&secret, t1);
        // As many as the pool has connections: each holds one while it waits for the others.
        let barrier = std::sync::Barrier::new(4);
        let accepted = std::thread::scope(|s| {
            let tries: Vec<_> = (0..4)
                .map(|_| {
                    s.spawn(|| {
                        let mut c = app.conn();
                        barrier.wait();
                        second_factor::check(&mut c, user.id, &code, t1).unwrap()
                    })
                })
                .collect();
            tries
                .into_iter()
                .map(|t| t.join().unwrap())
                .filter(|checked| *checked == Checked::Code)
                .count()
        });
        assert_eq!(accepted, 1, "{}", app.backend);
    }
}
