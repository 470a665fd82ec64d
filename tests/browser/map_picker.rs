//! The map picker of the posting form in Chromium (tiles unreachable, as offline): clicking the
//! map fills latitude and longitude, a place found by name moves the marker there, and the
//! coordinates are saved with the form.

use diesel::prelude::*;
use hireboard::db::schema::jobs;

use super::*;

#[actix_web::test]
async fn the_map_picker_sets_and_saves_a_postings_coordinates() {
    run_journey(None, picker_journey).await;
}

async fn field_value(driver: &WebDriver, id: &str) -> WebDriverResult<String> {
    Ok(driver.find(By::Id(id)).await?.prop("value").await?.unwrap_or_default())
}

/// Waits until `check` holds for the value of the field with `id`.
async fn wait_value(
    driver: &WebDriver,
    id: &str,
    check: impl Fn(&str) -> bool,
) -> WebDriverResult<String> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let value = field_value(driver, id).await?;
        if check(&value) {
            return Ok(value);
        }
        assert!(Instant::now() < deadline, "#{id} stayed {value:?}");
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn picker_journey(driver: &WebDriver, site: &Site) -> WebDriverResult<()> {
    let id = {
        let mut c = site.state.pool.get().unwrap();
        factories::PlaceFactory::new("Munich", "DE", (48.137, 11.575))
            .name_in(Locale::DE, "München")
            .create(&mut c);
        let co = CompanyFactory::new().name("Isar Brauerei").create(&mut c);
        let job =
            JobFactory::new(&co).title("Brewer").location("Munich", "DE").at(None).create(&mut c);
        site.state.search.rebuild(&mut c).unwrap();
        job.id
    };
    driver.goto(format!("{}/admin/login", site.base)).await?;
    sign_in(driver, site).await?;
    wait_url(driver, |u| u.ends_with("/admin")).await;
    driver.goto(format!("{}/admin/jobs/{id}/edit", site.base)).await?;
    text_of(driver, "#map-picker-map.leaflet-container").await?;
    assert_eq!(field_value(driver, "f-latitude").await?, "");
    // A click on the map sets a point.
    driver.find(By::Id("map-picker-map")).await?.click().await?;
    let lat = wait_value(driver, "f-latitude", |v| !v.is_empty()).await?;
    let lon = field_value(driver, "f-longitude").await?;
    assert!(lat.parse::<f64>().is_ok_and(|v| v.abs() <= 90.0), "{lat}");
    assert!(lon.parse::<f64>().is_ok_and(|v| v.abs() <= 180.0), "{lon}");
    assert!(text_of(driver, "#map-picker-status").await?.contains(&lat));
    // A place found by its name puts the marker there.
    let find = driver.find(By::Id("map-picker-find")).await?;
    find.send_keys("Mun").await?;
    let deadline = Instant::now() + Duration::from_secs(10);
    let label = loop {
        let options = driver.find_all(By::Css("#map-picker-places option")).await?;
        if let Some(first) = options.first() {
            break first.attr("value").await?.unwrap_or_default();
        }
        assert!(Instant::now() < deadline, "no suggestion for Mun");
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(label, "Munich, Germany");
    find.send_keys("ich, Germany").await?;
    wait_value(driver, "f-latitude", |v| v == "48.13700").await?;
    assert_eq!(field_value(driver, "f-longitude").await?, "11.57500");
    assert_accessible(driver, "the posting form with its map picker").await?;
    let submit = driver.find(By::Css("form.form-grid button[type=submit]")).await?;
    click_to_load(driver, submit).await?;
    wait_url(driver, |u| u.ends_with(&format!("/admin/jobs/{id}"))).await;
    let mut c = site.state.pool.get().unwrap();
    let saved: (Option<f64>, Option<f64>) =
        jobs::table.find(id).select((jobs::latitude, jobs::longitude)).first(&mut c).unwrap();
    assert_eq!(saved, (Some(48.137), Some(11.575)));
    Ok(())
}
