//! Partners' feeds read into postings: Greenhouse's job-board JSON
//! (`boards-api.greenhouse.io/v1/boards/{board}/jobs?content=true`) and the Indeed-style XML
//! that applicant-tracking systems publish (and `/feeds/indeed.xml` writes). Descriptions come
//! as HTML; the board keeps plain text.

use quick_xml::Reader;
use quick_xml::events::Event;
use serde::Deserialize;

use crate::models::{EmploymentType, Workplace};

/// The most postings one feed may hold: more is not a company's careers page.
pub const MAX_POSTINGS: usize = 10_000;
/// The form's limits: longer texts are cut at a word.
const MAX_TITLE: usize = 200;
const MAX_SUMMARY: usize = 2000;
const MAX_CITY: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedFormat {
    Greenhouse,
    Indeed,
}

impl FeedFormat {
    pub const ALL: [FeedFormat; 2] = [FeedFormat::Greenhouse, FeedFormat::Indeed];

    pub fn as_str(self) -> &'static str {
        match self {
            FeedFormat::Greenhouse => "greenhouse",
            FeedFormat::Indeed => "indeed",
        }
    }

    pub fn parse(text: &str) -> Option<FeedFormat> {
        FeedFormat::ALL.into_iter().find(|f| f.as_str() == text)
    }

    /// Fluent id of the format's name.
    pub fn label(self) -> &'static str {
        match self {
            FeedFormat::Greenhouse => "feed-format-greenhouse",
            FeedFormat::Indeed => "feed-format-indeed",
        }
    }
}

/// A posting as a feed has it, in the board's terms.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedPosting {
    /// The feed's own id: the same id updates the same posting.
    pub id: String,
    pub title: String,
    /// The description as plain text.
    pub summary: String,
    pub city: String,
    /// ISO 3166 alpha-2, when the feed names a country the board knows.
    pub country_code: String,
    pub employment_type: Option<EmploymentType>,
    pub workplace: Option<Workplace>,
}

/// Why a feed could not be read. Nothing is changed on the board when one is.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParseError {
    #[error("not a {format} feed: {detail}")]
    Syntax { format: &'static str, detail: String },
    #[error("more than {max} postings")]
    TooMany { max: usize },
}

impl ParseError {
    /// Fluent id and arguments, for the run log.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            ParseError::Syntax { .. } => ("feed-error-syntax", Vec::new()),
            ParseError::TooMany { max } => ("feed-error-too-many", vec![("max", max.to_string())]),
        }
    }
}

/// The postings of a feed in `format`. Postings without an id or a title are left out (a feed
/// keeps its drafts there too); the first of two with the same id counts.
pub fn parse(format: FeedFormat, body: &[u8]) -> Result<Vec<FeedPosting>, ParseError> {
    let postings = match format {
        FeedFormat::Greenhouse => greenhouse(body)?,
        FeedFormat::Indeed => indeed(body)?,
    };
    let mut seen = std::collections::HashSet::new();
    Ok(postings
        .into_iter()
        .filter(|p| !p.id.is_empty() && !p.title.is_empty())
        .filter(|p| seen.insert(p.id.clone()))
        .collect())
}

#[derive(Deserialize)]
struct GreenhouseBoard {
    jobs: Vec<GreenhouseJob>,
}

#[derive(Deserialize)]
struct GreenhouseJob {
    id: serde_json::Value,
    #[serde(default)]
    title: String,
    /// HTML, itself HTML-escaped (`&lt;p&gt;`), as the job board API sends it.
    #[serde(default)]
    content: String,
    #[serde(default)]
    location: Option<GreenhouseLocation>,
}

#[derive(Deserialize)]
struct GreenhouseLocation {
    #[serde(default)]
    name: String,
}

fn greenhouse(body: &[u8]) -> Result<Vec<FeedPosting>, ParseError> {
    let syntax =
        |e: serde_json::Error| ParseError::Syntax { format: "Greenhouse", detail: e.to_string() };
    let board: GreenhouseBoard = serde_json::from_slice(body).map_err(syntax)?;
    if board.jobs.len() > MAX_POSTINGS {
        return Err(ParseError::TooMany { max: MAX_POSTINGS });
    }
    Ok(board
        .jobs
        .into_iter()
        .map(|job| {
            let id = match job.id {
                serde_json::Value::String(s) => s,
                serde_json::Value::Number(n) => n.to_string(),
                _ => String::new(),
            };
            // Escaped once more than HTML: the first reading yields the HTML.
            let html =
                if job.content.contains("&lt;") { plain_text(&job.content) } else { job.content };
            let location = job.location.map(|l| l.name).unwrap_or_default();
            let (city, country_code, workplace) = place(&location, "");
            FeedPosting {
                id: id.trim().to_owned(),
                title: cut(job.title.trim(), MAX_TITLE),
                summary: cut(&plain_text(&html), MAX_SUMMARY),
                city,
                country_code,
                employment_type: None,
                workplace,
            }
        })
        .collect())
}

