//! CSV files in the encodings spreadsheet programs write: UTF-8 with or without a byte order
//! mark, UTF-16 (Excel's "Unicode text"), and the Windows code pages of older programs,
//! guessed from the bytes when not chosen. The separator is the one the header line uses
//! most (Excel writes `;` where the decimal mark is a comma).

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::Format;
use super::read::{Line, ReadError, Row, Sheet};

/// Whether `head` (the file's first bytes) is binary rather than text in some encoding.
pub fn looks_binary(head: &[u8]) -> bool {
    if by_bom(head).is_some() || utf16_without_bom(head).is_some() {
        return false;
    }
    head.iter().any(|b| matches!(b, 0..=8 | 0x0E..=0x1A | 0x1C..=0x1F))
}

fn by_bom(head: &[u8]) -> Option<&'static Encoding> {
    Encoding::for_bom(head).map(|(encoding, _)| encoding)
}

/// UTF-16 without a byte order mark: text with zeros in at least half its even or odd bytes
/// (Latin letters, digits and punctuation) and none in the others. Text in one-byte encodings
/// has no zeros at all.
fn utf16_without_bom(head: &[u8]) -> Option<&'static Encoding> {
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros = |offset: usize| head.iter().skip(offset).step_by(2).filter(|b| **b == 0).count();
    if zeros(1) * 2 >= pairs && zeros(0) == 0 {
        Some(UTF_16LE)
    } else if zeros(0) * 2 >= pairs && zeros(1) == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The encoding of the file at `path`: its byte order mark's, else `chosen`, else UTF-16 by
/// its zeros, else UTF-8 when every byte of it is, else the likeliest legacy encoding.
pub fn detect(
    path: &Path,
    chosen: Option<&'static Encoding>,
) -> Result<&'static Encoding, ReadError> {
    let mut file = BufReader::new(File::open(path)?);
    let mut head = Vec::with_capacity(4096);
    file.by_ref().take(4096).read_to_end(&mut head)?;
    if let Some(encoding) = by_bom(&head).or(chosen).or_else(|| utf16_without_bom(&head)) {
        return Ok(encoding);
    }
    // The whole file, a block at a time: UTF-8 all through, or the detector's guess.
    let mut utf8 = UTF_8.new_decoder_without_bom_handling();
    let mut scratch = String::with_capacity(64 * 1024);
    let mut guess = chardetng::EncodingDetector::new();
    let mut is_utf8 = true;
    let mut block = head;
    let mut buffer = vec![0; 64 * 1024];
    loop {
        let last = block.is_empty();
        if is_utf8 {
            let mut input = &block[..];
            loop {
                scratch.clear();
                let (result, read) =
                    utf8.decode_to_string_without_replacement(input, &mut scratch, last);
                input = &input[read..];
                match result {
                    encoding_rs::DecoderResult::InputEmpty => break,
                    encoding_rs::DecoderResult::OutputFull => continue,
                    encoding_rs::DecoderResult::Malformed(..) => {
                        is_utf8 = false;
                        break;
                    }
                }
            }
        }
        guess.feed(&block, last);
        if last {
            break;
        }
        let n = file.read(&mut buffer)?;
        block = buffer[..n].to_vec();
    }
    Ok(if is_utf8 { UTF_8 } else { guess.guess(None, false) })
}

/// The separator the header line uses most, outside quotes: `,`, `;`, tab or `|`.
fn separator(first_line: &str) -> u8 {
    let mut counts = [0usize; 4];
    let mut quoted = false;
    for c in first_line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            '|' if !quoted => counts[3] += 1,
            _ => {}
        }
    }
    let best = (0..4).max_by_key(|i| (counts[*i], 3 - *i)).unwrap_or(0);
    if counts[best] == 0 { b',' } else { [b',', b';', b'\t', b'|'][best] }
}

