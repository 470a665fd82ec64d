//! Job alerts: sign-up from the search page with double opt-in, digests that never send a
//! posting twice, one-click unsubscribe, and the admin's list.

use actix_web::http::StatusCode;
use diesel::prelude::*;
use hireboard::db::schema::{alert_sent, job_alerts, jobs, outbox_messages, tasks};
use hireboard::mail::Email;
use hireboard::models::Workplace;
use hireboard::models::alert::Frequency;
use hireboard::tasks::alerts::{AlertSweep, digest, sweep};

use crate::support::{AlertFactory, CompanyFactory, JobFactory, TestApp, backends};
use hireboard::models::AdminRole;

/// The mails waiting in the queue, oldest first.
fn queued_mail(app: &TestApp) -> Vec<Email> {
    app.with_conn(|c| {
        tasks::table
            .filter(tasks::kind.eq("send_mail"))
            .order(tasks::id.asc())
            .select(tasks::args)
            .load::<String>(c)
            .unwrap()
    })
    .iter()
    .map(|args| {
        let task: serde_json::Value = serde_json::from_str(args).unwrap();
        serde_json::from_value(task["email"].clone()).unwrap()
    })
    .collect()
}

/// The path of the first link in `text` that contains `part`.
fn link(text: &str, part: &str) -> String {
    text.split_whitespace()
        .find(|w| w.contains(part))
        .unwrap_or_else(|| panic!("no link with {part} in {text}"))
        .trim_start_matches("https://jobs.example.test")
        .to_owned()
}

fn job_id(app: &TestApp, slug: &str) -> i64 {
    app.with_conn(|c| jobs::table.filter(jobs::slug.eq(slug)).select(jobs::id).first(c).unwrap())
}

/// (confirmed, unsubscribed, frequency) of every alert.
fn alerts(app: &TestApp) -> Vec<(bool, bool, String)> {
    app.with_conn(|c| {
        job_alerts::table
            .order(job_alerts::id.asc())
            .select((
                job_alerts::confirmed_at.is_not_null(),
                job_alerts::unsubscribed_at.is_not_null(),
                job_alerts::frequency,
            ))
            .load(c)
            .unwrap()
    })
}

fn run_digest(app: &TestApp, id: i64) -> Vec<i64> {
    app.with_conn(|c| {
        digest(
            c,
            &app.state.search,
            &app.state.config,
            &app.state.messages,
            id,
            hireboard::db::now(),
        )
        .unwrap()
    })
}

#[actix_web::test]
async fn signing_up_mails_a_confirmation_and_only_its_link_starts_the_alert() {
    for app in backends() {
        let page = app.get("/de/jobs?q=rust&workplace=remote&page=2").await;
        let href = page.html().attr("a[href^='/de/alerts/new']", "href");
        // The page and the sort are not part of an alert.
        assert_eq!(href, "/de/alerts/new?q=rust&workplace=remote");
        let form = app.get(&href).await;
        assert_eq!(form.status, StatusCode::OK);
        let html = form.html();
        assert!(html.text(".alert-search").contains("rust"), "{}", form.body);
        let mut fields = html.form("form[action='/de/alerts']");
        assert_eq!(html.attrs("input[name=frequency]", "value"), ["instant", "daily", "weekly"]);
        fields.retain(|(k, _)| k != "email" && k != "frequency");
        fields.push(("email".into(), " Ada@Example.org ".into()));
        fields.push(("frequency".into(), "weekly".into()));
        let fields: Vec<(&str, &str)> =
            fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let res = app.post_form("/de/alerts", &fields).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert!(res.body.contains("Postfach"), "{}", res.body);
        assert_eq!(alerts(&app), [(false, false, "weekly".to_owned())], "{}", app.backend);
        let mails = queued_mail(&app);
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].kind, "alert_confirm");
        assert_eq!(mails[0].to, "ada@example.org");
        assert_eq!(mails[0].locale, "de");
        assert!(mails[0].subject.contains("Job-Alert"), "{}", mails[0].subject);

        // Signing up again at once sends nothing new (nobody can flood an inbox).
        let again = app.post_form("/de/alerts", &fields).await;
        assert_eq!(again.status, StatusCode::OK);
        assert_eq!(queued_mail(&app).len(), 1);

        // Opening the link (or a mail scanner doing so) only asks.
        let confirm = link(&mails[0].text, "/confirm?");
        let asked = app.get(&confirm).await;
        assert_eq!(asked.status, StatusCode::OK);
        assert!(!alerts(&app)[0].0, "still pending");
        let button = asked.html().form("form[action$='/confirm']");
        let button: Vec<(&str, &str)> =
            button.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let path = asked.html().attr("form[action$='/confirm']", "action");
        let done = app.post_form(&path, &button).await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        assert_eq!(alerts(&app), [(true, false, "weekly".to_owned())]);

        // A link with a forged frequency or token is not found.
        let forged = confirm.replace("frequency=weekly", "frequency=daily");
        assert_eq!(app.get(&forged).await.status, StatusCode::NOT_FOUND);
        let bad = format!("{}x", confirm);
        assert_eq!(app.get(&bad).await.status, StatusCode::NOT_FOUND);
    }
}

