//! The reminder a recruiter gets 7 days and 1 day before one of their company's postings
//! closes, in their language, with a signed link that extends it (confirmed on a page).

use askama::Template;

use super::Email;
use crate::i18n::Tr;

/// The signed link's token purpose: it names the posting and the closing date it extends, so
/// one link extends one date of one posting, once.
pub fn extend_purpose(job_id: i64, until: i64) -> String {
    format!("posting-extend:{job_id}:{until}")
}

/// What the mail says.
pub struct Reminder<'a> {
    pub to: &'a str,
    pub recruiter: &'a str,
    pub job_title: &'a str,
    /// The closing date, as the recruiter's language writes it.
    pub closes: &'a str,
    /// 7 or 1.
    pub days: i64,
    pub extend_url: &'a str,
    pub admin_url: &'a str,
}

#[derive(Template)]
#[template(path = "mail/posting_expiring.html")]
struct Html<'a> {
    tr: Tr,
    r: &'a Reminder<'a>,
    subject: String,
}

#[derive(Template)]
#[template(path = "mail/posting_expiring.txt")]
struct Text<'a> {
    tr: Tr,
    r: &'a Reminder<'a>,
}

pub fn reminder(tr: Tr, r: &Reminder<'_>) -> Result<Email, askama::Error> {
    let subject = tr.tn_with("mail-posting-expiring-subject", r.days, "job", r.job_title);
    Ok(Email {
        kind: "posting_expiring".into(),
        to: r.to.to_owned(),
        html: Html { tr: tr.clone(), r, subject: subject.clone() }.render()?,
        text: Text { tr: tr.clone(), r }.render()?,
        subject,
        locale: tr.locale.as_str().to_owned(),
        unsubscribe: None,
        reply_to: None,
    })
}
