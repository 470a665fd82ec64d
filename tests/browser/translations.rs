//! The translators' workspace in a real browser: find a plural message, get told what it
//! lacks, preview every plural form, save, and read it on the public page.

use thirtyfour::prelude::*;

use super::{Site, assert_accessible, click_to_load, run_journey, sign_in, text_of, wait_url};

/// Ukrainian's `search-total` with "оголошення" (notices) for "вакансії" (vacancies).
const NOTICES: [&str; 6] = [
    "{ $count ->",
    "    [0] Оголошень немає",
    "    [one] { $count } оголошення",
    "    [few] { $count } оголошення",
    "    [many] { $count } оголошень",
    "   *[other] { $count } оголошення\n}",
];

#[actix_web::test]
async fn edit_a_plural_message_and_see_it_on_the_public_page() {
    run_journey(None, edit_plural).await;
}

async fn type_text(driver: &WebDriver, lines: &[&str]) -> WebDriverResult<()> {
    let field = driver.find(By::Id("text")).await?;
    field.clear().await?;
    field.send_keys(lines.join("\n")).await
}

async fn edit_plural(driver: &WebDriver, site: &Site) -> WebDriverResult<()> {
    driver.goto(format!("{}/uk/jobs", site.base)).await?;
    assert_eq!(text_of(driver, "#results-heading").await?, "3 вакансії");
    driver.goto(format!("{}/admin/login", site.base)).await?;
    sign_in(driver, site).await?;
    wait_url(driver, |u| u.ends_with("/admin")).await;

    // From the navigation to the language, then the message by its id.
    let nav = driver.find(By::LinkText("Translations")).await?;
    click_to_load(driver, nav).await?;
    assert_accessible(driver, "the translations overview").await?;
    let ukrainian = driver.find(By::LinkText("Ukrainian")).await?;
    click_to_load(driver, ukrainian).await?;
    driver.find(By::Id("f-q")).await?.send_keys("search-total").await?;
    let filter = driver.find(By::Css("form[role=search] button")).await?;
    click_to_load(driver, filter).await?;
    assert_accessible(driver, "a language's messages").await?;
    let message = driver.find(By::Css("tbody th a")).await?;
    assert_eq!(message.text().await?, "search-total");
    click_to_load(driver, message).await?;
    assert_accessible(driver, "a message's page").await?;

    // Only "one" and "other": Ukrainian also needs "few" and "many", and says so.
    type_text(driver, &[NOTICES[0], NOTICES[1], NOTICES[2], NOTICES[5]]).await?;
    let save = driver.find(By::Css("button[value=save]")).await?;
    click_to_load(driver, save).await?;
    assert_eq!(text_of(driver, "#text-error").await?, "Plural variants are missing for few, many.");
    assert_accessible(driver, "a message with an error").await?;

    // The whole text, previewed with a number of each form.
    type_text(driver, &NOTICES).await?;
    let preview = driver.find(By::Css("button[value=preview]")).await?;
    click_to_load(driver, preview).await?;
    let lines = driver.find_all(By::Css(".preview-list li")).await?;
    let mut shown = Vec::new();
    for line in lines {
        shown.push(line.text().await?);
    }
    assert_eq!(
        shown,
        [
            "With $count = 1:\n1 оголошення",
            "With $count = 2:\n2 оголошення",
            "With $count = 0:\nОголошень немає",
            "With $count = 1.5:\n1.5 оголошення",
        ]
    );
    let save = driver.find(By::Css("button[value=save]")).await?;
    click_to_load(driver, save).await?;
    assert_eq!(text_of(driver, ".flash").await?, "Saved “search-total” in Ukrainian.");

    // The public page says it in the new words (reloaded: the browser may keep a public page
    // for PUBLIC_CACHE_SECONDS without asking again; a reload revalidates its ETag).
    driver.goto(format!("{}/uk/jobs", site.base)).await?;
    driver.refresh().await?;
    assert_eq!(text_of(driver, "#results-heading").await?, "3 оголошення");
    Ok(())
}
