//! Entry points for the fuzz targets in `fuzz/` and for the test that replays
//! their committed corpus (`tests/fuzz_corpus.rs`), so both run the same code
//! and check the same promises. Each function takes arbitrary input, runs a
//! parser on it, and panics only when a documented promise is broken (the
//! parsers themselves must never panic: that is what the fuzzer looks for).
//!
//! Not part of the stable API: hidden from the docs.

use std::path::{Path, PathBuf};

use crate::claims::{Disk, Origin, Project};
use crate::quantity::{Figure, Interval};
use crate::text::Media;

/// The quantity engine on `text`: figures come in text order without
/// overlapping; every one lies inside the text, is the text's own words
/// there, and its numbers are finite and its intervals ordered.
pub fn quantity(text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let mut last = 0;
    for figure in crate::quantity::find(text) {
        assert!(figure.start >= last, "figures overlap or come out of order");
        last = figure.end;
        check_figure(&figure, &chars);
    }
    if let Ok(figure) = crate::quantity::parse_value(text) {
        check_figure(&figure, &chars);
    }
}

fn check_figure(figure: &Figure, chars: &[char]) {
    assert!(
        figure.start < figure.end && figure.end <= chars.len(),
        "figure {figure:?} outside the text of {} chars",
        chars.len()
    );
    let words: String = chars[figure.start..figure.end].iter().collect();
    assert_eq!(
        figure.text, words,
        "a figure's text is the text at its offsets"
    );
    if let Some(value) = figure.value {
        assert!(value.is_finite(), "value {value} of {figure:?}");
    }
    check_interval(&figure.claim);
    check_interval(&figure.evidence);
    if let Some(restated) = &figure.restated {
        check_figure(restated, chars);
    }
}

fn check_interval(interval: &Interval) {
    for end in [interval.low, interval.high].into_iter().flatten() {
        assert!(
            end.is_finite(),
            "an end that is not a finite number in {interval:?}"
        );
    }
    if let (Some(low), Some(high)) = (interval.low, interval.high) {
        assert!(low <= high, "interval {interval:?} runs backwards");
    }
}

/// Selectors tried on every HTML input beside "no select".
const SELECTORS: &[&str] = &["main", "article p", "div.a > p", "#x", "td"];

/// The text stage on `data`: the first byte picks the media and the select
/// (or, past the list, makes the first line the selector); the rest, decoded
/// lossily, is the body. Every sentence is non-empty, trimmed, has its white
/// space collapsed, and holds no control or bidirectional-control character.
pub fn text(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let body = String::from_utf8_lossy(rest);
    let media = match pick % 3 {
        0 => Media::Html,
        1 => Media::Text,
        _ => Media::Markdown,
    };
    let choice = usize::from(pick / 3);
    let (select, body) = if choice == 0 {
        (None, body.as_ref())
    } else if let Some(sel) = SELECTORS.get(choice - 1) {
        (Some(*sel), body.as_ref())
    } else {
        match body.split_once('\n') {
            Some((sel, rest)) => (Some(sel), rest),
            None => (Some(body.as_ref()), ""),
        }
    };
    if let Ok(sentences) = crate::text::sentences(body, media, select) {
        for s in &sentences {
            check_sentence(s);
        }
        for size in 1..=3 {
            for passage in crate::text::passages(&sentences, size) {
                let _ = passage.text();
            }
        }
    }
    // Without a select, the same body must read as well in every media.
    for media in [Media::Html, Media::Text, Media::Markdown] {
        if let Ok(sentences) = crate::text::sentences(body, media, None) {
            for s in &sentences {
                check_sentence(s);
            }
        }
    }
}

