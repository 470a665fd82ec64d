//! Pages a shared cache can serve: anonymous public pages set no cookie, carry a short public
//! lifetime and an `ETag`, and answer `If-None-Match` with 304; forms work without a session;
//! anything personal stays `no-store`.

use actix_web::http::Method;

use crate::support::{AlertFactory, CompanyFactory, JobFactory, TestApp, backends};

fn set_cookies(res: &crate::support::Response) -> Vec<String> {
    res.headers.get_all("set-cookie").map(|v| v.to_str().unwrap_or_default().to_owned()).collect()
}

/// A complete application to posting `slug` with the form token `token`.
async fn apply(app: &TestApp, slug: &str, token: &str) -> crate::support::Response {
    let fields = [
        ("csrf_token", token),
        ("name", "Ada"),
        ("email", "ada@example.org"),
        ("cover_letter", "Hello."),
        ("consent", "yes"),
    ];
    app.post_form(&format!("/en/jobs/{slug}/apply"), &fields).await
}

#[actix_web::test]
async fn public_pages_set_no_cookie_and_revalidate_with_their_tag() {
    for app in backends() {
        let (slug, company) = app.with_conn(|c| {
            let co = CompanyFactory::new().name("Cache Corp").create(c);
            (JobFactory::new(&co).title("Cacheable Welder").create(c).slug, co.slug)
        });
        app.refresh_search();
        for path in [
            "/en/".to_owned(),
            "/de/jobs?q=welder".to_owned(),
            format!("/uk/jobs/{slug}"),
            format!("/en/jobs/{slug}/applied"),
            format!("/en/companies/{company}"),
            "/en/jobs/map.json?zoom=3".to_owned(),
            "/en/jobs/feed.atom".to_owned(),
            "/sitemap.xml".to_owned(),
            "/robots.txt".to_owned(),
        ] {
            app.clear_cookies();
            // A posting's form token changes on the hour, and its tag with it: a pair of
            // requests that straddles that moment is sent again.
            let (res, again) = {
                let mut tries = 0;
                loop {
                    let res = app.get(&path).await;
                    let tag = res.header("etag").unwrap_or_default().to_owned();
                    let again = app.get_with(&path, &[("if-none-match", &tag)]).await;
                    tries += 1;
                    if again.status == 304 || tries == 2 {
                        break (res, again);
                    }
                }
            };
            assert_eq!(res.status, 200, "{path}");
            assert_eq!(set_cookies(&res), Vec::<String>::new(), "{path}");
            assert_eq!(res.header("cache-control"), Some("public, max-age=60"), "{path}");
            let tag = res.header("etag").unwrap_or_else(|| panic!("{path} has no ETag"));
            assert!(tag.starts_with("W/\""), "{path}: {tag}");
            assert_eq!(again.status, 304, "{path}");
            assert!(again.body.is_empty(), "{path}");
            assert_eq!(again.header("etag"), Some(tag), "{path}");
            assert_eq!(again.header("cache-control"), Some("public, max-age=60"), "{path}");
            let head =
                app.request(Method::HEAD, &path, &[("if-none-match", "W/\"other\"")], None).await;
            assert_eq!((head.status.as_u16(), head.header("etag")), (200, Some(tag)), "{path}");
            assert_eq!(app.get_with(&path, &[("if-none-match", "W/\"other\"")]).await.status, 200);
        }
    }
}

