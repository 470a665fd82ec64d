//! Expiry reminders and their extension links: each recruiter of a posting's company is mailed
//! a week and a day before it closes, once per closing date, in their language; staff-only
//! companies and unpublished postings get nothing. The mailed link extends the posting by 30
//! days (never past `MAX_POSTING_DAYS`) after one press; forged, foreign, expired and reused
//! links change nothing.

use actix_web::http::StatusCode;
use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use hireboard::db::schema::{admin_users, audit_log, company_members, jobs};
use hireboard::i18n::Locale;
use hireboard::models::JobStatus;
use hireboard::tasks::expiry_reminders::{extend_url, remind};

use crate::support::{AdminFactory, AdminLogin, CompanyFactory, JobFactory, TestApp, backends};

fn closes(app: &TestApp, id: i64) -> NaiveDateTime {
    app.with_conn(|c| {
        jobs::table.find(id).select(jobs::valid_through.assume_not_null()).first(c).unwrap()
    })
}

/// Runs the reminders as the task does at `now`; how many mails went out.
fn run(app: &TestApp, now: NaiveDateTime) -> usize {
    let (config, messages) = (app.state.config.clone(), app.state.messages.clone());
    app.with_conn(|c| remind(c, &config, &messages, now).unwrap())
}

fn recruiter(app: &TestApp, company: i64, locale: &str, name: &str) -> AdminLogin {
    app.with_conn(|c| {
        let login = AdminFactory::new().recruiter(&[company]).create(c);
        diesel::update(admin_users::table.find(login.id))
            .set((admin_users::locale.eq(locale), admin_users::name.eq(name)))
            .execute(c)
            .unwrap();
        login
    })
}

#[actix_web::test]
async fn recruiters_are_reminded_a_week_and_a_day_ahead_once_per_date() {
    for app in backends() {
        let now = hireboard::db::now();
        let (employer, staff_only) = app.with_conn(|c| {
            (CompanyFactory::new().name("Reminded AG").create(c), CompanyFactory::new().create(c))
        });
        let rita = recruiter(&app, employer.id, "de", "Rita");
        let sam = recruiter(&app, employer.id, "en", "Sam");
        let job = |title: &str, company, status, until: NaiveDateTime| {
            app.with_conn(|c| {
                JobFactory::new(company)
                    .title(title)
                    .status(status)
                    .valid_through(until)
                    .create(c)
                    .id
            })
        };
        let in_six_days = job("Welder", &employer, JobStatus::Published, now + TimeDelta::days(6));
        let tonight = job("Baker", &employer, JobStatus::Published, now + TimeDelta::hours(12));
        let later = job("Later", &employer, JobStatus::Published, now + TimeDelta::days(10));
        job("Unpublished", &employer, JobStatus::Draft, now + TimeDelta::days(3));
        job("Staff's", &staff_only, JobStatus::Published, now + TimeDelta::days(3));

        assert_eq!(run(&app, now), 4, "two postings, two recruiters each");
        app.deliver_mail(4);
        let sent = app.outbox();
        let subjects = |to: &str| -> Vec<String> {
            sent.iter().filter(|m| m.0 == to).map(|m| m.1.clone()).collect()
        };
        assert_eq!(subjects(&rita.email), ["„Welder“ endet in 6 Tagen", "„Baker“ endet morgen"]);
        assert_eq!(subjects(&sam.email), ["“Welder” closes in 6 days", "“Baker” closes tomorrow"]);
        let rita_mail = &sent.iter().find(|m| m.0 == rita.email).unwrap().2;
        assert!(rita_mail.contains("Hallo Rita"), "{rita_mail}");
        assert!(rita_mail.contains(&format!("/de/postings/{in_six_days}/extend?by={}", rita.id)));

        // Once: the next run finds nothing new, and the posting closing tonight is not told a
        // week ahead afterwards.
        assert_eq!(run(&app, now + TimeDelta::hours(1)), 0);
        // A day before the first one closes, its one-day reminder goes, with the week's
        // reminder of the later one.
        assert_eq!(run(&app, now + TimeDelta::days(5) + TimeDelta::hours(1)), 4);
        let leads: Vec<(i64, i32)> = app.with_conn(|c| {
            use hireboard::db::schema::posting_reminders as r;
            r::table
                .order((r::job_id.asc(), r::days_before.asc()))
                .select((r::job_id, r::days_before))
                .load(c)
                .unwrap()
        });
        assert_eq!(
            leads,
            [(in_six_days, 1), (in_six_days, 7), (tonight, 1), (tonight, 7), (later, 7)]
        );
    }
}

/// The fields of the page's one form.
fn form_of(page: &crate::support::Response) -> Vec<(String, String)> {
    page.html().form_with("section form", &[])
}

async fn press(app: &TestApp, path: &str, fields: &[(String, String)]) -> crate::support::Response {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.post_form(path, &fields).await
}

