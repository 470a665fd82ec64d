//! An applicant's copy of their data: asked for from the receipt's link, recorded in the
//! register, mailed as a signed download that lasts a week; the ZIP holds every application of
//! that address (with CV, stages and the team's notes) and nothing of anyone else's.

use std::io::Read;

use actix_web::http::StatusCode;
use diesel::prelude::*;
use hireboard::db::schema::{admin_comments, applications, data_requests};
use hireboard::i18n::Locale;
use hireboard::models::ApplicationStatus;

use crate::support::{AdminFactory, ApplicationFactory, CompanyFactory, JobFactory, TestApp};
use crate::support::{AdminLogin, backends};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<<>>\n%%EOF\n";

/// Ada's two applications (one with a CV, a note and a rejection), and Bob's one, at the
/// same company: (Ada's ids, Bob's id).
async fn applicants(app: &TestApp) -> (Vec<i64>, i64) {
    let (ada, bob) = app.with_conn(|c| {
        let co = CompanyFactory::new().name("Werft Nord").create(c);
        let welder = JobFactory::new(&co).title("Schweißer").create(c);
        let pilot = JobFactory::new(&co).title("Harbour Pilot").create(c);
        let first = ApplicationFactory::new(welder.id)
            .name("Ada Lovelace")
            .email("ada@example.org")
            .cover_letter("Engines, mostly.")
            .create(c)
            .id;
        let second = ApplicationFactory::new(pilot.id)
            .name("Ada Lovelace")
            .email("ada@example.org")
            .status(ApplicationStatus::Rejected)
            .create(c)
            .id;
        let bob = ApplicationFactory::new(welder.id)
            .name("Bob Secret")
            .email("bob@example.org")
            .cover_letter("Bob's own letter.")
            .create(c)
            .id;
        let now = hireboard::db::now();
        diesel::update(applications::table.find(first))
            .set((
                applications::cv_key.eq("cvs/ada0000000000000000000000000000.pdf"),
                applications::cv_name.eq("Lebenslauf Ada.pdf"),
                applications::cv_type.eq("application/pdf"),
                applications::cv_size.eq(PDF.len() as i64),
                applications::reviewing_at.eq(now),
            ))
            .execute(c)
            .unwrap();
        diesel::update(applications::table.find(second))
            .set((
                applications::rejected_at.eq(now),
                applications::rejection_reason.eq("Needs a licence."),
            ))
            .execute(c)
            .unwrap();
        for (record, body) in [(first, "Strong on engines."), (bob, "Bob: call back Monday.")] {
            diesel::insert_into(admin_comments::table)
                .values((
                    admin_comments::resource.eq("applications"),
                    admin_comments::record_id.eq(record),
                    admin_comments::body.eq(body),
                    admin_comments::created_at.eq(now),
                ))
                .execute(c)
                .unwrap();
        }
        (vec![first, second], bob)
    });
    app.state.storage.put("cvs/ada0000000000000000000000000000.pdf", PDF.to_vec()).await.unwrap();
    app.state
        .storage
        .put("cvs/bob0000000000000000000000000000.pdf", b"%PDF bob".to_vec())
        .await
        .unwrap();
    (ada, bob)
}

/// The receipt's "copy of my data" link of application `id`, without the host.
fn export_link(app: &TestApp, id: i64) -> String {
    hireboard::mail::application::links("", &app.state.config.secret_key, Locale::DE, id).export
}

/// Follows the link, presses the button; the response to the press.
async fn ask_for_copy(app: &TestApp, link: &str) -> crate::support::Response {
    let page = app.get(link).await;
    assert_eq!(page.status, StatusCode::OK, "{link}: {}", page.body);
    let html = page.html();
    let token = html.attr("input[name=token]", "value");
    let csrf = html.attr("input[name=csrf_token]", "value");
    let path = link.split('?').next().unwrap().to_owned();
    app.post_form(&path, &[("token", &token), ("csrf_token", &csrf)]).await
}

/// The download link in the newest mail to `to`, without the host.
fn download_link(app: &TestApp, to: &str) -> String {
    let mails = app.outbox();
    let (_, subject, text) = mails.iter().rev().find(|(t, _, _)| t == to).expect("a mail");
    assert_eq!(subject, "Ihre Daten: der Download-Link");
    text.split_whitespace()
        .find(|w| w.contains("/data-exports/"))
        .expect("the download link")
        .trim_start_matches("https://jobs.example.test")
        .to_owned()
}

/// The ZIP's files: name → bytes.
fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut out = Vec::new();
            file.read_to_end(&mut out).unwrap();
            (file.name().unwrap().to_string(), out)
        })
        .collect()
}

