//! From a payload as received to text: content encoding undone under the size
//! cap, media type decided, charset found (a BOM, then the HTTP header, then
//! `<meta>`, else UTF-8, as ../shared/spec/claim-files.md says) and decoded
//! with `encoding_rs`.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use url::Url;

use super::http::{Exchange, too_large};
use super::{Document, Outcome, Unreachable};
use crate::text::Media;

/// How many bytes browsers scan for `<meta charset>`.
const META_PRESCAN: usize = 1024;

/// The document a chain of responses ends in, or why there is none.
pub(crate) fn document(url: &Url, chain: &[Exchange], max: u64) -> Outcome {
    let Some(last) = chain.last() else {
        return Err(Unreachable::new("no response"));
    };
    if !(200..300).contains(&last.status) {
        return Err(Unreachable::new(status_reason(last.status)));
    }
    // A body from an archive or the cache did not pass the streaming cap.
    if last.body.len() as u64 > max {
        return Err(Unreachable::new(too_large(max)));
    }
    let body = undo_content_encoding(&last.body, last.header("content-encoding"), max)?;
    let mut doc = decode(
        url.as_str(),
        &last.url,
        &body,
        last.header("content-type"),
        max,
    )?;
    doc.content_language = last.header("content-language").map(str::to_owned);
    Ok(doc)
}

/// Reads a body that did not come over HTTP (stdin, a test): `name` stands for
/// its URL, `content_type` is the media type if known; else it is guessed from
/// `name`'s extension and the first bytes.
pub fn document_from_bytes(name: &str, body: &[u8], content_type: Option<&str>) -> Outcome {
    decode(name, name, body, content_type, super::DEFAULT_MAX_SIZE)
}

/// Reads a local file, at most `max` bytes.
pub(crate) fn read_file(path: &Path, max: u64) -> Outcome {
    let shown = path.display();
    let file = File::open(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => Unreachable::new(format!("no such file: {shown}")),
        _ => Unreachable::new(format!("cannot read {shown}: {e}")),
    })?;
    let meta = file
        .metadata()
        .map_err(|e| Unreachable::new(format!("cannot read {shown}: {e}")))?;
    if meta.is_dir() {
        return Err(Unreachable::new(format!(
            "a directory, not a file: {shown}"
        )));
    }
    if meta.len() > max {
        return Err(Unreachable::new(too_large(max)));
    }
    let body = read_capped(file, max)
        .map_err(|e| Unreachable::new(format!("cannot read {shown}: {e}")))?
        .ok_or_else(|| Unreachable::new(too_large(max)))?;
    let url = Url::from_file_path(path).map_or_else(|()| shown.to_string(), String::from);
    decode(&url, &url, &body, None, max)
}

fn decode(
    url: &str,
    final_url: &str,
    body: &[u8],
    content_type: Option<&str>,
    max: u64,
) -> Outcome {
    // A file or response named `.gz` is read decompressed (spec): its media
    // type is then that of the name without `.gz`, whatever the server
    // called the archive.
    if let Some(inner) = gz_stem(final_url)
        && body.starts_with(&[0x1f, 0x8b])
    {
        let bytes = match read_capped(flate2::read::MultiGzDecoder::new(body), max) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return Err(Unreachable::new(too_large(max))),
            Err(e) => return Err(Unreachable::new(format!("corrupt .gz file: {e}"))),
        };
        let content_type = content_type.filter(|ct| !is_gzip_type(ct));
        return decode_named(url, final_url, inner, &bytes, content_type);
    }
    decode_named(url, final_url, final_url, body, content_type)
}

/// Decodes a body whose media type is guessed (when no `Content-Type` says
/// it) from `name`.
fn decode_named(
    url: &str,
    final_url: &str,
    name: &str,
    body: &[u8],
    content_type: Option<&str>,
) -> Outcome {
    if is_pdf_source(content_type, name, body) {
        // A PDF's text layer, laid out as one paragraph a line, is read as
        // plain text from here on (../shared/spec/claim-files.md).
        let text = crate::text::pdf::read(body).map_err(|e| Unreachable::new(e.to_string()))?;
        return Ok(Document::new(
            url.to_owned(),
            final_url.to_owned(),
            Media::Text,
            text,
        ));
    }
    let media = media(content_type, name, body)?;
    let text = decode_text(body, content_type.and_then(charset_param), media)?;
    Ok(Document::new(
        url.to_owned(),
        final_url.to_owned(),
        media,
        text,
    ))
}

