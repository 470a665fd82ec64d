//! The mail that invites a recruiter's colleague to their company's back office: the link
//! sets the new account's password.

use askama::Template;

use super::Email;
use crate::i18n::Tr;

/// What the mail says.
pub struct Invitation<'a> {
    pub to: &'a str,
    pub name: &'a str,
    /// Who invited them, as the back office names them.
    pub inviter: &'a str,
    pub company: &'a str,
    pub link: &'a str,
    /// How many hours the link works.
    pub hours: i64,
}

#[derive(Template)]
#[template(path = "mail/team_invite.html")]
struct Html<'a> {
    tr: Tr,
    i: &'a Invitation<'a>,
    subject: String,
}

#[derive(Template)]
#[template(path = "mail/team_invite.txt")]
struct Text<'a> {
    tr: Tr,
    i: &'a Invitation<'a>,
}

pub fn invitation(tr: Tr, i: &Invitation<'_>) -> Result<Email, askama::Error> {
    let subject = tr.t1("mail-team-subject", "company", i.company);
    Ok(Email {
        kind: "team_invite".into(),
        to: i.to.to_owned(),
        html: Html { tr: tr.clone(), i, subject: subject.clone() }.render()?,
        text: Text { tr: tr.clone(), i }.render()?,
        subject,
        locale: tr.locale.as_str().to_owned(),
        unsubscribe: None,
        reply_to: None,
    })
}
