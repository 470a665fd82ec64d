//! The back office's resources, one file each. `find` maps a URL segment to its declaration.

pub mod admin_user_actions;
pub mod admin_user_form;
pub mod admin_users;
pub mod alert_actions;
pub mod alerts;
pub mod api_token_actions;
pub mod api_token_form;
pub mod api_tokens;
pub mod applications;
pub mod audit_log;
pub mod comments;
pub mod companies;
pub mod company_form;
pub mod company_scope;
pub mod data_requests;
pub mod feed_source_actions;
pub mod feed_source_form;
pub mod feed_sources;
pub mod forms;
pub mod imports;
pub mod job_actions;
pub mod job_form;
pub mod jobs;
pub mod outbox;
pub mod place_form;
pub mod places;
pub mod prelude;
pub mod skill_actions;
pub mod skill_form;
pub mod skills;
pub mod tasks;
pub mod webhook_actions;
pub mod webhook_deliveries;
pub mod webhook_delivery_actions;
pub mod webhook_form;
pub mod webhooks;

use diesel::prelude::*;
use diesel::sql_types::Text;

use super::resource::{Cell, Panel, Resource};
use crate::db::schema::jobs as postings;
use crate::i18n::Tr;

/// Every resource with an index page, in navigation order.
pub static ALL: [&dyn Resource; 17] = [
    &jobs::Jobs,
    &companies::Companies,
    &skills::Skills,
    &places::Places,
    &applications::Applications,
    &comments::Comments,
    &audit_log::AuditLog,
    &admin_users::AdminUsers,
    &data_requests::DataRequests,
    &alerts::Alerts,
    &tasks::Tasks,
    &outbox::Outbox,
    &webhooks::Webhooks,
    &webhook_deliveries::WebhookDeliveries,
    &feed_sources::FeedSources,
    &imports::Imports,
    &api_tokens::ApiTokens,
];

pub fn find(name: &str) -> Option<&'static dyn Resource> {
    ALL.iter().copied().find(|r| r.name() == name)
}

/// The resources comments and audit entries are about: (name, Fluent id of its title).
const AUDITED: [(&str, &str); 8] = [
    ("jobs", "admin-nav-jobs"),
    ("companies", "admin-nav-companies"),
    ("skills", "admin-nav-skills"),
    ("places", "admin-nav-places"),
    ("applications", "admin-nav-applications"),
    ("admin_users", "admin-nav-admin-users"),
    ("api_tokens", "admin-nav-api-tokens"),
    ("translations", "admin-nav-translations"),
];

/// A commented or audited resource's title, for lists and filters.
pub(crate) fn audited_label(tr: &Tr, resource: &str) -> String {
    AUDITED
        .iter()
        .find(|(k, _)| *k == resource)
        .map_or_else(|| resource.to_owned(), |(_, l)| tr.t(l))
}

/// An audited record as a cell: its name, linked unless it was deleted. A message is named by
/// its language and id (`de/jobs-count`), everything else by its row.
pub(crate) fn audited_record(
    action: &str,
    resource: &str,
    id: i64,
    label: &str,
) -> crate::admin::resource::Cell {
    use crate::admin::resource::Cell;
    match (action, resource) {
        ("delete", _) => Cell::Text(label.to_owned()),
        (_, "translations") => Cell::Link(label.to_owned(), format!("/admin/translations/{label}")),
        _ => Cell::Link(label.to_owned(), format!("/admin/{resource}/{id}")),
    }
}

/// The choices of a filter by commented or audited resource.
pub(crate) fn audited_options(tr: &Tr) -> Vec<(&'static str, String)> {
    AUDITED.iter().map(|(k, l)| (*k, tr.t(l))).collect()
}

diesel::define_sql_function! {
    /// SQL `lower()`: text filters ignore case on every backend.
    fn lower(x: Text) -> Text;
}

/// `lower(column) LIKE pattern ESCAPE '\'`: a text filter on `column`, ignoring case.
#[macro_export]
macro_rules! text_filter {
    ($column:expr, $op:expr, $value:expr) => {{
        use diesel::{EscapeExpressionMethods, TextExpressionMethods};
        $crate::admin::resources::lower($column)
            .like($op.pattern(&$value.to_lowercase()))
            .escape('\\')
    }};
}

/// A text filter on a related record: the rows whose `$fk` is the id of a `$table` row whose
/// `$column` matches, in a subquery.
/// `related_text!("url", "admin-field-url", webhook_deliveries::endpoint_id, webhook_endpoints::url)`.
macro_rules! related_text {
    ($key:expr, $label:expr, $fk:expr, $table:ident :: $column:ident) => {
        $crate::admin::engine::Filter::new(
            $key,
            $label,
            $crate::admin::resource::FilterKind::Text,
            move |value| match value {
                $crate::admin::resource::FilterValue::Text(op, v) => Some(Box::new(
                    $fk.eq_any(
                        $table::table
                            .filter($crate::text_filter!($table::$column, *op, v))
                            .select($table::id),
                    ),
                )
                    as $crate::admin::engine::Pred<_>),
                _ => None,
            },
        )
    };
}
pub(super) use related_text;

