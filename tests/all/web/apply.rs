//! The apply flow: errors beside the fields, CSRF, duplicates, the thank-you page.

use hireboard::models::JobStatus;
use hireboard::models::application::NewApplication;

use crate::support::{CompanyFactory, JobFactory, TestApp, backends};

fn posting(app: &TestApp) -> (i64, String) {
    let posted = app.with_conn(|c| {
        let co = CompanyFactory::new().name("Apply Corp").create(c);
        let slug = JobFactory::new(&co)
            .title("Backend Developer")
            .cover_letter(hireboard::models::CoverLetter::Required)
            .skills(&["Rust", "Welding"])
            .create(c)
            .slug;
        let id = hireboard::models::job::JobPage::load(c, &slug, hireboard::i18n::Locale::EN)
            .unwrap()
            .unwrap()
            .job
            .id;
        (id, slug)
    });
    app.refresh_search();
    posted
}

/// Opens the posting page and returns its form's CSRF token.
async fn csrf(app: &TestApp, path: &str) -> String {
    app.get(path).await.html().attr("input[name=csrf_token]", "value")
}

fn count(app: &TestApp, job_id: i64) -> i64 {
    app.with_conn(|c| NewApplication::count_for_job(c, job_id).unwrap())
}

#[actix_web::test]
async fn errors_are_shown_beside_the_fields_in_the_visitors_language() {
    for app in backends() {
        let (job_id, slug) = posting(&app);
        let token = csrf(&app, &format!("/de/jobs/{slug}")).await;
        let res = app
            .post_form(
                &format!("/de/jobs/{slug}/apply"),
                &[
                    ("csrf_token", &token),
                    ("name", "Ada"),
                    ("email", "ada-at-example"),
                    ("cover_letter", ""),
                ],
            )
            .await;
        assert_eq!(res.status, 422, "{}", app.backend);
        let page = res.html();
        let de = hireboard::i18n::Messages::builtin().tr(hireboard::i18n::Locale::DE);
        let expected: Vec<String> = [
            "apply-error-email-invalid",
            "apply-error-cover-letter-required",
            "apply-error-consent-required",
        ]
        .iter()
        .map(|id| de.t(id))
        .collect();
        assert_eq!(page.texts(".field-error"), expected);
        assert_ne!(
            expected[0],
            hireboard::i18n::Messages::builtin()
                .tr(hireboard::i18n::Locale::EN)
                .t("apply-error-email-invalid")
        );
        assert_eq!(page.count(".field-error"), 3);
        assert_eq!(page.attr("#apply-name", "value"), "Ada", "input is kept");
        assert_eq!(page.attr("#apply-email", "aria-invalid"), "true");
        assert_eq!(count(&app, job_id), 0, "nothing written");
    }
}

#[actix_web::test]
async fn a_valid_application_is_stored_once() {
    for app in backends() {
        let (job_id, slug) = posting(&app);
        let token = csrf(&app, &format!("/en/jobs/{slug}")).await;
        let fields = [
            ("csrf_token", token.as_str()),
            ("name", "Ada Lovelace"),
            ("email", "Ada@Example.org"),
            ("phone", "+44 20 7946 0958"),
            ("cover_letter", "I have built analytical engines."),
            ("consent", "yes"),
        ];
        let res = app.post_form(&format!("/en/jobs/{slug}/apply"), &fields).await;
        assert_eq!(res.status, 303, "{}: {}", app.backend, res.body);
        let thanks = res.header("location").unwrap().to_owned();
        assert_eq!(thanks, format!("/en/jobs/{slug}/applied"));
        let page = app.get(&thanks).await.html();
        assert!(page.text("h1").contains("Thank you"));
        assert!(page.texts(".thanks p")[0].contains("Apply Corp"));
        assert!(page.texts(".thanks p")[1].contains("emailed you a receipt"), "{}", app.backend);
        // An alert for jobs like this one: its skills, around its city.
        assert_eq!(
            page.texts(".similar p")[0],
            "New jobs matching Rust, Welding · Within 25 km of Berlin, as they are posted."
        );
        let alert = page.attr(".similar a.button", "href");
        assert_eq!(alert, "/en/alerts/new?skill=rust&skill=welding&near=Berlin");
        assert_eq!(app.get(&alert).await.status, 200, "{}", app.backend);
        assert_eq!(count(&app, job_id), 1);

        // The same address again, in other letter case: a clear message, no second row.
        let mut fields = fields;
        fields[2] = ("email", "ada@example.ORG");
        let again = app.post_form(&format!("/en/jobs/{slug}/apply"), &fields).await;
        assert_eq!(again.status, 409);
        assert!(again.html().text(".notice-error").contains("already applied"));
        assert_eq!(count(&app, job_id), 1);
    }
}

