//! The other resources' pages: applications by stage, skills, comments and the audit log.

use actix_web::http::StatusCode;
use diesel::prelude::*;
use hireboard::db::schema::jobs;
use hireboard::models::{AdminRole, ApplicationStatus};

use crate::support::{
    AdminFactory, ApplicationFactory, CompanyFactory, JobFactory, TestApp, backends,
};

#[actix_web::test]
async fn applications_are_listed_by_stage_with_counts() {
    for app in backends() {
        let job = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            let job = JobFactory::new(&co).title("Barista").create(c).id;
            ApplicationFactory::new(job).name("Ada").create(c);
            ApplicationFactory::new(job)
                .name("Grace")
                .status(ApplicationStatus::Interview)
                .create(c);
            ApplicationFactory::new(job)
                .name("Linus")
                .status(ApplicationStatus::Rejected)
                .create(c);
            job
        });
        let _user = app.signed_in(AdminRole::Admin).await;
        let page = app.get("/admin/applications").await.html();
        assert_eq!(
            page.texts(".scopes a"),
            [
                "All 3",
                "New 1",
                "Reviewing 0",
                "Interview 1",
                "Offer 0",
                "Hired 0",
                "Rejected 1",
                "Withdrawn 0"
            ],
            "{}",
            app.backend
        );
        let interview = app.get("/admin/applications?scope=interview").await.html();
        assert_eq!(interview.texts("td.primary"), ["Grace"]);
        let filtered = app.get("/admin/applications?posting=barista&name=a&sort=name").await.html();
        assert_eq!(filtered.texts("td.primary"), ["Ada", "Grace"], "{}", app.backend);
        // The show page: applicant, posting link, pipeline.
        let href = interview.attrs("td.primary a", "href")[0].clone();
        let show = app.get(&href).await.html();
        assert_eq!(show.text("h1"), "Grace");
        assert!(show.attrs(".attributes a", "href").contains(&format!("/admin/jobs/{job}")));
    }
}

#[actix_web::test]
async fn skills_show_their_use_and_an_unused_scope() {
    let app = TestApp::sqlite();
    app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        JobFactory::new(&co).skills(&["Rust", "SQL"]).create(c);
        JobFactory::new(&co).skills(&["Rust"]).create(c);
        hireboard::models::skill::Skill::find_or_create(c, "COBOL", hireboard::i18n::Locale::EN)
            .unwrap();
    });
    let _user = app.signed_in(AdminRole::Admin).await;
    let page = app.get("/admin/skills").await.html();
    assert_eq!(page.texts(".scopes a"), ["All 3", "Unused 1"]);
    assert_eq!(page.texts("td.primary"), ["COBOL", "Rust", "SQL"]);
    assert_eq!(page.texts("td.number"), ["0", "2", "1"]);
    let unused = app.get("/admin/skills?scope=unused").await.html();
    assert_eq!(unused.texts("td.primary"), ["COBOL"]);
}

#[actix_web::test]
async fn comments_and_audit_entries_have_their_own_lists() {
    for app in backends() {
        let job = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            let slug = JobFactory::new(&co).title("Welder").create(c).slug;
            jobs::table.filter(jobs::slug.eq(slug)).select(jobs::id).first::<i64>(c).unwrap()
        });
        let _user = app.signed_in(AdminRole::Admin).await;
        app.post_admin(
            &format!("/admin/jobs/{job}/comments"),
            &[("body", "Ask about the certificate.")],
        )
        .await;
        app.post_admin(&format!("/admin/jobs/{job}/status"), &[("to", "archived")]).await;

        let comments = app.get("/admin/comments").await.html();
        assert_eq!(
            comments.texts("td:nth-child(4)"),
            ["Ask about the certificate."],
            "{}",
            app.backend
        );
        assert_eq!(comments.attrs("td:nth-child(3) a", "href"), [format!("/admin/jobs/{job}")]);
        let none = app.get("/admin/comments?body=invoice").await.html();
        assert_eq!(none.count(".index-table"), 0);

        let log = app.get("/admin/audit_log").await.html();
        assert_eq!(
            log.texts(".scopes a"),
            ["All 1", "Created 0", "Changed 0", "Deleted 0", "Status changed 1"]
        );
        assert_eq!(log.texts("td:nth-child(5)"), ["Welder"]);
        let entry = log.attrs("td.primary a", "href")[0].clone();
        let show = app.get(&entry).await;
        assert_eq!(show.status, StatusCode::OK);
        assert!(
            show.html().texts(".attributes dd").iter().any(|t| t == "Status: Published → Archived"),
            "{}",
            app.backend
        );
        let filtered = app.get("/admin/audit_log?resource=companies").await.html();
        assert_eq!(filtered.texts(".scopes a")[0], "All 0");
    }
}

