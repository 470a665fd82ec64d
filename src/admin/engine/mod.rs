//! The back-office engine: a resource declares its columns (label, sort expression, cell from a
//! typed row), filters and scopes (each with its predicate); the engine filters, counts the
//! scopes in one statement, sorts, pages, builds the cells and export rows. A resource file is
//! that declaration plus its own actions and show page.

pub mod filters;
pub mod query;

use chrono::NaiveDateTime;
use diesel::QueryResult;
use diesel::expression::expression_types::NotSelectable;
use diesel::prelude::*;

pub use self::filters::{Filter, Scope};
pub use self::query::{Loads, MAX_SCOPES, Order, Pred, Source};
use super::export::Value;
use super::resource::{
    Cell, Column, Db, Dir, FilterDef, ListQuery, ListResult, Listing, Lookup, Record, Row,
    ScopeDef, Viewer,
};
use crate::auth::policy::Area;
use crate::db::DbConn;
use crate::error::AppError;
use crate::i18n::Tr;

/// How a column sorts: its ascending and descending `ORDER BY` terms. The engine adds the
/// key in the same direction, so that rows with equal values keep a stable order.
pub struct Sort<QS>(Box<dyn Fn(Dir) -> Order<QS> + Send + Sync>);

impl<QS: 'static> Sort<QS> {
    /// By `column`'s value.
    pub fn by<C>(column: C) -> Sort<QS>
    where
        C: ExpressionMethods + Copy + Send + Sync + 'static,
        diesel::dsl::Asc<C>: BoxableExpression<QS, Db, SqlType = NotSelectable>,
        diesel::dsl::Desc<C>: BoxableExpression<QS, Db, SqlType = NotSelectable>,
    {
        Sort(Box::new(move |dir| match dir {
            Dir::Asc => Box::new(column.asc()),
            Dir::Desc => Box::new(column.desc()),
        }))
    }

    fn order(&self, dir: Dir) -> Order<QS> {
        (self.0)(dir)
    }
}

/// A column of the list: header, how it sorts (if it does), and its cell for a row.
pub struct Col<D: Declaration + ?Sized> {
    pub key: &'static str,
    /// Fluent id of the header.
    pub label: &'static str,
    pub sort: Option<Sort<D::Table>>,
    pub cell: CellOf<D>,
}

/// How a column builds its cell from a row, the page's context and the language.
pub type CellOf<D> =
    Box<dyn Fn(&<D as Declaration>::Row, &<D as Declaration>::Context, &Tr) -> Cell + Send + Sync>;

impl<D: Declaration + ?Sized> Col<D> {
    /// Sortable by `column`.
    pub fn sorted_by<C>(&mut self, column: C) -> &mut Col<D>
    where
        C: ExpressionMethods + Copy + Send + Sync + 'static,
        diesel::dsl::Asc<C>: BoxableExpression<D::Table, Db, SqlType = NotSelectable>,
        diesel::dsl::Desc<C>: BoxableExpression<D::Table, Db, SqlType = NotSelectable>,
    {
        self.sort = Some(Sort::by(column));
        self
    }
}

/// The list's columns, in the order a declaration adds them.
pub struct Columns<D: Declaration + ?Sized>(Vec<Col<D>>);

impl<D: Declaration + ?Sized> Columns<D> {
    /// A cell made of the row, the page's context and the language.
    pub fn with(
        &mut self,
        key: &'static str,
        label: &'static str,
        cell: impl Fn(&D::Row, &D::Context, &Tr) -> Cell + Send + Sync + 'static,
    ) -> &mut Col<D> {
        self.0.push(Col { key, label, sort: None, cell: Box::new(cell) });
        self.0.last_mut().expect("just pushed")
    }

    /// A cell made of the row alone.
    pub fn cell(
        &mut self,
        key: &'static str,
        label: &'static str,
        cell: fn(&D::Row) -> Cell,
    ) -> &mut Col<D> {
        self.with(key, label, move |row, _, _| cell(row))
    }

    /// Plain text.
    pub fn text(
        &mut self,
        key: &'static str,
        label: &'static str,
        text: fn(&D::Row) -> String,
    ) -> &mut Col<D> {
        self.with(key, label, move |row, _, _| Cell::Text(text(row)))
    }

    /// A country's name in the admin's language, from the row's ISO code.
    pub fn country(
        &mut self,
        key: &'static str,
        label: &'static str,
        code: fn(&D::Row) -> Option<&str>,
    ) -> &mut Col<D> {
        self.with(key, label, move |row, _, tr| {
            Cell::Text(code(row).map(|c| tr.country(c)).unwrap_or_default())
        })
    }

