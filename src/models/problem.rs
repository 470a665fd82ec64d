//! What is wrong with a record as submitted, field by field: the back-office forms and the API
//! report the same problems.

/// A problem with one field: its form name (`title`, `t.de.title`) and a Fluent message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: &'static str,
    /// One variable for the message, when it has one.
    pub arg: Option<(&'static str, String)>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: &'static str) -> FieldError {
        FieldError { field: field.into(), message, arg: None }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> FieldError {
        self.arg = Some((name, value.into()));
        self
    }
}
