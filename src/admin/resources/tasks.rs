//! Background tasks in the back office, like Sidekiq's web UI: every task by state, with its
//! arguments, attempts and errors; retry now, discard, and retry every dead task. Admins only
//! (arguments may hold personal data).

use actix_web::{HttpResponse, web};

use super::super::{AdminForm, CurrentAdmin, Flash};
use super::prelude::*;
use crate::db::schema::tasks;
use crate::state::AppState;
use crate::tasks::queue::{self, DEAD, DONE, QUEUED, RUNNING, TaskRow};

pub struct Tasks;

const STATES: [&str; 4] = [QUEUED, RUNNING, DONE, DEAD];

fn state_label(state: &str) -> String {
    format!("task-state-{state}")
}

/// A task as its list row shows it: without its arguments and error history.
#[derive(Queryable, Selectable, Identifiable)]
#[diesel(table_name = tasks)]
pub struct TaskListRow {
    id: i64,
    kind: String,
    queue: String,
    state: String,
    run_at: chrono::NaiveDateTime,
    attempts: i32,
    max_attempts: i32,
    last_error: Option<String>,
}

impl Declaration for Tasks {
    type Table = tasks::table;
    type Row = TaskListRow;
    type Context = ();
    const NAME: &'static str = "tasks";
    const AREA: Area = Area::Tasks;
    const TITLE: &'static str = "admin-nav-tasks";
    const TABLE: &'static str = "tasks";
    const DEFAULT_SORT: (&'static str, Dir) = ("id", Dir::Desc);

    fn columns(&self, c: &mut Columns<Self>) {
        c.link("id", "admin-field-id", |t| format!("#{}", t.id)).sorted_by(tasks::id);
        c.text("kind", "admin-field-task-kind", |t| t.kind.clone()).sorted_by(tasks::kind);
        c.text("queue", "admin-field-queue", |t| t.queue.clone());
        c.with("state", "admin-field-status", |t, _, tr| status_cell(&t.state, tr));
        c.text("attempts", "admin-field-attempts", |t| {
            format!("{} / {}", t.attempts, t.max_attempts)
        });
        c.date_time("run_at", "admin-field-run-at", |t| Some(t.run_at)).sorted_by(tasks::run_at);
        c.text("error", "admin-field-last-error", |t| {
            t.last_error.as_deref().map(|e| e.chars().take(80).collect()).unwrap_or_default()
        });
    }
    fn filters(&self, _tr: &Tr) -> Vec<Filter<tasks::table>> {
        let kinds = crate::tasks::Registry::standard()
            .kinds()
            .into_iter()
            .map(|k| (k, k.to_owned()))
            .collect();
        vec![
            Filter::select("kind", "admin-field-task-kind", kinds, tasks::kind),
            Filter::text("queue", "admin-field-queue", tasks::queue),
            Filter::text("error", "admin-field-last-error", tasks::last_error.assume_not_null()),
            Filter::date_range("created_at", "admin-field-created-at", tasks::created_at),
        ]
    }
    fn scopes(&self) -> Vec<Scope<tasks::table>> {
        vec![
            Scope::all(),
            Scope::new(QUEUED, "task-state-queued", tasks::state.eq(QUEUED)),
            Scope::new(
                "retrying",
                "task-state-retrying",
                tasks::state.eq(QUEUED).and(tasks::attempts.gt(0)),
            ),
            Scope::new(RUNNING, "task-state-running", tasks::state.eq(RUNNING)),
            Scope::new(DONE, "task-state-done", tasks::state.eq(DONE)),
            Scope::new(DEAD, "task-state-dead", tasks::state.eq(DEAD)),
        ]
    }
}

impl Resource for Tasks {
    fn member_actions(&self, id: i64, record: &Record) -> Vec<MemberAction> {
        let state = record.status.unwrap_or(DONE);
        let mut actions = Vec::new();
        if state == QUEUED || state == DEAD {
            actions.push(self.button(id, "retry", "admin-action-retry-now"));
        }
        if state != RUNNING {
            let discard = self.button(id, "discard", "admin-action-discard");
            actions.push(discard.confirmed(true).emphasis(Emphasis::Danger));
        }
        actions
    }

    fn index_links(&self, _query: &str) -> Vec<(&'static str, String)> {
        vec![("admin-tasks-overview", "/admin/tasks/overview".into())]
    }

    fn collection_actions(&self) -> Vec<MemberAction> {
        vec![
            MemberAction::post(
                "admin-action-retry-all-dead",
                "/admin/tasks/retry-dead".into(),
                Action::Update,
            )
            .confirmed(true),
        ]
    }

