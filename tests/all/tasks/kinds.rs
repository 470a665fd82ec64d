//! The task kinds' own effects.

use diesel::prelude::*;
use hireboard::db::schema::{audit_log, jobs};
use hireboard::models::JobStatus;
use hireboard::tasks::expire_postings::expire;

use crate::support::{CompanyFactory, JobFactory, backends};

#[actix_web::test]
async fn postings_past_their_closing_date_expire_once_and_leave_the_search() {
    for app in backends() {
        let now = hireboard::db::now();
        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co)
                .title("Lapsed")
                .valid_through(now - chrono::TimeDelta::hours(1))
                .create(c);
            JobFactory::new(&co).title("Current").create(c);
            JobFactory::new(&co)
                .title("Lapsed draft")
                .status(JobStatus::Draft)
                .valid_through(now - chrono::TimeDelta::hours(1))
                .create(c);
        });
        app.with_conn(|c| {
            assert_eq!(expire(c, now).unwrap(), 1, "{}", app.backend);
            assert_eq!(expire(c, now).unwrap(), 0, "a second run changes nothing");
            let statuses: Vec<(String, String)> = jobs::table
                .order(jobs::title.asc())
                .select((jobs::title, jobs::status))
                .load(c)
                .unwrap();
            assert_eq!(
                statuses,
                [
                    ("Current".to_owned(), "published".to_owned()),
                    ("Lapsed".to_owned(), "expired".to_owned()),
                    ("Lapsed draft".to_owned(), "draft".to_owned()),
                ]
            );
            let actor: String = audit_log::table
                .filter(audit_log::action.eq("status"))
                .select(audit_log::actor)
                .first(c)
                .unwrap();
            assert_eq!(actor, "system");
        });
        app.refresh_search();
        let titles = app.get("/en/jobs").await.html().texts(".job-card-title");
        assert_eq!(titles, ["Current"], "{}", app.backend);
    }
}

#[test]
fn mail_to_an_smtp_server_that_is_down_is_retried_and_nothing_is_lost() {
    use hireboard::db::schema::tasks;
    use hireboard::tasks::Task;
    use std::time::{Duration, Instant};

    let app = crate::support::TestApp::sqlite();
    app.with_conn(|c| {
        hireboard::tasks::send_mail::SendMail {
            email: hireboard::mail::Email {
                kind: "test".into(),
                to: "ada@example.org".into(),
                subject: "Hello".into(),
                text: "Hello".into(),
                html: "<p>Hello</p>".into(),
                locale: "en".into(),
                unsubscribe: None,
                reply_to: None,
            },
        }
        .enqueue(c)
        .unwrap()
    });
    // Nothing listens on port 9 of this machine.
    let mut config = (*app.state.config).clone();
    config.smtp_url = Some("smtp://127.0.0.1:9".into());
    let handle = app.worker(Some(config), 1);
    let deadline = Instant::now() + Duration::from_secs(20);
    let failed = loop {
        let row: (String, i32, Option<String>) = app.with_conn(|c| {
            tasks::table
                .select((tasks::state, tasks::attempts, tasks::last_error))
                .first(c)
                .unwrap()
        });
        if row.1 == 1 && row.0 == "queued" {
            break row;
        }
        assert!(Instant::now() < deadline, "the send was not tried: {row:?}");
        std::thread::sleep(Duration::from_millis(20));
    };
    handle.shutdown();
    assert!(failed.2.unwrap_or_default().starts_with("SMTP"), "kept for a retry");
    let kept: i64 = app.with_conn(|c| {
        hireboard::db::schema::outbox_messages::table.count().get_result(c).unwrap()
    });
    assert_eq!(kept, 0, "SMTP is configured: nothing goes to the outbox");
}
