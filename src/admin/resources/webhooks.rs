//! Webhook endpoints in the back office: where events go, which ones, the signing secret,
//! and the latest deliveries. Admins only.

use super::super::fields::list_items;
use super::prelude::*;
use crate::db::schema::{events, webhook_deliveries, webhook_endpoints};
use crate::models::event::EventKind;
use crate::webhooks::guard;

pub struct Webhooks;
pub struct WebhookForm;

/// A delivery in the endpoint's log: event id and kind, attempt, status, duration, error,
/// time.
type Delivered = (i64, String, i32, Option<i32>, i32, Option<String>, chrono::NaiveDateTime);

fn on_off(enabled: bool, tr: &Tr) -> Cell {
    if enabled {
        Cell::Status("done", tr.t("admin-webhook-on"))
    } else {
        Cell::Status("dead", tr.t("admin-webhook-off"))
    }
}

/// An endpoint as its list row shows it: without its secrets.
#[derive(Queryable, Selectable)]
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

    fn key() -> Key<webhook_endpoints::table> {
        Key::of(webhook_endpoints::id)
    }
    fn id(row: &EndpointRow) -> i64 {
        row.id
    }
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
    fn default_sort(&self) -> (&'static str, Dir) {
        ("created_at", Dir::Desc)
    }
}

impl Resource for Webhooks {
    fn index_links(&self, _query: &str) -> Vec<(&'static str, String)> {
        vec![("admin-nav-webhook-deliveries", "/admin/webhook_deliveries".into())]
    }

    fn form(&self) -> Option<&'static dyn Form> {
        Some(&WebhookForm)
    }

    fn acts(&self) -> Vec<Act> {
        vec![Act::new("rotate-secret", Action::Update, rotate_secret)]
    }

    fn member_actions(&self, id: i64, _record: &Record) -> Vec<MemberAction> {
        vec![self.button(id, "rotate-secret", "admin-action-rotate-secret").confirmed(true)]
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

/// An endpoint as its form edits it.
#[derive(Clone)]
pub struct EndpointDraft {
    url: String,
    description: String,
    /// Event kinds, or `*` for all.
    events: Vec<String>,
    enabled: bool,
}

impl DraftForm for WebhookForm {
    type Draft = EndpointDraft;
    type Text = ();

    fn declare(&self, tr: &Tr, f: &mut Fields<Self>) {
        let states = vec![("on", tr.t("admin-webhook-on")), ("off", tr.t("admin-webhook-off"))];
        f.of("url", "admin-field-url", FieldKind::Url, |d| &mut d.url)
            .required()
            .max(2000)
            .hint("admin-hint-webhook-url");
        f.text("description", "admin-field-description", |d| &mut d.description).max(200);
        f.of("events", "admin-field-events", FieldKind::List, |d| &mut d.events)
            .required()
            .hint("admin-hint-webhook-events");
        f.select("enabled", "admin-field-status", states, |d| &mut d.enabled).required();
    }

    fn new_draft(&self, _tr: &Tr) -> EndpointDraft {
        let events = vec!["*".to_owned()];
        EndpointDraft { url: String::new(), description: String::new(), events, enabled: true }
    }

    fn read(&self, conn: &mut DbConn, id: i64) -> Result<Option<Read<EndpointDraft>>, AppError> {
        let found: Option<(String, String, String, bool, chrono::NaiveDateTime)> =
            webhook_endpoints::table
                .filter(webhook_endpoints::id.eq(id))
                .select((
                    webhook_endpoints::url,
                    webhook_endpoints::description,
                    webhook_endpoints::events,
                    webhook_endpoints::enabled,
                    webhook_endpoints::created_at,
                ))
                .first(conn)
                .optional()?;
        Ok(found.map(|(url, description, subscribed, enabled, created)| Read {
            label: url.clone(),
            draft: EndpointDraft { url, description, events: list_items(&subscribed), enabled },
            text_updated_at: created,
            translated_from: Vec::new(),
            previews: Default::default(),
        }))
    }

    /// The address must be one the server may call, and each event kind one it sends.
    fn check(
        &self,
        _conn: &mut DbConn,
        draft: &mut EndpointDraft,
        _old: Option<(i64, &EndpointDraft)>,
    ) -> Result<Vec<FieldError>, AppError> {
        let mut errors = Vec::new();
        if let Err(refusal) = guard::check(&draft.url, &guard::SystemResolver, &guard::allow_list())
        {
            errors.push(FieldError::new("url", refusal.message).with("detail", refusal.detail));
        }
        if let Some(bad) = draft.events.iter().find(|k| *k != "*" && EventKind::parse(k).is_none())
        {
            errors.push(FieldError::new("events", "admin-error-event-kind").with("kind", bad));
        }
        Ok(errors)
    }

    fn write(
        &self,
        conn: &mut DbConn,
        draft: &EndpointDraft,
        over: Option<Over<'_, EndpointDraft>>,
    ) -> Result<i64, AppError> {
        let subscribed = draft.events.join(",");
        let Some(Over { id, .. }) = over else {
            let id = crate::webhooks::endpoint::create(
                conn,
                &draft.url,
                &subscribed,
                &draft.description,
            )?;
            if !draft.enabled {
                diesel::update(webhook_endpoints::table.filter(webhook_endpoints::id.eq(id)))
                    .set(webhook_endpoints::enabled.eq(false))
                    .execute(conn)?;
            }
            return Ok(id);
        };
        diesel::update(webhook_endpoints::table.filter(webhook_endpoints::id.eq(id)))
            .set((
                webhook_endpoints::url.eq(&draft.url),
                webhook_endpoints::description.eq(&draft.description),
                webhook_endpoints::events.eq(&subscribed),
                webhook_endpoints::enabled.eq(draft.enabled),
                webhook_endpoints::updated_at.eq(crate::db::now()),
            ))
            .execute(conn)?;
        Ok(id)
    }

    fn delete(&self, conn: &mut DbConn, id: i64) -> Result<Deleted, AppError> {
        Ok(Deleted::from_rows(
            diesel::delete(webhook_endpoints::table.filter(webhook_endpoints::id.eq(id)))
                .execute(conn)?,
        ))
    }
}

/// A new signing secret for endpoint `id`; the old one signs beside it for a day, so the
/// receiver can switch without losing deliveries. Audited (without the secrets).
fn rotate_secret(conn: &mut DbConn, id: i64, a: &ActInput) -> Result<Done, AppError> {
    use crate::models::audit::{self, Change};
    let url: String = webhook_endpoints::table
        .find(id)
        .select(webhook_endpoints::url)
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)?;
    crate::webhooks::endpoint::rotate_secret(conn, id, crate::db::now())?;
    audit::record(
        conn,
        a.actor,
        "update",
        "webhooks",
        id,
        &url,
        &[Change::new("secret", None, None)],
    )?;
    Ok(Done::notice(a.tr.t("admin-webhook-secret-rotated")))
}