#[actix_web::test]
async fn the_copy_holds_every_application_of_the_address_and_nothing_of_anyone_else() {
    for app in backends() {
        let (ada, bob) = applicants(&app).await;
        let res = ask_for_copy(&app, &export_link(&app, ada[1])).await;
        assert_eq!(res.status, StatusCode::OK, "{}", app.backend);
        assert!(res.html().text("[role=status]").contains("7 Tage"), "{}", res.body);
        app.deliver_mail(1);
        let link = download_link(&app, "ada@example.org");

        let before = app.queries();
        let res = app.get(&link).await;
        assert_eq!(res.status, StatusCode::OK, "{}: {}", app.backend, res.body);
        // The request, the address, the applications, their notes, the first download.
        assert_eq!(app.queries() - before, 5, "{}", app.backend);
        assert_eq!(res.header("content-type"), Some("application/zip"));
        assert!(res.header("content-disposition").unwrap().starts_with("attachment"));
        assert_eq!(res.header("cache-control"), Some("private, no-store"));
        let files = unzip(&res.raw);
        let names: Vec<&str> = files.keys().map(String::as_str).collect();
        let cv = format!("cv/{}-Lebenslauf Ada.pdf", ada[0]);
        assert_eq!(names, ["applications.html", "applications.json", cv.as_str()]);
        assert_eq!(files[&cv], PDF);

        let json: serde_json::Value = serde_json::from_slice(&files["applications.json"]).unwrap();
        assert_eq!(json["email"], "ada@example.org");
        let listed: Vec<i64> = json["applications"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_i64().unwrap())
            .collect();
        assert_eq!(listed, ada);
        let first = &json["applications"][0];
        assert_eq!(first["posting"]["title"], "Schweißer");
        assert_eq!(first["posting"]["company"], "Werft Nord");
        assert_eq!(first["cover_letter"], "Engines, mostly.");
        assert_eq!(first["cv"]["file"], cv.as_str());
        assert_eq!(first["cv"]["name"], "Lebenslauf Ada.pdf");
        assert_eq!(first["comments"][0]["body"], "Strong on engines.");
        let stages: Vec<&str> = first["stages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["stage"].as_str().unwrap())
            .collect();
        assert_eq!(stages, ["new", "reviewing"]);
        let second = &json["applications"][1];
        assert_eq!(second["stage"], "rejected");
        assert_eq!(second["rejection_reason"], "Needs a licence.");
        assert_eq!(second["comments"].as_array().unwrap().len(), 0);
        assert!(first.get("key").is_none() && first["cv"].get("key").is_none());

        // Nothing of Bob's, in any file.
        for (name, bytes) in &files {
            let text = String::from_utf8_lossy(bytes);
            for theirs in ["Bob", "bob@example.org", "call back", &format!("\"id\": {bob}")] {
                assert!(!text.contains(theirs), "{name} holds {theirs}");
            }
        }
        // The readable copy is in the applicant's language, escaped like every page.
        let html = String::from_utf8(files["applications.html"].clone()).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"de\">"), "{html}");
        assert!(html.contains("Ihre Bewerbungen") && html.contains("2 Bewerbungen."));
        assert!(html.contains(&format!("href=\"cv/{}-Lebenslauf%20Ada.pdf\"", ada[0])), "{html}");
        assert!(html.contains("Abgesagt") && html.contains("Needs a licence."), "{html}");

        // The register: asked by the applicant, for two applications, and downloaded.
        let entry: (String, String, i32, Option<chrono::NaiveDateTime>, String) =
            app.with_conn(|c| {
                data_requests::table
                    .select((
                        data_requests::kind,
                        data_requests::origin,
                        data_requests::application_count,
                        data_requests::downloaded_at,
                        data_requests::subject,
                    ))
                    .first(c)
                    .unwrap()
            });
        assert_eq!((entry.0.as_str(), entry.1.as_str(), entry.2), ("access", "applicant", 2));
        assert!(entry.3.is_some());
        let secret = &app.state.config.secret_key;
        assert_eq!(entry.4, hireboard::privacy::register::subject(secret, "ada@example.org"));

        // The link works again within its week (a download may fail half-way); HEAD too.
        assert_eq!(app.get(&link).await.status, StatusCode::OK);
        let head = app.request(actix_web::http::Method::HEAD, &link, &[], None).await;
        assert_eq!(head.status, StatusCode::OK);
        assert_eq!(head.header("content-type"), Some("application/zip"));
    }
}

