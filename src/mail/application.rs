//! The mail an applicant gets when their application arrives: a receipt, with signed links
//! to withdraw it, to get a copy of the applicant's data and to delete it.

use askama::Template;

use super::Email;
use crate::i18n::{Locale, Messages, Tr};

pub const WITHDRAW: &str = "application-withdraw";
pub const FORGET: &str = "application-forget";
/// A copy of the applicant's data (`privacy::export`), mailed as a download link.
pub const EXPORT: &str = "application-export";

/// What the receipt says.
pub struct Receipt<'a> {
    pub application_id: i64,
    pub applicant: &'a str,
    pub email: &'a str,
    pub locale: Locale,
    pub job_title: &'a str,
    pub company: &'a str,
    pub job_path: &'a str,
}

#[derive(Template)]
#[template(path = "mail/application_received.html")]
struct Html<'a> {
    tr: Tr,
    r: &'a Receipt<'a>,
    job_url: String,
    links: Links,
}

#[derive(Template)]
#[template(path = "mail/application_received.txt")]
struct Text<'a> {
    tr: Tr,
    r: &'a Receipt<'a>,
    job_url: String,
    links: Links,
}

/// The receipt's action links.
#[derive(Clone)]
pub struct Links {
    pub withdraw: String,
    pub export: String,
    pub forget: String,
}

/// The action links of application `id`.
pub fn links(base_url: &str, secret: &[u8], locale: Locale, id: i64) -> Links {
    let link = |purpose: &str, action: &str| {
        format!(
            "{base_url}/{locale}/applications/{id}/{action}?token={}",
            super::signed::token(secret, purpose, id)
        )
    };
    Links {
        withdraw: link(WITHDRAW, "withdraw"),
        export: link(EXPORT, "export"),
        forget: link(FORGET, "forget"),
    }
}

pub fn received(
    messages: &Messages,
    r: &Receipt<'_>,
    base_url: &str,
    secret: &[u8],
) -> Result<Email, askama::Error> {
    let tr = messages.tr(r.locale);
    let links = links(base_url, secret, r.locale, r.application_id);
    let job_url = format!("{base_url}{}", r.job_path);
    let html =
        Html { tr: tr.clone(), r, job_url: job_url.clone(), links: links.clone() }.render()?;
    let text = Text { tr: tr.clone(), r, job_url, links }.render()?;
    Ok(Email {
        kind: "application_received".into(),
        to: r.email.to_owned(),
        subject: tr.t1("mail-received-subject", "job", r.job_title),
        text,
        html,
        locale: r.locale.as_str().to_owned(),
        unsubscribe: None,
        reply_to: None,
    })
}

/// What the hiring team's notice of a new application says.
pub struct Notice<'a> {
    pub application_id: i64,
    pub applicant: &'a str,
    pub applicant_email: &'a str,
    pub cover_letter: &'a str,
    pub job_title: &'a str,
    pub to: &'a str,
    /// The company's language.
    pub locale: Locale,
}

#[derive(Template)]
#[template(path = "mail/application_new.html")]
struct NoticeHtml<'a> {
    tr: Tr,
    n: &'a Notice<'a>,
    admin_url: String,
}

#[derive(Template)]
#[template(path = "mail/application_new.txt")]
struct NoticeText<'a> {
    tr: Tr,
    n: &'a Notice<'a>,
    admin_url: String,
}

/// The mail to the company's contact address about a new application.
pub fn new_application(
    messages: &Messages,
    n: &Notice<'_>,
    base_url: &str,
) -> Result<Email, askama::Error> {
    let tr = messages.tr(n.locale);
    let admin_url = format!("{base_url}/admin/applications/{}", n.application_id);
    Ok(Email {
        kind: "application_new".into(),
        to: n.to.to_owned(),
        subject: tr.t2("mail-new-subject", "name", n.applicant, "job", n.job_title),
        html: NoticeHtml { tr: tr.clone(), n, admin_url: admin_url.clone() }.render()?,
        text: NoticeText { tr, n, admin_url }.render()?,
        locale: n.locale.as_str().to_owned(),
        unsubscribe: None,
        reply_to: Some(n.applicant_email.to_owned()),
    })
}
