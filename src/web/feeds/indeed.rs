//! `/feeds/indeed.xml`: every open posting in the XML format Indeed and most job aggregators
//! read, each in its original language. Streamed a batch at a time: a board of 100,000
//! postings writes a feed of several hundred megabytes, which no buffer should hold.

use actix_web::{HttpResponse, web};
use chrono::NaiveDateTime;
use futures_util::stream;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::models::job::syndication::{SyndicatedJob, open_after};
use crate::models::{EmploymentType, Workplace};
use crate::state::AppState;
use crate::web::json_ld::description_html;
use crate::web::view::salary_text;

/// Postings read and written per step: two queries each, a few megabytes of text at most.
const BATCH: i64 = 500;

pub async fn indeed(state: web::Data<AppState>) -> HttpResponse {
    let now = crate::db::now();
    let head = head(&state.config.base_url, &state.tr(crate::i18n::Locale::default()), now);
    // `after` is the last id written; `None` once the last batch was.
    let body = stream::unfold(Some(i64::MIN), move |after| {
        let state = state.clone();
        async move {
            let after = after?;
            let batch = super::super::with_conn(&state, move |conn| {
                Ok(open_after(conn, after, BATCH, now)?)
            })
            .await;
            Some(match batch {
                Ok(batch) => {
                    let next = if (batch.len() as i64) < BATCH {
                        None
                    } else {
                        batch.last().map(|j| j.job.id)
                    };
                    let mut xml = Vec::with_capacity(batch.len() * 4096);
                    for job in &batch {
                        write_job(&mut xml, &state, job);
                    }
                    if next.is_none() {
                        xml.extend_from_slice(b"</source>\n");
                    }
                    (Ok::<_, AppError>(web::Bytes::from(xml)), next)
                }
                // The connection is cut: a reader must not take half a feed for the whole.
                Err(e) => (Err(e), None),
            })
        }
    });
    let head = stream::once(async move { Ok::<_, AppError>(web::Bytes::from(head)) });
    HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .streaming(futures_util::StreamExt::chain(head, body))
}

/// The declaration and the `<source>` element's header, left open.
fn head(base_url: &str, tr: &Tr, now: NaiveDateTime) -> Vec<u8> {
    let mut w = Writer::new(Vec::new());
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)));
    let _ = w.write_event(Event::Text(BytesText::from_escaped("\n")));
    let _ = w.write_event(Event::Start(BytesStart::new("source")));
    element(&mut w, "publisher", &tr.t("site-name"));
    element(&mut w, "publisherurl", base_url);
    element(&mut w, "lastBuildDate", &rfc2822(now));
    let mut out = w.into_inner();
    out.push(b'\n');
    out
}

fn write_job(out: &mut Vec<u8>, state: &AppState, s: &SyndicatedJob) {
    let job = &s.job;
    let locale = job.original_locale();
    let tr = state.tr(locale);
    let headings = [tr.t("job-responsibilities"), tr.t("job-requirements"), tr.t("job-benefits")];
    let base = &state.config.base_url;
    let mut w = Writer::new(std::mem::take(out));
    let _ = w.write_event(Event::Start(BytesStart::new("job")));
    element(&mut w, "title", &job.title);
    element(&mut w, "date", &rfc2822(job.published_at.unwrap_or(job.created_at)));
    element(&mut w, "referencenumber", &job.id.to_string());
    element(&mut w, "url", &format!("{base}/{locale}/jobs/{}", job.slug));
    element(&mut w, "company", &s.company_name);
    element(&mut w, "sourcename", &s.company_name);
    element(&mut w, "city", job.city.as_deref().unwrap_or_default());
    // The board keeps no region; the format asks for the element all the same.
    element(&mut w, "state", "");
    element(&mut w, "country", job.country_code.as_deref().unwrap_or_default());
    if let Some(street) = &job.street_address {
        element(&mut w, "streetaddress", street);
    }
    element(&mut w, "description", &description_html(&job.text(), &headings));
    if let Some(salary) = job.salary() {
        element(&mut w, "salary", &salary_text(&tr, &salary));
    }
    element(&mut w, "jobtype", job_type(job.employment_type));
    if !s.skills.is_empty() {
        element(&mut w, "category", &s.skills.join(", "));
    }
    match job.workplace {
        Workplace::Remote => element(&mut w, "remotetype", "Fully remote"),
        Workplace::Hybrid => element(&mut w, "remotetype", "Hybrid remote"),
        Workplace::Onsite => {}
    }
    let _ = w.write_event(Event::End(BytesEnd::new("job")));
    *out = w.into_inner();
    out.push(b'\n');
}

/// `<name>text</name>`, the text escaped and stripped of what XML 1.0 cannot carry.
fn element(w: &mut Writer<Vec<u8>>, name: &str, text: &str) {
    let text: String = text.chars().filter(|c| is_xml_char(*c)).collect();
    // Writing to a Vec cannot fail.
    let _ = w.create_element(name).write_text_content(BytesText::new(&text));
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Indeed's job types.
fn job_type(t: EmploymentType) -> &'static str {
    match t {
        EmploymentType::FullTime => "fulltime",
        EmploymentType::PartTime => "parttime",
        EmploymentType::Contract => "contract",
        EmploymentType::Internship => "internship",
        EmploymentType::Temporary => "temporary",
    }
}

/// The format's dates: RFC 2822 in GMT.
fn rfc2822(d: NaiveDateTime) -> String {
    d.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_loses_only_what_xml_cannot_carry() {
        let mut w = quick_xml::Writer::new(Vec::new());
        super::element(&mut w, "title", "Tom & <Jerry>\u{0B}\u{1F600}");
        let xml = String::from_utf8(w.into_inner()).unwrap();
        assert_eq!(xml, "<title>Tom &amp; &lt;Jerry&gt;\u{1F600}</title>");
    }
}
