//! What a back-office resource declares: its columns, filters, scopes and queries. The
//! generic handlers in `index.rs` (and the show, form and export handlers) do the rest.
//!
//! A resource states everything as plain data, like an ActiveAdmin `register` block. Filters
//! and sorts are closed sets: the request's parameters are matched against them, and only the
//! declared ones reach the resource's query, as typed values, never as SQL text.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use chrono::{NaiveDate, NaiveDateTime};

pub use super::fields::{Field, FieldError, FieldKind, FormValues};
use crate::auth::policy::Area;
use crate::db::DbConn;
use crate::error::AppError;
use crate::i18n::Tr;

/// The backend type of boxed diesel queries over [`DbConn`].
pub type Db = crate::db::MultiBackend;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Asc,
    Desc,
}

/// A column of the index table.
pub struct Column {
    pub key: &'static str,
    /// Fluent id of the header.
    pub label: &'static str,
    pub sortable: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextOp {
    Contains,
    Equals,
    StartsWith,
}

impl TextOp {
    pub const ALL: [TextOp; 3] = [TextOp::Contains, TextOp::Equals, TextOp::StartsWith];

    pub fn as_str(self) -> &'static str {
        match self {
            TextOp::Contains => "contains",
            TextOp::Equals => "equals",
            TextOp::StartsWith => "starts_with",
        }
    }

    fn parse(s: &str) -> Option<TextOp> {
        TextOp::ALL.into_iter().find(|op| op.as_str() == s)
    }

    /// The LIKE pattern for `value`, with LIKE's own wildcards escaped (escape char `\`).
    pub fn pattern(self, value: &str) -> String {
        let escaped = value.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        match self {
            TextOp::Contains => format!("%{escaped}%"),
            TextOp::Equals => escaped,
            TextOp::StartsWith => format!("{escaped}%"),
        }
    }
}

