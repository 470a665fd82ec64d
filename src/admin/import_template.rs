//! `/admin/{resource}/import/template.xlsx?lang=de`: an empty workbook whose headers the import
//! understands, in one of the board's languages: a reference column, every field a file can
//! fill, and the translatable ones again for each other language. Select fields offer their
//! values as a list where a spreadsheet program can hold it.

use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, web};
use rust_xlsxwriter::{DataValidation, Format, Workbook, XlsxError};
use serde::Deserialize;

use super::CurrentAdmin;
use super::fields::{Field, FieldKind};
use crate::error::AppError;
use crate::i18n::{Locale, Tr};
use crate::import::mapping::importable;
use crate::state::AppState;

/// Rows a list of values is offered in.
const ROWS: u32 = 10_000;
/// Excel keeps a list validation's values in one string of at most 255 characters.
const LIST_CHARS: usize = 255;

#[derive(Deserialize)]
pub struct TemplateQuery {
    #[serde(default)]
    pub lang: String,
}

/// The headers, in `tr`'s language.
pub fn headers(tr: &Tr, fields: &[Field]) -> Vec<String> {
    let mut headers = vec![tr.t("import-column-reference")];
    headers.extend(fields.iter().filter(|f| importable(f)).map(|f| tr.t(f.label)));
    for locale in Locale::all().iter().filter(|l| **l != tr.locale) {
        for field in fields.iter().filter(|f| f.translatable) {
            headers.push(format!("{} [{locale}]", tr.t(field.label)));
        }
    }
    headers
}

fn workbook(tr: &Tr, fields: &[Field]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let bold = Format::new().set_bold();
    for (i, header) in headers(tr, fields).iter().enumerate() {
        sheet.write_string_with_format(0, i as u16, header, &bold)?;
        sheet.set_column_width(i as u16, (header.chars().count() as f64 + 4.0).max(14.0))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (i, field) in fields.iter().filter(|f| importable(f)).enumerate() {
        let FieldKind::Select(options) = &field.kind else { continue };
        let labels: Vec<&str> = options.iter().map(|(_, label)| label.as_str()).collect();
        if labels.iter().map(|l| l.chars().count() + 1).sum::<usize>() > LIST_CHARS {
            continue;
        }
        let column = i as u16 + 1;
        sheet.add_data_validation(
            1,
            column,
            ROWS,
            column,
            &DataValidation::new().allow_list_strings(&labels)?,
        )?;
    }
    book.save_to_buffer()
}

pub async fn template(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
    query: web::Query<TemplateQuery>,
) -> Result<HttpResponse, AppError> {
    let resource = super::imports::resource_of(&admin, &path)?;
    let locale = Locale::parse(&query.lang).unwrap_or(admin.tr.locale);
    let tr = state.tr(locale);
    let fields = super::edit::editable(resource.name(), &tr)?.fields;
    let bytes = web::block(move || workbook(&tr, &fields))
        .await?
        .map_err(|e| AppError::Internal(format!("writing an import template: {e}")))?;
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::Filename(format!("{}-{locale}.xlsx", resource.name()))],
    };
    Ok(HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header((header::CONTENT_DISPOSITION, disposition))
        .body(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_names_every_field_and_each_translation() {
        let tr = crate::i18n::Messages::builtin().tr(Locale::DE);
        let fields = vec![
            Field::text("title", "admin-field-title").translatable(),
            Field::integer("salary_min", "admin-field-salary-min"),
            Field::new("logo", "admin-field-logo", FieldKind::Image),
        ];
        assert_eq!(
            headers(&tr, &fields),
            ["Referenz", "Titel", "Mindestgehalt", "Titel [en]", "Titel [uk]"]
        );
    }
}
