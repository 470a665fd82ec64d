//! The OpenAPI 3.1 document, from the handlers' `#[utoipa::path]` annotations and the
//! response types' derives: `GET /api/v1/openapi.json`.

use std::sync::LazyLock;

use actix_web::{HttpRequest, HttpResponse};
use utoipa::OpenApi;

use super::problem::{FieldError, Problem};
use super::{applications, job, job_write, jobs, token};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Hireboard API",
        version = "1",
        description = "The job board's postings, companies and applications. Errors are RFC 9457 \
            problem details in the language of Accept-Language."
    ),
    paths(
        jobs::list,
        job::show,
        job_write::create,
        job_write::update,
        job_write::publish,
        job_write::unpublish,
        job_write::archive,
        applications::list,
        applications::show,
        applications::cv,
        applications::stage,
        token::show
    ),
    components(schemas(Problem, FieldError)),
    modifiers(&BearerToken),
    tags(
        (name = "jobs", description = "Published postings"),
        (name = "applications", description = "Applications to postings, for tracking systems"),
        (name = "tokens", description = "The token a request presents")
    )
)]
pub struct ApiDoc;

/// The `token` security scheme: `Authorization: Bearer hb_…`.
struct BearerToken;

impl utoipa::Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some(
                "An API token (`hb_…`) made in the back office or by `hireboard api-token create`.",
            ))
            .build();
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme("token", SecurityScheme::Http(scheme));
        }
    }
}

/// Built once: it depends only on the code.
pub(super) static DOCUMENT: LazyLock<utoipa::openapi::OpenApi> = LazyLock::new(ApiDoc::openapi);

pub async fn document(req: HttpRequest) -> HttpResponse {
    super::json(&req, &*DOCUMENT)
}

#[cfg(test)]
mod tests {
    /// Every `$ref` in `value`.
    fn refs<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a str>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(target)) = map.get("$ref") {
                    out.push(target);
                }
                map.values().for_each(|v| refs(v, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }

    #[test]
    fn every_reference_names_a_schema_of_the_document() {
        let doc = serde_json::to_value(&*super::DOCUMENT).unwrap();
        assert_eq!(doc["openapi"], "3.1.0");
        let mut found = Vec::new();
        refs(&doc, &mut found);
        assert!(found.contains(&"#/components/schemas/JobSummary"), "{found:?}");
        for target in found {
            let name = target.strip_prefix("#/components/schemas/").expect(target);
            assert!(
                doc["components"]["schemas"][name].is_object(),
                "{target} is not in the document"
            );
        }
    }
}
