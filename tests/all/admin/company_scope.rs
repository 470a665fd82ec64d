//! Employers' recruiters see and change only their companies' records: every list, count,
//! export, lookup, search, show page, form, action and batch answers as if the other
//! companies' records did not exist (404), on every backend.

use actix_web::http::StatusCode;
use hireboard::auth::policy::{Action, allows};
use hireboard::models::{AdminRole, JobStatus};

use crate::support::{AdminFactory, AdminLogin, ApplicationFactory, CompanyFactory, JobFactory};
use crate::support::{TestApp, backends};

/// Two companies' records: `ours` the recruiter works for, `theirs` another employer's.
struct World {
    recruiter: AdminLogin,
    ours: Side,
    theirs: Side,
    /// A note the board's staff wrote on our posting.
    staff_note: i64,
}

/// One company's records. Their names share "Scoped" so that one search finds both sides.
struct Side {
    firm: hireboard::models::company::Company,
    company: i64,
    job: i64,
    application: i64,
    /// A note of the company's recruiter on its posting.
    comment: i64,
    import: i64,
    /// An API token of the company, made by its recruiter.
    token: i64,
    /// The word that tells this side's records apart in a page.
    mark: &'static str,
}

fn side(app: &TestApp, mark: &'static str) -> (Side, AdminLogin) {
    app.with_conn(|c| {
        let company = CompanyFactory::new().name(&format!("Scoped {mark} Ltd")).create(c);
        let job = JobFactory::new(&company)
            .title(&format!("Scoped {mark} welder"))
            .status(JobStatus::Draft)
            .create(c)
            .id;
        let application =
            ApplicationFactory::new(job).name(&format!("Scoped {mark} applicant")).create(c).id;
        let recruiter = AdminFactory::new().recruiter(&[company.id]).create(c);
        let note = format!("Scoped {mark} team note");
        hireboard::models::comment::create(c, "jobs", job, recruiter.id, &note).unwrap();
        let comment = last_comment(c);
        let import = crate::support::factories::import_record(c, recruiter.id);
        let token = crate::support::ApiTokenFactory::new()
            .name(&format!("Scoped {mark} token"))
            .recruiters(&recruiter, &company)
            .create(c)
            .id;
        let firm = company;
        (Side { company: firm.id, firm, job, application, comment, import, token, mark }, recruiter)
    })
}

fn last_comment(c: &mut hireboard::db::DbConn) -> i64 {
    use diesel::prelude::*;
    use hireboard::db::schema::admin_comments;
    admin_comments::table
        .select(admin_comments::id)
        .order(admin_comments::id.desc())
        .first(c)
        .unwrap()
}

fn world(app: &TestApp) -> World {
    let staff = app.with_conn(|c| AdminFactory::new().create(c));
    let (ours, recruiter) = side(app, "Ours");
    let (theirs, _) = side(app, "Theirs");
    let staff_note = app.with_conn(|c| {
        hireboard::models::comment::create(c, "jobs", ours.job, staff.id, "Scoped staff note")
            .unwrap();
        last_comment(c)
    });
    World { recruiter, ours, theirs, staff_note }
}

/// Each resource a recruiter may open, with our record and theirs; the board's shared
/// vocabularies (skills, places) are everyone's. A resource a recruiter may view that is in
/// neither list fails the test: its isolation has not been checked.
fn records(w: &World, name: &str) -> Option<(i64, i64)> {
    match name {
        "jobs" => Some((w.ours.job, w.theirs.job)),
        "companies" => Some((w.ours.company, w.theirs.company)),
        "applications" => Some((w.ours.application, w.theirs.application)),
        "comments" => Some((w.ours.comment, w.theirs.comment)),
        "imports" => Some((w.ours.import, w.theirs.import)),
        "api_tokens" => Some((w.ours.token, w.theirs.token)),
        _ => None,
    }
}
const SHARED: [&str; 2] = ["skills", "places"];

