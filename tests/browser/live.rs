//! The search page updates in place in Chromium: a facet, the form's radius and the browser's
//! back button change the list, the counts and the address without loading a page; and on a
//! phone-sized window the first result is on the first screen, the facets behind
//! "Filters (n)".

use super::*;

#[actix_web::test]
async fn filters_update_the_page_in_place_and_back_restores_it() {
    run_journey(None, live_journey).await;
}

#[actix_web::test]
async fn on_a_phone_the_results_come_first_and_the_filters_open_on_demand() {
    run_journey(None, phone_journey).await;
}

async fn script<T: serde::de::DeserializeOwned>(
    driver: &WebDriver,
    js: &str,
) -> WebDriverResult<T> {
    driver.execute(js, Vec::new()).await?.convert()
}

/// Waits until the results' count reads `total`.
async fn wait_total(driver: &WebDriver, total: &str) -> WebDriverResult<()> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let now = text_of(driver, ".results-total").await?;
        if now == total {
            return Ok(());
        }
        assert!(Instant::now() < deadline, "the count reads {now:?}, not {total:?}");
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn live_journey(driver: &WebDriver, site: &Site) -> WebDriverResult<()> {
    driver.goto(format!("{}/en/jobs", site.base)).await?;
    wait_total(driver, "3 jobs").await?;
    assert_accessible(driver, "the search page").await?;
    // Set on this document: gone if a page loads.
    driver.execute("window.sameDocument = true;", Vec::new()).await?;
    let same = async || -> WebDriverResult<bool> {
        script(driver, "return window.sameDocument === true;").await
    };

    let remote = driver
        .find(By::XPath("//section[@aria-labelledby='facet-workplace']//a[contains(., 'Remote')]"))
        .await?;
    remote.click().await?;
    wait_url(driver, |u| u.ends_with("/en/jobs?workplace=remote")).await;
    wait_total(driver, "1 job").await?;
    assert!(same().await?, "a facet loaded a page");
    let announced: String =
        script(driver, "return document.getElementById('search-announce').textContent;").await?;
    assert_eq!(announced, "1 job");
    let focused: String =
        script(driver, "return document.activeElement.dataset.key || document.activeElement.id;")
            .await?;
    assert_eq!(focused, "workplace:Remote", "focus stays on the facet used");
    let chips = driver.find_all(By::Css(".active-filters .chip")).await?;
    assert_eq!(chips.len(), 1);
    // The language links keep the search as it is now.
    let german = driver.find(By::Css(".lang-switch a[hreflang=de]")).await?.attr("href").await?;
    assert_eq!(german.as_deref(), Some("/language/de?to=%2Fde%2Fjobs%3Fworkplace%3Dremote"));

    // A place typed, then a radius chosen: the choice searches at once.
    driver.find(By::Id("near")).await?.send_keys("Berlin").await?;
    driver.find(By::Css("#radius option[value='50']")).await?.click().await?;
    wait_url(driver, |u| u.contains("near=Berlin") && u.contains("radius=50")).await;
    wait_total(driver, "1 job").await?;
    assert_eq!(text_of(driver, ".job-card .distance").await?, "Less than 1 km away");
    assert_accessible(driver, "a search updated in place").await?;
    assert!(same().await?, "the radius loaded a page");

    // Back: the previous search, in place.
    driver.back().await?;
    wait_url(driver, |u| u.ends_with("/en/jobs?workplace=remote")).await;
    wait_total(driver, "1 job").await?;
    assert_eq!(driver.find_all(By::Css(".job-card .distance")).await?.len(), 0);
    driver.back().await?;
    wait_url(driver, |u| u.ends_with("/en/jobs")).await;
    wait_total(driver, "3 jobs").await?;
    assert!(same().await?, "back loaded a page");
    let entries: i64 =
        script(driver, "return performance.getEntriesByType('navigation').length;").await?;
    assert_eq!(entries, 1, "one document all along");
    Ok(())
}

async fn phone_journey(driver: &WebDriver, site: &Site) -> WebDriverResult<()> {
    driver.set_window_rect(0, 0, 390, 844).await?;
    driver.goto(format!("{}/en/jobs?workplace=onsite", site.base)).await?;
    let first: f64 =
        script(driver, "return document.querySelector('.job-card').getBoundingClientRect().top;")
            .await?;
    let height: f64 = script(driver, "return window.innerHeight;").await?;

    assert!(first < height - 60.0, "the first result starts at {first} px of {height}");
    let filters_top: f64 =
        script(driver, "return document.getElementById('filters').getBoundingClientRect().top;")
            .await?;
    assert!(filters_top > first, "the facets come after the results");
    let jump = driver.find(By::Css(".filters-jump a")).await?;
    assert_eq!(jump.text().await?, "Filters (1)");
    jump.click().await?;
    let opened: bool =
        script(driver, "return document.getElementById('filters').hasAttribute('data-drawer');")
            .await?;
    assert!(opened, "Filters (1) opened the facets");
    assert_eq!(jump.attr("aria-expanded").await?.as_deref(), Some("true"));
    let filters_top: f64 =
        script(driver, "return document.getElementById('filters').getBoundingClientRect().top;")
            .await?;
    let results_top: f64 =
        script(driver, "return document.querySelector('.results').getBoundingClientRect().top;")
            .await?;
    assert!(filters_top < results_top, "open, the facets come first");
    assert_accessible(driver, "the search page on a phone, filters open").await?;
    Ok(())
}
