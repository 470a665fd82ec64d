//! `GET /api/docs`: the API's reference as a page the app serves itself (no CDN, no script):
//! every endpoint of the OpenAPI document with its parameters, body, answers and a curl
//! example, then every kind of problem, each under the anchor its `type` links to.
//!
//! The endpoints' own descriptions come from the document (the handlers' doc comments, in
//! English, like the document itself); everything around them is in the reader's language.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde_json::Value;

use super::problem::locale_of;
use crate::i18n::Locale;
use crate::state::AppState;
use crate::web::{Alternate, Layout};

/// Every kind of problem the API answers with: the anchors of `type`.
pub const PROBLEM_KINDS: [&str; 21] = [
    "invalid",
    "unauthorized",
    "invalid-token",
    "token-expired",
    "token-in-query",
    "insufficient-scope",
    "rate-limited",
    "not-found",
    "method-not-allowed",
    "not-acceptable",
    "unsupported-media-type",
    "too-large",
    "status-conflict",
    "stage-conflict",
    "job-closed",
    "application-duplicate",
    "idempotency-in-flight",
    "bad-request",
    "forbidden",
    "unavailable",
    "internal",
];

/// One endpoint, as the page lists it.
pub struct Endpoint {
    pub anchor: String,
    pub method: String,
    pub path: String,
    pub summary: String,
    /// The scope it needs, when it needs a token.
    pub scope: Option<String>,
    /// (name, where, required, description).
    pub params: Vec<(String, String, bool, String)>,
    /// The body's schema name, when it takes one.
    pub body: Option<String>,
    /// The body's fields: (name, type, description).
    pub body_fields: Vec<(String, String, String)>,
    /// (status, description).
    pub responses: Vec<(String, String)>,
    pub curl: String,
}

/// A kind of problem: its anchor, title and what it means.
pub struct ProblemKind {
    pub kind: &'static str,
    pub title: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "public/api_docs.html")]
pub struct DocsPage {
    pub l: Layout,
    pub base_url: String,
    pub endpoints: Vec<Endpoint>,
    pub problems: Vec<ProblemKind>,
    /// (scope, what it allows).
    pub scopes: Vec<(&'static str, String)>,
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().trim().to_owned()
}

/// A schema's type as a reader wants it: `string`, `integer | null`, `SalaryInput`, `[string]`.
fn type_of(schema: &Value) -> String {
    if let Some(target) = schema["$ref"].as_str() {
        return target.rsplit('/').next().unwrap_or_default().to_owned();
    }
    if let Some(any) = schema["oneOf"].as_array().or(schema["anyOf"].as_array()) {
        return any.iter().map(type_of).collect::<Vec<_>>().join(" | ");
    }
    let base = match &schema["type"] {
        Value::String(t) => t.clone(),
        Value::Array(ts) => ts.iter().map(text).collect::<Vec<_>>().join(" | "),
        _ => String::new(),
    };
    if base.starts_with("array") {
        return format!(
            "[{}]{}",
            type_of(&schema["items"]),
            base.strip_prefix("array").unwrap_or("")
        );
    }
    base
}

/// The fields of schema `name` of the document.
fn fields_of(doc: &Value, name: &str) -> Vec<(String, String, String)> {
    let schema = &doc["components"]["schemas"][name];
    schema["properties"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(field, s)| (field.clone(), type_of(s), text(&s["description"])))
        .collect()
}

/// The endpoints of the OpenAPI `doc`, in its order (paths sorted, methods as listed).
fn endpoints(doc: &Value, base_url: &str) -> Vec<Endpoint> {
    let mut out = Vec::new();
    let Some(paths) = doc["paths"].as_object() else { return out };
    for (path, item) in paths {
        let Some(methods) = item.as_object() else { continue };
        for (method, op) in methods {
            let scope = op["security"][0]["token"]
                .as_array()
                .map(|s| s.iter().map(text).collect::<Vec<_>>().join(", "));
            let params = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| {
                    let required = p["required"].as_bool().unwrap_or(false);
                    (text(&p["name"]), text(&p["in"]), required, text(&p["description"]))
                })
                .collect();
            // (media type, schema name) of the body, when the endpoint takes one.
            let body = op["requestBody"]["content"].as_object().and_then(|content| {
                let (media, spec) = content.iter().next()?;
                let name = spec["schema"]["$ref"].as_str()?.rsplit('/').next()?;
                Some((media.clone(), name.to_owned()))
            });
            let responses = op["responses"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(status, r)| (status.clone(), text(&r["description"])))
                .collect();
            let upper = method.to_uppercase();
            let mut curl = String::from("curl -s");
            if upper != "GET" {
                curl.push_str(&format!(" -X {upper}"));
            }
            if scope.is_some() {
                curl.push_str(" -H \"Authorization: Bearer $TOKEN\"");
            }
            let body_fields =
                body.as_ref().map(|(_, name)| fields_of(doc, name)).unwrap_or_default();
            match &body {
                // A form sends each field as a part, a file from a path.
                Some((media, name)) if media.starts_with("multipart/") => {
                    let schema = &doc["components"]["schemas"][name.as_str()];
                    for (field, s) in schema["properties"].as_object().into_iter().flatten() {
                        if s["format"] == "binary" {
                            curl.push_str(&format!(" -F '{field}=@{field}.pdf'"));
                        } else {
                            curl.push_str(&format!(" -F '{field}=…'"));
                        }
                    }
                }
                Some(_) => curl.push_str(" -H 'Content-Type: application/json' -d '{…}'"),
                None => {}
            }
            curl.push_str(&format!(" '{base_url}{path}'"));
            out.push(Endpoint {
                body_fields,
                anchor: format!(
                    "{method}-{}",
                    path.trim_matches('/').replace(['/', '{', '}'], "-")
                ),
                method: upper,
                path: path.clone(),
                summary: text(&op["summary"]),
                scope,
                params,
                body: body.map(|(_, name)| name),
                responses,
                curl,
            });
        }
    }
    out
}

