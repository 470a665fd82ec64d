//! The new and edit forms of every resource that declares fields, deleting from a show page
//! (after a confirmation page), and the name lookup behind association fields.
//!
//! A save runs in one transaction: the generic field checks, the resource's own checks and
//! writes, and an audit entry with the field-by-field difference between the record as it
//! was and as it is now (both read back through the resource, so the diff shows stored
//! values, not what was typed). A form with errors re-renders with status 422 and writes
//! nothing.

pub mod delete;
mod lookup;
mod page;
mod save;

pub use delete::{DeletePage, Empty, delete, delete_form, delete_values};
pub use lookup::{LookupQuery, lookup};
pub use page::{FieldView, FormPage, TabView, edit_form, new_form};
pub use save::{create, save_values, update};

use actix_web::HttpResponse;

use crate::admin::CurrentAdmin;
use crate::admin::fields::Field;
use crate::admin::resource::{Form, Resource};
use crate::auth::policy::Action;
use crate::error::AppError;
use crate::i18n::Tr;

pub(super) fn redirect(to: String) -> HttpResponse {
    crate::web::see_other(&to)
}

/// A resource with a form, and the form's fields in the admin's language.
pub struct Editing {
    pub resource: &'static dyn Resource,
    pub form: &'static dyn Form,
    pub fields: Vec<Field>,
}

/// The resource named in the path with its form; 404 without one.
pub fn editable(name: &str, tr: &Tr) -> Result<Editing, AppError> {
    let resource = crate::admin::resources::find(name).ok_or(AppError::NotFound)?;
    let form = resource.form().ok_or(AppError::NotFound)?;
    Ok(Editing { resource, form, fields: form.fields(tr) })
}

pub(super) fn parse_id(id: &str) -> Result<i64, AppError> {
    id.parse().map_err(|_| AppError::NotFound)
}

/// Whether the admin may change every field, or translations only; 403 when neither.
pub(super) fn edit_rights(admin: &CurrentAdmin, resource: &dyn Resource) -> Result<bool, AppError> {
    if admin.can(resource.area(), Action::Update) {
        Ok(false)
    } else if admin.can(resource.area(), Action::Translate) {
        Ok(true)
    } else {
        admin.require(resource.area(), Action::Update).map(|()| false)
    }
}
