//! Every comment, across resources.

use crate::admin::resource::Listing;
use diesel::prelude::*;

use super::super::resource::{
    Cell, Column, Db, Dir, FilterDef, FilterKind, FilterValue, ListQuery, ListResult, Panel,
    Record, Resource, Row,
};
use crate::auth::policy::Area;
use crate::db::DbConn;
use crate::db::schema::{admin_comments, admin_users};
use crate::error::AppError;
use crate::i18n::Tr;

pub struct Comments;

type Source = diesel::dsl::LeftJoin<admin_comments::table, admin_users::table>;
type Boxed<'a> = diesel::dsl::IntoBoxed<'a, Source, Db>;

fn filtered<'a>(query: &ListQuery) -> Boxed<'a> {
    let mut q: Boxed<'a> = admin_comments::table
        .left_join(admin_users::table)
        .into_boxed();
    for (key, value) in &query.filters {
        q = match (*key, value) {
            ("body", FilterValue::Text(op, v)) => {
                q.filter(crate::text_filter!(admin_comments::body, *op, v))
            }
            ("author", FilterValue::Text(op, v)) => q.filter(crate::text_filter!(
                admin_users::email.assume_not_null(),
                *op,
                v
            )),
            ("resource", FilterValue::Select(v)) => {
                q.filter(admin_comments::resource.eq(v.clone()))
            }
            ("created_at", FilterValue::DateRange(from, to)) => {
                crate::date_range_filter!(q, admin_comments::created_at, from, to)
            }
            _ => q,
        };
    }
    q
}

const RESOURCES: [(&str, &str); 5] = [
    ("jobs", "admin-nav-jobs"),
    ("companies", "admin-nav-companies"),
    ("skills", "admin-nav-skills"),
    ("applications", "admin-nav-applications"),
    ("admin_users", "admin-nav-admin-users"),
];

/// The first line of a comment, shortened for the list.
fn excerpt(body: &str) -> String {
    let line = body.lines().next().unwrap_or_default();
    if line.chars().count() > 80 {
        format!("{}…", line.chars().take(80).collect::<String>())
    } else {
        line.to_owned()
    }
}

impl Listing for Comments {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::sortable("created_at", "admin-field-when"),
            Column::plain("author", "admin-field-author"),
            Column::plain("record", "admin-field-record"),
            Column::plain("body", "admin-field-comment"),
        ]
    }

    fn filters(&self, tr: &Tr) -> Vec<FilterDef> {
        vec![
            FilterDef::new("body", "admin-field-comment", FilterKind::Text),
            FilterDef::new("author", "admin-field-author", FilterKind::Text),
            FilterDef {
                key: "resource",
                label: "admin-field-resource",
                kind: FilterKind::Select(RESOURCES.iter().map(|(k, l)| (*k, tr.t(l))).collect()),
            },
            FilterDef::new("created_at", "admin-field-when", FilterKind::DateRange),
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
        let all: i64 = filtered(query).count().get_result(conn)?;
        let q = match query.dir {
            Dir::Asc => {
                filtered(query).order((admin_comments::created_at.asc(), admin_comments::id.asc()))
            }
            Dir::Desc => filtered(query)
                .order((admin_comments::created_at.desc(), admin_comments::id.desc())),
        };
        type Listed = (
            i64,
            String,
            i64,
            Option<String>,
            String,
            chrono::NaiveDateTime,
        );
        let rows: Vec<Listed> = q
            .select((
                admin_comments::id,
                admin_comments::resource,
                admin_comments::record_id,
                admin_users::email.nullable(),
                admin_comments::body,
                admin_comments::created_at,
            ))
            .limit(query.per_page as i64)
            .offset(query.offset())
            .load(conn)?;
        let rows = rows
            .into_iter()
            .map(|(id, resource, record_id, author, body, created)| {
                let resource_label = RESOURCES
                    .iter()
                    .find(|(k, _)| *k == resource)
                    .map_or_else(|| resource.clone(), |(_, l)| tr.t(l));
                Row {
                    id,
                    cells: vec![
                        Cell::Link(tr.date(&created), format!("/admin/comments/{id}")),
                        Cell::Text(author.unwrap_or_else(|| tr.t("admin-comment-former-user"))),
                        Cell::Link(
                            format!("{resource_label} #{record_id}"),
                            format!("/admin/{resource}/{record_id}"),
                        ),
                        Cell::Text(excerpt(&body)),
                    ],
                }
            })
            .collect();
        Ok(ListResult {
            rows,
            scope_counts: vec![all],
        })
    }
}

impl Resource for Comments {
    fn name(&self) -> &'static str {
        "comments"
    }

    fn area(&self) -> Area {
        Area::Comments
    }

    fn title(&self) -> &'static str {
        "admin-nav-comments"
    }

    fn show(&self, conn: &mut DbConn, id: i64, tr: &Tr) -> Result<Option<Record>, AppError> {
        type Shown = (String, i64, Option<String>, String, chrono::NaiveDateTime);
        let Some((resource, record_id, author, body, created)) = admin_comments::table
            .left_join(admin_users::table)
            .filter(admin_comments::id.eq(id))
            .select((
                admin_comments::resource,
                admin_comments::record_id,
                admin_users::email.nullable(),
                admin_comments::body,
                admin_comments::created_at,
            ))
            .first::<Shown>(conn)
            .optional()?
        else {
            return Ok(None);
        };
        Ok(Some(Record {
            label: excerpt(&body),
            public_url: None,
            status: None,
            panels: vec![Panel {
                title: "admin-panel-comment",
                rows: vec![
                    ("admin-field-when", Cell::Date(Some(created))),
                    (
                        "admin-field-author",
                        Cell::Text(author.unwrap_or_else(|| tr.t("admin-comment-former-user"))),
                    ),
                    (
                        "admin-field-record",
                        Cell::Link(
                            format!("{resource} #{record_id}"),
                            format!("/admin/{resource}/{record_id}"),
                        ),
                    ),
                    ("admin-field-comment", Cell::Text(body)),
                ],
            }],
        }))
    }
}