#[actix_web::test]
async fn a_cover_letter_is_asked_for_only_where_the_posting_requires_one() {
    for app in backends() {
        let b = app.backend;
        let (_, required) = posting(&app);
        let optional = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).title("Courier").create(c).slug
        });
        let page = app.get(&format!("/en/jobs/{required}")).await.html();
        assert_eq!(page.count("#apply-cover_letter[required]"), 1, "{b}");
        assert_eq!(page.text("label[for=apply-cover_letter]"), "Cover letter", "{b}");
        let page = app.get(&format!("/en/jobs/{optional}")).await.html();
        assert_eq!(page.count("#apply-cover_letter[required]"), 0, "{b}");
        assert_eq!(page.text("label[for=apply-cover_letter]"), "Cover letter (optional)", "{b}");
        let token = csrf(&app, &format!("/en/jobs/{optional}")).await;
        let res = app
            .post_form(
                &format!("/en/jobs/{optional}/apply"),
                &[
                    ("csrf_token", token.as_str()),
                    ("name", "Grace Hopper"),
                    ("email", "grace@example.org"),
                    ("cover_letter", ""),
                    ("consent", "yes"),
                ],
            )
            .await;
        assert_eq!(res.status, 303, "{b}: {}", res.body);
    }
}

#[actix_web::test]
async fn a_request_without_the_csrf_token_writes_nothing() {
    for app in backends() {
        let (job_id, slug) = posting(&app);
        let fields = [
            ("name", "Eve"),
            ("email", "eve@example.org"),
            ("cover_letter", "Hi"),
            ("consent", "yes"),
        ];
        // No session at all (a cross-site form post).
        let res = app.post_form(&format!("/en/jobs/{slug}/apply"), &fields).await;
        assert_eq!(res.status, 403);
        assert!(res.html().text(".notice-error").contains("expired"));
        // A session, but a forged token.
        csrf(&app, &format!("/en/jobs/{slug}")).await;
        let forged = "0".repeat(64);
        let res = app
            .post_form(
                &format!("/en/jobs/{slug}/apply"),
                &[("csrf_token", forged.as_str()), fields[0], fields[1], fields[2], fields[3]],
            )
            .await;
        assert_eq!(res.status, 403);
        assert_eq!(count(&app, job_id), 0);
    }
}

#[actix_web::test]
async fn malformed_bodies_and_closed_postings_are_refused_cleanly() {
    for app in backends() {
        let (_, slug) = posting(&app);
        let token = csrf(&app, &format!("/en/jobs/{slug}")).await;
        let res = app
            .request(
                actix_web::http::Method::POST,
                &format!("/en/jobs/{slug}/apply"),
                &[("content-type", "application/x-www-form-urlencoded")],
                Some(format!("csrf_token={token}&%%%&name=%ZZ")),
            )
            .await;
        assert!(res.status.is_client_error(), "{}", res.status);
        let closed = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).status(JobStatus::Filled).create(c).slug
        });
        let res = app
            .post_form(
                &format!("/en/jobs/{closed}/apply"),
                &[("csrf_token", &token), ("name", "X")],
            )
            .await;
        assert_eq!(res.status, 409);
        assert_eq!(app.post_form("/en/jobs/no-such-job/apply", &[]).await.status, 404);
    }
}
