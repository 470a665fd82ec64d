//! Spreadsheet imports through the engine, on every backend: columns matched by their headers
//! in any language, rows checked by the forms' rules, references that update rather than
//! duplicate, and the three ways to run (dry run, the rows that pass, all or nothing).

use std::io::Write;

use diesel::prelude::*;
use hireboard::admin::resource::{Editor, Viewer};
use hireboard::db::schema::{audit_log, job_translations, jobs};
use hireboard::i18n::{Locale, Messages};
use hireboard::import::{Import, Mode, Outcome, ReadOptions, run};
use hireboard::models::AdminRole;
use hireboard::models::audit::Actor;

use crate::support::{CompanyFactory, TestApp, backends};

/// A file with `bytes`, named as an upload would be.
pub fn file(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(bytes).unwrap();
    file
}

/// Runs an import of `bytes` into `resource` as an administrator reading `locale`.
pub fn import(app: &TestApp, resource: &str, bytes: &[u8], mode: Mode, locale: Locale) -> Outcome {
    import_with(app, resource, bytes, mode, locale, false)
}

/// [`import`], creating the companies rows name when `create_companies` holds.
pub fn import_with(
    app: &TestApp,
    resource: &str,
    bytes: &[u8],
    mode: Mode,
    locale: Locale,
    create_companies: bool,
) -> Outcome {
    let messages = Messages::builtin();
    let import = Import {
        resource,
        editor: Editor::new(
            messages.tr(locale),
            Viewer { admin_user_id: 0, role: AdminRole::Admin },
        ),
        actor: Actor { admin_user_id: None, label: "test".into() },
        targets: None,
        mode,
        file_name: "jobs.csv".into(),
        read: ReadOptions::default(),
        create_companies,
    };
    let file = file(bytes);
    app.with_conn(|c| run(c, &import, file.path(), &messages, None, &mut |_| {}).expect("ran"))
}

fn titles(app: &TestApp) -> Vec<String> {
    app.with_conn(|c| jobs::table.order(jobs::id).select(jobs::title).load(c).unwrap())
}

const JOBS: &str = "Reference,Title,Company,Summary,City,Country,Employment type,Skills,Title [de],Summary [de],Minimum salary\r\n\
R1,Rust Engineer,Acme,Build things,Berlin,DE,Vollzeit,\"Rust; SQL\",Rust-Entwicklerin,Baut Dinge,\"60,000\"\r\n\
R2,Go Engineer,Acme,Run things,Köln,DE,part_time,Go,,,\r\n";

