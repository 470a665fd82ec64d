//! Moderation: a recruiter's posting goes live only once the board's staff approve it; sent
//! back, the recruiter learns why by mail in their language; an edit of a live posting is
//! reviewed again; a company that signed up waits for approval; a trusted one skips review.

use actix_web::http::StatusCode;
use diesel::prelude::*;
use hireboard::db::schema::{admin_users, events, job_reviews, jobs};
use hireboard::models::{AdminRole, JobStatus};

use crate::support::{AdminFactory, AdminLogin, CompanyFactory, JobFactory, TestApp, backends};

fn status(app: &TestApp, id: i64) -> String {
    app.with_conn(|c| jobs::table.find(id).select(jobs::status).first(c).unwrap())
}

fn events_of(app: &TestApp, id: i64) -> Vec<String> {
    app.with_conn(|c| {
        events::table
            .filter(events::subject_id.eq(id))
            .filter(events::kind.like("job.%"))
            .order(events::id.asc())
            .select(events::kind)
            .load(c)
            .unwrap()
    })
}

struct Setup {
    recruiter: AdminLogin,
    editor: AdminLogin,
    company: hireboard::models::company::Company,
    job: hireboard::models::job::Job,
}

fn setup(app: &TestApp) -> Setup {
    app.with_conn(|c| {
        let company = CompanyFactory::new().name("Moderated GmbH").create(c);
        let job =
            JobFactory::new(&company).title("Moderated welder").status(JobStatus::Draft).create(c);
        let recruiter = AdminFactory::new().recruiter(&[company.id]).create(c);
        // The recruiter reads their mail in German.
        diesel::update(admin_users::table.find(recruiter.id))
            .set((admin_users::locale.eq("de"), admin_users::name.eq("Rita")))
            .execute(c)
            .unwrap();
        let editor = AdminFactory::new().role(AdminRole::Editor).create(c);
        Setup { recruiter, editor, company, job }
    })
}

