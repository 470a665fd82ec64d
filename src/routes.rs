//! The one route table: every path, its methods and their handlers, in matching order.
//!
//! A path is one actix resource holding all of its methods, so a request with another method
//! gets `405 Method Not Allowed` with an `Allow` header instead of a 404, and every GET
//! handler answers HEAD too (the server sends the same status and headers without the body).
//! [`table`] lists the same rows for the tests that walk every route.

use actix_web::dev::HttpServiceFactory;
use actix_web::http::{Method, header};
use actix_web::middleware::from_fn;
use actix_web::{FromRequest, Handler, HttpResponse, Resource, Responder, guard, web};

use crate::admin::{self, resources as adm};
use crate::error::ErrorCode;
use crate::web as public;

/// One method of one path, as [`table`] lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub method: Method,
    pub path: &'static str,
}

/// A path and the handlers of its methods.
struct Entry {
    path: &'static str,
    resource: Resource,
    methods: Vec<Method>,
    /// The path also matches a generic pattern registered after it (a fixed
    /// `/admin/admin_users` over `/admin/{resource}`): other methods go on to that one instead
    /// of being refused here.
    overlay: bool,
}

impl Entry {
    fn new(path: &'static str) -> Entry {
        Entry { path, resource: web::resource(path), methods: Vec::new(), overlay: false }
    }

    /// GET, and HEAD through the same handler.
    fn get<F, Args>(mut self, handler: F) -> Entry
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.resource = self
            .resource
            .route(web::route().guard(guard::Any(guard::Get()).or(guard::Head())).to(handler));
        self.methods.extend([Method::GET, Method::HEAD]);
        self
    }

    fn post<F, Args>(mut self, handler: F) -> Entry
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.resource = self.resource.route(web::post().to(handler));
        self.methods.push(Method::POST);
        self
    }

    fn patch<F, Args>(mut self, handler: F) -> Entry
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.resource = self.resource.route(web::patch().to(handler));
        self.methods.push(Method::PATCH);
        self
    }

    fn put<F, Args>(mut self, handler: F) -> Entry
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.resource = self.resource.route(web::put().to(handler));
        self.methods.push(Method::PUT);
        self
    }

    fn delete<F, Args>(mut self, handler: F) -> Entry
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.resource = self.resource.route(web::delete().to(handler));
        self.methods.push(Method::DELETE);
        self
    }

    fn overlay(mut self) -> Entry {
        self.overlay = true;
        self
    }

    fn into_service(self) -> impl HttpServiceFactory {
        let allow: Vec<Method> = self.methods.clone();
        let resource = if self.overlay {
            let methods = self.methods;
            self.resource.guard(guard::fn_guard(move |ctx| methods.contains(&ctx.head().method)))
        } else {
            self.resource.default_service(web::to(move || {
                let allow = allow.clone();
                async move { method_not_allowed(allow) }
            }))
        };
        // Here, after routing, rather than around the whole app: the router needs the request
        // to itself, and the panic handler keeps a copy.
        resource.wrap(from_fn(crate::security::panics::catch))
    }
}

/// The answer to a method the path does not take: 405, the methods it does take, and the
/// localized error page.
fn method_not_allowed(allow: Vec<Method>) -> HttpResponse {
    let mut res = HttpResponse::MethodNotAllowed().insert_header(header::Allow(allow)).finish();
    res.extensions_mut().insert(ErrorCode("error-method-not-allowed"));
    res
}

/// `/static/…` for the methods static files do not take: 405 with `Allow: GET, HEAD`, as
/// every other path answers (actix-files' own 405 names none). Registered before the files.
pub fn static_other_methods() -> Resource {
    web::resource("/static/{file:.*}")
        .guard(guard::Not(guard::Any(guard::Get()).or(guard::Head())))
        .to(|| async { method_not_allowed(vec![Method::GET, Method::HEAD]) })
}

