//! Reading a PDF's text layer, as ../shared/spec/claim-files.md ("Reading a
//! source") says: in reading order (columns one after the other), lines
//! joined into paragraphs (a hyphen that splits a word at a line end removed,
//! a figure split across lines kept whole), running headers, footers and page
//! numbers dropped wherever they are drawn, footnote markers glued to words
//! dropped and footnotes read as their own paragraphs, ligatures read as their
//! letters, and a table row read as one line with its cells joined by "; ".
//!
//! Pure: bytes in, text out (one paragraph a line, which the plain-text reader
//! then splits into sentences). `extract` turns the file into positioned
//! glyphs with `lopdf`; `layout` turns glyphs into paragraphs.
//!
//! A PDF is hostile input. Every cost is bounded by [`Limits`] (pages,
//! operators, glyphs, bytes decompressed, form nesting), so a decompression
//! bomb, a 10,000-page file or a form that draws itself is an error with a
//! reason, not a hang or an exhausted memory; and the whole read runs under
//! `catch_unwind`, so a panic inside the parser (a bug we have not found) is a
//! reason too, never a crash of the run.

mod extract;
mod layout;
#[doc(hidden)]
pub mod sample;

use std::panic::{AssertUnwindSafe, catch_unwind};

/// How much of a PDF is read before it is given up as too large or too
/// complex. The defaults read a 2,000-page report; nothing a newsroom cites is
/// near them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Pages in the file.
    pub max_pages: usize,
    /// Bytes one stream may decompress to.
    pub max_stream_bytes: usize,
    /// Bytes all the page content streams together may decompress to.
    pub max_decoded_bytes: usize,
    /// Content-stream operators interpreted, forms included.
    pub max_operations: usize,
    /// Glyphs drawn.
    pub max_glyphs: usize,
    /// Form `XObject`s drawn inside one another.
    pub max_form_depth: usize,
}

/// Pages read at most (a longer file is unreachable, with this reason).
pub const MAX_PAGES: usize = 2_000;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_pages: MAX_PAGES,
            max_stream_bytes: 16 << 20,
            max_decoded_bytes: 256 << 20,
            max_operations: 20_000_000,
            max_glyphs: 4_000_000,
            max_form_depth: 12,
        }
    }
}

/// Why a PDF could not be read; its `Display` is the reason a report gives.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PdfError {
    /// The bytes do not start with `%PDF-`.
    #[error("not a PDF (it does not start with %PDF-{0})")]
    NotPdf(String),
    /// The file could not be parsed.
    #[error("cannot read the PDF: {0}")]
    Unreadable(String),
    /// The file ends before its end: cut short in transfer or storage.
    #[error("the PDF is cut short (it ends without its cross-reference table and %%EOF)")]
    Truncated,
    /// The page tree holds no page (or loops back on itself).
    #[error("the PDF has no pages (its page tree is empty or loops)")]
    NoPages,
    /// The file is encrypted and does not open without a password.
    #[error("the PDF is encrypted and needs a password")]
    Encrypted,
    /// More pages than [`Limits::max_pages`].
    #[error("the PDF has {pages} pages; factcheck reads at most {max}")]
    TooManyPages {
        /// Pages in the file.
        pages: usize,
        /// The limit.
        max: usize,
    },
    /// A stream decompresses to more than the limits allow.
    #[error(
        "a stream in the PDF decompresses to more than factcheck reads (a decompression bomb?)"
    )]
    Bomb,
    /// A form `XObject` draws itself.
    #[error("the PDF's pages refer to themselves in a loop")]
    Loop,
    /// More operators, glyphs or nested forms than the limits allow.
    #[error(
        "the PDF draws more than factcheck reads (too many operations, glyphs or nested forms)"
    )]
    TooComplex,
    /// Text is drawn but no font maps it to characters.
    #[error("the PDF's text cannot be decoded (its fonts have no Unicode map)")]
    Undecodable,
    /// Nothing is drawn as text.
    #[error("the PDF has no text layer (a scan?)")]
    NoText,
    /// The parser panicked: a bug, reported as a reason instead of a crash.
    #[error("cannot read the PDF: the parser failed on it")]
    Internal,
}

/// Whether `bytes` is a PDF by its signature: `%PDF-` within the first 1024
/// bytes, where readers look for it (some files start with junk).
#[must_use]
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Reads a PDF's text layer: one paragraph a line, in reading order.
pub fn read(bytes: &[u8]) -> Result<String, PdfError> {
    read_with(bytes, &Limits::default())
}

