//! `/admin/jobs/{id}/stats`: what a posting did over the last 30 days, for its company and the
//! staff: views of its page, appearances in search results and alert mails, apply forms sent
//! and applications, as a chart of views per day, a table by day with totals, and a CSV export
//! (`stats.csv`). See `analytics` for how the numbers are counted.

use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

use super::layout::{crumb, here};
use super::{AdminLayout, CurrentAdmin};
use crate::analytics::{Counts, day_of};
use crate::auth::policy::{Action, Area};
use crate::db::schema::jobs;
use crate::error::AppError;
use crate::state::AppState;
use crate::web::with_conn;

/// Days shown, today included.
pub const DAYS: i64 = 30;
/// The Fluent ids of the columns, in [`crate::analytics::Metric`] order.
pub const COLUMNS: [&str; 5] = [
    "admin-stats-views",
    "admin-stats-search",
    "admin-stats-alerts",
    "admin-stats-apply-clicks",
    "admin-stats-applications",
];
const CHART_HEIGHT: i64 = 120;
const SLOT: u32 = 16;

pub struct DayRow {
    pub day: String,
    pub counts: Vec<String>,
}

pub struct DayBar {
    pub x: u32,
    pub y: u32,
    pub height: u32,
    pub title: String,
    /// Axis label, every seventh day.
    pub label: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/posting_stats.html")]
pub struct StatsPage {
    pub l: AdminLayout,
    pub columns: Vec<String>,
    pub rows: Vec<DayRow>,
    pub totals: Vec<String>,
    pub bars: Vec<DayBar>,
    pub summary: String,
    pub csv_url: String,
}

/// Posting `id`'s title and its last [`DAYS`] days, every day present (zeros where nothing
/// was counted), oldest first; a 404 for a posting the user may not see. Three queries.
async fn load(
    state: &AppState,
    admin: &CurrentAdmin,
    path: &str,
) -> Result<(i64, String, Vec<(NaiveDateTime, Counts)>), AppError> {
    admin.require(Area::Jobs, Action::View)?;
    let id: i64 = path.parse().map_err(|_| AppError::NotFound)?;
    let viewer = admin.viewer();
    let today = day_of(crate::db::now());
    let first = today - TimeDelta::days(DAYS - 1);
    let (title, rows) = with_conn(state, move |conn| {
        crate::admin::resource::Listing::require_visible(
            &super::resources::jobs::Jobs,
            conn,
            id,
            &viewer,
        )?;
        let title: String = jobs::table.find(id).select(jobs::title).first(conn)?;
        Ok((title, crate::analytics::of_job(conn, id, first)?))
    })
    .await?;
    let days = (0..DAYS)
        .map(|i| {
            let day = first + TimeDelta::days(i);
            let counts = rows.iter().find(|(d, _)| *d == day).map_or([0; 5], |(_, c)| *c);
            (day, counts)
        })
        .collect();
    Ok((id, title, days))
}

pub async fn show(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
) -> Result<StatsPage, AppError> {
    let (id, title, days) = load(&state, &admin, &path).await?;
    let tr = admin.tr.clone();
    let heading = tr.t1("admin-stats-title", "job", &title);
    let totals: Counts = days.iter().fold([0; 5], |mut sum, (_, c)| {
        for (s, n) in sum.iter_mut().zip(c) {
            *s += n;
        }
        sum
    });
    let max = days.iter().map(|(_, c)| c[0]).max().unwrap_or(0).max(1);
    let bars = days
        .iter()
        .enumerate()
        .map(|(i, (day, c))| {
            let height = (c[0] * (CHART_HEIGHT - 10) / max) as u32;
            let date = tr.date(day);
            DayBar {
                x: i as u32 * SLOT + 2,
                y: CHART_HEIGHT as u32 - height,
                height,
                title: tr.tn_with("admin-stats-day-views", c[0], "day", &date),
                label: (i % 7 == 0).then(|| day.format("%d.%m").to_string()),
            }
        })
        .collect();
    let summary = tr.t2(
        "admin-stats-summary",
        "views",
        &tr.tn("admin-stats-views-count", totals[0]),
        "applications",
        &tr.tn("admin-stats-applications-count", totals[4]),
    );
    Ok(StatsPage {
        l: AdminLayout::new(
            &admin,
            "jobs",
            heading,
            vec![
                crumb(tr.t("admin-nav-jobs"), "/admin/jobs"),
                crumb(title, format!("/admin/jobs/{id}")),
                here(tr.t("admin-stats-crumb")),
            ],
        ),
        columns: COLUMNS.iter().map(|c| tr.t(c)).collect(),
        rows: days
            .iter()
            .rev()
            .map(|(day, c)| DayRow {
                day: tr.date(day),
                counts: c.iter().map(|n| tr.number(*n)).collect(),
            })
            .collect(),
        totals: totals.iter().map(|n| tr.number(*n)).collect(),
        bars,
        summary,
        csv_url: format!("/admin/jobs/{id}/stats.csv"),
    })
}

/// The table as CSV: one row per day, ISO dates, plain numbers, column names in the user's
/// language.
pub async fn csv(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (id, _, days) = load(&state, &admin, &path).await?;
    let tr = admin.tr.clone();
    let mut out = Vec::new();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let mut head = vec![tr.t("admin-stats-day")];
        head.extend(COLUMNS.iter().map(|c| tr.t(c)));
        let fail = |e: csv::Error| AppError::Internal(format!("writing the numbers' CSV: {e}"));
        w.write_record(&head).map_err(fail)?;
        for (day, c) in &days {
            let mut row = vec![day.format("%Y-%m-%d").to_string()];
            row.extend(c.iter().map(i64::to_string));
            w.write_record(&row).map_err(fail)?;
        }
        w.flush().map_err(|e| AppError::Internal(format!("writing the numbers' CSV: {e}")))?;
    }
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"posting-{id}-numbers.csv\""),
        ))
        .insert_header(("Cache-Control", "private, no-store"))
        .body(out))
}
