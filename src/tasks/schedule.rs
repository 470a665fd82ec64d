//! Recurring tasks. Each has a name, a task to enqueue and a default cron expression; the
//! expression and an on/off switch live in `task_schedules`, editable in the admin. Every
//! worker checks the schedules; a conditional update on `last_run_at` lets exactly one of
//! them enqueue each run. Missed runs (everything was down) collapse into one.

use std::str::FromStr;

use chrono::{NaiveDateTime, TimeZone, Utc};
use croner::Cron;
use diesel::prelude::*;

use super::Task;
use super::alerts::AlertSweep;
use crate::db::DbConn;
use crate::db::schema::task_schedules;
use crate::models::alert::Frequency;

pub struct Recurring {
    pub name: &'static str,
    /// Fluent id of what it does.
    pub description: &'static str,
    pub default_cron: &'static str,
    enqueue: fn(&mut DbConn) -> QueryResult<Option<i64>>,
}

/// The application's recurring tasks.
pub const RECURRING: [Recurring; 11] = [
    Recurring {
        name: "expire_postings",
        description: "task-schedule-expire-postings",
        default_cron: "*/5 * * * *",
        enqueue: |conn| super::expire_postings::ExpirePostings.enqueue(conn),
    },
    Recurring {
        name: "expiry_reminders",
        description: "task-schedule-expiry-reminders",
        default_cron: "23 * * * *",
        enqueue: |conn| super::expiry_reminders::ExpiryReminders.enqueue(conn),
    },
    Recurring {
        name: "purge_tasks",
        description: "task-schedule-purge-tasks",
        default_cron: "17 3 * * *",
        enqueue: |conn| super::purge_tasks::PurgeTasks.enqueue(conn),
    },
    Recurring {
        name: "optimize_database",
        description: "task-schedule-optimize-database",
        default_cron: "53 * * * *",
        enqueue: |conn| super::optimize_database::OptimizeDatabase.enqueue(conn),
    },
    Recurring {
        name: "purge_uploads",
        description: "task-schedule-purge-uploads",
        default_cron: "41 3 * * *",
        enqueue: |conn| super::purge_uploads::PurgeUploads.enqueue(conn),
    },
    Recurring {
        name: "purge_applications",
        description: "task-schedule-purge-applications",
        default_cron: "29 3 * * *",
        enqueue: |conn| super::purge_applications::PurgeApplications.enqueue(conn),
    },
    // Instant alerts are swept after each publication too; this catches what that missed.
    Recurring {
        name: "alerts_instant",
        description: "task-schedule-alerts-instant",
        default_cron: "*/10 * * * *",
        enqueue: |conn| AlertSweep::new(Frequency::Instant).enqueue(conn),
    },
    Recurring {
        name: "alerts_daily",
        description: "task-schedule-alerts-daily",
        default_cron: "0 7 * * *",
        enqueue: |conn| AlertSweep::new(Frequency::Daily).enqueue(conn),
    },
    Recurring {
        name: "feeds",
        description: "task-schedule-feeds",
        default_cron: "*/5 * * * *",
        enqueue: |conn| super::fetch_feed::FeedsDue.enqueue(conn),
    },
    Recurring {
        name: "indexing",
        description: "task-schedule-indexing",
        default_cron: "*/5 * * * *",
        enqueue: |conn| super::indexing::IndexingSweep.enqueue(conn),
    },
    Recurring {
        name: "alerts_weekly",
        description: "task-schedule-alerts-weekly",
        default_cron: "0 7 * * 1",
        enqueue: |conn| AlertSweep::new(Frequency::Weekly).enqueue(conn),
    },
];

/// A cron expression (five fields, minute first, UTC), or why it is not one.
pub fn parse(expression: &str) -> Result<Cron, String> {
    let fields = expression.split_whitespace().count();
    if fields != 5 {
        return Err(format!("expected 5 fields (minute hour day month weekday), found {fields}"));
    }
    Cron::from_str(expression).map_err(|e| e.to_string())
}

/// The first run of `cron` strictly after `after`.
pub fn next_after(cron: &Cron, after: NaiveDateTime) -> Option<NaiveDateTime> {
    cron.find_next_occurrence(&Utc.from_utc_datetime(&after), false).ok().map(|t| t.naive_utc())
}