fn indeed(body: &[u8]) -> Result<Vec<FeedPosting>, ParseError> {
    let syntax = |detail: String| ParseError::Syntax { format: "Indeed XML", detail };
    let body = String::from_utf8_lossy(body);
    let mut reader = Reader::from_str(&body);
    let mut postings = Vec::new();
    // The fields of the `<job>` being read, and the text of its element being read.
    let mut job: Option<Vec<(String, String)>> = None;
    let mut element = String::new();
    let mut text = String::new();
    let mut root = None;
    loop {
        let event = reader.read_event().map_err(|e| syntax(e.to_string()))?;
        match event {
            Event::Start(start) => {
                let name = start.local_name().as_ref().to_owned();
                if root.is_none() {
                    root = Some(name.clone());
                }
                if name == "job" {
                    if postings.len() >= MAX_POSTINGS {
                        return Err(ParseError::TooMany { max: MAX_POSTINGS });
                    }
                    job = Some(Vec::new());
                } else if job.is_some() {
                    element = name;
                    text.clear();
                }
            }
            Event::Text(t) if job.is_some() => text.push_str(&t.xml10_content()),
            Event::CData(c) if job.is_some() => {
                let content: &str = &c;
                text.push_str(content);
            }
            Event::GeneralRef(r) if job.is_some() => {
                match r.resolve_char_ref().map_err(|e| syntax(e.to_string()))? {
                    Some(c) => text.push(c),
                    None => {
                        let name: &str = &r;
                        let resolved = quick_xml::escape::resolve_xml_entity(name)
                            .ok_or_else(|| syntax(format!("unknown entity &{name};")))?;
                        text.push_str(resolved);
                    }
                }
            }
            Event::End(end) => {
                let name = end.local_name();
                if name.as_ref() == "job" {
                    if let Some(fields) = job.take() {
                        postings.push(indeed_posting(&fields));
                    }
                } else if let Some(fields) = job.as_mut()
                    && name.as_ref() == element
                {
                    fields.push((std::mem::take(&mut element), std::mem::take(&mut text)));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if root.as_deref() != Some("source") {
        return Err(syntax(format!("the root element is {root:?}, not <source>")));
    }
    Ok(postings)
}

fn indeed_posting(fields: &[(String, String)]) -> FeedPosting {
    let get = |name: &str| {
        fields.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map_or("", |(_, v)| v.trim())
    };
    let (city, country_code, mut workplace) = place(get("city"), get("country"));
    let remote = get("remotetype").to_lowercase();
    if remote.contains("hybrid") {
        workplace = Some(Workplace::Hybrid);
    } else if remote.contains("remote") {
        workplace = Some(Workplace::Remote);
    }
    let kind = get("jobtype").to_lowercase().replace(['-', ' ', '_'], "");
    let employment_type = match kind.as_str() {
        "fulltime" => Some(EmploymentType::FullTime),
        "parttime" => Some(EmploymentType::PartTime),
        "contract" | "contractor" => Some(EmploymentType::Contract),
        "internship" | "intern" => Some(EmploymentType::Internship),
        "temporary" | "temp" => Some(EmploymentType::Temporary),
        _ => None,
    };
    FeedPosting {
        id: get("referencenumber").to_owned(),
        title: cut(get("title"), MAX_TITLE),
        summary: cut(&plain_text(get("description")), MAX_SUMMARY),
        city,
        country_code,
        employment_type,
        workplace,
    }
}

/// A location line ("Berlin, Germany", "Remote - EU", "Kyiv") and a country element (code or
/// name) as city, country code and, when it says so, remote work.
fn place(location: &str, country: &str) -> (String, String, Option<Workplace>) {
    let lower = location.to_lowercase();
    let workplace = if lower.contains("hybrid") {
        Some(Workplace::Hybrid)
    } else if lower.contains("remote") {
        Some(Workplace::Remote)
    } else {
        None
    };
    let mut parts: Vec<&str> =
        location.split([',', ';']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let mut code = country_code(country);
    if code.is_empty()
        && parts.len() > 1
        && let Some(last) = parts.last()
    {
        code = country_code(last);
        if !code.is_empty() {
            parts.pop();
        }
    }
    let city = match (workplace, parts.first()) {
        (Some(Workplace::Remote), _) | (_, None) => String::new(),
        (_, Some(first)) => cut(first, MAX_CITY),
    };
    (city, code, workplace)
}

/// A country's ISO code from its code or its name in one of the board's languages.
fn country_code(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        return String::new();
    }
    let all = crate::i18n::countries::all();
    if let Some(code) = all.iter().find(|c| c.as_str().eq_ignore_ascii_case(text)) {
        return code.as_str().to_owned();
    }
    for locale in crate::i18n::Locale::all() {
        for code in all.iter() {
            let name = crate::i18n::countries::name(*locale, code.as_str());
            if name.is_some_and(|n| n.eq_ignore_ascii_case(text)) {
                return code.as_str().to_owned();
            }
        }
    }
    String::new()
}

/// HTML as text: paragraphs and list items on lines of their own, entities decoded, nothing
/// wrapped.
pub fn plain_text(html: &str) -> String {
    let text = html2text::config::plain_no_decorate()
        .string_from_read(html.as_bytes(), 10_000)
        .unwrap_or_else(|_| html.to_owned());
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in lines {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = 0;
    }
    out
}

/// `text` within `max` characters: cut at the last space before the limit, with an ellipsis.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let head: String = text.chars().take(max - 1).collect();
    let end = head.rfind(char::is_whitespace).filter(|&i| i > max / 2).unwrap_or(head.len());
    format!("{}…", head[..end].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GREENHOUSE: &str = r#"{"jobs":[
        {"id":127817,"title":"Vault Designer","updated_at":"2016-01-14T10:55:28-05:00",
         "location":{"name":"Berlin, Germany"},
         "content":"&lt;p&gt;Design vaults.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Steel&lt;/li&gt;&lt;li&gt;Caf&amp;eacute;&lt;/li&gt;&lt;/ul&gt;"},
        {"id":"55","title":"Remote Engineer","location":{"name":"Remote"},"content":""},
        {"id":127817,"title":"Duplicate","content":""},
        {"id":9,"title":"","content":"no title"}
    ],"meta":{"total":4}}"#;

    #[test]
    fn greenhouse_boards_give_their_postings_as_text() {
        let postings = parse(FeedFormat::Greenhouse, GREENHOUSE.as_bytes()).unwrap();
        assert_eq!(postings.len(), 2, "{postings:?}");
        let vault = &postings[0];
        assert_eq!(vault.id, "127817");
        assert_eq!(vault.title, "Vault Designer");
        assert_eq!((vault.city.as_str(), vault.country_code.as_str()), ("Berlin", "DE"));
        assert!(vault.summary.starts_with("Design vaults."), "{}", vault.summary);
        assert!(vault.summary.contains("Steel") && vault.summary.contains("Café"));
        assert!(!vault.summary.contains('<') && !vault.summary.contains("&lt;"));
        assert_eq!(postings[1].workplace, Some(Workplace::Remote));
        assert_eq!(postings[1].city, "");
    }

    #[test]
    fn indeed_xml_gives_its_postings_with_types_and_places() {
        let xml = r#"<?xml version="1.0" encoding="utf-8"?>
            <source><publisher>ATS</publisher>
            <job><title><![CDATA[Baker & Pastry Chef]]></title><referencenumber>b-1</referencenumber>
              <city>Lviv</city><country>UA</country>
              <description><![CDATA[<p>Bread &amp; <b>cakes</b>.</p>]]></description>
              <jobtype>part-time</jobtype><remotetype>Hybrid remote</remotetype></job>
            <job><title>Tester &amp; Analyst</title><referencenumber>b-2</referencenumber>
              <city>Wien</city><country>Österreich</country>
              <description>&lt;p&gt;Tests.&lt;/p&gt;</description><jobtype>contract</jobtype></job>
            </source>"#;
        let postings = parse(FeedFormat::Indeed, xml.as_bytes()).unwrap();
        assert_eq!(postings.len(), 2);
        assert_eq!(postings[0].title, "Baker & Pastry Chef");
        assert_eq!(postings[0].summary, "Bread & cakes.");
        assert_eq!(postings[0].employment_type, Some(EmploymentType::PartTime));
        assert_eq!(postings[0].workplace, Some(Workplace::Hybrid));
        assert_eq!((postings[0].city.as_str(), postings[0].country_code.as_str()), ("Lviv", "UA"));
        assert_eq!(postings[1].title, "Tester & Analyst");
        assert_eq!(postings[1].summary, "Tests.");
        assert_eq!(postings[1].country_code, "AT");
        assert_eq!(postings[1].employment_type, Some(EmploymentType::Contract));
    }

    #[test]
    fn broken_and_foreign_documents_are_refused() {
        for (format, body) in [
            (FeedFormat::Greenhouse, "<html>"),
            (FeedFormat::Greenhouse, r#"{"data":[]}"#),
            (FeedFormat::Indeed, "{\"jobs\":[]}"),
            (FeedFormat::Indeed, "<html><body>Not found</body></html>"),
            (FeedFormat::Indeed, "<source><job><title>x</job></source>"),
        ] {
            let parsed = parse(format, body.as_bytes());
            assert!(matches!(parsed, Err(ParseError::Syntax { .. })), "{body}: {parsed:?}");
        }
        let many = format!("<source>{}</source>", "<job></job>".repeat(MAX_POSTINGS + 1));
        assert_eq!(
            parse(FeedFormat::Indeed, many.as_bytes()),
            Err(ParseError::TooMany { max: MAX_POSTINGS })
        );
    }

    #[test]
    fn long_texts_are_cut_at_a_word() {
        let long = "word ".repeat(1000);
        let cut = cut(&long, MAX_SUMMARY);
        assert!(cut.chars().count() <= MAX_SUMMARY);
        assert!(cut.ends_with("word…"), "{cut}");
    }
}