#[test]
fn rows_become_postings_and_the_same_file_again_changes_nothing() {
    for app in backends() {
        app.with_conn(|c| CompanyFactory::new().name("Acme").create(c));
        let outcome = import(&app, "jobs", JOBS.as_bytes(), Mode::Skip, Locale::EN);
        let b = app.backend;
        assert!(outcome.failures.is_empty(), "{b}: {:?}", outcome.failures);
        assert_eq!((outcome.rows, outcome.created, outcome.updated), (2, 2, 0), "{b}");
        assert!(outcome.committed);
        assert_eq!(titles(&app), ["Rust Engineer", "Go Engineer"], "{b}");
        let (kind, salary, translated): (String, Option<i64>, Vec<String>) = app.with_conn(|c| {
            let (kind, salary) = jobs::table
                .order(jobs::id)
                .select((jobs::employment_type, jobs::salary_min))
                .first(c)
                .unwrap();
            let de = job_translations::table
                .filter(job_translations::locale.eq("de"))
                .select(job_translations::title)
                .load(c)
                .unwrap();
            (kind, salary, de)
        });
        assert_eq!(kind, "full_time", "{b}: the German label names the value");
        assert_eq!(salary, Some(60_000), "{b}");
        assert_eq!(translated, ["Rust-Entwicklerin"], "{b}");
        // The same file again: matched by reference, nothing new, nothing changed.
        let again = import(&app, "jobs", JOBS.as_bytes(), Mode::Skip, Locale::EN);
        assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 2), "{b}");
        // A changed row updates its posting.
        let changed = JOBS.replace("Go Engineer", "Go Lead");
        let third = import(&app, "jobs", changed.as_bytes(), Mode::Skip, Locale::EN);
        assert_eq!((third.created, third.updated, third.unchanged), (0, 1, 1), "{b}");
        assert_eq!(titles(&app), ["Rust Engineer", "Go Lead"], "{b}");
        // One summary entry per import in the audit log, not one per row.
        let audited: Vec<String> = app.with_conn(|c| {
            audit_log::table
                .filter(audit_log::action.eq("import"))
                .select(audit_log::changes)
                .load(c)
                .unwrap()
        });
        assert_eq!(audited.len(), 3, "{b}");
        // A translation is whole or absent: a title alone in German names what it lacks.
        let half = JOBS.replace("Baut Dinge", "");
        let fourth = import(&app, "jobs", half.as_bytes(), Mode::DryRun, Locale::EN);
        assert_eq!(
            fourth.failures[0].reasons,
            ["Summary [de] (J): This field is required."],
            "{b}"
        );
        assert!(
            audited[0].contains("\"created\"") && audited[0].contains("jobs.csv"),
            "{b}: {}",
            audited[0]
        );
        // A posting deleted since comes back as a new one, which its reference then names.
        let gone: i64 = app.with_conn(|c| {
            jobs::table.filter(jobs::title.eq("Go Lead")).select(jobs::id).first(c).unwrap()
        });
        app.with_conn(|c| hireboard::models::job::lifecycle::delete_unapplied(c, &[gone]).unwrap());
        let back = import(&app, "jobs", changed.as_bytes(), Mode::Skip, Locale::EN);
        assert_eq!((back.created, back.updated, back.unchanged), (1, 0, 1), "{b}");
        let again = import(&app, "jobs", changed.as_bytes(), Mode::Skip, Locale::EN);
        assert_eq!((again.created, again.unchanged), (0, 2), "{b}");
        assert_eq!(titles(&app), ["Rust Engineer", "Go Lead"], "{b}");
    }
}

const BROKEN: &str = "reference,title,company,summary,city,salary_min\n\
A,Good,Acme,Fine,Berlin,\n\
B,,Acme,No title,Berlin,\n\
C,Bad salary,Acme,Hm,Berlin,lots\n\
A,Repeated,Acme,Again,Berlin,\n\
D,Nowhere,Nobody Inc,Hm,Berlin,\n";

#[test]
fn failed_rows_say_where_and_why_and_the_mode_decides_the_rest() {
    for app in backends() {
        app.with_conn(|c| CompanyFactory::new().name("Acme").create(c));
        let b = app.backend;
        // A dry run checks every row and writes nothing.
        let dry = import(&app, "jobs", BROKEN.as_bytes(), Mode::DryRun, Locale::EN);
        assert_eq!((dry.rows, dry.created), (5, 1), "{b}");
        assert!(!dry.committed);
        assert!(titles(&app).is_empty(), "{b}: a dry run writes nothing");
        let failed: Vec<(u64, String)> =
            dry.failures.iter().map(|f| (f.row, f.reasons.join(" | "))).collect();
        assert_eq!(failed.len(), 4, "{b}: {failed:?}");
        assert_eq!(failed[0], (3, "title (B): This field is required.".to_owned()), "{b}");
        assert_eq!(failed[1].0, 4);
        assert!(failed[1].1.starts_with("salary_min (F): "), "{b}: {}", failed[1].1);
        assert_eq!(failed[2].0, 5);
        assert!(failed[2].1.contains("“A” is also on row 2"), "{b}: {}", failed[2].1);
        assert!(failed[3].1.starts_with("company (C): "), "{b}: {}", failed[3].1);
        // All or nothing: one failed row and the board is as it was.
        let none = import(&app, "jobs", BROKEN.as_bytes(), Mode::AllOrNothing, Locale::EN);
        assert!(!none.committed);
        assert_eq!(none.failures.len(), 4);
        assert!(titles(&app).is_empty(), "{b}: rolled back");
        // The rows that pass: those are written, the others listed.
        let some = import(&app, "jobs", BROKEN.as_bytes(), Mode::Skip, Locale::EN);
        assert!(some.committed);
        assert_eq!(titles(&app), ["Good"], "{b}");
        // The dry run, which writes nothing, said just that.
        let listed = |o: &hireboard::import::Outcome| -> Vec<(u64, Vec<String>)> {
            o.failures.iter().map(|f| (f.row, f.reasons.clone())).collect()
        };
        assert_eq!(listed(&some), listed(&dry), "{b}");
        assert_eq!((some.rows, some.created), (dry.rows, dry.created), "{b}");
        // Reasons come in the importer's language.
        let german = import(&app, "jobs", BROKEN.as_bytes(), Mode::DryRun, Locale::DE);
        assert!(
            german.failures[0].reasons[0].ends_with("Dieses Feld ist erforderlich."),
            "{b}: {:?}",
            german.failures[0]
        );
    }
}

