//! The shape every private public page shares: a link's landing page that asks for one press
//! (confirm an alert or an employer's address, unsubscribe, delete an application, extend a
//! posting), the answer after it, a sign-up form's "check your inbox". Such pages carry form
//! tokens or someone's address, so they are never indexed and never cached.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;

use super::Layout;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;

/// A page's single action: a POST with hidden fields (`partials/button_form.html`).
pub struct ButtonForm {
    pub action: String,
    pub fields: Vec<(&'static str, String)>,
    pub label: String,
}

/// A heading, a message, at most one button and a link onwards.
#[derive(Template)]
#[template(path = "public/notice.html")]
pub struct NoticePage {
    pub l: Layout,
    pub heading: String,
    pub message: String,
    pub button: Option<ButtonForm>,
    /// A link onwards: (label, address).
    pub next: Option<(String, String)>,
}

impl NoticePage {
    pub fn new(state: &AppState, tr: Tr, here: &str, heading: String, message: String) -> Self {
        NoticePage {
            l: layout(state, tr, here, &heading),
            heading,
            message,
            button: None,
            next: None,
        }
    }

    pub fn button(self, button: ButtonForm) -> Self {
        NoticePage { button: Some(button), ..self }
    }

    pub fn next(self, label: String, url: String) -> Self {
        NoticePage { next: Some((label, url)), ..self }
    }

    pub fn respond(&self, status: StatusCode) -> Result<HttpResponse, AppError> {
        respond(self, status)
    }
}

/// The layout of a page at `here` (without the locale) that search engines must skip.
pub fn layout(state: &AppState, tr: Tr, here: &str, heading: &str) -> Layout {
    let mut l = Layout::new(tr, &state.config.base_url, here, "", heading.to_owned());
    l.noindex = true;
    l
}

/// The rendered page, kept out of every cache.
pub fn respond(page: &impl Template, status: StatusCode) -> Result<HttpResponse, AppError> {
    let html = page.render().map_err(|e| AppError::Internal(format!("rendering a page: {e}")))?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "private, no-store"))
        .body(html))
}