#[actix_web::test]
async fn a_posting_keeps_its_tag_until_it_changes() {
    let app = TestApp::sqlite();
    let (id, slug) = app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        // A posting quoting the page's own placeholder does not take the stamp's place.
        let job = JobFactory::new(&co)
            .title("Stable Welder")
            .summary("Say form-shown-at-placeholder twice: form-shown-at-placeholder.")
            .create(c);
        (job.id, job.slug)
    });
    app.refresh_search();
    let path = format!("/en/jobs/{slug}");
    let first = app.get(&path).await;
    // The form's shown-at stamp changes every second; the page's tag does not.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = app.get(&path).await;
    let stamp = |res: &crate::support::Response| res.html().attr("input[name=started]", "value");
    assert_ne!(stamp(&first), stamp(&second));
    assert!(stamp(&first).contains('.'), "a signed stamp: {}", stamp(&first));
    assert!(first.body.matches("form-shown-at-placeholder").count() >= 2, "the text is intact");
    // Unless the hour turned in between, and the form token with it.
    let token = |res: &crate::support::Response| res.html().attr("input[name=csrf_token]", "value");
    if token(&first) == token(&second) {
        assert_eq!(first.header("etag"), second.header("etag"));
    }
    let tag = first.header("etag").unwrap().to_owned();
    app.with_conn(|c| {
        use diesel::prelude::*;
        use hireboard::db::schema::jobs;
        diesel::update(jobs::table.find(id))
            .set((jobs::title.eq("Changed Welder"), jobs::updated_at.eq(hireboard::db::now())))
            .execute(c)
            .unwrap();
    });
    app.refresh_search();
    let changed = app.get_with(&path, &[("if-none-match", &tag)]).await;
    assert_eq!(changed.status, 200);
    assert!(changed.body.contains("Changed Welder"));
    assert_ne!(changed.header("etag"), Some(tag.as_str()));
}

#[actix_web::test]
async fn forms_work_without_a_cookie_and_personal_pages_are_not_stored() {
    for app in backends() {
        let slug = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).create(c).slug
        });
        app.refresh_search();
        app.clear_cookies();
        let token = app
            .get(&format!("/en/jobs/{slug}"))
            .await
            .html()
            .attr("input[name=csrf_token]", "value");
        let res = apply(&app, &slug, &token).await;
        assert_eq!(res.status, 303, "{}: {}", app.backend, res.body);
        assert_eq!(set_cookies(&res), Vec::<String>::new());
        assert_eq!(res.header("cache-control"), Some("no-store"));
        // A refused form's answer is not stored either.
        let res = app
            .post_form(&format!("/en/jobs/{slug}/apply"), &[("csrf_token", token.as_str())])
            .await;
        assert_eq!(res.status, 422);
        assert_eq!(res.header("cache-control"), Some("no-store"));
        // The alert sign-up, from its page, without a cookie either.
        let page = app.get("/en/alerts/new?q=welder").await;
        assert_eq!(page.header("cache-control"), Some("no-store"));
        assert_eq!(set_cookies(&page), Vec::<String>::new());
        let token = page.html().attr("input[name=csrf_token]", "value");
        let res = app
            .post_form(
                "/en/alerts",
                &[
                    ("csrf_token", token.as_str()),
                    ("email", "alerts@example.org"),
                    ("frequency", "daily"),
                    ("query", "q=welder"),
                ],
            )
            .await;
        assert_eq!(res.status, 200, "{}: {}", app.backend, res.body);
        assert_eq!(set_cookies(&res), Vec::<String>::new());
        assert_eq!(app.cookie(hireboard::SESSION_COOKIE), None);
        let alert = app.with_conn(|c| AlertFactory::new("q=welder").pending().create(c).id);
        let confirm = hireboard::mail::alert::confirm_url(
            "",
            &app.state.config.secret_key,
            alert,
            hireboard::models::alert::Frequency::Daily,
            hireboard::i18n::Locale::EN,
        );
        let page = app.get(&confirm).await;
        assert_eq!(page.status, 200);
        assert!(page.header("cache-control").unwrap().contains("no-store"));
        assert_eq!(app.get("/healthz").await.header("cache-control"), Some("no-store"));
        assert_eq!(app.get("/").await.header("cache-control"), None);
    }
}

#[actix_web::test]
async fn a_form_token_fits_its_own_form_only() {
    let app = TestApp::sqlite();
    let (first, second) = app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        (JobFactory::new(&co).create(c).slug, JobFactory::new(&co).create(c).slug)
    });
    app.refresh_search();
    let token =
        app.get(&format!("/en/jobs/{first}")).await.html().attr("input[name=csrf_token]", "value");
    let res = apply(&app, &second, &token).await;
    assert_eq!(res.status, 403);
    // The refused page's form carries this posting's token, which goes through.
    let fresh = res.html().attr("input[name=csrf_token]", "value");
    assert_ne!(fresh, token);
    let res = apply(&app, &second, &fresh).await;
    assert_eq!(res.status, 303, "{}", res.body);
}
