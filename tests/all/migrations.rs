//! The migrations on every backend: up, all the way down, and up again, leaving nothing
//! behind; and every foreign key has an index that starts with its column (deleting or
//! joining by a parent must not scan the child table).

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use diesel_migrations::{FileBasedMigrations, MigrationHarness};
use hireboard::db::{DbConn, PooledConn};

/// A fresh, empty database of each backend: (name, connection, guards kept alive).
fn fresh_databases() -> Vec<(&'static str, PooledConn, Box<dyn std::any::Any>)> {
    let connect = crate::support::one_connection;
    let mut out: Vec<(&'static str, PooledConn, Box<dyn std::any::Any>)> = Vec::new();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("m.db").display());
    out.push(("sqlite", connect(&url), Box::new(dir)));
    if let Some((schema, url)) = crate::support::app::fresh_postgres() {
        out.push(("postgres", connect(&url), Box::new(schema)));
    }
    if let Some((database, url)) = crate::support::app::fresh_mysql() {
        out.push(("mysql", connect(&url), Box::new(database)));
    }
    out
}

fn migrations(backend: &str) -> FileBasedMigrations {
    FileBasedMigrations::from_path(format!("{}/migrations/{backend}", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

fn tables(backend: &str, conn: &mut DbConn) -> Vec<String> {
    let sql = match backend {
        "sqlite" => {
            "SELECT name FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%' AND name <> '__diesel_schema_migrations' ORDER BY name"
        }
        "mysql" => {
            "SELECT table_name AS name FROM information_schema.tables \
             WHERE table_schema = DATABASE() \
             AND table_name <> '__diesel_schema_migrations' ORDER BY table_name"
        }
        _ => {
            "SELECT table_name AS name FROM information_schema.tables \
             WHERE table_schema = current_schema() \
             AND table_name <> '__diesel_schema_migrations' ORDER BY table_name"
        }
    };
    diesel::sql_query(sql).load::<Name>(conn).unwrap().into_iter().map(|n| n.name).collect()
}

fn run(backend: &str, conn: &mut DbConn, up: bool) -> usize {
    let migs = migrations(backend);
    let result = match conn {
        DbConn::Sqlite(c) if up => c.run_pending_migrations(migs).map(|v| v.len()),
        DbConn::Sqlite(c) => c.revert_all_migrations(migs).map(|v| v.len()),
        #[cfg(feature = "postgres")]
        DbConn::Pg(c) if up => c.run_pending_migrations(migs).map(|v| v.len()),
        #[cfg(feature = "postgres")]
        DbConn::Pg(c) => c.revert_all_migrations(migs).map(|v| v.len()),
        #[cfg(feature = "mysql")]
        DbConn::Mysql(c) if up => c.run_pending_migrations(migs).map(|v| v.len()),
        #[cfg(feature = "mysql")]
        DbConn::Mysql(c) => c.revert_all_migrations(migs).map(|v| v.len()),
    };
    result.unwrap_or_else(|e| panic!("{backend} {}: {e}", if up { "up" } else { "down" }))
}

#[test]
fn migrations_go_up_down_and_up_again_on_every_backend() {
    for (backend, mut conn, _guard) in fresh_databases() {
        let conn: &mut DbConn = &mut conn;
        let applied = run(backend, conn, true);
        assert!(applied > 10, "{backend}: {applied}");
        let all_tables = tables(backend, conn);
        assert!(all_tables.contains(&"jobs".to_owned()), "{backend}");
        assert_eq!(run(backend, conn, false), applied, "{backend}");
        assert_eq!(tables(backend, conn), Vec::<String>::new(), "{backend}");
        assert_eq!(run(backend, conn, true), applied, "{backend}");
        assert_eq!(tables(backend, conn), all_tables, "{backend}");
    }
}

#[derive(QueryableByName)]
struct ForeignKey {
    #[diesel(sql_type = Text)]
    child: String,
    #[diesel(sql_type = Text)]
    column: String,
}

#[derive(QueryableByName)]
struct Leading {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = BigInt)]
    position: i64,
}

/// A column of a table: (table, column).
type TableColumn = (String, String);

/// Every foreign key's column, and every index's (and primary key's) first column.
fn keys_and_leading_columns(
    backend: &str,
    conn: &mut DbConn,
) -> (Vec<TableColumn>, Vec<TableColumn>) {
    let mut fks = Vec::new();
    let mut leading = Vec::new();
    if backend == "sqlite" {
        for table in tables(backend, conn) {
            let keys = diesel::sql_query(format!(
                "SELECT '{table}' AS child, \"from\" AS \"column\" FROM pragma_foreign_key_list('{table}')"
            ))
            .load::<ForeignKey>(conn)
            .unwrap();
            fks.extend(keys.into_iter().map(|k| (k.child, k.column)));
            let firsts = diesel::sql_query(format!(
                "SELECT ii.name AS name, 0 AS position FROM pragma_index_list('{table}') il, \
                 pragma_index_info(il.name) ii WHERE ii.seqno = 0 \
                 UNION ALL SELECT name, pk - 1 AS position FROM pragma_table_info('{table}') WHERE pk = 1"
            ))
            .load::<Leading>(conn)
            .unwrap();
            leading.extend(
                firsts.into_iter().filter(|l| l.position == 0).map(|l| (table.clone(), l.name)),
            );
        }
    } else if backend == "mysql" {
        fks = diesel::sql_query(
            "SELECT table_name AS child, column_name AS `column` \
             FROM information_schema.key_column_usage WHERE table_schema = DATABASE() \
             AND referenced_table_name IS NOT NULL AND ordinal_position = 1",
        )
        .load::<ForeignKey>(conn)
        .unwrap()
        .into_iter()
        .map(|k| (k.child, k.column))
        .collect();
        leading = diesel::sql_query(
            "SELECT table_name AS child, column_name AS `column` \
             FROM information_schema.statistics WHERE table_schema = DATABASE() AND seq_in_index = 1",
        )
        .load::<ForeignKey>(conn)
        .unwrap()
        .into_iter()
        .map(|k| (k.child, k.column))
        .collect();
    } else {
        fks = diesel::sql_query(
            "SELECT cl.relname AS child, a.attname AS \"column\" FROM pg_constraint c \
             JOIN pg_class cl ON cl.oid = c.conrelid \
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] \
             WHERE c.contype = 'f' AND cl.relnamespace = current_schema()::regnamespace",
        )
        .load::<ForeignKey>(conn)
        .unwrap()
        .into_iter()
        .map(|k| (k.child, k.column))
        .collect();
        leading = diesel::sql_query(
            "SELECT cl.relname AS child, a.attname AS \"column\" FROM pg_index i \
             JOIN pg_class cl ON cl.oid = i.indrelid \
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] \
             WHERE cl.relnamespace = current_schema()::regnamespace",
        )
        .load::<ForeignKey>(conn)
        .unwrap()
        .into_iter()
        .map(|k| (k.child, k.column))
        .collect();
    }
    (fks, leading)
}

#[test]
fn every_foreign_key_has_an_index_on_every_backend() {
    for (backend, mut conn, _guard) in fresh_databases() {
        let conn: &mut DbConn = &mut conn;
        run(backend, conn, true);
        let (fks, leading) = keys_and_leading_columns(backend, conn);
        assert!(fks.len() > 5, "{backend}: {} foreign keys", fks.len());
        let mut missing: Vec<String> = fks
            .iter()
            .filter(|fk| !leading.contains(fk))
            .map(|(t, c)| format!("{t}.{c}"))
            .collect();
        missing.sort();
        missing.dedup();
        assert_eq!(missing, Vec::<String>::new(), "{backend}: foreign keys without an index");
    }
}

/// `db::migrate` (what `serve` runs at start, under the start-up lock of each backend:
/// `BEGIN IMMEDIATE`, an advisory lock, `GET_LOCK`) applies every migration once.
#[test]
fn migrate_applies_each_migration_once_under_the_start_up_lock_on_every_backend() {
    for (backend, mut conn, _guard) in fresh_databases() {
        let conn: &mut DbConn = &mut conn;
        let applied = hireboard::db::migrate(conn).unwrap_or_else(|e| panic!("{backend}: {e}"));
        assert_eq!(applied, migrations_count(backend), "{backend}");
        assert_eq!(hireboard::db::migrate(conn), Ok(0), "{backend}");
        assert!(tables(backend, conn).contains(&"tasks".to_owned()), "{backend}");
    }
}

/// How many migrations `migrations/{backend}` holds.
fn migrations_count(backend: &str) -> usize {
    std::fs::read_dir(format!("{}/migrations/{backend}", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .filter(|e| e.as_ref().is_ok_and(|e| e.path().join("up.sql").exists()))
        .count()
}

/// The backends' migrations are one history: the same steps, by name, in each directory.
#[test]
fn every_backend_has_the_same_migrations() {
    let names = |backend: &str| {
        let dir = format!("{}/migrations/{backend}", env!("CARGO_MANIFEST_DIR"));
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    assert!(names("sqlite").len() > 10);
    assert_eq!(names("postgres"), names("sqlite"));
    assert_eq!(names("mysql"), names("sqlite"));
}

/// Languages are configuration: no column refuses a language the schema never heard of, on any
/// backend (the CHECKs of the first three are gone, SQLite's too).
#[test]
fn language_columns_take_any_language_on_every_backend() {
    use hireboard::db::schema::{admin_users, skills};
    for (backend, mut conn, _guard) in fresh_databases() {
        hireboard::db::migrate(&mut conn).unwrap();
        let now = hireboard::db::now();
        diesel::insert_into(admin_users::table)
            .values((
                admin_users::email.eq("pl@example.test"),
                admin_users::password_hash.eq("x"),
                admin_users::role.eq("admin"),
                admin_users::locale.eq("pl"),
                admin_users::created_at.eq(now),
                admin_users::updated_at.eq(now),
                admin_users::name.eq("Polka"),
            ))
            .execute(&mut conn)
            .unwrap_or_else(|e| panic!("{backend}: {e}"));
        diesel::update(admin_users::table)
            .set(admin_users::locale.eq("pt-BR"))
            .execute(&mut conn)
            .unwrap_or_else(|e| panic!("{backend}: {e}"));
        let locales: Vec<String> =
            admin_users::table.select(admin_users::locale).load(&mut conn).unwrap();
        assert_eq!(locales, ["pt-BR"], "{backend}");
        // A column whose constraint came with a later ALTER TABLE.
        diesel::insert_into(skills::table)
            .values((
                skills::slug.eq("polski"),
                skills::name.eq("Polski (C1)"),
                skills::created_at.eq(now),
                skills::original_locale.eq("pl"),
            ))
            .execute(&mut conn)
            .unwrap_or_else(|e| panic!("{backend}: {e}"));
    }
}
