//! `hireboard import FILE --resource jobs|companies [--dry-run]`: the back office's import from
//! the command line, with a progress bar on a terminal and a summary at the end.

use std::path::Path;

use super::read::{ReadOptions, read};
use super::run::{Import, Mode, Outcome, RunError, run};
use crate::admin::resource::{Editor, Viewer};
use crate::i18n::{Locale, Tr};
use crate::models::AdminRole;
use crate::models::audit::Actor;
use crate::state::AppState;

/// What the command line asked for.
pub struct Request<'a> {
    pub file: &'a Path,
    pub resource: &'a str,
    pub mode: Mode,
    pub encoding: Option<&'a str>,
    pub locale: Locale,
    pub create_companies: bool,
}

/// Runs the import; the summary on standard output, each failed row and why on standard
/// error. `Ok(false)`: some rows failed.
pub fn import(state: &AppState, request: &Request<'_>) -> Result<bool, String> {
    let tr = state.tr(request.locale);
    let encoding = match request.encoding {
        Some(label) => Some(
            encoding_rs::Encoding::for_label(label.as_bytes())
                .ok_or_else(|| format!("{label:?} is not an encoding's name"))?,
        ),
        None => None,
    };
    let options = ReadOptions { encoding, ..Default::default() };
    let message = |e: RunError| match e {
        RunError::Read(e) => e.text(&tr),
        RunError::App(e) => e.to_string(),
    };
    // A first pass counts the rows for the progress bar (and refuses a bad file at once).
    let sheet = read::<RunError>(request.file, &options, &mut |_| Ok(()), &mut |_| Ok(()))
        .map_err(message)?;
    let bar = indicatif::ProgressBar::new(sheet.rows);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} rows, {eta} left")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let import = Import {
        resource: request.resource,
        // The command line has the database's keys: it acts as an administrator.
        editor: Editor::new(tr.clone(), Viewer { admin_user_id: 0, role: AdminRole::Admin }),
        actor: Actor { admin_user_id: None, label: "hireboard import".into() },
        targets: None,
        mode: request.mode,
        file_name: request
            .file
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        read: options,
        create_companies: request.create_companies,
    };
    let mut conn = state.pool.get().map_err(|e| e.to_string())?;
    let outcome =
        run(&mut conn, &import, request.file, &state.messages, None, &mut |o: &Outcome| {
            bar.set_position(o.rows)
        })
        .map_err(message)?;
    bar.finish_and_clear();
    for failure in &outcome.failures {
        for reason in &failure.reasons {
            eprintln!(
                "{}",
                tr.t2("import-cli-failure", "row", &failure.row.to_string(), "reason", reason)
            );
        }
    }
    println!("{}", summary(&tr, request.mode, &outcome));
    Ok(outcome.failures.is_empty())
}

/// "120 rows: 100 created, 15 updated, 2 unchanged, 3 failed." (and what became of them).
pub fn summary(tr: &Tr, mode: Mode, o: &Outcome) -> String {
    let counts = [
        tr.tn("import-count-rows", o.rows as i64),
        tr.tn("import-count-created", o.created as i64),
        tr.tn("import-count-updated", o.updated as i64),
        tr.tn("import-count-unchanged", o.unchanged as i64),
        tr.tn("import-count-failed", o.failures.len() as i64),
    ];
    let mut counts = counts.to_vec();
    if o.companies_created > 0 {
        counts.push(tr.tn("import-count-companies", o.companies_created as i64));
    }
    let state = match (mode, o.committed) {
        (Mode::DryRun, _) => tr.t("import-state-dry-run"),
        (_, true) => tr.t("import-state-done"),
        (_, false) => tr.t("import-state-rolled-back"),
    };
    format!("{} {}", counts.join(", "), state)
}
