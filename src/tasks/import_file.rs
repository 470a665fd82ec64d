//! Runs a back-office import: the dry run (`dry_run`) or the import itself, over the stored
//! file, recording progress on the import as it goes and, at the end, its counts, its first
//! failed rows and a workbook of all of them. Runs once: a run cut short is not repeated (a
//! file without references would import its rows twice); its import says it failed.

use std::io::Write;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::{Task, TaskContext, TaskError};
use crate::admin::resource::{Editor, Viewer};
use crate::i18n::Locale;
use crate::import::mapping::Target;
use crate::import::read::{ReadOptions, read};
use crate::import::{Import, Mode, Outcome, ReadError, RunError, run};
use crate::models::ImportStatus;
use crate::models::admin_user::AdminUser;
use crate::models::audit::Actor;
use crate::models::import::{
    self as record, Finished, ImportRecord, Progress, SHOWN_FAILURES, ShownFailure, StoredError,
};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ImportFile {
    pub import_id: i64,
    pub dry_run: bool,
}

/// How often progress is written while rows go in.
const PROGRESS_EVERY: Duration = Duration::from_millis(500);

impl Task for ImportFile {
    const KIND: &'static str = "import_file";
    const PRIORITY: i32 = 5;
    const MAX_ATTEMPTS: i32 = 1;
    const TIMEOUT: Duration = Duration::from_secs(3600);

    fn dedup_key(&self) -> Option<String> {
        Some(format!("import-{}", self.import_id))
    }

    async fn run(self, ctx: TaskContext) -> Result<(), TaskError> {
        let id = self.import_id;
        let found = ctx.with_conn(move |c| Ok(ImportRecord::find(c, id)?)).await?;
        let expected = if self.dry_run { ImportStatus::Checking } else { ImportStatus::Running };
        let Some(import) = found.filter(|i| i.status == expected) else {
            // Done, or moved on: nothing to do.
            return Ok(());
        };
        let bytes = ctx.storage.get(&import.file_key).await.map_err(TaskError::retry)?;
        let Some(bytes) = bytes else {
            let failed = fail(&ctx, id, StoredError::of(&ReadError::Io("gone".into()))).await;
            return failed.and(Err(TaskError::permanent("the import's file is gone")));
        };
        let work = ctx.clone();
        let dry_run = self.dry_run;
        let ran = tokio::task::spawn_blocking(move || execute(&work, &import, &bytes, dry_run))
            .await
            .map_err(|e| TaskError::permanent(format!("the import stopped: {e}")));
        let (finished, workbook) = match ran.and_then(|r| r) {
            Ok(done) => done,
            Err(e) => {
                let error =
                    StoredError { message: "import-error-stopped".into(), args: Vec::new() };
                fail(&ctx, id, error).await?;
                return Err(e);
            }
        };
        let key = match workbook {
            Some(bytes) => {
                let key =
                    format!("imports/{id}-failures-{}.xlsx", crate::uploads::names::generate_key());
                ctx.storage.put(&key, bytes).await.map_err(TaskError::retry)?;
                Some(key)
            }
            None => None,
        };
        ctx.with_conn(move |c| {
            let f = &finished;
            let done = Finished {
                status: f.status,
                progress: f.progress,
                failures: &f.failures,
                failures_key: key.as_deref(),
                error: f.error.as_ref(),
                committed: f.committed,
            };
            Ok(record::finish(c, id, &done)?)
        })
        .await
    }
}

async fn fail(ctx: &TaskContext, id: i64, error: StoredError) -> Result<(), TaskError> {
    ctx.with_conn(move |c| {
        let finished = Finished {
            status: ImportStatus::Failed,
            progress: Progress::default(),
            failures: &[],
            failures_key: None,
            error: Some(&error),
            committed: false,
        };
        Ok(record::finish(c, id, &finished)?)
    })
    .await
}

/// What a run ends with, owned.
struct Ended {
    status: ImportStatus,
    progress: Progress,
    failures: Vec<ShownFailure>,
    error: Option<StoredError>,
    committed: bool,
}

fn progress_of(o: &Outcome, total: i64) -> Progress {
    Progress {
        total,
        done: o.rows as i64,
        created: o.created as i64,
        updated: o.updated as i64,
        unchanged: o.unchanged as i64,
        failed: o.failures.len() as i64,
        companies_created: o.companies_created as i64,
    }
}

