//! A recruiter's team: they see everyone working for their companies and no one else, let a
//! colleague go from the companies they share, and invite a colleague to one of their
//! companies by mail (in their language, the link never
//! shown to them); a foreign company, a bad or known address and the eleventh invitation in
//! an hour are refused and make nothing.

use actix_web::http::StatusCode;
use diesel::prelude::*;
use hireboard::db::schema::{admin_users, audit_log, company_members};

use crate::support::{AdminFactory, CompanyFactory, TestApp, backends};

fn accounts(app: &TestApp) -> i64 {
    app.with_conn(|c| admin_users::table.count().get_result(c).unwrap())
}

#[actix_web::test]
async fn recruiters_see_their_team_and_invite_colleagues_to_their_own_companies() {
    for app in backends() {
        let (mine, second, foreign) = app.with_conn(|c| {
            (
                CompanyFactory::new().name("Team Kettle").create(c),
                CompanyFactory::new().name("Team Spout").create(c),
                CompanyFactory::new().name("Team Foreign").create(c),
            )
        });
        let (rita, colleague, stranger) = app.with_conn(|c| {
            let rita = AdminFactory::new().recruiter(&[mine.id, second.id]).create(c);
            diesel::update(admin_users::table.find(rita.id))
                .set((admin_users::locale.eq("de"), admin_users::name.eq("Rita")))
                .execute(c)
                .unwrap();
            (
                rita,
                AdminFactory::new().recruiter(&[second.id]).create(c),
                AdminFactory::new().recruiter(&[foreign.id]).create(c),
            )
        });
        app.sign_in_as(&rita).await;
        let before = app.queries();
        let page = app.get("/admin/team").await;
        let cost = app.queries() - before;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let html = page.html();
        let emails = html.texts("table tbody td:nth-child(2)");
        assert!(emails.contains(&rita.email) && emails.contains(&colleague.email), "{emails:?}");
        assert!(!emails.contains(&stranger.email), "another company's recruiter is not shown");
        assert_eq!(html.texts("select#company option"), ["Team Kettle", "Team Spout"]);

        // More colleagues, same queries.
        app.with_conn(|c| {
            for _ in 0..5 {
                AdminFactory::new().recruiter(&[mine.id]).create(c);
            }
        });
        let before = app.queries();
        app.get("/admin/team").await;
        assert_eq!(app.queries() - before, cost, "more colleagues, same queries");

        // Refused: a company that is not theirs, a bad address, a known one.
        let n = accounts(&app);
        let invite = async |email: &str, company: i64| {
            let company = company.to_string();
            app.post_admin(
                "/admin/team",
                &[("email", email), ("name", "Otto"), ("company", &company)],
            )
            .await
        };
        assert_eq!(invite("otto@kettle.example", foreign.id).await.status, StatusCode::BAD_REQUEST);
        let bad = invite("not-an-address", mine.id).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            bad.html().text(".field-error"),
            "Bitte geben Sie eine gültige E-Mail-Adresse ein."
        );
        let known = invite(&stranger.email, mine.id).await;
        assert_eq!(known.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(known.body.contains("gibt es bereits ein Konto"), "{}", known.body);
        assert_eq!(accounts(&app), n);

        // Invited: a recruiter of that company only, in Rita's language, told by mail.
        let done = invite("Otto@Kettle.example", mine.id).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER);
        let page = app.get("/admin/team").await;
        assert_eq!(
            page.html().text(".flash-notice"),
            "Eine Einladung an otto@kettle.example ist unterwegs."
        );
        assert!(!page.body.contains("/admin/password/"), "the link is the invitee's alone");
        let (otto, role, locale): (i64, String, String) = app.with_conn(|c| {
            admin_users::table
                .filter(admin_users::email.eq("otto@kettle.example"))
                .select((admin_users::id, admin_users::role, admin_users::locale))
                .first(c)
                .unwrap()
        });
        assert_eq!((role.as_str(), locale.as_str()), ("recruiter", "de"));
        let companies: Vec<i64> = app.with_conn(|c| {
            company_members::table
                .filter(company_members::admin_user_id.eq(otto))
                .select(company_members::company_id)
                .load(c)
                .unwrap()
        });
        assert_eq!(companies, [mine.id]);
        let actor: String = app.with_conn(|c| {
            audit_log::table
                .filter(audit_log::resource.eq("admin_users"))
                .filter(audit_log::record_id.eq(otto))
                .select(audit_log::actor)
                .first(c)
                .unwrap()
        });
        assert_eq!(actor, "Rita");
        app.deliver_mail(1);
        let (to, subject, text) = app.outbox().pop().unwrap();
        assert_eq!(to, "otto@kettle.example");
        assert_eq!(subject, "Willkommen bei Team Kettle auf der Jobbörse");
        let link = text
            .split_whitespace()
            .find(|w| w.contains("/admin/password/"))
            .unwrap_or_else(|| panic!("no link in {text}"))
            .trim_start_matches(&app.state.config.base_url)
            .to_owned();
        app.clear_cookies();
        let set = app.get(&link).await;
        assert_eq!(set.status, StatusCode::OK);
        assert!(set.body.contains("otto@kettle.example"));

        // Letting a colleague go: from the shared companies only; a stranger or oneself is
        // not found.
        app.sign_in_as(&rita).await;
        let page = app.get("/admin/team").await.html();
        let buttons = page.attrs("form[action$='/remove']", "action");
        assert!(buttons.contains(&format!("/admin/team/{}/remove", colleague.id)));
        assert!(!buttons.contains(&format!("/admin/team/{}/remove", rita.id)), "not oneself");
        for who in [stranger.id, rita.id] {
            let res = app.post_admin(&format!("/admin/team/{who}/remove"), &[]).await;
            assert_eq!(res.status, StatusCode::NOT_FOUND, "{who}");
        }
        let res = app.post_admin(&format!("/admin/team/{}/remove", colleague.id), &[]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let left: Vec<i64> = app.with_conn(|c| {
            company_members::table
                .filter(company_members::admin_user_id.eq(colleague.id))
                .select(company_members::company_id)
                .load(c)
                .unwrap()
        });
        assert!(left.is_empty(), "{left:?}");
        let emails = app.get("/admin/team").await.html().texts("table tbody td:nth-child(2)");
        assert!(!emails.contains(&colleague.email));

        // Ten invitations an hour: the eleventh is refused and makes nothing.
        for i in 1..10 {
            let res = invite(&format!("colleague{i}@kettle.example"), mine.id).await;
            assert_eq!(res.status, StatusCode::SEE_OTHER, "invitation {i}");
        }
        let n = accounts(&app);
        let eleventh = invite("colleague10@kettle.example", mine.id).await;
        assert_eq!(eleventh.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(eleventh.body.contains("viele Einladungen"), "{}", eleventh.body);
        assert_eq!(accounts(&app), n);
    }
}
