//! Forms declared against a typed draft: each field names the member of the record's draft it
//! shows and fills, and the engine turns the draft into the form's text and back. A resource's
//! checks and writes then work on the draft (enums, numbers, dates), never on strings, and no
//! resource maps its fields to text and back by hand.
//!
//! On an edit, a field whose text did not change keeps its stored value: a form may show less
//! than is stored (a day for a date and time), and an unchanged association is not looked up.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;

use super::fields::{
    self, Field, FieldError, FieldKind, FormValues, date_text, list_items, parse_date,
    parse_decimal, parse_integer,
};
use super::resource::{Checked, Deleted, Editor, Form, Lookup, Saved, Stored};
use crate::db::DbConn;
use crate::error::AppError;
use crate::i18n::{Locale, Tr};
use crate::models::enums::TextEnum;
use crate::models::translation::TextUpdate;

/// A value a form field shows as text and reads back.
pub trait FormText: Sized {
    fn show(&self) -> String;
    /// The value of `text`, which passed its field's checks (required, kind, length).
    fn read(text: &str) -> Self;
}

impl FormText for String {
    fn show(&self) -> String {
        self.clone()
    }
    fn read(text: &str) -> Self {
        text.to_owned()
    }
}

/// Blank is none.
impl FormText for Option<String> {
    fn show(&self) -> String {
        self.clone().unwrap_or_default()
    }
    fn read(text: &str) -> Self {
        Some(text.to_owned()).filter(|t| !t.is_empty())
    }
}

impl FormText for Option<i64> {
    fn show(&self) -> String {
        self.map(|n| n.to_string()).unwrap_or_default()
    }
    fn read(text: &str) -> Self {
        parse_integer(text)
    }
}

impl FormText for Option<f64> {
    fn show(&self) -> String {
        self.map(|n| n.to_string()).unwrap_or_default()
    }
    fn read(text: &str) -> Self {
        parse_decimal(text)
    }
}

/// A comma-separated list.
impl FormText for Vec<String> {
    fn show(&self) -> String {
        self.join(", ")
    }
    fn read(text: &str) -> Self {
        list_items(text)
    }
}

/// A day: a new one closes at its end, so that what is open until then is open all that day.
impl FormText for Option<NaiveDateTime> {
    fn show(&self) -> String {
        date_text(*self)
    }
    fn read(text: &str) -> Self {
        parse_date(text).and_then(|d| d.and_hms_opt(23, 59, 59))
    }
}

/// A yes/no select: `on` or `off`.
impl FormText for bool {
    fn show(&self) -> String {
        (if *self { "on" } else { "off" }).to_owned()
    }
    fn read(text: &str) -> Self {
        text == "on"
    }
}

impl FormText for Locale {
    fn show(&self) -> String {
        self.as_str().to_owned()
    }
    fn read(text: &str) -> Self {
        Locale::parse(text).unwrap_or_default()
    }
}

impl<E: TextEnum> FormText for E {
    fn show(&self) -> String {
        self.as_str().to_owned()
    }
    fn read(text: &str) -> Self {
        E::parse(text).unwrap_or_else(E::first)
    }
}

impl<E: TextEnum> FormText for Option<E> {
    fn show(&self) -> String {
        self.map(|e| e.as_str().to_owned()).unwrap_or_default()
    }
    fn read(text: &str) -> Self {
        E::parse(text)
    }
}

/// A draft's original text and its translations.
pub type Texts<'a, T> = (&'a mut T, &'a mut Vec<(Locale, T)>);

/// A stored record as its form starts from.
pub struct Read<D> {
    pub draft: D,
    /// The record's name, for titles and the audit log.
    pub label: String,
    /// When the original text last changed.
    pub text_updated_at: NaiveDateTime,
    /// When the original was last in step with each translation.
    pub translated_from: Vec<(Locale, NaiveDateTime)>,
    /// Per image field, the address of a small version of the stored file.
    pub previews: BTreeMap<&'static str, String>,
}

/// A save over a stored record: its id, its draft as stored, and what changed in its text.
pub struct Over<'a, D> {
    pub id: i64,
    pub old: &'a D,
    pub text: TextUpdate<'a>,
}

