//! The partner API's tokens in the back office: who may call the API, with which scopes, for
//! which company, until when, and when each was last used from where. A new token is shown
//! once, on the page after it is made; revoking one ends it at once. Admins manage every
//! token; a recruiter makes and sees the tokens of their own companies, which publish by
//! sending postings for the staff's review, as they do.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::prelude::*;
use crate::db::schema::{api_tokens, companies};
use crate::models::api_token::{self, Status};

pub struct ApiTokens;

/// A token as its list row shows it.
#[derive(Queryable, Selectable, Identifiable)]
#[diesel(table_name = api_tokens)]
pub struct TokenRow {
    id: i64,
    name: String,
    prefix: String,
    scopes: String,
    company_id: Option<i64>,
    expires_at: Option<NaiveDateTime>,
    last_used_at: Option<NaiveDateTime>,
    revoked_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
}

/// The companies' names of a page of tokens.
pub type CompanyNames = HashMap<i64, String>;

fn status_cell(tr: &Tr, status: Status) -> Cell {
    let class = match status {
        Status::Active => "done",
        Status::Expired => "queued",
        Status::Revoked => "dead",
    };
    Cell::Status(class, tr.t(status.label_key()))
}

fn company_cell(names: &CompanyNames, company: Option<i64>, tr: &Tr) -> Cell {
    match company {
        Some(id) => Cell::Link(
            names.get(&id).cloned().unwrap_or_else(|| format!("#{id}")),
            format!("/admin/companies/{id}"),
        ),
        None => Cell::Text(tr.t("admin-token-every-company")),
    }
}

/// The scopes' names, as the API knows them.
fn scope_names(stored: &str) -> String {
    api_token::Scope::list(stored).iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
}

impl Declaration for ApiTokens {
    type Table = api_tokens::table;
    type Row = TokenRow;
    type Context = CompanyNames;
    const NAME: &'static str = "api_tokens";
    const AREA: Area = Area::ApiTokens;
    const TITLE: &'static str = "admin-nav-api-tokens";
    const TABLE: &'static str = "api_tokens";
    const DEFAULT_SORT: (&'static str, Dir) = ("created_at", Dir::Desc);

    fn columns(&self, c: &mut Columns<Self>) {
        c.link("name", "admin-field-name", |t| t.name.clone()).sorted_by(api_tokens::name);
        c.cell("prefix", "admin-field-token", |t| Cell::Code(format!("{}…", t.prefix)));
        c.text("scopes", "admin-field-scopes", |t| scope_names(&t.scopes));
        c.with("company", "admin-field-company", |t, names, tr| {
            company_cell(names, t.company_id, tr)
        });
        c.with("status", "admin-field-status", |t, _, tr| {
            status_cell(tr, Status::of(t.revoked_at, t.expires_at, crate::db::now()))
        });
        c.date("expires_at", "admin-field-expires-at", |t| t.expires_at)
            .sorted_by(api_tokens::expires_at);
        c.date_time("last_used_at", "admin-field-last-used-at", |t| t.last_used_at)
            .sorted_by(api_tokens::last_used_at);
        c.date_time("created_at", "admin-field-created-at", |t| Some(t.created_at))
            .sorted_by(api_tokens::created_at);
    }
    fn filters(&self, _tr: &Tr) -> Vec<Filter<api_tokens::table>> {
        vec![
            Filter::text("name", "admin-field-name", api_tokens::name),
            Filter::association("company", "admin-field-company", |name| {
                let named = crate::text_filter!(companies::name, TextOp::Contains, name);
                Box::new(
                    api_tokens::company_id
                        .assume_not_null()
                        .eq_any(companies::table.filter(named).select(companies::id)),
                )
            }),
            Filter::date_range(
                "last_used_at",
                "admin-field-last-used-at",
                api_tokens::last_used_at.assume_not_null(),
            ),
            Filter::date_range("created_at", "admin-field-created-at", api_tokens::created_at),
        ]
    }
    fn scopes(&self) -> Vec<Scope<api_tokens::table>> {
        let now = crate::db::now();
        // SQL's NULL comparisons are false, which is what these scopes mean.
        let expires = || api_tokens::expires_at.assume_not_null();
        let unexpired = || api_tokens::expires_at.is_null().or(expires().gt(now));
        vec![
            Scope::all(),
            Scope::new(
                "active",
                "admin-token-active",
                api_tokens::revoked_at.is_null().and(unexpired()),
            ),
            Scope::new(
                "expired",
                "admin-token-expired",
                api_tokens::revoked_at.is_null().and(expires().le(now)),
            ),
            Scope::new("revoked", "admin-token-revoked", api_tokens::revoked_at.is_not_null()),
        ]
    }
    fn scope_for(
        &self,
        viewer: &crate::admin::resource::Viewer,
    ) -> Option<crate::admin::engine::Pred<api_tokens::table>> {
        super::company_scope::api_tokens(viewer)
    }
    fn context(&self, conn: &mut DbConn, rows: &[TokenRow]) -> QueryResult<CompanyNames> {
        super::names_by_id!(conn, rows.iter().filter_map(|t| t.company_id), companies::name)
    }
    /// The table's change counter and the minute: a token expires without any write, so
    /// the scopes are counted again at least once a minute.
    fn data_version(&self, conn: &mut DbConn) -> QueryResult<Option<i64>> {
        let changes = crate::db::dialect::change_count(conn, "api_tokens")?;
        let minute = crate::db::now().and_utc().timestamp() / 60;
        Ok(Some((changes << 24) | (minute & 0xFF_FFFF)))
    }
}

impl Resource for ApiTokens {
    fn form(&self) -> Option<&'static dyn Form> {
        Some(&super::api_token_form::ApiTokenForm)
    }

