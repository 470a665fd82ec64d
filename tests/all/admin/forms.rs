//! New and edit forms, translations, deletion, duplication and preview.

use actix_web::http::StatusCode;
use diesel::prelude::*;
use hireboard::db::schema::{audit_log, companies, job_translations, jobs, skills};
use hireboard::i18n::Locale;
use hireboard::models::{AdminRole, JobStatus};

use crate::support::factories::text;
use crate::support::{
    AdminFactory, ApplicationFactory, CompanyFactory, JobFactory, TestApp, backends,
};

fn job_id(app: &TestApp, slug: &str) -> i64 {
    app.with_conn(|c| jobs::table.filter(jobs::slug.eq(slug)).select(jobs::id).first(c).unwrap())
}

/// (action, changed fields) of the audit entries about one record, oldest first.
fn audit(app: &TestApp, resource: &str, id: i64) -> Vec<(String, Vec<String>)> {
    app.with_conn(|c| {
        audit_log::table
            .filter(audit_log::resource.eq(resource))
            .filter(audit_log::record_id.eq(id))
            .order(audit_log::id.asc())
            .select((audit_log::action, audit_log::changes))
            .load::<(String, String)>(c)
            .unwrap()
    })
    .into_iter()
    .map(|(action, changes)| {
        let changes: Vec<serde_json::Value> = serde_json::from_str(&changes).unwrap();
        let fields =
            changes.iter().map(|c| c["field"].as_str().unwrap_or_default().to_owned()).collect();
        (action, fields)
    })
    .collect()
}

