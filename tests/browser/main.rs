//! Browser tests: the real app on a free port, driven through WebDriver in headless Chromium
//! (Debian's `chromium` and `chromium-driver`). Without them the tests skip with a printed
//! reason, except where HIREBOARD_BROWSER_TESTS=required (CI), where they must run.

#[allow(dead_code)]
#[path = "../all/support/factories.rs"]
mod factories;

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use factories::{AdminFactory, AdminLogin, CompanyFactory, JobFactory, text};
use hireboard::config::Config;
use hireboard::i18n::Locale;
use hireboard::models::Workplace;
use hireboard::{AppState, build_app};
use thirtyfour::prelude::*;

mod api_tokens;
mod board;
mod employer;
mod imports;
mod live;
mod map;
mod map_picker;
mod translations;
mod two_factor;
mod xss;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "chromedriver";

/// Whether the browser and its driver are present; panics when they are required but missing.
fn browser_available() -> bool {
    let driver =
        Command::new(CHROMEDRIVER).arg("--version").output().is_ok_and(|o| o.status.success());
    let present = driver && std::path::Path::new(CHROMIUM).exists();
    if !present {
        let required = std::env::var("HIREBOARD_BROWSER_TESTS").is_ok_and(|v| v == "required");
        assert!(
            !required,
            "browser tests are required here, but {CHROMIUM} or {CHROMEDRIVER} is missing"
        );
        eprintln!(
            "note: browser test skipped: install Debian's chromium and chromium-driver to run it"
        );
    }
    present
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "nothing listens on port {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// chromedriver, stopped when dropped.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The app on a real port, seeded with a few postings; returns its base URL.
struct Site {
    base: String,
    remote_slug: String,
    admin: AdminLogin,
    /// The app's state, for journeys that write records of their own.
    state: AppState,
    _dir: tempfile::TempDir,
    handle: actix_web::dev::ServerHandle,
}

async fn start_site() -> Site {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let vars = [
        ("DATA_DIR", dir.path().display().to_string()),
        ("DATABASE_URL", format!("sqlite://{}", dir.path().join("b.db").display())),
        ("SECRET_KEY", "browser-secret-".repeat(5)),
        ("SEARCH_REFRESH_MS", "0".into()),
        ("BASE_URL", format!("http://127.0.0.1:{port}")),
        // WebDriver fills the apply form faster than a person may; the integration tests
        // check the fill time.
        ("APPLY_MIN_FILL_SECONDS", "0".into()),
        // Nothing answers there: the map must work without its tiles, as offline.
        ("MAP_TILES", "http://127.0.0.1:9/{z}/{x}/{y}.png".into()),
    ];
    let config =
        Config::from_lookup(|k| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()))
            .unwrap();
    let state = AppState::open(config).unwrap();
    let admin = {
        let mut c = state.pool.get().unwrap();
        AdminFactory::new().create(&mut c)
    };
    let remote_slug = {
        let mut c = state.pool.get().unwrap();
        let co = CompanyFactory::new().name("Ferris Works").create(&mut c);
        let slug = JobFactory::new(&co)
            .title("Remote Rust Engineer")
            .remote_countries(&["DE", "AT"])
            .skills(&["Rust"])
            .translation(Locale::DE, text("Rust-Entwickler (remote)"))
            .create(&mut c)
            .slug;
        JobFactory::new(&co)
            .title("Rust Engineer in Berlin")
            .workplace(Workplace::Onsite)
            .skills(&["Rust"])
            .create(&mut c);
        JobFactory::new(&co).title("Office Manager").create(&mut c);
        state.search.rebuild(&mut c).unwrap();
        slug
    };
    let served = state.clone();
    let server = actix_web::HttpServer::new(move || build_app(served.clone()))
        .workers(1)
        .shutdown_timeout(1)
        .bind(("127.0.0.1", port))
        .unwrap()
        .run();
    let handle = server.handle();
    actix_web::rt::spawn(server);
    wait_for_port(port);
    Site { base: format!("http://127.0.0.1:{port}"), remote_slug, admin, state, _dir: dir, handle }
}