/// Every route, in matching order: the first path pattern that matches a request takes it.
/// Fixed paths come before the generic patterns they would otherwise fall into.
fn entries() -> Vec<Entry> {
    vec![
        // The back office.
        Entry::new("/admin/login").get(admin::login::show).post(admin::login::submit),
        Entry::new("/admin/login/code")
            .get(admin::login_code::show)
            .post(admin::login_code::submit),
        Entry::new("/admin/logout").post(admin::login::logout),
        Entry::new("/admin/account/two-factor")
            .get(admin::two_factor::show)
            .post(admin::two_factor::enable),
        Entry::new("/admin/account/two-factor/disable").post(admin::two_factor::disable),
        Entry::new("/admin/account/two-factor/recovery-codes")
            .post(admin::two_factor::new_recovery_codes),
        Entry::new("/admin/account/logout-everywhere").post(admin::account::logout_everywhere),
        Entry::new("/admin/account/locale").post(admin::account::set_locale),
        Entry::new("/admin").get(admin::dashboard::show),
        Entry::new("/admin/search").get(admin::search::search),
        Entry::new("/admin/admin_users/new").get(admin::invitations::new),
        Entry::new("/admin/admin_users").post(admin::invitations::create).overlay(),
        Entry::new("/admin/password/{token}")
            .get(admin::invitations::password_form)
            .post(admin::invitations::set_password),
        Entry::new("/admin/jobs/{id}/preview").get(adm::job_actions::preview),
        Entry::new("/admin/jobs/{id}/stats").get(admin::posting_stats::show),
        Entry::new("/admin/jobs/{id}/stats.csv").get(admin::posting_stats::csv),
        Entry::new("/admin/review").get(admin::review::queue),
        Entry::new("/admin/team").get(admin::team::show).post(admin::team::invite),
        Entry::new("/admin/team/{id}/remove").post(admin::team::remove),
        Entry::new("/admin/review/{id:[0-9]+}").get(admin::review::show),
        Entry::new("/admin/review/{id:[0-9]+}/approve").post(admin::review::approve),
        Entry::new("/admin/review/{id:[0-9]+}/reject").post(admin::review::reject),
        Entry::new("/admin/tasks/overview").get(admin::task_overview::overview),
        Entry::new("/admin/translations").get(admin::translations::overview),
        Entry::new("/admin/translations/{lang}").get(admin::translations::list),
        Entry::new("/admin/translations/{lang}/files/{file}").get(admin::translations::download),
        Entry::new("/admin/translations/{lang}/{id}")
            .get(admin::translations::edit)
            .post(admin::translations::save),
        Entry::new("/admin/translations/{lang}/{id}/revert").post(admin::translations::revert),
        Entry::new("/admin/places/find").get(admin::place_find::find),
        Entry::new("/admin/tasks/schedules/{name}").post(admin::task_overview::update_schedule),
        Entry::new("/admin/tasks/retry-dead").post(adm::tasks::retry_dead),
        Entry::new("/admin/outbox/{id}/html").get(adm::outbox::html),
        Entry::new("/admin/admin_users/{id}/reset-two-factor")
            .post(adm::admin_user_actions::reset_two_factor),
        Entry::new("/admin/applications/{id}/stage")
            .get(adm::applications::confirm_stage)
            .post(adm::applications::stage),
        Entry::new("/admin/applications/{id}/cv").get(adm::applications::cv),
        Entry::new("/admin/applications/{id}/erase")
            .get(admin::erasure::confirm)
            .post(admin::erasure::erase),
        Entry::new("/admin/applications/board").get(admin::board::board),
        Entry::new("/admin/imports/{id:[0-9]+}").get(admin::imports::show),
        Entry::new("/admin/imports/{id}/check").post(admin::imports::check),
        Entry::new("/admin/imports/{id}/start").post(admin::imports::start),
        Entry::new("/admin/imports/{id}/progress.json").get(admin::imports::progress),
        Entry::new("/admin/imports/{id}/failures.xlsx").get(admin::imports::failures),
        // The resource engine: `/admin/{resource}/…` would take the fixed paths above.
        Entry::new("/admin/{resource}/import/template.xlsx").get(admin::import_template::template),
        Entry::new("/admin/{resource}/import")
            .get(admin::imports::new_import)
            .post(admin::imports::upload),
        Entry::new("/admin/{resource}/batch").post(admin::batch::batch),
        Entry::new("/admin/{resource}/export.{format}").get(admin::export::export),
        Entry::new("/admin/{resource}/views").post(admin::saved_views::save),
        Entry::new("/admin/{resource}/views/{id}/delete").post(admin::saved_views::delete),
        Entry::new("/admin/{resource}/new").get(admin::edit::new_form),
        Entry::new("/admin/{resource}/lookup").get(admin::edit::lookup),
        Entry::new("/admin/{resource}").get(admin::index::index).post(admin::edit::create),
        Entry::new("/admin/{resource}/{id}/edit").get(admin::edit::edit_form),
        Entry::new("/admin/{resource}/{id}/delete")
            .get(admin::edit::delete_form)
            .post(admin::edit::delete),
        Entry::new("/admin/{resource}/{id}/comments").post(admin::show::add_comment),
        Entry::new("/admin/{resource}/{id}").get(admin::show::show).post(admin::edit::update),
        // Member actions (after the fixed `…/{id}/edit`, `/delete` and `/comments`).
        Entry::new("/admin/{resource}/{id}/{action}").post(admin::member::act),
        // The partner API.
        Entry::new("/api/docs").get(crate::api::docs::page),
        Entry::new("/api/v1/openapi.json").get(crate::api::openapi::document),
        Entry::new("/api/v1/jobs").get(crate::api::jobs::list).post(crate::api::job_write::create),
        Entry::new("/api/v1/jobs/{id_or_slug}")
            .get(crate::api::job::show)
            .patch(crate::api::job_write::update),
        Entry::new("/api/v1/jobs/{id}/publish").post(crate::api::job_write::publish),
        Entry::new("/api/v1/jobs/{id}/unpublish").post(crate::api::job_write::unpublish),
        Entry::new("/api/v1/jobs/{id}/archive").post(crate::api::job_write::archive),
        Entry::new("/api/v1/jobs/{id_or_slug}/applications").post(crate::api::apply::create),
        Entry::new("/api/v1/companies")
            .get(crate::api::companies::list)
            .post(crate::api::company_write::create),
        Entry::new("/api/v1/companies/{id_or_slug}")
            .get(crate::api::companies::show)
            .patch(crate::api::company_write::update),
        Entry::new("/api/v1/companies/{id_or_slug}/logo")
            .put(crate::api::company_write::put_logo)
            .delete(crate::api::company_write::delete_logo),
        Entry::new("/api/v1/skills").get(crate::api::skills::list),
        Entry::new("/api/v1/applications").get(crate::api::applications::list),
        Entry::new("/api/v1/applications/{id}").get(crate::api::applications::show),
        Entry::new("/api/v1/applications/{id}/cv").get(crate::api::applications::cv),
        Entry::new("/api/v1/applications/{id}/stage").post(crate::api::applications::stage),
        Entry::new("/api/v1/webhooks")
            .get(crate::api::webhooks::list)
            .post(crate::api::webhooks::create),
        Entry::new("/api/v1/webhooks/{id}")
            .get(crate::api::webhooks::show)
            .patch(crate::api::webhooks::update)
            .delete(crate::api::webhooks::delete),
        Entry::new("/api/v1/webhooks/{id}/rotate_secret").post(crate::api::webhooks::rotate_secret),
        Entry::new("/api/v1/webhooks/{id}/ping").post(crate::api::webhooks::ping),
        Entry::new("/api/v1/token").get(crate::api::token::show),
        // The public site.
        Entry::new("/healthz").get(public::health::healthz),
        Entry::new("/robots.txt").get(public::seo::robots),
        Entry::new("/sitemap.xml").get(public::seo::sitemap_index),
        Entry::new("/sitemaps/pages.xml").get(public::seo::pages),
        Entry::new("/sitemaps/companies.xml").get(public::seo::companies),
        Entry::new("/sitemaps/jobs-{n}.xml").get(public::seo::jobs),
        Entry::new("/uploads/logos/{file}").get(public::uploads::serve_logo),
        Entry::new("/").get(public::locale::root),
        Entry::new("/language/{locale}").get(public::locale::switch),
        Entry::new("/{locale}/").get(public::home::show),
        Entry::new("/{locale}/jobs").get(public::jobs::search_page),
        Entry::new("/feeds/indeed.xml").get(public::feeds::indeed),
        // Before the posting, which would otherwise take `feed.atom` for a slug.
        Entry::new("/{locale}/jobs/feed.atom").get(public::feeds::atom),
        Entry::new("/{locale}/jobs/feed.rss").get(public::feeds::rss),
        Entry::new("/{locale}/jobs/map.json").get(public::map::map_json),
        Entry::new("/{locale}/jobs/{slug}").get(public::job::show),
        Entry::new("/{locale}/jobs/{slug}/apply").post(public::apply::submit),
        Entry::new("/{locale}/jobs/{slug}/applied").get(public::apply::thanks),
        Entry::new("/{locale}/applications/{id}/{action}")
            .get(public::applicant_links::confirm)
            .post(public::applicant_links::act),
        Entry::new("/{locale}/data-exports/{id}").get(public::data_export::download),
        Entry::new("/{locale}/employers/sign-up")
            .get(public::employers::sign_up_page)
            .post(public::employers::sign_up),
        Entry::new("/{locale}/employers/confirm/{id}")
            .get(public::employers::confirm_page)
            .post(public::employers::confirm),
        Entry::new("/{locale}/postings/{id}/extend")
            .get(public::posting_extension::confirm_page)
            .post(public::posting_extension::extend),
        Entry::new("/{locale}/alerts/new").get(public::alerts::new),
        Entry::new("/{locale}/alerts").post(public::alerts::create),
        Entry::new("/{locale}/alerts/{id}/confirm")
            .get(public::alerts::confirm_page)
            .post(public::alerts::confirm),
        Entry::new("/{locale}/alerts/{id}/unsubscribe")
            .get(public::alerts::unsubscribe_page)
            .post(public::alerts::unsubscribe),
        Entry::new("/{locale}/companies/{slug}").get(public::companies::show),
        Entry::new("/{locale}").get(public::locale::bare_locale),
    ]
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    for entry in entries() {
        cfg.service(entry.into_service());
    }
}

/// Every method of every path the app serves (static files aside), in matching order.
pub fn table() -> Vec<Route> {
    entries()
        .into_iter()
        .flat_map(|e| {
            let path = e.path;
            e.methods.into_iter().map(move |method| Route { method, path })
        })
        .collect()
}
