//! Running an import: every row checked and written by the resource's own form (the same
//! checks as the back office's), a batch of rows per transaction, each row in a savepoint so
//! that a refused row leaves nothing behind. A dry run rolls every batch back; "all or
//! nothing" runs the whole file in one transaction and rolls it back if any row failed.

use std::collections::HashMap;
use std::path::Path;

use diesel::Connection;

use super::mapping::{Target, Vocabulary};
use super::read::{ReadError, ReadOptions, Row, Sheet, read};
use super::refs;
use super::rows::{Choices, Keys, apply, keys};
use super::workbook::column_name;
use crate::admin::edit::{Editing, editable};
use crate::admin::fields::{self, FieldError};
use crate::admin::resource::{Checked, Editor, Stored};
use crate::db::DbConn;
use crate::error::AppError;
use crate::i18n::{Locale, Messages};
use crate::models::audit::{self, Actor, Change};

/// Rows per transaction: short enough that other writers wait little, long enough that the
/// commits cost little.
const BATCH: usize = 200;

/// What the run does with the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Checks every row as the import would and writes nothing.
    DryRun,
    /// Writes the rows that pass; lists the others.
    Skip,
    /// Writes every row or none: one failed row leaves the board as it was.
    AllOrNothing,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::DryRun => "dry_run",
            Mode::Skip => "skip",
            Mode::AllOrNothing => "all_or_nothing",
        }
    }
}

/// An import to run.
pub struct Import<'a> {
    /// The resource: `jobs` or `companies`.
    pub resource: &'a str,
    /// Who imports, in which language (the reasons rows failed are in it).
    pub editor: Editor,
    pub actor: Actor,
    /// The column mapping; guessed from the headers when `None`.
    pub targets: Option<Vec<Target>>,
    pub mode: Mode,
    /// The file's name, for the audit log.
    pub file_name: String,
    pub read: ReadOptions,
    /// A posting's company that the board does not know is created (by its name).
    pub create_companies: bool,
}

/// A row that was not imported: its cells as read, and why.
#[derive(Debug, Clone)]
pub struct Failure {
    pub row: u64,
    pub cells: Vec<String>,
    pub reasons: Vec<String>,
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub headers: Vec<String>,
    pub targets: Vec<Target>,
    pub rows: u64,
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Companies created for postings' rows.
    pub companies_created: u64,
    pub failures: Vec<Failure>,
    /// Whether what passed is on the board (false for a dry run and a rolled-back run).
    pub committed: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("{0}")]
    Read(#[from] ReadError),
    #[error("{0}")]
    App(#[from] AppError),
}

impl From<diesel::result::Error> for RunError {
    fn from(e: diesel::result::Error) -> RunError {
        RunError::App(e.into())
    }
}

enum Done {
    Created,
    Updated,
    Unchanged,
    Failed(Vec<String>),
}

/// What a row's check did with its record.
enum Wrote {
    /// Nothing: a dry run.
    Nothing,
    /// Saved it: this id.
    Now(i64),
    /// Checked it, to write with the batch's others.
    Later(Checked),
}

/// A new record waiting for its batch's end.
struct Pending {
    checked: Checked,
    reference: Option<String>,
    /// Whether the reference points at a record deleted since.
    stale: bool,
}

/// Why a transaction ended without committing.
enum Rollback {
    /// A dry run's batch, or an all-or-nothing run with failures: its results stand.
    Planned,
    Invalid(Vec<FieldError>),
    Failed(RunError),
}

impl From<diesel::result::Error> for Rollback {
    fn from(e: diesel::result::Error) -> Rollback {
        Rollback::Failed(e.into())
    }
}

impl From<AppError> for Rollback {
    fn from(e: AppError) -> Rollback {
        Rollback::Failed(e.into())
    }
}

/// Where the rows come from.
enum Input<'a> {
    File(&'a Path),
    /// Rows made elsewhere (a partner's feed), under these headers.
    Rows(Vec<String>, Vec<Row>),
}

struct Runner<'a> {
    import: &'a Import<'a>,
    /// Whose references the rows' reference column holds (`refs::SPREADSHEET` or a feed's).
    source: &'a str,
    target: Editing,
    /// A new record's starting values, built once: every row of new records starts from them.
    blank: crate::admin::fields::FormValues,
    choices: Choices,
    vocabulary: Vocabulary,
    batch: Vec<Row>,
    companies: super::companies::Companies,
    /// The row each reference was first seen on.
    seen: HashMap<String, u64>,
    /// The records the batch's references already name, read once per batch.
    pointers: HashMap<String, i64>,
    /// The batch's new records' references, written with one statement at its end.
    new_refs: Vec<(String, i64)>,
    /// The batch's new records that passed their checks, written together at its end.
    pending: Vec<Pending>,
    outcome: Outcome,
    search: Option<&'a crate::search::SearchHandle>,
    progress: &'a mut dyn FnMut(&Outcome),
}