    /// The record's name, linked to its show page.
    pub fn link(
        &mut self,
        key: &'static str,
        label: &'static str,
        text: fn(&D::Row) -> String,
    ) -> &mut Col<D> {
        self.with(key, label, move |row, _, _| {
            Cell::Link(text(row), format!("/admin/{}/{}", D::NAME, row.row_id()))
        })
    }

    /// The label of a stored value (an enum's `label_key`), in the page's language.
    pub fn label(
        &mut self,
        key: &'static str,
        label: &'static str,
        id: fn(&D::Row) -> &'static str,
    ) -> &mut Col<D> {
        self.with(key, label, move |row, _, tr| Cell::Text(tr.t(id(row))))
    }

    /// A day.
    pub fn date(
        &mut self,
        key: &'static str,
        label: &'static str,
        at: fn(&D::Row) -> Option<NaiveDateTime>,
    ) -> &mut Col<D> {
        self.with(key, label, move |row, _, _| Cell::Date(at(row)))
    }

    /// A day and its time.
    pub fn date_time(
        &mut self,
        key: &'static str,
        label: &'static str,
        at: fn(&D::Row) -> Option<NaiveDateTime>,
    ) -> &mut Col<D> {
        self.with(key, label, move |row, _, _| Cell::DateTime(at(row)))
    }
}

/// `resource`'s columns.
pub fn columns<D: Declaration>(resource: &D) -> Vec<Col<D>> {
    let mut columns = Columns(Vec::new());
    resource.columns(&mut columns);
    columns.0
}

/// A column of the CSV, XLSX and JSON exports.
pub struct Export<D: Declaration + ?Sized> {
    /// The JSON key.
    pub key: &'static str,
    /// Fluent id of the header.
    pub label: &'static str,
    pub value: ExportValue<D>,
}

/// How an export column reads its value from a row, the page's context and the language.
pub type ExportValue<D> =
    Box<dyn Fn(&<D as Declaration>::Row, &<D as Declaration>::Context, &Tr) -> Value + Send + Sync>;

/// The export's columns, in the order a declaration adds them.
pub struct Exports<D: Declaration + ?Sized>(Vec<Export<D>>);

/// How each record of a page stands in each language: the context of a translations column.
pub type Translations =
    std::collections::HashMap<i64, Vec<(crate::i18n::Locale, super::fields::TranslationState)>>;

impl<D: Declaration<Context = Translations> + ?Sized> Columns<D> {
    /// The translation status per language (missing, out of date, up to date) of each row.
    pub fn translations(&mut self) -> &mut Col<D> {
        self.with("translations", "admin-field-translations", |row, states, _| {
            Cell::Translations(states.get(&row.row_id()).cloned().unwrap_or_default())
        })
    }
}

impl<D: Declaration + ?Sized> Exports<D> {
    /// A value made of the row, the page's context and the language.
    pub fn with(
        &mut self,
        key: &'static str,
        label: &'static str,
        value: impl Fn(&D::Row, &D::Context, &Tr) -> Value + Send + Sync + 'static,
    ) {
        self.0.push(Export { key, label, value: Box::new(value) });
    }

    /// A value read from the row: text, a number, a date, or an `Option` of one.
    pub fn field<V: Into<Value> + 'static>(
        &mut self,
        key: &'static str,
        label: &'static str,
        value: fn(&D::Row) -> V,
    ) {
        self.with(key, label, move |row, _, _| value(row).into());
    }
}

/// `resource`'s export columns, when it declares its own.
fn exports<D: Declaration>(resource: &D) -> Vec<Export<D>> {
    let mut exports = Exports(Vec::new());
    resource.exports(&mut exports);
    exports.0
}

/// The key of a resource's rows: the last sort term, and where exports resume.
pub struct Key<QS> {
    sort: Sort<QS>,
    id: Box<dyn Fn() -> query::Id<QS> + Send + Sync>,
    after: Box<dyn Fn(i64) -> Pred<QS> + Send + Sync>,
    among: Box<dyn Fn(Vec<i64>) -> Pred<QS> + Send + Sync>,
    /// The rows whose ids a page subquery reads.
    within: Box<dyn Fn(query::IdPage) -> Pred<QS> + Send + Sync>,
}

