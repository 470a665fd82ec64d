//! `GET /admin/{resource}/export.{csv,xlsx,json}`: the filtered set (every page, the current
//! scope and filters), streamed. Rows are read in id order, a thousand at a time, by a thread
//! of their own, so memory stays flat whatever the number of rows and the export does not
//! hold one of the request threads.

use std::pin::Pin;
use std::task::{Context, Poll};

use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::NaiveDateTime;

use super::CurrentAdmin;
use super::resource::{ListQuery, Resource, parse_list_query};
use crate::auth::policy::Action;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;

/// A value in an export, typed so that XLSX cells get numbers and dates, not text.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Int(i64),
    Date(NaiveDateTime),
    Empty,
}

impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(v)
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(v.to_owned())
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(v)
    }
}

impl From<NaiveDateTime> for Value {
    fn from(v: NaiveDateTime) -> Value {
        Value::Date(v)
    }
}

/// Nothing, or the value.
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Empty, Into::into)
    }
}

impl Value {
    fn to_text(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Int(n) => n.to_string(),
            Value::Date(d) => d.format("%Y-%m-%d %H:%M:%S").to_string(),
            Value::Empty => String::new(),
        }
    }
}

/// Rows read per query.
pub const BATCH: i64 = 1000;

/// Spreadsheet programs run a cell that starts with one of these as a formula (CSV
/// injection): such text gets a leading apostrophe, which they show as text.
pub fn defuse(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Xlsx,
    Json,
}

pub async fn export(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<(String, String)>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (name, format) = path.into_inner();
    let resource = super::resources::find(&name).ok_or(AppError::NotFound)?;
    let format = match format.as_str() {
        "csv" => Format::Csv,
        "xlsx" => Format::Xlsx,
        "json" => Format::Json,
        _ => return Err(AppError::NotFound),
    };
    admin.require(resource.area(), Action::View)?;
    let tr = admin.tr.clone();
    let query = parse_list_query(resource, req.query_string(), &tr, admin.viewer());
    let columns = resource.export_columns();
    if columns.is_empty() {
        return Err(AppError::NotFound);
    }
    let headers: Vec<String> = columns.iter().map(|(_, label)| tr.t(label)).collect();
    let keys: Vec<&'static str> = columns.iter().map(|(key, _)| *key).collect();
    let filename = format!(
        "{}-{}.{}",
        resource.name(),
        crate::db::now().format("%Y%m%d-%H%M"),
        match format {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
        }
    );
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::Filename(filename)],
    };
    log::info!("admin user {} exports {}", admin.user.id, resource.name());
    match format {
        Format::Xlsx => {
            let pool = state.pool.clone();
            let file =
                web::block(move || write_xlsx(&pool, resource, &query, &tr, &headers)).await??;
            Ok(HttpResponse::Ok()
                .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .insert_header((header::CONTENT_DISPOSITION, disposition))
                .streaming(FileStream { file, buf: vec![0; 64 * 1024] }))
        }
        Format::Csv | Format::Json => {
            let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, AppError>>(4);
            let pool = state.pool.clone();
            std::thread::Builder::new()
                .name("export".into())
                .spawn(move || {
                    let outcome =
                        stream_rows(&pool, resource, &query, &tr, format, &headers, &keys, &tx);
                    if let Err(e) = outcome {
                        log::error!("export of {} failed: {e}", resource.name());
                        let _ = tx.blocking_send(Err(e));
                    }
                })
                .map_err(|e| AppError::Internal(format!("starting the export: {e}")))?;
            let content_type = match format {
                Format::Csv => "text/csv; charset=utf-8",
                _ => "application/json",
            };
            Ok(HttpResponse::Ok()
                .content_type(content_type)
                .insert_header((header::CONTENT_DISPOSITION, disposition))
                .streaming(ChannelStream(rx)))
        }
    }
}