#[actix_web::test]
async fn a_posting_is_sent_back_with_a_reason_then_approved_and_goes_live() {
    for app in backends() {
        let s = setup(&app);
        let (id, slug) = (s.job.id, s.job.slug.clone());
        let public = format!("/en/jobs/{slug}");
        app.sign_in_as(&s.recruiter).await;
        let res = app.post_admin(&format!("/admin/jobs/{id}/submit"), &[]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(status(&app, id), "pending_review");
        assert_eq!(events_of(&app, id).last().map(String::as_str), Some("job.submitted"));
        // The queue is the staff's.
        assert_eq!(app.get("/admin/review").await.status, StatusCode::FORBIDDEN);
        assert_eq!(app.get(&public).await.status, StatusCode::NOT_FOUND);

        app.clear_cookies();
        app.sign_in_as(&s.editor).await;
        let queue = app.get("/admin/review").await;
        assert!(queue.body.contains("Moderated welder"), "{}", queue.body);
        let page = app.get(&format!("/admin/review/{id}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("First version"), "a first submission is all new");
        // A reason is needed, and nothing changes without one.
        let reject = format!("/admin/review/{id}/reject");
        let res = app.post_admin(&reject, &[("reason", "  ")]).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.body.contains("Say why the posting goes back."));
        assert_eq!(status(&app, id), "pending_review");
        let res = app.post_admin(&reject, &[("reason", "Please name the salary range.")]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(status(&app, id), "draft");
        assert_eq!(events_of(&app, id).last().map(String::as_str), Some("job.rejected"));
        let payload: String = app.with_conn(|c| {
            events::table
                .filter(events::kind.eq("job.rejected"))
                .select(events::payload)
                .first(c)
                .unwrap()
        });
        assert!(payload.contains("Please name the salary range."), "{payload}");
        app.deliver_mail(1);
        let (to, subject, text) = app.outbox().pop().unwrap();
        assert_eq!(to, s.recruiter.email);
        assert!(subject.contains("braucht Änderungen"), "in the recruiter's language: {subject}");
        assert!(text.contains("Please name the salary range."), "{text}");

        // Changed and sent again: this time approved, and on the public site.
        app.clear_cookies();
        app.sign_in_as(&s.recruiter).await;
        let res = app.post_admin(&format!("/admin/jobs/{id}/submit"), &[]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        app.clear_cookies();
        app.sign_in_as(&s.editor).await;
        let res = app.post_admin(&format!("/admin/review/{id}/approve"), &[]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(status(&app, id), "published");
        let kinds = events_of(&app, id);
        assert!(
            kinds.ends_with(&["job.published".to_owned(), "job.approved".to_owned()]),
            "{kinds:?}"
        );
        assert_eq!(app.get(&public).await.status, StatusCode::OK);
        app.deliver_mail(2);
        let (_, subject, _) = app.outbox().pop().unwrap();
        assert!(subject.contains("ist online"), "{subject}");
        // Deciding twice changes nothing.
        let res = app.post_admin(&reject, &[("reason", "Late")]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(status(&app, id), "published");
        let decisions: Vec<Option<String>> = app.with_conn(|c| {
            job_reviews::table
                .filter(job_reviews::job_id.eq(id))
                .order(job_reviews::id.asc())
                .select(job_reviews::decision)
                .load(c)
                .unwrap()
        });
        assert_eq!(decisions, [Some("rejected".to_owned()), Some("approved".to_owned())]);
    }
}

#[actix_web::test]
async fn a_recruiters_edit_of_a_live_posting_is_reviewed_with_what_changed() {
    for app in backends() {
        let s = setup(&app);
        let id = s.job.id;
        app.sign_in_as(&s.recruiter).await;
        app.post_admin(&format!("/admin/jobs/{id}/submit"), &[]).await;
        app.clear_cookies();
        app.sign_in_as(&s.editor).await;
        app.post_admin(&format!("/admin/review/{id}/approve"), &[]).await;
        assert_eq!(status(&app, id), "published");

        app.clear_cookies();
        app.sign_in_as(&s.recruiter).await;
        let edit = app.get(&format!("/admin/jobs/{id}/edit")).await.html();
        let fields = edit.form_with("form.form-grid", &[("title", "Moderated senior welder")]);
        let fields: Vec<(&str, &str)> =
            fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let res = app.post_admin(&format!("/admin/jobs/{id}"), &fields).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{:?}", res.html().texts(".field-error"));
        assert_eq!(status(&app, id), "pending_review", "back in the queue");
        assert_eq!(
            app.get(&format!("/en/jobs/{}", s.job.slug)).await.status,
            StatusCode::NOT_FOUND
        );

        app.clear_cookies();
        app.sign_in_as(&s.editor).await;
        let page = app.get(&format!("/admin/review/{id}")).await.html();
        let rows = page.texts("table.diff tbody tr");
        assert_eq!(rows.len(), 1, "only the title changed: {rows:?}");
        assert!(
            rows[0].contains("Moderated welder") && rows[0].contains("Moderated senior welder")
        );
    }
}

#[actix_web::test]
async fn a_company_awaiting_approval_has_nothing_published_and_a_trusted_one_skips_review() {
    for app in backends() {
        let s = setup(&app);
        let id = s.job.id;
        app.with_conn(|c| {
            use hireboard::db::schema::companies;
            diesel::update(companies::table.find(s.company.id))
                .set(companies::awaiting_approval.eq(true))
                .execute(c)
                .unwrap();
        });
        app.sign_in_as(&s.recruiter).await;
        app.post_admin(&format!("/admin/jobs/{id}/submit"), &[]).await;
        app.clear_cookies();
        app.sign_in_as(&s.editor).await;
        let page = app.get(&format!("/admin/review/{id}")).await;
        assert!(page.body.contains("awaits approval"));
        assert!(!page.body.contains("/approve\""), "no approve button yet");
        let res = app.post_admin(&format!("/admin/review/{id}/approve"), &[]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(status(&app, id), "pending_review");
        // Trust waits for approval too.
        let company = format!("/admin/companies/{}", s.company.id);
        app.post_admin(&format!("{company}/trust"), &[]).await;
        app.post_admin(&format!("{company}/approve"), &[]).await;
        app.post_admin(&format!("/admin/review/{id}/approve"), &[]).await;
        assert_eq!(status(&app, id), "published");

        // Trusted: the next posting goes live when sent.
        app.post_admin(&format!("{company}/trust"), &[]).await;
        let next = app.with_conn(|c| {
            JobFactory::new(&s.company).title("Trusted welder").status(JobStatus::Draft).create(c)
        });
        app.clear_cookies();
        app.sign_in_as(&s.recruiter).await;
        app.post_admin(&format!("/admin/jobs/{}/submit", next.id), &[]).await;
        assert_eq!(status(&app, next.id), "published");
        assert_eq!(app.get(&format!("/en/jobs/{}", next.slug)).await.status, StatusCode::OK);
    }
}

#[actix_web::test]
async fn the_queue_and_a_review_page_run_a_fixed_number_of_queries() {
    let app = TestApp::sqlite();
    let s = setup(&app);
    let send = |n: usize| {
        app.with_conn(|c| {
            for i in 0..n {
                let job = JobFactory::new(&s.company)
                    .title(&format!("Queued {i}"))
                    .status(JobStatus::Draft)
                    .create(c);
                let actor = hireboard::models::audit::Actor {
                    admin_user_id: Some(s.recruiter.id),
                    label: "Rita".into(),
                };
                hireboard::models::job::review::submit(
                    c,
                    job.id,
                    "{}",
                    &actor,
                    hireboard::db::now(),
                )
                .unwrap();
            }
        })
    };
    send(1);
    app.sign_in_as(&s.editor).await;
    let cost = async |path: &str| {
        let before = app.queries();
        let res = app.get(path).await;
        assert_eq!(res.status, StatusCode::OK, "{path}: {}", res.body);
        app.queries() - before
    };
    let queue = cost("/admin/review").await;
    let id = s.job.id;
    app.sign_in_as(&s.recruiter).await;
    app.post_admin(&format!("/admin/jobs/{id}/submit"), &[]).await;
    app.sign_in_as(&s.editor).await;
    let review = cost(&format!("/admin/review/{id}")).await;
    send(15);
    assert_eq!(cost("/admin/review").await, queue, "more postings waiting, same queries");
    assert_eq!(cost(&format!("/admin/review/{id}")).await, review);
    assert!(queue <= 8 && review <= 12, "queue {queue}, review {review} queries");
}
