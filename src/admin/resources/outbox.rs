//! The Outbox: mail the development transport kept instead of sending (no `SMTP_URL`), like
//! letter_opener. Admins only: messages hold applicants' addresses and words.

use crate::admin::resource::Listing;
use actix_web::{HttpResponse, web};
use diesel::prelude::*;

use super::super::CurrentAdmin;
use super::super::resource::{
    Cell, Column, Db, Dir, FilterDef, FilterKind, FilterValue, ListQuery, ListResult, Panel,
    Record, Resource, Row,
};
use crate::auth::policy::{Action, Area};
use crate::db::DbConn;
use crate::db::schema::outbox_messages;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;

pub struct Outbox;

type Boxed<'a> = diesel::dsl::IntoBoxed<'a, outbox_messages::table, Db>;

fn filtered<'a>(query: &ListQuery) -> Boxed<'a> {
    let mut q: Boxed<'a> = outbox_messages::table.into_boxed();
    for (key, value) in &query.filters {
        q = match (*key, value) {
            ("to", FilterValue::Text(op, v)) => {
                q.filter(crate::text_filter!(outbox_messages::to_address, *op, v))
            }
            ("subject", FilterValue::Text(op, v)) => {
                q.filter(crate::text_filter!(outbox_messages::subject, *op, v))
            }
            ("created_at", FilterValue::DateRange(from, to)) => {
                crate::date_range_filter!(q, outbox_messages::created_at, from, to)
            }
            _ => q,
        };
    }
    q
}

impl Listing for Outbox {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::sortable("subject", "admin-field-subject"),
            Column::sortable("to", "admin-field-to"),
            Column::plain("kind", "admin-field-task-kind"),
            Column::sortable("created_at", "admin-field-created-at"),
        ]
    }

    fn filters(&self, _tr: &Tr) -> Vec<FilterDef> {
        vec![
            FilterDef::new("to", "admin-field-to", FilterKind::Text),
            FilterDef::new("subject", "admin-field-subject", FilterKind::Text),
            FilterDef::new(
                "created_at",
                "admin-field-created-at",
                FilterKind::DateRange,
            ),
        ]
    }

    fn default_sort(&self) -> (&'static str, Dir) {
        ("created_at", Dir::Desc)
    }

    fn list(
        &self,
        conn: &mut DbConn,
        query: &ListQuery,
        _tr: &Tr,
        _counts: Option<Vec<i64>>,
    ) -> Result<ListResult, AppError> {
        let all: i64 = filtered(query).count().get_result(conn)?;
        let mut q = filtered(query);
        q = match (query.sort, query.dir) {
            ("subject", Dir::Asc) => {
                q.order((outbox_messages::subject.asc(), outbox_messages::id.asc()))
            }
            ("subject", Dir::Desc) => {
                q.order((outbox_messages::subject.desc(), outbox_messages::id.desc()))
            }
            ("to", Dir::Asc) => {
                q.order((outbox_messages::to_address.asc(), outbox_messages::id.asc()))
            }
            ("to", Dir::Desc) => q.order((
                outbox_messages::to_address.desc(),
                outbox_messages::id.desc(),
            )),
            ("created_at", Dir::Asc) => q.order(outbox_messages::id.asc()),
            _ => q.order(outbox_messages::id.desc()),
        };
        let rows: Vec<(i64, String, String, String, chrono::NaiveDateTime)> = q
            .select((
                outbox_messages::id,
                outbox_messages::subject,
                outbox_messages::to_address,
                outbox_messages::kind,
                outbox_messages::created_at,
            ))
            .limit(query.per_page as i64)
            .offset(query.offset())
            .load(conn)?;
        Ok(ListResult {
            rows: rows
                .into_iter()
                .map(|(id, subject, to, kind, at)| Row {
                    id,
                    cells: vec![
                        Cell::Link(subject, format!("/admin/outbox/{id}")),
                        Cell::Text(to),
                        Cell::Text(kind),
                        Cell::DateTime(Some(at)),
                    ],
                })
                .collect(),
            scope_counts: vec![all],
        })
    }
}

impl Resource for Outbox {
    fn name(&self) -> &'static str {
        "outbox"
    }

    fn area(&self) -> Area {
        Area::Tasks
    }

    fn title(&self) -> &'static str {
        "admin-nav-outbox"
    }

    fn show(&self, conn: &mut DbConn, id: i64, _tr: &Tr) -> Result<Option<Record>, AppError> {
        type Shown = (
            String,
            String,
            String,
            String,
            String,
            String,
            chrono::NaiveDateTime,
        );
        let found: Option<Shown> = outbox_messages::table
            .filter(outbox_messages::id.eq(id))
            .select((
                outbox_messages::subject,
                outbox_messages::to_address,
                outbox_messages::kind,
                outbox_messages::locale,
                outbox_messages::headers,
                outbox_messages::text_body,
                outbox_messages::created_at,
            ))
            .first(conn)
            .optional()?;
        let Some((subject, to, kind, locale, headers, text, at)) = found else {
            return Ok(None);
        };
        let headers: Vec<(String, String)> = serde_json::from_str(&headers).unwrap_or_default();
        let headers = headers
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join("\n");
        Ok(Some(Record {
            label: subject.clone(),
            public_url: None,
            status: None,
            panels: vec![
                Panel {
                    title: "admin-panel-message",
                    rows: vec![
                        ("admin-field-to", Cell::Text(to)),
                        ("admin-field-subject", Cell::Text(subject)),
                        ("admin-field-task-kind", Cell::Text(kind)),
                        ("admin-field-language", Cell::Text(locale)),
                        ("admin-field-created-at", Cell::DateTime(Some(at))),
                        ("admin-field-headers", Cell::Code(headers)),
                        (
                            "admin-field-html-version",
                            Cell::Link("HTML".into(), format!("/admin/outbox/{id}/html")),
                        ),
                    ],
                },
                Panel {
                    title: "admin-panel-text-version",
                    rows: vec![("admin-field-text-version", Cell::Code(text))],
                },
            ],
        }))
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
