//! An import in a real browser: upload a spreadsheet, keep the guessed columns, watch the dry
//! run and the import go by (the page follows their progress by itself) and read the counts.

use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

use super::{Site, assert_accessible, click_to_load, run_journey, sign_in, text_of, wait_url};

const FILE: &str = "Reference,Title,Company,Summary,City\n\
R1,Rust Engineer in Hamburg,Ferris Works,Build things,Hamburg\n\
R2,,Ferris Works,No title here,Bremen\n\
R3,Go Engineer in Kiel,Ferris Works,Run things,Kiel\n";

#[actix_web::test]
async fn upload_check_and_import_a_spreadsheet() {
    run_journey(None, import_journey).await;
}

/// Waits until the element `css` says `wanted` (the page reloads itself when a run ends).
async fn wait_text(driver: &WebDriver, css: &str, wanted: &str) -> WebDriverResult<()> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let found = match driver.find(By::Css(css)).await {
            Ok(element) => element.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if found.contains(wanted) {
            return Ok(());
        }
        assert!(Instant::now() < deadline, "{css} never said {wanted:?} (last: {found:?})");
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn import_journey(driver: &WebDriver, site: &Site) -> WebDriverResult<()> {
    let state = &site.state;
    let worker = hireboard::tasks::worker::spawn(
        state.pool.clone(),
        state.config.clone(),
        hireboard::tasks::Registry::standard(),
        hireboard::tasks::worker::WorkerConfig {
            concurrency: 1,
            queues: Vec::new(),
            poll: Duration::from_millis(20),
            lease: Duration::from_secs(30),
            shutdown_grace: Duration::from_secs(5),
        },
        state.search.clone(),
        state.messages.clone(),
    )
    .expect("a worker starts");
    driver.goto(format!("{}/admin/login", site.base)).await?;
    sign_in(driver, site).await?;
    wait_url(driver, |u| u.ends_with("/admin")).await;
    driver.goto(format!("{}/admin/jobs", site.base)).await?;
    let import = driver.find(By::LinkText("Import")).await?;
    click_to_load(driver, import).await?;
    assert_accessible(driver, "the import form").await?;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("postings.csv");
    std::fs::write(&path, FILE).unwrap();
    driver.find(By::Id("import-file")).await?.send_keys(path.display().to_string()).await?;
    let upload = driver.find(By::Css("button[type=submit].primary")).await?;
    click_to_load(driver, upload).await?;
    assert_eq!(text_of(driver, "#column-1 option:checked").await?, "Title");
    assert_accessible(driver, "the columns").await?;

    let check = driver.find(By::Css("form[action$='/check'] button")).await?;
    click_to_load(driver, check).await?;
    wait_text(driver, "#result-title", "Dry run finished").await?;
    assert_accessible(driver, "the dry run's result").await?;
    assert_eq!(text_of(driver, "tbody th.number").await?, "3");

    let start = driver.find(By::Css("form[action$='/start'] button")).await?;
    click_to_load(driver, start).await?;
    wait_text(driver, "#result-title", "Import finished").await?;
    wait_text(driver, ".counts", "2 created").await?;
    assert_accessible(driver, "the import's result").await?;

    // The earlier imports, from the upload page.
    driver.goto(format!("{}/admin/jobs/import", site.base)).await?;
    let earlier = driver.find(By::LinkText("Earlier imports")).await?;
    click_to_load(driver, earlier).await?;
    assert_eq!(text_of(driver, ".index-table tbody td a").await?, "postings.csv");
    assert_accessible(driver, "the list of imports").await?;

    // A partner's feed: added with the form, its page with its (still empty) log.
    driver.goto(format!("{}/admin/feed_sources/new", site.base)).await?;
    assert_accessible(driver, "the feed source form").await?;
    driver.find(By::Id("f-company")).await?.send_keys("Ferris Works").await?;
    let url = "https://93.184.215.14/v1/boards/ferris/jobs?content=true";
    driver.find(By::Id("f-url")).await?.send_keys(url).await?;
    let save = driver.find(By::Css("form.form-grid button[type=submit].primary")).await?;
    click_to_load(driver, save).await?;
    wait_url(driver, |u| u.contains("/admin/feed_sources/")).await;
    assert_eq!(text_of(driver, "h1").await?, url);
    assert_accessible(driver, "a feed source's page").await?;
    worker.shutdown();
    Ok(())
}
