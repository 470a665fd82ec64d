//! The mail that delivers an applicant's copy of their data (`privacy::export`): a signed
//! link to the download, which works until the date it states.

use askama::Template;

use super::Email;
use crate::i18n::Tr;

/// The download link's token purpose (signed for the register entry's id).
pub const DOWNLOAD: &str = "data-export-download";

/// The download link of register entry `id`.
pub fn download_url(base_url: &str, secret: &[u8], locale: &str, id: i64) -> String {
    let token = super::signed::token(secret, DOWNLOAD, id);
    format!("{base_url}/{locale}/data-exports/{id}?token={token}")
}

/// What the mail says.
pub struct Delivery<'a> {
    pub to: &'a str,
    pub applicant: &'a str,
    pub url: &'a str,
    /// When the link stops working, as the applicant's language writes it.
    pub until: &'a str,
    pub applications: i64,
}

#[derive(Template)]
#[template(path = "mail/data_export.html")]
struct Html<'a> {
    tr: Tr,
    d: &'a Delivery<'a>,
    subject: String,
}

#[derive(Template)]
#[template(path = "mail/data_export.txt")]
struct Text<'a> {
    tr: Tr,
    d: &'a Delivery<'a>,
}

pub fn delivery(tr: Tr, d: &Delivery<'_>) -> Result<Email, askama::Error> {
    let subject = tr.t("mail-data-export-subject");
    Ok(Email {
        kind: "data_export".into(),
        to: d.to.to_owned(),
        html: Html { tr: tr.clone(), d, subject: subject.clone() }.render()?,
        text: Text { tr: tr.clone(), d }.render()?,
        subject,
        locale: tr.locale.as_str().to_owned(),
        unsubscribe: None,
        reply_to: None,
    })
}
