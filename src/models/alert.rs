//! Job alerts: a seeker's saved search, mailed as digests of postings not sent before. An
//! alert starts pending and gets digests only once its confirmation link was followed
//! (double opt-in); unsubscribing keeps the row (for the admin) but stops the digests.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::job_alerts;
use crate::i18n::Locale;
use crate::search::SearchParams;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    /// Within minutes of a posting's publication.
    Instant,
    Daily,
    Weekly,
}

impl Frequency {
    pub const ALL: [Frequency; 3] = [Frequency::Instant, Frequency::Daily, Frequency::Weekly];

    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Instant => "instant",
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
        }
    }

    pub fn parse(text: &str) -> Option<Frequency> {
        Frequency::ALL.into_iter().find(|f| f.as_str() == text)
    }

    /// Fluent id of its label.
    pub fn label_id(self) -> &'static str {
        match self {
            Frequency::Instant => "alert-frequency-instant",
            Frequency::Daily => "alert-frequency-daily",
            Frequency::Weekly => "alert-frequency-weekly",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertStatus {
    /// Waiting for its confirmation link.
    Pending,
    Active,
    Unsubscribed,
}

impl AlertStatus {
    pub const ALL: [AlertStatus; 3] =
        [AlertStatus::Active, AlertStatus::Pending, AlertStatus::Unsubscribed];

    pub fn as_str(self) -> &'static str {
        match self {
            AlertStatus::Pending => "pending",
            AlertStatus::Active => "active",
            AlertStatus::Unsubscribed => "unsubscribed",
        }
    }

    pub fn label_id(self) -> &'static str {
        match self {
            AlertStatus::Pending => "alert-status-pending",
            AlertStatus::Active => "alert-status-active",
            AlertStatus::Unsubscribed => "alert-status-unsubscribed",
        }
    }

    pub fn of(confirmed_at: Option<NaiveDateTime>, unsubscribed_at: Option<NaiveDateTime>) -> Self {
        match (confirmed_at, unsubscribed_at) {
            (_, Some(_)) => AlertStatus::Unsubscribed,
            (Some(_), None) => AlertStatus::Active,
            (None, None) => AlertStatus::Pending,
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = job_alerts)]
pub struct Alert {
    pub id: i64,
    pub email: String,
    pub query: String,
    pub frequency: String,
    pub locale: String,
    pub confirmed_at: Option<NaiveDateTime>,
    pub unsubscribed_at: Option<NaiveDateTime>,
    pub checked_at: Option<NaiveDateTime>,
}

impl Alert {
    pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<Alert>> {
        job_alerts::table.find(id).select(Alert::as_select()).first(conn).optional()
    }

    pub fn status(&self) -> AlertStatus {
        AlertStatus::of(self.confirmed_at, self.unsubscribed_at)
    }

    pub fn params(&self) -> SearchParams {
        SearchParams::parse(&self.query).0
    }

    pub fn locale(&self) -> Locale {
        Locale::parse(&self.locale).unwrap_or(Locale::EN)
    }
}

/// The search an alert keeps: the filters and text, without page, sort or a posted-within
/// window (an alert is about postings newer than the last digest anyway).
pub fn alert_params(params: &SearchParams) -> SearchParams {
    SearchParams { page: 1, sort: None, posted_within: None, ..params.clone() }
}

/// A confirmation mail goes out at most this often per alert, whatever is submitted.
pub const CONFIRM_RESEND_MINUTES: i64 = 10;

/// What a sign-up needs to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignUp {
    /// Mail the confirmation link of this alert.
    Confirm(i64),
    /// A confirmation went out minutes ago: nothing new is sent.
    RecentlySent,
}

