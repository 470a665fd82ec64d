//! Domain events: recorded with the change that causes them, and only then.

use diesel::prelude::*;
use hireboard::db::schema::{events, jobs};
use hireboard::models::audit::Actor;
use hireboard::models::job::lifecycle::{change_status, expire};
use hireboard::models::pipeline::move_to;
use hireboard::models::{ApplicationStatus, JobStatus};

use crate::support::{ApplicationFactory, CompanyFactory, JobFactory, backends};

fn recorded(conn: &mut hireboard::db::DbConn) -> Vec<(String, serde_json::Value)> {
    events::table
        .order(events::id.asc())
        .select((events::kind, events::payload))
        .load::<(String, String)>(conn)
        .unwrap()
        .into_iter()
        .map(|(k, p)| (k, serde_json::from_str(&p).unwrap()))
        .collect()
}

#[test]
fn posting_and_application_changes_record_their_events() {
    for app in backends() {
        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            let id =
                JobFactory::new(&co).title("Tug Captain").status(JobStatus::Draft).create(c).id;
            let admin = Actor { admin_user_id: None, label: "test".into() };
            let now = hireboard::db::now();
            // Refused changes record nothing.
            assert!(change_status(c, id, JobStatus::Filled, &admin, now).is_err());
            assert!(recorded(c).is_empty(), "{}", app.backend);
            change_status(c, id, JobStatus::Published, &admin, now).unwrap();
            diesel::update(jobs::table.find(id))
                .set(jobs::valid_through.eq(now - chrono::TimeDelta::hours(1)))
                .execute(c)
                .unwrap();
            expire(c, id, &admin, now).unwrap();
            let application = ApplicationFactory::new(id).create(c).id;
            move_to(c, application, ApplicationStatus::Reviewing, "", &admin, now).unwrap();
            let all = recorded(c);
            let kinds: Vec<&str> = all.iter().map(|(k, _)| k.as_str()).collect();
            assert_eq!(
                kinds,
                [
                    "job.published",
                    "job.expired",
                    "application.created",
                    "application.stage_changed"
                ]
            );
            assert_eq!(all[0].1["type"], "job.published");
            assert_eq!(all[0].1["data"]["title"], "Tug Captain");
            assert_eq!(all[0].1["data"]["status"], "published");
            assert_eq!(all[1].1["data"]["status"], "expired");
            assert_eq!(all[3].1["data"]["stage"], "reviewing");
            assert_eq!(all[3].1["data"]["previous_stage"], "new");
            assert_eq!(all[3].1["data"]["job_id"], id);
        });
    }
}

#[test]
fn a_rolled_back_change_leaves_no_event() {
    let app = crate::support::TestApp::sqlite();
    app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        let id = JobFactory::new(&co).status(JobStatus::Draft).create(c).id;
        let admin = Actor { admin_user_id: None, label: "test".into() };
        let outcome: Result<(), diesel::result::Error> = hireboard::db::write_transaction(c, |c| {
            change_status(c, id, JobStatus::Published, &admin, hireboard::db::now())
                .map_err(|_| diesel::result::Error::RollbackTransaction)?;
            Err(diesel::result::Error::RollbackTransaction)
        });
        assert!(outcome.is_err());
        assert!(recorded(c).is_empty());
    });
}