#[actix_web::test]
async fn bad_sign_ups_are_refused_in_the_visitors_language_and_change_nothing() {
    let app = TestApp::sqlite();
    let form = app.get("/uk/alerts/new?workplace=remote").await.html();
    let csrf = form.attr("input[name=csrf_token]", "value");
    let res = app
        .post_form(
            "/uk/alerts",
            &[
                ("csrf_token", csrf.as_str()),
                ("email", "not-an-address"),
                ("frequency", "daily"),
                ("query", "workplace=remote"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.html();
    assert!(!page.text("#alert-email-error").is_empty());
    assert_eq!(page.attr("#alert-email", "value"), "not-an-address");
    assert_eq!(page.attr("input[name=query]", "value"), "workplace=remote");
    let res = app
        .post_form(
            "/uk/alerts",
            &[("csrf_token", csrf.as_str()), ("email", "ada@example.org"), ("frequency", "hourly")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Виберіть"), "{}", res.body);
    let res = app
        .post_form(
            "/uk/alerts",
            &[("csrf_token", "forged"), ("email", "ada@example.org"), ("frequency", "daily")],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = app.post_form("/uk/alerts", &[]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(alerts(&app).is_empty());
    assert!(queued_mail(&app).is_empty());
}

#[actix_web::test]
async fn one_address_may_ask_for_ten_alerts_an_hour() {
    let app = TestApp::sqlite();
    app.set_client_ip("203.0.113.7");
    let form = app.get("/uk/alerts/new?workplace=remote").await.html();
    let csrf = form.attr("input[name=csrf_token]", "value");
    let sign_up = |n: usize| {
        let email = format!("person{n}@example.org");
        let csrf = csrf.clone();
        let app = &app;
        async move {
            app.post_form(
                "/uk/alerts",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("email", email.as_str()),
                    ("frequency", "daily"),
                    ("query", "workplace=remote"),
                ],
            )
            .await
        }
    };
    for n in 0..10 {
        assert_eq!(sign_up(n).await.status, StatusCode::OK, "sign-up {n}");
    }
    let res = sign_up(10).await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(res.body.contains("Спробуйте знову за годину"), "{}", res.body);
    // The address typed stays in the form, and nothing was stored or mailed for it.
    assert_eq!(res.html().attr("#alert-email", "value"), "person10@example.org");
    assert_eq!(alerts(&app).len(), 10);
    assert_eq!(queued_mail(&app).len(), 10);
    // Another address is not affected.
    app.set_client_ip("203.0.113.8");
    assert_eq!(sign_up(11).await.status, StatusCode::OK);
}

#[actix_web::test]
async fn alerts_never_send_a_posting_twice() {
    for app in backends() {
        let (alert, old, fresh, onsite) = app.with_conn(|c| {
            let co = CompanyFactory::new().name("Remote Co").create(c);
            let alert = AlertFactory::new("workplace=remote").create(c).id;
            let mut remote = |title: &str, minutes: i64| {
                JobFactory::new(&co)
                    .title(title)
                    .workplace(Workplace::Remote)
                    .published_minutes_ago(minutes)
                    .create(c)
                    .slug
            };
            // Published before the alert was confirmed: not news.
            let old = remote("Old remote", 120);
            let fresh = remote("Fresh remote", 5);
            let onsite =
                JobFactory::new(&co).title("Onsite").published_minutes_ago(5).create(c).slug;
            (alert, old, fresh, onsite)
        });
        let (old, fresh, onsite) =
            (job_id(&app, &old), job_id(&app, &fresh), job_id(&app, &onsite));
        assert_eq!(run_digest(&app, alert), [fresh], "{}", app.backend);
        let mails = queued_mail(&app);
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].kind, "alert_digest");
        assert!(mails[0].text.contains("Fresh remote"), "{}", mails[0].text);
        assert!(!mails[0].text.contains("Old remote"));
        assert!(!mails[0].text.contains("Onsite"));
        assert!(mails[0].subject.contains("1 new job"), "{}", mails[0].subject);
        let unsubscribe = mails[0].unsubscribe.clone().expect("a List-Unsubscribe link");
        assert!(mails[0].text.contains(&unsubscribe));

        // Run again, at once or much later (the overlap with the last check included): nothing.
        assert!(run_digest(&app, alert).is_empty());
        app.with_conn(|c| {
            diesel::update(job_alerts::table.find(alert))
                .set(job_alerts::checked_at.eq(hireboard::db::now() - chrono::TimeDelta::days(3)))
                .execute(c)
                .unwrap()
        });
        assert!(run_digest(&app, alert).is_empty());
        assert_eq!(queued_mail(&app).len(), 1);

        // A new posting: the next digest holds it alone.
        let newer = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co)
                .title("Newer remote")
                .workplace(Workplace::Remote)
                .published_minutes_ago(1)
                .create(c)
                .slug
        });
        let newer = job_id(&app, &newer);
        assert_eq!(run_digest(&app, alert), [newer]);
        let mails = queued_mail(&app);
        assert_eq!(mails.len(), 2);
        assert!(mails[1].text.contains("Newer remote"));
        assert!(!mails[1].text.contains("Fresh remote"));
        let sent: Vec<i64> = app.with_conn(|c| {
            alert_sent::table
                .filter(alert_sent::alert_id.eq(alert))
                .order(alert_sent::job_id.asc())
                .select(alert_sent::job_id)
                .load(c)
                .unwrap()
        });
        assert_eq!(sent, [fresh, newer]);
        assert!(!sent.contains(&old) && !sent.contains(&onsite));
        // Each posting a digest listed counts one appearance in an alert mail, for its company.
        let appearances: Vec<(i64, i64)> = app.with_conn(|c| {
            use hireboard::db::schema::posting_stats as s;
            s::table
                .order(s::job_id.asc())
                .select((s::job_id, s::alert_appearances))
                .load(c)
                .unwrap()
        });
        assert_eq!(appearances, [(fresh, 1), (newer, 1)]);

        // The daily sweep finds nothing new to send; pending alerts are never swept.
        app.with_conn(|c| AlertFactory::new("").pending().create(c).id);
        let due = app.with_conn(|c| {
            sweep(c, &app.state.search, Frequency::Daily, hireboard::db::now()).unwrap()
        });
        assert_eq!(due, 0, "{}", app.backend);
        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).workplace(Workplace::Remote).published_minutes_ago(0).create(c);
        });
        let due = app.with_conn(|c| {
            sweep(c, &app.state.search, Frequency::Daily, hireboard::db::now()).unwrap()
        });
        assert_eq!(due, 1, "{}", app.backend);
        let digests: Vec<String> = app.with_conn(|c| {
            tasks::table.filter(tasks::kind.eq("alert_digest")).select(tasks::args).load(c).unwrap()
        });
        assert_eq!(digests, [format!("{{\"alert_id\":{alert}}}")]);
    }
}

