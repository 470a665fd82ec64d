//! A spreadsheet file as rows of text: its format told by content (XLSX, ODS or CSV), its
//! first sheet's first row the headers, then each row that is not blank, numbered as a
//! spreadsheet program numbers it. Files are read as streams wherever the format allows, so
//! a large file costs its rows one at a time rather than all at once.

use std::fs::File;
use std::io::{Read, Seek};
use std::path::Path;

use encoding_rs::Encoding;

/// The formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Ods,
    Csv,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Ods => "ods",
            Format::Csv => "csv",
        }
    }
}

/// How much a file may hold.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The largest file, in bytes.
    pub max_bytes: u64,
    /// The most rows below the headers.
    pub max_rows: u64,
}

/// The largest file imported: a spreadsheet of 200,000 postings with long descriptions.
pub const MAX_BYTES: usize = 100 * 1024 * 1024;

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_bytes: MAX_BYTES as u64, max_rows: 200_000 }
    }
}

/// What the importing user chose about the file.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub limits: Limits,
    /// A CSV file's encoding (a WHATWG label: `windows-1252`, `utf-16le`); guessed when none.
    pub encoding: Option<&'static Encoding>,
}

/// A row below the headers: its number in the file (the headers are row 1) and its cells'
/// text, as many as it has.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: u64,
    pub cells: Vec<String>,
    /// The columns (0-based) whose cells hold a formula, and its text: an import takes values.
    pub formulas: Vec<(usize, String)>,
}

impl Row {
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", |c| c.as_str())
    }

    fn is_blank(&self) -> bool {
        self.formulas.is_empty() && self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// What was read: the format, the encoding of a CSV file, the headers.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub format: Format,
    pub encoding: Option<&'static Encoding>,
    pub headers: Vec<String>,
    /// The rows handed on (blank ones are skipped).
    pub rows: u64,
}

/// Why a file cannot be imported at all. Each has a Fluent message id (`message`) and the
/// values it names (`args`).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReadError {
    #[error("the file is empty")]
    Empty,
    #[error("the file has headers but no rows")]
    NoRows,
    #[error("not an XLSX, ODS or CSV spreadsheet")]
    NotASpreadsheet,
    #[error("an Excel 97-2003 workbook")]
    OldExcel,
    #[error("the file is larger than {max} bytes")]
    TooLarge { max: u64 },
    #[error("the file has more than {max} rows")]
    TooManyRows { max: u64 },
    #[error("the file is not valid {encoding}")]
    Encoding { encoding: &'static str },
    #[error("merged cells {cells}")]
    Merged { cells: String },
    #[error("two columns are headed {header}")]
    DuplicateHeader { header: String },
    #[error("the file is damaged: {detail}")]
    Damaged { detail: String },
    #[error("reading the file: {0}")]
    Io(String),
}

impl ReadError {
    pub fn message(&self) -> &'static str {
        match self {
            ReadError::Empty => "import-error-empty",
            ReadError::NoRows => "import-error-no-rows",
            ReadError::NotASpreadsheet => "import-error-format",
            ReadError::OldExcel => "import-error-old-excel",
            ReadError::TooLarge { .. } => "import-error-too-large",
            ReadError::TooManyRows { .. } => "import-error-too-many-rows",
            ReadError::Encoding { .. } => "import-error-encoding",
            ReadError::Merged { .. } => "import-error-merged",
            ReadError::DuplicateHeader { .. } => "import-error-duplicate-header",
            ReadError::Damaged { .. } => "import-error-damaged",
            ReadError::Io(_) => "import-error-io",
        }
    }

    /// The message's arguments, as text. A damaged file's detail is the reading library's
    /// English: it goes to the log, not to people.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ReadError::TooLarge { max } => vec![("megabytes", (max / (1024 * 1024)).to_string())],
            ReadError::TooManyRows { max } => vec![("max", max.to_string())],
            ReadError::Encoding { encoding } => vec![("encoding", (*encoding).to_owned())],
            ReadError::Merged { cells } => vec![("cells", cells.clone())],
            ReadError::DuplicateHeader { header } => vec![("header", header.clone())],
            _ => Vec::new(),
        }
    }

    /// The error as a sentence in `tr`'s language.
    pub fn text(&self, tr: &crate::i18n::Tr) -> String {
        crate::models::import::StoredError::of(self).text(tr)
    }
}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> ReadError {
        ReadError::Io(e.to_string())
    }
}

/// The format of the file starting with `head`, by content: a ZIP holding a workbook or an
/// OpenDocument spreadsheet, or text. Other binary files are not spreadsheets.
pub fn sniff(path: &Path, head: &[u8]) -> Result<Format, ReadError> {
    if head.starts_with(b"PK\x03\x04") {
        let archive = zip::ZipArchive::new(File::open(path)?)
            .map_err(|e| ReadError::Damaged { detail: e.to_string() })?;
        let has = |name: &str| archive.index_for_name(name).is_some();
        if has("xl/workbook.xml") {
            return Ok(Format::Xlsx);
        }
        if has("content.xml") && mimetype(path)?.as_deref() == Some(ODS_MIME) {
            return Ok(Format::Ods);
        }
        return Err(ReadError::NotASpreadsheet);
    }
    if head.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(ReadError::OldExcel);
    }
    // A PDF's header is text; its body is not, but may start further in than `head` reaches.
    if head.starts_with(b"%PDF-")
        || crate::uploads::sniff::detect(head).is_some()
        || super::csv_text::looks_binary(head)
    {
        return Err(ReadError::NotASpreadsheet);
    }
    Ok(Format::Csv)
}

