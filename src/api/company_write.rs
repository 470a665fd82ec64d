//! Writing companies with a token (`jobs:write`): `POST /api/v1/companies` makes one,
//! `PATCH /api/v1/companies/{id_or_slug}` changes the fields sent, and
//! `PUT`/`DELETE …/logo` replace or remove its logo (a `multipart/form-data` file part). Every
//! write goes through the back office's own company form: the same checks (a logo is
//! recognized by its content and re-encoded), audit entries and search refresh.
//!
//! A token bound to a company changes only that company (others are 404) and makes none.

use actix_web::{HttpRequest, HttpResponse, web};
use diesel::prelude::*;
use serde::Deserialize;
use utoipa::ToSchema;

use super::auth::{ApiRefusal, Caller};
use super::companies::CompanyDetail;
use super::problem::{Problem, locale_of};
use crate::admin::fields::FormValues;
use crate::admin::uploads::ImageChange;
use crate::db::DbConn;
use crate::db::schema::companies;
use crate::error::{AppError, InvalidField};
use crate::i18n::Locale;
use crate::models::api_token::Scope;
use crate::state::AppState;
use crate::uploads::multipart::Limits;
use crate::web::with_conn;

/// A company as the API writes it. Creating one needs `name` and `description`; a change
/// sends only the fields it changes, `null` clearing one.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyInput {
    #[schema(example = "Acme Robotics GmbH")]
    pub name: Option<String>,
    /// The language the description is written in (`en`, `de`, `uk`); set when the company
    /// is made, by default the request's language.
    #[schema(example = "en")]
    pub original_language: Option<String>,
    /// The address of the company's page; made from the name when left out.
    pub slug: Option<String>,
    #[serde(default, deserialize_with = "super::body::nullable")]
    #[schema(value_type = Option<String>, example = "https://acme.example")]
    pub website: Option<Option<String>>,
    /// Where new applications are announced.
    #[serde(default, deserialize_with = "super::body::nullable")]
    #[schema(value_type = Option<String>)]
    pub contact_email: Option<Option<String>>,
    #[serde(default, deserialize_with = "super::body::nullable")]
    #[schema(value_type = Option<String>)]
    pub city: Option<Option<String>>,
    /// ISO 3166 code.
    #[serde(default, deserialize_with = "super::body::nullable")]
    #[schema(value_type = Option<String>, example = "DE")]
    pub country: Option<Option<String>>,
    /// Its number of employees, as a range.
    #[serde(default, deserialize_with = "super::body::nullable")]
    #[schema(value_type = Option<String>, example = "51-200")]
    pub size: Option<Option<String>>,
    pub description: Option<String>,
    /// Every translation of the description: sent, it replaces them all (`[]` removes them).
    pub translations: Option<Vec<DescriptionInput>>,
}

/// The description in one language other than the original.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DescriptionInput {
    #[schema(example = "de")]
    pub language: String,
    pub description: String,
}

/// The logo, as a `multipart/form-data` body.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct LogoInput {
    /// PNG, JPEG, GIF or WebP up to 5 MB, recognized by its content.
    #[schema(value_type = String, format = Binary)]
    logo: Vec<u8>,
}

impl CompanyInput {
    fn unknown_language(&self) -> Option<&str> {
        let languages = self.translations.iter().flatten().map(|t| t.language.as_str());
        languages.into_iter().find(|l| Locale::parse(l).is_none())
    }

    /// Writes what was sent over the form's values.
    fn fill(self, values: &mut FormValues) {
        for (key, value) in [
            ("name", self.name),
            ("original_locale", self.original_language),
            ("slug", self.slug),
            ("description", self.description),
        ] {
            if let Some(value) = value {
                values.set(key, value);
            }
        }
        for (key, value) in [
            ("website", self.website),
            ("contact_email", self.contact_email),
            ("city", self.city),
            ("country_code", self.country),
            ("size", self.size),
        ] {
            if let Some(value) = value {
                values.set(key, value.unwrap_or_default());
            }
        }
        if let Some(translations) = self.translations {
            values.translations.clear();
            values.confirmed.clear();
            for t in translations {
                // Refused before (`unknown_language`).
                let Some(locale) = Locale::parse(&t.language) else { continue };
                let text = [("description".to_owned(), t.description.trim().to_owned())];
                values.translations.insert(locale, text.into_iter().collect());
                // A translation sent with the original is the client's word that they match.
                values.confirmed.insert(locale);
            }
        }
    }
}

