//! Which statements PostgreSQL plans for the values of each run.
//!
//! Diesel prepares a statement once per connection and runs it again by name. PostgreSQL plans
//! such a statement for its values five times, then may switch to a generic plan that ignores
//! them. For the small fixed statements of every page (the session, the data version, a
//! user's saved views) that saves the planning, which cost more than running them (0.28 ms to
//! plan the session's join, 0.05 ms to run it). For a list filtered by what an admin typed,
//! the generic plan is a disaster: it cannot tell a rare "contains" pattern from a common one,
//! and read every posting (2 pages a second instead of 900 at 100,000 postings). Those
//! statements are marked [`PlannedEachRun`]: they are sent unnamed, so PostgreSQL plans each
//! run with its values. SQLite has no plan cache to go stale; there the mark changes nothing.

use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::{QueryResult, RunQueryDsl};

use super::{DbConn, MultiBackend};

/// A query planned for its values on every run (see the module's documentation).
#[derive(Debug, Clone, Copy)]
pub struct PlannedEachRun<Q>(Q);

/// Marks a query to be [`PlannedEachRun`].
pub trait PlanEachRun: Sized {
    fn plan_each_run(self) -> PlannedEachRun<Self> {
        PlannedEachRun(self)
    }
}

impl<Q: Query> PlanEachRun for Q {}

impl<Q: Query> Query for PlannedEachRun<Q> {
    type SqlType = Q::SqlType;
}

impl<Q> QueryId for PlannedEachRun<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: QueryFragment<MultiBackend>> QueryFragment<MultiBackend> for PlannedEachRun<Q> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, MultiBackend>) -> QueryResult<()> {
        #[cfg(feature = "postgres")]
        if matches!(out.backend(), MultiBackend::Pg(_)) {
            out.unsafe_to_cache_prepared();
        }
        self.0.walk_ast(out.reborrow())
    }
}

impl<Q> RunQueryDsl<DbConn> for PlannedEachRun<Q> {}

#[cfg(test)]
mod tests {
    use diesel::prelude::*;

    use super::*;
    use crate::db::schema::skills;

    fn cached(query: &impl QueryFragment<MultiBackend>, backend: &MultiBackend) -> bool {
        query.is_safe_to_cache_prepared(backend).expect("a cacheable answer")
    }

    /// Marked statements stay out of the statement cache on PostgreSQL only.
    #[test]
    fn a_marked_query_is_left_out_of_the_cache_on_postgresql_only() {
        let query = skills::table.select(skills::id).filter(skills::name.like("%a%"));
        #[cfg(feature = "sqlite")]
        {
            let sqlite = MultiBackend::Sqlite(Default::default());
            assert!(cached(&query, &sqlite) && cached(&query.plan_each_run(), &sqlite));
        }
        #[cfg(feature = "postgres")]
        {
            let pg = MultiBackend::Pg(Default::default());
            assert!(cached(&query, &pg) && !cached(&query.plan_each_run(), &pg));
        }
    }
}
