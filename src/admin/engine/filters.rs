//! Filters and scopes as declarations: each carries its sidebar inputs and its own predicate,
//! so the engine, not the resource, matches the URL's values to conditions.

use chrono::NaiveDateTime;
use diesel::dsl::{Escape, Like};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Text, Timestamp};

use super::query::Pred;
use crate::admin::resource::{Db, FilterDef, FilterKind, FilterValue, ScopeDef};
use crate::admin::resources::lower;

type Apply<QS> = Box<dyn Fn(&FilterValue) -> Option<Pred<QS>> + Send + Sync>;

/// A filter in the sidebar and the condition its value puts on the rows.
pub struct Filter<QS> {
    pub def: FilterDef,
    apply: Apply<QS>,
}

impl<QS: 'static> Filter<QS> {
    /// A filter of any kind with its own predicate; `None`: the value puts no condition.
    pub fn new(
        key: &'static str,
        label: &'static str,
        kind: FilterKind,
        apply: impl Fn(&FilterValue) -> Option<Pred<QS>> + Send + Sync + 'static,
    ) -> Filter<QS> {
        Filter { def: FilterDef::new(key, label, kind), apply: Box::new(apply) }
    }

    /// The condition for `value`.
    pub fn predicate(&self, value: &FilterValue) -> Option<Pred<QS>> {
        (self.apply)(value)
    }

    /// Contains / equals / starts with on a text column, ignoring case.
    pub fn text<C>(key: &'static str, label: &'static str, column: C) -> Filter<QS>
    where
        C: Expression<SqlType = Text> + Copy + Send + Sync + 'static,
        Escape<Like<lower<C>, String>>: BoxableExpression<QS, Db, SqlType = Bool>,
    {
        Filter::new(key, label, FilterKind::Text, move |value| match value {
            FilterValue::Text(op, v) => {
                Some(Box::new(crate::text_filter!(column, *op, v)) as Pred<QS>)
            }
            _ => None,
        })
    }

    /// One of fixed values stored as text (an enum's `as_str`): (value, label) pairs.
    pub fn select<C>(
        key: &'static str,
        label: &'static str,
        options: Vec<(&'static str, String)>,
        column: C,
    ) -> Filter<QS>
    where
        C: Expression<SqlType = Text> + ExpressionMethods + Copy + Send + Sync + 'static,
        diesel::dsl::Eq<C, String>: BoxableExpression<QS, Db, SqlType = Bool>,
    {
        Filter::new(key, label, FilterKind::Select(options), move |value| match value {
            FilterValue::Select(v) => Some(Box::new(column.eq(v.clone())) as Pred<QS>),
            _ => None,
        })
    }

    /// Yes: `column` has a value; no: it is empty (NULL).
    pub fn present<C>(key: &'static str, label: &'static str, column: C) -> Filter<QS>
    where
        C: Expression + ExpressionMethods + Copy + Send + Sync + 'static,
        diesel::dsl::IsNotNull<C>: BoxableExpression<QS, Db, SqlType = Bool>,
        diesel::dsl::IsNull<C>: BoxableExpression<QS, Db, SqlType = Bool>,
    {
        Filter::boolean(key, label, move |yes| {
            if yes { Box::new(column.is_not_null()) } else { Box::new(column.is_null()) }
        })
    }

    /// Yes / no, each with its own condition.
    pub fn boolean(
        key: &'static str,
        label: &'static str,
        condition: impl Fn(bool) -> Pred<QS> + Send + Sync + 'static,
    ) -> Filter<QS> {
        Filter::new(key, label, FilterKind::Boolean, move |value| match value {
            FilterValue::Boolean(b) => Some(condition(*b)),
            _ => None,
        })
    }

    /// Between two days (both included) on a timestamp column (a nullable one as
    /// `column.assume_not_null()`: rows without a date then fall in no range).
    pub fn date_range<C>(key: &'static str, label: &'static str, column: C) -> Filter<QS>
    where
        C: Expression<SqlType = Timestamp> + ExpressionMethods + Copy + Send + Sync + 'static,
        diesel::dsl::GtEq<C, NaiveDateTime>: BoxableExpression<QS, Db, SqlType = Bool>,
        diesel::dsl::Lt<C, NaiveDateTime>: BoxableExpression<QS, Db, SqlType = Bool>,
    {
        Filter::new(key, label, FilterKind::DateRange, move |value| {
            let FilterValue::DateRange(from, to) = value else {
                return None;
            };
            let (from, to) = FilterValue::date_bounds(*from, *to);
            from.map(|from| Box::new(column.ge(from)) as Pred<QS>)
                .into_iter()
                .chain(to.map(|to| Box::new(column.lt(to)) as Pred<QS>))
                .reduce(|a, b| Box::new(a.and(b)))
        })
    }
}

impl<QS: 'static> Filter<QS> {
    /// A related record, typed by its name: `matching(name)` is the condition.
    pub fn association(
        key: &'static str,
        label: &'static str,
        matching: impl Fn(&str) -> Pred<QS> + Send + Sync + 'static,
    ) -> Filter<QS> {
        Filter::new(key, label, FilterKind::Association, move |value| match value {
            FilterValue::Association(name) => Some(matching(name)),
            _ => None,
        })
    }

    /// Between two whole numbers, both included, either one optional (on a nullable column as
    /// `column.assume_not_null()`: rows without a number then fall in no range).
    pub fn number_range<C>(key: &'static str, label: &'static str, column: C) -> Filter<QS>
    where
        C: Expression<SqlType = BigInt> + ExpressionMethods + Copy + Send + Sync + 'static,
        diesel::dsl::GtEq<C, i64>: BoxableExpression<QS, Db, SqlType = Bool>,
        diesel::dsl::LtEq<C, i64>: BoxableExpression<QS, Db, SqlType = Bool>,
    {
        Filter::new(key, label, FilterKind::NumberRange, move |value| {
            let FilterValue::NumberRange(min, max) = value else { return None };
            min.map(|min| Box::new(column.ge(min)) as Pred<QS>)
                .into_iter()
                .chain(max.map(|max| Box::new(column.le(max)) as Pred<QS>))
                .reduce(|a, b| Box::new(a.and(b)))
        })
    }
}

/// A scope: a tab above the list with its count, and the condition it puts on the rows.
pub struct Scope<QS> {
    pub def: ScopeDef,
    /// `None`: every row (the "all" scope).
    pub condition: Option<Pred<QS>>,
}

impl<QS> Scope<QS> {
    /// Every row.
    pub fn all() -> Scope<QS> {
        Scope { def: ScopeDef::new("all", "admin-scope-all"), condition: None }
    }

    /// "All", then one scope per value of `column` in `values` (labelled by their label ids).
    pub fn all_and_each<V, C>(
        values: &[V],
        label: fn(V) -> &'static str,
        key: fn(V) -> &'static str,
        column: C,
    ) -> Vec<Scope<QS>>
    where
        V: Copy + diesel::expression::AsExpression<Text>,
        C: Expression<SqlType = Text> + ExpressionMethods + Copy,
        diesel::dsl::Eq<C, V>: BoxableExpression<QS, Db, SqlType = Bool> + 'static,
    {
        let each = values.iter().map(|v| Scope::new(key(*v), label(*v), column.eq(*v)));
        std::iter::once(Scope::all()).chain(each).collect()
    }

    pub fn new(
        key: &'static str,
        label: &'static str,
        condition: impl BoxableExpression<QS, Db, SqlType = Bool> + 'static,
    ) -> Scope<QS> {
        Scope { def: ScopeDef::new(key, label), condition: Some(Box::new(condition)) }
    }
}