/// Reads the filtered rows batch by batch and sends them, encoded, down `tx`. Stops early
/// when the client went away (the channel is closed).
#[allow(clippy::too_many_arguments)]
fn stream_rows(
    pool: &crate::db::DbPool,
    resource: &'static dyn Resource,
    query: &ListQuery,
    tr: &Tr,
    format: Format,
    headers: &[String],
    keys: &[&'static str],
    tx: &tokio::sync::mpsc::Sender<Result<Bytes, AppError>>,
) -> Result<(), AppError> {
    let mut conn = pool.get()?;
    let send = |bytes: Vec<u8>| tx.blocking_send(Ok(Bytes::from(bytes))).is_ok();
    let mut out = Vec::with_capacity(256 * 1024);
    match format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(headers.iter().map(|h| defuse(h)))
                .map_err(|e| AppError::Internal(e.to_string()))?;
            w.flush().map_err(|e| AppError::Internal(e.to_string()))?;
        }
        _ => out.push(b'['),
    }
    let mut after = 0;
    let mut first = true;
    loop {
        let rows = resource.export_rows(&mut conn, query, after, BATCH, tr)?;
        let Some((last, _)) = rows.last() else { break };
        after = *last;
        for (_, values) in &rows {
            match format {
                Format::Csv => {
                    let mut w = csv::Writer::from_writer(&mut out);
                    w.write_record(values.iter().map(|v| defuse(&v.to_text())))
                        .map_err(|e| AppError::Internal(e.to_string()))?;
                    w.flush().map_err(|e| AppError::Internal(e.to_string()))?;
                }
                _ => {
                    if !first {
                        out.push(b',');
                    }
                    let object: serde_json::Map<String, serde_json::Value> = keys
                        .iter()
                        .zip(values)
                        .map(|(k, v)| {
                            let json = match v {
                                Value::Text(s) => serde_json::Value::String(s.clone()),
                                Value::Int(n) => serde_json::Value::from(*n),
                                Value::Date(d) => serde_json::Value::String(
                                    d.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                                ),
                                Value::Empty => serde_json::Value::Null,
                            };
                            ((*k).to_owned(), json)
                        })
                        .collect();
                    serde_json::to_writer(&mut out, &object)
                        .map_err(|e| AppError::Internal(e.to_string()))?;
                    out.push(b'\n');
                }
            }
            first = false;
        }
        if !send(std::mem::take(&mut out)) {
            return Ok(());
        }
        if (rows.len() as i64) < BATCH {
            break;
        }
    }
    if format == Format::Json {
        out.push(b']');
    }
    send(out);
    Ok(())
}

/// Writes the XLSX to a temporary file in constant memory (one row in memory at a time) and
/// returns it open, already unlinked: nothing is left behind, whatever happens next.
fn write_xlsx(
    pool: &crate::db::DbPool,
    resource: &'static dyn Resource,
    query: &ListQuery,
    tr: &Tr,
    headers: &[String],
) -> Result<std::fs::File, AppError> {
    use rust_xlsxwriter::{Format as CellFormat, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| AppError::Internal(format!("writing the XLSX: {e}"));
    let mut conn = pool.get()?;
    let mut workbook = Workbook::new();
    let bold = CellFormat::new().set_bold();
    let date = CellFormat::new().set_num_format("yyyy-mm-dd hh:mm");
    let sheet = workbook.add_worksheet_with_constant_memory().map_err(fail)?;
    for (col, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, h, &bold).map_err(fail)?;
    }
    let mut row: u32 = 1;
    let mut after = 0;
    loop {
        let rows = resource.export_rows(&mut conn, query, after, BATCH, tr)?;
        let Some((last, _)) = rows.last() else { break };
        after = *last;
        for (_, values) in &rows {
            for (col, v) in values.iter().enumerate() {
                let col = col as u16;
                match v {
                    // Typed as text, never as a formula, so nothing here can run in Excel.
                    Value::Text(s) => sheet.write_string(row, col, s).map(drop),
                    Value::Int(n) => sheet.write_number(row, col, *n as f64).map(drop),
                    Value::Date(d) => {
                        sheet.write_datetime_with_format(row, col, d, &date).map(drop)
                    }
                    Value::Empty => Ok(()),
                }
                .map_err(fail)?;
            }
            row += 1;
        }
        if (rows.len() as i64) < BATCH {
            break;
        }
    }
    let temp = tempfile::NamedTempFile::new()
        .map_err(|e| AppError::Internal(format!("creating a temporary file: {e}")))?;
    workbook.save(temp.path()).map_err(fail)?;
    let file = std::fs::File::open(temp.path())
        .map_err(|e| AppError::Internal(format!("reading the XLSX: {e}")))?;
    // Dropping `temp` unlinks the file; the open handle keeps it readable.
    drop(temp);
    Ok(file)
}

/// A response body fed by the export thread.
struct ChannelStream(tokio::sync::mpsc::Receiver<Result<Bytes, AppError>>);

impl futures_core::Stream for ChannelStream {
    type Item = Result<Bytes, AppError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.poll_recv(cx)
    }
}

/// A response body read from a file in 64 KiB chunks.
struct FileStream {
    file: std::fs::File,
    buf: Vec<u8>,
}

impl futures_core::Stream for FileStream {
    type Item = Result<Bytes, AppError>;

    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        use std::io::Read;
        let this = &mut *self;
        // A local file read of 64 KiB takes microseconds; not worth a thread hop per chunk.
        match this.file.read(&mut this.buf) {
            Ok(0) => Poll::Ready(None),
            Ok(n) => Poll::Ready(Some(Ok(Bytes::copy_from_slice(&this.buf[..n])))),
            Err(e) => Poll::Ready(Some(Err(AppError::Internal(format!("reading the XLSX: {e}"))))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_defused() {
        for bad in ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"] {
            assert!(defuse(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(defuse("Rust Engineer"), "Rust Engineer");
        assert_eq!(defuse(""), "");
    }
}
