//! XLSX and ODS workbooks through calamine: the first sheet's cells as text. An XLSX sheet is
//! read as a stream of cells; an ODS sheet whole (calamine has no stream for it).

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use calamine::{Data, DataRef, Dimensions, Ods, Reader, Xlsx};

use super::Format;
use super::read::{Line, ReadError, Row, Sheet, check_expansion};

fn damaged(e: impl std::fmt::Display) -> ReadError {
    ReadError::Damaged { detail: e.to_string() }
}

/// Rows gathered from cells given in row order.
struct Gather<'a, E> {
    emit: &'a mut dyn FnMut(Line) -> Result<(), E>,
    format: Format,
    row: Option<(u32, Row)>,
    started: bool,
}

impl<E: From<ReadError>> Gather<'_, E> {
    fn cell(&mut self, (r, c): (u32, u32), text: String, formula: Option<String>) -> Result<(), E> {
        if self.row.as_ref().is_none_or(|(at, _)| *at != r) {
            self.flush()?;
            self.row = Some((
                r,
                Row { number: u64::from(r) + 1, cells: Vec::new(), formulas: Vec::new() },
            ));
        }
        let Some((_, row)) = self.row.as_mut() else { return Ok(()) };
        let c = c as usize;
        if row.cells.len() <= c {
            // A sheet may name a far column: bounded by the sheet's own width, which the
            // file's size bounds.
            row.cells.resize(c + 1, String::new());
        }
        row.cells[c] = text;
        if let Some(f) = formula.filter(|f| !f.is_empty()) {
            row.formulas.push((c, f));
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), E> {
        let Some((_, row)) = self.row.take() else { return Ok(()) };
        if !self.started {
            if row.cells.iter().all(|c| c.trim().is_empty()) {
                return Ok(());
            }
            self.started = true;
            let sheet = Sheet { format: self.format, encoding: None, headers: row.cells, rows: 0 };
            return (self.emit)(Line::Headers(sheet));
        }
        (self.emit)(Line::Row(row))
    }
}

/// `B2:C3`, as spreadsheet programs name a range.
fn a1(d: &Dimensions) -> String {
    let name = |(r, c): (u32, u32)| format!("{}{}", column_name(c as usize), r + 1);
    format!("{}:{}", name(d.start), name(d.end))
}

/// `A`, `B`, …, `Z`, `AA`: a column's name from its index.
pub fn column_name(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 { format!("{}", f as i64) } else { f.to_string() }
}

fn datetime(dt: chrono::NaiveDateTime) -> String {
    if dt.time() == chrono::NaiveTime::MIN {
        dt.format("%Y-%m-%d").to_string()
    } else {
        dt.format("%Y-%m-%d %H:%M").to_string()
    }
}

fn text_of_ref(value: &DataRef<'_>) -> String {
    match value {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number(*f),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(dt) => {
            dt.as_datetime().map(datetime).unwrap_or_else(|| number(dt.as_f64()))
        }
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

fn text_of(value: &Data) -> String {
    match value {
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::String(s) => s.clone(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => dt.as_datetime().map(datetime).unwrap_or_else(|| number(dt.as_f64())),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}

/// The workbook at `path`, opened once its archive is known not to expand past the limits.
fn checked<R: Reader<BufReader<File>>>(path: &Path, size: u64) -> Result<R, ReadError>
where
    R::Error: std::fmt::Display,
{
    let mut archive =
        zip::ZipArchive::new(File::open(path).map_err(ReadError::from)?).map_err(damaged)?;
    check_expansion(&mut archive, size)?;
    R::new(BufReader::new(File::open(path)?)).map_err(damaged)
}

pub(super) fn read_xlsx<E: From<ReadError>>(
    path: &Path,
    size: u64,
    emit: &mut dyn FnMut(Line) -> Result<(), E>,
) -> Result<(), E> {
    let mut book: Xlsx<_> = checked(path, size)?;
    let name = book.sheet_names().first().cloned().ok_or(ReadError::Empty)?;
    let merged = book.merge_cells_by_sheet_name(&name).map_err(damaged)?;
    if let Some(region) = merged.first() {
        return Err(ReadError::Merged { cells: a1(region) }.into());
    }
    let mut cells = book.worksheet_cells_reader(&name).map_err(damaged)?;
    let mut gather = Gather { emit, format: Format::Xlsx, row: None, started: false };
    while let Some(cell) = cells.next_cell_with_formula().map_err(damaged)? {
        gather.cell(cell.pos, text_of_ref(&cell.value), cell.formula)?;
    }
    gather.flush()
}

pub(super) fn read_ods<E: From<ReadError>>(
    path: &Path,
    size: u64,
    emit: &mut dyn FnMut(Line) -> Result<(), E>,
) -> Result<(), E> {
    let mut book: Ods<_> = checked(path, size)?;
    let name = book.sheet_names().first().cloned().ok_or(ReadError::Empty)?;
    let values = book.worksheet_range(&name).map_err(damaged)?;
    let formulas = book.worksheet_formula(&name).map_err(damaged)?;
    let mut gather = Gather { emit, format: Format::Ods, row: None, started: false };
    for (r, c, value) in values.used_cells() {
        let (r0, c0) = values.start().unwrap_or_default();
        let at = (r0 + r as u32, c0 + c as u32);
        let formula = formulas.get_value(at).cloned();
        gather.cell(at, text_of(value), formula)?;
    }
    gather.flush()
}

#[cfg(test)]
mod tests {
    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        let names: Vec<String> =
            [0, 1, 25, 26, 27, 51, 52, 701, 702].map(super::column_name).into();
        assert_eq!(names, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn whole_numbers_lose_their_decimal_point() {
        assert_eq!(super::number(50000.0), "50000");
        assert_eq!(super::number(52.52), "52.52");
        assert_eq!(super::number(-3.0), "-3");
    }
}
