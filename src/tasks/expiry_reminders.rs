//! Expiry reminders: 7 days and 1 day before a published posting closes, each recruiter of its
//! company gets a mail in their language with a signed link that extends it
//! (`web::posting_extension`). Recurring (see `schedule.rs`); a row in `posting_reminders`
//! per posting, lead and closing date makes each reminder go once, and a posting extended
//! since is reminded again of its new date. Postings without recruiters are the staff's and get
//! none. A posting published less than a day before it closes gets only the 1-day reminder.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Task, TaskContext, TaskError};
use crate::config::Config;
use crate::db::DbConn;
use crate::db::schema::{admin_users, company_members, jobs, posting_reminders};
use crate::i18n::{Locale, Messages};
use crate::models::{AdminRole, JobStatus};

/// How many days ahead the reminders go, the longest first.
pub const LEADS: [i64; 2] = [7, 1];

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ExpiryReminders;

impl Task for ExpiryReminders {
    const KIND: &'static str = "expiry_reminders";
    const QUEUE: &'static str = "maintenance";

    fn dedup_key(&self) -> Option<String> {
        Some(Self::KIND.to_owned())
    }

    async fn run(self, ctx: TaskContext) -> Result<(), TaskError> {
        let (config, messages) = (ctx.config.clone(), ctx.messages.clone());
        let sent =
            ctx.with_conn(move |conn| remind(conn, &config, &messages, crate::db::now())).await?;
        if sent > 0 {
            log::info!("sent {sent} expiry reminder(s)");
        }
        Ok(())
    }
}

/// The lead a posting closing at `closes` is due for at `now`: the shortest one it is within.
fn due_lead(closes: NaiveDateTime, now: NaiveDateTime) -> Option<i64> {
    LEADS.into_iter().filter(|days| closes <= now + Duration::days(*days)).min()
}

/// Whole days left until `closes`, rounded up: what the mail says ("closes in 6 days").
fn days_left(closes: NaiveDateTime, now: NaiveDateTime) -> i64 {
    ((closes - now).num_minutes() + 24 * 60 - 1).div_euclid(24 * 60).max(1)
}

/// Mails every reminder due at `now` (in one transaction per posting, with its rows); how many
/// mails went out. Four reads whatever the number of postings.
pub fn remind(
    conn: &mut DbConn,
    config: &Config,
    messages: &Messages,
    now: NaiveDateTime,
) -> Result<usize, TaskError> {
    let horizon = now + Duration::days(LEADS[0]);
    let closing: Vec<(i64, String, i64, NaiveDateTime)> = jobs::table
        .filter(jobs::status.eq(JobStatus::Published.as_str()))
        .filter(jobs::valid_through.gt(now))
        .filter(jobs::valid_through.le(horizon))
        .select((jobs::id, jobs::title, jobs::company_id, jobs::valid_through.assume_not_null()))
        .order(jobs::id.asc())
        .load(conn)?;
    if closing.is_empty() {
        return Ok(0);
    }
    let ids: Vec<i64> = closing.iter().map(|c| c.0).collect();
    let sent: HashSet<(i64, i64, NaiveDateTime)> = posting_reminders::table
        .filter(posting_reminders::job_id.eq_any(&ids))
        .select((
            posting_reminders::job_id,
            posting_reminders::days_before,
            posting_reminders::valid_through,
        ))
        .load::<(i64, i32, NaiveDateTime)>(conn)?
        .into_iter()
        .map(|(job, days, until)| (job, i64::from(days), until))
        .collect();
    let companies: Vec<i64> = closing.iter().map(|c| c.2).collect();
    let mut team: HashMap<i64, Vec<(i64, String, String, String)>> = HashMap::new();
    for (company, member) in company_members::table
        .inner_join(admin_users::table)
        .filter(company_members::company_id.eq_any(&companies))
        .filter(admin_users::role.eq(AdminRole::Recruiter.as_str()))
        .filter(admin_users::email_unverified.eq(false))
        .select((
            company_members::company_id,
            (admin_users::id, admin_users::email, admin_users::name, admin_users::locale),
        ))
        .order(admin_users::id.asc())
        .load::<(i64, (i64, String, String, String))>(conn)?
    {
        team.entry(company).or_default().push(member);
    }
    let mut mails = 0;
    for (id, title, company, closes) in closing {
        let Some(lead) = due_lead(closes, now) else { continue };
        if sent.contains(&(id, lead, closes)) {
            continue;
        }
        let Some(members) = team.get(&company) else { continue };
        let letters = members
            .iter()
            .map(|member| {
                let left = days_left(closes, now);
                mail_for(config, messages, (id, &title, closes, left), member)
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| TaskError::permanent(format!("rendering a reminder: {e}")))?;
        let written = crate::db::write_transaction(conn, |conn| {
            // The due lead and every longer one: a posting already within a day of closing is
            // not told a week ahead afterwards.
            let leads =
                LEADS.into_iter().filter(|d| *d >= lead && !sent.contains(&(id, *d, closes)));
            for days in leads {
                diesel::insert_into(posting_reminders::table)
                    .values((
                        posting_reminders::job_id.eq(id),
                        posting_reminders::days_before.eq(days as i32),
                        posting_reminders::valid_through.eq(closes),
                        posting_reminders::sent_at.eq(now),
                    ))
                    .execute(conn)?;
            }
            for email in letters {
                crate::tasks::send_mail::SendMail { email }.enqueue(conn)?;
            }
            Ok::<_, diesel::result::Error>(())
        });
        match written {
            Ok(()) => {}
            // Another run wrote this reminder first: it is sent.
            Err(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            )) => continue,
            Err(e) => return Err(e.into()),
        }
        mails += members.len();
    }
    Ok(mails)
}