#[actix_web::test]
async fn applications_move_through_the_pipeline_and_are_audited() {
    use hireboard::db::schema::applications;
    for app in backends() {
        let id = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            let job = JobFactory::new(&co).create(c).id;
            ApplicationFactory::new(job).name("Ada").create(c).id
        });
        let user = app.with_conn(|c| AdminFactory::new().role(AdminRole::Editor).create(c));
        app.sign_in_as(&user).await;
        let url = format!("/admin/applications/{id}/stage");
        let page = app.get(&format!("/admin/applications/{id}")).await.html();
        assert_eq!(
            page.texts(".page-header button"),
            ["Start review", "Mark as withdrawn", "Erase this applicant's data"]
        );
        // Rejecting leads to the step that asks for the reason.
        assert_eq!(page.texts(".page-header a.button"), ["Reject"]);
        // Skipping a stage is refused; so is a rejection without a reason.
        app.post_admin(&url, &[("to", "offer")]).await;
        app.post_admin(&url, &[("to", "rejected"), ("reason", "  ")]).await;
        let stage = |app: &TestApp| -> (String, bool, bool) {
            app.with_conn(|c| {
                applications::table
                    .find(id)
                    .select((
                        applications::status,
                        applications::reviewing_at.is_not_null(),
                        applications::rejected_at.is_not_null(),
                    ))
                    .first(c)
                    .unwrap()
            })
        };
        assert_eq!(stage(&app), ("new".into(), false, false), "{}", app.backend);
        app.post_admin(&url, &[("to", "reviewing")]).await;
        assert_eq!(stage(&app), ("reviewing".into(), true, false));
        let res = app
            .post_admin(
                &url,
                &[("to", "rejected"), ("reason", "Needs a work permit we cannot sponsor.")],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(stage(&app), ("rejected".into(), true, true));
        let page = app.get(&format!("/admin/applications/{id}")).await.html();
        assert!(
            page.texts(".attributes dd")
                .contains(&"Needs a work permit we cannot sponsor.".to_owned())
        );
        // Rejected is final: erasing on request is all that is left.
        assert_eq!(page.texts(".page-header button"), ["Erase this applicant's data"]);
        assert_eq!(page.count(".history-list > li"), 2);
        // Viewers cannot move applications.
        app.clear_cookies();
        let viewer = app.with_conn(|c| AdminFactory::new().role(AdminRole::Viewer).create(c));
        app.sign_in_as(&viewer).await;
        assert_eq!(
            app.post_admin(&url, &[("to", "withdrawn")]).await.status,
            StatusCode::FORBIDDEN
        );
    }
}