/// A table whose primary key is one BIGINT column, which keys its rows in the engine.
pub trait Keyed: Sized {
    fn key() -> Key<Self>;
}

impl<QS> Keyed for QS
where
    QS: diesel::Table + Default + 'static,
    QS::PrimaryKey:
        ExpressionMethods<SqlType = diesel::sql_types::BigInt> + Copy + Send + Sync + 'static,
    QS::PrimaryKey: BoxableExpression<
            QS,
            Db,
            (),
            diesel::expression::is_aggregate::No,
            SqlType = diesel::sql_types::BigInt,
        >,
    diesel::dsl::Asc<QS::PrimaryKey>: BoxableExpression<QS, Db, SqlType = NotSelectable>,
    diesel::dsl::Desc<QS::PrimaryKey>: BoxableExpression<QS, Db, SqlType = NotSelectable>,
    diesel::dsl::Gt<QS::PrimaryKey, i64>:
        BoxableExpression<QS, Db, SqlType = diesel::sql_types::Bool>,
    diesel::dsl::EqAny<QS::PrimaryKey, Vec<i64>>:
        BoxableExpression<QS, Db, SqlType = diesel::sql_types::Bool>,
    query::InPage<QS::PrimaryKey>: BoxableExpression<QS, Db, SqlType = diesel::sql_types::Bool>,
{
    fn key() -> Key<QS> {
        let column = QS::default().primary_key();
        Key {
            sort: Sort::by(column),
            id: Box::new(move || Box::new(column)),
            after: Box::new(move |after| Box::new(column.gt(after))),
            among: Box::new(move |ids| Box::new(column.eq_any(ids))),
            within: Box::new(move |page| Box::new(query::InPage::new(column, page))),
        }
    }
}

/// A row that carries its record's id: `#[derive(Identifiable)]` on the row struct.
pub trait RowId {
    fn row_id(&self) -> i64;
}

impl<R> RowId for R
where
    for<'a> &'a R: Identifiable<Id = &'a i64>,
{
    fn row_id(&self) -> i64 {
        *Identifiable::id(self)
    }
}

/// What a resource declares about its list. Everything else a list needs comes from the
/// engine ([`Listing`] is implemented for every declaration).
pub trait Declaration: Sync + 'static {
    /// The table listed (`schema::jobs::table`).
    type Table: Loads<Self::Row> + Keyed;
    /// The columns read for each row: a `Selectable` and `Identifiable` struct, narrow (no
    /// long texts).
    type Row: RowId + Send + 'static;
    /// What cells need besides the rows (related names, counts), read once per page.
    type Context: Default;

    /// The URL segment: `/admin/{NAME}`.
    const NAME: &'static str;
    /// Who may do what with it.
    const AREA: Area;
    /// Fluent id of the plural title.
    const TITLE: &'static str;
    /// The table's name, as the change counters know it (see `dialect::change_count`).
    const TABLE: &'static str;
    /// The column key and direction of the list's order when the URL names none.
    const DEFAULT_SORT: (&'static str, Dir);
    /// The column that names a record, with a text filter of the same key: association
    /// fields look records up by it (`None`: no lookup).
    const NAMED_BY: Option<&'static str> = None;

    fn columns(&self, c: &mut Columns<Self>);
    fn filters(&self, _tr: &Tr) -> Vec<Filter<Self::Table>> {
        Vec::new()
    }
    /// The first scope is the default.
    fn scopes(&self) -> Vec<Scope<Self::Table>> {
        vec![Scope::all()]
    }
    /// Reads what the cells of `rows` need besides the rows, in a fixed number of queries.
    fn context(&self, _conn: &mut DbConn, _rows: &[Self::Row]) -> QueryResult<Self::Context> {
        Ok(Self::Context::default())
    }
    /// The export's columns. By default the list's own, as the cells show them.
    fn exports(&self, _e: &mut Exports<Self>) {}
    /// A number that changes whenever the listed rows do: scope counts are cached per version
    /// and filters. By default the table's change counter, kept by triggers.
    fn data_version(&self, conn: &mut DbConn) -> QueryResult<Option<i64>> {
        crate::db::dialect::change_count(conn, Self::TABLE).map(Some)
    }
    /// The records `viewer` may see, when not all: applied to every list, count, export,
    /// lookup, show, edit and action.
    fn scope_for(&self, _viewer: &Viewer) -> Option<Pred<Self::Table>> {
        None
    }
}

