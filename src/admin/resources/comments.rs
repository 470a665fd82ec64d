//! Every comment, across resources.

use std::collections::HashMap;

use super::prelude::*;
use crate::db::schema::{admin_comments, admin_users};

pub struct Comments;

/// The first line of a comment, shortened for the list.
fn excerpt(body: &str) -> String {
    let line = body.lines().next().unwrap_or_default();
    if line.chars().count() > 80 {
        format!("{}…", line.chars().take(80).collect::<String>())
    } else {
        line.to_owned()
    }
}

/// A comment as its list row shows it.
#[derive(Queryable, Selectable, Identifiable)]
#[diesel(table_name = admin_comments)]
pub struct CommentRow {
    id: i64,
    resource: String,
    record_id: i64,
    admin_user_id: Option<i64>,
    body: String,
    created_at: chrono::NaiveDateTime,
}

impl Declaration for Comments {
    type Table = admin_comments::table;
    type Row = CommentRow;
    /// The authors' addresses.
    type Context = HashMap<i64, String>;
    const NAME: &'static str = "comments";
    const AREA: Area = Area::Comments;
    const TITLE: &'static str = "admin-nav-comments";
    const TABLE: &'static str = "admin_comments";
    const DEFAULT_SORT: (&'static str, Dir) = ("created_at", Dir::Desc);

    fn columns(&self, c: &mut Columns<Self>) {
        c.with("created_at", "admin-field-when", |r, _, tr| {
            Cell::Link(tr.date(&r.created_at), format!("/admin/comments/{}", r.id))
        })
        .sorted_by(admin_comments::created_at);
        c.with("author", "admin-field-author", |r, authors, tr| {
            Cell::Text(
                r.admin_user_id
                    .and_then(|id| authors.get(&id).cloned())
                    .unwrap_or_else(|| tr.t("admin-comment-former-user")),
            )
        });
        c.with("record", "admin-field-record", |r, _, tr| {
            let resource = super::audited_label(tr, &r.resource);
            Cell::Link(
                format!("{resource} #{}", r.record_id),
                format!("/admin/{}/{}", r.resource, r.record_id),
            )
        });
        c.text("body", "admin-field-comment", |r| excerpt(&r.body));
    }
    fn filters(&self, tr: &Tr) -> Vec<Filter<admin_comments::table>> {
        vec![
            Filter::text("body", "admin-field-comment", admin_comments::body),
            super::related_text!(
                "author",
                "admin-field-author",
                admin_comments::admin_user_id.assume_not_null(),
                admin_users::email
            ),
            Filter::select(
                "resource",
                "admin-field-resource",
                super::audited_options(tr),
                admin_comments::resource,
            ),
            Filter::date_range("created_at", "admin-field-when", admin_comments::created_at),
        ]
    }
    /// A recruiter's: their companies' (`company_scope`).
    fn scope_for(
        &self,
        viewer: &crate::admin::resource::Viewer,
    ) -> Option<crate::admin::engine::Pred<admin_comments::table>> {
        super::company_scope::comments(viewer)
    }
    fn context(&self, conn: &mut DbConn, rows: &[CommentRow]) -> QueryResult<HashMap<i64, String>> {
        super::names_by_id!(conn, rows.iter().filter_map(|r| r.admin_user_id), admin_users::email)
    }
}

impl Resource for Comments {}

impl Shows for Comments {
    type Detail = CommentRow;

    fn record(&self, conn: &mut DbConn, c: CommentRow, tr: &Tr) -> Result<Record, AppError> {
        let author =
            self.context(conn, std::slice::from_ref(&c))?.remove(&c.admin_user_id.unwrap_or(0));
        let resource = super::audited_label(tr, &c.resource);
        Ok(Record::new(
            excerpt(&c.body),
            vec![
                Panel::new("admin-panel-comment")
                    .date("admin-field-when", c.created_at)
                    .text(
                        "admin-field-author",
                        author.unwrap_or_else(|| tr.t("admin-comment-former-user")),
                    )
                    .row(
                        "admin-field-record",
                        Cell::Link(
                            format!("{resource} #{}", c.record_id),
                            format!("/admin/{}/{}", c.resource, c.record_id),
                        ),
                    )
                    .paragraphs("admin-field-comment", c.body),
            ],
        ))
    }
}
