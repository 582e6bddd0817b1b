//! PDF sources: `read`, `check` and `new` on PDFs rendered by Chromium from
//! the HTML documents beside them (tests/fixtures/pdf/make.sh), from local
//! files and from a local server, and the verdicts a claim gets on a PDF
//! against those it gets on the same document as HTML.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;

use crate::factcheck;

// The fetch tests' server, as tests/cli/read.rs includes it too.
#[path = "../fetch/server.rs"]
#[allow(dead_code, clippy::duplicate_mod)]
mod server;

use server::{Reply, Server};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name)
}

fn read(path: &Path) -> String {
    let out = factcheck().arg("read").arg(path).assert().code(0);
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// What each layout gives, line by line (each line a sentence).
#[test]
fn read_gives_each_layouts_sentences() {
    let cases: &[(&str, &[&str])] = &[
        (
            // One column; "traffic", "official", "figures", "first" are drawn
            // with ligature glyphs.
            "report.pdf",
            &[
                "Harbour Authority Annual Report 2025",
                "The harbour handled 4.2 million tonnes of cargo in 2025, up from 3.9 million tonnes a year earlier.",
                "Container traffic rose by 12 per cent over the year, the fastest growth since the terminal opened.",
                "Revenue reached £2.26 billion, while operating costs were held at £1.4 billion.",
                "The authority employed 3,150 people at the end of the year, of whom 420 were apprentices.",
                "Passenger numbers at the ferry terminal fell to 812,000 after the northern route closed in March.",
                "The board expects the official figures for the first quarter of 2026 to show a recovery.",
            ],
        ),
        (
            // A hyphen splitting a word at a line end, and "£2.26" / "billion".
            "wrapped.pdf",
            &[
                "The council set aside money for new infrastructure in the coming year.",
                "The total spending in the year will be £2.26 billion.",
            ],
        ),
        (
            "table.pdf",
            &[
                "Hospital Waiting Times, Third Quarter",
                "The table below gives the patients waiting for planned treatment at the end of each month.",
                "Month; Patients waiting; Waiting over a year",
                "July; 412,300; 8,150",
                "August; 405,900; 7,920",
                "September; 398,450; 7,600",
                "The number of patients waiting over a year fell for the third month in a row.",
            ],
        ),
        (
            // Markers glued to words dropped; the notes are paragraphs of their own.
            "footnotes.pdf",
            &[
                "Flood Relief Update",
                "The relief fund has paid out 4.8 million to households in the flooded districts since the appeal opened.",
                "A further 2,300 families have applied for help with repairs and are waiting for an assessment.",
                "Volunteers delivered 61,000 meals in the first month, most of them to people still living in temporary shelters.",
                "1 In euros, from donations and the government's matching grant.",
                "2 Applications received up to 30 November.",
                "3 Figures from the volunteer coordinators' weekly returns.",
            ],
        ),
    ];
    for (name, want) in cases {
        let got = read(&fixture(name));
        assert_eq!(got.lines().collect::<Vec<_>>(), *want, "{name}");
    }
}

#[test]
fn two_columns_read_one_after_the_other() {
    let got = read(&fixture("columns.pdf"));
    let lines: Vec<&str> = got.lines().collect();
    assert_eq!(lines[0], "Regional Water Survey: Findings");
    // The left column's first paragraph, whole, across a justified line.
    assert_eq!(
        lines[1],
        "The survey sampled 1,240 wells across the eastern districts between April and September."
    );
    // The right column follows the left, not line by line beside it.
    let left = got.find("never had the water tested.").unwrap();
    let right = got
        .find("The district councils have agreed to spend £46 million")
        .unwrap();
    assert!(left < right);
    assert!(!got.contains(';'), "no column line read as a table row");
}

#[test]
fn running_heads_feet_and_page_numbers_are_dropped() {
    let got = read(&fixture("running.pdf"));
    // Chromium's running head (date, title) and foot (address, "n/N").
    assert_eq!(
        got.matches("City Transport Review 2025").count(),
        1,
        "{got}"
    );
    assert!(!got.contains("file://"), "{got}");
    assert!(
        !got.lines().any(|l| l.contains(" PM") || l.contains(" AM")),
        "{got}"
    );
    assert!(!got.lines().any(|l| l.trim().ends_with("/3")), "{got}");
    // Every paragraph is whole, including those cut by a page break.
    assert_eq!(got.matches("Weekly journeys by").count(), 18);
    assert_eq!(got.matches("Journeys per week by").count(), 12);
    assert_eq!(got.matches("will publish its next count").count(), 30);
}

/// The same document as HTML and as PDF reads the same way, but for the
/// footnote markers the PDF reader drops.
#[test]
fn a_pdf_reads_as_its_html_does() {
    for name in ["report", "columns", "table", "wrapped", "running"] {
        let html = read(&fixture(&format!("{name}.html")));
        let pdf = read(&fixture(&format!("{name}.pdf")));
        assert_eq!(pdf, html, "{name}");
    }
}

#[test]
fn a_scan_is_unreachable_and_an_empty_password_opens() {
    factcheck()
        .arg("read")
        .arg(fixture("scan.pdf"))
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "unreachable: the PDF has no text layer (a scan?)",
        ));
    let encrypted = std::fs::read(fixture("encrypted.pdf")).unwrap();
    assert!(
        encrypted.windows(8).any(|w| w == b"/Encrypt"),
        "the fixture is encrypted"
    );
    assert_eq!(
        read(&fixture("encrypted.pdf")),
        read(&fixture("report.pdf"))
    );
}

