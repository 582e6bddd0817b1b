//! A minimal PDF writer for tests, benchmarks and fuzz seeds: text set in
//! Helvetica at given places, and raw objects for hostile files. Not a
//! general writer (no fonts embedded, no compression unless asked), and not
//! part of the stable API.

use std::fmt::Write as _;

/// A line of text: x, y (points from the lower left), size, text.
pub type TextLine<'a> = (f32, f32, f32, &'a str);

/// A PDF of US-letter pages, each drawing its lines in Helvetica.
#[must_use]
pub fn text_pdf(pages: &[Vec<TextLine<'_>>]) -> Vec<u8> {
    let contents: Vec<Vec<u8>> = pages
        .iter()
        .map(|lines| {
            let mut content = String::new();
            for (x, y, size, text) in lines {
                let _ = writeln!(
                    content,
                    "BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({}) Tj ET",
                    escape(text)
                );
            }
            content.into_bytes()
        })
        .collect();
    pages_pdf(&contents, None)
}

/// A PDF whose pages draw the given content streams with font `/F1`
/// (Helvetica) and, if given, form `/X0` (an extra object body, number 4).
#[must_use]
pub fn pages_pdf(contents: &[Vec<u8>], form: Option<Vec<u8>>) -> Vec<u8> {
    let n = contents.len();
    let first_page = 5;
    let kids: Vec<String> = (0..n)
        .map(|i| format!("{} 0 R", first_page + 2 * i))
        .collect();
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
        form.unwrap_or_else(|| b"null".to_vec()),
    ];
    for (i, content) in contents.iter().enumerate() {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> /XObject << /X0 4 0 R >> >> /Contents {} 0 R >>",
                first_page + 2 * i + 1
            )
            .into_bytes(),
        );
        objects.push(stream(b"", content));
    }
    raw_pdf(&objects)
}

/// A stream object's body: `extra` dictionary entries, then the data.
#[must_use]
pub fn stream(extra: &[u8], data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< /Length {} ", data.len()).into_bytes();
    out.extend_from_slice(extra);
    out.extend_from_slice(b" >>\nstream\n");
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// A PDF file of these object bodies (object 1 is the catalog), with a
/// correct cross-reference table.
#[must_use]
pub fn raw_pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        let _ = writeln!(table, "{offset:010} 00000 n ");
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.extend_from_slice(table.as_bytes());
    out
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '(' | ')' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
