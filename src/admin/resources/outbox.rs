//! The Outbox: mail the development transport kept instead of sending (no `SMTP_URL`), like
//! letter_opener. Admins only: messages hold applicants' addresses and words.

use actix_web::{HttpResponse, web};

use super::super::CurrentAdmin;
use super::prelude::*;
use crate::db::schema::outbox_messages;
use crate::state::AppState;

pub struct Outbox;

/// A message as its list row shows it: without its body.
#[derive(Queryable, Selectable, Identifiable)]
#[diesel(table_name = outbox_messages)]
pub struct MessageRow {
    id: i64,
    subject: String,
    to_address: String,
    kind: String,
    created_at: chrono::NaiveDateTime,
}

impl Declaration for Outbox {
    type Table = outbox_messages::table;
    type Row = MessageRow;
    type Context = ();
    const NAME: &'static str = "outbox";
    const AREA: Area = Area::Tasks;
    const TITLE: &'static str = "admin-nav-outbox";
    const TABLE: &'static str = "outbox_messages";
    const DEFAULT_SORT: (&'static str, Dir) = ("created_at", Dir::Desc);

    fn columns(&self, c: &mut Columns<Self>) {
        c.link("subject", "admin-field-subject", |m| m.subject.clone())
            .sorted_by(outbox_messages::subject);
        c.text("to", "admin-field-to", |m| m.to_address.clone())
            .sorted_by(outbox_messages::to_address);
        c.text("kind", "admin-field-task-kind", |m| m.kind.clone());
        // Messages are only ever added: their ids are in the order of their times.
        c.date_time("created_at", "admin-field-created-at", |m| Some(m.created_at))
            .sorted_by(outbox_messages::id);
    }
    fn filters(&self, _tr: &Tr) -> Vec<Filter<outbox_messages::table>> {
        vec![
            Filter::text("to", "admin-field-to", outbox_messages::to_address),
            Filter::text("subject", "admin-field-subject", outbox_messages::subject),
            Filter::date_range("created_at", "admin-field-created-at", outbox_messages::created_at),
        ]
    }
}

impl Resource for Outbox {}

/// A message as its show page reads it.
#[derive(Queryable, Selectable)]
#[diesel(table_name = outbox_messages)]
pub struct Message {
    id: i64,
    subject: String,
    to_address: String,
    kind: String,
    locale: String,
    headers: String,
    text_body: String,
    created_at: chrono::NaiveDateTime,
}

impl Shows for Outbox {
    type Detail = Message;

    fn record(&self, _: &mut DbConn, m: Message, tr: &Tr) -> Result<Record, AppError> {
        let headers: Vec<(String, String)> = serde_json::from_str(&m.headers).unwrap_or_default();
        let headers = headers.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>();
        let language =
            crate::i18n::Locale::parse(&m.locale).map_or(m.locale, |l| l.native_name().into());
        Ok(Record::new(
            m.subject.clone(),
            vec![
                Panel::new("admin-panel-message")
                    .text("admin-field-to", m.to_address)
                    .text("admin-field-subject", m.subject)
                    .text("admin-field-task-kind", m.kind)
                    .text("admin-field-language", language)
                    .date_time("admin-field-created-at", m.created_at)
                    .code("admin-field-headers", headers.join("\n"))
                    .row(
                        "admin-field-html-version",
                        Cell::Link(
                            tr.t("admin-outbox-open-html"),
                            format!("/admin/outbox/{}/html", m.id),
                        ),
                    ),
                Panel::new("admin-panel-text-version")
                    .code("admin-field-text-version", m.text_body),
            ],
        ))
    }
}

/// `GET /admin/outbox/{id}/html`: the message's HTML as the recipient's mail program would
/// render it, sandboxed: no scripts, no requests, no forms, no access to this origin.
pub async fn html(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    admin.require(Area::Tasks, Action::View)?;
    let id: i64 = path.parse().map_err(|_| AppError::NotFound)?;
    let body = crate::web::with_conn(&state, move |conn| {
        outbox_messages::table
            .filter(outbox_messages::id.eq(id))
            .select(outbox_messages::html_body)
            .first::<String>(conn)
            .optional()?
            .ok_or(AppError::NotFound)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((
            "Content-Security-Policy",
            "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        ))
        .insert_header(("Cache-Control", "private, no-store"))
        .body(body))
}