/// "HTTP 404 Not Found".
pub(crate) fn status_reason(status: u16) -> String {
    let reason = reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason());
    match reason {
        Some(reason) => format!("HTTP {status} {reason}"),
        None => format!("HTTP {status}"),
    }
}

/// Reads at most `max` bytes; `None` when there are more.
fn read_capped(reader: impl Read, max: u64) -> io::Result<Option<Vec<u8>>> {
    let mut out = Vec::new();
    reader.take(max.saturating_add(1)).read_to_end(&mut out)?;
    Ok((out.len() as u64 <= max).then_some(out))
}

/// Undoes `Content-Encoding` (gzip, deflate, br, in the order applied),
/// stopping at `max` decoded bytes so a bomb costs no more than an honest page.
pub(crate) fn undo_content_encoding<'a>(
    body: &'a [u8],
    encoding: Option<&str>,
    max: u64,
) -> Result<Cow<'a, [u8]>, Unreachable> {
    let mut data: Cow<'a, [u8]> = Cow::Borrowed(body);
    let codings: Vec<String> = encoding
        .unwrap_or("")
        .split(',')
        .map(|c| c.trim().to_ascii_lowercase())
        .filter(|c| !c.is_empty() && c != "identity")
        .collect();
    for coding in codings.iter().rev() {
        let input: &[u8] = &data;
        let decoded = match coding.as_str() {
            "gzip" | "x-gzip" => read_capped(flate2::read::MultiGzDecoder::new(input), max),
            "deflate" => {
                // Servers send zlib-wrapped or raw deflate under this name; browsers take both.
                if input.len() >= 2 && (u16::from(input[0]) << 8 | u16::from(input[1])) % 31 == 0 {
                    read_capped(flate2::read::ZlibDecoder::new(input), max)
                } else {
                    read_capped(flate2::read::DeflateDecoder::new(input), max)
                }
            }
            "br" => read_capped(brotli_decompressor::Decompressor::new(input, 8192), max),
            other => {
                return Err(Unreachable::new(format!(
                    "unsupported content encoding {other}"
                )));
            }
        };
        data = match decoded {
            Ok(Some(bytes)) => Cow::Owned(bytes),
            Ok(None) => return Err(Unreachable::new(too_large(max))),
            Err(e) => {
                return Err(Unreachable::new(format!("corrupt {coding} body: {e}")));
            }
        };
    }
    Ok(data)
}

/// Whether a body is to be read as a PDF: served as one, or starting with
/// `%PDF-` whatever it was served as (servers send PDFs as
/// `application/octet-stream` and worse), or a `.pdf` name without a type.
/// A body served as a PDF that is not one is then unreachable with a reason.
fn is_pdf_source(content_type: Option<&str>, url: &str, body: &[u8]) -> bool {
    let essence = content_type
        .and_then(|ct| ct.split(';').next())
        .map(|e| e.trim().to_ascii_lowercase())
        .filter(|e| !e.is_empty());
    let starts_pdf = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .is_some_and(|at| body[at..].starts_with(b"%PDF-"));
    match essence.as_deref() {
        Some("application/pdf" | "application/x-pdf" | "application/acrobat") => true,
        None => starts_pdf || extension(url).as_deref() == Some("pdf"),
        Some(_) => starts_pdf,
    }
}

