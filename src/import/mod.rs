//! Spreadsheet imports: files read as rows of text (`read`), columns matched to a form's
//! fields, and each row checked and written by the same form the back office edits with.

pub mod cli;
pub mod companies;
pub mod csv_text;
pub mod mapping;
pub mod read;
pub mod refs;
pub mod rows;
pub mod run;
mod workbook;

#[cfg(test)]
mod tests;

pub use read::{Format, Limits, ReadError, ReadOptions, Row, Sheet};
pub use run::{Failure, Import, Mode, Outcome, RunError, run, run_rows};
pub use workbook::column_name;
