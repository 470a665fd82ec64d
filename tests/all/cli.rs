//! The `hireboard` binary: configuration errors, first start, seeding, admin creation.

use std::io::Write;
use std::process::{Command, Stdio};

pub fn hireboard(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hireboard"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("DATA_DIR", dir)
        .env("RUST_LOG", "error");
    cmd
}

#[test]
fn a_bad_setting_ends_the_program_with_one_line_and_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    for (var, value) in [
        ("BIND", "nowhere"),
        ("DEFAULT_LOCALE", "fr"),
        ("DATABASE_URL", "mongodb://x"),
        ("SECRET_KEY", "short"),
    ] {
        let out = hireboard(dir.path()).env(var, value).arg("migrate").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{var}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert!(stderr.contains(var), "{stderr}");
        assert!(!stderr.contains(value) || var != "SECRET_KEY", "the secret is not echoed");
    }
}

#[test]
fn seeds_demo_data_once_and_synthetic_postings_on_demand() {
    let dir = tempfile::tempdir().unwrap();
    let out = hireboard(dir.path()).arg("seed").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(&format!("{} postings", hireboard::seed::DEMO_POSTINGS)), "{stdout}");
    // A second run leaves a non-empty database alone.
    let out = hireboard(dir.path()).arg("seed").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("seeded 0 companies and 0 postings"));
    let out = hireboard(dir.path()).args(["seed", "--jobs", "200"]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("and 200 postings"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("secret_key").exists(), "a secret key is generated into the data dir");
    // The database and the key are the owner's alone.
    assert_owner_only(&dir.path().join("secret_key"));
    assert_owner_only(&dir.path().join("hireboard.db"));
}

/// Fails unless nobody but the file's owner may read or write it.
pub fn assert_owner_only(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode();
    assert_eq!(mode & 0o077, 0, "{} has mode {mode:o}", path.display());
}

