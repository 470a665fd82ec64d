//! `/admin`: the board at a glance.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;
use chrono::{Datelike, Duration, NaiveDateTime};
use diesel::prelude::*;

use super::{AdminLayout, CurrentAdmin};
use crate::auth::policy::{Action, Area};
use crate::db::schema::{applications, jobs};
use crate::error::AppError;
use crate::models::{ApplicationStatus, JobStatus};
use crate::search::SearchParams;
use crate::state::AppState;
use crate::web::with_conn;

const WEEKS: usize = 12;

pub struct Stat {
    pub label: String,
    pub value: String,
    pub url: Option<String>,
}

pub struct RecentApplication {
    pub name: String,
    pub job_title: String,
    pub status: String,
    pub received: String,
    pub url: String,
}

/// One bar of the postings-per-week chart, laid out for the SVG.
pub struct Bar {
    pub x: u32,
    pub y: u32,
    pub height: u32,
    pub label: String,
    pub count: String,
}

pub struct TopSkill {
    pub name: String,
    pub count: String,
    pub url: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/dashboard.html")]
pub struct DashboardPage {
    pub l: AdminLayout,
    pub stats: Vec<Stat>,
    pub recent: Vec<RecentApplication>,
    pub show_applications: bool,
    pub bars: Vec<Bar>,
    pub chart_summary: String,
    pub top_skills: Vec<TopSkill>,
}

struct Figures {
    /// The open postings, when counted in the database (a recruiter's).
    open: Option<i64>,
    drafts: i64,
    week_applications: i64,
    recent: Vec<(i64, String, String, String, NaiveDateTime)>,
    /// Postings published in each chart week, as `(week, count)`.
    published: Vec<(i64, i64)>,
}

pub async fn show(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
) -> Result<DashboardPage, AppError> {
    admin.require(Area::Dashboard, Action::View)?;
    let show_applications = admin.can(Area::Applications, Action::View);
    let now = crate::db::now();
    let first = first_monday(now);
    let viewer = admin.viewer();
    let figures = with_conn(&state, move |conn| figures(conn, &viewer, now, first)).await?;
    let tr = admin.tr.clone();
    let index = state.search.get();
    let result = index.search(&SearchParams::default(), None, now, 1);
    // A recruiter's figures are their companies' (the index's are the whole board's).
    let bound = admin.viewer().is_bound();
    let open = figures.open.unwrap_or(result.total as i64);
    let mut stats = vec![
        Stat {
            label: tr.t("admin-dashboard-open-postings"),
            value: tr.number(open),
            url: Some("/admin/jobs?scope=published".into()),
        },
        Stat {
            label: tr.t("admin-dashboard-drafts"),
            value: tr.number(figures.drafts),
            url: Some("/admin/jobs?scope=draft".into()),
        },
    ];
    if show_applications {
        stats.push(Stat {
            label: tr.t("admin-dashboard-applications-week"),
            value: tr.number(figures.week_applications),
            url: Some("/admin/applications".into()),
        });
    }
    let total: i64 = figures.published.iter().map(|(_, count)| count).sum();
    let bars = weekly_bars(&figures.published, first, &tr);
    Ok(DashboardPage {
        l: AdminLayout::new(&admin, "dashboard", tr.t("admin-nav-dashboard"), Vec::new()),
        stats,
        recent: figures
            .recent
            .into_iter()
            .map(|(id, name, job_title, status, at)| RecentApplication {
                name,
                job_title,
                status: ApplicationStatus::parse(&status)
                    .map(|s| tr.t(&s.label_id()))
                    .unwrap_or(status),
                received: tr.date(&at),
                url: format!("/admin/applications/{id}"),
            })
            .collect(),
        show_applications,
        chart_summary: tr.t2(
            "admin-dashboard-chart-summary",
            "count",
            &tr.number(total),
            "weeks",
            &tr.number(WEEKS as i64),
        ),
        bars,
        top_skills: result
            .facets
            .skill
            .iter()
            .filter(|_| !bound)
            .take(10)
            .map(|s| TopSkill {
                name: s.name.clone(),
                count: tr.number(s.count as i64),
                url: format!("/admin/jobs?skill={}", s.slug),
            })
            .collect(),
    })
}

/// The dashboard's figures over the postings and applications `viewer` may see (a fixed
/// number of queries).
fn figures(
    conn: &mut crate::db::DbConn,
    viewer: &crate::admin::resource::Viewer,
    now: NaiveDateTime,
    first: NaiveDateTime,
) -> Result<Figures, AppError> {
    use crate::admin::resources::company_scope;
    let their_jobs = || {
        let mut q = jobs::table.into_boxed();
        if let Some(allowed) = company_scope::jobs(viewer) {
            q = q.filter(allowed);
        }
        q
    };
    let drafts =
        their_jobs().filter(jobs::status.eq(JobStatus::Draft.as_str())).count().get_result(conn)?;
    let show_applications =
        crate::auth::policy::allows(viewer.role, Area::Applications, Action::View);
    let (week_applications, recent) = if show_applications {
        let their_applications = || {
            let mut q = applications::table.into_boxed();
            if let Some(allowed) = company_scope::applications(viewer) {
                q = q.filter(allowed);
            }
            q
        };
        let week: i64 = their_applications()
            .filter(applications::created_at.ge(now - Duration::days(7)))
            .count()
            .get_result(conn)?;
        let recent = their_applications()
            .inner_join(jobs::table)
            .order(applications::created_at.desc())
            .limit(8)
            .select((
                applications::id,
                applications::name,
                jobs::title,
                applications::status,
                applications::created_at,
            ))
            .load(conn)?;
        (week, recent)
    } else {
        (0, Vec::new())
    };
    let (open, published) = if viewer.is_bound() {
        let open = their_jobs()
            .filter(jobs::status.eq(JobStatus::Published.as_str()))
            .filter(jobs::valid_through.is_null().or(jobs::valid_through.gt(now)))
            .count()
            .get_result(conn)?;
        // A company's postings are few: their weeks are counted here.
        let until = first + Duration::weeks(WEEKS as i64);
        let times: Vec<Option<NaiveDateTime>> = their_jobs()
            .filter(jobs::published_at.ge(first).and(jobs::published_at.lt(until)))
            .select(jobs::published_at)
            .load(conn)?;
        let mut weeks: Vec<(i64, i64)> = Vec::new();
        for at in times.into_iter().flatten() {
            let week = (at - first).num_weeks();
            match weeks.iter_mut().find(|(w, _)| *w == week) {
                Some((_, n)) => *n += 1,
                None => weeks.push((week, 1)),
            }
        }
        (Some(open), weeks)
    } else {
        (None, crate::db::dialect::published_per_week(conn, first, WEEKS as i64)?)
    };
    Ok(Figures { open, drafts, week_applications, recent, published })
}

/// Chart geometry: the SVG's drawing area and each bar's slot.
pub const CHART_HEIGHT: u32 = 120;
const SLOT: u32 = 40;

/// The start of the chart's first week: the Monday [`WEEKS`] weeks back, counting this one.
fn first_monday(now: NaiveDateTime) -> NaiveDateTime {
    let this_monday = now.date() - Duration::days(now.weekday().num_days_from_monday() as i64);
    (this_monday - Duration::weeks(WEEKS as i64 - 1)).and_time(chrono::NaiveTime::MIN)
}

/// Postings published per week over the last [`WEEKS`] weeks (Monday to Sunday), oldest first.
fn weekly_bars(published: &[(i64, i64)], first: NaiveDateTime, tr: &crate::i18n::Tr) -> Vec<Bar> {
    let mut counts = [0i64; WEEKS];
    for (week, count) in published {
        if let Some(slot) = usize::try_from(*week).ok().and_then(|w| counts.get_mut(w)) {
            *slot += count;
        }
    }
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    counts
        .iter()
        .enumerate()
        .map(|(i, count)| {
            let height = ((*count * (CHART_HEIGHT as i64 - 10)) / max) as u32;
            let monday = first.date() + Duration::weeks(i as i64);
            Bar {
                x: i as u32 * SLOT + 4,
                y: CHART_HEIGHT - height,
                height,
                label: tr.short_date(&monday),
                count: tr.number(*count),
            }
        })
        .collect()
}
