//! The mails a recruiter gets when the board's staff decide on a posting they sent for review:
//! approved (it is live), or sent back with the staff's reason. In the recruiter's language.

use askama::Template;

use super::Email;
use crate::i18n::Tr;

/// What the mail says.
pub struct Decided<'a> {
    pub to: &'a str,
    pub recruiter: &'a str,
    pub job_id: i64,
    pub job_title: &'a str,
    /// `None`: approved; the reason of a rejection otherwise.
    pub reason: Option<&'a str>,
}

#[derive(Template)]
#[template(path = "mail/job_reviewed.html")]
struct Html<'a> {
    tr: Tr,
    d: &'a Decided<'a>,
    subject: String,
    admin_url: String,
}

#[derive(Template)]
#[template(path = "mail/job_reviewed.txt")]
struct Text<'a> {
    tr: Tr,
    d: &'a Decided<'a>,
    admin_url: String,
}

pub fn decided(tr: Tr, d: &Decided<'_>, base_url: &str) -> Result<Email, askama::Error> {
    let admin_url = format!("{base_url}/admin/jobs/{}", d.job_id);
    let (kind, subject) = match d.reason {
        None => ("job_approved", tr.t1("mail-job-approved-subject", "job", d.job_title)),
        Some(_) => ("job_rejected", tr.t1("mail-job-rejected-subject", "job", d.job_title)),
    };
    Ok(Email {
        kind: kind.into(),
        to: d.to.to_owned(),
        html: Html { tr: tr.clone(), d, subject: subject.clone(), admin_url: admin_url.clone() }
            .render()?,
        text: Text { tr: tr.clone(), d, admin_url }.render()?,
        subject,
        locale: tr.locale.as_str().to_owned(),
        unsubscribe: None,
        reply_to: None,
    })
}
