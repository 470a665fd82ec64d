//! The apply form cannot be used to flood companies and strangers' inboxes.

use actix_web::http::StatusCode;
use diesel::prelude::*;
use hireboard::db::schema::{applications, tasks};

use crate::support::{CompanyFactory, JobFactory, TestApp, backends};

fn postings(app: &TestApp, n: usize) -> Vec<String> {
    app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        (0..n).map(|_| JobFactory::new(&co).create(c).slug).collect()
    })
}

fn counts(app: &TestApp) -> (i64, i64) {
    app.with_conn(|c| {
        (
            applications::table.count().get_result(c).unwrap(),
            tasks::table.filter(tasks::kind.eq("send_mail")).count().get_result(c).unwrap(),
        )
    })
}

/// Shows the apply form of `slug` in Ukrainian and sends it with `email`; `extra` fields on top.
async fn apply(
    app: &TestApp,
    slug: &str,
    email: &str,
    extra: &[(&str, &str)],
) -> crate::support::app::Response {
    let page = app.get(&format!("/uk/jobs/{slug}")).await.html();
    let token = page.attr("input[name=csrf_token]", "value");
    let started = page.attr("input[name=started]", "value");
    let mut fields = vec![
        ("csrf_token", token.as_str()),
        ("started", started.as_str()),
        ("name", "Лариса Косач"),
        ("email", email),
        ("cover_letter", "Пишу вам щодо вакансії."),
        ("consent", "yes"),
    ];
    fields.retain(|(k, _)| !extra.iter().any(|(e, _)| e == k));
    fields.extend_from_slice(extra);
    app.post_multipart(&format!("/uk/jobs/{slug}/apply"), &fields, &[]).await
}

fn assert_refused_in_ukrainian(res: &crate::support::app::Response, message: &str) {
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS, "{}", res.body);
    assert!(res.header("retry-after").is_some_and(|v| v.parse::<u64>().is_ok_and(|s| s > 0)));
    let page = res.html();
    let tr = hireboard::i18n::Messages::builtin().tr(hireboard::i18n::Locale::UK);
    assert!(page.text("body").contains(&tr.t(message)), "{message}");
    // Everything typed is still there.
    assert_eq!(page.attr("input[name=name]", "value"), "Лариса Косач");
    assert_eq!(page.text("textarea[name=cover_letter]"), "Пишу вам щодо вакансії.");
}

#[actix_web::test]
async fn one_address_cannot_send_a_flood_of_applications() {
    for app in backends() {
        let slugs = postings(&app, 12);
        app.set_client_ip("203.0.113.9");
        for (i, slug) in slugs.iter().take(10).enumerate() {
            let res = apply(&app, slug, &format!("person{i}@example.org"), &[]).await;
            assert_eq!(res.status, StatusCode::SEE_OTHER, "{i}: {}", res.body);
        }
        let before = counts(&app);
        let res = apply(&app, &slugs[10], "someone.else@example.org", &[]).await;
        assert_refused_in_ukrainian(&res, "apply-error-rate-limited");
        assert_eq!(counts(&app), before, "nothing stored or mailed");
        // Another address is not held back.
        app.set_client_ip("198.51.100.4");
        let res = apply(&app, &slugs[10], "someone.else@example.org", &[]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    }
}

#[actix_web::test]
async fn one_applicant_address_is_limited_across_postings_and_gets_few_receipts() {
    for app in backends() {
        let slugs = postings(&app, 7);
        for (i, slug) in slugs.iter().take(5).enumerate() {
            // From ever new client addresses: the limit follows the applicant's address.
            app.set_client_ip(&format!("192.0.2.{}", i + 1));
            let res = apply(&app, slug, "Victim@Example.org", &[]).await;
            assert_eq!(res.status, StatusCode::SEE_OTHER, "{i}: {}", res.body);
        }
        // Five applications, three receipts (and five notices to the company).
        let (stored, mails) = counts(&app);
        assert_eq!(stored, 5);
        assert_eq!(mails, 3 + 5, "receipts to one address are capped");
        app.set_client_ip("192.0.2.77");
        let res = apply(&app, &slugs[5], "victim@example.org", &[]).await;
        assert_refused_in_ukrainian(&res, "apply-error-rate-limited");
        assert_eq!(counts(&app), (5, 8));
    }
}

#[actix_web::test]
async fn the_hidden_field_and_the_fill_time_stop_bots() {
    let app = TestApp::sqlite_with(&[("APPLY_MIN_FILL_SECONDS", "3")]);
    let slugs = postings(&app, 1);
    let before = counts(&app);
    // Sent at once: refused, and told how long to wait.
    let res = apply(&app, &slugs[0], "quick@example.org", &[]).await;
    assert_refused_in_ukrainian(&res, "apply-error-too-fast");
    let wait: u64 = res.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=3).contains(&wait), "{wait}");
    // The hidden field filled in, or a time that is not ours.
    let old = hireboard::db::now() - chrono::Duration::minutes(5);
    let signed = hireboard::web::apply_guard::stamp(&app.state.config.secret_key, old);
    let res = apply(
        &app,
        &slugs[0],
        "bot@example.org",
        &[("website", "http://spam.example"), ("started", &signed)],
    )
    .await;
    assert_refused_in_ukrainian(&res, "apply-error-not-sent");
    let forged = signed.replacen(&old.and_utc().timestamp().to_string(), "1", 1);
    let res = apply(&app, &slugs[0], "bot@example.org", &[("started", &forged)]).await;
    assert_refused_in_ukrainian(&res, "apply-error-not-sent");
    assert_eq!(counts(&app), before, "nothing stored or mailed");
    // A person who took their time gets through.
    let res = apply(&app, &slugs[0], "patient@example.org", &[("started", &signed)]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
}