#[actix_web::test]
async fn text_alerts_match_like_the_search_page_and_digests_are_in_the_alerts_language() {
    for app in backends() {
        let alert = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).title("Rust engineer").published_minutes_ago(3).create(c);
            JobFactory::new(&co).title("Java engineer").published_minutes_ago(3).create(c);
            AlertFactory::new("q=rust").locale(hireboard::i18n::Locale::DE).create(c).id
        });
        app.refresh_search();
        let search = app.get("/en/jobs?q=rust").await.html().texts(".job-card-title");
        let sent = run_digest(&app, alert);
        assert_eq!(sent.len(), 1, "{}", app.backend);
        let mail = queued_mail(&app).remove(0);
        assert!(mail.text.contains("Rust engineer"), "{}", mail.text);
        assert!(!mail.text.contains("Java engineer"));
        assert!(search.iter().any(|t| t.contains("Rust engineer")), "{search:?}");
        assert!(mail.subject.contains("neuer Job"), "{}", mail.subject);
        assert!(mail.unsubscribe.unwrap().contains("/de/alerts/"));
    }
}

#[actix_web::test]
async fn a_publication_sweeps_instant_alerts_and_one_click_unsubscribes() {
    for app in backends() {
        let alert = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            let slug =
                JobFactory::new(&co).title("Instant match").published_minutes_ago(1).create(c).slug;
            let id: i64 =
                jobs::table.filter(jobs::slug.eq(&slug)).select(jobs::id).first(c).unwrap();
            let alert = AlertFactory::new("").frequency(Frequency::Instant).create(c).id;
            hireboard::models::event::job(c, hireboard::models::event::EventKind::JobPublished, id)
                .unwrap();
            alert
        });
        app.refresh_search();
        // The sweep waits a little after a publication, so that a burst makes one digest.
        let waiting: Vec<(String, chrono::NaiveDateTime)> = app.with_conn(|c| {
            tasks::table
                .filter(tasks::kind.eq("alert_sweep"))
                .select((tasks::args, tasks::run_at))
                .load(c)
                .unwrap()
        });
        assert_eq!(waiting.len(), 1, "{}", app.backend);
        assert!(waiting[0].0.contains("instant"));
        assert!(waiting[0].1 > hireboard::db::now());
        app.with_conn(|c| {
            diesel::update(tasks::table.filter(tasks::kind.eq("alert_sweep")))
                .set(tasks::run_at.eq(hireboard::db::now()))
                .execute(c)
                .unwrap()
        });
        app.deliver_mail(1);
        let (subject, text, headers): (String, String, String) = app.with_conn(|c| {
            outbox_messages::table
                .select((
                    outbox_messages::subject,
                    outbox_messages::text_body,
                    outbox_messages::headers,
                ))
                .first(c)
                .unwrap()
        });
        assert!(text.contains("Instant match"), "{subject}\n{text}");
        assert!(headers.contains("List-Unsubscribe-Post"), "{headers}");
        let unsubscribe = link(&text, "/unsubscribe?token=");
        assert!(headers.contains(&unsubscribe), "{headers}");

        // A wrong token is not found; the page asks; the mail program's one-click POST acts,
        // without a session or CSRF token.
        let forged = unsubscribe.replace("token=", "token=x");
        let res = app.post_form(&forged, &[("List-Unsubscribe", "One-Click")]).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get(&unsubscribe).await.status, StatusCode::OK);
        assert!(!alerts(&app)[0].1, "still subscribed");
        app.clear_cookies();
        let res = app.post_form(&unsubscribe, &[("List-Unsubscribe", "One-Click")]).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert!(alerts(&app)[0].1, "{}", app.backend);
        // Unsubscribed: no more digests, whatever is published.
        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).published_minutes_ago(0).create(c);
        });
        app.refresh_search();
        assert!(run_digest(&app, alert).is_empty());
        let swept = app.with_conn(|c| {
            sweep(c, &app.state.search, Frequency::Instant, hireboard::db::now()).unwrap()
        });
        assert_eq!(swept, 0);
        // Clicked twice: still fine.
        let res = app.post_form(&unsubscribe, &[]).await;
        assert_eq!(res.status, StatusCode::OK);
    }
}