/// Claims checked against a document as HTML, and the same claims against it
/// as PDF: every claim gets the same verdict.
#[test]
fn claims_get_the_same_verdicts_on_a_pdf_as_on_its_html() {
    let claims = [
        (
            "report",
            "revenue",
            "value = \"£2.26 billion\"",
            "[\"Revenue\"]",
        ),
        ("report", "staff", "value = \"3,500\"", "[\"employed\"]"),
        (
            "report",
            "growth",
            "quote = \"the fastest growth since the terminal opened\"",
            "[\"Container\"]",
        ),
        (
            "columns",
            "spend",
            "value = \"£46 million\"",
            "[\"councils\", \"spend\"]",
        ),
        (
            "columns",
            "failing",
            "value = \"320\"",
            "[\"nitrate\", \"wells\"]",
        ),
        (
            "columns",
            "leakage",
            "value = \"19 per cent\"",
            "[\"Leakage\"]",
        ),
        ("table", "august", "value = \"405,900\"", "[\"August\"]"),
        ("table", "months", "value = \"about 8,000\"", "[\"July\"]"),
        (
            "wrapped",
            "spending",
            "value = \"£2.26 billion\"",
            "[\"total spending\"]",
        ),
        ("wrapped", "roads", "", "[\"infrastructure\"]"),
        (
            "running",
            "corridor",
            "value = \"51,581\"",
            "[\"airport corridor\"]",
        ),
        ("footnotes", "meals", "value = \"61,000\"", "[\"meals\"]"),
        (
            "footnotes",
            "families",
            "value = \"2,500\"",
            "[\"families\"]",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("factcheck.toml"), "").unwrap();
    std::fs::create_dir_all(root.join("claims")).unwrap();
    std::fs::create_dir_all(root.join("pages")).unwrap();
    for kind in ["html", "pdf"] {
        let mut file = String::from("[article]\ntitle = \"PDF\"\npublished = 2025-01-01\n");
        for (doc, id, claim, about) in claims {
            std::fs::copy(
                fixture(&format!("{doc}.{kind}")),
                root.join(format!("pages/{doc}.{kind}")),
            )
            .unwrap();
            let _ = write!(
                file,
                "\n[[claim]]\nid = \"{doc}-{id}\"\ntext = \"t\"\n{claim}\nabout = {about}\nsources = [\"../pages/{doc}.{kind}\"]\n"
            );
        }
        std::fs::write(root.join(format!("claims/{kind}.toml")), file).unwrap();
    }
    let verdicts = |kind: &str| -> Vec<(String, String)> {
        let out = factcheck()
            .current_dir(root)
            .args(["check", "--offline", "--format", "json", "--cache-dir"])
            .arg(root.join(".cache"))
            .arg(format!("claims/{kind}.toml"))
            .output()
            .unwrap();
        let json: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
        json["files"][0]["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["id"].as_str().unwrap().to_owned(),
                    c["verdict"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let html = verdicts("html");
    let pdf = verdicts("pdf");
    // The HTML reader keeps a footnote marker glued to its word
    // ("families<sup>2</sup>" reads "families2"), which the spec asks the PDF
    // reader alone to drop; every other claim agrees.
    let agree = |v: &[(String, String)]| -> Vec<(String, String)> {
        v.iter()
            .filter(|(id, _)| !id.starts_with("footnotes"))
            .cloned()
            .collect()
    };
    assert_eq!(agree(&pdf), agree(&html));
    // And the verdicts are the ones the documents call for.
    let of = |id: &str| pdf.iter().find(|(i, _)| i == id).unwrap().1.clone();
    assert_eq!(of("report-revenue"), "match");
    assert_eq!(of("report-staff"), "mismatch");
    assert_eq!(of("report-growth"), "match");
    assert_eq!(of("columns-spend"), "match");
    assert_eq!(of("columns-failing"), "mismatch");
    assert_eq!(of("wrapped-spending"), "match");
    assert_eq!(of("wrapped-roads"), "match");
    assert_eq!(of("running-corridor"), "match");
    assert_eq!(of("footnotes-meals"), "match");
    assert_eq!(of("footnotes-families"), "mismatch");
}

#[test]
fn a_pdf_is_read_from_a_server_then_from_the_cache() {
    let report = std::fs::read(fixture("report.pdf")).unwrap();
    let server = Server::start(move |req, _| match req.path.as_str() {
        "/report" => Reply::ok("application/pdf", report.clone()),
        "/download" => Reply::ok("application/octet-stream", report.clone()),
        _ => Reply::ok(
            "application/pdf",
            b"<!DOCTYPE html><html><body>Not found</body></html>".to_vec(),
        ),
    });
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let want = read(&fixture("report.pdf"));
    for path in ["/report", "/download"] {
        factcheck()
            .args(["read", &server.url(path), "--cache-dir"])
            .arg(&cache)
            .assert()
            .code(0)
            .stdout(want.clone());
    }
    factcheck()
        .args(["read", &server.url("/report"), "--offline", "--cache-dir"])
        .arg(&cache)
        .assert()
        .code(0)
        .stdout(want);
    assert_eq!(server.hits("/report"), 1);
    factcheck()
        .args(["read", &server.url("/error"), "--cache-dir"])
        .arg(&cache)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "unreachable: not a PDF (it does not start with %PDF-; it starts with \"<!DOCTYPE html><\")",
        ));
}

#[test]
fn new_drafts_from_a_pdf_article() {
    let out = factcheck()
        .arg("new")
        .arg(fixture("report.pdf"))
        .assert()
        .success();
    let draft = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(draft.contains("value = \"£2.26 billion\""), "{draft}");
    assert!(draft.contains("value = \"3,150\""), "{draft}");
    assert!(!draft.contains("%PDF"), "{draft}");
}

/// Hostile files at the default limits: each is unreachable with its reason,
/// and `read` says so with exit 1 instead of hanging or running out of memory.
#[test]
fn hostile_pdfs_are_unreachable_with_reasons() {
    use factcheck::text::pdf::sample::{pages_pdf, raw_pdf, stream};
    use std::io::Write as _;
    let text = b"BT /F1 12 Tf 72 700 Td (Some text.) Tj ET".to_vec();
    let bomb = {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(&vec![b' '; 17 << 20]).unwrap();
        raw_pdf(&[
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
            stream(b"/Filter /FlateDecode", &z.finish().unwrap()),
        ])
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "bomb.pdf",
            bomb,
            "a stream in the PDF decompresses to more than factcheck reads (a decompression bomb?)",
        ),
        (
            "pages.pdf",
            pages_pdf(&vec![text.clone(); 10_000], None),
            "the PDF has 10000 pages; factcheck reads at most 2000",
        ),
        (
            "loop.pdf",
            pages_pdf(
                &[b"/X0 Do".to_vec()],
                Some(stream(
                    b"/Type /XObject /Subtype /Form /Resources << /XObject << /X0 4 0 R >> >>",
                    b"/X0 Do",
                )),
            ),
            "the PDF's pages refer to themselves in a loop",
        ),
        (
            "cut.pdf",
            std::fs::read(fixture("report.pdf")).unwrap()[..10_000].to_vec(),
            "the PDF is cut short",
        ),
        ("fake.pdf", b"Not a PDF at all".to_vec(), "not a PDF"),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, reason) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        factcheck()
            .arg("read")
            .arg(&path)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains(format!("unreachable: {reason}")));
    }
}