/// What a resource's show page declares: the record as it is read (often its model: a
/// `Selectable` struct wider than the list's row) and the panels made of it.
pub trait Shows: Declaration
where
    Self::Table: Loads<Self::Detail>,
{
    type Detail: Send + 'static;
    /// The show page of `detail`; `conn` reads what further panels need (related records), in
    /// a fixed number of queries.
    fn record(&self, conn: &mut DbConn, detail: Self::Detail, tr: &Tr) -> Result<Record, AppError>;
}

/// The show page of record `id` of `resource`, or `None` when there is no such record.
fn show<D: Shows>(
    resource: &D,
    conn: &mut DbConn,
    id: i64,
    tr: &Tr,
) -> Result<Option<Record>, AppError>
where
    D::Table: Loads<D::Detail>,
{
    let q = D::Table::filter(D::Table::query(), (D::Table::key().among)(vec![id]));
    match <D::Table as Loads<D::Detail>>::load(q, 1, 0, conn)?.pop() {
        Some(detail) => resource.record(conn, detail, tr).map(Some),
        None => Ok(None),
    }
}

/// The most records a lookup offers.
const LOOKUP_LIMIT: u32 = 20;

/// The filtered query of `query` (within the records its viewer may see), without its scope.
fn filtered<D: Declaration>(
    resource: &D,
    filters: &[Filter<D::Table>],
    query: &ListQuery,
) -> <D::Table as Source>::Query {
    let mut q = D::Table::query();
    if let Some(allowed) = resource.scope_for(&query.viewer) {
        q = D::Table::filter(q, allowed);
    }
    for filter in filters {
        if let Some(condition) =
            query.filter(filter.def.key).and_then(|value| filter.predicate(value))
        {
            q = D::Table::filter(q, condition);
        }
    }
    q
}

/// The filtered query narrowed to the query's scope.
fn scoped<D: Declaration>(
    resource: &D,
    filters: &[Filter<D::Table>],
    query: &ListQuery,
) -> <D::Table as Source>::Query {
    let q = filtered(resource, filters, query);
    let scope =
        resource.scopes().into_iter().find(|s| s.def.key == query.scope).and_then(|s| s.condition);
    match scope {
        Some(condition) => D::Table::filter(q, condition),
        None => q,
    }
}

/// Every scope's count under the filters, in one statement.
fn scope_counts<D: Declaration>(
    resource: &D,
    filters: &[Filter<D::Table>],
    query: &ListQuery,
    conn: &mut DbConn,
) -> QueryResult<Vec<i64>> {
    use diesel::dsl::{case_when, count, count_star};
    let scopes = resource.scopes();
    let n = scopes.len();
    // One statement per eight scopes: a declaration may have more than one statement's worth.
    let mut conditions = scopes.into_iter().map(|s| s.condition).peekable();
    let mut all = Vec::with_capacity(n);
    while conditions.peek().is_some() {
        let counts: [query::Count<D::Table>; MAX_SCOPES] =
            std::array::from_fn(|_| match conditions.next() {
                Some(None) => Box::new(count_star()) as query::Count<D::Table>,
                Some(Some(condition)) => Box::new(count(case_when(
                    condition,
                    1.into_sql::<diesel::sql_types::Integer>(),
                ))),
                // Counts nothing: a constant the database folds away.
                None => Box::new(count(case_when(
                    false.into_sql::<diesel::sql_types::Bool>(),
                    1.into_sql::<diesel::sql_types::Integer>(),
                ))),
            });
        all.extend(D::Table::counts(filtered(resource, filters, query), counts, conn)?);
    }
    all.truncate(n);
    Ok(all)
}

/// From this offset on, a page selects its ids in a subquery and reads only its own rows: where
/// an index covers the sort and the filters, the rows skipped over are read from the index
/// alone (at page 200 of 100,000 postings on PostgreSQL, 1.5 ms instead of 12 ms), in the same
/// statement as the rows (a second statement cost a round trip and a plan). On SQLite from the
/// first page: its planner prices a walk of the list's order that reads each row (a posting's
/// row holds its long texts) above reading and sorting every row of a filter's value, and for
/// "published and remote" read half the postings (115 ms); asked for ids only, it walks the
/// covering index (0.2 ms).
fn deferred_from(conn: &DbConn) -> i64 {
    match conn {
        #[cfg(feature = "sqlite")]
        DbConn::Sqlite(_) => 0,
        #[allow(unreachable_patterns)]
        _ => 500,
    }
}