/// Runs `import` over the file at `path`; `progress` hears after every batch.
pub fn run(
    conn: &mut DbConn,
    import: &Import<'_>,
    path: &Path,
    messages: &Messages,
    search: Option<&crate::search::SearchHandle>,
    progress: &mut dyn FnMut(&Outcome),
) -> Result<Outcome, RunError> {
    run_input(conn, import, Input::File(path), refs::SPREADSHEET, messages, search, progress)
}

/// Runs `import` over rows made by the caller (a feed's postings), whose references are
/// `source`'s.
#[allow(clippy::too_many_arguments)]
pub fn run_rows(
    conn: &mut DbConn,
    import: &Import<'_>,
    source: &str,
    headers: Vec<String>,
    rows: Vec<Row>,
    messages: &Messages,
    search: Option<&crate::search::SearchHandle>,
    progress: &mut dyn FnMut(&Outcome),
) -> Result<Outcome, RunError> {
    run_input(conn, import, Input::Rows(headers, rows), source, messages, search, progress)
}

fn run_input(
    conn: &mut DbConn,
    import: &Import<'_>,
    input: Input<'_>,
    source: &str,
    messages: &Messages,
    search: Option<&crate::search::SearchHandle>,
    progress: &mut dyn FnMut(&Outcome),
) -> Result<Outcome, RunError> {
    let target = editable(import.resource, &import.editor.tr)?;
    let choices = Choices::new(target.form, messages);
    let vocabulary = Vocabulary::new(&target.fields, messages);
    let blank = target.form.new_values(&import.editor.tr);
    let mut runner = Runner {
        import,
        source,
        target,
        blank,
        choices,
        vocabulary,
        batch: Vec::with_capacity(BATCH),
        companies: Default::default(),
        seen: HashMap::new(),
        pointers: HashMap::new(),
        new_refs: Vec::new(),
        pending: Vec::new(),
        outcome: Outcome::default(),
        search,
        progress,
    };
    if import.mode != Mode::AllOrNothing {
        runner.read_all(conn, input)?;
        runner.outcome.committed = import.mode != Mode::DryRun;
    } else {
        let ran = crate::db::write_transaction(conn, |conn| {
            runner.read_all(conn, input).map_err(Rollback::Failed)?;
            if runner.outcome.failures.is_empty() { Ok(()) } else { Err(Rollback::Planned) }
        });
        match ran {
            Ok(()) => runner.outcome.committed = true,
            Err(Rollback::Planned | Rollback::Invalid(_)) => {}
            Err(Rollback::Failed(e)) => return Err(e),
        }
    }
    let outcome = runner.outcome;
    // A feed's run that changed nothing leaves no entry: feeds run several times a day.
    let changed = outcome.created + outcome.updated + outcome.companies_created > 0;
    if outcome.committed && (source == refs::SPREADSHEET || changed) {
        let count = |n: u64| Some(n.to_string());
        let changes = [
            Change::new("file", None, Some(&import.file_name)),
            Change { field: "rows".into(), from: None, to: count(outcome.rows) },
            Change { field: "created".into(), from: None, to: count(outcome.created) },
            Change { field: "updated".into(), from: None, to: count(outcome.updated) },
            Change {
                field: "companies_created".into(),
                from: None,
                to: count(outcome.companies_created),
            },
            Change { field: "failed".into(), from: None, to: count(outcome.failures.len() as u64) },
        ];
        audit::record(
            conn,
            &import.actor,
            "import",
            import.resource,
            0,
            &import.file_name,
            &changes,
        )?;
        if let Some(search) = search {
            search.refresh_if_stale(conn)?;
        }
    }
    Ok(outcome)
}

