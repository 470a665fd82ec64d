//! The logs keep no secrets, and security events are one structured line each.

use crate::support::log_capture::{install, lines_containing};
use crate::support::{AdminFactory, TestApp};
use hireboard::models::AdminRole;

fn canary(what: &str) -> String {
    use rand::Rng;
    format!("canary{what}{:012x}", rand::rng().random::<u64>() >> 16)
}

#[actix_web::test]
async fn tokens_passwords_and_cookies_never_reach_the_log() {
    install();
    let app = TestApp::sqlite();
    let admin = app.with_conn(|c| AdminFactory::new().create(c));
    let link_token = canary("link");
    let query_token = canary("query");
    let password = canary("password");
    // An invitation link, a signed applicant link and an alert link.
    app.get(&format!("/admin/password/{link_token}")).await;
    app.get(&format!("/en/applications/1/withdraw?token={query_token}")).await;
    app.get(&format!("/de/alerts/1/confirm?frequency=daily&Token={query_token}")).await;
    // A failed and a successful sign-in.
    app.sign_in(&admin.email, &password).await;
    app.sign_in_as(&admin).await;
    let cookie = app.cookie(hireboard::SESSION_COOKIE).expect("a session cookie");
    app.get("/admin").await;
    for secret in [&link_token, &query_token, &password, &admin.password, &cookie] {
        assert_eq!(lines_containing(secret), Vec::<String>::new(), "{secret}");
    }
    // The requests were logged, with the secrets taken out.
    assert!(
        !lines_containing("GET /admin/password/[redacted] HTTP/1.1").is_empty(),
        "the access log has the invitation request"
    );
    assert!(!lines_containing("withdraw?token=[redacted] HTTP/1.1").is_empty());
    // And both sign-ins as security events, with who and from where.
    let failed = lines_containing("event=sign-in-failed")
        .into_iter()
        .filter(|l| l.contains(&admin.email))
        .collect::<Vec<_>>();
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert!(failed[0].starts_with("WARN hireboard::security "), "{}", failed[0]);
    for field in [" at=", " request_id=", " client=", " method=POST", " path=/admin/login"] {
        assert!(failed[0].contains(field), "{field} in {}", failed[0]);
    }
    let succeeded = lines_containing("event=sign-in-succeeded")
        .into_iter()
        .filter(|l| l.contains(&admin.email))
        .count();
    assert_eq!(succeeded, 1);
}

#[actix_web::test]
async fn a_user_name_with_crlf_gives_one_escaped_line() {
    install();
    let app = TestApp::sqlite();
    let marker = canary("crlf");
    let forged = format!("{marker}@example.test\r\nevent=sign-in-succeeded user=1");
    app.sign_in(&forged, "whatever it is").await;
    let lines = lines_containing(&marker);
    assert_eq!(lines.len(), 1, "{lines:?}");
    let line = &lines[0];
    assert!(!line.contains('\n') && !line.contains('\r'), "{line}");
    assert!(line.contains("event=sign-in-failed"), "{line}");
    assert!(
        line.contains(&format!(
            r#"email="{marker}@example.test\r\nevent=sign-in-succeeded user=1""#
        )),
        "{line}"
    );
}

#[actix_web::test]
async fn refused_tokens_and_denied_roles_are_logged() {
    install();
    let app = TestApp::sqlite();
    let viewer = app.with_conn(|c| AdminFactory::new().role(AdminRole::Viewer).create(c));
    app.sign_in_as(&viewer).await;
    // A viewer may not open the task queue.
    assert_eq!(app.get("/admin/tasks").await.status, 403);
    let denied: Vec<String> = lines_containing("event=authorization-denied")
        .into_iter()
        .filter(|l| l.contains(" path=/admin/tasks"))
        .collect();
    assert!(!denied.is_empty());
    // A form with a token that is not the session's.
    app.csrf("/admin").await;
    let marker = canary("csrf");
    let res = app.post_form("/admin/skills", &[("name", &marker), ("_csrf", "forged")]).await;
    assert_eq!(res.status, 403);
    let refused = lines_containing("event=csrf-refused");
    assert!(
        refused
            .iter()
            .any(|l| l.contains(" path=/admin/skills") && l.ends_with(" reason=wrong-token")),
        "{refused:?}"
    );
}

#[actix_web::test]
async fn second_factor_secrets_and_codes_never_reach_the_log_and_each_step_is_an_event() {
    use crate::admin::two_factor::{code_step, current_code, enrol, password_step};
    install();
    let app = TestApp::sqlite();
    // The log is shared by the tests running in parallel, and user ids repeat across their
    // databases: this test's lines are the ones from its own client address.
    let ip = {
        use rand::Rng;
        let [a, b, c]: [u8; 3] = rand::rng().random();
        format!("10.{a}.{b}.{c}")
    };
    app.set_client_ip(&ip);
    let admin = app.signed_in(AdminRole::Admin).await;
    let (secret, recovery) = enrol(&app, &admin).await;
    password_step(&app, &admin, "/admin").await;
    let wrong = canary("code");
    code_step(&app, &wrong).await;
    let code = current_code(&secret);
    code_step(&app, &code).await;
    let key = base32::encode(base32::Alphabet::Rfc4648 { padding: false }, &secret);
    for secret in [&key, &key[..8], &recovery[0], &recovery[9], &wrong] {
        assert_eq!(lines_containing(secret), Vec::<String>::new(), "{secret}");
    }
    let mine = |line: &String| line.contains(&format!("client={ip} "));
    for event in [
        "event=two-factor-enabled",
        "event=sign-in-password-accepted",
        "event=sign-in-code-failed",
        "event=sign-in-succeeded",
    ] {
        let found = lines_containing(event).into_iter().filter(mine).count();
        let expected = if event == "event=sign-in-succeeded" { 2 } else { 1 };
        assert_eq!(found, expected, "{event}");
    }
    assert_eq!(lines_containing("factor=code").into_iter().filter(mine).count(), 1);
}
