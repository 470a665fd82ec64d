//! Reading pages the way a user (or a crawler) would: by CSS selector.

pub struct Html(scraper::Html);

impl Html {
    pub fn parse(body: &str) -> Html {
        Html(scraper::Html::parse_document(body))
    }

    fn selector(css: &str) -> scraper::Selector {
        scraper::Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e}"))
    }

    /// The trimmed text of every element matching `css`.
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.0
            .select(&Self::selector(css))
            .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    /// The text of the only element matching `css`.
    pub fn text(&self, css: &str) -> String {
        let all = self.texts(css);
        assert_eq!(all.len(), 1, "expected one {css}, found {}", all.len());
        all.into_iter().next().unwrap()
    }

    pub fn count(&self, css: &str) -> usize {
        self.0.select(&Self::selector(css)).count()
    }

    /// An attribute of every element matching `css`.
    pub fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        self.0
            .select(&Self::selector(css))
            .filter_map(|e| e.value().attr(attr).map(str::to_owned))
            .collect()
    }

    pub fn attr(&self, css: &str, attr: &str) -> String {
        let all = self.attrs(css, attr);
        assert_eq!(all.len(), 1, "expected one {css}[{attr}], found {}", all.len());
        all.into_iter().next().unwrap()
    }

    /// The form matching `css` as the browser would submit it, with `changes` typed over its
    /// fields (added when absent), the CSRF token left to the request helper.
    pub fn form_with(&self, css: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = self
            .form(css)
            .into_iter()
            .filter(|(k, _)| k != "_csrf" && !changes.iter().any(|(c, _)| c == k))
            .collect();
        pairs.extend(changes.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
        pairs
    }

    /// What the browser would submit for the form matching `css`: (name, value) of its
    /// fields in document order; unchecked boxes and disabled fields left out, a select's
    /// selected option (or its first).
    pub fn form(&self, css: &str) -> Vec<(String, String)> {
        let form =
            self.0.select(&Self::selector(css)).next().unwrap_or_else(|| panic!("no form {css}"));
        let fields = Self::selector("input[name], textarea[name], select[name]");
        let option = Self::selector("option");
        let mut pairs = Vec::new();
        for field in form.select(&fields) {
            let el = field.value();
            let name = el.attr("name").unwrap_or_default().to_owned();
            if el.attr("disabled").is_some() {
                continue;
            }
            let value = match el.name() {
                "textarea" => field.text().collect::<String>(),
                "select" => {
                    let options: Vec<_> = field.select(&option).collect();
                    options
                        .iter()
                        .find(|o| o.value().attr("selected").is_some())
                        .or(options.first())
                        .and_then(|o| o.value().attr("value"))
                        .unwrap_or_default()
                        .to_owned()
                }
                _ => {
                    let checkable = matches!(el.attr("type"), Some("checkbox" | "radio"));
                    if checkable && el.attr("checked").is_none() {
                        continue;
                    }
                    el.attr("value").unwrap_or_default().to_owned()
                }
            };
            pairs.push((name, value));
        }
        pairs
    }

    /// The raw inner text of script elements matching `css` (e.g. JSON-LD).
    pub fn scripts(&self, css: &str) -> Vec<String> {
        self.0.select(&Self::selector(css)).map(|e| e.inner_html()).collect()
    }
}
