//! Job alert digests. A sweep per frequency (instant after a publication and every few
//! minutes, daily, weekly: see `schedule.rs`) finds the confirmed alerts with new matches and
//! enqueues one digest task for each; a digest mails the matches not sent before and records
//! them in `alert_sent` in the same transaction as the mail's task, so a digest that runs
//! again finds nothing new: no posting is ever mailed twice to one alert.

use std::collections::HashSet;

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Task, TaskContext, TaskError};
use crate::config::Config;
use crate::db::DbConn;
use crate::db::schema::{alert_sent, job_alerts};
use crate::i18n::Tr;
use crate::mail::alert::{Digest, DigestItem};
use crate::models::alert::{Alert, AlertStatus, Frequency};
use crate::models::job::JobCard;
use crate::search::SearchHandle;

/// Matches a digest looks at, newest first; it lists the first of them not sent before.
const LOOK_AT: usize = 200;
/// Alerts whose sent postings one sweep query reads: at most 50 × LOOK_AT posting ids, well
/// under SQLite's limit of bound parameters.
const SWEEP_CHUNK: usize = 50;
/// Postings listed in one digest; it links to the search for the rest.
pub const PER_DIGEST: usize = 20;
/// How far before the last check a digest looks again: a posting is stamped when its
/// transaction starts and seen when it commits, so one stamped just before a check may
/// have been invisible to it. `alert_sent` keeps the overlap from being sent twice.
const OVERLAP: TimeDelta = TimeDelta::minutes(10);
/// An instant sweep waits this long after a publication, so that a burst of them (an import,
/// a batch action) makes one digest.
pub const INSTANT_DELAY: TimeDelta = TimeDelta::seconds(30);

/// Finds the alerts of one frequency with new matches and enqueues their digests.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AlertSweep {
    pub frequency: String,
}

impl AlertSweep {
    pub fn new(frequency: Frequency) -> AlertSweep {
        AlertSweep { frequency: frequency.as_str().to_owned() }
    }
}

impl Task for AlertSweep {
    const KIND: &'static str = "alert_sweep";
    const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(300);

    fn dedup_key(&self) -> Option<String> {
        Some(format!("alert-sweep-{}", self.frequency))
    }

    async fn run(self, ctx: TaskContext) -> Result<(), TaskError> {
        let frequency = Frequency::parse(&self.frequency).ok_or_else(|| {
            TaskError::permanent(format!("unknown alert frequency {:?}", self.frequency))
        })?;
        let search = ctx.search.clone();
        let due =
            ctx.with_conn(move |conn| sweep(conn, &search, frequency, crate::db::now())).await?;
        log::info!("alert sweep ({}): {due} digests due", self.frequency);
        Ok(())
    }
}

/// Mails one alert's new matches.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AlertDigest {
    pub alert_id: i64,
}

impl Task for AlertDigest {
    const KIND: &'static str = "alert_digest";
    const QUEUE: &'static str = "mail";

    fn dedup_key(&self) -> Option<String> {
        Some(format!("alert-digest-{}", self.alert_id))
    }

    async fn run(self, ctx: TaskContext) -> Result<(), TaskError> {
        let (search, config, messages) =
            (ctx.search.clone(), ctx.config.clone(), ctx.messages.clone());
        ctx.with_conn(move |conn| {
            digest(conn, &search, &config, &messages, self.alert_id, crate::db::now()).map(drop)
        })
        .await
    }
}

/// Enqueues the digests of the active alerts of `frequency` that have matches published
/// since they were last checked; returns how many.
pub fn sweep(
    conn: &mut DbConn,
    search: &SearchHandle,
    frequency: Frequency,
    now: NaiveDateTime,
) -> Result<usize, TaskError> {
    search.refresh_if_stale(conn)?;
    let alerts: Vec<Alert> = job_alerts::table
        .filter(job_alerts::frequency.eq(frequency.as_str()))
        .filter(job_alerts::confirmed_at.is_not_null())
        .filter(job_alerts::unsubscribed_at.is_null())
        .order(job_alerts::id.asc())
        .select(Alert::as_select())
        .load(conn)?;
    let mut due = Vec::new();
    // The postings already sent are read for a chunk of alerts at once: one query per chunk,
    // not per alert (each alert has at most LOOK_AT candidates).
    for chunk in alerts.chunks(SWEEP_CHUNK) {
        let mut found: Vec<(i64, Vec<i64>)> = Vec::with_capacity(chunk.len());
        for alert in chunk {
            let ids = candidates(conn, search, alert, now)?;
            if !ids.is_empty() {
                found.push((alert.id, ids));
            }
        }
        if found.is_empty() {
            continue;
        }
        let alert_ids: Vec<i64> = found.iter().map(|(id, _)| *id).collect();
        let job_ids: HashSet<i64> = found.iter().flat_map(|(_, ids)| ids.iter().copied()).collect();
        let job_ids: Vec<i64> = job_ids.into_iter().collect();
        let sent: HashSet<(i64, i64)> = alert_sent::table
            .filter(alert_sent::alert_id.eq_any(&alert_ids))
            .filter(alert_sent::job_id.eq_any(&job_ids))
            .select((alert_sent::alert_id, alert_sent::job_id))
            .load::<(i64, i64)>(conn)?
            .into_iter()
            .collect();
        due.extend(
            found
                .iter()
                .filter(|(alert, ids)| ids.iter().any(|job| !sent.contains(&(*alert, *job))))
                .map(|(alert, _)| *alert),
        );
    }
    crate::db::write_transaction(conn, |conn| {
        for id in &due {
            AlertDigest { alert_id: *id }.enqueue(conn)?;
        }
        Ok::<_, TaskError>(())
    })?;
    Ok(due.len())
}

