//! A fleet started at once all comes up: one process generates the key, migrates, seeds and
//! creates the first admin; the others wait for it and go on.

use std::time::Duration;

use crate::support::process::Process;

/// Starts two `serve` and one `worker` process together on `database_url` (SQLite in the
/// data directory when None) and checks that they all run on the same key and data.
fn three_processes_start_together(database_url: Option<&str>) {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().display().to_string();
    let mut settings = vec![
        ("DATA_DIR", data_dir.as_str()),
        ("WORKER_CONCURRENCY", "1"),
        ("SEARCH_REFRESH_MS", "100"),
    ];
    if let Some(url) = database_url {
        settings.push(("DATABASE_URL", url));
    }
    let mut processes = [
        Process::start("serve", &settings),
        Process::start("worker", &settings),
        Process::start("serve", &settings),
    ];
    for p in [0, 2] {
        processes[p].wait_healthy(Duration::from_secs(180));
    }
    std::thread::sleep(Duration::from_millis(500));
    assert!(processes[1].is_running(), "the worker is still running");
    // Exactly one of them created the first admin, and printed its password once.
    let outputs: Vec<String> = processes.iter().map(Process::output).collect();
    let created: Vec<&String> =
        outputs.iter().filter(|o| o.contains("First admin created")).collect();
    assert_eq!(created.len(), 1, "{outputs:?}");
    let password = created[0]
        .lines()
        .find_map(|l| l.trim().strip_prefix("password:"))
        .expect("the password line")
        .trim()
        .to_owned();
    // Both servers see the same data, seeded once (the one that did not seed picks it up
    // within its SEARCH_REFRESH_MS).
    let companies = |p: &Process| p.get("/sitemaps/companies.xml").2.matches("<url>").count();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while companies(&processes[0]) != companies(&processes[2]) {
        assert!(std::time::Instant::now() < deadline, "the servers disagree");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(companies(&processes[0]) > 10, "the demo companies");
    // …and the same key: a session made by one is good on the other.
    let (_, cookie, page) = processes[0].get("/admin/login");
    let token = page
        .split("name=\"_csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("the sign-in form's token")
        .to_owned();
    let (status, cookie, _) = processes[0].post_form(
        "/admin/login",
        &cookie,
        &[("_csrf", &token), ("email", "admin@hireboard.local"), ("password", &password)],
    );
    assert_eq!(status, 303, "signed in");
    let (status, _, _) = processes[2].get_with_cookie("/admin", &cookie);
    assert_eq!(status, 200, "the other server reads the session");
    // The generated key and the database are the owner's alone.
    if database_url.is_none() {
        crate::cli::assert_owner_only(&data.path().join("secret_key"));
        crate::cli::assert_owner_only(&data.path().join("hireboard.db"));
    }
}

#[test]
fn a_fleet_started_at_once_on_sqlite_all_comes_up() {
    three_processes_start_together(None);
}

#[test]
fn a_fleet_started_at_once_on_postgres_all_comes_up() {
    let Some((_schema, url)) = crate::support::app::fresh_postgres() else {
        return;
    };
    three_processes_start_together(Some(&url));
}