#[actix_web::test]
async fn admins_see_and_manage_alerts_in_a_fixed_number_of_queries() {
    for app in backends() {
        let (active, pending) = app.with_conn(|c| {
            let active = AlertFactory::new("workplace=remote&skill=rust")
                .email("active@example.test")
                .create(c)
                .id;
            let pending =
                AlertFactory::new("q=welder").email("pending@example.test").pending().create(c).id;
            (active, pending)
        });
        let _editor = app.signed_in(AdminRole::Editor).await;
        let before = app.queries();
        let page = app.get("/admin/alerts").await;
        let queries = app.queries() - before;
        assert_eq!(page.status, StatusCode::OK);
        let html = page.html();
        assert_eq!(
            html.texts(".scopes a"),
            ["All 2", "Active 1", "Waiting for confirmation 1", "Unsubscribed 0"],
            "{}",
            app.backend
        );
        assert!(page.body.contains("Remote · rust"), "{}", page.body);
        app.with_conn(|c| {
            for _ in 0..30 {
                AlertFactory::new("q=more").create(c);
            }
        });
        let before = app.queries();
        app.get("/admin/alerts?scope=active&frequency=daily").await;
        assert_eq!(app.queries() - before, queries, "{}", app.backend);

        let show = app.get(&format!("/admin/alerts/{active}")).await;
        assert_eq!(show.status, StatusCode::OK);
        assert!(show.body.contains("active@example.test"));

        let res = app
            .post_admin(
                "/admin/alerts/batch",
                &[
                    ("batch_action", "unsubscribe"),
                    ("ids", &active.to_string()),
                    ("ids", &pending.to_string()),
                    ("confirmed", "yes"),
                ],
            )
            .await;
        assert!(res.status.is_redirection(), "{}: {}", res.status, res.body);
        let states = alerts(&app);
        assert_eq!((states[0].1, states[1].1), (true, true), "{}", app.backend);
        let res = app
            .post_admin(
                "/admin/alerts/batch",
                &[("batch_action", "delete"), ("ids", &pending.to_string()), ("confirmed", "yes")],
            )
            .await;
        assert!(res.status.is_redirection());
        assert_eq!(alerts(&app).len(), 31);
    }
}

#[test]
fn every_frequency_has_a_recurring_sweep() {
    let names: Vec<&str> = hireboard::tasks::schedule::RECURRING.iter().map(|r| r.name).collect();
    for f in Frequency::ALL {
        assert!(names.contains(&format!("alerts_{}", f.as_str()).as_str()), "{names:?}");
        // The sweep's dedup key keeps one per frequency.
        use hireboard::tasks::Task;
        assert_eq!(AlertSweep::new(f).dedup_key(), Some(format!("alert-sweep-{}", f.as_str())));
    }
}
