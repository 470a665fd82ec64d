//! `GET /admin/tasks/overview`: the queue at a glance, like Sidekiq's dashboard: tasks by
//! queue and state, tasks finished per hour over the last day, and the recurring schedule
//! with each task's next run; `POST /admin/tasks/schedules/{name}` changes a schedule.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use chrono::{NaiveDateTime, TimeDelta, Timelike};
use diesel::prelude::*;
use serde::Deserialize;

use super::layout::{crumb, here};
use super::{AdminForm, AdminLayout, CurrentAdmin, Flash};
use crate::auth::policy::{Action, Area};
use crate::db::schema::{task_schedules, tasks};
use crate::error::AppError;
use crate::state::AppState;
use crate::tasks::queue::{DEAD, DONE, QUEUED, RUNNING};
use crate::tasks::schedule::{self, RECURRING, Schedule};
use crate::web::with_conn;

const STATES: [&str; 4] = [QUEUED, RUNNING, DONE, DEAD];
const HOURS: usize = 24;
const CHART_HEIGHT: u32 = 120;
const SLOT: u32 = 20;

pub struct QueueRow {
    pub queue: String,
    /// Counts in `STATES` order, formatted, each with its list URL.
    pub counts: Vec<(String, String)>,
}

/// One hour of the throughput chart: a bar of done tasks with the dead ones on top.
pub struct HourBar {
    pub x: u32,
    pub done_y: u32,
    pub done_height: u32,
    pub dead_y: u32,
    pub dead_height: u32,
    pub title: String,
    /// Axis label, every sixth hour.
    pub label: Option<String>,
}

