//! People read words, never message ids: no back-office page shows a Fluent id as text (a
//! label passed on untranslated, as the alerts' frequency filter once did).

use std::collections::BTreeSet;

use actix_web::http::{Method, StatusCode};

use crate::admin::roles;
use crate::support::{AdminFactory, TestApp};

/// Every message id of the English catalogue.
fn message_ids() -> BTreeSet<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en");
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            if let Some((id, _)) = line.split_once(" = ")
                && !id.is_empty()
                && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                ids.insert(id.to_owned());
            }
        }
    }
    ids
}

/// The words a person sees on the page: its text outside scripts and styles, and outside
/// what the page marks as identifiers not to translate (`translate="no"`: the translators'
/// workspace names messages by their ids on purpose).
fn visible_words(body: &str) -> Vec<String> {
    let html = scraper::Html::parse_document(body);
    let mut words = Vec::new();
    for node in html.root_element().descendants() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let hidden = node.ancestors().any(|a| {
            a.value().as_element().is_some_and(|e| {
                matches!(e.name(), "script" | "style" | "title")
                    || e.attr("translate") == Some("no")
            })
        });
        if hidden {
            continue;
        }
        words.extend(
            text.split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_owned()),
        );
    }
    words
}

#[actix_web::test]
async fn no_back_office_page_shows_a_message_id() {
    let ids = message_ids();
    assert!(ids.len() > 300, "{} ids", ids.len());
    let app = TestApp::sqlite();
    let admin = app.with_conn(|c| AdminFactory::new().create(c));
    let seeded = roles::seed(&app);
    app.sign_in_as(&admin).await;
    let mut pages = 0;
    let mut failures = Vec::new();
    for (method, path, _, _) in roles::routes() {
        if method != Method::GET {
            continue;
        }
        let path = roles::fill(path, &seeded);
        let res = app.get(&path).await;
        if res.status != StatusCode::OK
            || !res.header("content-type").unwrap_or_default().starts_with("text/html")
        {
            continue;
        }
        pages += 1;
        let shown: BTreeSet<String> =
            visible_words(&res.body).into_iter().filter(|w| ids.contains(w)).collect();
        if !shown.is_empty() {
            failures.push(format!("{path}: {shown:?}"));
        }
    }
    assert!(pages > 30, "only {pages} pages checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