/// The company a path names, by id or slug, if the token may change it.
fn writable(conn: &mut DbConn, key: &str, bound: Option<i64>) -> Result<i64, AppError> {
    let by_slug: Option<i64> = companies::table
        .filter(companies::slug.eq(key))
        .select(companies::id)
        .first(conn)
        .optional()?;
    let id = match (by_slug, key.parse::<i64>()) {
        (Some(id), _) => id,
        (None, Ok(id)) => companies::table
            .find(id)
            .select(companies::id)
            .first(conn)
            .optional()?
            .ok_or(AppError::NotFound)?,
        (None, Err(_)) => return Err(AppError::NotFound),
    };
    match bound {
        Some(own) if own != id => Err(AppError::NotFound),
        _ => Ok(id),
    }
}

/// Saves `fill` over company `id` (or a new one) as its back-office form would: its detail.
async fn save(
    state: &AppState,
    caller: &Caller,
    req: &HttpRequest,
    id: Option<i64>,
    fill: impl FnOnce(&mut FormValues) + Send + 'static,
) -> Result<CompanyDetail, ApiRefusal> {
    let tr = state.tr(locale_of(req, state.config.default_locale));
    let (actor, editor) = (caller.actor(), caller.editor(tr));
    let search = state.search.clone();
    let saved = with_conn(state, move |conn| {
        crate::admin::edit::save_values(conn, &search, "companies", id, fill, &actor, &editor)?
            .map_err(super::body::refused)
    })
    .await?;
    Ok(super::companies::detail_of(state, saved.id, None).await?)
}

