//! The readers against files as programs write them.

use std::io::Write;

use super::Format;
use super::read::{Limits, ReadError, ReadOptions, Row, Sheet, read};

/// Reads `bytes` as a file: the sheet and its rows.
fn read_bytes(bytes: &[u8], options: &ReadOptions) -> Result<(Sheet, Vec<Row>), ReadError> {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(bytes).unwrap();
    let mut rows = Vec::new();
    let sheet = read::<ReadError>(file.path(), options, &mut |_| Ok(()), &mut |r| {
        rows.push(r);
        Ok(())
    })?;
    Ok((sheet, rows))
}

fn cells(rows: &[Row]) -> Vec<Vec<&str>> {
    rows.iter().map(|r| r.cells.iter().map(String::as_str).collect()).collect()
}

#[test]
fn csv_in_utf8_with_a_bom_semicolons_and_a_cell_over_lines() {
    let text = "\u{FEFF}title;city;benefits\r\nRust;Zürich;\"Gym\nLunch\"\r\n;;\r\nGo;Köln;\r\n";
    let (sheet, rows) = read_bytes(text.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(sheet.format, Format::Csv);
    assert_eq!(sheet.encoding.unwrap().name(), "UTF-8");
    assert_eq!(sheet.headers, ["title", "city", "benefits"]);
    assert_eq!(cells(&rows), [vec!["Rust", "Zürich", "Gym\nLunch"], vec!["Go", "Köln", ""]]);
    // Numbered as a spreadsheet numbers them: the blank row 4 is skipped, not renumbered.
    assert_eq!(rows.iter().map(|r| r.number).collect::<Vec<_>>(), [2, 5]);
    assert_eq!(sheet.rows, 2);
}

#[test]
fn csv_in_utf16_with_or_without_a_bom() {
    let text = "title\tcity\r\nRust\tКиїв\r\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let (sheet, rows) = read_bytes(&le, &ReadOptions::default()).unwrap();
    assert_eq!(sheet.encoding.unwrap().name(), "UTF-16LE");
    assert_eq!(cells(&rows), [vec!["Rust", "Київ"]]);
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let (sheet, rows) = read_bytes(&be, &ReadOptions::default()).unwrap();
    assert_eq!(sheet.encoding.unwrap().name(), "UTF-16BE");
    assert_eq!(cells(&rows), [vec!["Rust", "Київ"]]);
}

#[test]
fn csv_in_windows_1252_is_guessed_or_taken_as_chosen() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252
        .encode("title,city,company\nEntwickler für Rust,Zürich,Müller & Söhne GmbH\n");
    let (sheet, rows) = read_bytes(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(sheet.encoding.unwrap().name(), "windows-1252");
    assert_eq!(cells(&rows), [vec!["Entwickler für Rust", "Zürich", "Müller & Söhne GmbH"]]);
    // Chosen, an encoding is taken as it is: ISO-8859-2 reads those bytes otherwise.
    let chosen = ReadOptions { encoding: Some(encoding_rs::ISO_8859_2), ..Default::default() };
    let (sheet, rows) = read_bytes(&bytes, &chosen).unwrap();
    assert_eq!(sheet.encoding.unwrap().name(), "ISO-8859-2");
    assert_eq!(rows[0].cells[1], "Zürich", "ü is the same byte in both");
    assert_ne!(rows[0].cells[0], "Entwickler für Rust".replace('ü', "x"));
}

#[test]
fn empty_files_and_files_of_headers_only_are_refused() {
    let none = ReadOptions::default();
    assert_eq!(read_bytes(b"", &none).unwrap_err(), ReadError::Empty);
    assert_eq!(read_bytes(b"\r\n\r\n", &none).unwrap_err(), ReadError::Empty);
    assert_eq!(read_bytes(b"title,city\r\n", &none).unwrap_err(), ReadError::NoRows);
    assert_eq!(read_bytes(b"title,city\r\n,\r\n", &none).unwrap_err(), ReadError::NoRows);
    assert_eq!(
        read_bytes(b"title,Title\r\nRust,Go\r\n", &none).unwrap_err(),
        ReadError::DuplicateHeader { header: "Title".into() }
    );
}

#[test]
fn other_files_are_not_spreadsheets() {
    let none = ReadOptions::default();
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01";
    assert_eq!(read_bytes(png, &none).unwrap_err(), ReadError::NotASpreadsheet);
    assert_eq!(
        read_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", &none).unwrap_err(),
        ReadError::NotASpreadsheet
    );
    let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00\x00\x00";
    assert_eq!(read_bytes(ole, &none).unwrap_err(), ReadError::OldExcel);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
    zip.write_all(b"<w:document/>").unwrap();
    let docx = zip.finish().unwrap().into_inner();
    assert_eq!(read_bytes(&docx, &none).unwrap_err(), ReadError::NotASpreadsheet);
}

#[test]
fn limits_on_size_and_rows() {
    let small = ReadOptions { limits: Limits { max_bytes: 20, max_rows: 2 }, ..Default::default() };
    assert_eq!(
        read_bytes(b"title\r\nRust engineer wanted\r\n", &small).unwrap_err(),
        ReadError::TooLarge { max: 20 }
    );
    assert_eq!(read_bytes(b"t\na\nb\nc\n", &small).unwrap_err(), ReadError::TooManyRows { max: 2 });
    assert_eq!(read_bytes(b"t\na\nb\n", &small).unwrap().1.len(), 2);
}

fn xlsx(build: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    build(book.add_worksheet());
    book.save_to_buffer().unwrap()
}

#[test]
fn xlsx_numbers_dates_and_formulas() {
    let bytes = xlsx(|sheet| {
        let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        sheet.write(0, 0, "title").unwrap();
        sheet.write(0, 1, "salary_min").unwrap();
        sheet.write(0, 2, "valid_through").unwrap();
        sheet.write(0, 3, "latitude").unwrap();
        sheet.write(1, 0, "Rust").unwrap();
        sheet.write(1, 1, 50000).unwrap();
        let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2030, 1, 31).unwrap();
        sheet.write_with_format(1, 2, &day, &date).unwrap();
        sheet.write(1, 3, 52.52).unwrap();
        // Row 3 is blank; row 4 computes its salary.
        sheet.write(3, 0, "Go").unwrap();
        sheet.write_formula(3, 1, "=B2*2").unwrap();
    });
    let (sheet, rows) = read_bytes(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(sheet.format, Format::Xlsx);
    assert_eq!(sheet.headers, ["title", "salary_min", "valid_through", "latitude"]);
    assert_eq!(cells(&rows)[0], ["Rust", "50000", "2030-01-31", "52.52"]);
    assert_eq!(rows[1].number, 4);
    assert_eq!(rows[1].formulas, [(1, "B2*2".to_owned())]);
}

#[test]
fn xlsx_with_merged_cells_is_refused_naming_them() {
    let bytes = xlsx(|sheet| {
        sheet.write(0, 0, "title").unwrap();
        sheet.write(0, 1, "city").unwrap();
        sheet.merge_range(1, 0, 2, 1, "Rust", &rust_xlsxwriter::Format::new()).unwrap();
    });
    let error = read_bytes(&bytes, &ReadOptions::default()).unwrap_err();
    assert_eq!(error, ReadError::Merged { cells: "A2:B3".into() });
}

/// A minimal OpenDocument spreadsheet, as LibreOffice lays one out.
fn ods(rows: &[&[&str]]) -> Vec<u8> {
    let mut table = String::new();
    for row in rows {
        table.push_str("<table:table-row>");
        for cell in *row {
            table.push_str(&format!(
                "<table:table-cell office:value-type=\"string\"><text:p>{cell}</text:p></table:table-cell>"
            ));
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet><table:table table:name="Jobs">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn ods_sheets_read_like_the_others() {
    let bytes = ods(&[&["title", "city"], &["Rust", "Київ"], &["Go", "Berlin"]]);
    let (sheet, rows) = read_bytes(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(sheet.format, Format::Ods);
    assert_eq!(sheet.headers, ["title", "city"]);
    assert_eq!(cells(&rows), [vec!["Rust", "Київ"], vec!["Go", "Berlin"]]);
    assert_eq!(rows[1].number, 3);
}

#[test]
fn archives_that_unpack_to_far_more_than_they_weigh_are_refused() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default();
    zip.start_file("xl/workbook.xml", deflated).unwrap();
    zip.write_all(b"<workbook/>").unwrap();
    zip.start_file("xl/sharedStrings.xml", deflated).unwrap();
    zip.write_all(&vec![b' '; 50 * 1024 * 1024]).unwrap();
    let bomb = zip.finish().unwrap().into_inner();
    assert!(bomb.len() < 200 * 1024, "{}", bomb.len());
    let error = read_bytes(&bomb, &ReadOptions::default()).unwrap_err();
    assert!(matches!(error, ReadError::Damaged { .. }), "{error:?}");
}
