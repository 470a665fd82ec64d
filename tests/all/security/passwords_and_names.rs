//! Weak passwords are refused with the reason in the user's language; a CV's name cannot
//! disguise its type.

use actix_web::http::StatusCode;

use crate::support::backends;
use hireboard::models::AdminRole;

#[actix_web::test]
async fn weak_passwords_are_refused_with_the_reason_in_the_users_language() {
    for app in backends() {
        let (_, token) = app.with_conn(|c| {
            hireboard::models::admin_user::invite(
                c,
                "grete.weber@example.test",
                "",
                AdminRole::Viewer,
                hireboard::db::now(),
            )
            .unwrap()
        });
        let path = format!("/admin/password/{token}");
        let tr = hireboard::i18n::Messages::builtin().tr(hireboard::i18n::Locale::DE);
        let csrf = app.csrf(&path).await;
        for (password, reason) in [
            ("password1234", "password-common"),
            ("kurz", "password-too-short"),
            ("qwertyuiop[]", "password-pattern"),
            ("grete.weber2026", "password-guessable"),
        ] {
            let res = app
                .request(
                    actix_web::http::Method::POST,
                    &path,
                    &[
                        ("content-type", "application/x-www-form-urlencoded"),
                        ("accept-language", "de"),
                    ],
                    Some(
                        serde_urlencoded::to_string([
                            ("_csrf", csrf.as_str()),
                            ("password", password),
                            ("confirmation", password),
                        ])
                        .unwrap(),
                    ),
                )
                .await;
            assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{password}");
            let expected = match reason {
                "password-too-short" => tr.t1(reason, "min", "12"),
                _ => tr.t(reason),
            };
            assert!(
                res.html().text("body").contains(&expected),
                "{password}: expected {expected:?}"
            );
        }
        let long = "Zq7-x".repeat(26);
        let res = app
            .post_form(&path, &[("_csrf", &csrf), ("password", &long), ("confirmation", &long)])
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "129+ characters");
        // Nothing was set: the link still works, with a good password.
        let res = app
            .post_form(
                &path,
                &[
                    ("_csrf", &csrf),
                    ("password", "Tinte Segelboot Murmel"),
                    ("confirmation", "Tinte Segelboot Murmel"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    }
}

#[actix_web::test]
async fn a_cv_named_with_a_right_to_left_override_downloads_as_what_it_is() {
    for app in backends() {
        let (slug, token) = super::posting_and_apply_token(&app).await;
        let pdf = super::PDF;
        let res = app
            .post_multipart(
                &format!("/en/jobs/{slug}/apply"),
                &[
                    ("csrf_token", token.as_str()),
                    ("name", "Ada Lovelace"),
                    ("email", "ada@example.org"),
                    ("cover_letter", "Engines."),
                    ("consent", "yes"),
                ],
                &[("cv", "invoice\u{202e}fdp.exe", "application/pdf", pdf)],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let id: i64 = app.with_conn(|c| {
            use diesel::prelude::*;
            use hireboard::db::schema::applications;
            applications::table.select(applications::id).first(c).unwrap()
        });
        let _admin = app.signed_in(AdminRole::Admin).await;
        let res = app.get(&format!("/admin/applications/{id}/cv")).await;
        assert_eq!(res.status, StatusCode::OK);
        let disposition = res.header("content-disposition").unwrap().to_owned();
        assert!(!disposition.contains("%E2%80%AE"), "{disposition}");
        assert!(disposition.contains("filename=\"invoicefdp.exe.pdf\""), "{disposition}");
        let show = app.get(&format!("/admin/applications/{id}")).await;
        assert!(!show.body.contains('\u{202e}'), "the show page lists the name without it");
    }
}