/// A browser whose downloads land in `downloads`, when given.
async fn browser_with_downloads(downloads: Option<&std::path::Path>) -> (WebDriver, Driver) {
    // The WebDriver client speaks HTTP through reqwest, built with rustls for the app's
    // webhooks: it needs the process's crypto provider.
    hireboard::webhooks::install_crypto();
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let guard = Driver(child);
    wait_for_port(port);
    let profile = tempfile::tempdir().unwrap().keep();
    let mut caps = DesiredCapabilities::chrome();
    caps.set_binary(CHROMIUM).unwrap();
    for arg in [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--no-first-run",
        "--disable-quic",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
    ] {
        caps.add_arg(arg).unwrap();
    }
    caps.add_arg(&format!("--user-data-dir={}", profile.display())).unwrap();
    if let Some(dir) = downloads {
        caps.add_experimental_option(
            "prefs",
            serde_json::json!({
                "download.default_directory": dir.display().to_string(),
                "download.prompt_for_download": false,
            }),
        )
        .unwrap();
    }
    let driver =
        WebDriver::new(format!("http://127.0.0.1:{port}"), caps).await.expect("WebDriver session");
    (driver, guard)
}

/// One browser at a time: Chromium's start-up on a loaded 2-core machine can time out when
/// several tests start theirs at once. Each test holds this for its whole run.
static ONE_BROWSER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The text of the element matching `css`, waiting up to 10 s for it: after a click the
/// next page loads asynchronously. An error (rather than a panic) lets the journey's runner
/// close the browser before the test fails.
async fn text_of(driver: &WebDriver, css: &str) -> WebDriverResult<String> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match driver.find(By::Css(css)).await {
            Ok(element) => return element.text().await,
            Err(e) if Instant::now() >= deadline => {
                let url = driver.current_url().await.map(|u| u.to_string());
                let source = driver.source().await.unwrap_or_default();
                eprintln!(
                    "{css} not found on {url:?}; the page begins:\n{}",
                    source.chars().take(3000).collect::<String>()
                );
                return Err(e);
            }
            Err(_) => actix_web::rt::time::sleep(Duration::from_millis(50)).await,
        }
    }
}

/// axe-core (npm, `tests/tools`) on the page the browser is on: its WCAG 2.1 A and AA
/// violations, each as "rule: elements". Empty, with a note, when axe-core is not installed
/// (`npm ci --prefix tests/tools`), except in CI.
async fn axe(driver: &WebDriver) -> WebDriverResult<Vec<String>> {
    static SOURCE: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let source = SOURCE.get_or_init(|| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/tools/node_modules/axe-core/axe.min.js");
        let found = std::fs::read_to_string(path).ok();
        if found.is_none() {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must install axe-core (npm ci --prefix tests/tools)"
            );
            eprintln!("note: accessibility checks skipped: run npm ci --prefix tests/tools");
        }
        found
    });
    let Some(source) = source else { return Ok(Vec::new()) };
    driver.execute(source, Vec::new()).await?;
    let found = driver
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
               .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
               .catch(e => done(['axe failed: ' + e]));",
            Vec::new(),
        )
        .await?;
    found.convert()
}

/// Asserts that axe-core finds nothing on the page the browser is on (`what` names it).
async fn assert_accessible(driver: &WebDriver, what: &str) -> WebDriverResult<()> {
    let violations = axe(driver).await?;
    assert!(violations.is_empty(), "{what}: {}", violations.join("\n"));
    Ok(())
}

