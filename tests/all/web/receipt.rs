//! The applicant's receipt: enqueued with the application, kept in the outbox by the worker,
//! in the applicant's language, with signed links that withdraw or delete the application.

use diesel::prelude::*;
use hireboard::db::schema::{applications, outbox_messages, tasks};

use crate::support::{CompanyFactory, JobFactory, TestApp, backends};

async fn apply(app: &TestApp, slug: &str, email: &str) {
    let token =
        app.get(&format!("/de/jobs/{slug}")).await.html().attr("input[name=csrf_token]", "value");
    let res = app
        .post_form(
            &format!("/de/jobs/{slug}/apply"),
            &[
                ("csrf_token", token.as_str()),
                ("name", "Ada"),
                ("email", email),
                ("cover_letter", "Engines."),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
}

/// Runs a worker until the outbox holds `n` messages; their text bodies, oldest first.
fn deliver(app: &TestApp, n: i64) -> Vec<(String, String, String)> {
    app.deliver_mail(n);
    app.outbox()
}

/// The path of the receipt's link for `action`.
fn link(text: &str, action: &str) -> String {
    text.split_whitespace()
        .find(|w| w.contains(&format!("/{action}?token=")))
        .expect("the action's link")
        .trim_start_matches("https://jobs.example.test")
        .to_owned()
}

#[actix_web::test]
async fn the_receipt_goes_out_in_german_and_its_links_withdraw_or_delete() {
    for app in backends() {
        let slug = app.with_conn(|c| {
            let co = CompanyFactory::new().name("Werft Nord").create(c);
            JobFactory::new(&co).title("Schweißer").create(c).slug
        });
        apply(&app, &slug, "ada@example.org").await;
        // Enqueued with the application, before any worker ran.
        let queued: Vec<String> =
            app.with_conn(|c| tasks::table.select(tasks::kind).load(c).unwrap());
        assert_eq!(queued, ["send_mail", "send_mail"], "{}", app.backend);
        let mails = deliver(&app, 2);
        // The hiring team's notice, in the company's language, with the cover letter.
        let notice = mails
            .iter()
            .find(|(to, _, _)| to.starts_with("hiring@"))
            .expect("a notice to the company's contact address");
        assert_eq!(notice.1, "New application from Ada: Schweißer");
        assert!(notice.2.contains("Engines."));
        assert!(notice.2.contains("/admin/applications/"));
        // Answering the notice writes to the applicant; the Outbox keeps the header.
        let headers: String = app.with_conn(|c| {
            outbox_messages::table
                .filter(outbox_messages::to_address.like("hiring@%"))
                .select(outbox_messages::headers)
                .first(c)
                .unwrap()
        });
        assert!(headers.contains(r#"["Reply-To","ada@example.org"]"#), "{headers}");
        let (_, subject, text) = mails
            .iter()
            .find(|(to, _, _)| to == "ada@example.org")
            .expect("the applicant's receipt");
        assert_eq!(subject, "Ihre Bewerbung: Schweißer");
        assert!(text.starts_with("Hallo Ada,"), "{text}");
        assert!(text.contains("Werft Nord"));

        // Withdraw: a page asks first; the POST withdraws.
        let withdraw = link(text, "withdraw");
        let page = app.get(&withdraw).await;
        assert_eq!(page.status, 200, "{withdraw}");
        let html = page.html();
        assert!(html.text("main").contains("Schweißer"));
        let token = html.attr("input[name=token]", "value");
        let csrf = html.attr("input[name=csrf_token]", "value");
        let path = withdraw.split('?').next().unwrap().to_owned();
        let res = app.post_form(&path, &[("token", &token), ("csrf_token", &csrf)]).await;
        assert_eq!(res.status, 200);
        assert!(res.html().text("[role=status]").contains("zurückgezogen"));
        let status: String =
            app.with_conn(|c| applications::table.select(applications::status).first(c).unwrap());
        assert_eq!(status, "withdrawn");

        // A forged or borrowed token is a 404, and changes nothing.
        let forged = withdraw.replace("token=", "token=0");
        assert_eq!(app.get(&forged).await.status, 404);
        let other = path.replace("/withdraw", "/forget");
        let res = app.post_form(&other, &[("token", &token), ("csrf_token", &csrf)]).await;
        assert_eq!(res.status, 404, "the withdraw token does not delete");

        // Forget: the application is gone.
        let forget = link(text, "forget");
        let html = app.get(&forget).await.html();
        let token = html.attr("input[name=token]", "value");
        let csrf = html.attr("input[name=csrf_token]", "value");
        let path = forget.split('?').next().unwrap().to_owned();
        let res = app.post_form(&path, &[("token", &token), ("csrf_token", &csrf)]).await;
        assert_eq!(res.status, 200);
        let left: i64 = app.with_conn(|c| applications::table.count().get_result(c).unwrap());
        assert_eq!(left, 0);
        // The link now says so instead of failing.
        assert!(app.get(&forget).await.html().text("[role=status]").contains("nicht mehr"));
    }
}

#[actix_web::test]
async fn admins_read_kept_mail_in_the_outbox_with_its_html_sandboxed() {
    let app = TestApp::sqlite();
    let slug = app.with_conn(|c| {
        let co = CompanyFactory::new().name("Werft Nord").create(c);
        JobFactory::new(&co).title("Schweißer").create(c).slug
    });
    apply(&app, &slug, "ada@example.org").await;
    deliver(&app, 2);
    let admin = app.with_conn(|c| crate::support::AdminFactory::new().create(c));
    app.sign_in_as(&admin).await;
    let list = app.get("/admin/outbox?to=ada").await.html();
    assert_eq!(list.texts("td.primary"), ["Ihre Bewerbung: Schweißer"]);
    let show = app.get(&list.attrs("td.primary a", "href")[0]).await.html();
    assert!(show.texts("pre.code").iter().any(|t| t.starts_with("Hallo Ada,")));
    let html_url = show
        .attrs(".attributes a", "href")
        .into_iter()
        .find(|h| h.ends_with("/html"))
        .expect("a link to the HTML version");
    let html = app.get(&html_url).await;
    assert_eq!(html.status, 200);
    assert!(html.body.contains("Werft Nord"));
    assert!(
        html.header("content-security-policy")
            .unwrap_or_default()
            .starts_with("sandbox; default-src 'none'")
    );
}
