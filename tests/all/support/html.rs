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
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
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
        assert_eq!(
            all.len(),
            1,
            "expected one {css}[{attr}], found {}",
            all.len()
        );
        all.into_iter().next().unwrap()
    }

    /// The raw inner text of script elements matching `css` (e.g. JSON-LD).
    pub fn scripts(&self, css: &str) -> Vec<String> {
        self.0
            .select(&Self::selector(css))
            .map(|e| e.inner_html())
            .collect()
    }
}
