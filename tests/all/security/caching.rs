//! Private pages tell every cache not to keep them.

use crate::support::{ApplicationFactory, CompanyFactory, JobFactory, backends};
use hireboard::models::AdminRole;

#[actix_web::test]
async fn back_office_pages_exports_cvs_and_signed_links_are_not_stored() {
    for app in backends() {
        let slug = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).create(c).slug
        });
        app.refresh_search();
        let job_id = app.with_conn(|c| {
            use diesel::prelude::*;
            use hireboard::db::schema::jobs;
            jobs::table.filter(jobs::slug.eq(&slug)).select(jobs::id).first::<i64>(c).unwrap()
        });
        let application = app.with_conn(|c| ApplicationFactory::new(job_id).create(c).id);
        let private = [
            "/admin/login".to_owned(),
            "/admin/password/some-token".to_owned(),
            format!("/en/applications/{application}/withdraw?token=x"),
            "/de/alerts/1/confirm?token=x".to_owned(),
            "/en/alerts/1/unsubscribe?token=x".to_owned(),
        ];
        for path in &private {
            let res = app.get(path).await;
            assert_eq!(res.header("cache-control"), Some("no-store"), "{path}");
        }
        let _admin = app.signed_in(AdminRole::Admin).await;
        for path in [
            "/admin".to_owned(),
            "/admin/jobs".to_owned(),
            format!("/admin/jobs/{job_id}"),
            "/admin/jobs/export.csv".to_owned(),
            "/admin/jobs/export.xlsx".to_owned(),
            "/admin/jobs/export.json".to_owned(),
            format!("/admin/applications/{application}"),
            format!("/admin/applications/{application}/cv"),
            "/admin/nowhere".to_owned(),
        ] {
            let res = app.get(&path).await;
            assert_eq!(res.header("cache-control"), Some("no-store"), "{path}");
        }
        // Public pages stay cacheable.
        let res = app.get(&format!("/en/jobs/{slug}")).await;
        assert_ne!(res.header("cache-control"), Some("no-store"));
    }
}
