//! Every webhook delivery attempt, with the receiver's answer; a delivery can be sent again.

use crate::admin::resource::Listing;
use actix_web::{HttpResponse, web};
use diesel::prelude::*;

use super::super::resource::{
    Cell, Column, Db, Dir, FilterDef, FilterKind, FilterValue, ListQuery, ListResult, MemberAction,
    Panel, Record, Resource, Row, ScopeDef,
};
use super::super::{AdminForm, CurrentAdmin, Flash};
use crate::auth::policy::{Action, Area};
use crate::db::DbConn;
use crate::db::schema::{events, webhook_deliveries, webhook_endpoints};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::tasks::Task;

pub struct WebhookDeliveries;

type Source = diesel::dsl::InnerJoin<webhook_deliveries::table, webhook_endpoints::table>;
type Boxed<'a> = diesel::dsl::IntoBoxed<'a, Source, Db>;

fn filtered<'a>(query: &ListQuery) -> Boxed<'a> {
    let mut q: Boxed<'a> = webhook_deliveries::table
        .inner_join(webhook_endpoints::table)
        .into_boxed();
    for (key, value) in &query.filters {
        if let ("url", FilterValue::Text(op, v)) = (*key, value) {
            q = q.filter(crate::text_filter!(webhook_endpoints::url, *op, v));
        }
    }
    if query.scope == "failed" {
        q = q.filter(
            webhook_deliveries::status_code
                .is_null()
                .or(webhook_deliveries::status_code.ge(300)),
        );
    }
    q
}

type Listed = (
    i64,
    i64,
    i64,
    String,
    i32,
    Option<i32>,
    i32,
    Option<String>,
    chrono::NaiveDateTime,
);

/// A delivery as its page shows it: endpoint id and URL, event kind, attempt, status,
/// duration, error, payload.
type Shown = (
    i64,
    String,
    String,
    i32,
    Option<i32>,
    i32,
    Option<String>,
    String,
);

fn status_cell(status: Option<i32>) -> Cell {
    match status {
        Some(s) if (200..300).contains(&s) => Cell::Status("done", format!("HTTP {s}")),
        Some(s) => Cell::Status("dead", format!("HTTP {s}")),
        None => Cell::Status("dead", "—".into()),
    }
}

impl Listing for WebhookDeliveries {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::sortable("created_at", "admin-field-when"),
            Column::plain("url", "admin-field-url"),
            Column::plain("event", "admin-field-event"),
            Column::plain("attempt", "admin-field-attempts"),
            Column::plain("status", "admin-field-status"),
            Column::plain("duration", "admin-field-duration"),
            Column::plain("error", "admin-field-last-error"),
        ]
    }

    fn filters(&self, _tr: &Tr) -> Vec<FilterDef> {
        vec![FilterDef::new("url", "admin-field-url", FilterKind::Text)]
    }

    fn scopes(&self) -> Vec<ScopeDef> {
        vec![
            ScopeDef::new("all", "admin-scope-all"),
            ScopeDef::new("failed", "admin-scope-failed"),
        ]
    }

    fn default_sort(&self) -> (&'static str, Dir) {
        ("created_at", Dir::Desc)
    }

    fn list(
        &self,
        conn: &mut DbConn,
        query: &ListQuery,
        tr: &Tr,
        _counts: Option<Vec<i64>>,
    ) -> Result<ListResult, AppError> {
        let mut all_query = query.clone();
        all_query.scope = "all";
        let all: i64 = filtered(&all_query).count().get_result(conn)?;
        let mut failed_query = query.clone();
        failed_query.scope = "failed";
        let failed: i64 = filtered(&failed_query).count().get_result(conn)?;
        let q = match query.dir {
            Dir::Asc => filtered(query).order(webhook_deliveries::id.asc()),
            Dir::Desc => filtered(query).order(webhook_deliveries::id.desc()),
        };
        let rows: Vec<Listed> = q
            .select((
                webhook_deliveries::id,
                webhook_deliveries::endpoint_id,
                webhook_deliveries::event_id,
                webhook_endpoints::url,
                webhook_deliveries::attempt,
                webhook_deliveries::status_code,
                webhook_deliveries::duration_ms,
                webhook_deliveries::error,
                webhook_deliveries::created_at,
            ))
            .limit(query.per_page as i64)
            .offset(query.offset())
            .load(conn)?;
        Ok(ListResult {
            rows: rows
                .into_iter()
                .map(
                    |(id, endpoint, event, url, attempt, status, ms, error, at)| Row {
                        id,
                        cells: vec![
                            Cell::Link(
                                tr.date_time(&at),
                                format!("/admin/webhook_deliveries/{id}"),
                            ),
                            Cell::Link(url, format!("/admin/webhooks/{endpoint}")),
                            Cell::Text(format!("msg_{event}")),
                            Cell::Number(Some(attempt as i64)),
                            status_cell(status),
                            Cell::Text(format!("{ms} ms")),
                            Cell::Text(error.unwrap_or_default().chars().take(80).collect()),
                        ],
                    },
                )
                .collect(),
            scope_counts: vec![all, failed],
        })
    }
}

