//! A state-changing request from another site is refused even with a valid token.

use diesel::prelude::*;
use hireboard::db::schema::skills;

use crate::support::backends;
use hireboard::models::AdminRole;

#[actix_web::test]
async fn a_foreign_origin_or_referer_is_refused_and_changes_nothing() {
    for app in backends() {
        let _admin = app.signed_in(AdminRole::Admin).await;
        let csrf = app.csrf("/admin").await;
        let count = || app.with_conn(|c| skills::table.count().get_result::<i64>(c).unwrap());
        let before = count();
        let body =
            serde_urlencoded::to_string([("_csrf", csrf.as_str()), ("name", "Cobol")]).unwrap();
        for (header, value) in [
            ("origin", "https://evil.example"),
            ("origin", "null"),
            ("referer", "https://evil.example/page"),
            ("origin", "http://jobs.example.test"),
        ] {
            let res = app
                .request(
                    actix_web::http::Method::POST,
                    "/admin/skills",
                    &[("content-type", "application/x-www-form-urlencoded"), (header, value)],
                    Some(body.clone()),
                )
                .await;
            assert_eq!(res.status, 403, "{header}: {value} ({})", app.backend);
            assert!(res.body.contains("<html"), "the localized page");
            assert_eq!(count(), before, "{header}: {value}");
        }
        // This site's own origin passes.
        let res = app
            .request(
                actix_web::http::Method::POST,
                "/admin/skills",
                &[
                    ("content-type", "application/x-www-form-urlencoded"),
                    ("origin", "https://jobs.example.test"),
                ],
                Some(body),
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.body);
        assert_eq!(count(), before + 1);
    }
}
