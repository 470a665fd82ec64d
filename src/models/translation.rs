//! What happens to one language's translation row when a translated record is saved.

use chrono::NaiveDateTime;

use crate::i18n::Locale;

/// How one save of a translated record changes it besides its fields.
pub struct TextUpdate<'a> {
    /// The original-language text changed: translations made before `now` are out of date.
    pub text_changed: bool,
    /// When the original text was last changed before this save.
    pub text_updated_at: NaiveDateTime,
    pub translations: &'a [(Locale, TranslationWrite)],
    pub now: NaiveDateTime,
}

/// The write for one language, worked out by comparing stored and submitted translations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TranslationWrite {
    Insert,
    /// New text, made from the current original.
    Update,
    /// Same text, confirmed as still matching the current original.
    Confirm,
    Delete,
}
