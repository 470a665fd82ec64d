//! Spreadsheet imports: files read as rows of text (`read`), columns matched to a form's
//! fields, and each row checked and written by the same form the back office edits with.

pub mod csv_text;
pub mod read;
mod workbook;

#[cfg(test)]
mod tests;

pub use read::{Format, Limits, ReadError, ReadOptions, Row, Sheet};