/// As [`read`], within `limits`.
pub fn read_with(bytes: &[u8], limits: &Limits) -> Result<String, PdfError> {
    if !is_pdf(bytes) {
        let start: String = String::from_utf8_lossy(&bytes[..bytes.len().min(16)])
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let start = start.trim();
        return Err(PdfError::NotPdf(if start.is_empty() {
            String::new()
        } else {
            format!("; it starts with {start:?}")
        }));
    }
    let extracted = catch_unwind(AssertUnwindSafe(|| extract::extract(bytes, limits)))
        .map_err(|_| PdfError::Internal)??;
    let any_text = extracted
        .pages
        .iter()
        .any(|p| p.glyphs.iter().any(|g| !g.c.is_whitespace()));
    if !any_text {
        return Err(if extracted.undecodable > 0 {
            PdfError::Undecodable
        } else {
            PdfError::NoText
        });
    }
    let paragraphs = catch_unwind(AssertUnwindSafe(|| layout::paragraphs(&extracted.pages)))
        .map_err(|_| PdfError::Internal)?;
    Ok(paragraphs.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::sample::{pages_pdf, raw_pdf, stream, text_pdf};
    use super::*;
    use std::io::Write as _;

    fn deflate(data: &[u8]) -> Vec<u8> {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(data).unwrap();
        z.finish().unwrap()
    }

    fn small() -> Limits {
        Limits {
            max_pages: 50,
            max_stream_bytes: 1 << 20,
            max_decoded_bytes: 4 << 20,
            max_operations: 100_000,
            max_glyphs: 50_000,
            max_form_depth: 4,
        }
    }

    #[test]
    fn a_written_page_reads_back() {
        let pdf = text_pdf(&[vec![
            (72.0, 700.0, 12.0, "Exports rose to 4.1 million tonnes."),
            (72.0, 686.0, 12.0, "Imports fell."),
        ]]);
        assert_eq!(
            read(&pdf).unwrap(),
            "Exports rose to 4.1 million tonnes. Imports fell."
        );
    }

    #[test]
    fn hostile_files_are_errors_with_reasons() {
        let text = b"BT /F1 12 Tf 72 700 Td (Some text.) Tj ET".to_vec();
        let bomb = {
            let zeros = deflate(&vec![b' '; 3 << 20]);
            // The page's content stream, swapped for the bomb.
            let body = stream(b"/Filter /FlateDecode", &zeros);
            let objects = vec![
                b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
                body,
            ];
            raw_pdf(&objects)
        };
        let many_pages = pages_pdf(&vec![text.clone(); 60], None);
        let form_loop = pages_pdf(
            &[b"/X0 Do".to_vec()],
            Some(stream(
                b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X0 4 0 R >> >>",
                b"/X0 Do",
            )),
        );
        let good = text_pdf(&[vec![(72.0, 700.0, 12.0, "Some text.")]]);
        let truncated = good[..good.len() / 3].to_vec();
        let no_text = pages_pdf(&[b"0 0 m 100 100 l S".to_vec()], None);
        let many_ops = pages_pdf(&[b"n\n".repeat(150_000)], None);
        let cases: Vec<(&str, Vec<u8>, PdfError)> = vec![
            ("bomb", bomb, PdfError::Bomb),
            (
                "pages",
                many_pages,
                PdfError::TooManyPages { pages: 60, max: 50 },
            ),
            ("form loop", form_loop, PdfError::Loop),
            ("no text", no_text, PdfError::NoText),
            ("operations", many_ops, PdfError::TooComplex),
            (
                "html",
                b"<!doctype html><p>Not found</p>".to_vec(),
                PdfError::NotPdf("; it starts with \"<!doctype html><\"".into()),
            ),
        ];
        for (name, bytes, want) in cases {
            assert_eq!(read_with(&bytes, &small()), Err(want), "{name}");
        }
        // A file cut short is unreachable, whatever lopdf could rebuild of it.
        assert_eq!(read_with(&truncated, &small()), Err(PdfError::Truncated));
        let kids_loop = raw_pdf(&[
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>".to_vec(),
        ]);
        assert_eq!(read_with(&kids_loop, &small()), Err(PdfError::NoPages));
    }

    #[test]
    fn reasons_read_as_the_spec_says() {
        assert_eq!(
            PdfError::NoText.to_string(),
            "the PDF has no text layer (a scan?)"
        );
        assert!(is_pdf(b"%PDF-1.7"));
        assert!(is_pdf(b"\xef\xbb\xbf junk %PDF-1.4"));
        assert!(!is_pdf(b"<html>"));
    }
}