/// Makes a company.
#[utoipa::path(
    post,
    path = "/api/v1/companies",
    tag = "companies",
    security(("token" = ["jobs:write"])),
    params(super::idempotency::KeyHeader),
    request_body = CompanyInput,
    responses(
        (status = 201, description = "The company, as stored", body = CompanyDetail,
            headers(("Location" = String, description = "The company's address in the API"))),
        (status = 403, description = "The token lacks jobs:write, or is bound to a company", body = Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "A request with this Idempotency-Key is still being answered", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ApiRefusal> {
    caller.require(Scope::JobsWrite)?;
    if caller.company().is_some() {
        return Err(AppError::Forbidden.into());
    }
    let digest = super::idempotency::digest(&req, &super::idempotency::json_content(&body));
    super::idempotency::once(&state, &caller, &req, digest, || async {
        let input: CompanyInput = super::body::json(&req, &body)?;
        if let Some(language) = input.unknown_language() {
            let field = InvalidField::new("translations.language", "api-invalid-value", language);
            return Err(AppError::Invalid(vec![field]).into());
        }
        let detail = save(&state, &caller, &req, None, move |v| input.fill(v)).await?;
        Ok(super::created(format!("/api/v1/companies/{}", detail.summary.id), &detail)?)
    })
    .await
}

/// Changes the fields sent; the others keep their values.
#[utoipa::path(
    patch,
    path = "/api/v1/companies/{id_or_slug}",
    tag = "companies",
    security(("token" = ["jobs:write"])),
    params(("id_or_slug" = String, Path, description = "The company's id or slug")),
    request_body = CompanyInput,
    responses(
        (status = 200, description = "The company, as stored", body = CompanyDetail),
    )
)]
pub async fn update(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiRefusal> {
    caller.require(Scope::JobsWrite)?;
    let (key, bound) = (path.into_inner(), caller.company());
    let id = with_conn(&state, move |conn| writable(conn, &key, bound)).await?;
    let input: CompanyInput = super::body::json(&req, &body)?;
    if let Some(language) = input.unknown_language() {
        let field = InvalidField::new("translations.language", "api-invalid-value", language);
        return Err(AppError::Invalid(vec![field]).into());
    }
    let detail = save(&state, &caller, &req, Some(id), move |v| input.fill(v)).await?;
    Ok(super::json(&req, &detail))
}

/// The logo's body: one file part.
const LOGO_LIMITS: Limits = Limits {
    body_bytes: crate::uploads::logo::MAX_BYTES + 16 * 1024,
    file_bytes: crate::uploads::logo::MAX_BYTES,
    files: 1,
    text_bytes: 1024,
    parts: 2,
};

/// Replaces the company's logo (re-encoded; its smaller versions follow shortly).
#[utoipa::path(
    put,
    path = "/api/v1/companies/{id_or_slug}/logo",
    tag = "companies",
    security(("token" = ["jobs:write"])),
    params(("id_or_slug" = String, Path, description = "The company's id or slug")),
    request_body(content = LogoInput, content_type = "multipart/form-data"),
    responses(
        (status = 200, description = "The company with its new logo", body = CompanyDetail),
    )
)]
pub async fn put_logo(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiRefusal> {
    caller.require(Scope::JobsWrite)?;
    let (key, bound) = (path.into_inner(), caller.company());
    let id = with_conn(&state, move |conn| writable(conn, &key, bound)).await?;
    if !super::body::is_multipart(&req) {
        return Err(AppError::UnsupportedMediaType.into());
    }
    let mut body = super::body::form(&req, payload, &LOGO_LIMITS).await?;
    let mut unknown: Vec<InvalidField> = body
        .text
        .iter()
        .map(|(name, _)| InvalidField::new(name, "api-invalid-unknown-field", ""))
        .collect();
    unknown.extend(
        body.files
            .keys()
            .filter(|name| name.as_str() != "logo")
            .map(|name| InvalidField::new(name, "api-invalid-unknown-field", "")),
    );
    let Some(file) = body.files.remove("logo").filter(|_| unknown.is_empty()) else {
        if unknown.is_empty() {
            unknown.push(InvalidField::new("logo", "upload-error-logo-empty", ""));
        }
        return Err(AppError::Invalid(unknown).into());
    };
    let truncated = file.truncated;
    let bytes =
        file.into_bytes().map_err(|e| AppError::Internal(format!("reading a logo: {e}")))?;
    let checked = crate::uploads::logo::check(&bytes, truncated)
        .map_err(|e| AppError::Invalid(vec![InvalidField::new("logo", e.logo_message(), "")]))?;
    let new = checked.new_key();
    state.storage.put(&new, checked.bytes).await.map_err(AppError::Internal)?;
    change_logo(&state, &caller, &req, id, ImageChange::Replace(new)).await
}

/// Removes the company's logo.
#[utoipa::path(
    delete,
    path = "/api/v1/companies/{id_or_slug}/logo",
    tag = "companies",
    security(("token" = ["jobs:write"])),
    params(("id_or_slug" = String, Path, description = "The company's id or slug")),
    responses(
        (status = 200, description = "The company without a logo", body = CompanyDetail),
    )
)]
pub async fn delete_logo(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiRefusal> {
    caller.require(Scope::JobsWrite)?;
    let (key, bound) = (path.into_inner(), caller.company());
    let id = with_conn(&state, move |conn| writable(conn, &key, bound)).await?;
    change_logo(&state, &caller, &req, id, ImageChange::Remove).await
}

/// Saves the logo's change through the company form, then removes the file no longer used:
/// the old logo with its versions once saved, the new file if not.
async fn change_logo(
    state: &AppState,
    caller: &Caller,
    req: &HttpRequest,
    id: i64,
    change: ImageChange,
) -> Result<HttpResponse, ApiRefusal> {
    let old: Option<String> = with_conn(state, move |conn| {
        Ok(companies::table.find(id).select(companies::logo_key).first(conn)?)
    })
    .await?;
    let mut stored = FormValues::default();
    stored.set("logo", old.unwrap_or_default());
    let changes = [("logo", change)];
    let value = match &changes[0].1 {
        ImageChange::Replace(key) => key.clone(),
        _ => String::new(),
    };
    let saved = save(state, caller, req, Some(id), move |v| v.set("logo", value)).await;
    crate::admin::uploads::settle(state, &changes, Some(&stored), saved.is_ok()).await;
    Ok(super::json(req, &saved?))
}