    fn acts(&self) -> Vec<Act> {
        vec![
            Act::new("retry", Action::Update, |conn, id, a| act(conn, id, false, a)),
            Act::new("discard", Action::Delete, |conn, id, a| act(conn, id, true, a)),
        ]
    }

    fn batch_actions(&self) -> Vec<BatchAction> {
        vec![
            BatchAction::new("retry", "admin-action-retry-now", Action::Update, |conn, b| {
                Ok(BatchOutcome::changed(b, queue::retry_now(conn, Some(b.ids), crate::db::now())?))
            }),
            BatchAction::new("discard", "admin-action-discard", Action::Delete, |conn, b| {
                Ok(BatchOutcome::changed(b, queue::discard(conn, b.ids)?))
            }),
        ]
    }
}

impl Shows for Tasks {
    type Detail = TaskRow;

    fn record(&self, _: &mut DbConn, task: TaskRow, tr: &Tr) -> Result<Record, AppError> {
        let arguments = serde_json::from_str::<serde_json::Value>(&task.args)
            .and_then(|v| serde_json::to_string_pretty(&v))
            .unwrap_or_else(|_| task.args.clone());
        let failures = task
            .failures()
            .iter()
            .rev()
            .map(|f| {
                format!(
                    "{} · {}\n{}",
                    tr.t1("task-attempt", "attempt", &f.attempt.to_string()),
                    tr.date_time(&f.at),
                    f.error
                )
            })
            .collect::<Vec<_>>()
            .join("\n\n");
        Ok(Record::new(
            format!("#{} {}", task.id, task.kind),
            vec![
                Panel::new("admin-panel-task")
                    .text("admin-field-task-kind", task.kind.clone())
                    .text("admin-field-queue", task.queue.clone())
                    .row("admin-field-status", status_cell(&task.state, tr))
                    .text(
                        "admin-field-attempts",
                        format!("{} / {}", task.attempts, task.max_attempts),
                    )
                    .row("admin-field-priority", Cell::Number(Some(task.priority as i64)))
                    .date_time("admin-field-run-at", task.run_at)
                    .text("admin-field-dedup-key", task.dedup_key.clone().unwrap_or_default())
                    .text("admin-field-worker", task.worker.clone().unwrap_or_default())
                    .date_time("admin-field-lease-until", task.lease_expires_at)
                    .date_time("admin-field-created-at", task.created_at)
                    .date_time("admin-field-started-at", task.started_at)
                    .date_time("admin-field-finished-at", task.finished_at),
                Panel::new("admin-panel-arguments").code("admin-field-arguments", arguments),
                Panel {
                    title: "admin-panel-errors",
                    rows: if failures.is_empty() {
                        Vec::new()
                    } else {
                        vec![("admin-field-errors", Cell::Code(failures))]
                    },
                },
            ],
        )
        .status(match task.state.as_str() {
            QUEUED => QUEUED,
            RUNNING => RUNNING,
            DONE => DONE,
            _ => DEAD,
        }))
    }
}

fn status_cell(state: &str, tr: &Tr) -> Cell {
    let kind = STATES.into_iter().find(|s| *s == state).unwrap_or(DEAD);
    Cell::Status(kind, tr.t(&state_label(kind)))
}

#[derive(serde::Deserialize)]
pub struct Empty {}

/// Runs task `id` now, or discards it, unless it is running.
fn act(conn: &mut DbConn, id: i64, discard: bool, a: &ActInput) -> Result<Done, AppError> {
    TaskRow::find(conn, id)?.ok_or(AppError::NotFound)?;
    let changed = match discard {
        true => queue::discard(conn, &[id])?,
        false => queue::retry_now(conn, Some(&[id]), crate::db::now())?,
    };
    Ok(match (changed, discard) {
        (0, _) => Done::alert(a.tr.t("admin-task-unchanged")),
        (_, true) => Done::notice(a.tr.t("admin-task-discarded")).to("/admin/tasks".into()),
        (_, false) => Done::notice(a.tr.t("admin-task-retried")),
    })
}

/// `POST /admin/tasks/retry-dead`: every dead task runs again.
pub async fn retry_dead(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    _form: AdminForm<Empty>,
) -> Result<HttpResponse, AppError> {
    admin.require(Area::Tasks, Action::Update)?;
    let changed =
        crate::web::with_conn(&state, |conn| Ok(queue::retry_now(conn, None, crate::db::now())?))
            .await?;
    log::info!("admin user {} retried {changed} dead task(s)", admin.user.id);
    Flash::notice(&admin.session, admin.tr.tn("admin-tasks-retried", changed as i64));
    Ok(crate::web::see_other("/admin/tasks?scope=queued"))
}
