//! The engine on a declaration of its own: a record-level scope narrows every read (list,
//! scope counts, export, lookup, visibility) and the filters, scopes and sorts combine.

use diesel::prelude::*;

use super::{Columns, Declaration, Filter, Pred, Scope, Shows};
use crate::admin::resource::{
    Cell, Dir, ListQuery, Listing, Lookup, Panel, Record, Viewer, parse_list_query,
};
use crate::auth::policy::Area;
use crate::db::DbConn;
use crate::db::schema::skills;
use crate::error::AppError;
use crate::i18n::{Locale, Tr};
use crate::models::AdminRole;

/// Skills, of which anyone but an admin sees those starting with "A".
struct Restricted;

#[derive(Queryable, Selectable, Identifiable)]
#[diesel(table_name = skills)]
struct SkillName {
    id: i64,
    name: String,
}

impl Declaration for Restricted {
    type Table = skills::table;
    type Row = SkillName;
    type Context = ();
    const NAME: &'static str = "restricted";
    const AREA: Area = Area::Skills;
    const TITLE: &'static str = "admin-nav-skills";
    const TABLE: &'static str = "skills";
    const DEFAULT_SORT: (&'static str, Dir) = ("name", Dir::Asc);
    const NAMED_BY: Option<&'static str> = Some("name");

    fn columns(&self, c: &mut Columns<Self>) {
        c.text("name", "admin-field-name", |s| s.name.clone()).sorted_by(skills::name);
    }
    fn filters(&self, _tr: &Tr) -> Vec<Filter<skills::table>> {
        vec![Filter::text("name", "admin-field-name", skills::name)]
    }
    fn scopes(&self) -> Vec<Scope<skills::table>> {
        vec![Scope::all(), Scope::new("long", "admin-scope-all", skills::name.like("%______%"))]
    }
    fn scope_for(&self, viewer: &Viewer) -> Option<Pred<skills::table>> {
        (viewer.role != AdminRole::Admin).then(|| Box::new(skills::name.like("A%")) as _)
    }
}

impl crate::admin::resource::Resource for Restricted {}

/// A skill's show page: its name.
fn record_of(skill: SkillName) -> Record {
    Record {
        label: skill.name.clone(),
        public_url: None,
        status: None,
        panels: vec![
            Panel::new("admin-panel-skill").row("admin-field-name", Cell::Text(skill.name)),
        ],
    }
}

impl Shows for Restricted {
    type Detail = SkillName;
    fn record(&self, _: &mut DbConn, skill: SkillName, _: &Tr) -> Result<Record, AppError> {
        Ok(record_of(skill))
    }
}

impl Shows for ByLength {
    type Detail = SkillName;
    fn record(&self, _: &mut DbConn, skill: SkillName, _: &Tr) -> Result<Record, AppError> {
        Ok(record_of(skill))
    }
}

const ADMIN: Viewer = Viewer { admin_user_id: 1, role: AdminRole::Admin };
const EDITOR: Viewer = Viewer { admin_user_id: 2, role: AdminRole::Editor };

fn database() -> DbConn {
    let mut conn = DbConn::Sqlite(
        diesel::SqliteConnection::establish(":memory:").expect("an in-memory database"),
    );
    crate::db::migrate(&mut conn).expect("migrations");
    let now = crate::db::now();
    for name in ["Ansible", "Angular", "Rust", "Go", "Agile"] {
        diesel::insert_into(skills::table)
            .values((
                skills::name.eq(name),
                skills::slug.eq(name.to_lowercase()),
                skills::created_at.eq(now),
            ))
            .execute(&mut conn)
            .expect("a skill");
    }
    conn
}

fn query(url: &str, viewer: Viewer) -> ListQuery {
    parse_list_query(&Restricted, url, &crate::i18n::Messages::builtin().tr(Locale::EN), viewer)
}

fn names(conn: &mut DbConn, url: &str, viewer: Viewer) -> (Vec<String>, Vec<i64>) {
    let listed = Restricted
        .list(conn, &query(url, viewer), &crate::i18n::Messages::builtin().tr(Locale::EN), None)
        .expect("a page");
    let names = listed
        .rows
        .into_iter()
        .map(|row| match &row.cells[0] {
            Cell::Text(t) => t.clone(),
            _ => panic!("a text cell"),
        })
        .collect();
    (names, listed.scope_counts)
}

#[test]
fn a_record_scope_narrows_lists_counts_exports_lookups_and_records() {
    let mut conn = database();
    let all = ["Agile", "Angular", "Ansible", "Go", "Rust"];
    assert_eq!(names(&mut conn, "", ADMIN), (all.map(String::from).to_vec(), vec![5, 2]));
    assert_eq!(
        names(&mut conn, "sort=-name", EDITOR),
        (vec!["Ansible".into(), "Angular".into(), "Agile".into()], vec![3, 2])
    );
    // Filters and scopes stay within the records the viewer may see.
    assert_eq!(
        names(&mut conn, "scope=long&name=n", EDITOR),
        (vec!["Angular".into(), "Ansible".into()], vec![2, 2])
    );
    assert_eq!(names(&mut conn, "name=go", EDITOR), (vec![], vec![0, 0]));

    let exported = Restricted
        .export_rows(
            &mut conn,
            &query("", EDITOR),
            0,
            100,
            &crate::i18n::Messages::builtin().tr(Locale::EN),
        )
        .expect("export");
    assert_eq!(exported.len(), 3);
    let found = Restricted
        .lookup(
            &mut conn,
            Lookup::Containing("a"),
            &EDITOR,
            &crate::i18n::Messages::builtin().tr(Locale::EN),
        )
        .expect("lookup");
    assert_eq!(
        found.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(),
        ["Agile", "Angular", "Ansible"]
    );
    let label = |found: Vec<(i64, String)>| found.into_iter().map(|(_, n)| n).collect::<Vec<_>>();
    assert_eq!(
        label(
            Restricted
                .lookup(
                    &mut conn,
                    Lookup::Containing("g"),
                    &ADMIN,
                    &crate::i18n::Messages::builtin().tr(Locale::EN)
                )
                .expect("lookup")
        ),
        ["Agile", "Angular", "Go"]
    );
    assert_eq!(
        label(
            Restricted
                .lookup(
                    &mut conn,
                    Lookup::Containing("g"),
                    &EDITOR,
                    &crate::i18n::Messages::builtin().tr(Locale::EN)
                )
                .expect("lookup")
        ),
        ["Agile", "Angular"]
    );

    let ids: Vec<i64> =
        skills::table.order(skills::name).select(skills::id).load(&mut conn).expect("ids");
    // An association field's text names one record exactly, in any case, among the viewer's;
    // its stored id shows the name, unless the viewer may not see that record.
    let mut lookup = |wanted, viewer| {
        label(
            Restricted
                .lookup(&mut conn, wanted, viewer, &crate::i18n::Messages::builtin().tr(Locale::EN))
                .unwrap(),
        )
    };
    assert_eq!(lookup(Lookup::Named("angular"), &EDITOR), ["Angular"]);
    assert_eq!(lookup(Lookup::Named("ang"), &EDITOR), Vec::<String>::new());
    assert_eq!(lookup(Lookup::Named("rust"), &EDITOR), Vec::<String>::new());
    assert_eq!(lookup(Lookup::Named("rust"), &ADMIN), ["Rust"]);
    let (rust_and_agile, unseen) = ([ids[4], ids[0]], [ids[4]]);
    assert_eq!(lookup(Lookup::Ids(&rust_and_agile), &ADMIN), ["Agile", "Rust"]);
    assert_eq!(lookup(Lookup::Ids(&rust_and_agile), &EDITOR), ["Agile"]);
    assert_eq!(lookup(Lookup::Ids(&unseen), &EDITOR), Vec::<String>::new());
    assert_eq!(Restricted.visible(&mut conn, &ids, &ADMIN).expect("visible"), ids);
    let mut seen = Restricted.visible(&mut conn, &ids, &EDITOR).expect("visible");
    seen.sort();
    let mut a_names = ids[..3].to_vec();
    a_names.sort();
    assert_eq!(seen, a_names);
    assert!(Restricted.require_visible(&mut conn, ids[4], &EDITOR).is_err());
    assert!(Restricted.require_visible(&mut conn, ids[4], &ADMIN).is_ok());
    // Counts within one user's records are never shared through the cache.
    assert_eq!(Listing::data_version(&Restricted, &mut conn, &EDITOR).expect("version"), None);
}

#[test]
fn the_data_version_moves_with_every_insert_update_and_delete() {
    let mut conn = database();
    let version = |conn: &mut DbConn| {
        Listing::data_version(&Restricted, conn, &ADMIN)
            .expect("version")
            .expect("skills are counted")
    };
    let mut seen = vec![version(&mut conn)];
    for sql in [
        "INSERT INTO skills (name, slug, created_at) VALUES ('Zig', 'zig', '2026-01-01 00:00:00')",
        "UPDATE skills SET name = 'Zig!' WHERE slug = 'zig'",
        "DELETE FROM skills WHERE slug = 'zig'",
    ] {
        diesel::sql_query(sql).execute(&mut conn).expect(sql);
        seen.push(version(&mut conn));
    }
    seen.dedup();
    assert_eq!(seen.len(), 4, "{seen:?}");
}

#[test]
fn exports_resume_after_a_key_and_keep_the_filters() {
    let mut conn = database();
    let q = query("name=a", ADMIN);
    let first = Restricted
        .export_rows(&mut conn, &q, 0, 2, &crate::i18n::Messages::builtin().tr(Locale::EN))
        .expect("export");
    assert_eq!(first.len(), 2);
    let rest = Restricted
        .export_rows(
            &mut conn,
            &q,
            first[1].0,
            100,
            &crate::i18n::Messages::builtin().tr(Locale::EN),
        )
        .expect("export");
    // Ansible, Angular, Agile: three names with an "a", in id order across the two reads.
    assert_eq!(rest.len(), 1);
    assert!(first[0].0 < first[1].0 && first[1].0 < rest[0].0);
}

/// Skills with a scope per name length: more scopes than one counting statement reads.
struct ByLength;

impl Declaration for ByLength {
    type Table = skills::table;
    type Row = SkillName;
    type Context = ();
    const NAME: &'static str = "by_length";
    const AREA: Area = Area::Skills;
    const TITLE: &'static str = "admin-nav-skills";
    const TABLE: &'static str = "skills";
    const DEFAULT_SORT: (&'static str, Dir) = ("name", Dir::Asc);

    fn columns(&self, c: &mut Columns<Self>) {
        c.text("name", "admin-field-name", |s| s.name.clone()).sorted_by(skills::name);
    }
    fn scopes(&self) -> Vec<Scope<skills::table>> {
        const KEYS: [&str; 11] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"];
        std::iter::once(Scope::all())
            .chain(KEYS.into_iter().map(|key| {
                let pattern = "_".repeat(key.parse().unwrap_or(1));
                Scope::new(key, "admin-scope-all", skills::name.like(pattern))
            }))
            .collect()
    }
}

#[test]
fn more_scopes_than_one_statement_reads_are_all_counted() {
    let mut conn = database();
    let q =
        parse_list_query(&Restricted, "", &crate::i18n::Messages::builtin().tr(Locale::EN), ADMIN);
    let listed = ByLength
        .list(&mut conn, &q, &crate::i18n::Messages::builtin().tr(Locale::EN), None)
        .expect("a page");
    // Ansible, Angular, Rust, Go, Agile: lengths 7, 7, 4, 2, 5.
    assert_eq!(listed.scope_counts, [5, 0, 1, 0, 1, 1, 0, 2, 0, 0, 0, 0]);
}

#[test]
fn a_record_is_shown_by_its_id_and_a_missing_one_is_none() {
    let mut conn = database();
    let tr = crate::i18n::Messages::builtin().tr(Locale::EN);
    let id: i64 = skills::table
        .filter(skills::name.eq("Rust"))
        .select(skills::id)
        .first(&mut conn)
        .expect("Rust");
    let shown = Restricted.show(&mut conn, id, &tr).expect("show");
    assert_eq!(shown.map(|r| r.label).as_deref(), Some("Rust"));
    assert!(Restricted.show(&mut conn, id + 100, &tr).expect("show").is_none());
}

#[test]
fn deep_pages_read_their_ids_first_and_list_the_same_rows() {
    let mut conn = database();
    let now = crate::db::now();
    for i in 0..700 {
        // Names out of id order, some alike, so that the sort and its tie-break both show.
        diesel::insert_into(skills::table)
            .values((
                skills::name.eq(format!("S{:03}", (i * 37) % 350)),
                skills::slug.eq(format!("s-{i}")),
                skills::created_at.eq(now),
            ))
            .execute(&mut conn)
            .expect("a skill");
    }
    let mut all: Vec<(String, i64)> =
        skills::table.select((skills::name, skills::id)).load(&mut conn).expect("all");
    all.sort();
    let page = |all: &[(String, i64)], from: usize| -> Vec<String> {
        all[from..from + 100].iter().map(|(n, _)| n.clone()).collect()
    };
    // Page 6 of 100 starts at offset 500: its ids are read in a subquery.
    let url = "sort=name&page=6&per_page=100";
    assert_eq!(names(&mut conn, url, ADMIN).0, page(&all, 500));
    let url = "sort=name&page=2&per_page=100";
    assert_eq!(names(&mut conn, url, ADMIN).0, page(&all, 100));
    all.reverse();
    let url = "sort=-name&page=6&per_page=100";
    assert_eq!(names(&mut conn, url, ADMIN).0, page(&all, 500));
}
