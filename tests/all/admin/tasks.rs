//! The Tasks pages: the queue by state, a task's arguments and errors, retry and discard.

use actix_web::http::StatusCode;
use diesel::prelude::*;
use hireboard::db::schema::tasks;
use hireboard::tasks::noop::Noop;
use hireboard::tasks::queue;
use hireboard::tasks::{Task, TaskError};

use crate::support::TestApp;
use hireboard::models::AdminRole;

/// One done, one dead after a failure, one waiting to retry, one waiting: their ids.
fn seed(app: &TestApp) -> [i64; 4] {
    app.with_conn(|c| {
        let now = hireboard::db::now();
        let ids: Vec<i64> = (0..4)
            .map(|i| Noop { sleep_ms: i, ..Default::default() }.enqueue(c).unwrap().unwrap())
            .collect();
        let claimed = queue::claim(c, "w1", &[], 3, chrono::TimeDelta::seconds(30), now).unwrap();
        queue::complete(c, &claimed[0], now).unwrap();
        queue::fail(c, &claimed[1], &TaskError::permanent("SMTP said 550: no such user"), now)
            .unwrap();
        queue::fail(c, &claimed[2], &TaskError::retry("connection refused"), now).unwrap();
        [ids[0], ids[1], ids[2], ids[3]]
    })
}

fn state(app: &TestApp, id: i64) -> Option<(String, i32)> {
    app.with_conn(|c| {
        tasks::table.find(id).select((tasks::state, tasks::attempts)).first(c).optional().unwrap()
    })
}

#[actix_web::test]
async fn admins_see_the_queue_by_state_and_retry_or_discard_tasks() {
    let app = TestApp::sqlite();
    let [done, dead, retrying, waiting] = seed(&app);
    let _admin = app.signed_in(AdminRole::Admin).await;
    let page = app.get("/admin/tasks").await.html();
    assert_eq!(
        page.texts(".scopes a"),
        ["All 4", "Queued 2", "Retrying 1", "Running 0", "Done 1", "Dead 1"]
    );
    let dead_list = app.get("/admin/tasks?scope=dead").await.html();
    assert_eq!(dead_list.texts("td.primary"), [format!("#{dead}")]);
    let filtered = app.get("/admin/tasks?error=refused").await.html();
    assert_eq!(filtered.texts("td.primary"), [format!("#{retrying}")]);

    // The detail: arguments as JSON, the error with its attempt.
    let show = app.get(&format!("/admin/tasks/{dead}")).await.html();
    let code = show.texts("pre.code");
    assert!(code[0].contains("\"sleep_ms\": 1"), "{code:?}");
    assert!(code[1].starts_with("Attempt 1"), "{code:?}");
    assert!(code[1].contains("SMTP said 550"));
    assert_eq!(show.texts(".page-header button"), ["Retry now", "Discard"]);

    // Retry the dead one: queued again with its attempts back.
    let res = app.post_admin(&format!("/admin/tasks/{dead}/retry"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(state(&app, dead), Some(("queued".into(), 0)));
    // A done task cannot be retried; discarding removes a waiting one.
    app.post_admin(&format!("/admin/tasks/{done}/retry"), &[]).await;
    assert_eq!(state(&app, done), Some(("done".into(), 1)));
    app.post_admin(&format!("/admin/tasks/{waiting}/discard"), &[]).await;
    assert_eq!(state(&app, waiting), None);
    assert_eq!(
        app.post_admin("/admin/tasks/999999/retry", &[]).await.status,
        StatusCode::NOT_FOUND
    );
}

#[actix_web::test]
async fn every_dead_task_can_be_retried_at_once() {
    let app = TestApp::sqlite();
    let [_, dead, _, _] = seed(&app);
    let _admin = app.signed_in(AdminRole::Admin).await;
    let page = app.get("/admin/tasks").await.html();
    assert_eq!(page.attrs(".page-header form", "action"), ["/admin/tasks/retry-dead"]);
    let res = app.post_admin("/admin/tasks/retry-dead", &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(state(&app, dead), Some(("queued".into(), 0)));
    let page = app.get("/admin/tasks?scope=queued").await.html();
    assert_eq!(page.text(".flash-notice"), "One dead task runs again.");
}

#[actix_web::test]
async fn the_overview_counts_by_queue_charts_the_day_and_edits_the_schedule() {
    let app = TestApp::sqlite();
    seed(&app);
    let _admin = app.signed_in(AdminRole::Admin).await;
    let page = app.get("/admin/tasks/overview").await.html();
    // default queue: queued 2 (one retrying), running 0, done 1, dead 1.
    assert_eq!(page.texts("#queues-title + .table-wrap tbody td"), ["2", "0", "1", "1"]);
    assert_eq!(page.text("#throughput-summary"), "In the last 24 hours: 1 done, 1 dead.");
    assert_eq!(page.count(".chart g"), 24);
    assert_eq!(
        page.attrs(".schedule-form input[name=cron]", "value"),
        [
            "0 7 * * *",
            "*/10 * * * *",
            "0 7 * * 1",
            "*/5 * * * *",
            "23 * * * *",
            "*/5 * * * *",
            "*/5 * * * *",
            "53 * * * *",
            "29 3 * * *",
            "17 3 * * *",
            "41 3 * * *"
        ]
    );

    // A bad expression is refused with the reason; a good one is saved.
    let res = app
        .post_admin(
            "/admin/tasks/schedules/purge_tasks",
            &[("cron", "every night"), ("enabled", "1")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let page = app.get("/admin/tasks/overview").await.html();
    let alert = page.text("[role=alert]");
    assert!(alert.starts_with("“every night” is not a valid schedule"), "{alert}");
    assert_eq!(page.attrs(".schedule-form input[name=cron]", "value")[9], "17 3 * * *");
    app.post_admin("/admin/tasks/schedules/purge_tasks", &[("cron", "0  4 * * 1")]).await;
    let page = app.get("/admin/tasks/overview").await.html();
    assert_eq!(page.attrs(".schedule-form input[name=cron]", "value")[9], "0 4 * * 1");
    // Saved without the "On" box: switched off, and the page says so.
    assert_eq!(page.count(".schedule-form input[name=enabled][checked]"), 10);
    assert_eq!(page.texts("#schedule-title ~ .table-wrap tbody td:last-child")[9], "off");
    assert_eq!(
        app.post_admin("/admin/tasks/schedules/nope", &[("cron", "* * * * *")]).await.status,
        StatusCode::NOT_FOUND
    );
}
