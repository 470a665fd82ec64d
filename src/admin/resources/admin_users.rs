//! Back-office users, for admins only.

use crate::admin::resource::Listing;
use diesel::prelude::*;

use super::super::resource::{
    Cell, Column, Db, Dir, FilterDef, FilterKind, FilterValue, ListQuery, ListResult, MemberAction,
    Panel, Record, Resource, Row, ScopeDef,
};
use crate::auth::policy::Area;
use crate::db::DbConn;
use crate::db::schema::admin_users;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::models::AdminRole;

pub struct AdminUsers;

/// The show page's row with the time the second factor was turned on (empty when off).
const TWO_FACTOR_FIELD: &str = "admin-field-two-factor";

type Boxed<'a> = diesel::dsl::IntoBoxed<'a, admin_users::table, Db>;

fn filtered<'a>(query: &ListQuery) -> Boxed<'a> {
    let mut q: Boxed<'a> = admin_users::table.into_boxed();
    for (key, value) in &query.filters {
        q = match (*key, value) {
            ("email", FilterValue::Text(op, v)) => {
                q.filter(crate::text_filter!(admin_users::email, *op, v))
            }
            ("name", FilterValue::Text(op, v)) => {
                q.filter(crate::text_filter!(admin_users::name, *op, v))
            }
            ("locked", FilterValue::Boolean(true)) => {
                q.filter(admin_users::locked_until.is_not_null())
            }
            ("locked", FilterValue::Boolean(false)) => {
                q.filter(admin_users::locked_until.is_null())
            }
            ("last_login_at", FilterValue::DateRange(from, to)) => {
                crate::date_range_filter!(q, admin_users::last_login_at, from, to)
            }
            _ => q,
        };
    }
    q
}

impl Listing for AdminUsers {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::sortable("email", "admin-field-email"),
            Column::sortable("name", "admin-field-person-name"),
            Column::sortable("role", "admin-field-role"),
            Column::sortable("last_login_at", "admin-field-last-login"),
            Column::sortable("created_at", "admin-field-created-at"),
        ]
    }

    fn filters(&self, _tr: &Tr) -> Vec<FilterDef> {
        vec![
            FilterDef::new("email", "admin-field-email", FilterKind::Text),
            FilterDef::new("name", "admin-field-person-name", FilterKind::Text),
            FilterDef::new("locked", "admin-field-locked", FilterKind::Boolean),
            FilterDef::new(
                "last_login_at",
                "admin-field-last-login",
                FilterKind::DateRange,
            ),
        ]
    }

    fn scopes(&self) -> Vec<ScopeDef> {
        vec![
            ScopeDef::new("all", "admin-scope-all"),
            ScopeDef::new("admin", "role-admin"),
            ScopeDef::new("editor", "role-editor"),
            ScopeDef::new("translator", "role-translator"),
            ScopeDef::new("viewer", "role-viewer"),
        ]
    }

    fn default_sort(&self) -> (&'static str, Dir) {
        ("email", Dir::Asc)
    }

    fn list(
        &self,
        conn: &mut DbConn,
        query: &ListQuery,
        tr: &Tr,
        _counts: Option<Vec<i64>>,
    ) -> Result<ListResult, AppError> {
        let per_role = |r: AdminRole| super::count_where("admin_users.role", r.as_str());
        let (all, admins, editors, translators, viewers): (i64, i64, i64, i64, i64) =
            filtered(query)
                .select((
                    diesel::dsl::count_star(),
                    per_role(AdminRole::Admin),
                    per_role(AdminRole::Editor),
                    per_role(AdminRole::Translator),
                    per_role(AdminRole::Viewer),
                ))
                .first(conn)?;
        let scope_counts = vec![all, admins, editors, translators, viewers];
        let mut q = filtered(query);
        if query.scope != "all" {
            q = q.filter(admin_users::role.eq(query.scope));
        }
        q = match (query.sort, query.dir) {
            ("email", Dir::Desc) => q.order(admin_users::email.desc()),
            ("name", Dir::Asc) => q.order((admin_users::name.asc(), admin_users::id.asc())),
            ("name", Dir::Desc) => q.order((admin_users::name.desc(), admin_users::id.desc())),
            ("role", Dir::Asc) => q.order((admin_users::role.asc(), admin_users::id.asc())),
            ("role", Dir::Desc) => q.order((admin_users::role.desc(), admin_users::id.desc())),
            ("last_login_at", Dir::Asc) => {
                q.order((admin_users::last_login_at.asc(), admin_users::id.asc()))
            }
            ("last_login_at", Dir::Desc) => {
                q.order((admin_users::last_login_at.desc(), admin_users::id.desc()))
            }
            ("created_at", Dir::Asc) => {
                q.order((admin_users::created_at.asc(), admin_users::id.asc()))
            }
            ("created_at", Dir::Desc) => {
                q.order((admin_users::created_at.desc(), admin_users::id.desc()))
            }
            _ => q.order(admin_users::email.asc()),
        };
        type Listed = (
            i64,
            String,
            String,
            String,
            Option<chrono::NaiveDateTime>,
            chrono::NaiveDateTime,
        );
        let rows: Vec<Listed> = q
            .select((
                admin_users::id,
                admin_users::email,
                admin_users::name,
                admin_users::role,
                admin_users::last_login_at,
                admin_users::created_at,
            ))
            .limit(query.per_page as i64)
            .offset(query.offset())
            .load(conn)?;
        let rows = rows
            .into_iter()
            .map(|(id, email, name, role, last_login, created)| Row {
                id,
                cells: vec![
                    Cell::Link(email, format!("/admin/admin_users/{id}")),
                    Cell::Text(name),
                    Cell::Text(
                        AdminRole::parse(&role)
                            .map(|r| tr.t(&r.label_id()))
                            .unwrap_or(role),
                    ),
                    Cell::Date(last_login),
                    Cell::Date(Some(created)),
                ],
            })
            .collect();
        Ok(ListResult { rows, scope_counts })
    }
}

