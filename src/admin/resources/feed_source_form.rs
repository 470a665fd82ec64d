//! The feed source's form: the feed's address and format, the company and language of its
//! postings, how often it is fetched, and whether its new postings go live at once.

use super::forms::locale_options;
use super::prelude::*;
use crate::db::schema::{feed_sources, import_refs};
use crate::feed_sources::{FeedFormat, SCHEDULES};
use crate::webhooks::guard;

pub struct FeedSourceForm;

/// A source as its form edits it.
#[derive(Clone)]
pub struct SourceDraft {
    company_id: i64,
    url: String,
    format: String,
    locale: Locale,
    /// Hours between fetches, one of [`SCHEDULES`].
    every_hours: String,
    publish: bool,
    enabled: bool,
}

/// The schedules as the select offers them: the hours, as text that lives as long as the
/// program.
const SCHEDULE_CODES: [&str; 5] = ["1", "3", "6", "12", "24"];

impl DraftForm for FeedSourceForm {
    type Draft = SourceDraft;
    type Text = ();

    fn declare(&self, tr: &Tr, f: &mut Fields<Self>) {
        let formats = FeedFormat::ALL.iter().map(|f| (f.as_str(), tr.t(f.label()))).collect();
        let schedules = SCHEDULE_CODES
            .iter()
            .zip(SCHEDULES)
            .map(|(code, hours)| (*code, super::feed_sources::schedule_label(hours, tr)))
            .collect();
        let publish = vec![("on", tr.t("feed-publish-on")), ("off", tr.t("feed-publish-off"))];
        let states = vec![("on", tr.t("admin-webhook-on")), ("off", tr.t("admin-webhook-off"))];
        f.association("company", "admin-field-company", "companies", |d| &mut d.company_id)
            .required();
        f.of("url", "admin-field-url", FieldKind::Url, |d| &mut d.url)
            .required()
            .max(2000)
            .hint("admin-hint-feed-url");
        f.select("format", "admin-field-feed-format", formats, |d| &mut d.format).required();
        f.select("locale", "admin-field-language", locale_options(), |d| &mut d.locale)
            .required()
            .hint("admin-hint-feed-language");
        f.select("every_hours", "admin-field-schedule", schedules, |d| &mut d.every_hours)
            .required();
        f.select("publish", "admin-field-feed-publish", publish, |d| &mut d.publish).required();
        f.select("enabled", "admin-field-status", states, |d| &mut d.enabled).required();
    }

    fn new_draft(&self, tr: &Tr) -> SourceDraft {
        SourceDraft {
            company_id: 0,
            url: String::new(),
            format: FeedFormat::Greenhouse.as_str().to_owned(),
            locale: tr.locale,
            every_hours: "6".to_owned(),
            publish: true,
            enabled: true,
        }
    }

    fn read(&self, conn: &mut DbConn, id: i64) -> Result<Option<Read<SourceDraft>>, AppError> {
        type Stored = (i64, String, String, String, i32, bool, bool, chrono::NaiveDateTime);
        let found: Option<Stored> = feed_sources::table
            .filter(feed_sources::id.eq(id))
            .select((
                feed_sources::company_id,
                feed_sources::url,
                feed_sources::format,
                feed_sources::locale,
                feed_sources::every_hours,
                feed_sources::publish,
                feed_sources::enabled,
                feed_sources::updated_at,
            ))
            .first(conn)
            .optional()?;
        Ok(found.map(|(company_id, url, format, locale, hours, publish, enabled, updated)| Read {
            label: url.clone(),
            draft: SourceDraft {
                company_id,
                url,
                format,
                locale: Locale::parse(&locale).unwrap_or_default(),
                every_hours: hours.to_string(),
                publish,
                enabled,
            },
            text_updated_at: updated,
            translated_from: Vec::new(),
            previews: Default::default(),
        }))
    }

    /// The address must be one the server may fetch: public, as webhooks' are.
    fn check(
        &self,
        _conn: &mut DbConn,
        draft: &mut SourceDraft,
        _old: Option<(i64, &SourceDraft)>,
        _editor: &crate::admin::resource::Editor,
    ) -> Result<Vec<FieldError>, AppError> {
        let mut errors = Vec::new();
        if let Err(refusal) = guard::check(&draft.url, &guard::SystemResolver, &guard::allow_list())
        {
            errors.push(FieldError::new("url", refusal.message).with("detail", refusal.detail));
        }
        Ok(errors)
    }

    fn write(
        &self,
        conn: &mut DbConn,
        draft: &SourceDraft,
        over: Option<Over<'_, SourceDraft>>,
        _editor: &crate::admin::resource::Editor,
    ) -> Result<i64, AppError> {
        let now = crate::db::now();
        let hours: i32 = draft.every_hours.parse().unwrap_or(6);
        let values = (
            feed_sources::company_id.eq(draft.company_id),
            feed_sources::url.eq(&draft.url),
            feed_sources::format.eq(&draft.format),
            feed_sources::locale.eq(draft.locale.as_str()),
            feed_sources::every_hours.eq(hours),
            feed_sources::publish.eq(draft.publish),
            feed_sources::enabled.eq(draft.enabled),
            feed_sources::updated_at.eq(now),
        );
        let Some(Over { id, .. }) = over else {
            // A new source is fetched at the scheduler's next round.
            diesel::insert_into(feed_sources::table)
                .values((
                    values,
                    feed_sources::next_run_at.eq(now),
                    feed_sources::created_at.eq(now),
                ))
                .execute(conn)?;
            return Ok(crate::db::dialect::last_insert_id(conn, "feed_sources")?);
        };
        diesel::update(feed_sources::table.filter(feed_sources::id.eq(id)))
            .set(values)
            .execute(conn)?;
        Ok(id)
    }

    fn delete(&self, conn: &mut DbConn, id: i64) -> Result<Deleted, AppError> {
        // Its postings stay on the board, as anything an admin made would; their references
        // go with the source.
        let source = crate::feed_sources::FeedSource::refs_source(id);
        diesel::delete(import_refs::table.filter(import_refs::source.eq(source))).execute(conn)?;
        Ok(Deleted::from_rows(
            diesel::delete(feed_sources::table.filter(feed_sources::id.eq(id))).execute(conn)?,
        ))
    }
}
