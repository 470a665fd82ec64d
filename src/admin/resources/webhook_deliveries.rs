//! Every webhook delivery attempt, with the receiver's answer; a delivery can be sent again.

use std::collections::HashMap;

use super::prelude::*;
use super::webhook_delivery_actions::replay;
use crate::db::schema::{events, webhook_deliveries, webhook_endpoints};

pub struct WebhookDeliveries;

fn status_cell(status: Option<i32>) -> Cell {
    match status {
        Some(s) if (200..300).contains(&s) => Cell::Status("done", format!("HTTP {s}")),
        Some(s) => Cell::Status("dead", format!("HTTP {s}")),
        None => Cell::Status("dead", "—".into()),
    }
}

/// A delivery as its list row shows it: without the payload and the receiver's answer.
#[derive(Queryable, Selectable, Identifiable)]
#[diesel(table_name = webhook_deliveries)]
pub struct DeliveryRow {
    id: i64,
    endpoint_id: i64,
    event_id: i64,
    attempt: i32,
    status_code: Option<i32>,
    duration_ms: i32,
    error: Option<String>,
    created_at: chrono::NaiveDateTime,
}

impl Declaration for WebhookDeliveries {
    type Table = webhook_deliveries::table;
    type Row = DeliveryRow;
    /// The endpoints' URLs.
    type Context = HashMap<i64, String>;
    const NAME: &'static str = "webhook_deliveries";
    const AREA: Area = Area::Tasks;
    const TITLE: &'static str = "admin-nav-webhook-deliveries";
    const TABLE: &'static str = "webhook_deliveries";
    const DEFAULT_SORT: (&'static str, Dir) = ("created_at", Dir::Desc);

    fn columns(&self, c: &mut Columns<Self>) {
        // Deliveries are only ever added: their ids are in the order of their times.
        c.with("created_at", "admin-field-when", |d, _, tr| {
            Cell::Link(tr.date_time(&d.created_at), format!("/admin/webhook_deliveries/{}", d.id))
        })
        .sorted_by(webhook_deliveries::id);
        c.with("url", "admin-field-url", |d, urls, _| {
            Cell::Link(
                urls.get(&d.endpoint_id).cloned().unwrap_or_default(),
                format!("/admin/webhooks/{}", d.endpoint_id),
            )
        });
        c.text("event", "admin-field-event", |d| format!("msg_{}", d.event_id));
        c.cell("attempt", "admin-field-attempts", |d| Cell::Number(Some(d.attempt as i64)));
        c.cell("status", "admin-field-status", |d| status_cell(d.status_code));
        c.text("duration", "admin-field-duration", |d| format!("{} ms", d.duration_ms));
        c.text("error", "admin-field-last-error", |d| {
            d.error.as_deref().unwrap_or_default().chars().take(80).collect()
        });
    }
    fn filters(&self, _tr: &Tr) -> Vec<Filter<webhook_deliveries::table>> {
        let endpoint = webhook_deliveries::endpoint_id;
        vec![super::related_text!("url", "admin-field-url", endpoint, webhook_endpoints::url)]
    }
    fn scopes(&self) -> Vec<Scope<webhook_deliveries::table>> {
        let status = webhook_deliveries::status_code;
        vec![
            Scope::all(),
            Scope::new(
                "failed",
                "admin-scope-failed",
                status.is_null().or(status.assume_not_null().ge(300)),
            ),
        ]
    }
    fn context(
        &self,
        conn: &mut DbConn,
        rows: &[DeliveryRow],
    ) -> QueryResult<HashMap<i64, String>> {
        super::names_by_id!(conn, rows.iter().map(|d| d.endpoint_id), webhook_endpoints::url)
    }
}

impl Resource for WebhookDeliveries {
    fn acts(&self) -> Vec<Act> {
        vec![Act::new("replay", Action::Update, replay)]
    }

    fn member_actions(&self, id: i64, _record: &Record) -> Vec<MemberAction> {
        vec![self.button(id, "replay", "admin-action-replay")]
    }
}

impl Shows for WebhookDeliveries {
    type Detail = DeliveryRow;

    fn record(&self, conn: &mut DbConn, d: DeliveryRow, _: &Tr) -> Result<Record, AppError> {
        let url: String = webhook_endpoints::table
            .find(d.endpoint_id)
            .select(webhook_endpoints::url)
            .first(conn)?;
        let (kind, payload): (String, String) =
            events::table.find(d.event_id).select((events::kind, events::payload)).first(conn)?;
        let payload = serde_json::from_str::<serde_json::Value>(&payload)
            .and_then(|v| serde_json::to_string_pretty(&v))
            .unwrap_or(payload);
        Ok(Record::new(
            format!("{kind} → {url}"),
            vec![
                Panel::new("admin-panel-delivery")
                    .row(
                        "admin-field-url",
                        Cell::Link(url, format!("/admin/webhooks/{}", d.endpoint_id)),
                    )
                    .text("admin-field-event", kind)
                    .row("admin-field-attempts", Cell::Number(Some(d.attempt.into())))
                    .row("admin-field-status", status_cell(d.status_code))
                    .text("admin-field-duration", format!("{} ms", d.duration_ms))
                    .text("admin-field-last-error", d.error.unwrap_or_default()),
                Panel::new("admin-panel-arguments").code("admin-field-payload", payload),
            ],
        ))
    }
}
