//! The diesel side of the engine: one boxed query per list, narrowed by boxed predicates and
//! ordered by boxed sort expressions. The trait bounds diesel needs are written once here, on
//! [`Source`]'s blanket implementation; a declaration only names its table and row type.

use diesel::dsl::{AsSelect, IntoBoxed, Select};
use diesel::expression::expression_types::NotSelectable;
use diesel::expression::{ValidGrouping, is_aggregate};
use diesel::prelude::*;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::query_dsl::LoadQuery;
use diesel::query_dsl::methods::{
    BoxedDsl, FilterDsl, LimitDsl, OffsetDsl, SelectDsl, ThenOrderDsl,
};
use diesel::sql_types::{BigInt, Bool};

use crate::admin::resource::Db;
use crate::db::DbConn;
use crate::db::plan::{PlanEachRun, PlannedEachRun};

/// A condition on the rows of `QS`: a filter's or a scope's.
pub type Pred<QS> = Box<dyn BoxableExpression<QS, Db, SqlType = Bool>>;

/// One term of an `ORDER BY` over `QS`.
pub type Order<QS> = Box<dyn BoxableExpression<QS, Db, SqlType = NotSelectable>>;

/// An aggregate count over `QS`: one scope's.
pub type Count<QS> = Box<dyn BoxableExpression<QS, Db, (), is_aggregate::Yes, SqlType = BigInt>>;

/// The key column of `QS`, to read a page's ids alone.
pub type Id<QS> = Box<dyn BoxableExpression<QS, Db, (), is_aggregate::No, SqlType = BigInt>>;

/// The scope counts one statement reads: its columns beyond a resource's scopes count nothing,
/// and a resource with more scopes takes one more statement per this many.
pub const MAX_SCOPES: usize = 8;

type Counts<QS> =
    (Count<QS>, Count<QS>, Count<QS>, Count<QS>, Count<QS>, Count<QS>, Count<QS>, Count<QS>);

/// The boxed query over `QS`: filtered and ordered, then given the columns to read.
pub type Boxed<QS> = IntoBoxed<'static, QS, Db>;

type RowSelect<QS, R> = Select<Boxed<QS>, AsSelect<R, Db>>;

/// The ids of one page of a list (a `SELECT` with its `LIMIT` and `OFFSET`), to read the rows
/// of in the same statement.
pub type IdPage = Box<dyn QueryFragment<Db> + Send>;

/// `column IN (the ids of a page)`. Written out because diesel's `eq_any` cannot take a
/// subquery whose type is only known to the engine. The page is wrapped in a derived table:
/// MySQL refuses `LIMIT` directly inside `IN (…)`. PostgreSQL reads the page's ids from the
/// sort's index and then the rows by primary key (seen with `EXPLAIN ANALYZE`, 1.1 ms at
/// page 200 of 100,000 postings); SQLite's throughput did not change against two statements.
pub struct InPage<C> {
    column: C,
    page: IdPage,
}

impl<C> InPage<C> {
    pub fn new(column: C, page: IdPage) -> InPage<C> {
        InPage { column, page }
    }
}

impl<C> Expression for InPage<C> {
    type SqlType = Bool;
}

impl<C: AppearsOnTable<QS>, QS> AppearsOnTable<QS> for InPage<C> {}

impl<C: SelectableExpression<QS>, QS> SelectableExpression<QS> for InPage<C> {}

impl<C> ValidGrouping<()> for InPage<C> {
    type IsAggregate = is_aggregate::No;
}

impl<C> QueryId for InPage<C> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<C: QueryFragment<Db>> QueryFragment<Db> for InPage<C> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Db>) -> QueryResult<()> {
        self.column.walk_ast(out.reborrow())?;
        out.push_sql(" IN (SELECT * FROM (");
        self.page.walk_ast(out.reborrow())?;
        out.push_sql(") AS page_ids)");
        Ok(())
    }
}