#[actix_web::test]
async fn bulk_stage_changes_and_the_board() {
    let app = TestApp::sqlite();
    let ids: Vec<String> = app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        let job = JobFactory::new(&co).title("Cook").create(c).id;
        vec![
            ApplicationFactory::new(job).name("Ada").create(c).id.to_string(),
            ApplicationFactory::new(job).name("Grace").create(c).id.to_string(),
            ApplicationFactory::new(job)
                .name("Linus")
                .status(ApplicationStatus::Hired)
                .create(c)
                .id
                .to_string(),
        ]
    });
    let _user = app.signed_in(AdminRole::Admin).await;
    let res = app
        .post_admin(
            "/admin/applications/batch",
            &[
                ("batch_action", "reviewing"),
                ("ids", &ids[0]),
                ("ids", &ids[1]),
                ("ids", &ids[2]),
                ("confirmed", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let board = app.get("/admin/applications/board").await.html();
    let column = |stage: &str| {
        board.texts(&format!(".board-column[aria-labelledby=stage-{stage}] .board-card a"))
    };
    assert_eq!(column("new"), Vec::<String>::new());
    let mut reviewing = column("reviewing");
    reviewing.sort();
    assert_eq!(reviewing, ["Ada", "Grace"]);
    assert_eq!(column("hired"), ["Linus"], "a final stage is left alone");
    // The board keeps the index's filters.
    let filtered = app.get("/admin/applications/board?name=ada").await.html();
    assert_eq!(filtered.texts(".board-card a"), ["Ada"]);
    let index = app.get("/admin/applications?name=ada").await.html();
    assert!(
        index
            .attrs(".page-header a", "href")
            .contains(&"/admin/applications/board?name=ada".to_owned())
    );
    // Every stage has its column, the ways out of the pipeline too.
    assert_eq!(
        board.attrs(".board-column", "data-stage"),
        ["new", "reviewing", "interview", "offer", "hired", "rejected", "withdrawn"]
    );
    // A card moves with its own form (rejecting is left to the application's page, which
    // asks for the reason), and the answer comes back to the board as it was filtered.
    let card = format!("#card-{} form.board-move", ids[0]);
    assert_eq!(filtered.attrs(&format!("{card} option"), "value"), ["interview", "withdrawn"]);
    let back = filtered.attr(&format!("{card} input[name=back]"), "value");
    assert_eq!(back, "/admin/applications/board?name=ada");
    let res = app
        .post_admin(
            &format!("/admin/applications/{}/stage", ids[0]),
            &[("to", "interview"), ("back", &back)],
        )
        .await;
    assert_eq!(res.header("location"), Some(back.as_str()));
    let board = app.get("/admin/applications/board").await.html();
    assert_eq!(board.texts(".board-column[data-stage=interview] .board-card a"), ["Ada"]);
    // A viewer sees the board, without the forms.
    let viewer = app.with_conn(|c| AdminFactory::new().role(AdminRole::Viewer).create(c));
    app.clear_cookies();
    app.sign_in_as(&viewer).await;
    let board = app.get("/admin/applications/board").await.html();
    assert_eq!(board.count("form.board-move"), 0);
    assert_eq!(board.count(".board-card"), 3);
}

#[actix_web::test]
async fn duplicate_skills_merge_into_one() {
    use hireboard::db::schema::{job_skills, skills};
    for app in backends() {
        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co)
                .title("Systems Programmer")
                .skills(&["Rust", "Rustlang"])
                .create(c);
            JobFactory::new(&co).title("Backend Developer").skills(&["Rust-Lang", "SQL"]).create(c);
        });
        app.refresh_search();
        let ids: Vec<(String, i64)> = app.with_conn(|c| {
            skills::table
                .order(skills::name.asc())
                .select((skills::name, skills::id))
                .load(c)
                .unwrap()
        });
        let id = |name: &str| ids.iter().find(|(n, _)| n == name).unwrap().1.to_string();
        let user = app.with_conn(|c| AdminFactory::new().role(AdminRole::Editor).create(c));
        app.sign_in_as(&user).await;
        // Only a skill tag says "Rustlang" (Rust-Lang is two words to full-text search).
        assert_eq!(
            app.get("/en/jobs?q=rustlang").await.html().count(".job-card-title"),
            1,
            "{}",
            app.backend
        );
        let (a, b) = (id("Rustlang"), id("Rust-Lang"));
        let fields: Vec<(&str, &str)> = vec![("batch_action", "merge"), ("ids", &a), ("ids", &b)];
        // The confirmation asks for the skill to keep; an unknown one changes nothing.
        let confirm = app.post_admin("/admin/skills/batch", &fields).await;
        assert_eq!(confirm.html().count(".confirm-box input[name=input]"), 1);
        let mut unknown = fields.clone();
        unknown.extend([("input", "Haskell"), ("confirmed", "yes")]);
        app.post_admin("/admin/skills/batch", &unknown).await;
        let count: i64 = app.with_conn(|c| skills::table.count().get_result(c).unwrap());
        assert_eq!(count, 4);
        let mut merge = fields.clone();
        merge.extend([("input", "rust"), ("confirmed", "yes")]);
        let res = app.post_admin("/admin/skills/batch", &merge).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let left: Vec<String> = app.with_conn(|c| {
            skills::table.order(skills::name.asc()).select(skills::name).load(c).unwrap()
        });
        assert_eq!(left, ["Rust", "SQL"], "{}", app.backend);
        // Each posting has Rust once; the first kept its order.
        let rust: i64 = id("Rust").parse().unwrap();
        let tags: i64 = app.with_conn(|c| {
            job_skills::table.filter(job_skills::skill_id.eq(rust)).count().get_result(c).unwrap()
        });
        assert_eq!(tags, 2);
        // Search follows: the old name is gone from the full text, the skill filter finds both.
        assert_eq!(
            app.get("/en/jobs?q=rustlang").await.html().count(".job-card-title"),
            0,
            "{}",
            app.backend
        );
        assert_eq!(app.get("/en/jobs?skill=rust").await.html().count(".job-card-title"), 2);
        let log = app.get("/admin/audit_log?resource=skills").await.html();
        assert_eq!(log.texts(".scopes a")[0], "All 2");
    }
}
