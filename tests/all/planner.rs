//! The database plans the back-office lists through indexes: every declared postings sort,
//! both ways, deep pages too, never sorts the wide posting rows; and the hourly statistics
//! refresh runs on every backend.

use diesel::prelude::*;
use diesel::sql_types::Text;

use crate::support::{CompanyFactory, JobFactory, TestApp, backends};

#[derive(QueryableByName)]
struct Step {
    #[diesel(sql_type = Text)]
    detail: String,
}

#[test]
fn every_postings_sort_walks_an_index_on_sqlite() {
    let app = TestApp::sqlite();
    app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        for _ in 0..40 {
            JobFactory::new(&co).create(c);
        }
        hireboard::db::dialect::optimize(c).unwrap();
        for column in ["title", "company_name", "status", "city", "published_at", "updated_at"] {
            for dir in ["ASC", "DESC"] {
                let sql = format!(
                    "EXPLAIN QUERY PLAN SELECT id, title, summary FROM jobs \
                     ORDER BY {column} {dir}, id {dir} LIMIT 25 OFFSET 4975"
                );
                let plan: Vec<String> = diesel::sql_query(&sql)
                    .load::<Step>(c)
                    .unwrap()
                    .into_iter()
                    .map(|s| s.detail)
                    .collect();
                assert!(
                    plan.iter().all(|step| !step.contains("TEMP B-TREE")),
                    "{column} {dir}: {plan:?}"
                );
            }
        }
    });
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

#[test]
fn statistics_are_refreshed_on_every_backend() {
    for app in backends() {
        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            for _ in 0..40 {
                JobFactory::new(&co).create(c);
            }
            hireboard::db::dialect::optimize(c).unwrap();
        });
        if app.backend == "sqlite" {
            // SQLite keeps what it learnt about the postings' indexes in sqlite_stat1.
            let analyzed = app.with_conn(|c| {
                diesel::sql_query("SELECT count(*) AS n FROM sqlite_stat1 WHERE tbl = 'jobs'")
                    .get_result::<Count>(c)
                    .map(|r| r.n)
                    .unwrap_or(0)
            });
            assert!(analyzed > 0, "no statistics for the postings");
        }
    }
}
