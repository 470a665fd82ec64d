//! A posting row's company, by name or slug: looked up once per import, and created when the
//! importer said so (a name the board does not know becomes a company of that name).

use std::collections::{HashMap, HashSet};

use crate::admin::resource::{Editor, Lookup};
use crate::db::DbConn;
use crate::error::AppError;
use crate::models::company::{Company, NewCompany};

/// The companies an import has named so far.
#[derive(Default)]
pub struct Companies {
    /// Lower-cased name or slug → id.
    known: HashMap<String, i64>,
    /// The names this import created, in order, as long as their rows stand.
    made: Vec<String>,
    /// Every name this import created (or would have: a dry run's batches roll back).
    counted: HashSet<String>,
}

impl Companies {
    /// Whether resolving `text` needs no query and writes nothing: a blank, an `#id`, or a
    /// name found before.
    pub fn knows(&self, text: &str) -> bool {
        let text = text.trim();
        text.is_empty() || text.starts_with('#') || self.known.contains_key(&text.to_lowercase())
    }

    /// `#id` for the company `text` names (by `#id`, exact name or slug, among those `editor`
    /// may see), creating it when `create` holds; `None` leaves the text to the form, which
    /// then says that nothing matches.
    pub fn resolve(
        &mut self,
        conn: &mut DbConn,
        text: &str,
        editor: &Editor,
        create: bool,
    ) -> Result<Option<String>, AppError> {
        let text = text.trim();
        if text.is_empty() || text.starts_with('#') {
            return Ok(None);
        }
        let key = text.to_lowercase();
        if let Some(id) = self.known.get(&key) {
            return Ok(Some(format!("#{id}")));
        }
        let companies = crate::admin::resources::find("companies").ok_or(AppError::NotFound)?;
        let named = companies.lookup(conn, Lookup::Named(text), &editor.viewer, &editor.tr)?;
        let found = match named.as_slice() {
            [(id, _)] => Some(*id),
            // Two of that name: the form says so.
            [_, _, ..] => return Ok(None),
            [] => match Company::find_by_slug(conn, &key)? {
                Some(c) if companies.require_visible(conn, c.id, &editor.viewer).is_ok() => {
                    Some(c.id)
                }
                _ => None,
            },
        };
        let id = match (found, create) {
            (Some(id), _) => id,
            (None, true) => {
                let id = self.create(conn, text, editor)?;
                self.made.push(key.clone());
                self.counted.insert(key.clone());
                id
            }
            (None, false) => return Ok(None),
        };
        self.known.insert(key, id);
        Ok(Some(format!("#{id}")))
    }

    fn create(&mut self, conn: &mut DbConn, name: &str, editor: &Editor) -> Result<i64, AppError> {
        let new = NewCompany::named(conn, name, editor.tr.locale, crate::db::now())?;
        Ok(Company::create(conn, &new, &[])?)
    }

    /// Where a row or a batch starts, for [`Companies::rollback_to`].
    pub fn mark(&self) -> usize {
        self.made.len()
    }

    /// Forgets the companies made since `mark`, whose transaction was rolled back: a failed
    /// row's (no longer counted) or a dry run's batch (still counted: the import would make
    /// them).
    pub fn rollback_to(&mut self, mark: usize, uncount: bool) {
        for key in self.made.drain(mark..) {
            self.known.remove(&key);
            if uncount {
                self.counted.remove(&key);
            }
        }
    }

    /// How many companies the import created (or would create).
    pub fn created(&self) -> u64 {
        self.counted.len() as u64
    }
}