    fn acts(&self) -> Vec<Act> {
        vec![Act::new("revoke", Action::ChangeStatus, super::api_token_actions::revoke)]
    }

    fn member_actions(&self, id: i64, record: &Record) -> Vec<MemberAction> {
        if record.status != Some(Status::Active.as_str()) {
            return Vec::new();
        }
        vec![
            self.button(id, "revoke", "admin-action-revoke")
                .confirmed(true)
                .emphasis(Emphasis::Danger),
        ]
    }
}

/// A token as its show page reads it (its digest stays in the table).
#[derive(Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
pub struct TokenDetail {
    name: String,
    prefix: String,
    scopes: String,
    company_id: Option<i64>,
    expires_at: Option<NaiveDateTime>,
    last_used_at: Option<NaiveDateTime>,
    last_used_from: Option<String>,
    revoked_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
    moderated: bool,
}

impl Shows for ApiTokens {
    type Detail = TokenDetail;

    fn record(&self, conn: &mut DbConn, t: TokenDetail, tr: &Tr) -> Result<Record, AppError> {
        let company: CompanyNames = match t.company_id {
            Some(id) => companies::table
                .find(id)
                .select((companies::id, companies::name))
                .load::<(i64, String)>(conn)?
                .into_iter()
                .collect(),
            None => HashMap::new(),
        };
        let status = Status::of(t.revoked_at, t.expires_at, crate::db::now());
        let scopes = api_token::Scope::list(&t.scopes)
            .into_iter()
            .map(|s| format!("{}: {}", s.as_str(), tr.t(s.label_key())))
            .collect::<Vec<_>>()
            .join("\n");
        // What a request with the token looks like (the token itself is nowhere to show).
        let example = format!("GET /api/v1/token\nAuthorization: Bearer {}…", t.prefix);
        Ok(Record::new(
            t.name.clone(),
            vec![
                Panel::new("admin-panel-api-token")
                    .text("admin-field-name", t.name)
                    .code("admin-field-token", format!("{}…", t.prefix))
                    .code("admin-field-scopes", scopes)
                    .row("admin-field-company", company_cell(&company, t.company_id, tr))
                    .row("admin-field-token-reviewed", Cell::Bool(t.moderated))
                    .row("admin-field-status", status_cell(tr, status))
                    .date("admin-field-expires-at", t.expires_at)
                    .date_time("admin-field-last-used-at", t.last_used_at)
                    .text("admin-field-last-used-from", t.last_used_from.unwrap_or_default())
                    .date_time("admin-field-created-at", t.created_at)
                    .date_time("admin-field-revoked-at", t.revoked_at),
                Panel::new("admin-panel-api-usage").code("admin-field-example", example),
            ],
        )
        .status(status.as_str()))
    }
}