/// The kinds of filters, each with its own inputs in the sidebar.
pub enum FilterKind {
    /// contains / equals / starts with.
    Text,
    /// One of fixed values: (value, Fluent id of its label).
    Select(Vec<(&'static str, String)>),
    Boolean,
    DateRange,
    NumberRange,
    /// A related record, chosen by searching its name.
    Association,
}

pub struct FilterDef {
    pub key: &'static str,
    pub label: &'static str,
    pub kind: FilterKind,
}

impl FilterDef {
    pub fn new(key: &'static str, label: &'static str, kind: FilterKind) -> FilterDef {
        FilterDef { key, label, kind }
    }
}

/// A filter's value from the query string, checked against its declaration.
#[derive(Debug, Clone, PartialEq)]
pub enum FilterValue {
    Text(TextOp, String),
    Select(String),
    Boolean(bool),
    DateRange(Option<NaiveDate>, Option<NaiveDate>),
    NumberRange(Option<i64>, Option<i64>),
    Association(String),
}

impl FilterValue {
    /// `to` is inclusive: the day's end.
    pub fn date_bounds(
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> (Option<NaiveDateTime>, Option<NaiveDateTime>) {
        (
            from.and_then(|d| d.and_hms_opt(0, 0, 0)),
            to.and_then(|d| d.succ_opt()).and_then(|d| d.and_hms_opt(0, 0, 0)),
        )
    }
}

pub struct ScopeDef {
    pub key: &'static str,
    pub label: &'static str,
}

impl ScopeDef {
    pub const fn new(key: &'static str, label: &'static str) -> ScopeDef {
        ScopeDef { key, label }
    }
}

/// Who is looking at a list or a record: a resource may limit the records each back-office
/// user sees (its `scope_for`), and the engine applies that to every read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewer {
    pub admin_user_id: i64,
    pub role: crate::models::AdminRole,
}

impl Viewer {
    /// Whether this user sees only their companies' records (a recruiter's): see
    /// `resources::company_scope`.
    pub fn is_bound(&self) -> bool {
        self.role == crate::models::AdminRole::Recruiter
    }
}

/// Which records a [`Listing::lookup`] names.
#[derive(Debug, Clone, Copy)]
pub enum Lookup<'a> {
    /// Those whose name contains the text (up to 20): an association field's suggestions.
    Containing(&'a str),
    /// Those named exactly so, ignoring case (up to 2): what an association field's text means.
    Named(&'a str),
    /// These records: the names an association field shows.
    Ids(&'a [i64]),
}

/// The index state from the URL, validated: what a resource's `list` receives.
#[derive(Debug, Clone)]
pub struct ListQuery {
    pub viewer: Viewer,
    pub scope: &'static str,
    pub filters: Vec<(&'static str, FilterValue)>,
    pub sort: &'static str,
    pub dir: Dir,
    pub page: u32,
    pub per_page: u32,
}

impl ListQuery {
    pub fn filter(&self, key: &str) -> Option<&FilterValue> {
        self.filters.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    pub fn offset(&self) -> i64 {
        (self.page.saturating_sub(1) as i64) * self.per_page as i64
    }
}

/// A cell of the index table, typed so the template can format and style it.
pub enum Cell {
    Text(String),
    /// A link to the record (or elsewhere): (label, URL).
    Link(String, String),
    /// A status badge: (value for the CSS class, label).
    Status(&'static str, String),
    Date(Option<NaiveDateTime>),
    /// A date with its time of day (UTC), for things that happen many times a day.
    DateTime(Option<NaiveDateTime>),
    Number(Option<i64>),
    /// Preformatted text (arguments, errors), shown as is in a monospaced block.
    Code(String),
    Bool(bool),
    /// An image: (its URL, its text alternative), or nothing to show.
    Image(Option<(String, String)>),
    /// An email address, as a `mailto:` link.
    Email(String),
    /// Text a person wrote in paragraphs (a cover letter): shown with its paragraphs.
    Paragraphs(String),
    /// How each translation of a record stands against its original text.
    Translations(Vec<(crate::i18n::Locale, super::fields::TranslationState)>),
}

pub struct Row {
    pub id: i64,
    pub cells: Vec<Cell>,
}

/// One page of an index: its rows, and each scope's count under the current filters.
pub struct ListResult {
    pub rows: Vec<Row>,
    pub scope_counts: Vec<i64>,
}

impl ListResult {
    /// The number of rows in the current scope, under the current filters.
    pub fn total(&self, resource: &dyn Resource, query: &ListQuery) -> i64 {
        resource
            .scopes()
            .iter()
            .position(|s| s.key == query.scope)
            .and_then(|i| self.scope_counts.get(i))
            .copied()
            .unwrap_or(0)
    }
}

/// A titled group of attributes on a show page.
pub struct Panel {
    /// Fluent id of the title.
    pub title: &'static str,
    pub rows: Vec<(&'static str, Cell)>,
}

/// What a show page displays about one record.
pub struct Record {
    pub label: String,
    pub panels: Vec<Panel>,
    /// The record on the public site, when it has a page there.
    pub public_url: Option<String>,
    /// The record's status, for the member actions that move it.
    pub status: Option<&'static str>,
}

impl Panel {
    pub fn new(title: &'static str) -> Panel {
        Panel { title, rows: Vec::new() }
    }

    /// Adds a row: the Fluent id of its label, and its cell.
    pub fn row(mut self, label: &'static str, cell: Cell) -> Panel {
        self.rows.push((label, cell));
        self
    }

    pub fn text(self, label: &'static str, text: impl Into<String>) -> Panel {
        self.row(label, Cell::Text(text.into()))
    }

    /// Text a person wrote in paragraphs.
    pub fn paragraphs(self, label: &'static str, text: impl Into<String>) -> Panel {
        self.row(label, Cell::Paragraphs(text.into()))
    }

    /// A day.
    pub fn date(self, label: &'static str, at: impl Into<Option<NaiveDateTime>>) -> Panel {
        self.row(label, Cell::Date(at.into()))
    }

    /// A day and its time.
    pub fn date_time(self, label: &'static str, at: impl Into<Option<NaiveDateTime>>) -> Panel {
        self.row(label, Cell::DateTime(at.into()))
    }

    /// Preformatted text.
    pub fn code(self, label: &'static str, text: impl Into<String>) -> Panel {
        self.row(label, Cell::Code(text.into()))
    }

    /// An email address, as a `mailto:` link.
    /// A country's name in the admin's language, from its ISO code.
    pub fn country(self, label: &'static str, code: Option<&str>, tr: &Tr) -> Panel {
        self.text(label, code.map(|c| tr.country(c)).unwrap_or_default())
    }

    pub fn email(self, label: &'static str, address: impl Into<String>) -> Panel {
        self.row(label, Cell::Email(address.into()))
    }
}

impl Record {
    pub fn new(label: impl Into<String>, panels: Vec<Panel>) -> Record {
        let label = label.into();
        Record { label, panels, public_url: None, status: None }
    }

    pub fn status(mut self, status: &'static str) -> Record {
        self.status = Some(status);
        self
    }

    pub fn public_url(mut self, url: Option<String>) -> Record {
        self.public_url = url;
        self
    }
}

/// A button on a show page that changes the record (a member action).
pub struct MemberAction {
    /// Fluent id of the button's label.
    pub label: &'static str,
    pub url: String,
    pub fields: Vec<(&'static str, String)>,
    /// What the user's role must allow for the button to show (the handler checks again).
    pub needs: crate::auth::policy::Action,
    /// Asks for confirmation first (destructive or hard to undo).
    pub confirm: bool,
    /// How the button stands out: the expected next step, or one that destroys or refuses.
    pub emphasis: Emphasis,
    /// A required text field the action takes: (name, Fluent id of its label).
    pub input: Option<(&'static str, &'static str)>,
}

/// How an action's button stands out. Red is kept for what destroys or refuses: most actions
/// that ask for confirmation are neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Emphasis {
    /// The step that usually comes next.
    Primary,
    #[default]
    Normal,
    Danger,
}

impl MemberAction {
    /// A button that posts to `url`, shown to roles allowed `needs`: no fields, no
    /// confirmation, no emphasis until told.
    pub fn post(label: &'static str, url: String, needs: crate::auth::policy::Action) -> Self {
        MemberAction {
            label,
            url,
            fields: Vec::new(),
            needs,
            confirm: false,
            emphasis: Emphasis::Normal,
            input: None,
        }
    }

    /// Sends `name=value` with the action.
    pub fn with(mut self, name: &'static str, value: &str) -> Self {
        self.fields.push((name, value.to_owned()));
        self
    }

    /// Asks for confirmation first when `confirm` is true.
    pub fn confirmed(mut self, confirm: bool) -> Self {
        self.confirm = confirm;
        self
    }

    pub fn emphasis(mut self, emphasis: Emphasis) -> Self {
        self.emphasis = emphasis;
        self
    }

    /// Asks for the required text field `name` (labelled `label`) on the confirmation step.
    pub fn input(mut self, name: &'static str, label: &'static str) -> Self {
        self.input = Some((name, label));
        self
    }

    /// The page that asks for the action's input before it runs: the action's own address,
    /// read with GET, its fields in the query.
    pub fn confirm_url(&self) -> String {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(self.fields.iter().map(|(k, v)| (*k, v.as_str())))
            .finish();
        if query.is_empty() { self.url.clone() } else { format!("{}?{query}", self.url) }
    }

    /// The button's classes.
    pub fn class(&self) -> &'static str {
        match self.emphasis {
            Emphasis::Primary => "button primary",
            Emphasis::Normal => "button",
            Emphasis::Danger => "button danger",
        }
    }
}

/// An action on the rows selected in the index, run after a confirmation page.
pub struct BatchAction {
    pub key: &'static str,
    /// Fluent id of its label.
    pub label: &'static str,
    pub needs: crate::auth::policy::Action,
    /// A required text field on the confirmation page: (Fluent id of its label).
    pub input: Option<&'static str>,
    run: RunBatch,
}

/// What a batch action acts on: the selected records the user may see, the confirmation
/// page's text, and who confirmed.
pub struct Batch<'a> {
    pub ids: &'a [i64],
    pub input: &'a str,
    pub actor: &'a crate::models::audit::Actor,
}

type RunBatch =
    Box<dyn Fn(&mut DbConn, &Batch) -> Result<BatchOutcome, AppError> + Send + Sync + 'static>;

impl BatchAction {
    /// The action `key`, labelled `label`, for roles allowed `needs`: `run` acts on the whole
    /// batch at once.
    pub fn new(
        key: &'static str,
        label: &'static str,
        needs: crate::auth::policy::Action,
        run: impl Fn(&mut DbConn, &Batch) -> Result<BatchOutcome, AppError> + Send + Sync + 'static,
    ) -> Self {
        BatchAction { key, label, needs, input: None, run: Box::new(run) }
    }

    /// The same, one record at a time: `run` tells whether it changed the record (`false`: it
    /// was gone, or its state does not allow the action).
    pub fn each(
        key: &'static str,
        label: &'static str,
        needs: crate::auth::policy::Action,
        run: impl Fn(&mut DbConn, i64, &Batch) -> Result<bool, AppError> + Send + Sync + 'static,
    ) -> Self {
        BatchAction::new(key, label, needs, move |conn, batch| {
            let mut outcome = BatchOutcome::default();
            for id in batch.ids {
                match run(conn, *id, batch)? {
                    true => outcome.changed += 1,
                    false => outcome.skipped += 1,
                }
            }
            Ok(outcome)
        })
    }

    /// Asks for a required text (labelled `label`) on the confirmation page.
    pub fn input(mut self, label: &'static str) -> Self {
        self.input = Some(label);
        self
    }

    /// Runs the action in one transaction: every change is made, or (on an error) none.
    pub fn run(&self, conn: &mut DbConn, batch: &Batch) -> Result<BatchOutcome, AppError> {
        crate::db::write_transaction(conn, |conn| (self.run)(conn, batch))
    }
}

/// A member action's work, behind a button of the show page (ActiveAdmin's `member_action`):
/// `POST /admin/{resource}/{id}/{key}`. The engine authorizes it, checks the record is one the
/// user may see, and runs it in one transaction.
pub struct Act {
    pub key: &'static str,
    pub needs: crate::auth::policy::Action,
    run: RunAct,
}

type RunAct =
    Box<dyn Fn(&mut DbConn, i64, &ActInput) -> Result<Done, AppError> + Send + Sync + 'static>;

/// What a member action is given: the form's fields, who pressed the button, their language.
pub struct ActInput<'a> {
    pub fields: &'a [(String, String)],
    pub actor: &'a crate::models::audit::Actor,
    pub tr: Tr,
}

impl ActInput<'_> {
    /// The form field `name`, or "" when it was not sent.
    pub fn field(&self, name: &str) -> &str {
        self.fields.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }
}

/// What a member action did: the message for the next page, and that page when it is not the
/// record's own.
pub struct Done {
    pub message: String,
    pub alert: bool,
    pub to: Option<String>,
}

impl Done {
    pub fn notice(message: String) -> Done {
        Done { message, alert: false, to: None }
    }

    /// Nothing changed, and why.
    pub fn alert(message: String) -> Done {
        Done { message, alert: true, to: None }
    }

    pub fn to(mut self, url: String) -> Done {
        self.to = Some(url);
        self
    }
}

impl Act {
    /// The action `key` for roles allowed `needs`: `run` acts on record `id` (and answers
    /// `AppError::NotFound` when there is none).
    pub fn new(
        key: &'static str,
        needs: crate::auth::policy::Action,
        run: impl Fn(&mut DbConn, i64, &ActInput) -> Result<Done, AppError> + Send + Sync + 'static,
    ) -> Act {
        Act { key, needs, run: Box::new(run) }
    }

    /// Runs the action in one transaction.
    pub fn run(&self, conn: &mut DbConn, id: i64, input: &ActInput) -> Result<Done, AppError> {
        crate::db::write_transaction(conn, |conn| (self.run)(conn, id, input))
    }
}

/// What a batch action did: rows changed, and rows it left alone (not allowed for their
/// state, or gone).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    pub changed: usize,
    pub skipped: usize,
    /// Why nothing was done, when the action refused as a whole (Fluent id).
    pub refused: Option<&'static str>,
}

impl BatchOutcome {
    /// `changed` of the batch's records changed, the others skipped.
    pub fn changed(batch: &Batch, changed: usize) -> BatchOutcome {
        let skipped = batch.ids.len().saturating_sub(changed);
        BatchOutcome { changed, skipped, refused: None }
    }
}

/// The most rows one batch action takes: a page of 100, with room to spare.
pub const MAX_BATCH: usize = 500;

pub const PER_PAGE_CHOICES: [u32; 3] = [25, 50, 100];

/// The list side of a resource: columns, filters, scopes, rows, exports, lookups and which
/// records a user may see. Implemented by the engine for every declaration
/// (`super::engine::Declaration`): the generic handlers reach a resource's list through it.
pub trait Listing: Sync {
    fn columns(&self) -> Vec<Column>;
    fn filters(&self, tr: &Tr) -> Vec<FilterDef>;
    /// The first scope is the default.
    fn scopes(&self) -> Vec<ScopeDef>;
    fn default_sort(&self) -> (&'static str, Dir);
    /// Rows for `query` and the counts of every scope (in `scopes()` order). `counts` are
    /// those counts when the caller has them cached: then none are run.
    fn list(
        &self,
        conn: &mut DbConn,
        query: &ListQuery,
        tr: &Tr,
        counts: Option<Vec<i64>>,
    ) -> Result<ListResult, AppError>;
    /// A number that changes whenever the rows `viewer` sees do, when the database keeps one:
    /// scope counts are then cached per version and filters. `None`: always count.
    fn data_version(&self, conn: &mut DbConn, viewer: &Viewer) -> diesel::QueryResult<Option<i64>>;
    /// The URL segment: `/admin/{name}`.
    fn name(&self) -> &'static str;
    /// Who may do what with it.
    fn area(&self) -> Area;
    /// Fluent id of the plural title.
    fn title(&self) -> &'static str;
    /// The table listed.
    fn table(&self) -> &'static str;
    /// The show page's content, or `None` when there is no such record.
    fn show(&self, conn: &mut DbConn, id: i64, tr: &Tr) -> Result<Option<Record>, AppError>;
    /// The columns of exports: (JSON key, Fluent id of the header).
    fn export_columns(&self) -> Vec<(&'static str, &'static str)>;
    /// Up to `limit` rows of the filtered set (scope included) with ids above `after`, in id
    /// order, as (id, values in `export_columns` order).
    fn export_rows(
        &self,
        conn: &mut DbConn,
        query: &ListQuery,
        after: i64,
        limit: i64,
        tr: &Tr,
    ) -> Result<Vec<(i64, Vec<super::export::Value>)>, AppError>;
    /// Records `viewer` may see by their names, for association fields: (id, name), sorted by
    /// name. Not found when the resource names none.
    fn lookup(
        &self,
        conn: &mut DbConn,
        wanted: Lookup<'_>,
        viewer: &Viewer,
        tr: &Tr,
    ) -> Result<Vec<(i64, String)>, AppError>;
    /// Those of `ids` that `viewer` may see (show, edit, actions): all of them unless the
    /// resource limits its records per user.
    fn visible(
        &self,
        conn: &mut DbConn,
        ids: &[i64],
        viewer: &Viewer,
    ) -> Result<Vec<i64>, AppError>;

    /// Not found unless `viewer` may see record `id`: what other users' records answer.
    fn require_visible(&self, conn: &mut DbConn, id: i64, viewer: &Viewer) -> Result<(), AppError> {
        if self.visible(conn, &[id], viewer)?.is_empty() { Err(AppError::NotFound) } else { Ok(()) }
    }
}

pub trait Resource: Listing {
    fn batch_actions(&self) -> Vec<BatchAction> {
        Vec::new()
    }
    /// What the member actions' buttons do (`POST /admin/{name}/{id}/{key}`).
    fn acts(&self) -> Vec<Act> {
        Vec::new()
    }
    /// Whether `/admin/{name}/new` exists (the index then offers "New").
    fn creatable(&self) -> bool {
        self.form().is_some()
    }
    /// Other views of the index, linked from its header: (Fluent id of the label, URL), given
    /// the index's query string.
    fn index_links(&self, _query: &str) -> Vec<(&'static str, String)> {
        Vec::new()
    }
    /// The member actions for a record as shown.
    fn member_actions(&self, _id: i64, _record: &Record) -> Vec<MemberAction> {
        Vec::new()
    }
    /// The button of act `key` on record `id`: it posts to the act's route and is shown to
    /// the roles the act needs, so a button and its act cannot disagree. (An undeclared act,
    /// whose route answers 404, needs the strictest right.)
    fn button(&self, id: i64, key: &'static str, label: &'static str) -> MemberAction {
        let act = self.acts().into_iter().find(|act| act.key == key);
        let needs = act.map_or(crate::auth::policy::Action::Delete, |act| act.needs);
        MemberAction::post(label, format!("/admin/{}/{id}/{key}", self.name()), needs)
    }
    /// Buttons on the index that act on the whole collection (like "retry all dead").
    fn collection_actions(&self) -> Vec<MemberAction> {
        Vec::new()
    }
    /// The new and edit forms and deletion, when the resource has them.
    fn form(&self) -> Option<&'static dyn Form> {
        None
    }
    /// Where the record can be seen as the public site would show it, whatever its status.
    fn preview_url(&self, _id: i64) -> Option<String> {
        None
    }
    /// Where the record's numbers are (what a posting did on the public site).
    fn stats_url(&self, _id: i64) -> Option<String> {
        None
    }
}

/// A resource's new and edit forms and its deletion: declared in `resources/*_form.rs`,
/// served by the generic handlers in `edit.rs`.
pub trait Form: Sync {
    /// The fields, in page order.
    fn fields(&self, tr: &Tr) -> Vec<Field>;
    /// The new form's starting values (`original_locale`: the original text's language).
    fn new_values(&self, _tr: &Tr) -> FormValues {
        FormValues::default()
    }
    /// A record as its form shows it, or `None` when there is no such record.
    fn load(&self, conn: &mut DbConn, id: i64, editor: &Editor)
    -> Result<Option<Stored>, AppError>;
    /// Checks what only the resource knows (uniqueness, related records, ranges) and writes
    /// `values`: creates a record when `old` is `None`. Runs inside the caller's transaction,
    /// after the generic field checks passed; returns the record's id.
    fn save(
        &self,
        conn: &mut DbConn,
        old: Option<(i64, &Stored)>,
        values: &FormValues,
        editor: &Editor,
    ) -> Result<Result<Saved, Vec<FieldError>>, AppError>;
    /// The checks `save` makes, writing nothing: what a dry run reports.
    fn verify(
        &self,
        conn: &mut DbConn,
        old: Option<(i64, &Stored)>,
        values: &FormValues,
        editor: &Editor,
    ) -> Result<Vec<FieldError>, AppError>;
    /// Whether new records checked by `check_new` may be written together by
    /// `create_checked` (an import's batch): the form's checks keep them apart. Otherwise
    /// each is saved on its own.
    fn writes_many(&self) -> bool {
        false
    }
    /// The checks `save` makes of a new record, writing nothing: the record to write, or what
    /// is wrong with it.
    fn check_new(
        &self,
        conn: &mut DbConn,
        values: &FormValues,
        editor: &Editor,
    ) -> Result<Result<Checked, Vec<FieldError>>, AppError>;
    /// Writes new records `check_new` passed, together, inside the caller's transaction.
    fn create_checked(
        &self,
        conn: &mut DbConn,
        checked: &[Checked],
        editor: &Editor,
    ) -> Result<Vec<Saved>, AppError>;
    /// Deletes one record and what belongs to it, inside the caller's transaction.
    fn delete(&self, conn: &mut DbConn, id: i64) -> Result<Deleted, AppError>;
}

/// A new record a form checked and has not written yet.
pub struct Checked(pub(super) Box<dyn std::any::Any + Send>);

/// A record a form wrote.
pub struct Saved {
    pub id: i64,
    /// A secret the new record was given that exists nowhere else (an API token): shown once,
    /// on the next page, and never stored or logged.
    pub reveal: Option<String>,
}

impl From<i64> for Saved {
    fn from(id: i64) -> Saved {
        Saved { id, reveal: None }
    }
}

/// Who fills a form in, and in which language: association fields offer and accept only the
/// records this user may see.
#[derive(Debug, Clone)]
pub struct Editor {
    pub tr: Tr,
    pub viewer: Viewer,
    /// Related records this editor's forms already found.
    pub lookups: Lookups,
}

impl Editor {
    pub fn new(tr: Tr, viewer: Viewer) -> Editor {
        Editor { tr, viewer, lookups: Lookups::default() }
    }
}

/// The related record each association's text named, as found: an import names the same
/// company on thousands of rows, and a form on a page looks it up once anyway. Clones of an
/// editor share it; whoever rolls back a record it may hold calls `forget`.
///
/// It also holds the unique values (slugs) this editor's checks gave records not yet written:
/// an import checks a batch of rows before it writes them, and two of them must not be given
/// the same slug. Claims outlive `forget`: a claimed value is at worst skipped.
#[derive(Debug, Clone, Default)]
pub struct Lookups(Arc<Mutex<Found>>);

#[derive(Default)]
struct Found {
    ids: HashMap<(&'static str, String), i64>,
    claimed: std::collections::HashSet<(&'static str, String)>,
    /// A form's own memory of what it found (`Lookups::with`), one per type.
    kept: HashMap<std::any::TypeId, Box<dyn std::any::Any + Send>>,
}

impl std::fmt::Debug for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Found").field("ids", &self.ids).field("claimed", &self.claimed).finish()
    }
}

impl Lookups {
    fn found(&self) -> std::sync::MutexGuard<'_, Found> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn get(&self, resource: &'static str, text: &str) -> Option<i64> {
        self.found().ids.get(&(resource, text.to_owned())).copied()
    }

    pub fn remember(&self, resource: &'static str, text: &str, id: i64) {
        self.found().ids.insert((resource, text.to_owned()), id);
    }

    pub fn forget(&self) {
        let mut found = self.found();
        found.ids.clear();
        found.kept.clear();
    }

    /// Runs `f` on this editor's `T`, made empty the first time (or after `forget`): what a
    /// form's writes found (a posting's skills and places), kept across its writes.
    pub fn with<T: Default + Send + 'static, R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        let mut found = self.found();
        let kept =
            found.kept.entry(std::any::TypeId::of::<T>()).or_insert_with(|| Box::new(T::default()));
        match kept.downcast_mut::<T>() {
            Some(kept) => f(kept),
            // Kept under its own type's id, so never; it would only forget.
            None => f(&mut T::default()),
        }
    }

    /// Whether a check already gave `value` (of kind `kind`) to a record.
    pub fn claimed(&self, kind: &'static str, value: &str) -> bool {
        self.found().claimed.contains(&(kind, value.to_owned()))
    }

    /// Marks `value` as given to a record.
    pub fn claim(&self, kind: &'static str, value: &str) {
        self.found().claimed.insert((kind, value.to_owned()));
    }
}

/// A record as its form shows it.
pub struct Stored {
    /// The record's name, for titles and the audit log.
    pub label: String,
    pub values: FormValues,
    /// The language of the original text.
    pub original: crate::i18n::Locale,
    /// When the original text last changed.
    pub text_updated_at: NaiveDateTime,
    /// When the original was last in step with each translation.
    pub translated_from: Vec<(crate::i18n::Locale, NaiveDateTime)>,
    /// Per image field, the address of a small version of the stored file once it is made:
    /// the form shows that rather than an original of up to 4096 pixels.
    pub previews: BTreeMap<&'static str, String>,
    /// The typed draft the values were shown from, for forms declared on one
    /// ([`super::draft_form::DraftForm`]).
    pub draft: Option<Box<dyn std::any::Any + Send>>,
}

/// What a delete did.
#[derive(Debug, PartialEq, Eq)]
pub enum Deleted {
    Done,
    NotFound,
    /// Refused, with the Fluent id of the reason (records depend on it).
    Refused(&'static str),
}

impl Deleted {
    /// From the number of rows a `DELETE` removed.
    pub fn from_rows(rows: usize) -> Deleted {
        if rows == 0 { Deleted::NotFound } else { Deleted::Done }
    }
}

/// Reads the index state from a query string. Unknown parameters, unknown filter keys, bad
/// values and undeclared sorts are ignored (the default applies), so nothing unexpected
/// reaches a query.
pub fn parse_list_query(
    resource: &dyn Resource,
    query: &str,
    tr: &Tr,
    viewer: Viewer,
) -> ListQuery {
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.trim().to_owned()))
        .collect();
    let get = |name: &str| {
        pairs.iter().find(|(k, v)| k == name && !v.is_empty()).map(|(_, v)| v.as_str())
    };
    let scopes = resource.scopes();
    let scope = get("scope")
        .and_then(|s| scopes.iter().find(|d| d.key == s))
        .or(scopes.first())
        .map_or("all", |d| d.key);
    let columns = resource.columns();
    let (default_sort, default_dir) = resource.default_sort();
    let (sort, dir) = get("sort")
        .and_then(|s| {
            let (key, dir) = match s.strip_prefix('-') {
                Some(key) => (key, Dir::Desc),
                None => (s, Dir::Asc),
            };
            columns.iter().find(|c| c.sortable && c.key == key).map(|c| (c.key, dir))
        })
        .unwrap_or((default_sort, default_dir));
    let per_page = get("per_page")
        .and_then(|p| p.parse().ok())
        .filter(|p| PER_PAGE_CHOICES.contains(p))
        .unwrap_or(PER_PAGE_CHOICES[0]);
    let page = get("page")
        .and_then(|p| p.parse::<u32>().ok())
        .filter(|p| (1..=100_000).contains(p))
        .unwrap_or(1);
    let mut filters = Vec::new();
    for def in resource.filters(tr) {
        let value = match &def.kind {
            FilterKind::Text => get(def.key).map(|v| {
                let op = get(&format!("{}_op", def.key))
                    .and_then(TextOp::parse)
                    .unwrap_or(TextOp::Contains);
                FilterValue::Text(op, v.chars().take(200).collect())
            }),
            FilterKind::Select(values) => get(def.key)
                .filter(|v| values.iter().any(|(value, _)| value == v))
                .map(|v| FilterValue::Select(v.to_owned())),
            FilterKind::Boolean => match get(def.key) {
                Some("true") => Some(FilterValue::Boolean(true)),
                Some("false") => Some(FilterValue::Boolean(false)),
                _ => None,
            },
            FilterKind::DateRange => {
                let date = |suffix: &str| {
                    get(&format!("{}_{suffix}", def.key))
                        .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
                };
                match (date("from"), date("to")) {
                    (None, None) => None,
                    (from, to) => Some(FilterValue::DateRange(from, to)),
                }
            }
            FilterKind::NumberRange => {
                let number = |suffix: &str| {
                    get(&format!("{}_{suffix}", def.key)).and_then(|v| v.parse::<i64>().ok())
                };
                match (number("min"), number("max")) {
                    (None, None) => None,
                    (min, max) => Some(FilterValue::NumberRange(min, max)),
                }
            }
            FilterKind::Association => {
                get(def.key).map(|v| FilterValue::Association(v.chars().take(200).collect()))
            }
        };
        if let Some(value) = value {
            filters.push((def.key, value));
        }
    }
    ListQuery { viewer, scope, filters, sort, dir, page, per_page }
}
