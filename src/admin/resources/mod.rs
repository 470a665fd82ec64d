//! The back office's resources, one file each. `find` maps a URL segment to its declaration.

pub mod admin_user_actions;
pub mod admin_user_form;
pub mod admin_users;
pub mod alerts;
pub mod applications;
pub mod audit_log;
pub mod comments;
pub mod companies;
pub mod company_form;
pub mod forms;
pub mod job_actions;
pub mod job_form;
pub mod jobs;
pub mod outbox;
pub mod prelude;
pub mod skill_form;
pub mod skills;
pub mod tasks;
pub mod webhook_deliveries;
pub mod webhooks;

use diesel::sql_types::Text;

use super::resource::{Cell, Resource};
use crate::i18n::Tr;

/// Every resource with an index page, in navigation order.
pub static ALL: [&dyn Resource; 12] = [
    &jobs::Jobs,
    &companies::Companies,
    &skills::Skills,
    &applications::Applications,
    &comments::Comments,
    &audit_log::AuditLog,
    &admin_users::AdminUsers,
    &alerts::Alerts,
    &tasks::Tasks,
    &outbox::Outbox,
    &webhooks::Webhooks,
    &webhook_deliveries::WebhookDeliveries,
];

pub fn find(name: &str) -> Option<&'static dyn Resource> {
    ALL.iter().copied().find(|r| r.name() == name)
}

/// The resources comments and audit entries are about: (name, Fluent id of its title).
const AUDITED: [(&str, &str); 5] = [
    ("jobs", "admin-nav-jobs"),
    ("companies", "admin-nav-companies"),
    ("skills", "admin-nav-skills"),
    ("applications", "admin-nav-applications"),
    ("admin_users", "admin-nav-admin-users"),
];

/// A commented or audited resource's title, for lists and filters.
pub(crate) fn audited_label(tr: &Tr, resource: &str) -> String {
    AUDITED
        .iter()
        .find(|(k, _)| *k == resource)
        .map_or_else(|| resource.to_owned(), |(_, l)| tr.t(l))
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
            let states = Locale::ALL
                .into_iter()
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

/// A show page's panel of related postings, (id, title, status) newest first: each links to
/// the posting, with its status.
pub(super) fn posting_links(
    postings: Vec<(i64, String, crate::models::JobStatus)>,
    tr: &Tr,
) -> Vec<(&'static str, Cell)> {
    postings
        .into_iter()
        .map(|(id, title, status)| {
            let label = format!("{title} · {}", tr.t(status.label_key()));
            ("admin-field-posting", Cell::Link(label, format!("/admin/jobs/{id}")))
        })
        .collect()
}