/// A complete, valid posting form for company `company`.
fn posting_form(company: &str) -> Vec<(&'static str, String)> {
    [
        ("title", "Lagerlogistiker Nachtschicht"),
        ("company", company),
        ("original_locale", "en"),
        ("workplace", "onsite"),
        ("employment_type", "full_time"),
        ("seniority", "mid"),
        ("city", "Hamburg"),
        ("country_code", "DE"),
        ("salary_min", "42 000"),
        ("salary_max", "48,000"),
        ("salary_currency", "EUR"),
        ("salary_period", "year"),
        ("valid_through", "2030-01-31"),
        ("skills", "Forklift, SAP, forklift"),
        ("summary", "Keep the night shift's goods moving."),
        ("responsibilities", "Load trucks\nCount stock"),
        ("t.de.title", "Lagerlogistiker (Nachtschicht) Zeppelinhalle"),
        ("t.de.summary", "Sie halten die Waren der Nachtschicht in Bewegung."),
        ("t.uk.title", ""),
        ("t.uk.summary", ""),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

fn pairs<'a>(form: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    form.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[actix_web::test]
async fn a_new_posting_with_a_translation_is_saved_audited_and_found_in_german_once_published() {
    for app in backends() {
        let company = app.with_conn(|c| CompanyFactory::new().name("Zeppelin Cargo").create(c));
        let _editor = app.signed_in(AdminRole::Editor).await;
        let form = app.get("/admin/jobs/new").await;
        assert_eq!(form.status, StatusCode::OK, "{}", app.backend);
        let html = form.html();
        assert_eq!(html.attr("input[name=company]", "data-lookup"), "/admin/companies/lookup");
        assert_eq!(html.count("input[name='t.de.title']"), 1);
        assert_eq!(
            html.attrs(".lang-tab", "data-state"),
            ["original", "missing", "missing", "missing"]
        );

        // The company field takes the name in any case; suggestions come from the lookup.
        let found = app.get("/admin/companies/lookup?q=zeppelin").await.json();
        assert_eq!(found[0]["label"], "Zeppelin Cargo");
        assert_eq!(found[0]["id"], company.id);
        let res = app.post_admin("/admin/jobs", &pairs(&posting_form("zeppelin cargo"))).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let location = res.header("location").unwrap_or_default().to_owned();
        let id: i64 = location.rsplit('/').next().unwrap().parse().unwrap();
        let (slug, status, min, max, company_id, valid): (
            String,
            String,
            Option<i64>,
            Option<i64>,
            i64,
            Option<chrono::NaiveDateTime>,
        ) = app.with_conn(|c| {
            jobs::table
                .find(id)
                .select((
                    jobs::slug,
                    jobs::status,
                    jobs::salary_min,
                    jobs::salary_max,
                    jobs::company_id,
                    jobs::valid_through,
                ))
                .first(c)
                .unwrap()
        });
        assert_eq!(slug, "lagerlogistiker-nachtschicht");
        assert_eq!(status, "draft");
        assert_eq!((min, max), (Some(42_000), Some(48_000)));
        assert_eq!(company_id, company.id);
        assert_eq!(valid.map(|v| v.to_string()), Some("2030-01-31 23:59:59".into()));
        let languages: Vec<String> = app.with_conn(|c| {
            job_translations::table
                .filter(job_translations::job_id.eq(id))
                .select(job_translations::locale)
                .load(c)
                .unwrap()
        });
        assert_eq!(languages, ["de"], "a blank translation is not stored");
        let show = app.get(&location).await.html();
        assert!(
            show.texts(".attributes dd").contains(&"Forklift, SAP".to_owned()),
            "skills without the repeat"
        );
        let entries = audit(&app, "jobs", id);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].0, "create");
        assert!(entries[0].1.contains(&"title".to_owned()));
        assert!(entries[0].1.contains(&"title [de]".to_owned()));

        // A draft is not public; published, the German search finds its German title.
        assert_eq!(app.get(&format!("/de/jobs/{slug}")).await.status, StatusCode::NOT_FOUND);
        let res = app.post_admin(&format!("/admin/jobs/{id}/status"), &[("to", "published")]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let search = app.get("/de/jobs?q=zeppelinhalle").await.html();
        assert_eq!(
            search.texts(".job-card-title"),
            ["Lagerlogistiker (Nachtschicht) Zeppelinhalle"],
            "{}",
            app.backend
        );
    }
}

#[actix_web::test]
async fn a_form_with_errors_answers_422_in_the_admins_language_and_writes_nothing() {
    let app = TestApp::sqlite();
    app.with_conn(|c| CompanyFactory::new().name("Zeppelin Cargo").create(c));
    let _user = app.signed_in(AdminRole::Admin).await;
    app.post_admin("/admin/account/locale", &[("locale", "de")]).await;
    let count = |app: &TestApp| -> (i64, i64) {
        app.with_conn(|c| {
            (
                jobs::table.count().get_result(c).unwrap(),
                audit_log::table.count().get_result(c).unwrap(),
            )
        })
    };
    let before = count(&app);
    let mut form = posting_form("Nobody GmbH");
    for (key, value) in form.iter_mut() {
        match *key {
            "title" => value.clear(),
            "salary_min" => *value = "90000".into(),
            "valid_through" => *value = "31.01.2030".into(),
            "remote_countries" => *value = "DE, XX".into(),
            "t.de.summary" => value.clear(),
            "t.de.title" => *value = "x".repeat(201),
            _ => {}
        }
    }
    form.push(("remote_countries", "DE, XX".into()));
    form.push(("workplace", "orbital".into()));
    let res = app.post_admin("/admin/jobs", &pairs(&form)).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.html();
    // The generic checks come first; the resource's own run once those pass. The summary
    // follows the page: details, then the text in each language.
    assert_eq!(
        page.texts(".form-errors li"),
        [
            "Arbeitsmodell: Wählen Sie eine der Optionen.",
            "Ausgeschrieben bis: Geben Sie ein Datum als JJJJ-MM-TT ein.",
            "Titel: Dieses Feld ist erforderlich.",
            "Titel: Höchstens 200 Zeichen.",
            "Zusammenfassung: Dieses Feld ist erforderlich.",
        ]
    );
    assert_eq!(page.attr("#f-title", "aria-invalid"), "true");
    assert_eq!(page.attr("#f-title", "aria-describedby"), "f-title-error");
    assert_eq!(page.attr("#f-city", "value"), "Hamburg", "typed values stay");
    assert_eq!(page.attrs(".lang-tab[data-has-error]", "data-locale"), ["en", "de"]);
    assert_eq!(count(&app), before);

    // The same form with the generic problems fixed shows the resource's checks.
    let mut form = posting_form("Nobody GmbH");
    for (key, value) in form.iter_mut() {
        if *key == "salary_min" {
            *value = "90000".into();
        }
        if *key == "city" {
            value.clear();
        }
    }
    form.push(("remote_countries", "DE, XX".into()));
    let res = app.post_admin("/admin/jobs", &pairs(&form)).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        res.html().texts(".field-error"),
        [
            "Nichts heißt „Nobody GmbH“. Wählen Sie einen Vorschlag oder geben Sie #ID ein.",
            "Eine Stadt ist nötig, außer die Stelle ist remote.",
            "„XX“ ist kein Ländercode (ISO 3166, etwa DE).",
            "Das Maximum darf nicht unter dem Minimum liegen.",
        ]
    );
    assert_eq!(count(&app), before);
    // Without a CSRF token: 403, nothing written.
    let res = app.post_form("/admin/jobs", &pairs(&posting_form("Zeppelin Cargo"))).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(count(&app), before);
}