/// Records a sign-up for `email` and `params` (inside the caller's transaction). A new
/// alert, or one not confirmed (or unsubscribed), takes the new frequency and language; an
/// active alert changes only when its owner follows the new confirmation link, so that
/// nobody can change or stop someone else's alert by signing up their address.
pub fn sign_up(
    conn: &mut DbConn,
    email: &str,
    params: &SearchParams,
    frequency: Frequency,
    locale: Locale,
    now: NaiveDateTime,
) -> QueryResult<SignUp> {
    let query = alert_params(params).to_query();
    let existing: Option<(i64, Option<NaiveDateTime>, Option<NaiveDateTime>)> = job_alerts::table
        .filter(job_alerts::email.eq(email))
        .filter(job_alerts::query.eq(&query))
        .select((job_alerts::id, job_alerts::confirmed_at, job_alerts::confirm_sent_at))
        .first(conn)
        .optional()?;
    let Some((id, confirmed_at, sent_at)) = existing else {
        diesel::insert_into(job_alerts::table)
            .values((
                job_alerts::email.eq(email),
                job_alerts::query.eq(&query),
                job_alerts::frequency.eq(frequency.as_str()),
                job_alerts::locale.eq(locale.as_str()),
                job_alerts::confirm_sent_at.eq(now),
                job_alerts::created_at.eq(now),
                job_alerts::updated_at.eq(now),
            ))
            .execute(conn)?;
        return Ok(SignUp::Confirm(crate::db::dialect::last_insert_id(conn, "job_alerts")?));
    };
    if sent_at.is_some_and(|at| now - at < chrono::TimeDelta::minutes(CONFIRM_RESEND_MINUTES)) {
        return Ok(SignUp::RecentlySent);
    }
    let row = job_alerts::table.filter(job_alerts::id.eq(id));
    if confirmed_at.is_none() {
        diesel::update(row)
            .set((
                job_alerts::frequency.eq(frequency.as_str()),
                job_alerts::locale.eq(locale.as_str()),
                job_alerts::confirm_sent_at.eq(now),
                job_alerts::updated_at.eq(now),
            ))
            .execute(conn)?;
    } else {
        diesel::update(row).set(job_alerts::confirm_sent_at.eq(now)).execute(conn)?;
    }
    Ok(SignUp::Confirm(id))
}

/// Confirms alert `id` with the frequency and language its link was made for; an
/// unsubscribed alert becomes active again. `false` when the alert no longer exists.
pub fn confirm(
    conn: &mut DbConn,
    id: i64,
    frequency: Frequency,
    locale: Locale,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    crate::db::write_transaction(conn, |conn| {
        let Some(alert) = Alert::find(conn, id)? else {
            return Ok(false);
        };
        // Digests hold postings published after confirmation: keep the first one's time while
        // the alert stays active, so a second click does not skip anything.
        let confirmed_at = match alert.status() {
            AlertStatus::Active => alert.confirmed_at.unwrap_or(now),
            _ => now,
        };
        diesel::update(job_alerts::table.filter(job_alerts::id.eq(id)))
            .set((
                job_alerts::frequency.eq(frequency.as_str()),
                job_alerts::locale.eq(locale.as_str()),
                job_alerts::confirmed_at.eq(confirmed_at),
                job_alerts::unsubscribed_at.eq(None::<NaiveDateTime>),
                job_alerts::updated_at.eq(now),
            ))
            .execute(conn)?;
        Ok(true)
    })
}

/// Stops alert `id`'s digests. `false` when the alert no longer exists.
pub fn unsubscribe(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    let exists =
        job_alerts::table.filter(job_alerts::id.eq(id)).count().get_result::<i64>(conn)? > 0;
    diesel::update(
        job_alerts::table
            .filter(job_alerts::id.eq(id))
            .filter(job_alerts::unsubscribed_at.is_null()),
    )
    .set((job_alerts::unsubscribed_at.eq(now), job_alerts::updated_at.eq(now)))
    .execute(conn)?;
    Ok(exists)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequencies_and_statuses_round_trip() {
        for f in Frequency::ALL {
            assert_eq!(Frequency::parse(f.as_str()), Some(f));
        }
        assert_eq!(Frequency::parse("hourly"), None);
        let at = Some(crate::db::now());
        assert_eq!(AlertStatus::of(None, None), AlertStatus::Pending);
        assert_eq!(AlertStatus::of(at, None), AlertStatus::Active);
        assert_eq!(AlertStatus::of(at, at), AlertStatus::Unsubscribed);
    }

    #[test]
    fn an_alert_keeps_filters_but_not_page_sort_or_window() {
        let (params, _) =
            SearchParams::parse("q=rust&workplace=remote&page=3&sort=salary&posted_within=7");
        assert_eq!(alert_params(&params).to_query(), "q=rust&workplace=remote");
    }
}