/// Clicks `element` and waits until the page it was on has been replaced: reading the next
/// page before that could find the old page's elements, or talk to a page being unloaded.
async fn click_to_load(driver: &WebDriver, element: WebElement) -> WebDriverResult<()> {
    let old = driver.find(By::Tag("html")).await?;
    element.click().await?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while old.is_present().await.unwrap_or(false) {
        assert!(Instant::now() < deadline, "the page did not change");
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

/// Waits until the page's URL satisfies `check` (form posts and links load asynchronously).
async fn wait_url(driver: &WebDriver, check: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let url = driver.current_url().await.unwrap().to_string();
        if check(&url) {
            return url;
        }
        assert!(Instant::now() < deadline, "still at {url}");
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Runs `journey` in a fresh browser against a fresh site, one browser at a time, and always
/// cleans up both; downloads land in `downloads` when given.
async fn run_journey(
    downloads: Option<&std::path::Path>,
    journey: impl AsyncFnOnce(&WebDriver, &Site) -> WebDriverResult<()>,
) {
    if !browser_available() {
        return;
    }
    let _one = ONE_BROWSER.lock().await;
    let site = start_site().await;
    let (driver, _chromedriver) = browser_with_downloads(downloads).await;
    let outcome = journey(&driver, &site).await;
    let _ = driver.quit().await;
    site.handle.stop(true).await;
    outcome.unwrap();
}

/// The first file ending in `.{extension}` to be complete in `downloads` (15 s at most).
async fn downloaded(downloads: &std::path::Path, extension: &str) -> std::path::PathBuf {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        // Chromium reserves the final name with an empty file and writes to a .crdownload
        // file it renames over it at the end: done is a non-empty file and no .crdownload.
        let files: Vec<_> = std::fs::read_dir(downloads)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .collect();
        let writing = files.iter().any(|p| p.extension().is_some_and(|x| x == "crdownload"));
        let done = files.into_iter().find(|p| {
            p.extension().is_some_and(|x| x == extension)
                && std::fs::metadata(p).is_ok_and(|m| m.len() > 0)
        });
        if let (Some(path), false) = (done, writing) {
            return path;
        }
        assert!(Instant::now() < deadline, "no .{extension} file in {}", downloads.display());
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Signs the site's admin in through the form the browser is on.
async fn sign_in(driver: &WebDriver, site: &Site) -> WebDriverResult<()> {
    driver.find(By::Css("#email")).await?.send_keys(&site.admin.email).await?;
    driver.find(By::Css("#password")).await?.send_keys(&site.admin.password).await?;
    driver.find(By::Css("button[type=submit].primary")).await?.click().await
}

#[actix_web::test]
async fn search_filter_open_switch_language_and_apply() {
    run_journey(None, journey).await;
}

async fn journey(driver: &WebDriver, site: &Site) -> WebDriverResult<()> {
    // Search.
    driver.goto(format!("{}/en/jobs", site.base)).await?;
    driver.find(By::Id("q")).await?.send_keys("rust").await?;
    driver.find(By::Css(".search-form button[type=submit]")).await?.click().await?;
    wait_url(driver, |u| u.contains("q=rust")).await;
    assert_eq!(text_of(driver, ".results-total").await?, "2 jobs");

    // Filter by a facet link.
    let remote = driver
        .find(By::XPath("//section[@aria-labelledby='facet-workplace']//a[contains(., 'Remote')]"))
        .await?;
    remote.click().await?;
    wait_url(driver, |u| u.contains("workplace=remote")).await;
    let titles = driver.find_all(By::Css(".job-card-title a")).await?;
    assert_eq!(titles.len(), 1);

    // Open the posting.
    titles[0].click().await?;
    wait_url(driver, |u| u.ends_with(&format!("/en/jobs/{}", site.remote_slug))).await;
    assert_eq!(text_of(driver, "h1").await?, "Remote Rust Engineer");
    assert_accessible(driver, "a posting").await?;

    // Switch language: same posting, in German.
    driver.find(By::Css(".lang-switch a[hreflang=de]")).await?.click().await?;
    wait_url(driver, |u| u.contains("/de/jobs/")).await;
    assert_eq!(text_of(driver, "h1").await?, "Rust-Entwickler (remote)");
    let lang = driver.find(By::Css("html")).await?.attr("lang").await?;
    assert_eq!(lang.as_deref(), Some("de"));

    // Apply with an error, then correctly.
    driver.goto(format!("{}/en/jobs/{}", site.base, site.remote_slug)).await?;
    driver.find(By::Id("apply-name")).await?.send_keys("Ada Lovelace").await?;
    driver.find(By::Id("apply-email")).await?.send_keys("ada-at-example").await?;
    driver.find(By::Id("apply-cover_letter")).await?.send_keys("I build engines.").await?;
    driver.find(By::Css(".apply button[type=submit]")).await?.click().await?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while driver.find_all(By::Css(".field-error")).await?.is_empty() {
        assert!(Instant::now() < deadline, "no validation errors appeared");
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    assert_accessible(driver, "the apply form with errors").await?;
    assert_eq!(
        text_of(driver, "#apply-email-error").await?,
        "Please enter a valid email address, like name@example.com."
    );
    let kept = driver.find(By::Id("apply-name")).await?.value().await?;
    assert_eq!(kept.as_deref(), Some("Ada Lovelace"), "input survives the error");
    let email = driver.find(By::Id("apply-email")).await?;
    email.clear().await?;
    email.send_keys("ada@example.org").await?;
    driver.find(By::Id("apply-consent")).await?.click().await?;
    driver.find(By::Css(".apply button[type=submit]")).await?.click().await?;
    wait_url(driver, |u| u.contains("/applied")).await;
    assert!(text_of(driver, "h1").await?.contains("Thank you"));
    Ok(())
}

#[actix_web::test]
async fn sign_in_and_archive_two_postings_with_a_batch_action() {
    run_journey(None, batch_archive).await;
}

async fn batch_archive(driver: &WebDriver, site: &Site) -> WebDriverResult<()> {
    // The back office sends a visitor to the sign-in page and back.
    driver.goto(format!("{}/admin/jobs", site.base)).await?;
    wait_url(driver, |u| u.contains("/admin/login")).await;
    sign_in(driver, site).await?;
    wait_url(driver, |u| u.ends_with("/admin/jobs")).await;
    assert_eq!(text_of(driver, "h1").await?, "Postings");

    // Tick two rows by their titles, choose "Archive", apply.
    let rows = driver.find_all(By::Css(".index-table tbody tr")).await?;
    let mut ticked = 0;
    for row in rows {
        let title = row.find(By::Css("td.primary")).await?.text().await?;
        if title == "Office Manager" || title == "Rust Engineer in Berlin" {
            row.find(By::Css("input[name=ids]")).await?.click().await?;
            ticked += 1;
        }
    }
    assert_eq!(ticked, 2);
    // The script counts the selection for screen readers.
    assert!(!text_of(driver, "[data-selected-count]").await?.is_empty());
    let select = driver.find(By::Css("#batch-action")).await?;
    select.find(By::Css("option[value=archive]")).await?.click().await?;
    let apply = driver.find(By::Css("#batch-form button[type=submit]")).await?;
    click_to_load(driver, apply).await?;

    // A confirmation page names the action and the number of rows.
    let question = text_of(driver, ".confirm-box .question").await?;
    assert!(question.contains("Archive") && question.contains("2"), "{question}");
    let confirm = driver.find(By::Css(".confirm-box button[type=submit]")).await?;
    click_to_load(driver, confirm).await?;
    wait_url(driver, |u| u.contains("/admin/jobs") && !u.contains("/batch")).await;
    let flash = text_of(driver, ".flash").await?;
    assert!(flash.contains("2"), "{flash}");
    let scopes: Vec<String> = {
        let mut out = Vec::new();
        for a in driver.find_all(By::Css(".scopes a")).await? {
            out.push(a.text().await?.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        out
    };
    assert!(scopes.contains(&"Archived 2".to_owned()), "{scopes:?}");

    // The public search no longer lists them.
    driver.goto(format!("{}/en/jobs", site.base)).await?;
    let titles = driver.find_all(By::Css(".job-card-title")).await?;
    assert_eq!(titles.len(), 1);
    assert_eq!(titles[0].text().await?, "Remote Rust Engineer");
    Ok(())
}

#[actix_web::test]
async fn download_an_export_of_the_filtered_list() {
    let downloads = tempfile::tempdir().unwrap();
    let dir = downloads.path().to_owned();
    run_journey(Some(&dir), async |driver: &WebDriver, site: &Site| {
        download_export(driver, site, &dir).await
    })
    .await;
}

async fn download_export(
    driver: &WebDriver,
    site: &Site,
    downloads: &std::path::Path,
) -> WebDriverResult<()> {
    driver.goto(format!("{}/admin/login", site.base)).await?;
    sign_in(driver, site).await?;
    wait_url(driver, |u| u.ends_with("/admin")).await;
    // Filter the list, then download it as CSV from the link the page offers.
    driver.goto(format!("{}/admin/jobs?title=rust", site.base)).await?;
    let csv_link = driver.find(By::Css(".exports a[href*='export.csv']")).await?;
    csv_link.click().await?;
    let file = downloaded(downloads, "csv").await;
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("jobs-"), "{name}");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut titles: Vec<String> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap()[1].to_owned())
        .collect();
    titles.sort();
    assert_eq!(titles, ["Remote Rust Engineer", "Rust Engineer in Berlin"]);
    Ok(())
}

#[actix_web::test]
async fn create_a_posting_with_a_german_translation_publish_it_and_find_it_in_german() {
    run_journey(None, create_and_publish).await;
}

async fn create_and_publish(driver: &WebDriver, site: &Site) -> WebDriverResult<()> {
    driver.goto(format!("{}/admin/login", site.base)).await?;
    sign_in(driver, site).await?;
    wait_url(driver, |u| u.ends_with("/admin")).await;
    driver.goto(format!("{}/admin/jobs/new", site.base)).await?;
    assert_eq!(text_of(driver, "h1").await?, "Postings: new");

    // The company field suggests names as one types.
    let company = driver.find(By::Id("f-company")).await?;
    company.send_keys("ferr").await?;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let options = driver.find_all(By::Css("#f-company-options option")).await?;
        if let Some(first) = options.first() {
            assert_eq!(first.attr("value").await?.as_deref(), Some("Ferris Works"));
            break;
        }
        assert!(Instant::now() < deadline, "no suggestions appeared");
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    company.clear().await?;
    company.send_keys("Ferris Works").await?;
    driver.find(By::Id("f-title")).await?.send_keys("Harbour Crane Technician").await?;
    driver.find(By::Id("f-city")).await?.send_keys("Hamburg").await?;
    driver.find(By::Css("#f-country-code option[value=DE]")).await?.click().await?;
    driver
        .find(By::Id("f-summary"))
        .await?
        .send_keys("Keep the cranes of the container terminal running.")
        .await?;

    // The text is in language tabs; the original language has no translation tab.
    let english = driver.find(By::Id("tab-en-tab")).await?;
    assert!(!english.is_displayed().await?);
    assert!(!driver.find(By::Id("f-t-de-title")).await?.is_displayed().await?);
    driver.find(By::Id("tab-de-tab")).await?.click().await?;
    driver.find(By::Id("f-t-de-title")).await?.send_keys("Hafenkran-Techniker").await?;
    driver
        .find(By::Id("f-t-de-summary"))
        .await?
        .send_keys("Sie halten die Kräne des Containerterminals am Laufen.")
        .await?;
    let create = driver.find(By::Css("form.form-grid button.primary")).await?;
    click_to_load(driver, create).await?;
    wait_url(driver, |u| u.rsplit('/').next().is_some_and(|id| id.parse::<i64>().is_ok())).await;
    assert_eq!(text_of(driver, "h1").await?, "Harbour Crane Technician");

    // Publish from the show page.
    let publish = driver
        .find(By::XPath("//div[@class='actions']//button[normalize-space()='Publish']"))
        .await?;
    click_to_load(driver, publish).await?;
    let flash = text_of(driver, ".flash").await?;
    assert_eq!(flash, "The posting is now Published.");

    // The German public search finds it by its German title, and shows it in German.
    driver.goto(format!("{}/de/jobs?q=hafenkran", site.base)).await?;
    assert_eq!(text_of(driver, ".job-card-title").await?, "Hafenkran-Techniker");
    driver.find(By::Css(".job-card-title a")).await?.click().await?;
    wait_url(driver, |u| u.contains("/de/jobs/harbour-crane-technician")).await;
    assert_eq!(text_of(driver, "h1").await?, "Hafenkran-Techniker");
    let lang = driver.find(By::Css("article.job")).await?.attr("lang").await?;
    assert_eq!(lang, None, "German text on a German page needs no lang of its own");
    Ok(())
}

/// The smallest PDF the CV check accepts: a header, an object and the trailer's end marker.
const CV_PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n";

#[actix_web::test]
async fn apply_with_a_pdf_cv_and_download_it_from_the_admin() {
    let downloads = tempfile::tempdir().unwrap();
    let dir = downloads.path().to_owned();
    run_journey(Some(&dir), async |driver: &WebDriver, site: &Site| {
        apply_with_cv(driver, site, &dir).await
    })
    .await;
}

async fn apply_with_cv(
    driver: &WebDriver,
    site: &Site,
    downloads: &std::path::Path,
) -> WebDriverResult<()> {
    // The browser picks the file from disk, as a person would through the file dialog.
    let picked = tempfile::tempdir().unwrap();
    let cv = picked.path().join("Ada Lovelace CV.pdf");
    std::fs::write(&cv, CV_PDF).unwrap();
    driver.goto(format!("{}/en/jobs/{}", site.base, site.remote_slug)).await?;
    for (field, value) in [
        ("apply-name", "Ada Lovelace"),
        ("apply-email", "ada@example.org"),
        ("apply-cover_letter", "I build engines."),
    ] {
        driver.find(By::Id(field)).await?.send_keys(value).await?;
    }
    driver.find(By::Id("apply-cv")).await?.send_keys(cv.display().to_string()).await?;
    driver.find(By::Id("apply-consent")).await?.click().await?;
    let submit = driver.find(By::Css(".apply button[type=submit]")).await?;
    click_to_load(driver, submit).await?;
    wait_url(driver, |u| u.contains("/applied")).await;

    // The back office lists the application with its CV, and the link downloads it.
    driver.goto(format!("{}/admin/login", site.base)).await?;
    sign_in(driver, site).await?;
    wait_url(driver, |u| u.ends_with("/admin")).await;
    driver.goto(format!("{}/admin/applications", site.base)).await?;
    let open = driver.find(By::Css(".index-table td.primary a")).await?;
    click_to_load(driver, open).await?;
    let link = driver.find(By::Css("a[href$='/cv']")).await?;
    assert!(link.text().await?.contains("Ada Lovelace CV.pdf"));
    link.click().await?;
    let file = downloaded(downloads, "pdf").await;
    assert_eq!(file.file_name().unwrap().to_string_lossy(), "Ada Lovelace CV.pdf");
    assert_eq!(std::fs::read(&file).unwrap(), CV_PDF);
    Ok(())
}
