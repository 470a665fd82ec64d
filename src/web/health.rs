//! `/healthz`: for load balancers and orchestration. 200 when the database answers.

use actix_web::{HttpResponse, web};
use diesel::connection::SimpleConnection;

use crate::state::AppState;

#[derive(serde::Serialize)]
struct Health {
    status: &'static str,
    database: &'static str,
    search_index_version: i64,
}

pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let checked = crate::db::blocking(&state.pool, |conn| -> Result<(), String> {
        conn.batch_execute("SELECT 1").map_err(|e| e.to_string())
    })
    .await;
    let version = state.search.get().version;
    let failure = checked.err();
    match failure {
        None => HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(Health {
            status: "ok",
            database: "ok",
            search_index_version: version,
        }),
        Some(reason) => {
            log::error!("health check failed: {reason}");
            HttpResponse::ServiceUnavailable().json(Health {
                status: "error",
                database: "unavailable",
                search_index_version: version,
            })
        }
    }
}