/// A resource's new and edit forms, declared on its draft type. Every such declaration is a
/// [`Form`] the generic edit handlers serve.
pub trait DraftForm: Sync + 'static {
    /// What the form edits: the record as it would be saved.
    type Draft: Clone + Send + 'static;
    /// One language's translatable text of a draft (`String` for a single field).
    type Text: Default + 'static;

    /// The fields, in page order, each bound to the draft.
    fn declare(&self, tr: &Tr, f: &mut Fields<Self>);
    /// What a new record starts from.
    fn new_draft(&self, tr: &Tr) -> Self::Draft;
    /// The draft's original language.
    fn original(_draft: &Self::Draft) -> Locale {
        Locale::default()
    }
    /// The draft's original text and its translations, when it has translatable fields.
    fn texts(_draft: &mut Self::Draft) -> Option<Texts<'_, Self::Text>> {
        None
    }
    /// Record `id`, or `None`.
    fn read(&self, conn: &mut DbConn, id: i64) -> Result<Option<Read<Self::Draft>>, AppError>;
    /// What only the resource can check (uniqueness, rules between fields), after the fields'
    /// own checks passed; may complete the draft (a slug made from the name).
    fn check(
        &self,
        _conn: &mut DbConn,
        _draft: &mut Self::Draft,
        _old: Option<(i64, &Self::Draft)>,
        _editor: &Editor,
    ) -> Result<Vec<FieldError>, AppError> {
        Ok(Vec::new())
    }
    /// Writes a checked draft: a new record (its id) or over a stored one.
    fn write(
        &self,
        conn: &mut DbConn,
        draft: &Self::Draft,
        over: Option<Over<'_, Self::Draft>>,
        editor: &Editor,
    ) -> Result<i64, AppError>;
    /// Whether `write_many` writes new drafts together, and `check` keeps checked drafts that
    /// are not written yet apart (claims their slugs in `Editor::lookups`).
    const WRITES_MANY: bool = false;
    /// Writes checked new drafts (an import's batch); returns their ids in order.
    fn write_many(
        &self,
        conn: &mut DbConn,
        drafts: &[&Self::Draft],
        editor: &Editor,
    ) -> Result<Vec<i64>, AppError> {
        drafts.iter().map(|draft| self.write(conn, draft, None, editor)).collect()
    }
    /// Deletes one record and what belongs to it, inside the caller's transaction.
    fn delete(&self, conn: &mut DbConn, id: i64) -> Result<Deleted, AppError>;
    /// A secret a new record was given in `check` and exists nowhere else (an API token),
    /// to show once after the record is created.
    fn reveal(_draft: &Self::Draft) -> Option<String> {
        None
    }
}

type ShowFn<D> = Box<dyn Fn(&mut D) -> String>;
type ReadFn<D> = Box<dyn Fn(&mut D, &str)>;

/// How a field reaches into the draft.
enum Bind<F: DraftForm + ?Sized> {
    Value {
        show: ShowFn<F::Draft>,
        read: ReadFn<F::Draft>,
    },
    /// Translatable text: the original's on the draft, each translation's in its own `Text`.
    Text(At<F::Text, String>),
    /// The id of a related record, shown and typed as its name (or `#id`).
    Association(&'static str, At<F::Draft, i64>),
}

/// A form's fields with their bindings, in page order.
pub struct Fields<F: DraftForm + ?Sized>(Vec<(Field, Bind<F>)>);

/// A declared field, for its modifiers: `f.text("city", "admin-field-city", at).max(100);`.
pub struct Declared<'a>(&'a mut Field);

impl Declared<'_> {
    pub fn required(self) -> Self {
        self.0.required = true;
        self
    }

    /// The longest value accepted, in characters.
    pub fn max(self, max: usize) -> Self {
        self.0.max = max;
        self
    }

    /// Fluent id of a hint shown under the field.
    pub fn hint(self, hint: &'static str) -> Self {
        self.0.hint = Some(hint);
        self
    }

    /// Set when creating only: shown read-only on the edit form.
    pub fn create_only(self) -> Self {
        self.0.create_only = true;
        self
    }
}

/// The member of a draft a field shows and fills.
type At<D, T> = fn(&mut D) -> &mut T;