/// The link that extends posting `id` from `closes` for `user`.
pub fn extend_url(
    config: &Config,
    locale: Locale,
    id: i64,
    closes: NaiveDateTime,
    user: i64,
) -> String {
    let until = closes.and_utc().timestamp();
    let purpose = crate::mail::expiry::extend_purpose(id, until);
    let token = crate::mail::signed::token(&config.secret_key, &purpose, user);
    format!(
        "{}/{locale}/postings/{id}/extend?by={user}&until={until}&token={token}",
        config.base_url
    )
}

fn mail_for(
    config: &Config,
    messages: &Messages,
    (id, title, closes, days): (i64, &str, NaiveDateTime, i64),
    (user, email, name, locale): &(i64, String, String, String),
) -> Result<crate::mail::Email, askama::Error> {
    let locale = Locale::parse(locale).unwrap_or_default();
    let tr = messages.tr(locale);
    let extend = extend_url(config, locale, id, closes, *user);
    let admin_url = format!("{}/admin/jobs/{id}", config.base_url);
    let closes = tr.date_time(&closes);
    let reminder = crate::mail::expiry::Reminder {
        to: email,
        recruiter: if name.trim().is_empty() { email } else { name },
        job_title: title,
        closes: &closes,
        days,
        extend_url: &extend,
        admin_url: &admin_url,
    };
    crate::mail::expiry::reminder(tr, &reminder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shortest_lead_a_posting_is_within_is_due() {
        let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap().naive_utc();
        assert_eq!(due_lead(now + Duration::days(8), now), None);
        assert_eq!(due_lead(now + Duration::days(7), now), Some(7));
        assert_eq!(due_lead(now + Duration::hours(30), now), Some(7));
        assert_eq!(due_lead(now + Duration::hours(24), now), Some(1));
        assert_eq!(due_lead(now + Duration::hours(2), now), Some(1));
    }

    #[test]
    fn the_mail_counts_whole_days_rounded_up() {
        let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap().naive_utc();
        assert_eq!(days_left(now + Duration::days(7), now), 7);
        assert_eq!(days_left(now + Duration::hours(6 * 24 + 1), now), 7);
        assert_eq!(days_left(now + Duration::hours(6 * 24), now), 6);
        assert_eq!(days_left(now + Duration::minutes(5), now), 1);
    }
}
