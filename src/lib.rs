//! Hireboard: a multilingual job board with an ActiveAdmin-class back office.
//!
//! `build_app` assembles the whole HTTP application from an [`AppState`]; the binary and the
//! tests both use it.

pub mod admin;
pub mod analytics;
pub mod api;
pub mod auth;
pub mod client_ip;
pub mod config;
pub mod db;
pub mod error;
pub mod feed_sources;
pub mod i18n;
pub mod import;
pub mod indexing;
pub mod mail;
pub mod models;
pub mod places;
pub mod privacy;
pub mod routes;
pub mod search;
pub mod security;
pub mod seed;
pub mod state;
pub mod tasks;
pub mod uploads;
pub mod web;
pub mod webhooks;

use actix_session::SessionMiddleware;
use actix_session::config::{CookieContentSecurity, PersistentSession};
use actix_session::storage::CookieSessionStore;
use actix_web::body::MessageBody;
use actix_web::cookie::{Key, SameSite, time::Duration};
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::{ErrorHandlers, from_fn};
use actix_web::{App, Error, web as aw};

pub use state::AppState;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "hb_session";

/// The whole application: routes, static files, sessions, security headers, error pages.
pub fn build_app(
    state: AppState,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = Error,
        InitError = (),
    >,
> {
    let key = Key::derive_from(&state.config.secret_key);
    let sessions = SessionMiddleware::builder(CookieSessionStore::default(), key)
        .cookie_name(SESSION_COOKIE.to_owned())
        .cookie_secure(state.config.is_https())
        .cookie_http_only(true)
        .cookie_same_site(SameSite::Lax)
        .cookie_content_security(CookieContentSecurity::Private)
        .session_lifecycle(PersistentSession::default().session_ttl(Duration::hours(12)))
        .build();
    let static_dir = static_dir();
    App::new()
        .app_data(aw::Data::new(state))
        .app_data(aw::PayloadConfig::new(256 * 1024))
        .configure(routes::configure)
        .service(routes::static_other_methods())
        .service(
            actix_files::Files::new("/static", static_dir)
                .use_etag(true)
                .use_last_modified(true)
                .prefer_utf8(true),
        )
        .default_service(aw::to(web::errors::not_found))
        .wrap(from_fn(api::auth::guard))
        .wrap(from_fn(security::origin::check_origin))
        .wrap(sessions)
        .wrap(ErrorHandlers::new().default_handler(web::errors::render))
        .wrap(from_fn(web::public_cache::revalidate))
        .wrap(from_fn(api::cors::cors))
        .wrap(from_fn(security::headers))
        .wrap(actix_web::middleware::Compress::default())
        .wrap(
            // The client's address, not the proxy's, once TRUSTED_PROXIES says who the proxies
            // are; the request line without the tokens some links carry.
            actix_web::middleware::Logger::new("%{client}xi \"%{line}xi\" %s %b %Dms %{id}xi")
                .custom_request_replace("client", |req| {
                    client_ip::of(req.request()).map_or_else(|| "-".to_owned(), |ip| ip.to_string())
                })
                .custom_request_replace("line", security::access_log::request_line)
                .custom_request_replace("id", |req| security::events::request_id(req.request())),
        )
        .wrap(from_fn(security::events::assign_request_id))
}

/// Where static files live: next to the sources in development, or `STATIC_DIR`.
pub fn static_dir() -> std::path::PathBuf {
    std::env::var_os("STATIC_DIR")
        .map(Into::into)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static"))
}
