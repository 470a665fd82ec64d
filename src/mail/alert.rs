//! The mail of job alerts: the confirmation (double opt-in) and the digests of new postings,
//! each digest with a one-click unsubscribe link (also sent as `List-Unsubscribe`).

use askama::Template;

use super::Email;
use crate::i18n::{Locale, Messages, Tr};
use crate::models::alert::Frequency;

/// Token purpose of the unsubscribe link.
pub const UNSUBSCRIBE: &str = "alert-unsubscribe";

/// Token purpose of a confirmation link: the frequency and language are part of what is
/// signed, so the link can only confirm what was asked for.
pub fn confirm_purpose(frequency: Frequency, locale: Locale) -> String {
    format!("alert-confirm-{}-{}", frequency.as_str(), locale.as_str())
}

pub fn confirm_url(
    base_url: &str,
    secret: &[u8],
    id: i64,
    frequency: Frequency,
    locale: Locale,
) -> String {
    let token = super::signed::token(secret, &confirm_purpose(frequency, locale), id);
    format!(
        "{base_url}/{locale}/alerts/{id}/confirm?frequency={}&token={token}",
        frequency.as_str()
    )
}

pub fn unsubscribe_url(base_url: &str, secret: &[u8], id: i64, locale: Locale) -> String {
    let token = super::signed::token(secret, UNSUBSCRIBE, id);
    format!("{base_url}/{locale}/alerts/{id}/unsubscribe?token={token}")
}

/// What a confirmation mail says.
pub struct Confirmation<'a> {
    pub id: i64,
    pub email: &'a str,
    pub locale: Locale,
    pub frequency: Frequency,
    /// The search in words.
    pub search: &'a str,
    pub search_url: &'a str,
}

#[derive(Template)]
#[template(path = "mail/alert_confirm.html")]
struct ConfirmHtml<'a> {
    tr: Tr,
    c: &'a Confirmation<'a>,
    frequency: String,
    confirm_url: String,
}

#[derive(Template)]
#[template(path = "mail/alert_confirm.txt")]
struct ConfirmText<'a> {
    tr: Tr,
    c: &'a Confirmation<'a>,
    frequency: String,
    confirm_url: String,
}

pub fn confirmation(
    messages: &Messages,
    c: &Confirmation<'_>,
    base_url: &str,
    secret: &[u8],
) -> Result<Email, askama::Error> {
    let tr = messages.tr(c.locale);
    let confirm_url = confirm_url(base_url, secret, c.id, c.frequency, c.locale);
    let frequency = tr.t(c.frequency.label_id());
    Ok(Email {
        kind: "alert_confirm".into(),
        to: c.email.to_owned(),
        subject: tr.t1("mail-alert-confirm-subject", "search", c.search),
        html: ConfirmHtml {
            tr: tr.clone(),
            c,
            frequency: frequency.clone(),
            confirm_url: confirm_url.clone(),
        }
        .render()?,
        text: ConfirmText { tr, c, frequency, confirm_url }.render()?,
        locale: c.locale.as_str().to_owned(),
        unsubscribe: None,
        reply_to: None,
    })
}

/// A posting in a digest.
pub struct DigestItem {
    pub title: String,
    pub company: String,
    /// Place and workplace, in words.
    pub place: String,
    pub url: String,
}

/// What a digest says.
pub struct Digest<'a> {
    pub id: i64,
    pub email: &'a str,
    pub locale: Locale,
    pub search: &'a str,
    pub search_url: &'a str,
    pub items: &'a [DigestItem],
    /// New matches beyond the ones listed.
    pub more: usize,
}

#[derive(Template)]
#[template(path = "mail/alert_digest.html")]
struct DigestHtml<'a> {
    tr: Tr,
    d: &'a Digest<'a>,
    unsubscribe_url: String,
}

#[derive(Template)]
#[template(path = "mail/alert_digest.txt")]
struct DigestText<'a> {
    tr: Tr,
    d: &'a Digest<'a>,
    unsubscribe_url: String,
}

pub fn digest(
    messages: &Messages,
    d: &Digest<'_>,
    base_url: &str,
    secret: &[u8],
) -> Result<Email, askama::Error> {
    let tr = messages.tr(d.locale);
    let unsubscribe_url = unsubscribe_url(base_url, secret, d.id, d.locale);
    let count = (d.items.len() + d.more) as i64;
    Ok(Email {
        kind: "alert_digest".into(),
        to: d.email.to_owned(),
        subject: tr.tn_with("mail-alert-digest-subject", count, "search", d.search),
        html: DigestHtml { tr: tr.clone(), d, unsubscribe_url: unsubscribe_url.clone() }
            .render()?,
        text: DigestText { tr, d, unsubscribe_url: unsubscribe_url.clone() }.render()?,
        locale: d.locale.as_str().to_owned(),
        unsubscribe: Some(unsubscribe_url),
        reply_to: None,
    })
}
