//! An API token made in Chromium: scopes ticked as check boxes, the token shown once with a
//! working copy button, and the copied token accepted by the API.

use super::*;

#[actix_web::test]
async fn make_a_token_copy_it_and_see_it_accepted() {
    let mut failures = Vec::new();
    run_journey(None, async |driver, site| token_journey(driver, site, &mut failures).await).await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

async fn token_journey(
    driver: &WebDriver,
    site: &Site,
    failures: &mut Vec<String>,
) -> WebDriverResult<()> {
    driver.goto(format!("{}/admin/login", site.base)).await?;
    sign_in(driver, site).await?;
    wait_url(driver, |u| u.ends_with("/admin")).await;
    driver.goto(format!("{}/admin/api_tokens/new", site.base)).await?;
    driver.find(By::Css("#f-name")).await?.send_keys("Partner ATS").await?;
    // jobs:read comes ticked; tick jobs:write as well.
    driver.find(By::Css("input[name=scopes][value='jobs:write']")).await?.click().await?;
    let submit = driver.find(By::Css("form.form-grid button[type=submit]")).await?;
    click_to_load(driver, submit).await?;
    text_of(driver, ".secret-once label").await?;
    let shown = driver.find(By::Css(".secret-once input")).await?;
    let token = shown.prop("value").await?.unwrap_or_default();
    if !hireboard::models::api_token::well_formed(&token) {
        failures.push(format!("not a token: {token:?}"));
        return Ok(());
    }
    // The copy button appears (the clipboard API exists on this secure origin) and says so.
    let copy = driver.find(By::Css(".secret-once button[data-copy]")).await?;
    if !copy.is_displayed().await? {
        failures.push("the copy button is hidden".into());
    } else {
        copy.click().await?;
        let deadline = Instant::now() + Duration::from_secs(5);
        while copy.text().await? != "Copied" && Instant::now() < deadline {
            actix_web::rt::time::sleep(Duration::from_millis(50)).await;
        }
        if copy.text().await? != "Copied" {
            failures.push(format!("the copy button says {:?}", copy.text().await?));
        }
    }
    let mut conn = site.state.pool.get().unwrap();
    let holder =
        hireboard::models::api_token::authenticate(&mut conn, &token, hireboard::db::now())
            .unwrap();
    match holder {
        Ok(holder) => {
            let scopes: Vec<&str> = holder.scopes.iter().map(|s| s.as_str()).collect();
            if scopes != ["jobs:read", "jobs:write"] || holder.name != "Partner ATS" {
                failures.push(format!("stored as {scopes:?} {:?}", holder.name));
            }
        }
        Err(refusal) => failures.push(format!("the shown token is refused: {refusal:?}")),
    }
    // Reloading the page does not show it again.
    driver.refresh().await?;
    text_of(driver, "h1").await?;
    if driver.source().await?.contains(&token) {
        failures.push("the token is shown a second time".into());
    }
    Ok(())
}