#[test]
fn admin_create_prints_a_generated_password_or_reads_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = hireboard(dir.path())
        .args(["admin", "create", "--email", "Boss@Example.org"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("created admin boss@example.org"), "{stdout}");
    assert!(stdout.lines().any(|l| l.starts_with("password: ") && l.len() >= 30), "{stdout}");

    let mut child = hireboard(dir.path())
        .args([
            "admin",
            "create",
            "--email",
            "ed@example.org",
            "--role",
            "editor",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"quiet harbour pilot ledger\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("password"));

    let dup = hireboard(dir.path())
        .args(["admin", "create", "--email", "boss@example.org"])
        .output()
        .unwrap();
    assert!(!dup.status.success());
    assert!(String::from_utf8_lossy(&dup.stderr).contains("already exists"));
    let bad = hireboard(dir.path())
        .args(["admin", "create", "--email", "x@example.org", "--role", "root"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
}

#[test]
fn reset_2fa_turns_a_users_second_factor_off_and_audits_it() {
    use diesel::prelude::*;
    use hireboard::db::schema::{admin_recovery_codes, admin_users, audit_log};
    let dir = tempfile::tempdir().unwrap();
    let out = hireboard(dir.path())
        .args(["admin", "create", "--email", "lost@example.org"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut c = crate::support::data_dir_connection(dir.path());
    let user = hireboard::models::admin_user::AdminUser::find_by_email(&mut c, "lost@example.org")
        .unwrap()
        .unwrap();
    let secret = hireboard::auth::totp::new_secret();
    let now = hireboard::db::now();
    let code = hireboard::auth::totp::code_at(&secret, now.and_utc().timestamp() as u64).unwrap();
    hireboard::models::second_factor::enable(&mut c, user.id, &secret, &code, now)
        .unwrap()
        .expect("enabled");

    let out = hireboard(dir.path())
        .args(["admin", "reset-2fa", "--email", "Lost@Example.org"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("turned off for lost@example.org"), "{stdout}");
    let enabled: Option<chrono::NaiveDateTime> = admin_users::table
        .find(user.id)
        .select(admin_users::totp_enabled_at)
        .first(&mut c)
        .unwrap();
    assert_eq!(enabled, None);
    let codes: i64 = admin_recovery_codes::table.count().get_result(&mut c).unwrap();
    assert_eq!(codes, 0);
    let actor: String = audit_log::table
        .filter(audit_log::record_id.eq(user.id))
        .select(audit_log::actor)
        .first(&mut c)
        .unwrap();
    assert_eq!(actor, "hireboard admin reset-2fa");
    // Again: nothing to do, and it says so. An unknown address fails.
    let again = hireboard(dir.path())
        .args(["admin", "reset-2fa", "--email", "lost@example.org"])
        .output()
        .unwrap();
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("nothing changed"));
    let unknown = hireboard(dir.path())
        .args(["admin", "reset-2fa", "--email", "nobody@example.org"])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no back-office user"));
}

#[test]
fn api_token_create_prints_a_working_token_once_and_revoke_ends_it() {
    use diesel::prelude::*;
    use hireboard::db::schema::{api_tokens, audit_log};
    let dir = tempfile::tempdir().unwrap();
    let bad = hireboard(dir.path())
        .args(["api-token", "create", "--name", "ATS", "--scopes", "jobs:read,jobs:destroy"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("jobs:destroy"),
        "the bad scope is named"
    );
    let nowhere = hireboard(dir.path())
        .args(["api-token", "create", "--name", "ATS", "--scopes", "jobs:read"])
        .args(["--company", "no-such-company"])
        .output()
        .unwrap();
    assert!(!nowhere.status.success());
    assert!(String::from_utf8_lossy(&nowhere.stderr).contains("no-such-company"));

    let out = hireboard(dir.path())
        .args(["api-token", "create", "--name", "ATS", "--scopes", "jobs:write, jobs:read"])
        .args(["--expires-in-days", "30"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let token = stdout
        .lines()
        .find_map(|l| l.strip_prefix("token: "))
        .unwrap_or_else(|| panic!("no token in {stdout}"));
    assert!(hireboard::models::api_token::well_formed(token), "{token}");

    let mut c = crate::support::data_dir_connection(dir.path());
    let (id, digest, scopes, expires): (i64, String, String, Option<chrono::NaiveDateTime>) =
        api_tokens::table
            .select((
                api_tokens::id,
                api_tokens::digest,
                api_tokens::scopes,
                api_tokens::expires_at,
            ))
            .first(&mut c)
            .unwrap();
    assert_eq!(digest, hireboard::auth::token::digest(token), "only the digest is stored");
    assert_eq!(scopes, "jobs:read,jobs:write");
    let days = (expires.unwrap() - hireboard::db::now()).num_days();
    assert!((29..=30).contains(&days), "{days}");
    let now = hireboard::db::now();
    assert!(hireboard::models::api_token::authenticate(&mut c, token, now).unwrap().is_ok());
    drop(c);

    let out = hireboard(dir.path())
        .args(["api-token", "revoke", "--id", &id.to_string()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut c = crate::support::data_dir_connection(dir.path());
    assert!(hireboard::models::api_token::authenticate(&mut c, token, now).unwrap().is_err());
    let audited: Vec<(String, String, String)> = audit_log::table
        .filter(audit_log::resource.eq("api_tokens"))
        .order(audit_log::id.asc())
        .select((audit_log::action, audit_log::actor, audit_log::changes))
        .load(&mut c)
        .unwrap();
    assert_eq!(audited.len(), 2, "{audited:?}");
    assert_eq!(audited[0].0, "create");
    assert_eq!(audited[1].0, "update");
    assert!(
        audited
            .iter()
            .all(|(_, actor, changes)| actor == "hireboard api-token" && !changes.contains(token))
    );
    let missing =
        hireboard(dir.path()).args(["api-token", "revoke", "--id", "999"]).output().unwrap();
    assert!(!missing.status.success());
}

/// `places import` from a pycities database file (the package's format, built here) and a
/// GeoNames cities file; a file it cannot read ends with one line and no change.
#[test]
fn places_import_from_a_pycities_database_and_a_geonames_file() {
    use diesel::prelude::*;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pycities.db");
    let mut conn = diesel::SqliteConnection::establish(db.to_str().unwrap()).unwrap();
    for statement in [
        "CREATE TABLE country (iso TEXT, languages TEXT)",
        "CREATE TABLE city (geonames_id INTEGER, name TEXT, name_en TEXT, name_uk TEXT, \
         country_code TEXT, latitude REAL, longitude REAL, population INTEGER)",
        "INSERT INTO country VALUES ('DE', 'de'), ('UA', 'uk,ru-UA')",
        "INSERT INTO city VALUES (2886242, 'Köln', 'Cologne', 'Кельн', 'DE', 50.93, 6.95, 963395), \
         (703448, 'Kyiv', 'Kyiv', 'Київ', 'UA', 50.45, 30.52, 2797553)",
    ] {
        diesel::sql_query(statement).execute(&mut conn).unwrap();
    }
    let out = hireboard(dir.path()).args(["places", "import", "--from"]).arg(&db).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Köln is the German name (GeoNames' local one), Кельн and Київ the Ukrainian ones.
    assert!(stdout.contains("2 added") && stdout.contains("de 1, uk 2"), "{stdout}");
    let again =
        hireboard(dir.path()).args(["places", "import", "--from"]).arg(&db).output().unwrap();
    assert!(String::from_utf8_lossy(&again.stdout).contains("0 added, 0 updated, 2 unchanged"));
    let cities = dir.path().join("cities15000.txt");
    std::fs::write(&cities, "2867714\tMunich\tMunich\t\t48.13743\t11.57549\tP\tPPLA\tDE\t\t02\t091\t09162\t09162000\t1260391\t\t524\tEurope/Berlin\t2023-01-01\n").unwrap();
    let out =
        hireboard(dir.path()).args(["places", "import", "--from"]).arg(&cities).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 added"), "{out:?}");
    let missing = dir.path().join("missing.txt");
    let out =
        hireboard(dir.path()).args(["places", "import", "--from"]).arg(&missing).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing.txt"), "{stderr}");
}

/// A temporary `locales/` with English's `main.ftl` and an empty Polish folder.
fn locales_folder(english: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let locales = dir.path().join("locales");
    for lang in ["en", "pl"] {
        std::fs::create_dir_all(locales.join(lang)).unwrap();
    }
    std::fs::write(locales.join("en/main.ftl"), english).unwrap();
    (dir, locales)
}

/// `hireboard i18n check` and `status` work on a folder of message files without any setting,
/// database or key: a broken file is reported with its line and exit code 1.
#[test]
fn the_translators_commands_report_problems_with_their_lines() {
    let (dir, locales) = locales_folder(
        "hello = Hello, { $name }!\nitems = { $n ->\n    [one] One item\n   *[other] { $n } items\n}\n",
    );
    std::fs::write(
        locales.join("pl/main.ftl"),
        "hello = Cześć, { $imie }!\nitems = { $n ->\n    [one] Jedna rzecz\n   *[other] { $n } rzeczy\n}\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        hireboard(dir.path()).args(args).arg("--dir").arg(&locales).output().unwrap()
    };

    let check = run(&["i18n", "check"]);
    let out = String::from_utf8_lossy(&check.stdout);
    assert_eq!(check.status.code(), Some(1), "{out}");
    let pl = locales.join("pl/main.ftl");
    assert!(out.contains(&format!("{}:1: hello: takes {{\"imie\"}}", pl.display())), "{out}");
    assert!(
        out.contains(&format!(
            "{}:2: items: no variant for the plural forms [\"few\", \"many\"]",
            pl.display()
        )),
        "{out}"
    );
    assert!(!out.contains("en/main.ftl"), "English is fine: {out}");

    let status = run(&["i18n", "status"]);
    assert_eq!(status.status.code(), Some(0));
    let table = String::from_utf8_lossy(&status.stdout);
    let row: Vec<&str> = table
        .lines()
        .find(|l| l.starts_with("pl ") && l.contains("(all)"))
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(row, ["pl", "(all)", "2", "2", "0", "0", "0", "0", "100.0", "%"], "{table}");

    std::fs::write(
        locales.join("pl/main.ftl"),
        "hello = Cześć, { $name }!\nitems = { $n ->\n    [one] Jedna rzecz\n    [few] { $n } rzeczy\n    [many] { $n } rzeczy\n   *[other] { $n } rzeczy\n}\n",
    )
    .unwrap();
    let check = run(&["i18n", "check"]);
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stdout));
}

/// A translator's round trip through a CAT tool: export a language as PO or XLIFF, translate a
/// message, import it. Only that message changes in the file (its comment and the rest stay
/// byte for byte); a translation that would break the message is refused and nothing is
/// written.
#[test]
fn translations_go_out_and_come_back_through_po_and_xliff() {
    let (dir, locales) = locales_folder(
        "# The greeting.\nhello = Hello, { $name }!\nitems = { $n ->\n    [one] One item\n   *[other] { $n } items\n}\nbye = Goodbye\n",
    );
    let polish = "## Main\n\n# The greeting.\nhello = Cześć, { $name }!\nitems = { $n ->\n    [one] Jedna rzecz\n    [few] { $n } rzeczy\n    [many] { $n } rzeczy\n   *[other] { $n } rzeczy\n}\n";
    std::fs::write(locales.join("pl/main.ftl"), polish).unwrap();
    let run = |args: &[&str]| {
        let out = hireboard(dir.path()).args(args).arg("--dir").arg(&locales).output().unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code(), text)
    };
    let po = dir.path().join("pl.po");
    let xliff = dir.path().join("pl.xlf");
    for (format, path) in [("po", &po), ("xliff", &xliff)] {
        let (code, out) = run(&[
            "i18n",
            "export",
            "--format",
            format,
            "--lang",
            "pl",
            "--output",
            path.to_str().unwrap(),
        ]);
        assert_eq!(code, Some(0), "{out}");
        let (code, out) = run(&["i18n", "import", path.to_str().unwrap()]);
        assert_eq!(code, Some(0), "{out}");
        assert!(out.contains("0 file(s) changed"), "{format}: {out}");
        assert_eq!(std::fs::read_to_string(locales.join("pl/main.ftl")).unwrap(), polish);
    }
    let exported = std::fs::read_to_string(&po).unwrap();
    assert!(
        exported.contains("#. The greeting.") && exported.contains("msgctxt \"bye\""),
        "{exported}"
    );
    assert!(exported.contains("Language: pl"), "{exported}");

    // Translate one message, leave the rest: only it changes, and the missing one is added.
    let translated =
        exported.replace("msgstr \"Cześć, { $name }!\"", "msgstr \"Dzień dobry, { $name }!\"");
    let translated = translated.replacen(
        "msgctxt \"bye\"\nmsgid \"Goodbye\"\nmsgstr \"\"",
        "msgctxt \"bye\"\nmsgid \"Goodbye\"\nmsgstr \"Do widzenia\"",
        1,
    );
    assert_ne!(translated, exported);
    std::fs::write(&po, &translated).unwrap();
    let (code, out) = run(&["i18n", "import", po.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}");
    let now = std::fs::read_to_string(locales.join("pl/main.ftl")).unwrap();
    assert_eq!(
        now,
        polish.replace("Cześć", "Dzień dobry") + "bye = Do widzenia\n",
        "only the changed message, and the new one at the end"
    );

    // A variable English does not have, in XLIFF: refused, nothing written.
    let xlf =
        std::fs::read_to_string(&xliff).unwrap().replace("Cześć, { $name }!", "Cześć, { $imie }!");
    std::fs::write(&xliff, xlf).unwrap();
    let (code, out) = run(&["i18n", "import", xliff.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("hello: takes {\"imie\"}, English takes {\"name\"}"), "{out}");
    assert!(out.contains("nothing written"), "{out}");
    assert_eq!(std::fs::read_to_string(locales.join("pl/main.ftl")).unwrap(), now);
}

/// `hireboard i18n pull` writes the texts saved in the back office into a copy of the files,
/// byte for byte otherwise; a second pull has nothing to write.
#[test]
fn texts_saved_in_the_back_office_are_pulled_into_the_files() {
    use diesel::prelude::*;
    use hireboard::db::schema::message_overrides as o;
    let dir = tempfile::tempdir().unwrap();
    let out = hireboard(dir.path()).arg("migrate").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let locales = dir.path().join("locales");
    crate::support::locales::copy_shipped(&locales);
    let saved = "{ $count ->\n    [0] Keine Stellen gefunden\n    [one] { $count } Stelle\n   *[other] { $count } Stellen\n}";
    let mut conn = crate::support::data_dir_connection(dir.path());
    let now = hireboard::db::now();
    diesel::insert_into(o::table)
        .values((
            o::locale.eq("de"),
            o::message_id.eq("search-total"),
            o::source.eq(saved),
            o::created_at.eq(now),
            o::updated_at.eq(now),
        ))
        .execute(&mut conn)
        .unwrap();
    let pull = || {
        let out =
            hireboard(dir.path()).args(["i18n", "pull", "--dir"]).arg(&locales).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let printed = pull();
    assert!(printed.contains("de/jobs.ftl") && printed.contains("1 file(s) written"), "{printed}");
    let shipped = std::fs::read_to_string("locales/de/jobs.ftl").unwrap();
    let pulled = std::fs::read_to_string(locales.join("de/jobs.ftl")).unwrap();
    let start = shipped.find("search-total = ").unwrap() + "search-total = ".len();
    let end = start + shipped[start..].find("\n}").unwrap() + 2;
    let mut expected = shipped.clone();
    expected.replace_range(start..end, saved);
    assert_eq!(pulled, expected);
    assert!(pull().contains("0 file(s) written"));
}