#[actix_web::test]
async fn editing_the_original_marks_translations_out_of_date_until_confirmed() {
    for app in backends() {
        let slug = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co)
                .title("Pastry Chef")
                .translation(Locale::DE, text("Konditor"))
                .create(c)
                .slug
        });
        let id = job_id(&app, &slug);
        let _user = app.signed_in(AdminRole::Editor).await;
        let edit = format!("/admin/jobs/{id}/edit");
        let page = app.get(&edit).await.html();
        assert_eq!(
            page.attrs(".lang-tab", "data-state"),
            ["original", "current", "missing"],
            "{}",
            app.backend
        );
        assert_eq!(page.attr("#f-title", "value"), "Pastry Chef");
        assert_eq!(page.attr("#f-t-de-title", "value"), "Konditor");
        assert_eq!(page.attr("#f-salary-min", "value"), "50000");
        assert_eq!(page.count("select[name=original_locale][disabled]"), 1);

        // Submit the form as shown, with a new title and salary.
        let mut form: Vec<(String, String)> =
            page.form("form.form-grid").into_iter().filter(|(k, _)| k != "_csrf").collect();
        set(&mut form, "title", "Head Pastry Chef");
        set(&mut form, "salary_min", "55000");
        let res = app.post_admin(&edit.replace("/edit", ""), &borrow(&form)).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let entries = audit(&app, "jobs", id);
        assert_eq!(entries.last().unwrap().0, "update");
        assert_eq!(entries.last().unwrap().1, ["salary_min", "title"]);
        let event: String = app.with_conn(|c| {
            hireboard::db::schema::events::table
                .select(hireboard::db::schema::events::kind)
                .first(c)
                .unwrap()
        });
        assert_eq!(event, "job.updated");
        let page = app.get(&edit).await.html();
        assert_eq!(page.attrs(".lang-tab", "data-state"), ["original", "outdated", "missing"]);
        assert_eq!(page.count("input[name='t.de._current']"), 1);
        // The public search knows the new title at once.
        assert_eq!(
            app.get("/en/jobs?q=head").await.html().texts(".job-card-title"),
            ["Head Pastry Chef"]
        );

        // Saving unchanged writes no audit entry; confirming the translation makes it current.
        let res = app.post_admin(&edit.replace("/edit", ""), &borrow(&form)).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(audit(&app, "jobs", id).len(), entries.len());
        form.push(("t.de._current".into(), "1".into()));
        app.post_admin(&edit.replace("/edit", ""), &borrow(&form)).await;
        assert_eq!(
            app.get(&edit).await.html().attrs(".lang-tab", "data-state"),
            ["original", "current", "missing"]
        );

        // The history on the show page names the fields in the admin's language.
        let show = app.get(&format!("/admin/jobs/{id}")).await.html();
        assert!(show.texts(".diff td").contains(&"Head Pastry Chef".to_owned()));
        assert!(show.texts(".diff td").contains(&"Title".to_owned()));
    }
}