/// The alert's matches published since it was confirmed and last checked, newest first:
/// the search page's filters run on the same index.
fn candidates(
    conn: &mut DbConn,
    search: &SearchHandle,
    alert: &Alert,
    now: NaiveDateTime,
) -> Result<Vec<i64>, TaskError> {
    let Some(confirmed) = alert.confirmed_at else {
        return Ok(Vec::new());
    };
    let since = alert.checked_at.map_or(confirmed, |checked| confirmed.max(checked - OVERLAP));
    let params = alert.params();
    let index = search.get();
    let text = if params.q.trim().is_empty() {
        None
    } else {
        Some(search.text_matches(conn, &index, &params.q)?)
    };
    Ok(index.matches_since(&params, text.as_deref(), now, since, LOOK_AT))
}

/// Sends alert `id` the matches it has not had yet; returns the postings mailed.
pub fn digest(
    conn: &mut DbConn,
    search: &SearchHandle,
    config: &Config,
    messages: &crate::i18n::Messages,
    id: i64,
    now: NaiveDateTime,
) -> Result<Vec<i64>, TaskError> {
    search.refresh_if_stale(conn)?;
    messages.refresh_if_stale(conn)?;
    let Some(alert) = Alert::find(conn, id)? else {
        return Ok(Vec::new());
    };
    if alert.status() != AlertStatus::Active {
        return Ok(Vec::new());
    }
    let matches = candidates(conn, search, &alert, now)?;
    let sent: HashSet<i64> = alert_sent::table
        .filter(alert_sent::alert_id.eq(id))
        .filter(alert_sent::job_id.eq_any(&matches))
        .select(alert_sent::job_id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    let new: Vec<i64> = matches.into_iter().filter(|j| !sent.contains(j)).collect();
    let listed: Vec<i64> = new.iter().take(PER_DIGEST).copied().collect();
    let locale = alert.locale();
    let email = if listed.is_empty() {
        None
    } else {
        let cards = JobCard::load(conn, &listed, locale)?;
        Some(render(config, messages, &alert, &cards, new.len() - listed.len(), &search.get())?)
    };
    crate::db::write_transaction(conn, |conn| {
        let row = job_alerts::table.filter(job_alerts::id.eq(id));
        diesel::update(row).set(job_alerts::checked_at.eq(now)).execute(conn)?;
        let Some(email) = email else {
            return Ok(Vec::new());
        };
        // A concurrent run of the same digest fails here on the primary key, with its mail.
        // (One row at a time: a multi-backend connection has no batch insert; 20 at most.)
        for job in &listed {
            diesel::insert_into(alert_sent::table)
                .values((
                    alert_sent::alert_id.eq(id),
                    alert_sent::job_id.eq(*job),
                    alert_sent::sent_at.eq(now),
                ))
                .execute(conn)?;
        }
        diesel::update(row).set(job_alerts::last_sent_at.eq(now)).execute(conn)?;
        use crate::analytics::{Metric, add_now};
        add_now(conn, listed.iter().copied(), Metric::AlertAppearance, now)?;
        super::send_mail::SendMail { email }.enqueue(conn)?;
        Ok::<_, TaskError>(listed)
    })
}

fn render(
    config: &Config,
    messages: &crate::i18n::Messages,
    alert: &Alert,
    cards: &[JobCard],
    more: usize,
    index: &crate::search::SearchIndex,
) -> Result<crate::mail::Email, TaskError> {
    let locale = alert.locale();
    let tr = messages.tr(locale);
    let base = &config.base_url;
    let params = alert.params();
    let search = crate::web::search_links::describe(&tr, &params, Some(index))
        .unwrap_or_else(|| tr.t("alert-all-jobs"));
    let search_url = format!("{base}/{locale}/jobs?{}", params.to_query());
    let items: Vec<DigestItem> = cards
        .iter()
        .map(|card| DigestItem {
            title: card.title.value.clone(),
            company: card.company_name.clone(),
            place: place(&tr, card),
            url: format!("{base}/{locale}/jobs/{}", card.slug),
        })
        .collect();
    let digest = Digest {
        id: alert.id,
        email: &alert.email,
        locale,
        search: &search,
        search_url: &search_url,
        items: &items,
        more,
    };
    crate::mail::alert::digest(messages, &digest, base, &config.secret_key)
        .map_err(|e| TaskError::retry(format!("rendering the digest: {e}")))
}

/// "Berlin, Germany · Hybrid".
fn place(tr: &Tr, card: &JobCard) -> String {
    let town = match (&card.city, &card.country_code) {
        (Some(city), Some(country)) => format!("{city}, {}", tr.country(country)),
        (Some(city), None) => city.clone(),
        (None, Some(country)) => tr.country(country),
        (None, None) => String::new(),
    };
    let workplace = tr.t(&card.workplace.label_id());
    if town.is_empty() { workplace } else { format!("{town} · {workplace}") }
}