/// The rows of the page, with the context their cells need.
fn page<D: Declaration>(
    resource: &D,
    filters: &[Filter<D::Table>],
    query: &ListQuery,
    conn: &mut DbConn,
) -> QueryResult<(Vec<D::Row>, D::Context)> {
    let columns = columns(resource);
    let sort = columns.iter().find(|c| c.key == query.sort).and_then(|c| c.sort.as_ref());
    let key = D::Table::key();
    let ordered = |mut q| {
        if let Some(sort) = sort {
            q = D::Table::then_order(q, sort.order(query.dir));
        }
        D::Table::then_order(q, key.sort.order(query.dir))
    };
    let q = ordered(scoped(resource, filters, query));
    let (limit, offset) = (query.per_page as i64, query.offset());
    let rows = if offset < deferred_from(conn) {
        <D::Table as Loads<D::Row>>::load(q, limit, offset, conn)?
    } else {
        let ids = D::Table::id_page(q, (key.id)(), limit, offset);
        let q = ordered(D::Table::filter(D::Table::query(), (key.within)(ids)));
        <D::Table as Loads<D::Row>>::load(q, limit, 0, conn)?
    };
    let context = resource.context(conn, &rows)?;
    Ok((rows, context))
}

/// Up to `limit` rows of `query` (its filters, scope and sort) with their context, for pages
/// that show a declared list another way (the applications' board).
pub fn rows<D: Declaration>(
    resource: &D,
    query: &ListQuery,
    limit: u32,
    tr: &Tr,
    conn: &mut DbConn,
) -> QueryResult<(Vec<D::Row>, D::Context)> {
    let query = ListQuery { page: 1, per_page: limit, ..query.clone() };
    page(resource, &Declaration::filters(resource, tr), &query, conn)
}

