//! The webhook endpoint's form: where events go and which ones.

use super::super::fields::list_items;
use super::prelude::*;
use crate::db::schema::webhook_endpoints;
use crate::models::event::EventKind;
use crate::webhooks::guard;

pub struct WebhookForm;

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

    /// The address must be one the server may call, each event kind one it sends, and a new
    /// endpoint within the board's number of them.
    fn check(
        &self,
        conn: &mut DbConn,
        draft: &mut EndpointDraft,
        old: Option<(i64, &EndpointDraft)>,
        _editor: &crate::admin::resource::Editor,
    ) -> Result<Vec<FieldError>, AppError> {
        let mut errors = Vec::new();
        let max = crate::webhooks::endpoint::MAX_ENDPOINTS;
        if old.is_none() && webhook_endpoints::table.count().get_result::<i64>(conn)? >= max {
            errors.push(
                FieldError::new("url", "admin-error-webhook-limit").with("max", max.to_string()),
            );
        }
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
        _editor: &crate::admin::resource::Editor,
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