/// Reads a CSV file as UTF-8 text (decoded as it streams), handing on its sheet then rows.
pub(super) fn read<E: From<ReadError>>(
    path: &Path,
    chosen: Option<&'static Encoding>,
    emit: &mut dyn FnMut(Line) -> Result<(), E>,
) -> Result<(), E> {
    let encoding = detect(path, chosen)?;
    let decoded = || -> Result<_, ReadError> {
        Ok(encoding_rs_io::DecodeReaderBytesBuilder::new()
            .encoding(Some(encoding))
            .bom_override(true)
            .build(File::open(path)?))
    };
    let mut first_line = String::new();
    {
        let mut text = String::new();
        decoded()?
            .take(64 * 1024)
            .read_to_string(&mut text)
            .map_err(|_| ReadError::Encoding { encoding: encoding.name() })?;
        first_line.push_str(text.lines().next().unwrap_or_default());
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator(&first_line))
        .from_reader(LineFeeds::new(decoded()?));
    let mut record = csv::StringRecord::new();
    let mut started = false;
    loop {
        let more = reader.read_record(&mut record).map_err(|e| csv_error(e, encoding))?;
        if !more {
            break;
        }
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if !started {
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            started = true;
            emit(Line::Headers(Sheet {
                format: Format::Csv,
                encoding: Some(encoding),
                headers: cells,
                rows: 0,
            }))?;
            continue;
        }
        let number = record.position().map_or(0, |p| p.line());
        emit(Line::Row(Row { number, cells, formulas: Vec::new() }))?;
    }
    Ok(())
}

/// Text with each CR LF as a bare LF: the CSV reader counts the lines of CR LF text one behind,
/// and rows are reported by the line they start on.
struct LineFeeds<R> {
    inner: R,
    /// A CR that ended the last read, not yet known to precede an LF.
    pending_cr: bool,
}

impl<R: Read> LineFeeds<R> {
    fn new(inner: R) -> LineFeeds<R> {
        LineFeeds { inner, pending_cr: false }
    }
}

impl<R: Read> Read for LineFeeds<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.len() < 2 {
            return self.inner.read(buf);
        }
        // One byte kept free for a pending CR that turns out not to precede an LF.
        let n = self.inner.read(&mut buf[1..])?;
        let mut out = 0;
        if self.pending_cr {
            self.pending_cr = false;
            if n == 0 || buf[1] != b'\n' {
                buf[out] = b'\r';
                out += 1;
            }
        }
        for i in 1..=n {
            let b = buf[i];
            if b == b'\r' && i == n {
                self.pending_cr = true;
                continue;
            }
            if b == b'\r' && buf[i + 1] == b'\n' {
                continue;
            }
            buf[out] = b;
            out += 1;
        }
        if out == 0 && n > 0 {
            // Only a pending CR came: read on rather than report an end.
            return self.read(buf);
        }
        Ok(out)
    }
}

fn csv_error(e: csv::Error, encoding: &'static Encoding) -> ReadError {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => ReadError::Encoding { encoding: encoding.name() },
        csv::ErrorKind::Io(_) => ReadError::Io(e.to_string()),
        _ => ReadError::Damaged { detail: e.to_string() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_the_header_lines_commonest() {
        assert_eq!(separator("title,company,city"), b',');
        assert_eq!(separator("title;company;\"a, b\""), b';');
        assert_eq!(separator("title\tcompany"), b'\t');
        assert_eq!(separator("title"), b',');
    }

    #[test]
    fn line_feeds_replace_cr_lf_across_reads() {
        use std::io::Read;
        // One byte at a time: every CR LF is split between two reads.
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let Some((first, rest)) = self.0.split_first() else { return Ok(0) };
                buf[0] = *first;
                self.0 = rest;
                Ok(1)
            }
        }
        for source in [&b"a\r\nb\rc\r\n\r"[..], b"\r\n\r\n"] {
            let mut out = String::new();
            LineFeeds::new(Trickle(source)).read_to_string(&mut out).unwrap();
            let expected = String::from_utf8(source.to_vec()).unwrap().replace("\r\n", "\n");
            assert_eq!(out, expected);
            let mut whole = String::new();
            LineFeeds::new(source).read_to_string(&mut whole).unwrap();
            assert_eq!(whole, expected);
        }
    }

    #[test]
    fn utf16_is_told_by_its_zeros_and_binary_by_control_bytes() {
        let le: Vec<u8> = "title,city".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(utf16_without_bom(&le), Some(UTF_16LE));
        let be: Vec<u8> = "title,city".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16_without_bom(&be), Some(UTF_16BE));
        assert!(!looks_binary(&le));
        assert!(!looks_binary("title;Zürich\r\n".as_bytes()));
        assert!(looks_binary(b"\x00\x01\x02binary\x03"));
    }
}