/// The media type from `Content-Type`; without one, from the extension and the
/// first bytes. `text/plain` for a `.md` URL is Markdown (raw files on code
/// hosts are served so).
fn media(content_type: Option<&str>, url: &str, body: &[u8]) -> Result<Media, Unreachable> {
    let extension = extension(url);
    let essence = content_type
        .map(|ct| {
            ct.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .filter(|e| !e.is_empty());
    match essence.as_deref() {
        Some("text/html" | "application/xhtml+xml") => Ok(Media::Html),
        Some("text/markdown" | "text/x-markdown") => Ok(Media::Markdown),
        Some("text/plain") if matches!(extension.as_deref(), Some("md" | "markdown")) => {
            Ok(Media::Markdown)
        }
        Some("text/plain") => Ok(Media::Text),
        Some(other) => Err(Unreachable::new(format!("unsupported media type {other}"))),
        None => Ok(match extension.as_deref() {
            Some("html" | "htm" | "xhtml" | "shtml") => Media::Html,
            Some("md" | "markdown") => Media::Markdown,
            Some("txt" | "text") => Media::Text,
            _ if looks_like_html(body) => Media::Html,
            _ => Media::Text,
        }),
    }
}

/// A name ending in `.gz` (before any query or fragment), without it.
fn gz_stem(url: &str) -> Option<&str> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let cut = path.len().checked_sub(3)?;
    (path.is_char_boundary(cut) && path[cut..].eq_ignore_ascii_case(".gz")).then(|| &path[..cut])
}

/// `application/gzip` and its aliases: the archive's type, not its content's.
fn is_gzip_type(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    [
        "application/gzip",
        "application/x-gzip",
        "application/x-gunzip",
    ]
    .iter()
    .any(|t| essence.eq_ignore_ascii_case(t))
}

fn extension(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let name = path.rsplit('/').next().unwrap_or(path);
    let (_, ext) = name.rsplit_once('.')?;
    Some(ext.to_ascii_lowercase())
}

fn looks_like_html(body: &[u8]) -> bool {
    let start: Vec<u8> = body
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b == 0xEF || **b == 0xBB || **b == 0xBF)
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    start.starts_with(b"<!doctype html")
        || start.starts_with(b"<html")
        || start.starts_with(b"<?xml")
}

/// The `charset` parameter of a `Content-Type`.
fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
    })
}

/// Decodes `body`: a BOM wins, then the header's charset, then (HTML) a
/// `<meta>` or XML declaration in the first 1024 bytes, else UTF-8.
fn decode_text(body: &[u8], header: Option<&str>, media: Media) -> Result<String, Unreachable> {
    let encoding = Encoding::for_bom(body)
        .map(|(e, _)| e)
        .or_else(|| header.and_then(|label| Encoding::for_label(label.as_bytes())))
        .or_else(|| (media == Media::Html).then(|| prescan(body)).flatten())
        .unwrap_or(UTF_8);
    let utf16 = encoding == UTF_16LE || encoding == UTF_16BE;
    if !utf16 && body.contains(&0) {
        return Err(Unreachable::new("binary content, not text"));
    }
    // `decode` also honours a BOM, which is what makes the BOM win.
    let (text, _, _) = encoding.decode(body);
    Ok(text.into_owned())
}

/// The charset a page declares in its first bytes, as browsers look for it.
fn prescan(body: &[u8]) -> Option<&'static Encoding> {
    let head = &body[..body.len().min(META_PRESCAN)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut found = None;
    if lower.starts_with(b"<?xml") {
        let end = find(&lower, b"?>", 0).unwrap_or(lower.len());
        found = attribute(&lower[..end], b"encoding");
    }
    let mut at = 0;
    while found.is_none() {
        let Some(start) = find(&lower, b"<meta", at) else {
            break;
        };
        let end = find(&lower, b">", start).unwrap_or(lower.len());
        let tag = &lower[start..end];
        found = attribute(tag, b"charset");
        at = end;
    }
    let encoding = Encoding::for_label(&found?)?;
    // A page cannot declare itself UTF-16 in ASCII; browsers read it as UTF-8.
    Some(if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else {
        encoding
    })
}