#[actix_web::test]
async fn forged_borrowed_expired_and_emptied_links_give_nothing() {
    for app in backends() {
        let (ada, bob) = applicants(&app).await;
        ask_for_copy(&app, &export_link(&app, ada[0])).await;
        app.deliver_mail(1);
        let link = download_link(&app, "ada@example.org");
        let (path, token) = link.split_once("?token=").unwrap();
        let id: i64 = path.rsplit('/').next().unwrap().parse().unwrap();

        // A forged token, another entry's number, or the receipt's token: not found.
        let flipped = format!("{path}?token={}", token.replacen(&token[..1], "f", 1));
        let flipped =
            if flipped == link { format!("{path}?token=0{}", &token[1..]) } else { flipped };
        assert_eq!(app.get(&flipped).await.status, StatusCode::NOT_FOUND, "{}", app.backend);
        let other = format!("/de/data-exports/{}?token={token}", id + 1);
        assert_eq!(app.get(&other).await.status, StatusCode::NOT_FOUND);
        let receipt_token = export_link(&app, ada[0]).split_once("token=").unwrap().1.to_owned();
        let borrowed = format!("{path}?token={receipt_token}");
        assert_eq!(app.get(&borrowed).await.status, StatusCode::NOT_FOUND);
        // Bob's receipt link cannot ask for Ada's copy: the token is per application.
        let bobs = export_link(&app, bob).replace(&format!("/{bob}/"), &format!("/{}/", ada[0]));
        assert_eq!(app.get(&bobs).await.status, StatusCode::NOT_FOUND);

        // Past its week, the link says so and sends nothing.
        app.with_conn(|c| {
            diesel::update(data_requests::table.find(id))
                .set(
                    data_requests::expires_at
                        .eq(hireboard::db::now() - chrono::TimeDelta::minutes(1)),
                )
                .execute(c)
                .unwrap()
        });
        let res = app.get(&link).await;
        assert_eq!(res.status, StatusCode::GONE);
        assert!(res.html().text("main").contains("abgelaufen"), "{}", res.body);
        let downloaded: Option<chrono::NaiveDateTime> = app.with_conn(|c| {
            data_requests::table.find(id).select(data_requests::downloaded_at).first(c).unwrap()
        });
        assert_eq!(downloaded, None, "an expired link is not a download");

        // A fresh link after the applicant deleted their applications: nothing left.
        app.with_conn(|c| {
            diesel::update(data_requests::table.find(id))
                .set(
                    data_requests::expires_at.eq(hireboard::db::now() + chrono::TimeDelta::days(1)),
                )
                .execute(c)
                .unwrap()
        });
        let forget = hireboard::mail::application::links(
            "",
            &app.state.config.secret_key,
            Locale::DE,
            ada[0],
        )
        .forget;
        let res = ask_for_copy(&app, &forget).await;
        assert_eq!(res.status, StatusCode::OK);
        let res = app.get(&link).await;
        assert_eq!(res.status, StatusCode::GONE);
        assert!(res.html().text("main").contains("gelöscht"), "{}", res.body);
    }
}

#[actix_web::test]
async fn copies_are_limited_per_person_and_erasures_are_registered() {
    let app = TestApp::sqlite();
    let (ada, _) = applicants(&app).await;
    // Three a day, from either of the person's receipts; the fourth is refused, unmailed.
    for id in [ada[0], ada[1], ada[0]] {
        assert_eq!(ask_for_copy(&app, &export_link(&app, id)).await.status, StatusCode::OK);
    }
    let res = ask_for_copy(&app, &export_link(&app, ada[1])).await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(res.html().text("[role=status]").contains("morgen"), "{}", res.body);
    let asked: i64 = app.with_conn(|c| data_requests::table.count().get_result(c).unwrap());
    assert_eq!(asked, 3);
    app.deliver_mail(3);
    assert_eq!(app.outbox().len(), 3);

    // Deleting from the receipt is registered as the applicant's erasure of one application.
    let forget =
        hireboard::mail::application::links("", &app.state.config.secret_key, Locale::DE, ada[0])
            .forget;
    ask_for_copy(&app, &forget).await;
    let erasures: Vec<(String, i32)> = app.with_conn(|c| {
        data_requests::table
            .filter(data_requests::kind.eq("erasure"))
            .select((data_requests::origin, data_requests::application_count))
            .load(c)
            .unwrap()
    });
    assert_eq!(erasures, [("applicant".to_owned(), 1)]);
}