pub struct ScheduleRow {
    pub name: String,
    pub description: String,
    pub cron: String,
    pub enabled: bool,
    pub last_run: String,
    pub next_run: String,
    pub action_url: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/task_overview.html")]
pub struct OverviewPage {
    pub l: AdminLayout,
    pub state_labels: Vec<String>,
    pub queues: Vec<QueueRow>,
    pub bars: Vec<HourBar>,
    pub chart_summary: String,
    pub schedules: Vec<ScheduleRow>,
    pub can_edit: bool,
}

struct Figures {
    by_queue: Vec<(String, String, i64)>,
    per_hour: Vec<crate::db::dialect::HourCount>,
    schedules: Vec<Schedule>,
}

pub async fn overview(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
) -> Result<OverviewPage, AppError> {
    admin.require(Area::Tasks, Action::View)?;
    let now = crate::db::now();
    let since = (now - TimeDelta::hours(HOURS as i64 - 1))
        .with_minute(0)
        .and_then(|t| t.with_second(0))
        .unwrap_or(now);
    let figures = with_conn(&state, move |conn| {
        schedule::ensure(conn, now)?;
        Ok(Figures {
            by_queue: tasks::table
                .group_by((tasks::queue, tasks::state))
                .select((tasks::queue, tasks::state, diesel::dsl::count_star()))
                .load(conn)?,
            per_hour: crate::db::dialect::tasks_per_hour(conn, since)?,
            schedules: task_schedules::table
                .order(task_schedules::name.asc())
                .select(Schedule::as_select())
                .load(conn)?,
        })
    })
    .await?;
    let tr = admin.tr.clone();

    let mut queues: BTreeMap<String, [i64; 4]> = BTreeMap::new();
    for (queue, state, count) in figures.by_queue {
        if let Some(i) = STATES.iter().position(|s| *s == state) {
            queues.entry(queue).or_default()[i] += count;
        }
    }
    let queues = queues
        .into_iter()
        .map(|(queue, counts)| QueueRow {
            counts: counts
                .iter()
                .zip(STATES)
                .map(|(n, state)| {
                    let url = url::form_urlencoded::Serializer::new(String::new())
                        .append_pair("scope", state)
                        .append_pair("queue", &queue)
                        .append_pair("queue_op", "equals")
                        .finish();
                    (tr.number(*n), format!("/admin/tasks?{url}"))
                })
                .collect(),
            queue,
        })
        .collect();

    let mut hours = [(0i64, 0i64); HOURS];
    for row in &figures.per_hour {
        let Ok(start) =
            NaiveDateTime::parse_from_str(&format!("{}:00:00", row.hour), "%Y-%m-%d %H:%M:%S")
        else {
            continue;
        };
        let index = (start - since).num_hours();
        if let Some(slot) = usize::try_from(index).ok().and_then(|i| hours.get_mut(i)) {
            if row.state == DONE {
                slot.0 += row.count;
            } else {
                slot.1 += row.count;
            }
        }
    }
    let max = hours.iter().map(|(d, f)| d + f).max().unwrap_or(0).max(1);
    let scale = |n: i64| ((n * (CHART_HEIGHT as i64 - 10)) / max) as u32;
    let bars = hours
        .iter()
        .enumerate()
        .map(|(i, (done, dead))| {
            let start = since + TimeDelta::hours(i as i64);
            let (done_height, dead_height) = (scale(*done), scale(*dead));
            HourBar {
                x: i as u32 * SLOT + 2,
                done_y: CHART_HEIGHT - done_height,
                done_height,
                dead_y: CHART_HEIGHT - done_height - dead_height,
                dead_height,
                title: tr.t2(
                    "admin-tasks-hour",
                    "hour",
                    &start.format("%H:00").to_string(),
                    "counts",
                    &format!(
                        "{} {} · {} {}",
                        tr.number(*done),
                        tr.t("task-state-done"),
                        tr.number(*dead),
                        tr.t("task-state-dead")
                    ),
                ),
                label: start.hour().is_multiple_of(6).then(|| start.format("%H:00").to_string()),
            }
        })
        .collect();
    let (done, dead) = hours.iter().fold((0, 0), |(a, b), (d, f)| (a + d, b + f));
    let chart_summary =
        tr.t2("admin-tasks-chart-summary", "done", &tr.number(done), "dead", &tr.number(dead));

    let schedules = figures
        .schedules
        .into_iter()
        .filter_map(|s| {
            let recurring = RECURRING.iter().find(|r| r.name == s.name)?;
            let next = schedule::parse(&s.cron).ok().and_then(|cron| {
                schedule::next_after(&cron, s.last_run_at.unwrap_or(s.updated_at).max(now))
            });
            Some(ScheduleRow {
                description: tr.t(recurring.description),
                last_run: s.last_run_at.map(|t| tr.date_time(&t)).unwrap_or_default(),
                next_run: match (s.enabled, next) {
                    (true, Some(next)) => tr.date_time(&next),
                    (true, None) => tr.t("admin-schedule-never"),
                    (false, _) => tr.t("admin-schedule-off"),
                },
                action_url: format!("/admin/tasks/schedules/{}", s.name),
                cron: s.cron,
                enabled: s.enabled,
                name: s.name,
            })
        })
        .collect();

    let title = tr.t("admin-tasks-overview");
    let mut l = AdminLayout::new(
        &admin,
        "tasks",
        title.clone(),
        vec![crumb(tr.t("admin-nav-tasks"), "/admin/tasks".to_owned()), here(title)],
    );
    l.here = "/admin/tasks/overview".into();
    Ok(OverviewPage {
        state_labels: STATES.iter().map(|s| tr.t(&format!("task-state-{s}"))).collect(),
        queues,
        bars,
        chart_summary,
        schedules,
        can_edit: admin.can(Area::Tasks, Action::Update),
        l,
    })
}

#[derive(Deserialize)]
pub struct ScheduleForm {
    #[serde(default)]
    cron: String,
    #[serde(default)]
    enabled: Option<String>,
}

/// `POST /admin/tasks/schedules/{name}`: a new cron expression and on/off switch. An invalid
/// expression is refused with the reason and changes nothing.
pub async fn update_schedule(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
    form: AdminForm<ScheduleForm>,
) -> Result<HttpResponse, AppError> {
    admin.require(Area::Tasks, Action::Update)?;
    let name = path.into_inner();
    let recurring = RECURRING.iter().find(|r| r.name == name).ok_or(AppError::NotFound)?;
    let tr = admin.tr;
    let cron = form.data.cron.split_whitespace().collect::<Vec<_>>().join(" ");
    let back = crate::web::see_other("/admin/tasks/overview");
    if let Err(e) = schedule::parse(&cron) {
        Flash::alert(
            &admin.session,
            tr.t2("admin-schedule-invalid", "expression", &cron, "error", &e),
        );
        return Ok(back);
    }
    let enabled = form.data.enabled.is_some();
    let name_owned = recurring.name;
    let changed = with_conn(&state, move |conn| {
        let now = crate::db::now();
        schedule::ensure(conn, now)?;
        Ok(diesel::update(task_schedules::table.filter(task_schedules::name.eq(name_owned)))
            .set((
                task_schedules::cron.eq(&cron),
                task_schedules::enabled.eq(enabled),
                task_schedules::updated_at.eq(now),
            ))
            .execute(conn)?)
    })
    .await?;
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    log::info!("admin user {} changed the schedule of {name}", admin.user.id);
    Flash::notice(&admin.session, tr.t("admin-schedule-saved"));
    Ok(back)
}