/// The value after `name=` in a tag (also inside `content="...; charset=x"`).
fn attribute(tag: &[u8], name: &[u8]) -> Option<Vec<u8>> {
    let mut at = 0;
    while let Some(i) = find(tag, name, at) {
        let mut j = i + name.len();
        while tag.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        if tag.get(j) == Some(&b'=') {
            j += 1;
            while tag
                .get(j)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
            {
                j += 1;
            }
            let value: Vec<u8> = tag[j..]
                .iter()
                .take_while(|b| {
                    !(b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'>' | b'/'))
                })
                .copied()
                .collect();
            if !value.is_empty() {
                return Some(value);
            }
        }
        at = i + name.len();
    }
    None
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn a_name_ending_in_gz_is_read_decompressed() {
        let html = gzip(b"<html><body><p>Inside the archive.</p></body></html>");
        let cases: &[(&str, Option<&str>, Media)] = &[
            ("page.html.gz", None, Media::Html),
            ("notes.txt.GZ", None, Media::Text),
            (
                "https://x.org/a/page.html.gz?v=2",
                Some("application/gzip"),
                Media::Html,
            ),
            (
                "https://x.org/story.gz",
                Some("text/html; charset=utf-8"),
                Media::Html,
            ),
        ];
        for &(name, ct, media) in cases {
            let doc = document_from_bytes(name, &html, ct).unwrap();
            assert_eq!(doc.media, media, "{name}");
            assert!(doc.text.contains("Inside the archive."), "{name}");
        }
        // Not gzip inside (a server that already undid it): read as it is.
        let doc = document_from_bytes("page.html.gz", b"<p>Plain.</p>", None).unwrap();
        assert_eq!(doc.text, "<p>Plain.</p>");
        // Not named .gz: gzip bytes stay binary.
        let err = document_from_bytes("page.bin", &html, None).unwrap_err();
        assert!(err.reason.contains("binary"), "{}", err.reason);
        // A broken archive says so.
        let mut broken = html.clone();
        broken.truncate(12);
        let err = document_from_bytes("page.html.gz", &broken, None).unwrap_err();
        assert!(err.reason.contains("corrupt .gz"), "{}", err.reason);
        // A bomb stops at the size cap.
        let bomb = gzip(&vec![b'a'; 1_000_000]);
        let err = decode("b.txt.gz", "b.txt.gz", &bomb, None, 1000).unwrap_err();
        assert!(err.reason.contains("too large"), "{}", err.reason);
    }

    #[test]
    fn charset_comes_from_bom_then_header_then_meta_then_utf8() {
        let latin1_meta =
            b"<html><head><meta charset=\"iso-8859-1\"></head><p>caf\xe9</p>".to_vec();
        let http_equiv =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2"
                .to_vec();
        let mut bom = b"\xef\xbb\xbf<meta charset=latin1><p>caf".to_vec();
        bom.extend_from_slice("é".as_bytes());
        let cases: Vec<(Vec<u8>, Option<&str>, Media, &str)> = vec![
            (latin1_meta.clone(), None, Media::Html, "café"),
            (latin1_meta, Some("utf-8"), Media::Html, "caf\u{fffd}"),
            (http_equiv, None, Media::Html, "Привет"),
            (bom, Some("windows-1251"), Media::Html, "café"),
            (b"caf\xe9".to_vec(), Some("latin1"), Media::Text, "café"),
            ("café".as_bytes().to_vec(), None, Media::Text, "café"),
            // <meta> is read in HTML only.
            (
                b"<meta charset=latin1> caf\xe9".to_vec(),
                None,
                Media::Text,
                "caf\u{fffd}",
            ),
            (
                b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html>caf\xe9".to_vec(),
                None,
                Media::Html,
                "café",
            ),
            // A UTF-16 body with its BOM holds NUL bytes and is still text.
            (b"\xff\xfeh\0i\0".to_vec(), None, Media::Text, "hi"),
        ];
        for (body, header, media, expected) in cases {
            let text = decode_text(&body, header, media).unwrap();
            assert!(text.contains(expected), "{text:?} should hold {expected:?}");
        }
    }

    #[test]
    fn nul_bytes_make_a_body_binary_unless_utf16() {
        let err = decode_text(b"GIF89a\0\0\x01", None, Media::Text).unwrap_err();
        assert_eq!(err.reason, "binary content, not text");
        assert!(decode_text(b"h\0i\0", Some("utf-16le"), Media::Text).is_ok());
    }

    #[test]
    fn media_types_read_and_refused() {
        let cases = [
            (
                Some("text/html; charset=utf-8"),
                "https://x/a",
                Ok(Media::Html),
            ),
            (
                Some("application/xhtml+xml"),
                "https://x/a",
                Ok(Media::Html),
            ),
            (Some("text/plain"), "https://x/a.txt", Ok(Media::Text)),
            (
                Some("text/plain"),
                "https://x/README.md",
                Ok(Media::Markdown),
            ),
            (Some("text/markdown"), "https://x/a", Ok(Media::Markdown)),
            (None, "file:///a/b.md", Ok(Media::Markdown)),
            (None, "file:///a/b.htm", Ok(Media::Html)),
            (None, "file:///a/b", Ok(Media::Text)),
            (
                Some("application/pdf"),
                "https://x/a.pdf",
                Err("unsupported media type application/pdf"),
            ),
        ];
        for (ct, url, expected) in cases {
            let got = media(ct, url, b"plain words");
            assert_eq!(
                got.map_err(|e| e.reason),
                expected.map_err(str::to_owned),
                "{ct:?} {url}"
            );
        }
        assert_eq!(
            media(None, "https://x/", b"  <!DOCTYPE html><p>"),
            Ok(Media::Html)
        );
    }

    #[test]
    fn content_encodings_are_undone_within_the_cap() {
        let text = b"hello, hello, hello, hello".repeat(100);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&text).unwrap();
        let gz = gz.finish().unwrap();
        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        zlib.write_all(&text).unwrap();
        let zlib = zlib.finish().unwrap();
        let mut raw =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        raw.write_all(&text).unwrap();
        let raw = raw.finish().unwrap();
        for (body, coding) in [(&gz, "gzip"), (&zlib, "deflate"), (&raw, "deflate")] {
            let out = undo_content_encoding(body, Some(coding), 1_000_000).unwrap();
            assert_eq!(&*out, &text[..], "{coding}");
        }
        // The cap counts decoded bytes: a small gzip of a big body is refused.
        let err = undo_content_encoding(&gz, Some("gzip"), 100).unwrap_err();
        assert_eq!(err.reason, "too large: over 100 bytes");
        let err = undo_content_encoding(b"not gzip", Some("gzip"), 100).unwrap_err();
        assert!(
            err.reason.starts_with("corrupt gzip body"),
            "{}",
            err.reason
        );
        let err = undo_content_encoding(b"x", Some("zstd"), 100).unwrap_err();
        assert_eq!(err.reason, "unsupported content encoding zstd");
        // Made once with Python's brotli.compress(b"brotli-compressed words").
        let br = b"\x0b\x0b\x80\x62\x72\x6f\x74\x6c\x69\x2d\x63\x6f\x6d\x70\x72\x65\x73\x73\x65\x64\x20\x77\x6f\x72\x64\x73\x03";
        let out = undo_content_encoding(br, Some("br"), 100).unwrap();
        assert_eq!(&*out, b"brotli-compressed words");
        // Codings apply in order and are undone in reverse.
        let mut twice = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        twice.write_all(br).unwrap();
        let twice = twice.finish().unwrap();
        let out = undo_content_encoding(&twice, Some("br, gzip"), 100).unwrap();
        assert_eq!(&*out, b"brotli-compressed words");
        assert_eq!(
            &*undo_content_encoding(b"x", Some("identity"), 100).unwrap(),
            b"x"
        );
    }

    #[test]
    fn status_reasons_name_the_status() {
        assert_eq!(status_reason(404), "HTTP 404 Not Found");
        assert_eq!(status_reason(503), "HTTP 503 Service Unavailable");
        assert_eq!(status_reason(599), "HTTP 599");
    }

    proptest::proptest! {
        #[test]
        fn no_body_makes_decoding_panic(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..600),
            coding in "(gzip|deflate|br|identity|x)?",
            content_type in "(text/html|text/plain|image/png)?(; charset=[a-z0-9-]{0,12})?",
        ) {
            let _ = undo_content_encoding(&bytes, Some(&coding), 10_000);
            let _ = document_from_bytes("https://a.org/x.md", &bytes, Some(&content_type));
            let _ = document_from_bytes("file:///a", &bytes, None);
            let _ = prescan(&bytes);
        }
    }
}
