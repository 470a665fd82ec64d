//! What postings do: views of the posting page, appearances in search results and in alert
//! mails, apply forms sent, applications, per posting and day (`posting_stats`), shown to the
//! posting's company and the staff (`admin::posting_stats`).
//!
//! Counting never makes a public page wait on the database: each process adds its counts up
//! in memory ([`Counter`]) and a thread writes them in one transaction every
//! `ANALYTICS_FLUSH_SECONDS` and when the server stops, so a crash loses at most that
//! interval's counts. Alert appearances and applications are counted in the transaction that
//! sends or stores them. Only numbers are kept: no cookie, address or visitor of any kind.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{jobs, posting_stats};
use crate::db::{DbConn, DbPool};

/// What is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    View = 0,
    SearchAppearance = 1,
    AlertAppearance = 2,
    ApplyClick = 3,
    Application = 4,
}

/// Counts of one posting on one day, in [`Metric`] order.
pub type Counts = [i64; 5];

/// The first moment of `at`'s day (UTC): the key of its row.
pub fn day_of(at: NaiveDateTime) -> NaiveDateTime {
    at.date().and_time(chrono::NaiveTime::MIN)
}

/// One process's counts since they were last written. Cloning shares it.
#[derive(Clone, Default)]
pub struct Counter {
    counts: Arc<Mutex<HashMap<(i64, NaiveDateTime), Counts>>>,
    /// Off (`ANALYTICS=off`): nothing is counted.
    off: bool,
}

impl Counter {
    pub fn new(on: bool) -> Counter {
        Counter { counts: Arc::default(), off: !on }
    }

    /// Counts `metric` once for each of `jobs`, today.
    pub fn add(&self, jobs: impl IntoIterator<Item = i64>, metric: Metric) {
        if self.off {
            return;
        }
        let day = day_of(crate::db::now());
        // A poisoned lock only means another thread panicked mid-count: the numbers stand.
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        for job in jobs {
            counts.entry((job, day)).or_default()[metric as usize] += 1;
        }
    }

    fn take(&self) -> HashMap<(i64, NaiveDateTime), Counts> {
        std::mem::take(&mut *self.counts.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Puts counts that could not be written back, to be written with the next batch.
    fn restore(&self, taken: HashMap<(i64, NaiveDateTime), Counts>) {
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        for (key, add) in taken {
            let sum = counts.entry(key).or_default();
            for (s, a) in sum.iter_mut().zip(add) {
                *s += a;
            }
        }
    }

    /// Writes every count so far in one transaction; how many rows it touched. On failure the
    /// counts stay for the next flush.
    pub fn flush(&self, conn: &mut DbConn) -> QueryResult<usize> {
        let taken = self.take();
        if taken.is_empty() {
            return Ok(0);
        }
        let written = crate::db::write_transaction(conn, |conn| add_counts(conn, &taken));
        if written.is_err() {
            self.restore(taken);
        }
        written
    }

    /// Flushes every `interval` on a thread of its own.
    pub fn spawn_flusher(&self, pool: DbPool, interval: std::time::Duration) {
        if self.off {
            return;
        }
        let counter = self.clone();
        crate::db::poll::spawn("analytics-flush", pool, interval, move |conn| {
            counter.flush(conn).map(|n| n > 0)
        });
    }
}

/// Adds `counts` to their rows, in the caller's transaction: one read of which postings still
/// exist, then one update (or insert) per posting and day.
pub fn add_counts(
    conn: &mut DbConn,
    counts: &HashMap<(i64, NaiveDateTime), Counts>,
) -> QueryResult<usize> {
    let ids: Vec<i64> = counts.keys().map(|(job, _)| *job).collect();
    // A posting deleted since it was counted takes its numbers with it.
    let alive: std::collections::HashSet<i64> = jobs::table
        .filter(jobs::id.eq_any(&ids))
        .select(jobs::id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    let mut rows = 0;
    for ((job, day), c) in counts.iter().filter(|((job, _), _)| alive.contains(job)) {
        let s = posting_stats::table
            .filter(posting_stats::job_id.eq(job))
            .filter(posting_stats::day.eq(day));
        let updated = diesel::update(s)
            .set((
                posting_stats::views.eq(posting_stats::views + c[0]),
                posting_stats::search_appearances.eq(posting_stats::search_appearances + c[1]),
                posting_stats::alert_appearances.eq(posting_stats::alert_appearances + c[2]),
                posting_stats::apply_clicks.eq(posting_stats::apply_clicks + c[3]),
                posting_stats::applications.eq(posting_stats::applications + c[4]),
            ))
            .execute(conn)?;
        if updated == 0 {
            diesel::insert_into(posting_stats::table)
                .values((
                    posting_stats::job_id.eq(job),
                    posting_stats::day.eq(day),
                    posting_stats::views.eq(c[0]),
                    posting_stats::search_appearances.eq(c[1]),
                    posting_stats::alert_appearances.eq(c[2]),
                    posting_stats::apply_clicks.eq(c[3]),
                    posting_stats::applications.eq(c[4]),
                ))
                .execute(conn)?;
        }
        rows += 1;
    }
    Ok(rows)
}

/// Counts `metric` for `jobs` at `now` straight into the database, in the caller's
/// transaction: for counts made where a transaction is open anyway (a digest mailed, an
/// application stored).
pub fn add_now(
    conn: &mut DbConn,
    jobs: impl IntoIterator<Item = i64>,
    metric: Metric,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let mut counts: HashMap<(i64, NaiveDateTime), Counts> = HashMap::new();
    for job in jobs {
        counts.entry((job, day_of(now))).or_default()[metric as usize] += 1;
    }
    if !counts.is_empty() {
        add_counts(conn, &counts)?;
    }
    Ok(())
}

/// A posting's rows from `since` on, oldest first: (day, counts).
pub fn of_job(
    conn: &mut DbConn,
    job: i64,
    since: NaiveDateTime,
) -> QueryResult<Vec<(NaiveDateTime, Counts)>> {
    let rows: Vec<(NaiveDateTime, i64, i64, i64, i64, i64)> = posting_stats::table
        .filter(posting_stats::job_id.eq(job))
        .filter(posting_stats::day.ge(day_of(since)))
        .order(posting_stats::day.asc())
        .select((
            posting_stats::day,
            posting_stats::views,
            posting_stats::search_appearances,
            posting_stats::alert_appearances,
            posting_stats::apply_clicks,
            posting_stats::applications,
        ))
        .load(conn)?;
    Ok(rows.into_iter().map(|(d, a, b, c, e, f)| (d, [a, b, c, e, f])).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up_per_posting_and_day_and_a_failed_write_keeps_them() {
        let counter = Counter::new(true);
        counter.add([1, 2, 1], Metric::SearchAppearance);
        counter.add([1], Metric::View);
        let taken = counter.take();
        let today = day_of(crate::db::now());
        assert_eq!(taken[&(1, today)], [1, 2, 0, 0, 0]);
        assert_eq!(taken[&(2, today)], [0, 1, 0, 0, 0]);
        assert!(counter.take().is_empty(), "taken once");
        counter.add([1], Metric::View);
        counter.restore(taken);
        assert_eq!(counter.take()[&(1, today)], [2, 2, 0, 0, 0]);
    }

    #[test]
    fn a_counter_that_is_off_counts_nothing() {
        let counter = Counter::new(false);
        counter.add([1, 2], Metric::View);
        assert!(counter.take().is_empty());
    }
}
