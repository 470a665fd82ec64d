//! Database models, one file per aggregate. Models never see HTTP types.

pub mod admin_user;
pub mod alert;
pub mod api_token;
pub mod application;
pub mod audit;
pub mod comment;
pub mod company;
pub mod company_member;
pub mod employer;
pub mod enums;
pub mod event;
pub mod idempotency;
pub mod import;
pub mod job;
pub mod pipeline;
pub mod place;
pub mod problem;
pub mod saved_view;
pub mod second_factor;
pub mod skill;
pub mod translation;

pub use enums::*;

/// Content that exists in an original language and may be translated: which language the
/// shown text is in, and whether that is a fallback for the language asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Localized<T> {
    pub value: T,
    pub lang: crate::i18n::Locale,
    pub is_fallback: bool,
}

/// Makes a URL slug from a name: lower-case ASCII letters, digits and single dashes.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for ch in text.chars().flat_map(char::to_lowercase) {
        let mapped = match ch {
            'a'..='z' | '0'..='9' => Some(ch),
            'ä' => Some('a'),
            'ö' => Some('o'),
            'ü' => Some('u'),
            'ß' => Some('s'),
            'é' | 'è' | 'ê' => Some('e'),
            'á' | 'à' | 'â' | 'ã' => Some('a'),
            'ó' | 'ò' | 'ô' | 'õ' => Some('o'),
            'ç' => Some('c'),
            'ł' => Some('l'),
            'ś' => Some('s'),
            'ż' | 'ź' => Some('z'),
            'ń' => Some('n'),
            'ć' => Some('c'),
            'ę' => Some('e'),
            'ą' => Some('a'),
            _ => None,
        };
        match mapped {
            Some(c) => slug.push(c),
            None if ch.is_alphanumeric() => {}
            None => {
                if !slug.is_empty() && !slug.ends_with('-') {
                    slug.push('-');
                }
            }
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn slugs_are_ascii_and_dashed() {
        assert_eq!(
            slugify("Senior Ruby on Rails Back-end Engineer"),
            "senior-ruby-on-rails-back-end-engineer"
        );
        assert_eq!(slugify("Nordlicht Logistik GmbH — Hamburg"), "nordlicht-logistik-gmbh-hamburg");
        assert_eq!(slugify("Müller & Söhne"), "muller-sohne");
        assert_eq!(slugify("C++ / C#"), "c-c");
    }
}
