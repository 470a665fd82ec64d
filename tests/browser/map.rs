//! The search page's map in Chromium: shown on demand, it draws the search's postings as
//! clusters and markers (map tiles are unreachable here, as offline: the map works without
//! them); a cluster zooms in, a marker names its posting and opens it, and postings at one
//! place lead to their list.

use super::*;

#[actix_web::test]
async fn the_map_shows_clusters_that_zoom_in_and_markers_that_open_postings() {
    run_journey(None, map_journey).await;
}

/// The text of `element` as the document has it, shown or not (a popup fades in).
async fn content(driver: &WebDriver, element: &WebElement) -> WebDriverResult<String> {
    driver.execute("return arguments[0].textContent;", vec![element.to_json()?]).await?.convert()
}

/// Waits until `css` matches at least `n` elements.
async fn wait_for(driver: &WebDriver, css: &str, n: usize) -> WebDriverResult<Vec<WebElement>> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let found = driver.find_all(By::Css(css)).await?;
        if found.len() >= n {
            return Ok(found);
        }
        if Instant::now() >= deadline {
            let source = driver.source().await.unwrap_or_default();
            let at = source.find("map-panel").unwrap_or(0);
            panic!(
                "{n} × {css} expected, {} found; near the map:\n{}",
                found.len(),
                &source[at..(at + 3000).min(source.len())]
            );
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn map_journey(driver: &WebDriver, site: &Site) -> WebDriverResult<()> {
    {
        let mut c = site.state.pool.get().unwrap();
        let co = CompanyFactory::new().name("Hafen Logistik").create(&mut c);
        for (title, point) in
            [("Hamburg docks", (53.545, 9.966)), ("Hamburg office", (53.553, 10.006))]
        {
            JobFactory::new(&co)
                .title(title)
                .location("Hamburg", "DE")
                .at(Some(point))
                .create(&mut c);
        }
        JobFactory::new(&co)
            .title("Munich welder")
            .location("Munich", "DE")
            .at(Some((48.137, 11.575)))
            .create(&mut c);
        site.state.search.rebuild(&mut c).unwrap();
    }
    driver.goto(format!("{}/en/jobs", site.base)).await?;
    let toggle = driver.find(By::Id("map-toggle")).await?;
    assert_eq!(toggle.text().await?, "Show the map");
    toggle.click().await?;
    assert_eq!(toggle.attr("aria-expanded").await?.as_deref(), Some("true"));
    // Berlin's three (at one point), Hamburg's two (close together) and Munich's one.
    let clusters = wait_for(driver, ".map-cluster", 2).await?;
    let mut counts = Vec::new();
    for c in &clusters {
        counts.push(c.text().await?);
    }
    counts.sort();
    assert_eq!(counts, ["2", "3"]);
    wait_for(driver, "img.leaflet-marker-icon[title='Munich welder']", 1).await?;
    assert_accessible(driver, "the search page with its map").await?;

    // The Hamburg cluster zooms in until its postings come apart.
    let hamburg = driver
        .find(By::XPath("//div[contains(@class,'map-cluster')][normalize-space(.)='2']"))
        .await?;
    hamburg.click().await?;
    let docks = wait_for(driver, "img.leaflet-marker-icon[title='Hamburg docks']", 1).await?;
    wait_for(driver, "img.leaflet-marker-icon[title='Hamburg office']", 1).await?;
    // A marker names its posting, and opens it.
    docks[0].click().await?;
    let link = wait_for(driver, ".leaflet-popup-content a", 1).await?;
    assert_eq!(content(driver, &link[0]).await?, "Hamburg docks");
    click_to_load(driver, link[0].clone()).await?;
    assert_eq!(text_of(driver, "h1").await?, "Hamburg docks");

    // Postings at one place cannot come apart: their cluster leads to their list.
    driver.goto(format!("{}/en/jobs", site.base)).await?;
    driver.find(By::Id("map-toggle")).await?.click().await?;
    wait_for(driver, ".map-cluster", 2).await?;
    let berlin = driver
        .find(By::XPath("//div[contains(@class,'map-cluster')][normalize-space(.)='3']"))
        .await?;
    berlin.click().await?;
    // Zoomed in as far as the map goes, the three are still one: a popup lists them.
    let mut list = driver.find_all(By::Css(".leaflet-popup-content a")).await?;
    let deadline = Instant::now() + Duration::from_secs(15);
    while list.is_empty() {
        assert!(Instant::now() < deadline, "no popup for postings at one place");
        if let Ok(again) = driver
            .find(By::XPath("//div[contains(@class,'map-cluster')][normalize-space(.)='3']"))
            .await
        {
            let _ = again.click().await;
        }
        actix_web::rt::time::sleep(Duration::from_millis(300)).await;
        list = driver.find_all(By::Css(".leaflet-popup-content a")).await?;
    }
    assert_eq!(content(driver, &list[0]).await?, "3 jobs");
    click_to_load(driver, list[0].clone()).await?;
    assert_eq!(text_of(driver, ".results-total").await?, "3 jobs");
    Ok(())
}