/// A table the engine can filter, order and count.
pub trait Source: Sized + 'static {
    type Query;
    fn query() -> Self::Query;
    fn filter(q: Self::Query, p: Pred<Self>) -> Self::Query;
    fn then_order(q: Self::Query, o: Order<Self>) -> Self::Query;
    fn counts(
        q: Self::Query,
        counts: [Count<Self>; MAX_SCOPES],
        conn: &mut DbConn,
    ) -> QueryResult<[i64; MAX_SCOPES]>;
    /// The ids of a page of `q`, to read its rows by (see `Key::within`).
    fn id_page(q: Self::Query, id: Id<Self>, limit: i64, offset: i64) -> IdPage;
}

/// A table the engine can read `R` rows from: a page of them.
pub trait Loads<R>: Source {
    fn load(q: Self::Query, limit: i64, offset: i64, conn: &mut DbConn) -> QueryResult<Vec<R>>;
}

impl<QS> Source for QS
where
    QS: Default + BoxedDsl<'static, Db> + 'static,
    Boxed<QS>: FilterDsl<Pred<QS>, Output = Boxed<QS>>
        + ThenOrderDsl<Order<QS>, Output = Boxed<QS>>
        + SelectDsl<Counts<QS>>
        + SelectDsl<Id<QS>>,
    Select<Boxed<QS>, Counts<QS>>: diesel::query_builder::Query,
    PlannedEachRun<Select<Boxed<QS>, Counts<QS>>>:
        LoadQuery<'static, DbConn, (i64, i64, i64, i64, i64, i64, i64, i64)>,
    Select<Boxed<QS>, Id<QS>>: LimitDsl<Output = Select<Boxed<QS>, Id<QS>>>
        + OffsetDsl<Output = Select<Boxed<QS>, Id<QS>>>
        + QueryFragment<Db>
        + Send,
{
    type Query = Boxed<QS>;

    fn query() -> Boxed<QS> {
        BoxedDsl::internal_into_boxed(QS::default())
    }

    fn filter(q: Boxed<QS>, p: Pred<QS>) -> Boxed<QS> {
        FilterDsl::filter(q, p)
    }

    fn then_order(q: Boxed<QS>, o: Order<QS>) -> Boxed<QS> {
        ThenOrderDsl::then_order_by(q, o)
    }

    fn counts(
        q: Boxed<QS>,
        counts: [Count<QS>; MAX_SCOPES],
        conn: &mut DbConn,
    ) -> QueryResult<[i64; MAX_SCOPES]> {
        let [a, b, c, d, e, f, g, h] = counts;
        let q = SelectDsl::select(q, (a, b, c, d, e, f, g, h));
        let (a, b, c, d, e, f, g, h) = RunQueryDsl::get_result(q.plan_each_run(), conn)?;
        Ok([a, b, c, d, e, f, g, h])
    }

    fn id_page(q: Boxed<QS>, id: Id<QS>, limit: i64, offset: i64) -> IdPage {
        Box::new(OffsetDsl::offset(LimitDsl::limit(SelectDsl::select(q, id), limit), offset))
    }
}

impl<QS, R> Loads<R> for QS
where
    QS: Source<Query = Boxed<QS>> + BoxedDsl<'static, Db>,
    R: Selectable<Db> + 'static,
    R::SelectExpression: diesel::query_builder::QueryId,
    Boxed<QS>: SelectDsl<AsSelect<R, Db>>,
    RowSelect<QS, R>: LimitDsl<Output = RowSelect<QS, R>>
        + OffsetDsl<Output = RowSelect<QS, R>>
        + diesel::query_builder::Query,
    PlannedEachRun<RowSelect<QS, R>>: LoadQuery<'static, DbConn, R>,
{
    fn load(q: Boxed<QS>, limit: i64, offset: i64, conn: &mut DbConn) -> QueryResult<Vec<R>> {
        let q = SelectDsl::select(q, R::as_select());
        let q = OffsetDsl::offset(LimitDsl::limit(q, limit), offset);
        RunQueryDsl::load(q.plan_each_run(), conn)
    }
}
