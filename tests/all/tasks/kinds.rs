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
