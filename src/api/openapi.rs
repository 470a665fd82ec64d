//! The OpenAPI 3.1 document, from the handlers' `#[utoipa::path]` annotations and the
//! response types' derives: `GET /api/v1/openapi.json`.

use std::sync::LazyLock;

use actix_web::{HttpRequest, HttpResponse};
use utoipa::OpenApi;

use super::jobs;
use super::problem::{FieldError, Problem};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Hireboard API",
        version = "1",
        description = "The job board's postings, companies and applications. Errors are RFC 9457 \
            problem details in the language of Accept-Language."
    ),
    paths(jobs::list),
    components(schemas(Problem, FieldError)),
    tags((name = "jobs", description = "Published postings"))
)]
pub struct ApiDoc;

/// Built once: it depends only on the code.
static DOCUMENT: LazyLock<utoipa::openapi::OpenApi> = LazyLock::new(ApiDoc::openapi);

pub async fn document(req: HttpRequest) -> HttpResponse {
    super::json(&req, &*DOCUMENT)
}