const ODS_MIME: &str = "application/vnd.oasis.opendocument.spreadsheet";

fn mimetype(path: &Path) -> Result<Option<String>, ReadError> {
    let mut archive = zip::ZipArchive::new(File::open(path)?)
        .map_err(|e| ReadError::Damaged { detail: e.to_string() })?;
    let Ok(mut entry) = archive.by_name("mimetype") else { return Ok(None) };
    let mut text = String::new();
    entry.by_ref().take(100).read_to_string(&mut text)?;
    Ok(Some(text.trim().to_owned()))
}

/// Reads `path`: hands the headers' sheet description to `headers` and then each row that is
/// not blank to `row`, in order. A callback's error stops the reading and is returned.
pub fn read<E: From<ReadError>>(
    path: &Path,
    options: &ReadOptions,
    headers: &mut dyn FnMut(&Sheet) -> Result<(), E>,
    row: &mut dyn FnMut(Row) -> Result<(), E>,
) -> Result<Sheet, E> {
    let size = std::fs::metadata(path).map_err(ReadError::from)?.len();
    if size > options.limits.max_bytes {
        return Err(ReadError::TooLarge { max: options.limits.max_bytes }.into());
    }
    if size == 0 {
        return Err(ReadError::Empty.into());
    }
    let mut head = Vec::with_capacity(8192);
    File::open(path)
        .map_err(ReadError::from)?
        .take(8192)
        .read_to_end(&mut head)
        .map_err(ReadError::from)?;
    let format = sniff(path, &head)?;
    let mut rows = Rows { max: options.limits.max_rows, sheet: None, handed: 0 };
    let mut emit = |line: Line| -> Result<(), E> {
        match line {
            Line::Headers(sheet) => {
                let sheet = rows.start(sheet)?;
                headers(sheet)
            }
            Line::Row(r) => match rows.next(r)? {
                Some(r) => row(r),
                None => Ok(()),
            },
        }
    };
    match format {
        Format::Csv => super::csv_text::read(path, options.encoding, &mut emit)?,
        Format::Xlsx => super::workbook::read_xlsx(path, size, &mut emit)?,
        Format::Ods => super::workbook::read_ods(path, size, &mut emit)?,
    }
    let mut sheet = rows.sheet.ok_or(ReadError::Empty)?;
    if rows.handed == 0 {
        return Err(ReadError::NoRows.into());
    }
    sheet.rows = rows.handed;
    Ok(sheet)
}

/// What a format's reader hands on: the sheet (headers first), then rows.
pub(super) enum Line {
    Headers(Sheet),
    Row(Row),
}

/// The checks on what readers hand on: headers once and unique, blank rows skipped, the
/// row limit.
struct Rows {
    max: u64,
    sheet: Option<Sheet>,
    handed: u64,
}

impl Rows {
    fn start(&mut self, mut sheet: Sheet) -> Result<&Sheet, ReadError> {
        for h in &mut sheet.headers {
            *h = h.trim().to_owned();
        }
        while sheet.headers.last().is_some_and(|h| h.is_empty()) {
            sheet.headers.pop();
        }
        if sheet.headers.is_empty() {
            return Err(ReadError::Empty);
        }
        for (i, h) in sheet.headers.iter().enumerate() {
            let lower = h.to_lowercase();
            if !h.is_empty() && sheet.headers[..i].iter().any(|o| o.to_lowercase() == lower) {
                return Err(ReadError::DuplicateHeader { header: h.clone() });
            }
        }
        Ok(self.sheet.insert(sheet))
    }

    fn next(&mut self, row: Row) -> Result<Option<Row>, ReadError> {
        if row.is_blank() {
            return Ok(None);
        }
        self.handed += 1;
        if self.handed > self.max {
            return Err(ReadError::TooManyRows { max: self.max });
        }
        Ok(Some(row))
    }
}

/// A ZIP whose parts unpack to more than this many times the file's size is refused before
/// anything is unpacked (a "ZIP bomb"); real spreadsheets compress text about ten to one.
const MAX_EXPANSION: u64 = 100;

/// Refuses archives that would unpack to far more than they weigh.
pub(super) fn check_expansion<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    size: u64,
) -> Result<(), ReadError> {
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry =
            archive.by_index_raw(i).map_err(|e| ReadError::Damaged { detail: e.to_string() })?;
        total = total.saturating_add(entry.size());
    }
    if total > size.saturating_mul(MAX_EXPANSION).max(1024 * 1024) {
        return Err(ReadError::Damaged { detail: format!("its parts unpack to {total} bytes") });
    }
    Ok(())
}
