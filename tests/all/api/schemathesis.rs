//! Schemathesis (PyPI) against the served OpenAPI document, on the real binary with the demo
//! data: requests generated for every operation from its schema, valid and not, with every
//! check (no server error, each status and body as documented, invalid data refused, valid
//! data accepted, no auth ignored). Once without a token, where every protected operation must
//! answer 401 and nothing else, then with a token of every scope. Each run is bounded in
//! time. Needs `st` (`pip install schemathesis`): skipped with a note without it, except in CI.

use std::process::Command;
use std::time::Duration;

use crate::support::process::Process;

/// Seconds each run may take.
const RUN_SECONDS: &str = "45";

/// What Schemathesis cannot know from a schema, said once for both runs.
const CONFIG: &str = r#"
# Every check (those of stateful runs aside: the document declares no links).
[checks]
not_a_server_error.enabled = true
status_code_conformance.enabled = true
content_type_conformance.enabled = true
response_schema_conformance.enabled = true
response_headers_conformance.enabled = true
positive_data_acceptance.enabled = true
negative_data_rejection.enabled = true
# A body with more parts than the form has fields is refused as too large before it is read
# (413, documented for every operation with a body): a rejection like the others.
negative_data_rejection.expected-statuses = [
  "400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429",
]
missing_required_header.enabled = true
unsupported_method.enabled = true
allow_header_conformance.enabled = true
ignored_auth.enabled = true

# A cursor is opaque: only those the API hands out in `next` are valid, which no schema can
# say; the generated requests start at the first slice.
[parameters]
"query.cursor" = ""
# A place's name is valid when a posting is in that city, which no schema can say either: the
# generated requests search around a point (and so sort by distance, with `radius` and
# `remote` generated).
"query.near" = "50.45,30.52"
# A box's edges must be in range and its south below its north: the whole world is one.
"query.bbox" = "-180,-90,180,90"

# The search filters are read as the search page reads them: values trimmed, blank ones
# ignored, repeated skills counted once. Stricter than the document they would refuse what the
# site's own links send; looser than it, generated "invalid" values are accepted. The checks
# that values are valid and answered stay on.
[[operations]]
include-path = "/api/v1/jobs"
include-method = "GET"
checks.negative_data_rejection.enabled = false

# A write is checked by the back office's form: a company's slug must exist, a rejection needs
# its reason, a posting's city or remote flag, and so on. A schema cannot hold these rules, so
# schema-valid bodies may rightly be refused (422, each field named); every other check runs.
[[operations]]
include-method-regex = "^(POST|PATCH|PUT)$"
checks.positive_data_acceptance.enabled = false
"#;

fn available() -> bool {
    let ok = Command::new("st").arg("--version").output().is_ok_and(|o| o.status.success());
    if !ok {
        assert!(std::env::var_os("CI").is_none(), "CI must install schemathesis (pip install)");
        eprintln!("note: Schemathesis run skipped: pip install schemathesis to run it");
    }
    ok
}

/// Runs `hireboard {args}` to its end with `settings`; what it printed.
fn hireboard(args: &[&str], settings: &[(&str, String)]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_hireboard"))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("RUST_LOG", "error")
        .envs(settings.iter().map(|(k, v)| (*k, v.as_str())))
        .output()
        .expect("run hireboard");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "hireboard {args:?}: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

/// Runs Schemathesis against `base`, its HAR report in `report`; panics with its output
/// when it finds a failure.
fn schemathesis(base: &str, report: &std::path::Path, token: Option<&str>) {
    let config = report.with_extension("toml");
    std::fs::write(&config, CONFIG).unwrap();
    let mut cmd = Command::new("st");
    cmd.arg("--config-file")
        .arg(&config)
        .args(["run", &format!("{base}/api/v1/openapi.json"), "--url", base])
        .args(["--phases", "examples,coverage,fuzzing"])
        // One worker: its generator (Hypothesis) parses Python source with `ast`, which is not
        // thread-safe on Python 3.11 ("AST constructor recursion depth mismatch" under load).
        .args(["--max-time", RUN_SECONDS, "--workers", "1"])
        .args(["--report", "har", "--report-dir"])
        .arg(report)
        .env("NO_COLOR", "1");
    if let Some(token) = token {
        cmd.args(["-H", &format!("Authorization: Bearer {token}")]);
    }
    // Its cache of found failures goes with the report, not into the working directory.
    let out = cmd.current_dir(report.parent().unwrap()).output().expect("run st");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "Schemathesis ({}) found failures:\n{text}{}",
        if token.is_some() { "with a token" } else { "without a token" },
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The protected operations of `doc`: (method, path template).
fn protected(doc: &serde_json::Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if op.get("security").is_some() {
                out.push((method.to_uppercase(), path.clone()));
            }
        }
    }
    out
}

/// Whether `path` is an address of `template` (`{…}` is one segment).
fn matches(template: &str, path: &str) -> bool {
    let (t, p): (Vec<_>, Vec<_>) = (template.split('/').collect(), path.split('/').collect());
    t.len() == p.len() && t.iter().zip(&p).all(|(t, p)| t.starts_with('{') || t == p)
}

#[test]
fn the_api_keeps_to_its_document_under_generated_requests() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let settings = vec![
        ("DATABASE_URL", format!("sqlite://{}", dir.path().join("st.db").display())),
        ("DATA_DIR", dir.path().display().to_string()),
        ("SECRET_KEY", "schemathesis-secret-".repeat(4)),
        // Generated requests come fast; the limit itself is tested elsewhere.
        ("API_RATE_LIMIT", "1000000".to_owned()),
    ];
    hireboard(&["seed"], &settings);
    let created = hireboard(
        &[
            "api-token",
            "create",
            "--name",
            "Schemathesis",
            "--scopes",
            "jobs:read,jobs:write,applications:read,applications:write,webhooks:write",
        ],
        &settings,
    );
    let token = created
        .split_whitespace()
        .find(|w| w.starts_with("hb_"))
        .expect("the token printed")
        .to_owned();
    let borrowed: Vec<(&str, &str)> = settings.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut server = Process::start("serve", &borrowed);
    server.wait_healthy(Duration::from_secs(30));
    let base = format!("http://{}", server.addr);

    let anonymous = dir.path().join("anonymous");
    schemathesis(&base, &anonymous, None);
    // Without a token, a protected operation answers 401 whatever was sent.
    let (status, _, response) = server.get("/api/v1/openapi.json");
    assert_eq!(status, 200);
    let doc: serde_json::Value =
        serde_json::from_str(response.split_once("\r\n\r\n").unwrap().1).unwrap();
    let protected = protected(&doc);
    assert!(protected.len() >= 10, "{protected:?}");
    let mut reached = 0;
    for report in std::fs::read_dir(&anonymous).unwrap() {
        let har: serde_json::Value =
            serde_json::from_slice(&std::fs::read(report.unwrap().path()).unwrap()).unwrap();
        for entry in har["log"]["entries"].as_array().unwrap() {
            let method = entry["request"]["method"].as_str().unwrap();
            let url = entry["request"]["url"].as_str().unwrap();
            let path = url.strip_prefix(&base).unwrap_or(url).split('?').next().unwrap();
            if protected.iter().any(|(m, t)| m == method && matches(t, path)) {
                reached += 1;
                let status = entry["response"]["status"].as_u64().unwrap();
                assert_eq!(status, 401, "{method} {url} without a token");
            }
        }
    }
    assert!(reached > 0, "no protected operation was tried");

    schemathesis(&base, &dir.path().join("with-token"), Some(&token));
    assert!(server.is_running(), "{}", server.output());
}
