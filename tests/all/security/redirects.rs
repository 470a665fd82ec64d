//! Redirect targets from the client never carry control characters into a header.

use crate::support::{AdminFactory, backends};

#[actix_web::test]
async fn a_crlf_in_a_return_address_is_refused_not_a_500() {
    for app in backends() {
        let admin = app.with_conn(|c| AdminFactory::new().create(c));
        // The sign-in form's `next`.
        let csrf = app.csrf("/admin/login").await;
        let res = app
            .post_form(
                "/admin/login",
                &[
                    ("_csrf", &csrf),
                    ("email", &admin.email),
                    ("password", &admin.password),
                    ("next", "/admin/jobs\r\nSet-Cookie: planted=1"),
                ],
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.body);
        assert_eq!(res.header("location"), Some("/admin"));
        assert!(res.header("set-cookie").is_none_or(|c| !c.contains("planted")));
        // The language switch's `back`.
        for back in ["/admin/jobs\r\nX-Injected: 1", "/admin/jobs\n", "/admin\u{0}"] {
            let res =
                app.post_admin("/admin/account/locale", &[("locale", "de"), ("back", back)]).await;
            assert_eq!(res.status, 303, "{back:?}: {}", res.body);
            assert_eq!(res.header("location"), Some("/admin"), "{back:?}");
            assert!(res.header("x-injected").is_none());
        }
        // The sign-in page itself, asked with such a `next`.
        app.clear_cookies();
        let res = app.get("/admin/login?next=%2Fadmin%0D%0AX-Injected:%201").await;
        assert_eq!(res.status, 200);
        assert_eq!(
            res.html().attr("input[name=next]", "value"),
            "/admin",
            "the form returns to the dashboard instead"
        );
    }
}
