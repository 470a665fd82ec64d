//! The OpenAPI 3.1 document, from the handlers' `#[utoipa::path]` annotations and the
//! response types' derives: `GET /api/v1/openapi.json`.

use std::sync::LazyLock;

use actix_web::{HttpRequest, HttpResponse};
use utoipa::OpenApi;

use super::problem::{FieldError, Problem};
use super::{
    applications, apply, companies, company_write, job, job_write, jobs, skills, token, webhooks,
};

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
        skills::list,
        companies::list,
        companies::show,
        company_write::create,
        company_write::update,
        company_write::put_logo,
        company_write::delete_logo,
        applications::list,
        applications::show,
        applications::cv,
        applications::stage,
        apply::create,
        webhooks::list,
        webhooks::show,
        webhooks::create,
        webhooks::update,
        webhooks::delete,
        webhooks::rotate_secret,
        webhooks::ping,
        token::show
    ),
    components(schemas(Problem, FieldError)),
    modifiers(&BearerToken, &CommonResponses),
    tags(
        (name = "jobs", description = "Published postings"),
        (name = "companies", description = "The companies on the board"),
        (name = "applications", description = "Applications to postings, for tracking systems"),
        (name = "webhooks", description = "Where the board sends its events, signed"),
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

/// The refusals every operation of a kind may answer with, added where a handler did not
/// document them itself: so a client (and Schemathesis) knows every status it may get.
struct CommonResponses;

impl utoipa::Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::path::Operation;
        use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
        let problem = |description: &str| {
            ResponseBuilder::new()
                .description(description)
                .content(
                    super::problem::CONTENT_TYPE,
                    ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build(),
                )
                .build()
        };
        let add = |op: &mut Operation, status: &str, description: &str| {
            if !op.responses.responses.contains_key(status) {
                op.responses.responses.insert(status.to_owned(), problem(description).into());
            }
        };
        for (path, item) in openapi.paths.paths.iter_mut() {
            let has_id = path.contains('{');
            let operations = [
                item.get.as_mut(),
                item.post.as_mut(),
                item.patch.as_mut(),
                item.put.as_mut(),
                item.delete.as_mut(),
            ];
            for op in operations.into_iter().flatten() {
                add(op, "406", "The Accept header does not take JSON");
                if op.security.is_some() {
                    add(op, "401", "No valid token: none, unknown, revoked or expired");
                    add(op, "403", "The token lacks the scope this operation needs");
                    add(op, "429", "The token's rate limit is spent; see Retry-After");
                }
                let form = op.request_body.as_ref().is_some_and(|body| {
                    body.content.keys().any(|media| media.starts_with("multipart/"))
                });
                if form {
                    add(op, "400", "The body is not the multipart form it says it is");
                }
                if op.request_body.is_some() {
                    add(op, "413", "The body is larger than this operation takes");
                    add(op, "415", "The body is not of the media type this operation takes");
                    add(op, "422", "Fields were refused, each named with the reason");
                }
                if has_id {
                    add(op, "404", "Nothing this caller may see has this id");
                }
            }
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