impl Resource for AdminUsers {
    fn name(&self) -> &'static str {
        "admin_users"
    }

    fn area(&self) -> Area {
        Area::AdminUsers
    }

    fn title(&self) -> &'static str {
        "admin-nav-admin-users"
    }

    fn form(&self) -> Option<&'static dyn super::super::resource::Form> {
        Some(&super::admin_user_form::AdminUserForm)
    }

    fn member_actions(&self, id: i64, record: &Record) -> Vec<MemberAction> {
        let two_factor_on = record.panels.iter().any(|p| {
            p.rows.iter().any(|(field, cell)| {
                *field == TWO_FACTOR_FIELD && matches!(cell, Cell::DateTime(Some(_)))
            })
        });
        if !two_factor_on {
            return Vec::new();
        }
        vec![MemberAction {
            label: "admin-action-reset-two-factor",
            url: format!("/admin/admin_users/{id}/reset-two-factor"),
            fields: Vec::new(),
            needs: crate::auth::policy::Action::Update,
            confirm: true,
            emphasis: super::super::resource::Emphasis::Danger,
            input: None,
        }]
    }

    fn show(&self, conn: &mut DbConn, id: i64, tr: &Tr) -> Result<Option<Record>, AppError> {
        type Shown = (
            String,
            String,
            String,
            String,
            i32,
            Option<chrono::NaiveDateTime>,
            Option<chrono::NaiveDateTime>,
            chrono::NaiveDateTime,
            Option<chrono::NaiveDateTime>,
        );
        let found: Option<Shown> = admin_users::table
            .find(id)
            .select((
                admin_users::email,
                admin_users::name,
                admin_users::role,
                admin_users::locale,
                admin_users::failed_logins,
                admin_users::locked_until,
                admin_users::last_login_at,
                admin_users::created_at,
                admin_users::totp_enabled_at,
            ))
            .first(conn)
            .optional()?;
        let Some((
            email,
            name,
            role,
            locale,
            failures,
            locked_until,
            last_login,
            created,
            two_factor,
        )) = found
        else {
            return Ok(None);
        };
        Ok(Some(Record {
            label: email.clone(),
            public_url: None,
            status: None,
            panels: vec![Panel {
                title: "admin-panel-account",
                rows: vec![
                    ("admin-field-email", Cell::Email(email)),
                    ("admin-field-person-name", Cell::Text(name)),
                    (
                        "admin-field-role",
                        Cell::Text(
                            AdminRole::parse(&role)
                                .map(|r| tr.t(&r.label_id()))
                                .unwrap_or(role),
                        ),
                    ),
                    (
                        "admin-field-language",
                        Cell::Text(
                            crate::i18n::Locale::parse(&locale)
                                .map(|l| l.native_name().to_owned())
                                .unwrap_or(locale),
                        ),
                    ),
                    (
                        "admin-field-failed-logins",
                        Cell::Number(Some(failures as i64)),
                    ),
                    ("admin-field-locked-until", Cell::Date(locked_until)),
                    ("admin-field-last-login", Cell::Date(last_login)),
                    ("admin-field-created-at", Cell::Date(Some(created))),
                    (TWO_FACTOR_FIELD, Cell::DateTime(two_factor)),
                ],
            }],
        }))
    }
}