impl<F: DraftForm + ?Sized> Fields<F> {
    fn push(&mut self, field: Field, bind: Bind<F>) -> Declared<'_> {
        let at = self.0.len();
        self.0.push((field, bind));
        Declared(&mut self.0[at].0)
    }

    /// `field` shows and fills the draft's member `at`.
    pub fn field<T: FormText + 'static>(
        &mut self,
        field: Field,
        at: At<F::Draft, T>,
    ) -> Declared<'_> {
        let show = Box::new(move |d: &mut F::Draft| at(d).show());
        let read = Box::new(move |d: &mut F::Draft, text: &str| *at(d) = T::read(text));
        self.push(field, Bind::Value { show, read })
    }

    /// One line of text.
    pub fn text<T: FormText + 'static>(
        &mut self,
        key: &'static str,
        label: &'static str,
        at: At<F::Draft, T>,
    ) -> Declared<'_> {
        self.field(Field::text(key, label), at)
    }

    /// One of `options`: (value, label in the admin's language).
    pub fn select<T: FormText + 'static>(
        &mut self,
        key: &'static str,
        label: &'static str,
        options: Vec<(&'static str, String)>,
        at: At<F::Draft, T>,
    ) -> Declared<'_> {
        self.field(Field::select(key, label, options), at)
    }

    /// A field of another `kind`.
    pub fn of<T: FormText + 'static>(
        &mut self,
        key: &'static str,
        label: &'static str,
        kind: FieldKind,
        at: At<F::Draft, T>,
    ) -> Declared<'_> {
        self.field(Field::new(key, label, kind), at)
    }

    /// Translatable text on one line: the member `at` of each language's text.
    pub fn translated(
        &mut self,
        key: &'static str,
        label: &'static str,
        at: At<F::Text, String>,
    ) -> Declared<'_> {
        self.push(Field::text(key, label).translatable(), Bind::Text(at))
    }

    /// Translatable text in paragraphs.
    pub fn translated_long(
        &mut self,
        key: &'static str,
        label: &'static str,
        at: At<F::Text, String>,
    ) -> Declared<'_> {
        self.push(Field::long_text(key, label).translatable(), Bind::Text(at))
    }

    /// A related record of `resource` (which names its records), stored as its id in `at`.
    pub fn association(
        &mut self,
        key: &'static str,
        label: &'static str,
        resource: &'static str,
        at: At<F::Draft, i64>,
    ) -> Declared<'_> {
        let field = Field::new(key, label, FieldKind::Association(resource));
        self.push(field.hint("admin-hint-association"), Bind::Association(resource, at))
    }
}

fn declared<F: DraftForm>(form: &F, tr: &Tr) -> Vec<(Field, Bind<F>)> {
    let mut fields = Fields(Vec::new());
    form.declare(tr, &mut fields);
    fields.0
}

