//! schema.org `JobPosting` structured data for Google for Jobs.

use std::fmt;

use serde_json::{Value, json};

use crate::i18n::Locale;
use crate::models::Workplace;
use crate::models::job::{JobPage, JobText, section_items};

/// Serialized JSON-LD, safe to place inside `<script type="application/ld+json">`: every `<`,
/// `>` and `&` is written as a JSON escape, so no text can close the element.
#[derive(Debug, Clone)]
pub struct JsonLd(String);

impl JsonLd {
    pub fn new(value: &Value) -> JsonLd {
        let text = value.to_string();
        JsonLd(text.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026"))
    }
}

impl fmt::Display for JsonLd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// Escaped above for the only context it is used in.
impl askama::filters::HtmlSafe for JsonLd {}

fn html_list(items: &[String]) -> String {
    let mut out = String::from("<ul>");
    for item in items {
        out.push_str("<li>");
        out.push_str(&escape_html(item));
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    out
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A posting's text as the HTML that job search engines and aggregators take: the summary, then
/// each section that has items as a heading over a list. `headings` are in the text's language.
pub fn description_html(text: &JobText, headings: &[String; 3]) -> String {
    let mut description = format!("<p>{}</p>", escape_html(&text.summary));
    let sections = [&text.responsibilities, &text.requirements, &text.benefits];
    for (heading, section) in headings.iter().zip(sections) {
        let items = section_items(section);
        if !items.is_empty() {
            description.push_str(&format!(
                "<h3>{}</h3>{}",
                escape_html(heading),
                html_list(&items)
            ));
        }
    }
    description
}

/// The `JobPosting` of an open posting, in the page's language. `url` is the page's own URL.
pub fn job_posting(
    page: &JobPage,
    locale: Locale,
    url: &str,
    base_url: &str,
    headings: [String; 3],
    city: Option<&str>,
) -> Value {
    let job = &page.job;
    let text = &page.content.value;
    let description = description_html(text, &headings);
    let date =
        |d: chrono::NaiveDateTime| d.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut posting = json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": text.title,
        "description": description,
        "inLanguage": page.content.lang.as_str(),
        "identifier": {"@type": "PropertyValue", "name": "Hireboard", "value": job.id.to_string()},
        "datePosted": job.published_at.map(date),
        "validThrough": job.valid_through.map(date),
        "employmentType": job.employment_type.schema_org(),
        "directApply": true,
        "url": url,
        "hiringOrganization": {
            "@type": "Organization",
            "name": page.company.name,
            "sameAs": super::view::web_link(page.company.website.as_deref())
                .unwrap_or_else(|| format!("{base_url}/{}/companies/{}", locale.as_str(), page.company.slug)),
        },
        "skills": page.skills.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(", "),
    });
    // Google shows the hiring organization's logo beside the posting.
    if let Some(logo) = page.company.logo_url("medium") {
        posting["hiringOrganization"]["logo"] = json!(format!("{base_url}{logo}"));
    }
    let place = || {
        let mut place = json!({
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": city,
                "addressCountry": job.country_code,
            },
        });
        if let Some(street) = &job.street_address {
            place["address"]["streetAddress"] = json!(street);
        }
        place
    };
    if job.workplace == Workplace::Remote {
        posting["jobLocationType"] = json!("TELECOMMUTE");
        let countries = job.remote_countries();
        // Without requirements Google takes a remote role as open to the country of its
        // `jobLocation` only. Schema.org has no value for the whole world: a role open
        // anywhere names it as an area, as remote boards do.
        posting["applicantLocationRequirements"] = if countries.is_empty() {
            json!([{"@type": "AdministrativeArea", "name": "Worldwide"}])
        } else {
            Value::Array(countries.iter().map(|c| json!({"@type": "Country", "name": c})).collect())
        };
        if job.city.is_some() {
            posting["jobLocation"] = place();
        }
    } else {
        posting["jobLocation"] = place();
    }
    if let Some(salary) = job.salary() {
        let mut value =
            json!({"@type": "QuantitativeValue", "unitText": salary.period.schema_org()});
        match (salary.min, salary.max) {
            (Some(min), Some(max)) => {
                value["minValue"] = json!(min);
                value["maxValue"] = json!(max);
            }
            (Some(v), None) | (None, Some(v)) => value["value"] = json!(v),
            (None, None) => {}
        }
        posting["baseSalary"] =
            json!({"@type": "MonetaryAmount", "currency": salary.currency, "value": value});
    }
    posting
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_breakouts_are_escaped() {
        let ld = JsonLd::new(&json!({"title": "</script><script>alert(1)</script> & co"}));
        let text = ld.to_string();
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'), "{text}");
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["title"], "</script><script>alert(1)</script> & co");
    }
}
