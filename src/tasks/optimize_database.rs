//! Refreshes the database's planner statistics every hour, so that queries keep their
//! indexes as tables grow: SQLite has no autovacuum to do it, and PostgreSQL's may be off or
//! behind a bulk load (see `db::dialect::optimize`).

use serde::{Deserialize, Serialize};

use super::{Task, TaskContext, TaskError};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct OptimizeDatabase;

impl Task for OptimizeDatabase {
    const KIND: &'static str = "optimize_database";
    const QUEUE: &'static str = "maintenance";

    fn dedup_key(&self) -> Option<String> {
        Some(Self::KIND.to_owned())
    }

    async fn run(self, ctx: TaskContext) -> Result<(), TaskError> {
        ctx.with_conn(|conn| Ok(crate::db::dialect::optimize(conn)?)).await
    }
}
