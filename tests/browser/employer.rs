//! The employer's whole journey: a company signs up on the public site and confirms its
//! address; the staff approve the company; its recruiter writes a posting and sends it for
//! review; the staff approve it; a seeker finds it and applies; the recruiter sees the
//! application and the posting's numbers. Each step's page passes axe-core.

use diesel::prelude::*;
use hireboard::db::schema::{companies, jobs, tasks};
use thirtyfour::prelude::*;

use super::{Site, assert_accessible, click_to_load, run_journey, text_of, wait_url};

const EMAIL: &str = "rita@journey-kettles.example";
const PASSWORD: &str = "copper kettle orbit lantern";

#[actix_web::test]
async fn an_employer_signs_up_posts_after_review_and_sees_the_application_and_numbers() {
    run_journey(None, journey).await;
}

/// The link in the last mail queued, relative to the site.
fn mailed_link(site: &Site, contains: &str) -> String {
    let mut c = site.state.pool.get().unwrap();
    let args: String = tasks::table
        .filter(tasks::kind.eq("send_mail"))
        .order(tasks::id.desc())
        .select(tasks::args)
        .first(&mut c)
        .unwrap();
    let args: serde_json::Value = serde_json::from_str(&args).unwrap();
    let text = args["email"]["text"].as_str().unwrap().to_owned();
    text.split_whitespace()
        .find(|w| w.contains(contains))
        .unwrap_or_else(|| panic!("no {contains} link in {text}"))
        .to_owned()
}

/// Presses the button of the page's action labelled `label`.
async fn press(driver: &WebDriver, label: &str) -> WebDriverResult<()> {
    let button = driver.find(By::XPath(format!("//button[normalize-space()='{label}']"))).await?;
    click_to_load(driver, button).await
}

async fn sign_in_as(
    driver: &WebDriver,
    site: &Site,
    email: &str,
    password: &str,
) -> WebDriverResult<()> {
    driver.goto(format!("{}/admin/login", site.base)).await?;
    driver.find(By::Css("#email")).await?.send_keys(email).await?;
    driver.find(By::Css("#password")).await?.send_keys(password).await?;
    driver.find(By::Css("button[type=submit].primary")).await?.click().await?;
    wait_url(driver, |u| u.ends_with("/admin")).await;
    Ok(())
}

async fn sign_out(driver: &WebDriver) -> WebDriverResult<()> {
    let out = driver.find(By::Css("form[action='/admin/logout'] button")).await?;
    click_to_load(driver, out).await
}

