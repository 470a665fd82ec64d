//! Every webhook delivery attempt, with the receiver's answer; a delivery can be sent again.

use std::collections::HashMap;

use super::super::engine::Pred;
use super::super::resource::{FilterKind, FilterValue};
use super::prelude::*;
use crate::db::schema::{events, webhook_deliveries, webhook_endpoints};
use crate::tasks::Task;

pub struct WebhookDeliveries;

fn status_cell(status: Option<i32>) -> Cell {
    match status {
        Some(s) if (200..300).contains(&s) => Cell::Status("done", format!("HTTP {s}")),
        Some(s) => Cell::Status("dead", format!("HTTP {s}")),
        None => Cell::Status("dead", "—".into()),
    }
}

/// A delivery as its list row shows it: without the payload and the receiver's answer.
#[derive(Queryable, Selectable)]
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

    fn key() -> Key<webhook_deliveries::table> {
        Key::of(webhook_deliveries::id)
    }
    fn id(row: &DeliveryRow) -> i64 {
        row.id
    }
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
        vec![Filter::new("url", "admin-field-url", FilterKind::Text, |value| match value {
            FilterValue::Text(op, v) => Some(Box::new(
                webhook_deliveries::endpoint_id.eq_any(
                    webhook_endpoints::table
                        .filter(crate::text_filter!(webhook_endpoints::url, *op, v))
                        .select(webhook_endpoints::id),
                ),
            ) as Pred<webhook_deliveries::table>),
            _ => None,
        })]
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
    fn default_sort(&self) -> (&'static str, Dir) {
        ("created_at", Dir::Desc)
    }
    fn context(
        &self,
        conn: &mut DbConn,
        rows: &[DeliveryRow],
    ) -> QueryResult<HashMap<i64, String>> {
        let ids: Vec<i64> = rows.iter().map(|d| d.endpoint_id).collect();
        Ok(webhook_endpoints::table
            .filter(webhook_endpoints::id.eq_any(ids))
            .select((webhook_endpoints::id, webhook_endpoints::url))
            .load::<(i64, String)>(conn)?
            .into_iter()
            .collect())
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

/// Sends delivery `id`'s event to its endpoint again (a new task; the receiver sees the same
/// `webhook-id`).
fn replay(conn: &mut DbConn, id: i64, a: &ActInput) -> Result<Done, AppError> {
    let (endpoint_id, event_id): (i64, i64) = webhook_deliveries::table
        .find(id)
        .select((webhook_deliveries::endpoint_id, webhook_deliveries::event_id))
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)?;
    let queued =
        crate::webhooks::deliver::DeliverWebhook { endpoint_id, event_id }.enqueue(conn)?;
    Ok(Done::notice(a.tr.t(match queued {
        Some(_) => "admin-webhook-replayed",
        None => "admin-webhook-replay-pending",
    })))
}