/// A cell as an export holds it: text, a number or a date, never markup.
pub fn export_value(cell: Cell, tr: &Tr) -> Value {
    match cell {
        Cell::Text(t) | Cell::Link(t, _) | Cell::Status(_, t) | Cell::Code(t) => Value::Text(t),
        Cell::Email(t) | Cell::Paragraphs(t) => Value::Text(t),
        Cell::Date(d) | Cell::DateTime(d) => d.into(),
        Cell::Number(n) => n.into(),
        Cell::Bool(b) => Value::Text(tr.t(if b { "admin-filter-yes" } else { "admin-filter-no" })),
        Cell::Image(image) => image.map_or(Value::Empty, |(url, _)| Value::Text(url)),
        Cell::Translations(states) => Value::Text(
            states
                .into_iter()
                .map(|(locale, state)| {
                    format!(
                        "{}: {}",
                        locale.as_str(),
                        tr.t(&format!("admin-translation-{}", state.as_str()))
                    )
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
    }
}

impl<D> Listing for D
where
    D: Shows,
    D::Table: Loads<D::Detail>,
{
    fn columns(&self) -> Vec<Column> {
        columns(self)
            .into_iter()
            .map(|c| Column { key: c.key, label: c.label, sortable: c.sort.is_some() })
            .collect()
    }

    fn filters(&self, tr: &Tr) -> Vec<FilterDef> {
        Declaration::filters(self, tr).into_iter().map(|f| f.def).collect()
    }

    fn scopes(&self) -> Vec<ScopeDef> {
        Declaration::scopes(self).into_iter().map(|s| s.def).collect()
    }

    fn default_sort(&self) -> (&'static str, Dir) {
        D::DEFAULT_SORT
    }

    fn list(
        &self,
        conn: &mut DbConn,
        query: &ListQuery,
        tr: &Tr,
        counts: Option<Vec<i64>>,
    ) -> Result<ListResult, AppError> {
        let filters = Declaration::filters(self, tr);
        let scope_counts = match counts {
            Some(counts) => counts,
            None => scope_counts(self, &filters, query, conn)?,
        };
        let (rows, context) = page(self, &filters, query, conn)?;
        let columns = columns(self);
        let rows = rows
            .iter()
            .map(|row| Row {
                id: row.row_id(),
                cells: columns.iter().map(|c| (c.cell)(row, &context, tr)).collect(),
            })
            .collect();
        Ok(ListResult { rows, scope_counts })
    }

    fn data_version(&self, conn: &mut DbConn, viewer: &Viewer) -> QueryResult<Option<i64>> {
        // Counts within a viewer's own records are not shared: they are always counted.
        if self.scope_for(viewer).is_some() {
            return Ok(None);
        }
        Declaration::data_version(self, conn)
    }

    fn name(&self) -> &'static str {
        D::NAME
    }

    fn area(&self) -> Area {
        D::AREA
    }

    fn title(&self) -> &'static str {
        D::TITLE
    }

    fn table(&self) -> &'static str {
        D::TABLE
    }

    fn show(&self, conn: &mut DbConn, id: i64, tr: &Tr) -> Result<Option<Record>, AppError> {
        show(self, conn, id, tr)
    }

    fn visible(
        &self,
        conn: &mut DbConn,
        ids: &[i64],
        viewer: &Viewer,
    ) -> Result<Vec<i64>, AppError> {
        let Some(allowed) = self.scope_for(viewer) else {
            return Ok(ids.to_vec());
        };
        let q = D::Table::filter(D::Table::query(), allowed);
        let q = D::Table::filter(q, (D::Table::key().among)(ids.to_vec()));
        let rows = <D::Table as Loads<D::Row>>::load(q, ids.len() as i64, 0, conn)?;
        Ok(rows.iter().map(RowId::row_id).collect())
    }

    fn export_columns(&self) -> Vec<(&'static str, &'static str)> {
        let declared = exports(self);
        if declared.is_empty() {
            columns(self).into_iter().map(|c| (c.key, c.label)).collect()
        } else {
            declared.into_iter().map(|e| (e.key, e.label)).collect()
        }
    }

    fn export_rows(
        &self,
        conn: &mut DbConn,
        query: &ListQuery,
        after: i64,
        limit: i64,
        tr: &Tr,
    ) -> Result<Vec<(i64, Vec<Value>)>, AppError> {
        let filters = Declaration::filters(self, tr);
        let key = D::Table::key();
        let q = scoped(self, &filters, query);
        let q = D::Table::filter(q, (key.after)(after));
        let q = D::Table::then_order(q, key.sort.order(Dir::Asc));
        let rows = <D::Table as Loads<D::Row>>::load(q, limit, 0, conn)?;
        let context = self.context(conn, &rows)?;
        let declared = exports(self);
        let columns = columns(self);
        Ok(rows
            .iter()
            .map(|row| {
                let values = if declared.is_empty() {
                    columns.iter().map(|c| export_value((c.cell)(row, &context, tr), tr)).collect()
                } else {
                    declared.iter().map(|e| (e.value)(row, &context, tr)).collect()
                };
                (row.row_id(), values)
            })
            .collect())
    }

    fn lookup(
        &self,
        conn: &mut DbConn,
        wanted: Lookup<'_>,
        viewer: &Viewer,
        tr: &Tr,
    ) -> Result<Vec<(i64, String)>, AppError> {
        use super::resource::{FilterValue, TextOp};
        let name = D::NAMED_BY.ok_or(AppError::NotFound)?;
        let text = |op, q: &str| vec![(name, FilterValue::Text(op, q.chars().take(200).collect()))];
        let (filters, limit) = match wanted {
            Lookup::Containing(q) => (text(TextOp::Contains, q), LOOKUP_LIMIT),
            // Two are enough to tell one from several.
            Lookup::Named(q) => (text(TextOp::Equals, q), 2),
            Lookup::Ids(ids) => (Vec::new(), ids.len() as u32),
        };
        let query = ListQuery {
            viewer: *viewer,
            scope: "all",
            filters,
            sort: name,
            dir: Dir::Asc,
            page: 1,
            per_page: limit,
        };
        let declared = Declaration::filters(self, tr);
        let (rows, context) = match wanted {
            Lookup::Ids(ids) => {
                let q = scoped(self, &declared, &query);
                let q = D::Table::filter(q, (D::Table::key().among)(ids.to_vec()));
                let rows = <D::Table as Loads<D::Row>>::load(q, limit as i64, 0, conn)?;
                let context = self.context(conn, &rows)?;
                (rows, context)
            }
            _ => page(self, &declared, &query, conn)?,
        };
        let column = columns(self).into_iter().find(|c| c.key == name).ok_or(AppError::NotFound)?;
        let mut named: Vec<(i64, String)> = rows
            .iter()
            .map(|row| {
                let label = match export_value((column.cell)(row, &context, tr), tr) {
                    Value::Text(t) => t,
                    _ => String::new(),
                };
                (row.row_id(), label)
            })
            .collect();
        if let Lookup::Ids(_) = wanted {
            named.sort_by(|a, b| a.1.cmp(&b.1));
        }
        Ok(named)
    }
}

#[cfg(test)]
mod tests;
