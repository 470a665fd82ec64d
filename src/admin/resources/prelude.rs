//! What resource declarations use, in one import (`use super::prelude::*;`), as diesel's
//! prelude is for queries: the engine's builders, the form's, the show page's and the
//! actions' types.

pub use diesel::prelude::*;

pub use crate::admin::draft_form::{DraftForm, Fields, Over, Read, Texts};
pub use crate::admin::engine::{Columns, Declaration, Exports, Filter, Scope, Shows, Translations};
pub use crate::admin::fields::{FieldError, FieldKind};
pub use crate::admin::resource::{
    Act, ActInput, Batch, BatchAction, BatchOutcome, Cell, Deleted, Dir, Done, Emphasis, Form,
    MemberAction, Panel, Record, Resource, TextOp,
};
pub use crate::auth::policy::{Action, Area};
pub use crate::db::DbConn;
pub use crate::error::AppError;
pub use crate::i18n::{Locale, Tr};
