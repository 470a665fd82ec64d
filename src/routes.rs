//! The one route table.

use actix_web::web;

use crate::web as public;

pub fn configure(cfg: &mut web::ServiceConfig) {
    crate::admin::configure(cfg);
    cfg.service(public::health::healthz)
        .service(public::seo::robots)
        .service(public::seo::sitemap_index)
        .service(public::seo::pages)
        .service(public::seo::companies)
        .service(public::seo::jobs)
        .service(public::locale::root)
        .service(public::home::show)
        .service(public::jobs::search_page)
        // Before the posting route, which would otherwise take `feed.atom` for a slug.
        .service(public::feeds::atom)
        .service(public::job::show)
        .service(public::apply::submit)
        .service(public::apply::thanks)
        .service(public::applicant_links::confirm)
        .service(public::applicant_links::act)
        .service(public::uploads::serve_logo)
        .service(public::alerts::new)
        .service(public::alerts::create)
        .service(public::alerts::confirm_page)
        .service(public::alerts::confirm)
        .service(public::alerts::unsubscribe_page)
        .service(public::alerts::unsubscribe)
        .service(public::companies::show)
        .service(public::locale::bare_locale);
}