#[actix_web::test]
async fn admins_read_the_register_and_no_one_else_does() {
    let app = TestApp::sqlite();
    let (ada, _) = applicants(&app).await;
    ask_for_copy(&app, &export_link(&app, ada[0])).await;
    let admin: AdminLogin = app.with_conn(|c| AdminFactory::new().create(c));
    app.sign_in_as(&admin).await;
    let list = app.get("/admin/data_requests").await;
    assert_eq!(list.status, StatusCode::OK);
    let html = list.html();
    let cells = html.texts("tbody td");
    assert!(cells.iter().any(|c| c == "Copy of data"), "{cells:?}");
    assert!(cells.iter().any(|c| c == "The applicant"), "{cells:?}");
    assert_eq!(html.texts("td .status-tag"), ["Link mailed"]);
    assert!(!list.body.contains("ada@example.org"), "the register keeps no address");
    let show = app.get(&html.attrs("td.primary a", "href")[0]).await;
    assert_eq!(show.status, StatusCode::OK);
    for role in [hireboard::models::AdminRole::Editor, hireboard::models::AdminRole::Viewer] {
        app.clear_cookies();
        app.signed_in(role).await;
        assert_eq!(app.get("/admin/data_requests").await.status, StatusCode::FORBIDDEN, "{role:?}");
    }
}

#[actix_web::test]
async fn staff_erase_a_person_on_request_after_a_page_that_says_what_goes() {
    for app in backends() {
        let b = app.backend;
        let (ada, bob) = applicants(&app).await;
        app.signed_in(hireboard::models::AdminRole::Editor).await;
        let show = app.get(&format!("/admin/applications/{}", ada[1])).await.html();
        let erase = format!("/admin/applications/{}/erase", ada[1]);
        assert_eq!(show.count(&format!("form[action='{erase}']")), 1, "{b:?}: the button");
        // The button (or a GET) asks first, naming the person and what goes.
        let asked = app.post_admin(&erase, &[]).await;
        assert_eq!(asked.status, StatusCode::OK, "{b:?}: {}", asked.body);
        let question = asked.html().text(".question");
        assert!(question.contains("Ada Lovelace <ada@example.org>"), "{question}");
        assert!(question.contains("2 applications"), "{question}");
        assert_eq!(app.get(&erase).await.html().text(".question"), question);
        let left: i64 = app.with_conn(|c| applications::table.count().get_result(c).unwrap());
        assert_eq!(left, 3, "{b:?}: asking erased nothing");

        let res = app.post_admin(&erase, &[("confirmed", "yes")]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{b:?}: {}", res.body);
        assert_eq!(res.header("location"), Some("/admin/applications"));
        let left: Vec<i64> =
            app.with_conn(|c| applications::table.select(applications::id).load(c).unwrap());
        assert_eq!(left, [bob], "{b:?}");
        let notes: Vec<i64> = app.with_conn(|c| {
            admin_comments::table.select(admin_comments::record_id).load(c).unwrap()
        });
        assert_eq!(notes, [bob], "{b:?}");
        assert_eq!(app.stored("cvs").await, ["cvs/bob0000000000000000000000000000.pdf"]);
        let register: Vec<(String, String, i32)> = app.with_conn(|c| {
            data_requests::table
                .select((
                    data_requests::kind,
                    data_requests::origin,
                    data_requests::application_count,
                ))
                .load(c)
                .unwrap()
        });
        assert_eq!(register, [("erasure".to_owned(), "staff".to_owned(), 2)], "{b:?}");
        // Gone means gone: the page and the action answer 404.
        assert_eq!(app.get(&erase).await.status, StatusCode::NOT_FOUND);

        // A recruiter of the company, or a viewer, may not erase (nor see the button).
        let (firm, theirs) = app.with_conn(|c| {
            use hireboard::db::schema::jobs;
            let job =
                applications::table.find(bob).select(applications::job_id).first::<i64>(c).unwrap();
            (jobs::table.find(job).select(jobs::company_id).first::<i64>(c).unwrap(), bob)
        });
        let recruiter = app.with_conn(|c| AdminFactory::new().recruiter(&[firm]).create(c));
        app.clear_cookies();
        app.sign_in_as(&recruiter).await;
        let theirs_erase = format!("/admin/applications/{theirs}/erase");
        let show = app.get(&format!("/admin/applications/{theirs}")).await;
        assert_eq!(show.status, StatusCode::OK);
        assert_eq!(show.html().count(&format!("form[action='{theirs_erase}']")), 0);
        assert_eq!(app.get(&theirs_erase).await.status, StatusCode::FORBIDDEN, "{b:?}");
        let res = app.post_admin(&theirs_erase, &[("confirmed", "yes")]).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{b:?}");
    }
}