impl Resource for WebhookDeliveries {
    fn name(&self) -> &'static str {
        "webhook_deliveries"
    }

    fn area(&self) -> Area {
        Area::Tasks
    }

    fn title(&self) -> &'static str {
        "admin-nav-webhook-deliveries"
    }

    fn show(&self, conn: &mut DbConn, id: i64, _tr: &Tr) -> Result<Option<Record>, AppError> {
        let found: Option<Shown> = webhook_deliveries::table
            .inner_join(webhook_endpoints::table)
            .inner_join(events::table.on(events::id.eq(webhook_deliveries::event_id)))
            .filter(webhook_deliveries::id.eq(id))
            .select((
                webhook_deliveries::endpoint_id,
                webhook_endpoints::url,
                events::kind,
                webhook_deliveries::attempt,
                webhook_deliveries::status_code,
                webhook_deliveries::duration_ms,
                webhook_deliveries::error,
                events::payload,
            ))
            .first(conn)
            .optional()?;
        let Some((endpoint, url, kind, attempt, status, ms, error, payload)) = found else {
            return Ok(None);
        };
        let payload = serde_json::from_str::<serde_json::Value>(&payload)
            .and_then(|v| serde_json::to_string_pretty(&v))
            .unwrap_or(payload);
        Ok(Some(Record {
            label: format!("{kind} → {url}"),
            public_url: None,
            status: None,
            panels: vec![
                Panel {
                    title: "admin-panel-delivery",
                    rows: vec![
                        (
                            "admin-field-url",
                            Cell::Link(url, format!("/admin/webhooks/{endpoint}")),
                        ),
                        ("admin-field-event", Cell::Text(kind)),
                        ("admin-field-attempts", Cell::Number(Some(attempt as i64))),
                        ("admin-field-status", status_cell(status)),
                        ("admin-field-duration", Cell::Text(format!("{ms} ms"))),
                        (
                            "admin-field-last-error",
                            Cell::Text(error.unwrap_or_default()),
                        ),
                    ],
                },
                Panel {
                    title: "admin-panel-arguments",
                    rows: vec![("admin-field-payload", Cell::Code(payload))],
                },
            ],
        }))
    }

    fn member_actions(&self, id: i64, _record: &Record) -> Vec<MemberAction> {
        vec![MemberAction {
            label: "admin-action-replay",
            url: format!("/admin/webhook_deliveries/{id}/replay"),
            fields: Vec::new(),
            needs: Action::Update,
            confirm: false,
            emphasis: super::super::resource::Emphasis::Normal,
            input: None,
        }]
    }
}

#[derive(serde::Deserialize)]
pub struct Empty {}

/// `POST /admin/webhook_deliveries/{id}/replay`: sends the delivery's event to its endpoint
/// again (a new task; the receiver sees the same `webhook-id`).
pub async fn replay(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
    _form: AdminForm<Empty>,
) -> Result<HttpResponse, AppError> {
    admin.require(Area::Tasks, Action::Update)?;
    let id: i64 = path.parse().map_err(|_| AppError::NotFound)?;
    let queued = crate::web::with_conn(&state, move |conn| {
        let (endpoint_id, event_id): (i64, i64) = webhook_deliveries::table
            .filter(webhook_deliveries::id.eq(id))
            .select((
                webhook_deliveries::endpoint_id,
                webhook_deliveries::event_id,
            ))
            .first(conn)
            .optional()?
            .ok_or(AppError::NotFound)?;
        Ok(crate::webhooks::deliver::DeliverWebhook {
            endpoint_id,
            event_id,
        }
        .enqueue(conn)?
        .is_some())
    })
    .await?;
    let tr = admin.tr;
    Flash::notice(
        &admin.session,
        tr.t(if queued {
            "admin-webhook-replayed"
        } else {
            "admin-webhook-replay-pending"
        }),
    );
    Ok(crate::web::see_other(&format!(
        "/admin/webhook_deliveries/{id}"
    )))
}