const COMPANIES: &str = "title,company,summary,city\n\
Rust,acme,By slug,Berlin\n\
Go,New Co,Made up,Berlin\n\
Zig,NEW CO,Same again,Berlin\n\
,Failing Co,A failed row makes no company,Berlin\n";

#[test]
fn companies_are_found_by_name_or_slug_and_made_when_asked() {
    use hireboard::db::schema::companies;
    for app in backends() {
        let b = app.backend;
        app.with_conn(|c| CompanyFactory::new().name("Acme").create(c));
        let names = |app: &TestApp| -> Vec<String> {
            app.with_conn(|c| {
                companies::table.order(companies::id).select(companies::name).load(c).unwrap()
            })
        };
        // Without leave, a company the board lacks fails its row.
        let refused = import(&app, "jobs", COMPANIES.as_bytes(), Mode::DryRun, Locale::EN);
        assert_eq!(refused.failures.len(), 3, "{b}: {:?}", refused.failures);
        assert_eq!(refused.companies_created, 0);
        // A dry run counts the company it would make once, and makes none.
        let dry = import_with(&app, "jobs", COMPANIES.as_bytes(), Mode::DryRun, Locale::EN, true);
        assert_eq!((dry.created, dry.companies_created, dry.failures.len()), (3, 1, 1), "{b}");
        assert_eq!(names(&app), ["Acme"], "{b}");
        let done = import_with(&app, "jobs", COMPANIES.as_bytes(), Mode::Skip, Locale::EN, true);
        assert_eq!((done.created, done.companies_created), (3, 1), "{b}");
        assert_eq!(names(&app), ["Acme", "New Co"], "{b}: the failed row made no company");
    }
}

#[test]
fn all_or_nothing_writes_every_row_when_all_pass() {
    for app in backends() {
        app.with_conn(|c| CompanyFactory::new().name("Acme").create(c));
        let outcome = import(&app, "jobs", JOBS.as_bytes(), Mode::AllOrNothing, Locale::EN);
        assert!(outcome.committed && outcome.failures.is_empty(), "{}", app.backend);
        assert_eq!(titles(&app).len(), 2);
    }
}

#[test]
fn a_spreadsheets_formulas_are_refused_by_cell() {
    let app = TestApp::sqlite();
    app.with_conn(|c| CompanyFactory::new().name("Acme").create(c));
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (i, h) in ["title", "company", "summary", "city", "salary_min"].iter().enumerate() {
        sheet.write(0, i as u16, *h).unwrap();
    }
    for (i, v) in ["Rust", "Acme", "Build", "Berlin"].iter().enumerate() {
        sheet.write(1, i as u16, *v).unwrap();
    }
    sheet.write_formula(1, 4, "=1000*60").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let outcome = import(&app, "jobs", &bytes, Mode::Skip, Locale::EN);
    assert_eq!(outcome.failures.len(), 1);
    assert_eq!(
        outcome.failures[0].reasons,
        [
            "Cell E2 holds a formula (=1000*60): the import takes values only, so paste the values over it."
        ]
    );
}