/// The reference page, in the language of `?locale=` or `Accept-Language`.
pub async fn page(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let locale = locale_of(&req, state.config.default_locale);
    let tr = state.tr(locale);
    let base_url = state.config.base_url.clone();
    let mut l = Layout::new(tr.clone(), &base_url, "/", "", tr.t("api-docs-title"));
    // The page has one address; its languages are a parameter.
    let here = |l: Locale| format!("/api/docs?locale={l}");
    l.switcher = Locale::all()
        .iter()
        .map(|x| Alternate { locale: *x, url: here(*x), current: *x == locale })
        .collect();
    l.alternates = Locale::all()
        .iter()
        .map(|x| Alternate { locale: *x, url: format!("{base_url}{}", here(*x)), current: false })
        .collect();
    l.canonical = format!("{base_url}{}", here(locale));
    l.x_default = format!("{base_url}/api/docs");
    l.description = tr.t("api-docs-intro");
    let doc = serde_json::to_value(&*super::openapi::DOCUMENT).unwrap_or_default();
    let page = DocsPage {
        endpoints: endpoints(&doc, &base_url),
        problems: PROBLEM_KINDS
            .iter()
            .map(|kind| ProblemKind {
                kind,
                title: tr.t(&format!("api-problem-{kind}-title")),
                detail: tr.t1(&format!("api-problem-{kind}"), "scope", "…"),
            })
            .collect(),
        scopes: crate::models::api_token::Scope::ALL
            .iter()
            .map(|s| (s.as_str(), tr.t(s.label_key())))
            .collect(),
        base_url,
        l,
    };
    match page.render() {
        Ok(html) => HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .insert_header((actix_web::http::header::VARY, "Accept-Language"))
            .body(html),
        Err(e) => {
            log::error!("rendering the API reference: {e}");
            HttpResponse::InternalServerError().finish()
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_kind_of_problem_is_explained_in_every_language() {
        for &locale in crate::i18n::Locale::all() {
            let tr = crate::i18n::Messages::builtin().tr(locale);
            for kind in super::PROBLEM_KINDS {
                let title = format!("api-problem-{kind}-title");
                assert!(tr.try_t(&title).is_some(), "{locale:?} lacks {title}");
                // The detail may take the scope a token lacks.
                let detail = format!("api-problem-{kind}");
                let text = tr.t1(&detail, "scope", "jobs:read");
                assert!(!text.is_empty() && text != detail, "{locale:?} lacks {detail}");
            }
        }
    }

    #[test]
    fn every_endpoint_of_the_document_is_on_the_page_with_an_example() {
        let doc = serde_json::to_value(&*super::super::openapi::DOCUMENT).unwrap();
        let listed = super::endpoints(&doc, "https://jobs.example.test");
        let count: usize =
            doc["paths"].as_object().unwrap().values().map(|m| m.as_object().unwrap().len()).sum();
        assert_eq!(listed.len(), count);
        let create =
            listed.iter().find(|e| e.method == "POST" && e.path == "/api/v1/jobs").unwrap();
        assert_eq!(create.scope.as_deref(), Some("jobs:write"));
        assert_eq!(create.body.as_deref(), Some("JobInput"));
        let salary = create.body_fields.iter().find(|(name, ..)| name == "salary").unwrap();
        assert!(salary.1.contains("SalaryInput"), "{salary:?}");
        assert!(create.curl.contains("-X POST") && create.curl.contains("Bearer $TOKEN"));
        let anchors: std::collections::HashSet<&str> =
            listed.iter().map(|e| e.anchor.as_str()).collect();
        assert_eq!(anchors.len(), listed.len(), "anchors are unique");
    }
}
