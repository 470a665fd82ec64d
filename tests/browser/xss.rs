//! Stored XSS in a real browser: script payloads in every text field that people type (company,
//! posting and its translation, skill, application, comment) are shown as text on the public
//! pages, the back office and the HTML mails; no payload becomes markup, none runs, and the
//! page reports no Content-Security-Policy violation (which would mean markup got through
//! and only the policy stopped it).

use diesel::prelude::*;

use super::*;

/// Each payload sets `window.__xss` if it ever runs.
const SCRIPT: &str = "<script>window.__xss=1</script>";
const ATTRIBUTE: &str = "\"><img src=x onerror=\"window.__xss=2\">";
const CLOSE_JSON: &str = "</script><script>window.__xss=3</script>";
const LINK: &str = "javascript:window.__xss=4";

/// Records every CSP violation of every page from its first byte, into `window.__violations`.
const WATCH_VIOLATIONS: &str = "window.__violations = []; \
    document.addEventListener('securitypolicyviolation', \
    e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample));";

/// What a page shows of the payloads: [ran, injected elements, inline scripts,
/// javascript: links, CSP violations, payload shown as text].
const INSPECT: &str = "return [
    String(window.__xss || 0),
    String(document.querySelectorAll('img[src=\"x\"], [onerror], [onload]:not(body)').length),
    String(Array.from(document.scripts).filter(s => !s.src && s.type !== 'application/ld+json').length),
    String(Array.from(document.querySelectorAll('a[href]')).filter(a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length),
    (window.__violations || []).join(' | '),
    String(document.documentElement.innerText.includes('window.__xss'))
];";

struct Planted {
    job_slug: String,
    job_id: i64,
    company_slug: String,
    company_id: i64,
    skill_id: i64,
    application_id: i64,
    mail_id: i64,
}

fn plant(site: &Site) -> Planted {
    use hireboard::db::schema::{companies, jobs, outbox_messages};
    let mut c = site.state.pool.get().unwrap();
    let company = CompanyFactory::new()
        .name(&format!("Acme {SCRIPT}"))
        .original(Locale::EN, &format!("We build {ATTRIBUTE} and {CLOSE_JSON}"))
        .translation(Locale::DE, &format!("Wir bauen {SCRIPT}"))
        .create(&mut c);
    diesel::update(companies::table.find(company.id))
        .set((companies::website.eq(LINK), companies::city.eq(ATTRIBUTE)))
        .execute(&mut c)
        .unwrap();
    let mut original = text(&format!("Engineer {CLOSE_JSON}"));
    original.summary = format!("Summary {ATTRIBUTE}");
    original.responsibilities = format!("Build {SCRIPT}\nReview {CLOSE_JSON}");
    original.requirements = format!("Patience {ATTRIBUTE}");
    let job_slug = JobFactory::new(&company)
        .original(Locale::EN, original)
        .translation(Locale::DE, text(&format!("Ingenieur {ATTRIBUTE}")))
        .skills(&["Rust"])
        .create(&mut c)
        .slug;
    let job_id: i64 =
        jobs::table.filter(jobs::slug.eq(&job_slug)).select(jobs::id).first(&mut c).unwrap();
    let skill_id = hireboard::models::skill::Skill::find_or_create(
        &mut c,
        &format!("Skill {ATTRIBUTE}"),
        Locale::EN,
    )
    .unwrap();
    let application_id = factories::ApplicationFactory::new(job_id)
        .name(&format!("Mallory {SCRIPT}"))
        .create(&mut c)
        .id;
    hireboard::models::comment::create(
        &mut c,
        "jobs",
        job_id,
        site.admin.id,
        &format!("Note {ATTRIBUTE} {SCRIPT}"),
    )
    .unwrap();
    // The hiring team's mail about that application, as the worker would keep it.
    let email = hireboard::mail::application::new_application(
        &hireboard::i18n::Messages::builtin(),
        &hireboard::mail::application::Notice {
            application_id,
            applicant: &format!("Mallory {SCRIPT}"),
            applicant_email: "mallory@example.org",
            cover_letter: &format!("Hello {ATTRIBUTE} {CLOSE_JSON}"),
            job_title: &format!("Engineer {CLOSE_JSON}"),
            to: "hiring@example.org",
            locale: Locale::EN,
        },
        &site.base,
    )
    .unwrap();
    let task = {
        use hireboard::tasks::Task;
        hireboard::tasks::noop::Noop::default().enqueue(&mut c).unwrap().unwrap()
    };
    hireboard::mail::store(&mut c, &email, task).unwrap();
    let mail_id: i64 = outbox_messages::table
        .select(outbox_messages::id)
        .order(outbox_messages::id.desc())
        .first(&mut c)
        .unwrap();
    site.state.search.rebuild(&mut c).unwrap();
    Planted {
        job_slug,
        job_id,
        company_slug: company.slug,
        company_id: company.id,
        skill_id,
        application_id,
        mail_id,
    }
}