async fn journey(driver: &WebDriver, site: &Site) -> WebDriverResult<()> {
    // Sign up.
    driver.goto(format!("{}/en/employers/sign-up", site.base)).await?;
    assert_accessible(driver, "the sign-up form").await?;
    driver.find(By::Id("employer-company")).await?.send_keys("Journey Kettles").await?;
    driver.find(By::Id("employer-name")).await?.send_keys("Rita").await?;
    driver.find(By::Id("employer-email")).await?.send_keys(EMAIL).await?;
    driver.find(By::Id("employer-password")).await?.send_keys(PASSWORD).await?;
    let submit = driver.find(By::Css("main form button[type=submit]")).await?;
    click_to_load(driver, submit).await?;
    assert_eq!(text_of(driver, "h1").await?, "Check your inbox");

    // Confirm the address from the mail: the link asks for one press.
    driver.goto(mailed_link(site, "/employers/confirm/")).await?;
    assert_accessible(driver, "the confirmation page").await?;
    press(driver, "Confirm my address").await?;
    assert_eq!(text_of(driver, "h1").await?, "Address confirmed");

    // The staff approve the company.
    let company: i64 = {
        let mut c = site.state.pool.get().unwrap();
        companies::table
            .filter(companies::name.eq("Journey Kettles"))
            .select(companies::id)
            .first(&mut c)
            .unwrap()
    };
    sign_in_as(driver, site, &site.admin.email, &site.admin.password).await?;
    driver.goto(format!("{}/admin/companies/{company}", site.base)).await?;
    press(driver, "Approve the company").await?;
    assert_eq!(text_of(driver, ".flash").await?, "The company is approved.");
    sign_out(driver).await?;

    // The recruiter writes a posting and sends it for review.
    sign_in_as(driver, site, EMAIL, PASSWORD).await?;
    driver.goto(format!("{}/admin/jobs/new", site.base)).await?;
    driver.find(By::Id("f-company")).await?.send_keys("Journey Kettles").await?;
    driver.find(By::Id("f-title")).await?.send_keys("Kettle Whistle Tuner").await?;
    driver.find(By::Id("f-city")).await?.send_keys("Leeds").await?;
    driver.find(By::Css("#f-country-code option[value=GB]")).await?.click().await?;
    driver.find(By::Id("f-summary")).await?.send_keys("Tune the whistles of our kettles.").await?;
    let create = driver.find(By::Css("form.form-grid button.primary")).await?;
    click_to_load(driver, create).await?;
    let mut errors = Vec::new();
    for e in driver.find_all(By::Css(".field-error, [role=alert]")).await? {
        errors.push(e.text().await?);
    }
    assert!(errors.is_empty(), "the posting was refused: {errors:?}");
    wait_url(driver, |u| u.rsplit('/').next().is_some_and(|id| id.parse::<i64>().is_ok())).await;
    assert_eq!(text_of(driver, "h1").await?, "Kettle Whistle Tuner");
    press(driver, "Send for review").await?;
    assert!(text_of(driver, ".flash").await?.starts_with("Sent for review"));
    sign_out(driver).await?;
    let job: i64 = {
        let mut c = site.state.pool.get().unwrap();
        jobs::table
            .filter(jobs::title.eq("Kettle Whistle Tuner"))
            .select(jobs::id)
            .first(&mut c)
            .unwrap()
    };

    // The staff approve it from the review queue.
    sign_in_as(driver, site, &site.admin.email, &site.admin.password).await?;
    driver.goto(format!("{}/admin/review", site.base)).await?;
    let open = driver.find(By::Css(format!("a[href='/admin/review/{job}']"))).await?;
    click_to_load(driver, open).await?;
    assert_accessible(driver, "the review page").await?;
    press(driver, "Approve and publish").await?;
    assert_eq!(text_of(driver, ".flash").await?, "Approved: the posting is live.");
    sign_out(driver).await?;

    // A seeker finds it and applies.
    driver.goto(format!("{}/en/jobs?q=kettle", site.base)).await?;
    assert_eq!(text_of(driver, ".job-card-title").await?, "Kettle Whistle Tuner");
    let card = driver.find(By::Css(".job-card-title a")).await?;
    click_to_load(driver, card).await?;
    driver.find(By::Id("apply-name")).await?.send_keys("Ada Lovelace").await?;
    driver.find(By::Id("apply-email")).await?.send_keys("ada@example.org").await?;
    if let Ok(letter) = driver.find(By::Id("apply-cover_letter")).await {
        letter.send_keys("I hear every whistle.").await?;
    }
    driver.find(By::Id("apply-consent")).await?.click().await?;
    driver.find(By::Css(".apply button[type=submit]")).await?.click().await?;
    wait_url(driver, |u| u.contains("/applied")).await;

    // The recruiter sees the application and the posting's numbers (once written).
    {
        let mut c = site.state.pool.get().unwrap();
        site.state.analytics.flush(&mut c).unwrap();
    }
    sign_in_as(driver, site, EMAIL, PASSWORD).await?;
    driver.goto(format!("{}/admin/applications", site.base)).await?;
    let names = driver.find(By::Css("table tbody")).await?.text().await?;
    assert!(names.contains("Ada Lovelace"), "{names}");
    driver.goto(format!("{}/admin/jobs/{job}", site.base)).await?;
    let numbers = driver.find(By::XPath("//a[normalize-space()='Numbers']")).await?;
    click_to_load(driver, numbers).await?;
    assert_accessible(driver, "the posting's numbers").await?;
    let mut totals = Vec::new();
    for cell in driver.find_all(By::Css("tfoot td")).await? {
        totals.push(cell.text().await?);
    }
    // One view, one search listing it, no alert, one apply form sent, one application.
    assert_eq!(totals, ["1", "1", "0", "1", "1"]);
    Ok(())
}