/// The run itself, on this thread: the file counted, then imported or checked.
fn execute(
    ctx: &TaskContext,
    import: &ImportRecord,
    bytes: &[u8],
    dry_run: bool,
) -> Result<(Ended, Option<Vec<u8>>), TaskError> {
    let mut file = tempfile::NamedTempFile::new().map_err(|e| TaskError::retry(e.to_string()))?;
    file.write_all(bytes).map_err(|e| TaskError::retry(e.to_string()))?;
    let mut conn = ctx.pool.get().map_err(|e| TaskError::retry(e.to_string()))?;
    let user = import.admin_user_id.map(|id| AdminUser::find(&mut conn, id)).transpose()?.flatten();
    let Some(user) = user else {
        return Err(TaskError::permanent("the import's user is gone"));
    };
    let locale = Locale::parse(&user.locale).unwrap_or_default();
    let encoding =
        import.encoding.as_deref().and_then(|e| encoding_rs::Encoding::for_label(e.as_bytes()));
    let options = ReadOptions { encoding, ..Default::default() };
    let ended = |error: StoredError| Ended {
        status: ImportStatus::Failed,
        progress: Progress::default(),
        failures: Vec::new(),
        error: Some(error),
        committed: false,
    };
    let total = match read::<ReadError>(file.path(), &options, &mut |_| Ok(()), &mut |_| Ok(())) {
        Ok(sheet) => sheet.rows as i64,
        Err(e) => return Ok((ended(StoredError::of(&e)), None)),
    };
    record::set_progress(&mut conn, import.id, &Progress { total, ..Default::default() }, true)?;
    let mode = match (dry_run, import.mode.as_str()) {
        (true, _) => Mode::DryRun,
        (false, "all_or_nothing") => Mode::AllOrNothing,
        (false, _) => Mode::Skip,
    };
    let messages = &ctx.messages;
    let fields = crate::admin::edit::editable(&import.resource, &messages.tr(locale))?.fields;
    let targets = import
        .mapping()
        .iter()
        .map(|code| Target::parse(code, &fields).unwrap_or(Target::Ignore))
        .collect();
    let run_as = Import {
        resource: &import.resource,
        editor: Editor::new(
            messages.tr(locale),
            Viewer { admin_user_id: user.id, role: user.role },
        ),
        actor: Actor { admin_user_id: Some(user.id), label: user.display_name().to_owned() },
        targets: Some(targets),
        mode,
        file_name: import.file_name.clone(),
        read: options,
        // Only for those who may make companies (a recruiter's postings name theirs).
        create_companies: import.create_companies
            && crate::auth::policy::allows(
                user.role,
                crate::auth::policy::Area::Companies,
                crate::auth::policy::Action::Create,
            ),
    };
    // Progress goes through a connection of its own, between batches. An all-or-nothing run
    // holds one transaction throughout (on SQLite, the only writer): it shows none.
    let mut progress_conn = match mode {
        Mode::AllOrNothing => None,
        _ => Some(ctx.pool.get().map_err(|e| TaskError::retry(e.to_string()))?),
    };
    let mut last = Instant::now();
    let id = import.id;
    let mut report = |o: &Outcome| {
        if let Some(c) = progress_conn.as_mut()
            && last.elapsed() >= PROGRESS_EVERY
        {
            last = Instant::now();
            if let Err(e) = record::set_progress(c, id, &progress_of(o, total), false) {
                log::warn!("import {id}: recording progress: {e}");
            }
        }
    };
    let search = (!dry_run).then_some(&ctx.search);
    let outcome = match run(&mut conn, &run_as, file.path(), messages, search, &mut report) {
        Ok(outcome) => outcome,
        Err(RunError::Read(e)) => return Ok((ended(StoredError::of(&e)), None)),
        Err(RunError::App(e)) => return Err(TaskError::permanent(e.to_string())),
    };
    let workbook = if outcome.failures.is_empty() {
        None
    } else {
        Some(failures_workbook(&outcome, &messages.tr(locale))?)
    };
    let status = if dry_run { ImportStatus::Checked } else { ImportStatus::Done };
    Ok((
        Ended {
            status,
            progress: progress_of(&outcome, total),
            failures: outcome
                .failures
                .iter()
                .take(SHOWN_FAILURES)
                .map(|f| ShownFailure { row: f.row, reasons: f.reasons.clone() })
                .collect(),
            error: None,
            committed: outcome.committed,
        },
        workbook,
    ))
}

/// The failed rows as they were, with their row number and reasons beside them: fixed, the
/// workbook imports again.
fn failures_workbook(outcome: &Outcome, tr: &crate::i18n::Tr) -> Result<Vec<u8>, TaskError> {
    let fail =
        |e: rust_xlsxwriter::XlsxError| TaskError::permanent(format!("writing the failures: {e}"));
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet_with_constant_memory().map_err(fail)?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let width = outcome.headers.len() as u16;
    for (i, header) in outcome.headers.iter().enumerate() {
        sheet.write_string_with_format(0, i as u16, header, &bold).map_err(fail)?;
    }
    sheet.write_string_with_format(0, width, tr.t("import-failures-row"), &bold).map_err(fail)?;
    sheet
        .write_string_with_format(0, width + 1, tr.t("import-failures-reasons"), &bold)
        .map_err(fail)?;
    for (n, failure) in outcome.failures.iter().enumerate() {
        let row = n as u32 + 1;
        for (i, cell) in failure.cells.iter().take(width as usize).enumerate() {
            sheet.write_string(row, i as u16, cell).map_err(fail)?;
        }
        sheet.write_number(row, width, failure.row as f64).map_err(fail)?;
        sheet.write_string(row, width + 1, failure.reasons.join("\n")).map_err(fail)?;
    }
    book.save_to_buffer().map_err(fail)
}
