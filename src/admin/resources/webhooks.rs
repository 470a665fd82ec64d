//! Webhook endpoints in the back office: where events go, which ones, the signing secret,
//! and the latest deliveries. Admins only.

use super::prelude::*;
use crate::db::schema::{events, webhook_deliveries, webhook_endpoints};

pub struct Webhooks;

/// A delivery in the endpoint's log: event id and kind, attempt, status, duration, error,
/// time.
type Delivered = (i64, String, i32, Option<i32>, i32, Option<String>, chrono::NaiveDateTime);

/// On or off, as a status badge (endpoints and feed sources).
pub(super) fn on_off(enabled: bool, tr: &Tr) -> Cell {
    if enabled {
        Cell::Status("done", tr.t("admin-webhook-on"))
    } else {
        Cell::Status("dead", tr.t("admin-webhook-off"))
    }
}

/// An endpoint as its list row shows it: without its secrets.
#[derive(Queryable, Selectable, Identifiable)]
#[diesel(table_name = webhook_endpoints)]
pub struct EndpointRow {
    id: i64,
    url: String,
    events: String,
    enabled: bool,
    created_at: chrono::NaiveDateTime,
}

impl Declaration for Webhooks {
    type Table = webhook_endpoints::table;
    type Row = EndpointRow;
    type Context = ();
    const NAME: &'static str = "webhooks";
    const AREA: Area = Area::Tasks;
    const TITLE: &'static str = "admin-nav-webhooks";
    const TABLE: &'static str = "webhook_endpoints";
    const DEFAULT_SORT: (&'static str, Dir) = ("created_at", Dir::Desc);

    fn columns(&self, c: &mut Columns<Self>) {
        c.link("url", "admin-field-url", |e| e.url.clone()).sorted_by(webhook_endpoints::url);
        c.text("events", "admin-field-events", |e| e.events.clone());
        c.with("enabled", "admin-field-status", |e, _, tr| on_off(e.enabled, tr));
        c.date_time("created_at", "admin-field-created-at", |e| Some(e.created_at))
            .sorted_by(webhook_endpoints::created_at);
    }
    fn filters(&self, _tr: &Tr) -> Vec<Filter<webhook_endpoints::table>> {
        vec![Filter::text("url", "admin-field-url", webhook_endpoints::url)]
    }
}

impl Resource for Webhooks {
    fn index_links(&self, _query: &str) -> Vec<(&'static str, String)> {
        vec![("admin-nav-webhook-deliveries", "/admin/webhook_deliveries".into())]
    }

    fn form(&self) -> Option<&'static dyn Form> {
        Some(&super::webhook_form::WebhookForm)
    }

    fn acts(&self) -> Vec<Act> {
        vec![
            Act::new("rotate-secret", Action::Update, super::webhook_actions::rotate_secret),
            Act::new("ping", Action::Update, super::webhook_actions::ping),
        ]
    }

    fn member_actions(&self, id: i64, _record: &Record) -> Vec<MemberAction> {
        vec![
            self.button(id, "ping", "admin-action-webhook-ping"),
            self.button(id, "rotate-secret", "admin-action-rotate-secret").confirmed(true),
        ]
    }
}

/// An endpoint as its show page reads it: with its secret.
#[derive(Queryable, Selectable)]
#[diesel(table_name = webhook_endpoints)]
pub struct Endpoint {
    id: i64,
    url: String,
    description: String,
    events: String,
    secret: String,
    enabled: bool,
}

impl Shows for Webhooks {
    type Detail = Endpoint;

    fn record(&self, conn: &mut DbConn, e: Endpoint, tr: &Tr) -> Result<Record, AppError> {
        let recent: Vec<Delivered> = webhook_deliveries::table
            .inner_join(events::table.on(events::id.eq(webhook_deliveries::event_id)))
            .filter(webhook_deliveries::endpoint_id.eq(e.id))
            .order(webhook_deliveries::id.desc())
            .limit(20)
            .select((
                webhook_deliveries::event_id,
                events::kind,
                webhook_deliveries::attempt,
                webhook_deliveries::status_code,
                webhook_deliveries::duration_ms,
                webhook_deliveries::error,
                webhook_deliveries::created_at,
            ))
            .load(conn)?;
        let log = recent
            .iter()
            .map(|(event, kind, attempt, status, ms, error, at)| {
                format!(
                    "{} · msg_{event} {kind} · {} · {} · {ms} ms{}",
                    tr.date_time(at),
                    tr.t1("task-attempt", "attempt", &attempt.to_string()),
                    status.map_or_else(|| "—".to_owned(), |s| format!("HTTP {s}")),
                    error.as_ref().map(|e| format!("\n  {e}")).unwrap_or_default()
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        Ok(Record::new(
            e.url.clone(),
            vec![
                Panel::new("admin-panel-webhook")
                    .text("admin-field-url", e.url)
                    .text("admin-field-description", e.description)
                    .text("admin-field-events", e.events)
                    .row("admin-field-status", on_off(e.enabled, tr))
                    .code("admin-field-secret", e.secret),
                Panel {
                    title: "admin-panel-deliveries",
                    rows: if log.is_empty() {
                        Vec::new()
                    } else {
                        vec![("admin-field-deliveries", Cell::Code(log))]
                    },
                },
            ],
        ))
    }
}
