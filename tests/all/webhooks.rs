//! Webhook signatures, checked by an independent implementation: the Standard Webhooks
//! package from PyPI (`pip install standardwebhooks`), run as a separate process.

use std::io::Write;
use std::process::{Command, Stdio};

use hireboard::webhooks::signature::{new_secret, sign};

const VERIFY: &str = r#"
import json, sys
from standardwebhooks.webhooks import Webhook
case = json.load(sys.stdin)
try:
    Webhook(case["secret"]).verify(case["body"], {
        "webhook-id": case["id"],
        "webhook-timestamp": str(case["timestamp"]),
        "webhook-signature": case["signature"],
    })
    print("valid")
except Exception as e:
    print("invalid: %s" % e)
"#;

/// What the reference implementation says of one signed delivery; `None` when it is not
/// installed (allowed outside CI only).
fn reference_verdict(
    secret: &str,
    id: &str,
    timestamp: i64,
    body: &str,
    signature: &str,
) -> Option<String> {
    let available = Command::new("python3")
        .args(["-c", "import standardwebhooks"])
        .status()
        .is_ok_and(|s| s.success());
    if !available {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install the standardwebhooks Python package"
        );
        eprintln!("note: signature cross-check skipped: pip install standardwebhooks to run it");
        return None;
    }
    let mut child = Command::new("python3")
        .args(["-c", VERIFY])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3");
    let case = serde_json::json!({
        "secret": secret, "id": id, "timestamp": timestamp, "body": body, "signature": signature,
    });
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(case.to_string().as_bytes())
        .expect("write the case");
    let out = child.wait_with_output().expect("python3 output");
    Some(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

#[test]
fn the_reference_implementation_accepts_our_signatures_and_rejects_tampering() {
    let secret = new_secret();
    let id = "msg_42";
    let timestamp = chrono::Utc::now().timestamp();
    let body = r#"{"type":"job.published","timestamp":"2026-11-28T12:00:00+00:00","data":{"id":42,"title":"Tug Captain – Hamburg"}}"#;
    let signature = sign(&secret, id, timestamp, body).expect("a signature");
    let Some(verdict) = reference_verdict(&secret, id, timestamp, body, &signature) else {
        return;
    };
    assert_eq!(verdict, "valid");
    let tampered = body.replace("42", "43");
    let verdict = reference_verdict(&secret, id, timestamp, &tampered, &signature);
    assert!(verdict.is_some_and(|v| v.starts_with("invalid")));
    let other = reference_verdict(&new_secret(), id, timestamp, body, &signature);
    assert!(other.is_some_and(|v| v.starts_with("invalid")));
}
