//! What happens to one language's translation row when a translated record is saved.

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