#[actix_web::test]
async fn every_resource_a_recruiter_sees_is_their_companies() {
    for app in backends() {
        let w = world(&app);
        app.sign_in_as(&w.recruiter).await;
        let mut failures = Vec::new();
        for resource in hireboard::admin::resources::ALL {
            let name = resource.name();
            if !allows(AdminRole::Recruiter, resource.area(), Action::View)
                || SHARED.contains(&name)
            {
                continue;
            }
            let Some((ours, theirs)) = records(&w, name) else {
                failures.push(format!("{name}: a recruiter may view it; add it to `records`"));
                continue;
            };
            // Their record, an id guessed past the end, and ours.
            for (id, expected) in [
                (theirs, StatusCode::NOT_FOUND),
                (theirs + 100_000, StatusCode::NOT_FOUND),
                (ours, StatusCode::OK),
            ] {
                let res = app.get(&format!("/admin/{name}/{id}")).await;
                if res.status != expected {
                    failures.push(format!("GET /admin/{name}/{id}: {}", res.status));
                }
            }
            // The list, its export and its count hold ours and nothing of theirs.
            for path in [format!("/admin/{name}"), format!("/admin/{name}/export.csv")] {
                let res = app.get(&path).await;
                if name != "imports" && !res.body.contains(w.ours.mark) {
                    failures.push(format!("{path}: ours missing"));
                }
                if res.body.contains(w.theirs.mark) {
                    failures.push(format!("{path}: shows theirs"));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

#[actix_web::test]
async fn another_companys_records_answer_404_to_every_read_and_change() {
    for app in backends() {
        let w = world(&app);
        app.sign_in_as(&w.recruiter).await;
        let (job, company, application) = (w.theirs.job, w.theirs.company, w.theirs.application);
        let gets = [
            format!("/admin/jobs/{job}/edit"),
            format!("/admin/jobs/{job}/delete"),
            format!("/admin/jobs/{job}/preview"),
            format!("/admin/jobs/{job}/stats"),
            format!("/admin/jobs/{job}/stats.csv"),
            format!("/admin/companies/{company}/edit"),
            format!("/admin/applications/{application}/cv"),
            format!("/admin/applications/{application}/stage?to=rejected"),
            format!("/admin/imports/{}/progress.json", w.theirs.import),
            format!("/admin/api_tokens/{}/edit", w.theirs.token),
        ];
        for path in &gets {
            assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "GET {path}");
        }
        let posts: Vec<(String, Vec<(&str, &str)>)> = vec![
            (format!("/admin/jobs/{job}"), vec![("title", "Taken over")]),
            (format!("/admin/jobs/{job}/delete"), vec![]),
            (format!("/admin/jobs/{job}/duplicate"), vec![]),
            (format!("/admin/jobs/{job}/submit"), vec![]),
            (format!("/admin/jobs/{job}/comments"), vec![("body", "Hello")]),
            (format!("/admin/companies/{company}"), vec![("name", "Taken over")]),
            (format!("/admin/applications/{application}/stage"), vec![("to", "reviewing")]),
            (format!("/admin/imports/{}/start", w.theirs.import), vec![]),
            (format!("/admin/api_tokens/{}/revoke", w.theirs.token), vec![]),
            (format!("/admin/api_tokens/{}", w.theirs.token), vec![("name", "Taken over")]),
        ];
        for (path, fields) in &posts {
            let res = app.post_admin(path, fields).await;
            assert_eq!(res.status, StatusCode::NOT_FOUND, "POST {path}");
        }
        // Nothing of theirs changed.
        let (title, comments, stage) = app.with_conn(|c| {
            use diesel::prelude::*;
            use hireboard::db::schema::{admin_comments, applications, jobs};
            let title: String = jobs::table.find(job).select(jobs::title).first(c).unwrap();
            let comments: i64 = admin_comments::table
                .filter(admin_comments::record_id.eq(job))
                .count()
                .get_result(c)
                .unwrap();
            let stage: String = applications::table
                .find(application)
                .select(applications::status)
                .first(c)
                .unwrap();
            (title, comments, stage)
        });
        assert_eq!(title, "Scoped Theirs welder");
        assert_eq!(comments, 1);
        assert_eq!(stage, "new");
    }
}

#[actix_web::test]
async fn enumerating_ids_finds_only_their_own() {
    let app = TestApp::sqlite();
    let w = world(&app);
    app.sign_in_as(&w.recruiter).await;
    let last = w.theirs.job.max(w.ours.job) + 3;
    let mut seen = Vec::new();
    for id in 1..=last {
        let res = app.get(&format!("/admin/jobs/{id}")).await;
        match res.status {
            StatusCode::OK => seen.push(id),
            StatusCode::NOT_FOUND => {}
            other => panic!("/admin/jobs/{id}: {other}"),
        }
    }
    assert_eq!(seen, vec![w.ours.job]);
}

#[actix_web::test]
async fn search_lookup_dashboard_and_batches_stay_within_their_companies() {
    for app in backends() {
        let w = world(&app);
        app.with_conn(|c| {
            JobFactory::new(&w.theirs.firm).title("Scoped Theirs published").create(c);
        });
        app.sign_in_as(&w.recruiter).await;
        for path in ["/admin/search?q=Scoped", "/admin/companies/lookup?q=Scoped", "/admin"] {
            let res = app.get(path).await;
            assert_eq!(res.status, StatusCode::OK, "{path}");
            assert!(res.body.contains("Scoped Ours"), "{path}: ours missing");
            assert!(!res.body.contains("Scoped Theirs"), "{path}: shows theirs");
        }
        // The staff's note on our posting stays the staff's.
        let page = app.get(&format!("/admin/jobs/{}", w.ours.job)).await.body;
        assert!(page.contains("Scoped Ours team note"));
        assert!(!page.contains("Scoped staff note"));
        assert_eq!(
            app.get(&format!("/admin/comments/{}", w.staff_note)).await.status,
            StatusCode::NOT_FOUND
        );
        // A batch over ours and theirs moves ours only.
        let (ours, theirs) = (w.ours.application.to_string(), w.theirs.application.to_string());
        let fields = [
            ("batch_action", "reviewing"),
            ("ids", ours.as_str()),
            ("ids", &theirs),
            ("confirmed", "yes"),
        ];
        let res = app.post_admin("/admin/applications/batch", &fields).await;
        assert!(res.status.is_redirection(), "{}", res.status);
        let stages = app.with_conn(|c| {
            use diesel::prelude::*;
            use hireboard::db::schema::applications;
            applications::table
                .filter(applications::id.eq_any([w.ours.application, w.theirs.application]))
                .order(applications::id)
                .select(applications::status)
                .load::<String>(c)
                .unwrap()
        });
        assert_eq!(stages, vec!["reviewing", "new"]);
    }
}

#[actix_web::test]
async fn a_recruiter_posts_only_for_their_companies_and_loses_access_when_let_go() {
    for app in backends() {
        let w = world(&app);
        app.sign_in_as(&w.recruiter).await;
        let form = |company: String| {
            vec![
                ("title", "Scoped new posting".to_owned()),
                ("company", company),
                ("original_locale", "en".to_owned()),
                ("workplace", "onsite".to_owned()),
                ("employment_type", "full_time".to_owned()),
                ("seniority", "mid".to_owned()),
                ("city", "Hamburg".to_owned()),
                ("summary", "A posting.".to_owned()),
            ]
        };
        // Theirs, by id and by name: nothing matches, nothing is made.
        for company in [format!("#{}", w.theirs.company), "Scoped Theirs Ltd".to_owned()] {
            let fields = form(company);
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let res = app.post_admin("/admin/jobs", &fields).await;
            assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        }
        let fields = form(format!("#{}", w.ours.company));
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = app.post_admin("/admin/jobs", &fields).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{:?}", res.html().texts(".field-error"));
        let made: Vec<i64> = app.with_conn(|c| {
            use diesel::prelude::*;
            use hireboard::db::schema::jobs;
            jobs::table
                .filter(jobs::title.eq("Scoped new posting"))
                .select(jobs::company_id)
                .load(c)
                .unwrap()
        });
        assert_eq!(made, vec![w.ours.company]);
        // Let go: our records are gone for them at once.
        app.with_conn(|c| {
            hireboard::models::company_member::set_companies(c, w.recruiter.id, &[]).unwrap()
        });
        let res = app.get(&format!("/admin/jobs/{}", w.ours.job)).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
    }
}

#[actix_web::test]
async fn staff_bind_recruiters_to_companies_when_inviting_and_editing() {
    for app in backends() {
        let company = app.with_conn(|c| CompanyFactory::new().name("Bound Ltd").create(c));
        app.signed_in(AdminRole::Admin).await;
        let invite = |companies: &'static str| {
            vec![
                ("email", "recruiter@bound.example"),
                ("role", "recruiter"),
                ("companies", companies),
            ]
        };
        let res = app.post_admin("/admin/admin_users", &invite("")).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.body.contains("A recruiter works for at least one company."), "{}", res.body);
        let res = app.post_admin("/admin/admin_users", &invite("Nobody Ltd")).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        let res = app.post_admin("/admin/admin_users", &invite("Bound Ltd")).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let id: i64 = res
            .header("location")
            .and_then(|l| l.rsplit('/').next())
            .and_then(|id| id.parse().ok())
            .expect("the new user's page");
        let bound =
            app.with_conn(|c| hireboard::models::company_member::company_ids(c, id).unwrap());
        assert_eq!(bound, vec![company.id]);
        // Editing: a recruiter keeps a company; a viewer has none.
        let edit = |role: &'static str, companies: &str| {
            vec![
                ("name", "Rita".to_owned()),
                ("role", role.to_owned()),
                ("locale", "en".to_owned()),
                ("companies", companies.to_owned()),
            ]
        };
        let post = |fields: Vec<(&'static str, String)>| {
            let path = format!("/admin/admin_users/{id}");
            let app = &app;
            async move {
                let fields: Vec<(&str, &str)> =
                    fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                app.post_admin(&path, &fields).await
            }
        };
        let res = post(edit("recruiter", "")).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        let res = post(edit("viewer", "Bound Ltd")).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        let res = post(edit("viewer", "")).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let bound =
            app.with_conn(|c| hireboard::models::company_member::company_ids(c, id).unwrap());
        assert!(bound.is_empty());
        let res = post(edit("recruiter", &format!("#{}", company.id))).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let bound =
            app.with_conn(|c| hireboard::models::company_member::company_ids(c, id).unwrap());
        assert_eq!(bound, vec![company.id]);
    }
}
