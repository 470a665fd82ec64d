//! Two-factor sign-in in Chromium: enrol from the account page (the QR code renders under the
//! Content-Security-Policy, the key reads as text), sign out, sign in with a code from the
//! "authenticator app", then with a recovery code.

use diesel::prelude::*;

use super::*;

#[actix_web::test]
async fn enrol_sign_out_and_sign_in_with_a_code_then_a_recovery_code() {
    // Failures are gathered during the journey and asserted after it, once the browser is
    // closed: a panic inside the journey would leave Chromium running.
    let mut failures = Vec::new();
    run_journey(None, async |driver, site| two_factor_journey(driver, site, &mut failures).await)
        .await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What an authenticator app holding `secret` shows now.
fn app_code(secret: &[u8]) -> String {
    hireboard::auth::totp::code_at(secret, chrono::Utc::now().timestamp() as u64).unwrap()
}

/// Time passing for the replay guard: the code of this 30-second step may count again (the
/// test cannot wait for the next one).
fn forget_last_code(site: &Site) {
    use hireboard::db::schema::admin_users;
    let mut c = site.state.pool.get().unwrap();
    diesel::update(admin_users::table.find(site.admin.id))
        .set(admin_users::totp_last_step.eq(None::<i64>))
        .execute(&mut c)
        .unwrap();
}

async fn type_code_and_submit(driver: &WebDriver, code: &str) -> WebDriverResult<()> {
    let field = driver.find(By::Css("#code")).await?;
    field.send_keys(code).await?;
    let button = driver.find(By::Css("form button[type=submit].primary")).await?;
    click_to_load(driver, button).await
}

async fn sign_out(driver: &WebDriver) -> WebDriverResult<()> {
    let button = driver.find(By::Css("form[action='/admin/logout'] button")).await?;
    click_to_load(driver, button).await
}

async fn two_factor_journey(
    driver: &WebDriver,
    site: &Site,
    failures: &mut Vec<String>,
) -> WebDriverResult<()> {
    driver.goto(format!("{}/admin/login", site.base)).await?;
    sign_in(driver, site).await?;
    wait_url(driver, |u| u.ends_with("/admin")).await;
    let link = driver.find(By::Css("a.admin-account-link")).await?;
    click_to_load(driver, link).await?;
    // The QR code is drawn: an SVG image loaded from its data: address.
    let drawn: i64 = driver
        .execute(
            "const img = document.querySelector('img.two-factor-qr'); \
             return img && img.complete ? img.naturalWidth : 0;",
            Vec::new(),
        )
        .await?
        .convert()?;
    if drawn == 0 {
        failures.push("the QR code did not render".into());
    }
    let key = text_of(driver, "#two-factor-secret").await?.replace(' ', "");
    let Some(secret) = base32::decode(base32::Alphabet::Rfc4648 { padding: false }, &key) else {
        failures.push(format!("the key {key:?} is not base32"));
        return Ok(());
    };
    type_code_and_submit(driver, &app_code(&secret)).await?;
    let codes: Vec<String> = {
        text_of(driver, "#recovery-codes").await?;
        let mut codes = Vec::new();
        for item in driver.find_all(By::Css("#recovery-codes li")).await? {
            codes.push(item.text().await?);
        }
        codes
    };
    if codes.len() != 10 {
        failures.push(format!("{} recovery codes shown", codes.len()));
        return Ok(());
    }
    forget_last_code(site);

    // Out, and in again: the password, then the app's code.
    sign_out(driver).await?;
    sign_in(driver, site).await?;
    wait_url(driver, |u| u.ends_with("/admin/login/code")).await;
    type_code_and_submit(driver, &app_code(&secret)).await?;
    let at = wait_url(driver, |u| !u.ends_with("/admin/login/code")).await;
    if !at.ends_with("/admin") {
        failures.push(format!("after the code: {at}"));
    }

    // Out, and in with a recovery code; the page says how many are left.
    sign_out(driver).await?;
    sign_in(driver, site).await?;
    wait_url(driver, |u| u.ends_with("/admin/login/code")).await;
    type_code_and_submit(driver, &codes[4]).await?;
    let at = wait_url(driver, |u| !u.ends_with("/admin/login/code")).await;
    if !at.ends_with("/admin") {
        failures.push(format!("after the recovery code: {at}"));
    }
    let flash = text_of(driver, ".flash").await?;
    if !flash.contains("9 are left") {
        failures.push(format!("the flash after a recovery code: {flash:?}"));
    }
    Ok(())
}