/// The last run of `cron` at or before `until`.
pub fn latest_until(cron: &Cron, until: NaiveDateTime) -> Option<NaiveDateTime> {
    cron.find_previous_occurrence(&Utc.from_utc_datetime(&until), true).ok().map(|t| t.naive_utc())
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = task_schedules)]
pub struct Schedule {
    pub name: String,
    pub cron: String,
    pub enabled: bool,
    pub last_run_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}

/// Adds the rows of recurring tasks that have none yet (a first start, a new kind).
pub fn ensure(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<()> {
    let known: Vec<String> = task_schedules::table.select(task_schedules::name).load(conn)?;
    for recurring in RECURRING.iter().filter(|r| !known.iter().any(|k| k == r.name)) {
        let inserted = crate::db::write_transaction(conn, |conn| {
            diesel::insert_into(task_schedules::table)
                .values((
                    task_schedules::name.eq(recurring.name),
                    task_schedules::cron.eq(recurring.default_cron),
                    task_schedules::enabled.eq(true),
                    task_schedules::updated_at.eq(now),
                ))
                .execute(conn)
        });
        match inserted {
            // Another worker added it first.
            Ok(_)
            | Err(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            )) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Enqueues each enabled recurring task whose next run is due; returns how many.
pub fn enqueue_due(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<usize> {
    ensure(conn, now)?;
    let schedules: Vec<Schedule> = task_schedules::table
        .filter(task_schedules::enabled.eq(true))
        .select(Schedule::as_select())
        .load(conn)?;
    let mut enqueued = 0;
    for schedule in schedules {
        let Some(recurring) = RECURRING.iter().find(|r| r.name == schedule.name) else {
            continue;
        };
        let cron = match parse(&schedule.cron) {
            Ok(cron) => cron,
            Err(e) => {
                log::warn!(
                    "recurring task {} has an invalid schedule {:?}: {e}",
                    schedule.name,
                    schedule.cron
                );
                continue;
            }
        };
        // Counted from the last run, or from when the schedule was set.
        let since = schedule.last_run_at.unwrap_or(schedule.updated_at);
        let Some(next) = next_after(&cron, since) else {
            continue;
        };
        if next > now {
            continue;
        }
        // The latest occurrence due: what every worker computes alike, so the conditional
        // update below lets exactly one of them through.
        let due = latest_until(&cron, now).unwrap_or(next);
        // Claim this run: only the worker whose update changes the row enqueues it.
        let claimed = crate::db::write_transaction(conn, |conn| {
            let changed = diesel::update(
                task_schedules::table
                    .filter(task_schedules::name.eq(&schedule.name))
                    .filter(
                        task_schedules::last_run_at
                            .is_null()
                            .or(task_schedules::last_run_at.lt(due)),
                    )
                    .filter(task_schedules::cron.eq(&schedule.cron)),
            )
            .set(task_schedules::last_run_at.eq(due))
            .execute(conn)?;
            if changed == 1 {
                (recurring.enqueue)(conn)?;
            }
            Ok::<_, diesel::result::Error>(changed == 1)
        })?;
        if claimed {
            enqueued += 1;
        }
    }
    Ok(enqueued)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap_or_default()
    }

    #[test]
    fn cron_expressions_are_checked_and_give_the_next_run() {
        let every_five = parse("*/5 * * * *").map_err(|e| e.to_string());
        assert_eq!(
            every_five.as_ref().ok().and_then(|c| next_after(c, at("2026-11-28 10:02:30"))),
            Some(at("2026-11-28 10:05:00"))
        );
        let nightly = parse("17 3 * * *").map_err(|e| e.to_string());
        assert_eq!(
            nightly.as_ref().ok().and_then(|c| next_after(c, at("2026-11-28 10:00:00"))),
            Some(at("2026-11-29 03:17:00"))
        );
        assert!(parse("* * * *").is_err());
        assert!(parse("61 * * * *").is_err());
        assert!(parse("every day").is_err());
        for recurring in &RECURRING {
            assert!(parse(recurring.default_cron).is_ok(), "{}", recurring.name);
        }
    }
}
