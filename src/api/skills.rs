//! `GET /api/v1/skills`: every skill postings are tagged with, and how many open postings
//! have it, for a partner's filter (`GET /api/v1/jobs?skill=…` takes the slugs).

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

use super::problem::Problem;
use crate::error::{AppError, InvalidField};
use crate::state::AppState;

/// A skill.
#[derive(Debug, Serialize, ToSchema)]
pub struct SkillView {
    /// What `GET /api/v1/jobs?skill=` takes.
    #[schema(example = "rust")]
    pub slug: String,
    #[schema(example = "Rust")]
    pub name: String,
    /// How many postings with this skill take applications now.
    pub open_jobs: u64,
}

/// Every skill.
#[derive(Debug, Serialize, ToSchema)]
pub struct SkillList {
    pub data: Vec<SkillView>,
}

/// Every skill, those of the most open postings first.
#[utoipa::path(
    get,
    path = "/api/v1/skills",
    tag = "jobs",
    responses(
        (status = 200, description = "Every skill", body = SkillList),
        (status = 422, description = "A parameter was refused (this endpoint takes none)", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn list(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let unknown: Vec<InvalidField> = url::form_urlencoded::parse(req.query_string().as_bytes())
        .map(|(name, value)| InvalidField::new(&name, "api-invalid-unknown", &value))
        .collect();
    if !unknown.is_empty() {
        return Err(AppError::Invalid(unknown));
    }
    let index = state.search.get();
    let mut data: Vec<SkillView> = index
        .skill_counts(crate::db::now())
        .into_iter()
        .map(|(slug, name, open_jobs)| SkillView {
            slug: slug.to_owned(),
            name: name.to_owned(),
            open_jobs,
        })
        .collect();
    data.sort_by(|a, b| b.open_jobs.cmp(&a.open_jobs).then_with(|| a.name.cmp(&b.name)));
    Ok(super::json(&req, &SkillList { data }))
}
