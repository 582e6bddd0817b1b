//! Reading a source: HTML, plain text and Markdown to sentences, exactly as
//! ../shared/spec/claim-files.md ("Reading a source") says. Pure: a decoded
//! document in, sentences out.

/// How a source's body is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Media {
    /// HTML or XHTML.
    Html,
    /// Plain text: a line break ends a sentence.
    Text,
    /// Markdown: blank lines, headings and list items end sentences.
    Markdown,
}
