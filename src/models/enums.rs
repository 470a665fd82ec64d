//! The closed sets stored as checked text columns. Each value's `as_str` is what the database
//! and the public URL contract use; its Fluent label is `<prefix>-<value>`.

/// What code generic over the text enums uses (a form field bound to one).
pub trait TextEnum: Copy + 'static {
    fn as_str(self) -> &'static str;
    fn parse(text: &str) -> Option<Self>;
    /// The first declared value, which a form's checks never let through unparsed.
    fn first() -> Self;
}

/// Declares an enum whose variants map one-to-one to fixed strings.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident, $label_prefix:literal { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            diesel::AsExpression, diesel::FromSqlRow,
        )]
        #[diesel(sql_type = diesel::sql_types::Text)]
        pub enum $name { $($variant),+ }

        // Read and written as their text on every backend that reads and writes text: a row
        // struct holds the enum, never a string to parse. A value the enum does not know
        // (only a newer schema could store one: the columns are checked) is an error.
        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            String: diesel::deserialize::FromSql<diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                let text = String::from_sql(bytes)?;
                $name::parse(&text).ok_or_else(|| {
                    format!("{:?} is not a {}", text, stringify!($name)).into()
                })
            }
        }

        impl<DB> diesel::serialize::ToSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            str: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, DB>,
            ) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, DB>>::to_sql(
                    self.as_str(),
                    out,
                )
            }
        }

        // The API reads and writes a value as its text, and documents the set of texts.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                $name::parse(&text).ok_or_else(|| {
                    serde::de::Error::unknown_variant(&text, &[$($text),+])
                })
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($text),+]))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            /// The Fluent message id of this value's label.
            pub fn label_id(self) -> String {
                self.label_key().to_owned()
            }

            /// The same id, for declarations that keep `&'static str`s (scope tabs).
            pub fn label_key(self) -> &'static str {
                match self { $($name::$variant => concat!($label_prefix, "-", $text),)+ }
            }

            /// Every value with its label in `tr`'s language: a select's options.
            pub fn options(tr: &crate::i18n::Tr) -> Vec<(&'static str, String)> {
                $name::ALL.iter().map(|v| (v.as_str(), tr.t(v.label_key()))).collect()
            }
        }

        impl $crate::models::enums::TextEnum for $name {
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
            fn parse(text: &str) -> Option<$name> {
                $name::parse(text)
            }
            fn first() -> $name {
                $name::ALL[0]
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

text_enum!(
    /// A posting's lifecycle: draft → published → expired, filled or archived; a recruiter's
    /// goes through review (draft → pending review → published) unless their company is trusted.
    JobStatus, "status" {
        Draft = "draft",
        Published = "published",
        Expired = "expired",
        Filled = "filled",
        Archived = "archived",
        PendingReview = "pending_review",
    }
);

text_enum!(
    /// Whether a posting's apply form asks for a cover letter.
    CoverLetter, "cover-letter" { Optional = "optional", Required = "required" }
);

text_enum!(
    /// A back-office import: columns being mapped, the dry run, then the import itself.
    ImportStatus, "import-status" {
        Mapping = "mapping",
        Checking = "checking",
        Checked = "checked",
        Running = "running",
        Done = "done",
        Failed = "failed",
    }
);

text_enum!(Workplace, "workplace" { Onsite = "onsite", Hybrid = "hybrid", Remote = "remote" });

text_enum!(EmploymentType, "employment" {
    FullTime = "full_time",
    PartTime = "part_time",
    Contract = "contract",
    Internship = "internship",
    Temporary = "temporary",
});

text_enum!(Seniority, "seniority" { Junior = "junior", Mid = "mid", Senior = "senior", Lead = "lead" });

text_enum!(SalaryPeriod, "salary-period" { Year = "year", Month = "month", Hour = "hour" });

text_enum!(ApplicationStatus, "application-status" {
    New = "new",
    Reviewing = "reviewing",
    Interview = "interview",
    Offer = "offer",
    Hired = "hired",
    Rejected = "rejected",
    Withdrawn = "withdrawn",
});

text_enum!(AdminRole, "role" { Admin = "admin", Editor = "editor", Translator = "translator", Viewer = "viewer", Recruiter = "recruiter" });

impl EmploymentType {
    /// schema.org / Google for Jobs `employmentType`.
    pub fn schema_org(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "FULL_TIME",
            EmploymentType::PartTime => "PART_TIME",
            EmploymentType::Contract => "CONTRACTOR",
            EmploymentType::Internship => "INTERN",
            EmploymentType::Temporary => "TEMPORARY",
        }
    }
}

impl SalaryPeriod {
    /// schema.org `QuantitativeValue.unitText`.
    pub fn schema_org(self) -> &'static str {
        match self {
            SalaryPeriod::Year => "YEAR",
            SalaryPeriod::Month => "MONTH",
            SalaryPeriod::Hour => "HOUR",
        }
    }

    /// How many of this period make a working year (40 h × 52 weeks for hourly pay).
    pub fn per_year(self) -> i64 {
        match self {
            SalaryPeriod::Year => 1,
            SalaryPeriod::Month => 12,
            SalaryPeriod::Hour => 2080,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips() {
        for s in JobStatus::ALL {
            assert_eq!(JobStatus::parse(s.as_str()), Some(*s));
        }
        assert_eq!(EmploymentType::parse("full_time"), Some(EmploymentType::FullTime));
        assert_eq!(Workplace::parse("Remote"), None);
        assert_eq!(Seniority::Lead.label_id(), "seniority-lead");
    }
}