fn check_sentence(s: &str) {
    assert!(!s.is_empty(), "an empty sentence");
    assert_eq!(s, s.trim(), "a sentence with white space at an end: {s:?}");
    assert!(!s.contains("  "), "white space not collapsed: {s:?}");
    assert!(
        !s.chars().any(|c| c.is_control() || is_bidi_control(c)),
        "a control character reached a sentence: {s:?}"
    );
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// An in-memory project `/p` with claims in `/p/claims`, an article at
/// `/p/articles/a.md`, a page at `/p/claims/page.html`, and a symlink
/// `/p/claims/out` pointing to `/etc`.
struct FakeDisk;

const ARTICLE: &str = "The strike killed at least two civilians. \u{201c}It does not advance the cause of peace,\u{201d} they said.";

impl Disk for FakeDisk {
    fn canonicalize(&self, path: &Path) -> Option<PathBuf> {
        let p = path.to_str()?;
        if let Some(rest) = p.strip_prefix("/p/claims/out") {
            return Some(PathBuf::from(format!("/etc{rest}")));
        }
        [
            "/",
            "/p",
            "/p/claims",
            "/p/articles",
            "/p/articles/a.md",
            "/p/claims/page.html",
        ]
        .contains(&p)
        .then(|| path.to_path_buf())
    }

    fn read_to_string(&self, path: &Path) -> Result<String, String> {
        if path == Path::new("/p/articles/a.md") {
            Ok(ARTICLE.to_owned())
        } else {
            Err("No such file or directory (os error 2)".to_owned())
        }
    }
}

/// The claim-file parser and validator, and the `factcheck.toml` parser, on
/// `data`. A file is returned only when there is no error; every diagnostic
/// renders; no local source of a valid file leaves the project root.
pub fn claims(data: &[u8]) {
    let origin = Origin {
        path: PathBuf::from("claims/fuzz.toml"),
        dir: PathBuf::from("/p/claims"),
        project: Project {
            root: PathBuf::from("/p"),
            allow_paths: Vec::new(),
        },
    };
    let parsed = crate::claims::parse::parse(data, &origin, &FakeDisk);
    assert_eq!(
        parsed.file.is_some(),
        parsed.errors.is_empty(),
        "a file is returned exactly when there is no error"
    );
    for d in parsed.errors.iter().chain(&parsed.warnings) {
        let shown = d.to_string();
        assert!(!shown.is_empty());
    }
    if let Some(file) = &parsed.file {
        let inline = file.claims.iter().flat_map(|c| &c.sources);
        for source in file.sources.values().chain(inline) {
            if let crate::claims::Location::Path(path) = &source.location {
                assert!(
                    path.starts_with("/p"),
                    "a local source outside the project root: {}",
                    path.display()
                );
            }
        }
    }
    if let Ok(text) = std::str::from_utf8(data)
        && let Err(d) =
            crate::claims::config::parse(text, Path::new("/p/factcheck.toml"), Path::new("/p"))
    {
        assert!(!d.to_string().is_empty());
    }
}

/// The WARC reader on `data`, plain or gzipped, with every URL it holds
/// followed through the archive's redirects.
pub fn warc(data: &[u8]) {
    let _ = crate::fetch::read_warc(data);
}

/// The PDF reader on arbitrary bytes, within small limits so one input
/// stays fast: it returns text or a reason, and never panics inside (a
/// panic it catches is reported as `Internal`, which is a bug here). The
/// text it returns reads into sentences.
pub fn pdf(data: &[u8]) {
    use crate::text::pdf::{Limits, PdfError, read_with};
    let limits = Limits {
        max_pages: 200,
        max_stream_bytes: 4 << 20,
        max_decoded_bytes: 16 << 20,
        max_operations: 200_000,
        max_glyphs: 200_000,
        max_form_depth: 8,
    };
    match read_with(data, &limits) {
        Ok(text) => {
            assert!(!text.trim().is_empty(), "a PDF read without text");
            let _ = crate::text::sentences(&text, Media::Text, None);
        }
        Err(PdfError::Internal) => panic!("the PDF reader panicked"),
        Err(_) => {}
    }
}