impl Runner<'_> {
    fn read_all(&mut self, conn: &mut DbConn, input: Input<'_>) -> Result<(), RunError> {
        let path = match input {
            Input::File(path) => path,
            Input::Rows(headers, rows) => {
                self.start(&headers);
                for row in rows {
                    self.batch.push(row);
                    if self.batch.len() >= BATCH {
                        self.flush(conn)?;
                    }
                }
                return self.flush(conn);
            }
        };
        let options = self.import.read.clone();
        let this = std::cell::RefCell::new(self);
        let conn = std::cell::RefCell::new(conn);
        read::<RunError>(
            path,
            &options,
            &mut |sheet: &Sheet| {
                this.borrow_mut().start(&sheet.headers);
                Ok(())
            },
            &mut |row| {
                let mut runner = this.borrow_mut();
                runner.batch.push(row);
                if runner.batch.len() >= BATCH {
                    runner.flush(*conn.borrow_mut())?;
                }
                Ok(())
            },
        )?;
        let runner = this.into_inner();
        runner.flush(conn.into_inner())
    }

    fn start(&mut self, headers: &[String]) {
        let fields = &self.target.fields;
        let mut targets = match &self.import.targets {
            Some(chosen) => chosen.clone(),
            None => self.vocabulary.guess(headers, fields),
        };
        targets.resize(headers.len(), Target::Ignore);
        self.outcome.headers = headers.to_vec();
        self.outcome.targets = targets;
    }

    fn flush(&mut self, conn: &mut DbConn) -> Result<(), RunError> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.batch);
        let mut results = Vec::with_capacity(rows.len());
        let dry = self.import.mode == Mode::DryRun;
        let companies_mark = self.companies.mark();
        let keys: Vec<Keys> = rows.iter().map(|row| keys(row, &self.outcome.targets)).collect();
        let ran = crate::db::write_transaction(conn, |conn| {
            let references: Vec<&str> = keys
                .iter()
                .filter(|k| k.id.is_none())
                .filter_map(|k| k.reference.as_deref())
                .collect();
            self.pointers = refs::find_many(conn, self.import.resource, self.source, &references)?;
            self.pending.clear();
            for (row, keys) in rows.iter().zip(&keys) {
                results.push(self.one(conn, row, keys.clone()).map_err(Rollback::Failed)?);
            }
            self.write_pending(conn).map_err(Rollback::Failed)?;
            let new_refs = std::mem::take(&mut self.new_refs);
            refs::add_many(conn, self.import.resource, self.source, &new_refs)?;
            if dry { Err(Rollback::Planned) } else { Ok(()) }
        });
        match ran {
            Ok(()) => {}
            Err(Rollback::Planned | Rollback::Invalid(_)) => {
                self.companies.rollback_to(companies_mark, false);
                self.import.editor.lookups.forget();
            }
            Err(Rollback::Failed(e)) => return Err(e),
        }
        self.outcome.companies_created = self.companies.created();
        for (row, done) in rows.into_iter().zip(results) {
            self.outcome.rows += 1;
            match done {
                Done::Created => self.outcome.created += 1,
                Done::Updated => self.outcome.updated += 1,
                Done::Unchanged => self.outcome.unchanged += 1,
                Done::Failed(reasons) => self.outcome.failures.push(Failure {
                    row: row.number,
                    cells: row.cells,
                    reasons,
                }),
            }
        }
        if !dry
            && self.import.mode == Mode::Skip
            && let Some(search) = self.search
        {
            search.refresh_if_stale(conn)?;
        }
        (self.progress)(&self.outcome);
        Ok(())
    }

    /// Checks one row (its `keys` read from it) and, inside the batch's transaction, writes
    /// it or keeps it for the batch's end.
    fn one(&mut self, conn: &mut DbConn, row: &Row, keys: Keys) -> Result<Done, RunError> {
        let tr = &self.import.editor.tr;
        let targets = &self.outcome.targets;
        let resource = self.import.resource;
        let mut reasons = Vec::new();
        for (column, formula) in &row.formulas {
            let cell = format!("{}{}", column_name(*column), row.number);
            reasons.push(tr.t2("import-error-formula", "cell", &cell, "formula", formula));
        }
        if let Some(reference) = &keys.reference {
            match self.seen.get(reference) {
                Some(first) => reasons.push(tr.t2(
                    "import-error-repeated-reference",
                    "reference",
                    reference,
                    "row",
                    &first.to_string(),
                )),
                None => {
                    self.seen.insert(reference.clone(), row.number);
                }
            }
        }
        if !reasons.is_empty() {
            return Ok(Done::Failed(reasons));
        }
        let editor = &self.import.editor;
        let Editing { resource: listing, form, fields } = &self.target;
        // Whether the reference points at a record deleted since (or not the importer's).
        let mut stale = false;
        let existing = match (&keys.id, &keys.reference) {
            (Some(id), _) => {
                let found = match id.trim_start_matches('#').parse::<i64>() {
                    Ok(id) => match listing.require_visible(conn, id, &editor.viewer) {
                        Ok(()) => form.load(conn, id, editor)?.map(|s| (id, s)),
                        Err(AppError::NotFound | AppError::Forbidden) => None,
                        Err(e) => return Err(e.into()),
                    },
                    Err(_) => None,
                };
                let Some(found) = found else {
                    return Ok(Done::Failed(vec![tr.t1("import-error-no-record", "id", id)]));
                };
                Some(found)
            }
            (None, Some(reference)) => {
                let pointed = self.pointers.get(reference).copied();
                // A reference to a record deleted since (or not the importer's) is a new record.
                stale = pointed.is_some();
                match pointed {
                    Some(id) if listing.require_visible(conn, id, &editor.viewer).is_ok() => {
                        form.load(conn, id, editor)?.map(|s| (id, s))
                    }
                    _ => None,
                }
            }
            (None, None) => None,
        };
        let mut values = match &existing {
            Some((_, stored)) => stored.values.clone(),
            None => self.blank.clone(),
        };
        apply(row, targets, fields, &self.choices, &mut values);
        if let Some((_, stored)) = &existing {
            // What only a new record sets stays as stored.
            for field in fields.iter().filter(|f| f.create_only) {
                values.set(field.key, stored.values.get(field.key));
            }
            if values == stored.values {
                return Ok(Done::Unchanged);
            }
        }
        let original = match &existing {
            Some((_, stored)) => Some(stored.original),
            None => Locale::parse(values.get("original_locale")),
        };
        let errors = fields::check(fields, &values, original);
        if !errors.is_empty() {
            return Ok(Done::Failed(self.describe(&errors)));
        }
        let old: Option<(i64, &Stored)> = existing.as_ref().map(|(id, s)| (*id, s));
        // A posting's company by name or slug (or made), unless it is the one stored.
        let company = targets
            .iter()
            .position(|t| *t == Target::Field("company"))
            .filter(|_| resource == "jobs")
            .map(|column| row.cell(column).trim().to_owned())
            .filter(|text| existing.as_ref().is_none_or(|(_, s)| s.values.get("company") != text));
        let (companies, create) = (&mut self.companies, self.import.create_companies);
        let dry = self.import.mode == Mode::DryRun;
        let mark = companies.mark();
        let makes_company = company.as_deref().is_some_and(|text| !companies.knows(text));
        // A new record of a form that writes many at once is checked now, written with the
        // batch's others at its end.
        let later = old.is_none() && form.writes_many();
        let mut check_and_save = |conn: &mut DbConn| {
            if let Some(text) = &company
                && let Some(id) = companies.resolve(conn, text, editor, create)?
            {
                values.set("company", id);
            }
            if dry {
                // Checked as saving checks, and not written: the batch would roll it back.
                let errors = form.verify(conn, old, &values, editor)?;
                return if errors.is_empty() {
                    Ok(Wrote::Nothing)
                } else {
                    Err(Rollback::Invalid(errors))
                };
            }
            if later {
                return match form.check_new(conn, &values, editor)? {
                    Ok(checked) => Ok(Wrote::Later(checked)),
                    Err(errors) => Err(Rollback::Invalid(errors)),
                };
            }
            match form.save(conn, old, &values, editor)? {
                Ok(saved) => Ok(Wrote::Now(saved.id)),
                Err(errors) => Err(Rollback::Invalid(errors)),
            }
        };
        // A form writes nothing before its checks pass; a company made for the row does. A
        // savepoint then makes a refused row leave nothing in the batch, not even its company.
        let saved =
            if makes_company { conn.transaction(check_and_save) } else { check_and_save(conn) };
        if saved.is_err() {
            companies.rollback_to(mark, true);
            editor.lookups.forget();
        }
        let saved = match saved {
            Ok(saved) => saved,
            Err(Rollback::Invalid(errors)) => return Ok(Done::Failed(self.describe(&errors))),
            Err(Rollback::Failed(e)) => return Err(e),
            Err(Rollback::Planned) => unreachable!("rows plan no rollback"),
        };
        if existing.is_some() {
            return Ok(Done::Updated);
        }
        match saved {
            Wrote::Nothing => {}
            Wrote::Now(id) => self.point(conn, keys.reference, stale, id)?,
            Wrote::Later(checked) => {
                self.pending.push(Pending { checked, reference: keys.reference, stale })
            }
        }
        Ok(Done::Created)
    }

    /// Points a new record's reference (if the row has one) at it.
    fn point(
        &mut self,
        conn: &mut DbConn,
        reference: Option<String>,
        stale: bool,
        id: i64,
    ) -> Result<(), RunError> {
        match reference {
            Some(reference) if stale => {
                refs::set(conn, self.import.resource, self.source, &reference, id)?
            }
            Some(reference) => self.new_refs.push((reference, id)),
            None => {}
        }
        Ok(())
    }

    /// Writes the batch's new records that were checked and wait, and points their
    /// references at them.
    fn write_pending(&mut self, conn: &mut DbConn) -> Result<(), RunError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending);
        let (checked, pointers): (Vec<_>, Vec<_>) =
            pending.into_iter().map(|p| (p.checked, (p.reference, p.stale))).unzip();
        let saved = self.target.form.create_checked(conn, &checked, &self.import.editor)?;
        for ((reference, stale), saved) in pointers.into_iter().zip(saved) {
            self.point(conn, reference, stale, saved.id)?;
        }
        Ok(())
    }

    fn label(&self, key: &str) -> &'static str {
        self.target.fields.iter().find(|f| f.key == key).map_or("", |f| f.label)
    }

    /// Each error as "Column (C): what is wrong", in the importer's language.
    fn describe(&self, errors: &[FieldError]) -> Vec<String> {
        let tr = &self.import.editor.tr;
        errors
            .iter()
            .map(|e| {
                let message = match &e.arg {
                    Some((name, value)) => tr.t1(e.message, name, value),
                    None => tr.t(e.message),
                };
                let target = match e.field.strip_prefix(fields::TRANSLATION_PREFIX) {
                    Some(rest) => rest.split_once('.').and_then(|(lang, key)| {
                        let locale = Locale::parse(lang)?;
                        let key = self.target.fields.iter().find(|f| f.key == key)?.key;
                        Some(Target::Translation(locale, key))
                    }),
                    None => self
                        .target
                        .fields
                        .iter()
                        .find(|f| f.key == e.field)
                        .map(|f| Target::Field(f.key)),
                };
                let column =
                    target.as_ref().and_then(|t| self.outcome.targets.iter().position(|c| c == t));
                let field = match &target {
                    Some(Target::Field(key)) => Some(tr.t(self.label(key))),
                    // A language's text the file has no column for: as its header would be.
                    Some(Target::Translation(locale, key)) => {
                        Some(format!("{} [{locale}]", tr.t(self.label(key))))
                    }
                    _ => None,
                };
                match (column, field) {
                    (Some(i), _) => tr.t2(
                        "import-reason-column",
                        "column",
                        &format!("{} ({})", self.outcome.headers[i], column_name(i)),
                        "reason",
                        &message,
                    ),
                    (None, Some(field)) => {
                        tr.t2("import-reason-field", "field", &field, "reason", &message)
                    }
                    (None, None) => message,
                }
            })
            .collect()
    }
}