#[actix_web::test]
async fn script_payloads_in_every_text_field_stay_text_in_chromium() {
    // Failures are gathered during the journey and asserted after it, once the browser is
    // closed: a panic inside the journey would leave Chromium running.
    let mut failures = Vec::new();
    run_journey(None, async |driver, site| xss_journey(driver, site, &mut failures).await).await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

async fn xss_journey(
    driver: &WebDriver,
    site: &Site,
    failures: &mut Vec<String>,
) -> WebDriverResult<()> {
    let p = plant(site);
    driver
        .cdp()
        .send_raw(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({ "source": WATCH_VIOLATIONS }),
        )
        .await?;
    driver.goto(format!("{}/admin/login", site.base)).await?;
    sign_in(driver, site).await?;
    wait_url(driver, |u| u.ends_with("/admin")).await;
    // (page, whether it shows a payload as text)
    let pages = [
        ("/en/".to_owned(), true),
        ("/en/jobs".to_owned(), true),
        ("/en/jobs?q=engineer".to_owned(), true),
        (format!("/en/jobs/{}", p.job_slug), true),
        (format!("/de/jobs/{}", p.job_slug), true),
        (format!("/en/companies/{}", p.company_slug), true),
        (format!("/de/companies/{}", p.company_slug), true),
        ("/admin".to_owned(), false),
        ("/admin/jobs".to_owned(), true),
        (format!("/admin/jobs/{}", p.job_id), true),
        (format!("/admin/jobs/{}/edit", p.job_id), false),
        (format!("/admin/jobs/{}/preview?lang=de", p.job_id), true),
        ("/admin/companies".to_owned(), true),
        (format!("/admin/companies/{}", p.company_id), true),
        (format!("/admin/companies/{}/edit", p.company_id), false),
        ("/admin/skills".to_owned(), true),
        (format!("/admin/skills/{}", p.skill_id), true),
        ("/admin/applications".to_owned(), true),
        (format!("/admin/applications/{}", p.application_id), true),
        ("/admin/applications/board".to_owned(), true),
        ("/admin/comments".to_owned(), true),
        ("/admin/audit_log".to_owned(), false),
        ("/admin/outbox".to_owned(), false),
        (format!("/admin/outbox/{}", p.mail_id), true),
        (format!("/admin/outbox/{}/html", p.mail_id), true),
    ];
    for (path, shows_payload) in &pages {
        driver.goto(format!("{}{path}", site.base)).await?;
        let found: Vec<String> = driver.execute(INSPECT, Vec::new()).await?.convert()?;
        let [ran, injected, inline, links, violations, shown] = &found[..] else {
            failures.push(format!("{path}: the page could not be inspected: {found:?}"));
            continue;
        };
        if ran != "0" {
            failures.push(format!("{path}: a payload ran ({ran})"));
        }
        if injected != "0" || inline != "0" || links != "0" {
            failures.push(format!(
                "{path}: {injected} injected elements, {inline} inline scripts, {links} javascript: links"
            ));
        }
        if !violations.is_empty() {
            failures.push(format!("{path}: CSP violations: {violations}"));
        }
        if *shows_payload && shown != "true" {
            failures.push(format!("{path}: the payload is not shown as text"));
        }
    }
    Ok(())
}
