//! The protections of the security audit (issue 15), each with a test that fails if it goes.

mod bodies;
mod caching;
mod csrf;
mod flooding;
mod headers;
mod logs;
mod methods;
mod origin;
mod passwords_and_names;
mod redirects;
mod resilience;
mod startup;

/// A smallest valid PDF, for CVs.
pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

/// A published posting's slug, and the CSRF token of its apply form in the app's session.
pub async fn posting_and_apply_token(app: &crate::support::TestApp) -> (String, String) {
    let slug = app.with_conn(|c| {
        let co = crate::support::CompanyFactory::new().create(c);
        crate::support::JobFactory::new(&co).create(c).slug
    });
    let token =
        app.get(&format!("/en/jobs/{slug}")).await.html().attr("input[name=csrf_token]", "value");
    (slug, token)
}
