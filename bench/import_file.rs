//! Writes the spreadsheet `bench/import` imports: ROWS postings (100,000 by default) with the
//! headers the import understands, a reference each, a German translation of every tenth,
//! skills, salaries and twenty companies by name.
//!
//! `import_file OUT.xlsx [ROWS]`

use rust_xlsxwriter::Workbook;

const HEADERS: [&str; 14] = [
    "Reference",
    "Title",
    "Company",
    "Summary",
    "Responsibilities",
    "City",
    "Country",
    "Workplace",
    "Employment type",
    "Skills",
    "Minimum salary",
    "Maximum salary",
    "Title [de]",
    "Summary [de]",
];

const CITIES: [(&str, &str); 6] = [
    ("Berlin", "DE"),
    ("Hamburg", "DE"),
    ("Vienna", "AT"),
    ("Zurich", "CH"),
    ("Kyiv", "UA"),
    ("Amsterdam", "NL"),
];
const ROLES: [&str; 8] =
    ["Engineer", "Designer", "Analyst", "Manager", "Developer", "Nurse", "Accountant", "Teacher"];
const SKILLS: [&str; 10] =
    ["Rust", "SQL", "Go", "Figma", "Excel", "Python", "Care", "German", "Kotlin", "Sales"];

fn main() -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut args = std::env::args().skip(1);
    let out = args.next().expect("usage: import_file OUT.xlsx [ROWS]");
    let rows: u32 = args.next().map_or(100_000, |n| n.parse().expect("ROWS is a number"));
    let mut book = Workbook::new();
    let sheet = book.add_worksheet_with_constant_memory()?;
    for (i, header) in HEADERS.iter().enumerate() {
        sheet.write_string(0, i as u16, *header)?;
    }
    for n in 1..=rows {
        let i = n as usize;
        let (city, country) = CITIES[i % CITIES.len()];
        let role = ROLES[i % ROLES.len()];
        let title = format!("{role} {n}");
        let min = 30_000 + (i % 50) as i64 * 1_000;
        let translated = i.is_multiple_of(10);
        let cells: [String; 14] = [
            format!("B-{n}"),
            title.clone(),
            format!("Bench Company {}", i % 20),
            format!("{title} in {city}: a role on a friendly team that ships every week."),
            "Build things people use\nReview each other's work\nTalk to customers".into(),
            city.into(),
            country.into(),
            ["On-site", "Hybrid", "Remote"][i % 3].into(),
            ["Full-time", "Part-time", "Contract"][i % 3].into(),
            format!("{}, {}", SKILLS[i % SKILLS.len()], SKILLS[(i / 3) % SKILLS.len()]),
            min.to_string(),
            (min + 15_000).to_string(),
            if translated { format!("{role}in {n}") } else { String::new() },
            if translated {
                format!("{role}in in {city}: ein freundliches Team.")
            } else {
                String::new()
            },
        ];
        for (c, cell) in cells.iter().enumerate() {
            if !cell.is_empty() {
                sheet.write_string(n, c as u16, cell)?;
            }
        }
    }
    book.save(&out)
}