fn set(form: &mut [(String, String)], key: &str, value: &str) {
    for (k, v) in form.iter_mut() {
        if k == key {
            *v = value.to_owned();
        }
    }
}

fn borrow(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

#[actix_web::test]
async fn translators_change_translations_and_nothing_else() {
    let app = TestApp::sqlite();
    let slug = app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        JobFactory::new(&co).title("Welder").create(c).slug
    });
    let id = job_id(&app, &slug);
    let _translator = app.signed_in(AdminRole::Translator).await;
    let closes = |app: &TestApp| -> Option<chrono::NaiveDateTime> {
        app.with_conn(|c| jobs::table.find(id).select(jobs::valid_through).first(c).unwrap())
    };
    let before = closes(&app);
    // Seen before the edit, so that the page's data is in the cache the edit must retire.
    let public = format!("/de/jobs/{slug}");
    assert_eq!(app.get(&public).await.html().text("h1"), "Welder");
    let page = app.get(&format!("/admin/jobs/{id}/edit")).await.html();
    assert_eq!(page.attr("#f-title", "readonly"), "");
    assert_eq!(page.count("#f-t-de-title[readonly]"), 0);
    let res = app
        .post_admin(
            &format!("/admin/jobs/{id}"),
            &[
                ("title", "Owner of everything"),
                ("salary_min", "1"),
                ("t.de.title", "Schweißer"),
                ("t.de.summary", "Schweißen in der Werkstatt."),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let (title, salary): (String, Option<i64>) = app.with_conn(|c| {
        jobs::table.find(id).select((jobs::title, jobs::salary_min)).first(c).unwrap()
    });
    assert_eq!((title.as_str(), salary), ("Welder", Some(50_000)));
    assert_eq!(closes(&app), before, "the closing time is kept to the second");
    let german: String = app.with_conn(|c| {
        job_translations::table
            .filter(job_translations::job_id.eq(id))
            .select(job_translations::title)
            .first(c)
            .unwrap()
    });
    assert_eq!(german, "Schweißer");
    assert_eq!(audit(&app, "jobs", id)[0].1, ["summary [de]", "title [de]"]);
    assert_eq!(app.get(&public).await.html().text("h1"), "Schweißer", "the page shows it at once");
}

#[actix_web::test]
async fn deleting_asks_first_and_refuses_what_others_depend_on() {
    for app in backends() {
        let (company, with_applicant, lonely) = app.with_conn(|c| {
            let co = CompanyFactory::new().name("Harbour Crane Co").create(c);
            let a = JobFactory::new(&co).title("Crane Operator").create(c).slug;
            let b = JobFactory::new(&co).title("Rigger").create(c).slug;
            (co, a, b)
        });
        let (with_applicant, lonely) = (job_id(&app, &with_applicant), job_id(&app, &lonely));
        app.with_conn(|c| ApplicationFactory::new(with_applicant).create(c).id);
        let _user = app.signed_in(AdminRole::Editor).await;

        let confirm = app.get(&format!("/admin/jobs/{lonely}/delete")).await;
        assert_eq!(confirm.status, StatusCode::OK);
        assert_eq!(confirm.html().text(".question"), "Delete “Rigger”? This cannot be undone.");
        let res = app.post_admin(&format!("/admin/jobs/{lonely}/delete"), &[]).await;
        assert_eq!(res.header("location"), Some("/admin/jobs"));
        assert_eq!(app.get(&format!("/admin/jobs/{lonely}")).await.status, StatusCode::NOT_FOUND);
        assert!(app.get("/en/jobs?q=rigger").await.html().texts(".job-card-title").is_empty());
        let entries = audit(&app, "jobs", lonely);
        assert_eq!(entries.last().unwrap().0, "delete");
        assert!(entries.last().unwrap().1.contains(&"title".to_owned()));

        for (url, refusal) in [
            (
                format!("/admin/jobs/{with_applicant}"),
                "This posting has applications, so it cannot be deleted. Archive it instead.",
            ),
            (
                format!("/admin/companies/{}", company.id),
                "This company has postings, so it cannot be deleted. Delete its postings first.",
            ),
        ] {
            let res = app.post_admin(&format!("{url}/delete"), &[]).await;
            assert_eq!(res.header("location"), Some(url.as_str()));
            let page = app.get(&url).await;
            assert_eq!(page.status, StatusCode::OK, "{url} is still there");
            assert_eq!(page.html().text("[role=alert]"), refusal);
        }
        assert_eq!(
            app.post_admin("/admin/jobs/999999/delete", &[]).await.status,
            StatusCode::NOT_FOUND
        );
    }
}

#[actix_web::test]
async fn companies_and_skills_are_created_and_renamed_and_postings_follow() {
    for app in backends() {
        let slug = app.with_conn(|c| {
            let co = CompanyFactory::new().name("Old Name Logistics").create(c);
            JobFactory::new(&co).title("Dispatcher").skills(&["Javascript"]).create(c).slug
        });
        let _user = app.signed_in(AdminRole::Admin).await;
        let company_id: i64 = app.with_conn(|c| {
            companies::table
                .filter(companies::name.eq("Old Name Logistics"))
                .select(companies::id)
                .first(c)
                .unwrap()
        });
        let res = app
            .post_admin(
                &format!("/admin/companies/{company_id}"),
                &[
                    ("name", "Nordwind Freight"),
                    ("website", "https://nordwind.example"),
                    ("city", "Bremen"),
                    ("country_code", "DE"),
                    ("description", "Freight along the coast."),
                    ("t.de.description", "Fracht entlang der Küste."),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        // Postings are found by their company's new name at once.
        assert_eq!(
            app.get("/en/jobs?q=nordwind").await.html().texts(".job-card-title"),
            ["Dispatcher"],
            "{}",
            app.backend
        );
        let company_page = app.get("/de/companies/old-name-logistics").await.html();
        assert!(company_page.text("main").contains("Fracht entlang der Küste."));

        // A new company: slug from the name; a bad website is refused first.
        let bad = app
            .post_admin(
                "/admin/companies",
                &[
                    ("name", "Kyiv Bakery"),
                    ("original_locale", "uk"),
                    ("website", "javascript:alert(1)"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let bad_contact = app
            .post_admin(
                "/admin/companies",
                &[
                    ("name", "Kyiv Bakery"),
                    ("original_locale", "uk"),
                    ("contact_email", "hiring at bakery"),
                ],
            )
            .await;
        assert_eq!(bad_contact.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            bad_contact.html().text(".field-error"),
            "Enter an email address, like jobs@example.com."
        );
        let res = app
            .post_admin(
                "/admin/companies",
                &[
                    ("name", "Kyiv Bakery"),
                    ("original_locale", "uk"),
                    ("description", "Пекарня на Подолі."),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let (new_slug, locale): (String, String) = app.with_conn(|c| {
            companies::table
                .filter(companies::name.eq("Kyiv Bakery"))
                .select((companies::slug, companies::original_locale))
                .first(c)
                .unwrap()
        });
        assert_eq!((new_slug.as_str(), locale.as_str()), ("kyiv-bakery", "uk"));
        let duplicate = app
            .post_admin("/admin/companies", &[("name", "kyiv bakery"), ("original_locale", "en")])
            .await;
        assert_eq!(duplicate.status, StatusCode::UNPROCESSABLE_ENTITY);

        // Skills: renaming keeps postings tagged and findable by the new name; a name another
        // skill has is refused.
        let skill: i64 = app.with_conn(|c| {
            skills::table.filter(skills::name.eq("Javascript")).select(skills::id).first(c).unwrap()
        });
        let res =
            app.post_admin(&format!("/admin/skills/{skill}"), &[("name", "ECMAScript")]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(
            app.get("/en/jobs?q=ecmascript").await.html().texts(".job-card-title"),
            ["Dispatcher"]
        );
        let res = app.post_admin("/admin/skills", &[("name", "Go")]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let taken = app.post_admin(&format!("/admin/skills/{skill}"), &[("name", "go")]).await;
        assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(taken.html().text(".field-error").contains("Merge into"));
        let _ = slug;
    }
}

#[actix_web::test]
async fn duplicating_makes_a_draft_copy_and_preview_shows_any_status() {
    let app = TestApp::sqlite();
    let slug = app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        JobFactory::new(&co)
            .title("Sommelier")
            .translation(Locale::DE, text("Sommelière"))
            .skills(&["Wine"])
            .create(c)
            .slug
    });
    let id = job_id(&app, &slug);
    let _user = app.signed_in(AdminRole::Editor).await;
    let res = app.post_admin(&format!("/admin/jobs/{id}/duplicate"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let edit = res.header("location").unwrap_or_default().to_owned();
    assert!(edit.ends_with("/edit"), "{edit}");
    let copy: i64 = edit.split('/').nth(3).unwrap().parse().unwrap();
    let (copy_slug, status): (String, String) = app
        .with_conn(|c| jobs::table.find(copy).select((jobs::slug, jobs::status)).first(c).unwrap());
    assert_eq!(copy_slug, format!("{slug}-copy"));
    assert_eq!(status, JobStatus::Draft.as_str());
    let page = app.get(&edit).await.html();
    assert_eq!(page.attr("#f-t-de-title", "value"), "Sommelière");
    assert_eq!(page.attr("#f-skills", "value"), "Wine");
    assert_eq!(audit(&app, "jobs", copy)[0].0, "create");

    // The draft is not public, but its preview shows it, in each of its languages.
    assert_eq!(app.get(&format!("/en/jobs/{copy_slug}")).await.status, StatusCode::NOT_FOUND);
    let preview = app.get(&format!("/admin/jobs/{copy}/preview")).await;
    assert_eq!(preview.status, StatusCode::OK);
    let html = preview.html();
    assert_eq!(html.text("h1"), "Sommelier");
    assert_eq!(html.attr("meta[name=robots]", "content"), "noindex");
    assert!(html.text(".notice-preview").contains("Draft"));
    assert_eq!(html.count("form.apply-form"), 0);
    let german = app.get(&format!("/admin/jobs/{copy}/preview?lang=de")).await.html();
    assert_eq!(german.text("h1"), "Sommelière");
    assert!(german.text(".notice-preview").contains("Entwurf"));
    app.clear_cookies();
    let anonymous = app.get(&format!("/admin/jobs/{copy}/preview")).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
}

#[actix_web::test]
async fn admins_change_roles_but_never_remove_the_last_admin() {
    let app = TestApp::sqlite();
    let admin = app.with_conn(|c| AdminFactory::new().create(c));
    let viewer = app.with_conn(|c| AdminFactory::new().role(AdminRole::Viewer).create(c));
    app.sign_in_as(&admin).await;
    let res = app
        .post_admin(
            &format!("/admin/admin_users/{}", viewer.id),
            &[("name", "Vera"), ("role", "editor"), ("locale", "uk")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(audit(&app, "admin_users", viewer.id)[0].1, ["locale", "name", "role"]);
    // The change applies to the user's next request.
    app.clear_cookies();
    app.sign_in_as(&viewer).await;
    assert_eq!(app.get("/admin/jobs/new").await.status, StatusCode::OK);
    app.clear_cookies();

    app.sign_in_as(&admin).await;
    let me = format!("/admin/admin_users/{}", admin.id);
    let res = app.post_admin(&me, &[("role", "viewer"), ("locale", "en")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        res.html().text(".field-error"),
        "The board needs at least one admin: make someone else an admin first."
    );
    let res = app.post_admin(&format!("{me}/delete"), &[]).await;
    assert_eq!(res.header("location"), Some(me.as_str()));
    assert_eq!(app.get(&me).await.status, StatusCode::OK);
    // With two admins, either may go.
    app.post_admin(
        &format!("/admin/admin_users/{}", viewer.id),
        &[("role", "admin"), ("locale", "uk")],
    )
    .await;
    let res = app.post_admin(&format!("/admin/admin_users/{}/delete", viewer.id), &[]).await;
    assert_eq!(res.header("location"), Some("/admin/admin_users"));
}

#[actix_web::test]
async fn an_edit_keeps_what_it_does_not_change_and_names_the_company_by_id() {
    let app = TestApp::sqlite();
    let (first, other) = app.with_conn(|c| {
        (CompanyFactory::new().name("Zeppelin Cargo").create(c), CompanyFactory::new().create(c))
    });
    let _editor = app.signed_in(AdminRole::Editor).await;
    let res = app.post_admin("/admin/jobs", &pairs(&posting_form("Zeppelin Cargo"))).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let id: i64 = res.header("location").unwrap().rsplit('/').next().unwrap().parse().unwrap();
    // Publishing would set a time of day; the form shows only the day.
    let noon = chrono::NaiveDate::from_ymd_opt(2030, 1, 31).unwrap().and_hms_opt(12, 0, 0);
    app.with_conn(|c| {
        diesel::update(jobs::table.find(id)).set(jobs::valid_through.eq(noon)).execute(c).unwrap()
    });
    let stored = |app: &TestApp| -> (i64, Option<chrono::NaiveDateTime>, Option<String>) {
        app.with_conn(|c| {
            jobs::table
                .find(id)
                .select((jobs::company_id, jobs::valid_through, jobs::salary_currency))
                .first(c)
                .unwrap()
        })
    };
    let page = app.get(&format!("/admin/jobs/{id}/edit")).await.html();
    assert_eq!(page.attr("#f-company", "value"), "Zeppelin Cargo");
    assert_eq!(page.attr("#f-valid-through", "value"), "2030-01-31");

    // The same day and `#id` for another company: the time stays, the company changes.
    let mut form = posting_form(&format!("#{}", other.id));
    form.retain(|(k, _)| *k != "original_locale");
    let res = app.post_admin(&format!("/admin/jobs/{id}"), &pairs(&form)).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(stored(&app), (other.id, noon, Some("EUR".into())));
    let page = app.get(&format!("/admin/jobs/{id}/edit")).await.html();
    assert_eq!(page.attr("#f-company", "value"), other.name);

    // Another day closes at its end; without a salary, no currency is kept.
    for (key, value) in form.iter_mut() {
        match *key {
            "valid_through" => *value = "2030-02-28".into(),
            "company" => *value = "ZEPPELIN CARGO".into(),
            "salary_min" | "salary_max" => value.clear(),
            _ => {}
        }
    }
    let res = app.post_admin(&format!("/admin/jobs/{id}"), &pairs(&form)).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let end = chrono::NaiveDate::from_ymd_opt(2030, 2, 28).unwrap().and_hms_opt(23, 59, 59);
    assert_eq!(stored(&app), (first.id, end, None));
    // A company nobody may name: `#` of no record is refused, and nothing changes.
    set_company(&mut form, "#999999");
    let res = app.post_admin(&format!("/admin/jobs/{id}"), &pairs(&form)).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(stored(&app), (first.id, end, None));
}

fn set_company(form: &mut [(&'static str, String)], value: &str) {
    for (key, v) in form.iter_mut() {
        if *key == "company" {
            *v = value.to_owned();
        }
    }
}
