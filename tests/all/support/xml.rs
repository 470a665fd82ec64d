//! XML documents read as XML (an HTML parser takes `<source>` for an empty element).

use quick_xml::Reader;
use quick_xml::events::Event;

/// A parsed XML document: every element's path (`source/job/title`) and text, in order.
pub struct Xml {
    elements: Vec<(String, String)>,
}

impl Xml {
    /// Parses `text`; panics (failing the test) when it is not well-formed.
    pub fn parse(text: &str) -> Xml {
        let mut reader = Reader::from_str(text);
        let mut path: Vec<String> = Vec::new();
        // Open elements: their index in `elements`.
        let mut open: Vec<usize> = Vec::new();
        let mut elements = Vec::new();
        loop {
            match reader.read_event().expect("well-formed XML") {
                Event::Start(e) => {
                    path.push(e.name().as_ref().to_owned());
                    open.push(elements.len());
                    elements.push((path.join("/"), String::new()));
                }
                Event::Empty(e) => {
                    let name = e.name().as_ref().to_owned();
                    elements.push((format!("{}/{name}", path.join("/")), String::new()));
                }
                Event::Text(t) => {
                    if let Some(i) = open.last() {
                        elements[*i].1.push_str(&t.xml10_content());
                    }
                }
                Event::GeneralRef(r) => {
                    if let Some(i) = open.last() {
                        let name: &str = &r;
                        let resolved = quick_xml::escape::resolve_predefined_entity(name)
                            .map(str::to_owned)
                            .or_else(|| r.resolve_char_ref().ok().flatten().map(String::from))
                            .expect("a known entity");
                        elements[*i].1.push_str(&resolved);
                    }
                }
                Event::CData(t) => {
                    if let Some(i) = open.last() {
                        elements[*i].1.push_str(&t);
                    }
                }
                Event::End(_) => {
                    path.pop();
                    open.pop();
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert!(path.is_empty(), "unclosed elements: {path:?}");
        Xml { elements }
    }

    /// The texts of the elements at `path` (from the root: `source/job/title`).
    pub fn texts(&self, path: &str) -> Vec<String> {
        self.elements.iter().filter(|(p, _)| p == path).map(|(_, t)| t.clone()).collect()
    }
}