#[test]
fn the_command_line_checks_imports_and_sums_up() {
    let dir = tempfile::tempdir().unwrap();
    let out = crate::cli::hireboard(dir.path()).arg("migrate").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    {
        let mut c = crate::support::data_dir_connection(dir.path());
        CompanyFactory::new().name("Acme").create(&mut c);
    }
    let csv = dir.path().join("jobs.csv");
    std::fs::write(&csv, BROKEN).unwrap();
    let run = |args: &[&str]| {
        let mut cmd = crate::cli::hireboard(dir.path());
        cmd.arg("import").arg(&csv).args(["--resource", "jobs"]).args(args);
        let out = cmd.output().unwrap();
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        (out.status.code(), text(&out.stdout), text(&out.stderr))
    };
    let (code, stdout, stderr) = run(&["--dry-run"]);
    assert_eq!(code, Some(1), "rows failed: {stdout}{stderr}");
    assert_eq!(
        stdout.trim(),
        "5 rows, 1 created, 0 updated, 0 unchanged, 4 failed Dry run: nothing was written."
    );
    assert!(stderr.contains("Row 3: title (B): This field is required.\n"), "{stderr}");
    let (code, stdout, _) = run(&["--all-or-nothing", "--lang", "de"]);
    assert_eq!(code, Some(1));
    assert!(stdout.ends_with("Nichts wurde importiert: Alles ist wie zuvor.\n"), "{stdout}");
    let (code, stdout, _) = run(&[]);
    assert_eq!(code, Some(1));
    assert!(stdout.contains("1 created") && stdout.trim().ends_with("Imported."), "{stdout}");
    let mut c = crate::support::data_dir_connection(dir.path());
    let titles: Vec<String> = jobs::table.select(jobs::title).load(&mut c).unwrap();
    assert_eq!(titles, ["Good"]);
    // A file that is no spreadsheet: one line, in the chosen language.
    std::fs::write(&csv, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let (code, _, stderr) = run(&["--lang", "uk"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr.trim(),
        "hireboard: Цей файл не є таблицею: використайте файл XLSX, ODS або CSV."
    );
    let (code, _, stderr) = run(&["--encoding", "klingon"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("\"klingon\" is not an encoding's name"), "{stderr}");
}

const COMPANIES_FILE: &str = "Reference,Name,Website,City,Country,Description,Description [de]\n\
C1,Fjord Labs,https://fjord.example,Oslo,Norway,We build boats.,Wir bauen Boote.\n\
C2,Kraków Works,not a website,Kraków,PL,Steel.,\n";

#[test]
fn companies_import_through_their_own_form() {
    use hireboard::db::schema::{companies, company_translations};
    for app in backends() {
        let b = app.backend;
        let outcome = import(&app, "companies", COMPANIES_FILE.as_bytes(), Mode::Skip, Locale::EN);
        assert_eq!(outcome.created, 1, "{b}: {:?}", outcome.failures);
        assert_eq!(outcome.failures.len(), 1, "{b}");
        assert!(
            outcome.failures[0].reasons[0].starts_with("Website (C): "),
            "{b}: {:?}",
            outcome.failures
        );
        let (name, country, slug): (String, Option<String>, String) = app.with_conn(|c| {
            companies::table
                .select((companies::name, companies::country_code, companies::slug))
                .first(c)
                .unwrap()
        });
        // The country by its name, the slug made from the name, as the form makes them.
        assert_eq!(
            (name.as_str(), country.as_deref(), slug.as_str()),
            ("Fjord Labs", Some("NO"), "fjord-labs"),
            "{b}"
        );
        let german: Vec<String> = app.with_conn(|c| {
            company_translations::table.select(company_translations::description).load(c).unwrap()
        });
        assert_eq!(german, ["Wir bauen Boote."], "{b}");
        let again = import(&app, "companies", COMPANIES_FILE.as_bytes(), Mode::Skip, Locale::EN);
        assert_eq!((again.created, again.unchanged), (0, 1), "{b}");
    }
}

/// `n` new postings in Berlin, titled "`prefix` N" but the first "Welder", each tagged and
/// translated.
fn postings(prefix: &str, n: usize) -> String {
    let mut csv = String::from(
        "Reference,Title,Company,Summary,City,Country,Skills,Title [de],Summary [de]\n",
    );
    for i in 0..n {
        let title = if i == 0 { "Welder".to_owned() } else { format!("{prefix} {i}") };
        csv.push_str(&format!(
            "{prefix}-{i},{title},Acme,Builds,Berlin,DE,\"Rust; SQL\",{title} (de),Baut\n"
        ));
    }
    csv
}

#[test]
fn a_batch_of_new_postings_is_written_with_a_few_statements() {
    for app in backends() {
        let b = app.backend;
        app.with_conn(|c| CompanyFactory::new().name("Acme").create(c));
        // The first import makes the skills; the ones measured find them.
        import(&app, "jobs", postings("Warm", 5).as_bytes(), Mode::Skip, Locale::EN);
        let mut statements = Vec::new();
        for (prefix, n) in [("Ten", 10), ("Twenty", 20), ("Forty", 40)] {
            let before = app.queries();
            let csv = postings(prefix, n);
            let outcome = import(&app, "jobs", csv.as_bytes(), Mode::Skip, Locale::EN);
            assert_eq!((outcome.created, outcome.failures.len()), (n as u64, 0), "{b}");
            statements.push(app.queries() - before);
        }
        // A row adds one statement, the check of its slug ("Welder" tries one more slug in
        // each file); its posting, translation, skills, search rows and reference are
        // written with the batch's others.
        let (ten, twenty, forty) = (statements[0], statements[1], statements[2]);
        assert_eq!((twenty - ten, forty - twenty), (10 + 1, 20 + 1), "{b}: {statements:?}");
        assert!(ten <= 10 + 30, "{b}: {statements:?}");
        let (slugs, tags, translated): (Vec<String>, i64, i64) = app.with_conn(|c| {
            use hireboard::db::schema::job_skills;
            let slugs = jobs::table
                .filter(jobs::title.eq("Welder"))
                .order(jobs::id)
                .select(jobs::slug)
                .load(c)
                .unwrap();
            let tags = job_skills::table.count().get_result(c).unwrap();
            let translated = job_translations::table.count().get_result(c).unwrap();
            (slugs, tags, translated)
        });
        assert_eq!(slugs, ["welder", "welder-2", "welder-3", "welder-4"], "{b}");
        assert_eq!((tags, translated), (2 * 75, 75), "{b}");
        let found = app.with_conn(|c| hireboard::db::dialect::search_job_ids(c, "Welder").unwrap());
        assert_eq!(found.len(), 4, "{b}: {found:?}");
    }
}

#[test]
fn rows_of_one_title_in_one_batch_get_slugs_of_their_own() {
    for app in backends() {
        let b = app.backend;
        app.with_conn(|c| CompanyFactory::new().name("Acme").create(c));
        let csv = "Title,Company,Summary,City\n\
                   Welder,Acme,One,Berlin\nWelder,Acme,Two,Berlin\nWelder,Acme,Three,Berlin\n";
        let dry = import(&app, "jobs", csv.as_bytes(), Mode::DryRun, Locale::EN);
        assert!(dry.failures.is_empty(), "{b}: {:?}", dry.failures);
        let outcome = import(&app, "jobs", csv.as_bytes(), Mode::Skip, Locale::EN);
        assert_eq!((outcome.created, outcome.failures.len()), (3, 0), "{b}");
        let slugs: Vec<String> =
            app.with_conn(|c| jobs::table.order(jobs::id).select(jobs::slug).load(c).unwrap());
        assert_eq!(slugs, ["welder", "welder-2", "welder-3"], "{b}");
    }
}
