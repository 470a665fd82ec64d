//! The rules a posting keeps whoever writes it (the back office's form, the API): a place
//! unless remote, known countries, both coordinates, a sensible salary, a short skill list.

use super::JobDraft;
use crate::models::Workplace;
use crate::models::problem::FieldError;

/// The most skills a posting lists.
pub const MAX_SKILLS: usize = 20;
/// The longest skill name, in characters.
const MAX_SKILL_CHARS: usize = 60;

impl JobDraft {
    /// What breaks the rules, by field (the form's names); empty when nothing does.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut problems = Vec::new();
        let mut add = |problem| problems.push(problem);
        let problem = FieldError::new;
        if self.workplace != Workplace::Remote && self.city.is_none() {
            add(problem("city", "admin-error-city-required"));
        }
        let is_country = crate::i18n::countries::is_country;
        if let Some(code) = self.remote_countries.iter().find(|c| !is_country(c)) {
            add(problem("remote_countries", "admin-error-country-code").with("code", code));
        }
        if self.latitude.is_some() != self.longitude.is_some() {
            add(problem("longitude", "admin-error-coordinates"));
        }
        for (field, value) in [("salary_min", self.salary_min), ("salary_max", self.salary_max)] {
            if value.is_some_and(|v| v < 0) {
                add(problem(field, "admin-error-negative"));
            }
        }
        if let (Some(min), Some(max)) = (self.salary_min, self.salary_max)
            && min > max
        {
            add(problem("salary_max", "admin-error-salary-range"));
        }
        let paid = self.salary_min.is_some() || self.salary_max.is_some();
        if paid && self.salary_currency.is_none() {
            add(problem("salary_currency", "admin-error-salary-needs"));
        }
        if paid && self.salary_period.is_none() {
            add(problem("salary_period", "admin-error-salary-needs"));
        }
        if self.skills.len() > MAX_SKILLS {
            add(problem("skills", "admin-error-too-many").with("max", MAX_SKILLS.to_string()));
        }
        if let Some(long) = self.skills.iter().find(|s| s.chars().count() > MAX_SKILL_CHARS) {
            add(problem("skills", "admin-error-item-too-long").with("item", long));
        }
        if self.skills.iter().any(|s| crate::models::slugify(s).is_empty()) {
            add(problem("skills", "admin-error-skill-name"));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::SalaryPeriod;

    fn draft() -> JobDraft {
        JobDraft {
            slug: "engineer".into(),
            company_id: 1,
            city: Some("Berlin".into()),
            country_code: Some("DE".into()),
            salary_currency: None,
            salary_period: None,
            skills: vec!["Rust".into()],
            ..JobDraft::new(crate::i18n::Locale::EN, chrono::NaiveDateTime::default())
        }
    }

    fn fields(draft: &JobDraft) -> Vec<(String, &'static str)> {
        draft.problems().into_iter().map(|p| (p.field, p.message)).collect()
    }

    #[test]
    fn a_complete_posting_breaks_no_rule() {
        assert!(draft().problems().is_empty());
        let paid = JobDraft {
            salary_min: Some(50_000),
            salary_max: Some(60_000),
            salary_currency: Some("EUR".into()),
            salary_period: Some(SalaryPeriod::Year),
            ..draft()
        };
        assert!(paid.problems().is_empty());
        let remote = JobDraft { workplace: Workplace::Remote, city: None, ..draft() };
        assert!(remote.problems().is_empty());
    }

    #[test]
    fn each_rule_names_its_field() {
        let onsite_nowhere = JobDraft { city: None, ..draft() };
        assert_eq!(fields(&onsite_nowhere), [("city".into(), "admin-error-city-required")]);
        let half_a_point = JobDraft { latitude: Some(52.5), ..draft() };
        assert_eq!(fields(&half_a_point), [("longitude".into(), "admin-error-coordinates")]);
        let upside_down = JobDraft {
            salary_min: Some(9),
            salary_max: Some(-1),
            salary_currency: Some("EUR".into()),
            salary_period: Some(SalaryPeriod::Month),
            ..draft()
        };
        assert_eq!(
            fields(&upside_down),
            [
                ("salary_max".into(), "admin-error-negative"),
                ("salary_max".into(), "admin-error-salary-range")
            ]
        );
        let unpriced = JobDraft { salary_min: Some(1), ..draft() };
        assert_eq!(
            fields(&unpriced),
            [
                ("salary_currency".into(), "admin-error-salary-needs"),
                ("salary_period".into(), "admin-error-salary-needs")
            ]
        );
        let nowhere = JobDraft { remote_countries: vec!["DE".into(), "XX".into()], ..draft() };
        let problems = nowhere.problems();
        assert_eq!(problems[0].arg, Some(("code", "XX".into())));
    }

    #[test]
    fn skills_are_few_short_and_named() {
        let many =
            JobDraft { skills: (0..=MAX_SKILLS).map(|n| format!("s{n}")).collect(), ..draft() };
        assert_eq!(fields(&many), [("skills".into(), "admin-error-too-many")]);
        let long = JobDraft { skills: vec!["x".repeat(MAX_SKILL_CHARS + 1)], ..draft() };
        assert_eq!(fields(&long), [("skills".into(), "admin-error-item-too-long")]);
        let symbols = JobDraft { skills: vec!["!!".into()], ..draft() };
        assert_eq!(fields(&symbols), [("skills".into(), "admin-error-skill-name")]);
    }
}
