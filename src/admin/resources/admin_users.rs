//! Back-office users, for admins only.

use chrono::NaiveDateTime;

use super::prelude::*;
use crate::db::schema::admin_users;
use crate::models::AdminRole;

pub struct AdminUsers;

/// The show page's row with the time the second factor was turned on (empty when off).
const TWO_FACTOR_FIELD: &str = "admin-field-two-factor";

/// A back-office user as the list row shows them.
#[derive(Queryable, Selectable, Identifiable)]
#[diesel(table_name = admin_users)]
pub struct AdminUserRow {
    id: i64,
    email: String,
    name: String,
    role: AdminRole,
    last_login_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
}

impl Declaration for AdminUsers {
    type Table = admin_users::table;
    type Row = AdminUserRow;
    type Context = ();
    const NAME: &'static str = "admin_users";
    const AREA: Area = Area::AdminUsers;
    const TITLE: &'static str = "admin-nav-admin-users";
    const TABLE: &'static str = "admin_users";
    const DEFAULT_SORT: (&'static str, Dir) = ("email", Dir::Asc);

    fn columns(&self, c: &mut Columns<Self>) {
        c.link("email", "admin-field-email", |u| u.email.clone()).sorted_by(admin_users::email);
        c.text("name", "admin-field-person-name", |u| u.name.clone()).sorted_by(admin_users::name);
        c.with("role", "admin-field-role", |u, _, tr| Cell::Text(tr.t(&u.role.label_id())))
            .sorted_by(admin_users::role);
        c.date("last_login_at", "admin-field-last-login", |u| u.last_login_at)
            .sorted_by(admin_users::last_login_at);
        c.date("created_at", "admin-field-created-at", |u| Some(u.created_at))
            .sorted_by(admin_users::created_at);
    }
    fn filters(&self, _tr: &Tr) -> Vec<Filter<admin_users::table>> {
        vec![
            Filter::text("email", "admin-field-email", admin_users::email),
            Filter::text("name", "admin-field-person-name", admin_users::name),
            Filter::present("locked", "admin-field-locked", admin_users::locked_until),
            Filter::date_range(
                "last_login_at",
                "admin-field-last-login",
                admin_users::last_login_at.assume_not_null(),
            ),
        ]
    }
    fn scopes(&self) -> Vec<Scope<admin_users::table>> {
        Scope::all_and_each(
            AdminRole::ALL,
            AdminRole::label_key,
            AdminRole::as_str,
            admin_users::role,
        )
    }
}

impl Resource for AdminUsers {
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
        vec![
            MemberAction::post(
                "admin-action-reset-two-factor",
                format!("/admin/admin_users/{id}/reset-two-factor"),
                Action::Update,
            )
            .confirmed(true)
            .emphasis(Emphasis::Danger),
        ]
    }
}

/// A back-office user as the show page reads them.
#[derive(Queryable, Selectable)]
#[diesel(table_name = admin_users)]
pub struct AdminUserDetail {
    email: String,
    name: String,
    role: AdminRole,
    locale: String,
    failed_logins: i32,
    locked_until: Option<NaiveDateTime>,
    last_login_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
    totp_enabled_at: Option<NaiveDateTime>,
}

impl Shows for AdminUsers {
    type Detail = AdminUserDetail;

    fn record(&self, _: &mut DbConn, u: AdminUserDetail, tr: &Tr) -> Result<Record, AppError> {
        let language =
            crate::i18n::Locale::parse(&u.locale).map_or(u.locale, |l| l.native_name().into());
        Ok(Record::new(
            u.email.clone(),
            vec![
                Panel::new("admin-panel-account")
                    .email("admin-field-email", u.email)
                    .text("admin-field-person-name", u.name)
                    .text("admin-field-role", tr.t(u.role.label_key()))
                    .text("admin-field-language", language)
                    .row("admin-field-failed-logins", Cell::Number(Some(u.failed_logins.into())))
                    .date("admin-field-locked-until", u.locked_until)
                    .date("admin-field-last-login", u.last_login_at)
                    .date("admin-field-created-at", u.created_at)
                    .row(TWO_FACTOR_FIELD, Cell::DateTime(u.totp_enabled_at)),
            ],
        ))
    }
}
