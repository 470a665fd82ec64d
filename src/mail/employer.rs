//! The mail that confirms an employer's address after they signed up from the public site.

use askama::Template;

use super::Email;
use crate::i18n::Tr;

/// What the mail says.
pub struct Confirmation<'a> {
    pub to: &'a str,
    pub name: &'a str,
    pub company: &'a str,
    pub link: &'a str,
    /// How many days the link works.
    pub days: i64,
}

#[derive(Template)]
#[template(path = "mail/employer_confirm.html")]
struct Html<'a> {
    tr: Tr,
    c: &'a Confirmation<'a>,
    subject: String,
    days: String,
}

#[derive(Template)]
#[template(path = "mail/employer_confirm.txt")]
struct Text<'a> {
    tr: Tr,
    c: &'a Confirmation<'a>,
    days: String,
}

pub fn confirmation(tr: Tr, c: &Confirmation<'_>) -> Result<Email, askama::Error> {
    let subject = tr.t1("mail-employer-subject", "company", c.company);
    let days = tr.number(c.days);
    Ok(Email {
        kind: "employer_confirm".into(),
        to: c.to.to_owned(),
        html: Html { tr: tr.clone(), c, subject: subject.clone(), days: days.clone() }.render()?,
        text: Text { tr: tr.clone(), c, days }.render()?,
        subject,
        locale: tr.locale.as_str().to_owned(),
        unsubscribe: None,
        reply_to: None,
    })
}
