//! A cell of a list or show page, made ready for the template: text, link, status tag, date,
//! image, code, paragraphs or translation states.

use crate::admin::resource::Cell;
use crate::i18n::Tr;

pub struct CellView {
    pub text: String,
    pub url: Option<String>,
    pub status: Option<&'static str>,
    pub numeric: bool,
    pub code: bool,
    pub image: Option<String>,
    /// A date or time: kept on one line.
    pub date: bool,
    /// Shown as these paragraphs instead of `text`.
    pub paragraphs: Vec<String>,
    /// Translation states instead of `text`: (language code, state, label).
    pub translations: Vec<(&'static str, &'static str, String)>,
}

pub fn cell_view(cell: Cell, tr: &Tr) -> CellView {
    let plain = |text: String| CellView {
        text,
        url: None,
        status: None,
        numeric: false,
        code: false,
        image: None,
        date: false,
        paragraphs: Vec::new(),
        translations: Vec::new(),
    };
    let date = |text: String| CellView { date: true, ..plain(text) };
    match cell {
        Cell::Text(t) => plain(t),
        Cell::Link(t, url) => CellView { url: Some(url), ..plain(t) },
        Cell::Status(kind, label) => CellView { status: Some(kind), ..plain(label) },
        Cell::Date(d) => date(d.map(|d| tr.date(&d)).unwrap_or_default()),
        Cell::DateTime(d) => date(d.map(|d| tr.date_time(&d)).unwrap_or_default()),
        Cell::Email(address) => CellView { url: Some(mailto(&address)), ..plain(address) },
        Cell::Translations(states) => CellView {
            translations: states
                .into_iter()
                .map(|(locale, state)| {
                    (
                        locale.as_str(),
                        state.as_str(),
                        tr.t(&format!("admin-translation-{}", state.as_str())),
                    )
                })
                .collect(),
            ..plain(String::new())
        },
        Cell::Paragraphs(text) => {
            CellView { paragraphs: crate::web::view::paragraphs(&text), ..plain(text) }
        }
        Cell::Code(text) => CellView { code: true, ..plain(text) },
        Cell::Number(n) => {
            CellView { numeric: true, ..plain(n.map(|n| tr.number(n)).unwrap_or_default()) }
        }
        Cell::Image(image) => match image {
            Some((url, alt)) => CellView { image: Some(url), ..plain(alt) },
            None => plain(String::new()),
        },
        Cell::Bool(b) => plain(tr.t(if b { "admin-filter-yes" } else { "admin-filter-no" })),
    }
}

/// A `mailto:` address for `address`, every character but the address's own ones
/// percent-encoded: a stored `?` or `&` cannot add a subject, a body or more recipients.
fn mailto(address: &str) -> String {
    let mut out = String::from("mailto:");
    for byte in address.bytes() {
        if byte.is_ascii_alphanumeric() || b"@.-_+".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod mailto_tests {
    #[test]
    fn a_stored_address_cannot_add_headers_to_its_mail_link() {
        assert_eq!(super::mailto("a.b+c@example.org"), "mailto:a.b+c@example.org");
        assert_eq!(
            super::mailto("x@example.org?bcc=y@evil.example&body=hi"),
            "mailto:x@example.org%3Fbcc%3Dy@evil.example%26body%3Dhi"
        );
    }
}