#[actix_web::test]
async fn an_extension_link_works_once_for_its_recruiter_within_the_lifetime() {
    for app in backends() {
        let now = hireboard::db::now();
        let config = app.state.config.clone();
        let company = app.with_conn(|c| CompanyFactory::new().create(c));
        let rita = recruiter(&app, company.id, "en", "Rita");
        let other = recruiter(&app, company.id, "en", "Otto");
        let id = app.with_conn(|c| {
            JobFactory::new(&company)
                .title("Extended welder")
                .published_days_ago(10)
                .valid_through(now + TimeDelta::days(5))
                .create(c)
                .id
        });
        let before = closes(&app, id);
        let link = extend_url(&config, Locale::EN, id, before, rita.id);
        let link = link.trim_start_matches(&config.base_url).to_owned();
        let path = link.split('?').next().unwrap().to_owned();

        // Forged, moved to another recruiter, or naming another date: not found.
        assert_eq!(app.get(&link.replace("token=", "token=0")).await.status, StatusCode::NOT_FOUND);
        let foreign = link.replace(&format!("by={}", rita.id), &format!("by={}", other.id));
        assert_eq!(app.get(&foreign).await.status, StatusCode::NOT_FOUND);
        let until = before.and_utc().timestamp();
        let stretched = link.replace(&format!("until={until}"), &format!("until={}", until + 1));
        assert_eq!(app.get(&stretched).await.status, StatusCode::NOT_FOUND);

        // Following the link only asks.
        let page = app.get(&link).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert_eq!(page.header("cache-control"), Some("private, no-store"));
        assert!(page.body.contains("Keep “Extended welder” open until"), "{}", page.body);
        assert_eq!(closes(&app, id), before);
        let fields = form_of(&page);
        // Without the page's token: refused, nothing changes.
        let no_csrf: Vec<(String, String)> =
            fields.iter().filter(|(k, _)| k != "csrf_token").cloned().collect();
        assert_eq!(press(&app, &path, &no_csrf).await.status, StatusCode::FORBIDDEN);
        assert_eq!(closes(&app, id), before);

        let done = press(&app, &path, &fields).await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        assert!(done.body.contains("is open until"), "{}", done.body);
        let after = closes(&app, id);
        assert_eq!(after - before, TimeDelta::days(30));
        let (actor, who): (String, Option<i64>) = app.with_conn(|c| {
            audit_log::table
                .filter(audit_log::resource.eq("jobs"))
                .filter(audit_log::record_id.eq(id))
                .order(audit_log::id.desc())
                .select((audit_log::actor, audit_log::admin_user_id))
                .first(c)
                .unwrap()
        });
        assert_eq!((actor.as_str(), who), ("Rita", Some(rita.id)));

        // Used: the link says so and pressing again changes nothing.
        let again = app.get(&link).await;
        assert_eq!(again.status, StatusCode::OK);
        assert!(again.body.contains("This link was used already"), "{}", again.body);
        assert!(again.html().texts("section form button").is_empty());
        let twice = press(&app, &path, &fields).await;
        assert!(twice.body.contains("This link was used already"), "{}", twice.body);
        assert_eq!(closes(&app, id), after);

        // Never past the board's lifetime: 120 days after the first publication.
        let (old, limit) = app.with_conn(|c| {
            let job = JobFactory::new(&company)
                .published_days_ago(100)
                .valid_through(now + TimeDelta::days(5))
                .create(c);
            (job.id, job.published_at.unwrap() + TimeDelta::days(120))
        });
        let old_link = extend_url(&config, Locale::EN, old, closes(&app, old), rita.id);
        let old_link = old_link.trim_start_matches(&config.base_url).to_owned();
        let page = app.get(&old_link).await;
        let done = press(&app, old_link.split('?').next().unwrap(), &form_of(&page)).await;
        assert_eq!(done.status, StatusCode::OK);
        assert_eq!(closes(&app, old), limit);
        let at_limit = extend_url(&config, Locale::EN, old, limit, rita.id);
        let page = app.get(at_limit.trim_start_matches(&config.base_url)).await;
        assert!(page.body.contains("cannot stay open longer"), "{}", page.body);

        // Expired: the date it names has passed.
        let closed = app.with_conn(|c| {
            JobFactory::new(&company).valid_through(now - TimeDelta::hours(1)).create(c).id
        });
        let expired = extend_url(&config, Locale::EN, closed, closes(&app, closed), rita.id);
        let page = app.get(expired.trim_start_matches(&config.base_url)).await;
        assert_eq!(page.status, StatusCode::GONE);
        assert!(page.body.contains("This link has expired"), "{}", page.body);

        // A recruiter who left the company: their links are dead.
        app.with_conn(|c| {
            diesel::delete(
                company_members::table.filter(company_members::admin_user_id.eq(rita.id)),
            )
            .execute(c)
            .unwrap()
        });
        let gone = extend_url(&config, Locale::EN, id, after, rita.id);
        let gone = app.get(gone.trim_start_matches(&config.base_url)).await;
        assert_eq!(gone.status, StatusCode::NOT_FOUND);
    }
}