/// `$column` of the `$table` rows whose ids `$ids` yields, by id: what a page's cells show of
/// the records its rows point at, in one query. `names_by_id!(conn, ids, admin_users::email)`.
macro_rules! names_by_id {
    ($conn:expr, $ids:expr, $table:ident :: $column:ident) => {{
        let ids: Vec<i64> = $ids.collect();
        Ok($table::table
            .filter($table::id.eq_any(ids))
            .select(($table::id, $table::$column))
            .load::<(i64, String)>($conn)?
            .into_iter()
            .collect())
    }};
}
pub(super) use names_by_id;

/// The translation states of a page of `rows` (each with `id`, `original_locale`,
/// `text_updated_at` and `created_at`) whose translations are in `$table`, joined by `$record`:
/// one query. `translations!(conn, rows, job_translations, job_id)`.
macro_rules! translations {
    ($conn:expr, $rows:expr, $table:ident, $record:ident) => {{
        use crate::db::schema::$table;
        let records: Vec<_> = $rows
            .iter()
            .map(|r| (r.id, r.original_locale.clone(), r.text_updated_at, r.created_at))
            .collect();
        let stored: Vec<(i64, String, chrono::NaiveDateTime)> = $table::table
            .filter($table::$record.eq_any($rows.iter().map(|r| r.id)))
            .select(($table::$record, $table::locale, $table::source_updated_at))
            .load($conn)?;
        Ok($crate::admin::resources::translation_states(&records, &stored))
    }};
}
pub(crate) use translations;

/// Each record's translations against its original, for the list's translation column: every
/// language but the original, missing, out of date or up to date. `records` are (id, original
/// language, when the original text last changed); `stored` the translations of those records:
/// (record id, language, the original's time it was made from).
pub(crate) fn translation_states(
    records: &[(i64, String, Option<chrono::NaiveDateTime>, chrono::NaiveDateTime)],
    stored: &[(i64, String, chrono::NaiveDateTime)],
) -> std::collections::HashMap<i64, Vec<(crate::i18n::Locale, super::fields::TranslationState)>> {
    use crate::i18n::Locale;
    let made_from: std::collections::HashMap<(i64, &str), chrono::NaiveDateTime> =
        stored.iter().map(|(record, locale, at)| ((*record, locale.as_str()), *at)).collect();
    records
        .iter()
        .map(|(id, original, text_updated_at, created)| {
            let changed = text_updated_at.unwrap_or(*created);
            let states = Locale::all()
                .iter()
                .copied()
                .filter(|l| l.as_str() != original)
                .map(|locale| {
                    let from = made_from.get(&(*id, locale.as_str())).copied();
                    (locale, super::fields::TranslationState::of(from, changed))
                })
                .collect();
            (*id, states)
        })
        .collect()
}

/// A show page's panel of the postings `which` selects, the 50 last changed first: each links
/// to the posting, with its status.
pub(super) fn postings_panel(
    conn: &mut crate::db::DbConn,
    which: super::engine::Pred<postings::table>,
    tr: &Tr,
) -> diesel::QueryResult<Panel> {
    let postings: Vec<(i64, String, crate::models::JobStatus)> = postings::table
        .filter(which)
        .order((postings::updated_at.desc(), postings::id.desc()))
        .limit(50)
        .select((postings::id, postings::title, postings::status))
        .load(conn)?;
    let rows = postings
        .into_iter()
        .map(|(id, title, status)| {
            let label = format!("{title} · {}", tr.t(status.label_key()));
            ("admin-field-posting", Cell::Link(label, format!("/admin/jobs/{id}")))
        })
        .collect();
    Ok(Panel { title: "admin-panel-postings", rows })
}

#[cfg(test)]
mod tests {
    /// Lines of code in `src/admin/resources/{file}.rs`: neither blank nor comments.
    fn code_lines(file: &str) -> usize {
        let path = format!("{}/src/admin/resources/{file}.rs", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("//")).count()
    }

    /// The engine does the work and a resource declares what it lists and shows: its file
    /// (named after it; forms and actions have their own) stays short. A new resource that
    /// copies the pipeline instead of declaring it shows here.
    #[test]
    fn declarations_stay_short() {
        let mut lines: Vec<(usize, &str)> =
            super::ALL.iter().map(|r| (code_lines(r.name()), r.name())).collect();
        lines.sort();
        let middle = lines.len() / 2;
        let median = (lines[middle - 1].0 + lines[middle].0) as f64 / 2.0;
        assert!(median <= 120.0, "median declaration {median} lines: {lines:?}");
        let postings: usize = ["jobs", "job_form", "job_actions"].map(code_lines).iter().sum();
        assert!(postings <= 500, "postings take {postings} lines");
    }
}
