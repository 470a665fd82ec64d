//! The demo data set shipped with Hireboard (`data/*.json`), compiled into the binary.

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct City {
    /// Its GeoNames id, so that a later `places import` refreshes it rather than adding it twice.
    pub geonames: i64,
    /// In English; `de` and `uk` are its German and Ukrainian names.
    pub name: String,
    pub de: String,
    pub uk: String,
    pub country: String,
    pub population: i64,
    pub lat: f64,
    pub lon: f64,
    pub currency: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CompanyData {
    pub slug: String,
    pub name: String,
    pub website: Option<String>,
    pub city: String,
    pub size: Option<String>,
    pub original_locale: String,
    /// Description per locale code; the original language is always present.
    pub description: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RoleText {
    pub title: String,
    pub summary: String,
    pub responsibilities: Vec<String>,
    pub requirements: Vec<String>,
    pub benefits: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Role {
    pub key: String,
    pub seniority: String,
    pub employment_type: String,
    pub workplace: String,
    pub salary_eur_year: Option<[i64; 2]>,
    pub skills: Vec<String>,
    pub text: BTreeMap<String, RoleText>,
}

pub struct DemoData {
    pub cities: Vec<City>,
    /// German and Ukrainian names of the skills that have some (product names do not).
    pub skill_names: BTreeMap<String, [String; 2]>,
    pub companies: Vec<CompanyData>,
    pub roles: Vec<Role>,
}

/// Parses the embedded files. They are part of the build, so a parse error is a bug that the
/// unit test below catches before release.
pub fn load() -> Result<DemoData, String> {
    fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T, String> {
        serde_json::from_str(text).map_err(|e| format!("demo data {name}: {e}"))
    }
    Ok(DemoData {
        cities: parse("cities.json", include_str!("data/cities.json"))?,
        skill_names: parse("skill_names.json", include_str!("data/skill_names.json"))?,
        companies: parse("companies.json", include_str!("data/companies.json"))?,
        roles: parse("roles.json", include_str!("data/roles.json"))?,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_demo_data_parses_and_is_consistent() {
        let data = super::load().unwrap();
        assert!(data.companies.len() >= 30);
        assert!(data.roles.len() >= 40);
        for c in &data.companies {
            assert!(
                data.cities.iter().any(|city| city.name == c.city),
                "{} is in an unknown city",
                c.slug
            );
            assert!(
                c.description.contains_key(&c.original_locale),
                "{} lacks its original text",
                c.slug
            );
        }
        for r in &data.roles {
            for l in ["en", "de", "uk"] {
                assert!(r.text.contains_key(l), "{} lacks {l}", r.key);
            }
        }
        for skill in data.skill_names.keys() {
            assert!(data.roles.iter().any(|r| r.skills.contains(skill)), "no role needs {skill}");
        }
    }
}
