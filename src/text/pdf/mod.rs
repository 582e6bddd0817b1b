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