/// The form's text of `draft`.
fn shown<F: DraftForm>(
    fields: &[(Field, Bind<F>)],
    draft: &mut F::Draft,
    mut name_of: impl FnMut(&'static str, i64) -> Result<String, AppError>,
) -> Result<FormValues, AppError> {
    let mut values = FormValues::default();
    for (field, bind) in fields {
        let text = match bind {
            Bind::Value { show, .. } => show(draft),
            Bind::Text(at) => F::texts(draft).map(|(text, _)| at(text).clone()).unwrap_or_default(),
            Bind::Association(resource, at) => match *at(draft) {
                0 => String::new(),
                id => name_of(resource, id)?,
            },
        };
        values.set(field.key, text);
    }
    let original = F::original(draft);
    let translations = F::texts(draft).map(|(_, t)| t.iter_mut()).into_iter().flatten();
    for (locale, text) in translations.filter(|(l, _)| *l != original) {
        let texts = fields.iter().filter_map(|(field, bind)| match bind {
            Bind::Text(at) => Some((field.key.to_owned(), at(text).clone())),
            _ => None,
        });
        values.translations.insert(*locale, texts.collect());
    }
    Ok(values)
}

/// The one record of `resource` that `typed` names (`#id` or its exact name) among those the
/// editor may see; an error on `field` when none or several do.
fn resolve(
    conn: &mut DbConn,
    field: &Field,
    resource: &'static str,
    typed: &str,
    editor: &Editor,
    errors: &mut Vec<FieldError>,
) -> Result<i64, AppError> {
    if let Some(id) = editor.lookups.get(resource, typed) {
        return Ok(id);
    }
    let related = super::resources::find(resource).ok_or(AppError::NotFound)?;
    let id = typed.strip_prefix('#').and_then(|n| n.trim().parse::<i64>().ok());
    let wanted = match &id {
        Some(id) => Lookup::Ids(std::slice::from_ref(id)),
        None => Lookup::Named(typed),
    };
    let found = if typed.is_empty() {
        Vec::new()
    } else {
        related.lookup(conn, wanted, &editor.viewer, &editor.tr)?
    };
    match found.as_slice() {
        [(id, _)] => {
            editor.lookups.remember(resource, typed, *id);
            return Ok(*id);
        }
        [] if typed.is_empty() => {}
        [] => errors.push(FieldError::new(field.key, "admin-error-no-match").with("name", typed)),
        _ => errors.push(FieldError::new(field.key, "admin-error-ambiguous").with("name", typed)),
    }
    Ok(0)
}

/// The draft `values` make of the stored record (or of a new one), and what is wrong with it:
/// everything saving does but the write.
fn prepare<F: DraftForm>(
    form: &F,
    conn: &mut DbConn,
    old: Option<(i64, &Stored)>,
    values: &FormValues,
    editor: &Editor,
) -> Result<(F::Draft, Vec<FieldError>), AppError> {
    let fields = declared(form, &editor.tr);
    let stored = match old {
        Some((id, s)) => Some((id, s, stored_draft::<F>(s)?)),
        None => None,
    };
    let mut draft = match stored {
        Some((_, _, d)) => d.clone(),
        None => form.new_draft(&editor.tr),
    };
    let mut errors = Vec::new();
    for (field, bind) in &fields {
        let text = values.get(field.key);
        if stored.is_some_and(|(_, s, _)| s.values.get(field.key) == text) {
            continue;
        }
        match bind {
            Bind::Value { read, .. } => read(&mut draft, text),
            Bind::Text(at) => {
                if let Some((original, _)) = F::texts(&mut draft) {
                    *at(original) = text.to_owned();
                }
            }
            Bind::Association(resource, at) => {
                *at(&mut draft) = resolve(conn, field, resource, text, editor, &mut errors)?;
            }
        }
    }
    // The translations are the ones sent, whole.
    if let Some((_, translations)) = F::texts(&mut draft) {
        *translations = values
            .translations
            .iter()
            .map(|(locale, sent)| {
                let mut text = F::Text::default();
                for (field, bind) in &fields {
                    if let Bind::Text(at) = bind {
                        *at(&mut text) = sent.get(field.key).cloned().unwrap_or_default();
                    }
                }
                (*locale, text)
            })
            .collect();
    }
    errors.extend(form.check(conn, &mut draft, stored.map(|(id, _, d)| (id, d)), editor)?);
    Ok((draft, errors))
}

/// The typed draft a loaded record carries.
fn stored_draft<F: DraftForm>(stored: &Stored) -> Result<&F::Draft, AppError> {
    stored
        .draft
        .as_ref()
        .and_then(|d| d.downcast_ref::<F::Draft>())
        .ok_or_else(|| AppError::Internal("a form without its draft".into()))
}

impl<F: DraftForm> Form for F {
    fn fields(&self, tr: &Tr) -> Vec<Field> {
        declared(self, tr).into_iter().map(|(field, _)| field).collect()
    }

    fn new_values(&self, tr: &Tr) -> FormValues {
        let mut draft = self.new_draft(tr);
        // A new draft names no related record: nothing to look up.
        shown::<F>(&declared(self, tr), &mut draft, |_, _| Ok(String::new())).unwrap_or_default()
    }

    fn load(
        &self,
        conn: &mut DbConn,
        id: i64,
        editor: &Editor,
    ) -> Result<Option<Stored>, AppError> {
        let Some(read) = self.read(conn, id)? else { return Ok(None) };
        let Read { mut draft, label, text_updated_at, translated_from, previews } = read;
        let fields = declared(self, &editor.tr);
        let values = shown::<F>(&fields, &mut draft, |resource, id| {
            let related = super::resources::find(resource).ok_or(AppError::NotFound)?;
            let named = related.lookup(conn, Lookup::Ids(&[id]), &editor.viewer, &editor.tr)?;
            Ok(named.into_iter().next().map(|(_, name)| name).unwrap_or_else(|| format!("#{id}")))
        })?;
        Ok(Some(Stored {
            label,
            values,
            original: F::original(&draft),
            text_updated_at,
            translated_from,
            previews,
            draft: Some(Box::new(draft)),
        }))
    }

    fn save(
        &self,
        conn: &mut DbConn,
        old: Option<(i64, &Stored)>,
        values: &FormValues,
        editor: &Editor,
    ) -> Result<Result<Saved, Vec<FieldError>>, AppError> {
        let (draft, errors) = prepare(self, conn, old, values, editor)?;
        if !errors.is_empty() {
            return Ok(Err(errors));
        }
        let Some((id, s)) = old else {
            let id = self.write(conn, &draft, None, editor)?;
            return Ok(Ok(Saved { id, reveal: F::reveal(&draft) }));
        };
        let old = stored_draft::<F>(s)?;
        let fields = declared(self, &editor.tr);
        let writes = fields::translation_writes(&s.values, values);
        let text = TextUpdate {
            text_changed: fields.iter().any(|(field, bind)| {
                matches!(bind, Bind::Text(_)) && s.values.get(field.key) != values.get(field.key)
            }),
            text_updated_at: s.text_updated_at,
            translations: &writes,
            now: crate::db::now(),
        };
        Ok(Ok(self.write(conn, &draft, Some(Over { id, old, text }), editor)?.into()))
    }

    fn verify(
        &self,
        conn: &mut DbConn,
        old: Option<(i64, &Stored)>,
        values: &FormValues,
        editor: &Editor,
    ) -> Result<Vec<FieldError>, AppError> {
        Ok(prepare(self, conn, old, values, editor)?.1)
    }

    fn writes_many(&self) -> bool {
        F::WRITES_MANY
    }

    fn check_new(
        &self,
        conn: &mut DbConn,
        values: &FormValues,
        editor: &Editor,
    ) -> Result<Result<Checked, Vec<FieldError>>, AppError> {
        let (draft, errors) = prepare(self, conn, None, values, editor)?;
        Ok(if errors.is_empty() { Ok(Checked(Box::new(draft))) } else { Err(errors) })
    }

    fn create_checked(
        &self,
        conn: &mut DbConn,
        checked: &[Checked],
        editor: &Editor,
    ) -> Result<Vec<Saved>, AppError> {
        let drafts = checked
            .iter()
            .map(|c| c.0.downcast_ref::<F::Draft>())
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| AppError::Internal("a checked record of another form".into()))?;
        let ids = self.write_many(conn, &drafts, editor)?;
        Ok(ids.into_iter().zip(drafts).map(|(id, d)| Saved { id, reveal: F::reveal(d) }).collect())
    }

    fn delete(&self, conn: &mut DbConn, id: i64) -> Result<Deleted, AppError> {
        DraftForm::delete(self, conn, id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::{SalaryPeriod, Workplace};

    fn round_trip<T: FormText>(text: &str) -> String {
        T::read(text).show()
    }

    #[test]
    fn values_show_as_the_form_reads_them() {
        assert_eq!(round_trip::<Option<String>>(""), "");
        assert_eq!(<Option<String>>::read(""), None);
        assert_eq!(round_trip::<Option<i64>>("85 000"), "85000");
        assert_eq!(<Option<i64>>::read(""), None);
        assert_eq!(round_trip::<Option<f64>>("52,5"), "52.5");
        assert_eq!(round_trip::<Vec<String>>("Rust, SQL, rust,"), "Rust, SQL");
        assert_eq!(round_trip::<Workplace>("remote"), "remote");
        assert_eq!(round_trip::<Option<SalaryPeriod>>("month"), "month");
        assert_eq!(<Option<SalaryPeriod>>::read(""), None);
        assert_eq!(round_trip::<Locale>("de"), "de");
        assert_eq!(round_trip::<bool>("on"), "on");
        assert_eq!(round_trip::<bool>("off"), "off");
    }

    #[test]
    fn a_day_closes_at_its_end_and_shows_as_the_day() {
        let at = <Option<NaiveDateTime>>::read("2030-01-31").expect("a day");
        assert_eq!(at.to_string(), "2030-01-31 23:59:59");
        assert_eq!(Some(at).show(), "2030-01-31");
        assert_eq!(<Option<NaiveDateTime>>::read(""), None);
    }
}
