//! Partners' feeds in the back office: where a company's postings come from, in which format
//! and language, how often, and the log of the latest runs. Admins only.

use super::prelude::*;
use super::webhooks::on_off;
use crate::db::schema::{companies, feed_sources};
use crate::feed_sources::{FeedFormat, FeedRun};

pub struct FeedSources;

/// Runs shown on a source's page.
const SHOWN_RUNS: i64 = 20;

fn format_label(format: &str, tr: &Tr) -> String {
    FeedFormat::parse(format).map_or_else(|| format.to_owned(), |f| tr.t(f.label()))
}

/// "every 6 hours", in the admin's language.
pub(super) fn schedule_label(hours: i32, tr: &Tr) -> String {
    tr.tn("feed-every-hours", i64::from(hours))
}

#[derive(Queryable, Selectable, Identifiable)]
#[diesel(table_name = feed_sources)]
pub struct SourceRow {
    id: i64,
    url: String,
    format: String,
    every_hours: i32,
    enabled: bool,
    next_run_at: chrono::NaiveDateTime,
}

impl Declaration for FeedSources {
    type Table = feed_sources::table;
    type Row = SourceRow;
    type Context = ();
    const NAME: &'static str = "feed_sources";
    const AREA: Area = Area::Tasks;
    const TITLE: &'static str = "admin-nav-feed-sources";
    const TABLE: &'static str = "feed_sources";
    const DEFAULT_SORT: (&'static str, Dir) = ("next_run_at", Dir::Asc);

    fn columns(&self, c: &mut Columns<Self>) {
        c.link("url", "admin-field-url", |s| s.url.clone()).sorted_by(feed_sources::url);
        c.with("format", "admin-field-feed-format", |s, _, tr| {
            Cell::Text(format_label(&s.format, tr))
        });
        c.with("every_hours", "admin-field-schedule", |s, _, tr| {
            Cell::Text(schedule_label(s.every_hours, tr))
        });
        c.with("enabled", "admin-field-status", |s, _, tr| on_off(s.enabled, tr));
        c.date_time("next_run_at", "admin-field-next-run", |s| Some(s.next_run_at))
            .sorted_by(feed_sources::next_run_at);
    }

    fn filters(&self, _tr: &Tr) -> Vec<Filter<feed_sources::table>> {
        vec![Filter::text("url", "admin-field-url", feed_sources::url)]
    }
}

impl Resource for FeedSources {
    fn form(&self) -> Option<&'static dyn Form> {
        Some(&super::feed_source_form::FeedSourceForm)
    }

    fn acts(&self) -> Vec<Act> {
        vec![Act::new("fetch", Action::Update, super::feed_source_actions::fetch_now)]
    }

    fn member_actions(&self, id: i64, _record: &Record) -> Vec<MemberAction> {
        vec![self.button(id, "fetch", "admin-action-feed-fetch")]
    }
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = feed_sources)]
pub struct Source {
    id: i64,
    company_id: i64,
    url: String,
    format: String,
    locale: String,
    every_hours: i32,
    publish: bool,
    enabled: bool,
    next_run_at: chrono::NaiveDateTime,
}

/// A run as a line of the log: when, how it went, how long, what it did; then why it failed
/// or which postings were refused.
fn run_line(run: &FeedRun, tr: &Tr) -> String {
    let state = if run.ok { tr.t("feed-run-ok") } else { tr.t("feed-run-failed") };
    let mut line = format!("{} · {state} · {} ms", tr.date_time(&run.started_at), run.duration_ms);
    if run.ok {
        let counts = [
            tr.tn("feed-count-postings", i64::from(run.postings)),
            tr.tn("import-count-created", i64::from(run.created_count)),
            tr.tn("import-count-updated", i64::from(run.updated_count)),
            tr.tn("import-count-unchanged", i64::from(run.unchanged_count)),
            tr.tn("feed-count-closed", i64::from(run.closed_count)),
            tr.tn("import-count-failed", i64::from(run.failed_count)),
        ];
        line.push_str(&format!(" · {}", counts.join(", ")));
    }
    if let Some(error) = run.error() {
        line.push_str(&format!("\n  {}", error.text(tr)));
    }
    for refused in run.failures() {
        line.push_str(&format!("\n  {}: {}", refused.reference, refused.reasons.join("; ")));
    }
    line
}

impl Shows for FeedSources {
    type Detail = Source;

    fn record(&self, conn: &mut DbConn, s: Source, tr: &Tr) -> Result<Record, AppError> {
        let company: Option<String> =
            companies::table.find(s.company_id).select(companies::name).first(conn).optional()?;
        let runs = FeedRun::latest(conn, s.id, SHOWN_RUNS)?;
        let log = runs.iter().map(|r| run_line(r, tr)).collect::<Vec<_>>().join("\n");
        let language =
            Locale::parse(&s.locale).map_or(s.locale.clone(), |l| l.native_name().to_owned());
        let publish = if s.publish { "feed-publish-on" } else { "feed-publish-off" };
        Ok(Record::new(
            s.url.clone(),
            vec![
                Panel::new("admin-panel-feed-source")
                    .text("admin-field-url", s.url)
                    .row(
                        "admin-field-company",
                        Cell::Link(
                            company.unwrap_or_default(),
                            format!("/admin/companies/{}", s.company_id),
                        ),
                    )
                    .text("admin-field-feed-format", format_label(&s.format, tr))
                    .text("admin-field-language", language)
                    .text("admin-field-schedule", schedule_label(s.every_hours, tr))
                    .text("admin-field-feed-publish", tr.t(publish))
                    .row("admin-field-status", on_off(s.enabled, tr))
                    .date_time("admin-field-next-run", s.next_run_at),
                Panel {
                    title: "admin-panel-feed-runs",
                    rows: if log.is_empty() {
                        Vec::new()
                    } else {
                        vec![("admin-field-feed-runs", Cell::Code(log))]
                    },
                },
            ],
        ))
    }
}
