//! Employers sign up from the public site: bad input changes nothing; a sign-up makes a
//! company awaiting approval and its recruiter, who signs in only after confirming the address
//! by the mailed link (forged, expired and reused links are not found); a known address gets
//! the same answer and nothing more; sign-ups are rate-limited per client.

use actix_web::http::StatusCode;
use diesel::prelude::*;
use hireboard::db::schema::{admin_users, companies, company_members, outbox_messages};

use crate::support::{TestApp, backends};

const PAGE: &str = "/en/employers/sign-up";
const PASSWORD: &str = "copper kettle orbit lantern";

async fn sign_up(
    app: &TestApp,
    company: &str,
    email: &str,
    password: &str,
) -> crate::support::Response {
    let csrf = app.get(PAGE).await.html().attr("input[name=csrf_token]", "value");
    app.post_form(
        PAGE,
        &[
            ("csrf_token", csrf.as_str()),
            ("company", company),
            ("name", "Rita Recruiter"),
            ("email", email),
            ("password", password),
        ],
    )
    .await
}

fn accounts(app: &TestApp) -> i64 {
    app.with_conn(|c| admin_users::table.count().get_result(c).unwrap())
}

/// The confirmation link of the last mail, as a path.
fn mailed_link(app: &TestApp) -> String {
    let text: String = app.with_conn(|c| {
        outbox_messages::table
            .order(outbox_messages::id.desc())
            .select(outbox_messages::text_body)
            .first(c)
            .unwrap()
    });
    text.split_whitespace()
        .find(|w| w.contains("/employers/confirm/"))
        .unwrap_or_else(|| panic!("no link in {text}"))
        .trim_start_matches("https://jobs.example.test")
        .to_owned()
}

#[actix_web::test]
async fn an_employer_signs_up_confirms_the_address_and_signs_in() {
    for app in backends() {
        let before = accounts(&app);
        let page = app.get(PAGE).await;
        assert_eq!(page.status, StatusCode::OK);
        // Bad input: every field says what is wrong, nothing is made.
        let res = sign_up(&app, "", "not-an-address", "short").await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(res.html().count(".field-error"), 3, "{:?}", res.html().texts(".field-error"));
        assert_eq!(accounts(&app), before);
        let res = sign_up(&app, "Kettle & Sons", "rita@kettle.example", PASSWORD).await;
        assert_eq!(res.status, StatusCode::OK);
        assert!(res.body.contains("Check your inbox"));
        let (id, unverified, role): (i64, bool, String) = app.with_conn(|c| {
            admin_users::table
                .filter(admin_users::email.eq("rita@kettle.example"))
                .select((admin_users::id, admin_users::email_unverified, admin_users::role))
                .first(c)
                .unwrap()
        });
        assert!(unverified);
        assert_eq!(role, "recruiter");
        let (slug, awaiting): (String, bool) = app.with_conn(|c| {
            company_members::table
                .inner_join(companies::table)
                .filter(company_members::admin_user_id.eq(id))
                .select((companies::slug, companies::awaiting_approval))
                .first(c)
                .unwrap()
        });
        assert!(awaiting, "the staff approve a company that signed up");
        assert_eq!(app.get(&format!("/en/companies/{slug}")).await.status, StatusCode::NOT_FOUND);

        // Not before the address is confirmed.
        let res = app.sign_in("rita@kettle.example", PASSWORD).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.body.contains("Confirm your address first"), "{}", res.body);

        app.deliver_mail(1);
        let link = mailed_link(&app);
        let forged = link.replace("token=", "token=0");
        assert_eq!(app.get(&forged).await.status, StatusCode::NOT_FOUND);
        // A link whose end was moved is not ours either.
        let (path, query) = link.split_once('?').unwrap();
        let until: i64 = query
            .split('&')
            .find_map(|p| p.strip_prefix("until="))
            .and_then(|u| u.parse().ok())
            .unwrap();
        let stretched =
            link.replace(&format!("until={until}"), &format!("until={}", until + 86_400));
        assert_eq!(app.get(&stretched).await.status, StatusCode::NOT_FOUND);
        // An expired one, signed right, is not found.
        let secret = app.state.config.secret_key.clone();
        let past = hireboard::db::now().and_utc().timestamp() - 1;
        let token =
            hireboard::mail::signed::token(&secret, &format!("employer-confirm:{past}"), id);
        let expired = format!("{path}?until={past}&token={token}");
        assert_eq!(app.get(&expired).await.status, StatusCode::NOT_FOUND);

        let confirm = app.get(&link).await;
        assert_eq!(confirm.status, StatusCode::OK);
        let fields = confirm.html().form_with("section form", &[]);
        let fields: Vec<(&str, &str)> =
            fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let done = app.post_form(path, &fields).await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        assert!(done.body.contains("Address confirmed"));
        // Used: the link has done its work.
        assert_eq!(app.get(&link).await.status, StatusCode::NOT_FOUND);

        let res = app.sign_in("rita@kettle.example", PASSWORD).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert_eq!(app.get("/admin/jobs/new").await.status, StatusCode::OK);
        app.clear_cookies();

        // The same address again: the same answer, and nothing else happens.
        let (accounts_now, mails) = (accounts(&app), mail_count(&app));
        let res = sign_up(&app, "Kettle Again", "rita@kettle.example", PASSWORD).await;
        assert_eq!(res.status, StatusCode::OK);
        assert!(res.body.contains("Check your inbox"));
        assert_eq!(accounts(&app), accounts_now);
        let queued: i64 = app.with_conn(|c| {
            use hireboard::db::schema::tasks;
            tasks::table
                .filter(tasks::kind.eq("send_mail"))
                .filter(tasks::state.eq("queued"))
                .count()
                .get_result(c)
                .unwrap()
        });
        assert_eq!((mail_count(&app), queued), (mails, 0));
    }
}

fn mail_count(app: &TestApp) -> i64 {
    app.with_conn(|c| outbox_messages::table.count().get_result(c).unwrap())
}

#[actix_web::test]
async fn sign_ups_are_limited_per_client_and_need_the_forms_token() {
    let app = TestApp::sqlite();
    app.set_client_ip("203.0.113.9");
    let res = app
        .post_form(
            PAGE,
            &[
                ("csrf_token", "forged"),
                ("company", "Forged"),
                ("email", "f@forged.example"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    for n in 0..5 {
        let res =
            sign_up(&app, &format!("Busy {n}"), &format!("busy{n}@busy.example"), PASSWORD).await;
        assert_eq!(res.status, StatusCode::OK, "sign-up {n}");
    }
    let before = accounts(&app);
    let res = sign_up(&app, "Busy 6", "busy6@busy.example", PASSWORD).await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(accounts(&app), before);
}
