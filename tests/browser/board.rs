//! The applications board in Chromium (and, on the way, the search shortcut): a card dragged onto another column moves there (the
//! drag is dispatched as the browser would, since WebDriver cannot drive HTML5 drag and drop),
//! and a column the card may not go to does not take it.

use diesel::prelude::*;

use super::*;

/// Drags `#card` onto the column of `stage`: dragstart, dragover and drop with one
/// DataTransfer. Returns whether the column accepted the drop.
const DRAG: &str = "const [card, stage] = arguments; \
    const from = document.querySelector(card); \
    const to = document.querySelector(`.board-column[data-stage=\"${stage}\"]`); \
    const data = new DataTransfer(); \
    from.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: data })); \
    const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }); \
    to.dispatchEvent(over); \
    if (!over.defaultPrevented) { from.dispatchEvent(new DragEvent('dragend', { bubbles: true })); return false; } \
    to.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data })); \
    return true;";

#[actix_web::test]
async fn a_card_dragged_to_the_next_stage_moves_there() {
    let mut failures = Vec::new();
    run_journey(None, async |driver, site| board_journey(driver, site, &mut failures).await).await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

async fn board_journey(
    driver: &WebDriver,
    site: &Site,
    failures: &mut Vec<String>,
) -> WebDriverResult<()> {
    let application = {
        use hireboard::db::schema::jobs;
        let mut c = site.state.pool.get().unwrap();
        let job: i64 = jobs::table
            .filter(jobs::slug.eq(&site.remote_slug))
            .select(jobs::id)
            .first(&mut c)
            .unwrap();
        factories::ApplicationFactory::new(job).name("Ada Lovelace").create(&mut c).id
    };
    driver.goto(format!("{}/admin/login", site.base)).await?;
    sign_in(driver, site).await?;
    wait_url(driver, |u| u.ends_with("/admin")).await;
    // On a page without a list filter, "/" opens the back office's search.
    driver.find(By::Tag("body")).await?.send_keys("/").await?;
    let focused: String =
        driver.execute("return document.activeElement.id;", Vec::new()).await?.convert()?;
    if focused != "admin-search" {
        failures.push(format!("\"/\" on the dashboard focused {focused:?}"));
    }
    assert_accessible(driver, "the dashboard").await?;
    driver.goto(format!("{}/admin/applications/board", site.base)).await?;
    assert_accessible(driver, "the applications board").await?;
    let card = format!("#card-{application}");
    // A new application cannot jump to an offer.
    let taken: bool =
        driver.execute(DRAG, vec![card.clone().into(), "offer".into()]).await?.convert()?;
    if taken {
        failures.push("the offer column took a new application".into());
    }
    let old = driver.find(By::Tag("html")).await?;
    let taken: bool =
        driver.execute(DRAG, vec![card.clone().into(), "reviewing".into()]).await?.convert()?;
    if !taken {
        failures.push("the reviewing column refused the card".into());
        return Ok(());
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while old.is_present().await.unwrap_or(false) && Instant::now() < deadline {
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    let moved = text_of(driver, &format!(".board-column[data-stage=reviewing] {card} a")).await?;
    if moved != "Ada Lovelace" {
        failures.push(format!("in the reviewing column: {moved:?}"));
    }
    Ok(())
}
