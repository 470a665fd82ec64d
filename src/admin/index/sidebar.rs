//! The filter sidebar: each declared filter with its inputs and the current values.

use crate::admin::resource::{FilterKind, FilterValue, ListQuery, Listing, TextOp};
use crate::i18n::Tr;

pub struct OptionView {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct FilterView {
    pub key: &'static str,
    pub label: String,
    /// text, select, boolean, date, number or association.
    pub kind: &'static str,
    pub value: String,
    pub options: Vec<OptionView>,
    pub from: String,
    pub to: String,
}

/// The sidebar's filters, filled in from `query`.
pub(super) fn filter_views(resource: &dyn Listing, query: &ListQuery, tr: &Tr) -> Vec<FilterView> {
    resource
        .filters(tr)
        .into_iter()
        .map(|def| {
            let current = query.filter(def.key);
            let mut view = FilterView {
                key: def.key,
                label: tr.t(def.label),
                kind: "text",
                value: String::new(),
                options: Vec::new(),
                from: String::new(),
                to: String::new(),
            };
            match def.kind {
                FilterKind::Text => {
                    let (op, value) = match current {
                        Some(FilterValue::Text(op, v)) => (*op, v.clone()),
                        _ => (TextOp::Contains, String::new()),
                    };
                    view.value = value;
                    view.options = TextOp::ALL
                        .iter()
                        .map(|o| OptionView {
                            value: o.as_str().into(),
                            label: tr.t(&format!("admin-filter-op-{}", o.as_str())),
                            selected: *o == op,
                        })
                        .collect();
                }
                FilterKind::Select(values) => {
                    view.kind = "select";
                    let chosen = match current {
                        Some(FilterValue::Select(v)) => v.as_str(),
                        _ => "",
                    };
                    view.options = values
                        .into_iter()
                        .map(|(value, label)| OptionView {
                            selected: value == chosen,
                            value: value.into(),
                            label,
                        })
                        .collect();
                }
                FilterKind::Boolean => {
                    view.kind = "boolean";
                    let chosen = match current {
                        Some(FilterValue::Boolean(true)) => "true",
                        Some(FilterValue::Boolean(false)) => "false",
                        _ => "",
                    };
                    view.options = [("true", "admin-filter-yes"), ("false", "admin-filter-no")]
                        .into_iter()
                        .map(|(value, label)| OptionView {
                            value: value.into(),
                            label: tr.t(label),
                            selected: value == chosen,
                        })
                        .collect();
                }
                FilterKind::DateRange => {
                    view.kind = "date";
                    if let Some(FilterValue::DateRange(from, to)) = current {
                        view.from = from.map(|d| d.to_string()).unwrap_or_default();
                        view.to = to.map(|d| d.to_string()).unwrap_or_default();
                    }
                }
                FilterKind::NumberRange => {
                    view.kind = "number";
                    if let Some(FilterValue::NumberRange(min, max)) = current {
                        view.from = min.map(|n| n.to_string()).unwrap_or_default();
                        view.to = max.map(|n| n.to_string()).unwrap_or_default();
                    }
                }
                FilterKind::Association => {
                    view.kind = "association";
                    if let Some(FilterValue::Association(v)) = current {
                        view.value = v.clone();
                    }
                }
            }
            view
        })
        .collect()
}
