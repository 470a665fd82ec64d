//! Outgoing mail: messages rendered from Askama templates in the recipient's language, sent by
//! the `send_mail` task over SMTP (`SMTP_URL`), or, without it, kept in the database and
//! shown in the admin's Outbox, like letter_opener.

pub mod alert;
pub mod application;
pub mod data_export;
pub mod employer;
pub mod expiry;
pub mod review;
pub mod signed;
pub mod team;

use diesel::prelude::*;
use lettre::message::{Mailbox, MultiPart, header};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use serde::{Deserialize, Serialize};

use crate::db::DbConn;
use crate::db::schema::outbox_messages;

/// A message ready to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email {
    /// What it is (`application_received`…), for the Outbox and the logs.
    pub kind: String,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub locale: String,
    /// A one-click unsubscribe address, sent as `List-Unsubscribe`.
    #[serde(default)]
    pub unsubscribe: Option<String>,
    /// Where answers go (`Reply-To`): the applicant, on the hiring team's notice.
    #[serde(default)]
    pub reply_to: Option<String>,
}

/// Where mail goes.
#[derive(Clone)]
pub enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
    /// Development: into `outbox_messages`.
    Outbox,
}

impl Mailer {
    /// SMTP when `SMTP_URL` is set (e.g. `smtps://user:pass@smtp.example.com`), else the
    /// outbox.
    pub fn from_config(config: &crate::config::Config) -> Result<Mailer, String> {
        match &config.smtp_url {
            None => Ok(Mailer::Outbox),
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| format!("SMTP_URL: {e}"))?
                    .build();
                let from = config.mail_from.parse().map_err(|e| format!("MAIL_FROM: {e}"))?;
                Ok(Mailer::Smtp { transport, from })
            }
        }
    }

    /// Whether `from_config` will succeed, without building a transport (an SMTP pool needs
    /// an async runtime to start).
    pub fn check(config: &crate::config::Config) -> Result<(), String> {
        if let Some(url) = &config.smtp_url {
            AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map_err(|e| format!("SMTP_URL: {e}"))?;
        }
        config.mail_from.parse::<Mailbox>().map(drop).map_err(|e| format!("MAIL_FROM: {e}"))
    }

    /// Sends `email`; `task_id` makes storing in the outbox idempotent (a retried task keeps
    /// one copy).
    pub async fn send(
        &self,
        email: &Email,
        task_id: i64,
        pool: &crate::db::DbPool,
    ) -> Result<(), String> {
        match self {
            Mailer::Smtp { transport, from } => {
                let message = build(email, from)?;
                transport.send(message).await.map(drop).map_err(|e| format!("SMTP: {e}"))
            }
            Mailer::Outbox => {
                let email = email.clone();
                crate::db::blocking(pool, move |conn| {
                    store(conn, &email, task_id).map_err(|e| e.to_string())
                })
                .await
            }
        }
    }
}

/// The MIME message: plain text and HTML alternatives, List-Unsubscribe and Reply-To when given.
fn build(email: &Email, from: &Mailbox) -> Result<lettre::Message, String> {
    let to: Mailbox = email.to.parse().map_err(|e| format!("bad recipient {:?}: {e}", email.to))?;
    let mut builder = lettre::Message::builder().from(from.clone()).to(to).subject(&email.subject);
    if let Some(url) = &email.unsubscribe {
        builder = builder.header(ListUnsubscribe(format!("<{url}>"))).header(ListUnsubscribePost);
    }
    if let Some(reply_to) = reply_to(email) {
        builder = builder.reply_to(reply_to);
    }
    builder
        .multipart(MultiPart::alternative_plain_html(email.text.clone(), email.html.clone()))
        .map_err(|e| format!("building the message: {e}"))
}

/// The `Reply-To` mailbox, when the message has one that parses (an address that does not is
/// left out rather than failing the whole message).
fn reply_to(email: &Email) -> Option<Mailbox> {
    email.reply_to.as_deref()?.parse().ok()
}

/// `List-Unsubscribe: <https://…>` (RFC 2369).
#[derive(Clone)]
struct ListUnsubscribe(String);

impl header::Header for ListUnsubscribe {
    fn name() -> header::HeaderName {
        header::HeaderName::new_from_ascii_str("List-Unsubscribe")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_owned()))
    }
    fn display(&self) -> header::HeaderValue {
        header::HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
#[derive(Clone)]
struct ListUnsubscribePost;

impl header::Header for ListUnsubscribePost {
    fn name() -> header::HeaderName {
        header::HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }
    fn display(&self) -> header::HeaderValue {
        header::HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_owned())
    }
}

/// Keeps a message in the outbox, once per task.
pub fn store(conn: &mut DbConn, email: &Email, task_id: i64) -> QueryResult<()> {
    let kept: i64 = outbox_messages::table
        .filter(outbox_messages::task_id.eq(task_id))
        .count()
        .get_result(conn)?;
    if kept > 0 {
        return Ok(());
    }
    let mut headers: Vec<(&str, String)> = email
        .unsubscribe
        .iter()
        .flat_map(|u| {
            [
                ("List-Unsubscribe", format!("<{u}>")),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click".into()),
            ]
        })
        .collect();
    if let Some(reply_to) = reply_to(email) {
        headers.push(("Reply-To", reply_to.to_string()));
    }
    diesel::insert_into(outbox_messages::table)
        .values((
            outbox_messages::task_id.eq(task_id),
            outbox_messages::kind.eq(&email.kind),
            outbox_messages::to_address.eq(&email.to),
            outbox_messages::subject.eq(&email.subject),
            outbox_messages::text_body.eq(&email.text),
            outbox_messages::html_body.eq(&email.html),
            outbox_messages::headers
                .eq(serde_json::to_string(&headers).unwrap_or_else(|_| "[]".into())),
            outbox_messages::locale.eq(&email.locale),
            outbox_messages::created_at.eq(crate::db::now()),
        ))
        .execute(conn)
        .map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_carry_both_parts_and_the_unsubscribe_headers() {
        let email = Email {
            kind: "test".into(),
            to: "ada@example.org".into(),
            subject: "Grüße".into(),
            text: "Hello".into(),
            html: "<p>Hello</p>".into(),
            locale: "de".into(),
            unsubscribe: Some("https://jobs.example/u/abc".into()),
            reply_to: Some("Grace <grace@example.org>".into()),
        };
        let from: Mailbox = "Hireboard <noreply@jobs.example>".parse().expect("a valid address");
        let raw = build(&email, &from)
            .map(|m| String::from_utf8_lossy(&m.formatted()).into_owned())
            .expect("a message");
        assert!(raw.contains("List-Unsubscribe: <https://jobs.example/u/abc>"), "{raw}");
        assert!(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        assert!(raw.contains("multipart/alternative"));
        assert!(raw.contains("To: ada@example.org"));
        assert!(raw.contains("Reply-To: Grace <grace@example.org>"), "{raw}");
        let bad = Email { to: "not an address".into(), ..email };
        assert!(build(&bad, &from).is_err());
    }
}
