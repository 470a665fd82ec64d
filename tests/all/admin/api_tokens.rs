//! API tokens in the back office: made with check boxes for scopes, shown once, working at
//! once, revoked with a button, every step in the record's history.

use actix_web::http::StatusCode;
use diesel::prelude::*;
use hireboard::db::schema::api_tokens;
use hireboard::models::AdminRole;

use crate::support::{ApiTokenFactory, CompanyFactory, TestApp, backends};

#[actix_web::test]
async fn a_token_is_made_shown_once_works_and_is_revoked() {
    for app in backends() {
        let b = app.backend;
        let company = app.with_conn(|c| CompanyFactory::new().name("Acme Robotics").create(c));
        app.signed_in(AdminRole::Admin).await;
        let form = app.get("/admin/api_tokens/new").await;
        assert_eq!(form.status, StatusCode::OK);
        let form = form.html();
        // One check box per scope, in a group named by its legend.
        assert_eq!(form.count("fieldset#f-scopes input[type=checkbox][name=scopes]"), 5);
        assert_eq!(form.text("fieldset#f-scopes legend"), "Scopes *");

        let res = app
            .post_admin(
                "/admin/api_tokens",
                &[
                    ("name", "Greenhouse sync"),
                    ("scopes", "jobs:write"),
                    ("scopes", "jobs:read"),
                    ("company", "Acme Robotics"),
                    ("expires_at", "2037-12-31"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{b:?}: {}", res.body);
        let show_url = res.header("location").unwrap().to_owned();
        let show = app.get(&show_url).await.html();
        let token = show.attr(".secret-once input", "value");
        assert!(hireboard::models::api_token::well_formed(&token), "{b:?}: {token:?}");
        assert_eq!(
            show.text(".secret-once label"),
            "Copy the token now: it is shown only this once."
        );
        // Once: the next visit shows only its first characters.
        let again = app.get(&show_url).await;
        assert!(!again.body.contains(&token), "{b:?}");
        assert_eq!(again.html().count(".secret-once"), 0);
        assert!(again.body.contains(&format!("{}…", &token[..11])), "{b:?}");

        let (id, scopes, company_id, expires): (
            i64,
            String,
            Option<i64>,
            Option<chrono::NaiveDateTime>,
        ) = app.with_conn(|c| {
            api_tokens::table
                .select((
                    api_tokens::id,
                    api_tokens::scopes,
                    api_tokens::company_id,
                    api_tokens::expires_at,
                ))
                .first(c)
                .unwrap()
        });
        assert_eq!(scopes, "jobs:read,jobs:write", "{b:?}");
        assert_eq!(company_id, Some(company.id));
        assert_eq!(expires.map(|e| e.to_string()).as_deref(), Some("2037-12-31 23:59:59"), "{b:?}");

        let bearer = format!("Bearer {token}");
        let me = app.get_with("/api/v1/token", &[("authorization", &bearer)]).await;
        assert_eq!(me.status, 200, "{b:?}: {}", me.body);
        assert_eq!(me.json()["name"], "Greenhouse sync");

        let res = app.post_admin(&format!("/admin/api_tokens/{id}/revoke"), &[]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{b:?}: {}", res.body);
        let refused = app.get_with("/api/v1/token", &[("authorization", &bearer)]).await;
        assert_eq!(refused.status, 401, "{b:?}");

        let page = app.get(&show_url).await.html();
        assert_eq!(page.count("form[action$='/revoke']"), 0, "{b:?}: no second revoke button");
        let history = page.texts(".history li");
        assert!(
            history.iter().any(|h| h.contains("Active") && h.contains("Revoked")),
            "{history:?}"
        );
        assert!(!page.text("main").contains(&token));
    }
}

#[actix_web::test]
async fn bad_tokens_are_refused_with_the_form_as_typed() {
    let app = TestApp::sqlite();
    app.signed_in(AdminRole::Admin).await;
    for (fields, field, error) in [
        (vec![("name", "No scopes")], "scopes", "This field is required."),
        (vec![("name", "Odd"), ("scopes", "jobs:read"), ("scopes", "jobs:destroy")], "scopes", ""),
        (
            vec![("name", "Past"), ("scopes", "jobs:read"), ("expires_at", "2001-01-01")],
            "expires_at",
            "Choose a day in the future.",
        ),
        (
            // Past what every backend stores (MariaDB loses dates after 2038-01-19).
            vec![("name", "Far"), ("scopes", "jobs:read"), ("expires_at", "2099-01-01")],
            "expires_at",
            "Choose a day from 1970 to 2037.",
        ),
        (
            vec![("name", "Nowhere"), ("scopes", "jobs:read"), ("company", "No such company")],
            "company",
            "",
        ),
    ] {
        let res = app.post_admin("/admin/api_tokens", &fields).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
        let html = res.html();
        let shown = html.text(&format!("#f-{}-error", field.replace('_', "-")));
        assert!(!shown.is_empty(), "{fields:?}: {}", res.body);
        if !error.is_empty() {
            assert_eq!(shown, error, "{fields:?}");
        }
        assert_eq!(html.attr("#f-name", "value"), fields[0].1, "the form as typed");
    }
    let count: i64 = app.with_conn(|c| api_tokens::table.count().get_result(c).unwrap());
    assert_eq!(count, 0);
}

#[actix_web::test]
async fn the_list_shows_each_tokens_state_and_only_the_name_can_change() {
    let app = TestApp::sqlite();
    let (live, revoked, expired) = app.with_conn(|c| {
        let past = hireboard::db::now() - chrono::TimeDelta::days(1);
        (
            ApiTokenFactory::new().create(c),
            ApiTokenFactory::new().revoked().create(c),
            ApiTokenFactory::new().expires_at(past).create(c),
        )
    });
    app.signed_in(AdminRole::Admin).await;
    for (scope, id) in [("active", live.id), ("revoked", revoked.id), ("expired", expired.id)] {
        let page = app.get(&format!("/admin/api_tokens?scope={scope}")).await;
        assert_eq!(page.status, StatusCode::OK);
        let links = page.html().attrs("tbody a[href^='/admin/api_tokens/']", "href");
        assert_eq!(links, [format!("/admin/api_tokens/{id}")], "{scope}");
        assert!(!page.body.contains(&live.token) && !page.body.contains(&revoked.token));
    }
    let edit = app.get(&format!("/admin/api_tokens/{}/edit", live.id)).await.html();
    assert_eq!(edit.count("fieldset#f-scopes input[disabled]"), 5, "scopes are fixed");
    let res = app
        .post_admin(
            &format!("/admin/api_tokens/{}", live.id),
            &[("name", "Renamed"), ("scopes", "webhooks:write")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let (name, scopes): (String, String) = app.with_conn(|c| {
        api_tokens::table
            .find(live.id)
            .select((api_tokens::name, api_tokens::scopes))
            .first(c)
            .unwrap()
    });
    assert_eq!(name, "Renamed");
    assert_eq!(
        scopes,
        hireboard::models::api_token::Scope::join(&hireboard::models::api_token::Scope::ALL)
    );
}
