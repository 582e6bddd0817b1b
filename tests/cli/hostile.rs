//! Hostile input at the edges: claim sources that try to read outside the
//! project root, `-o` pointed at a symlink, and pages whose text carries
//! escape sequences, markup, `javascript:` links and bidi controls into the
//! reports.

use std::fs;
use std::path::Path;

use predicates::prelude::*;

use crate::factcheck;

const PAGE: &str =
    "<html><body><main><p>The strike killed at least two civilians.</p></main></body></html>";

/// A project `proj/` (root: it holds factcheck.toml) beside a directory
/// `outside/` holding a page, with a symlink `proj/pages/link -> ../../outside`.
fn project(config: &str, sources: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("proj");
    fs::create_dir_all(root.join("claims")).unwrap();
    fs::create_dir_all(root.join("pages")).unwrap();
    fs::create_dir_all(dir.path().join("outside")).unwrap();
    fs::write(dir.path().join("outside/page.html"), PAGE).unwrap();
    fs::write(root.join("pages/ok.html"), PAGE).unwrap();
    std::os::unix::fs::symlink(dir.path().join("outside"), root.join("pages/link")).unwrap();
    fs::write(root.join("factcheck.toml"), config).unwrap();
    fs::write(
        root.join("claims/a.toml"),
        format!(
            "[article]\ntitle = \"A\"\n\n[[claim]]\nid = \"killed\"\ntext = \"t\"\n\
             value = \"at least two\"\nabout = [\"strike\", \"kill*\"]\nsources = [{sources}]\n"
        ),
    )
    .unwrap();
    dir
}

#[test]
fn sources_outside_the_project_root_are_refused_before_anything_is_read() {
    let cases = [
        ("\"../../outside/page.html\"", "leaves the project root"),
        ("\"{abs}/outside/page.html\"", "leaves the project root"),
        (
            "\"file://{abs}/outside/page.html\"",
            "leaves the project root",
        ),
        (
            "\"../pages/link/page.html\"",
            "leaves the project root through a symlink",
        ),
    ];
    for (source, message) in cases {
        let dir = project("", "");
        let abs = dir.path().display().to_string();
        let source = source.replace("{abs}", &abs);
        let root = dir.path().join("proj");
        fs::write(
            root.join("claims/a.toml"),
            format!(
                "[article]\ntitle = \"A\"\n\n[[claim]]\nid = \"killed\"\ntext = \"t\"\n\
                 value = \"at least two\"\nabout = [\"strike\", \"kill*\"]\nsources = [{source}]\n"
            ),
        )
        .unwrap();
        for command in [&["validate"][..], &["check", "--offline"]] {
            factcheck()
                .current_dir(&root)
                .args(command)
                .assert()
                .code(2)
                .stderr(predicate::str::contains(message))
                .stderr(predicate::str::contains("allow-paths"));
        }
    }
}

#[test]
fn allow_paths_lets_a_listed_directory_be_read() {
    let dir = project(
        "allow-paths = [\"../outside\"]\n",
        "\"../../outside/page.html\", \"../pages/link/page.html\"",
    );
    let root = dir.path().join("proj");
    let out = factcheck()
        .current_dir(&root)
        .args(["check", "--offline", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["match"], 1);
}

#[test]
fn check_output_refuses_a_symlink_and_leaves_its_target_alone() {
    let dir = project("", "\"../pages/ok.html\"");
    let root = dir.path().join("proj");
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "precious\n").unwrap();
    std::os::unix::fs::symlink(&victim, root.join("report.json")).unwrap();
    factcheck()
        .current_dir(&root)
        .args([
            "check",
            "--offline",
            "--format",
            "json",
            "-o",
            "report.json",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("report.json"))
        .stderr(predicate::str::contains("symbolic link"));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious\n");
    assert!(
        fs::symlink_metadata(root.join("report.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn new_output_never_writes_through_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "precious\n").unwrap();
    std::os::unix::fs::symlink(&victim, dir.path().join("draft.toml")).unwrap();
    // Every file factcheck writes goes through one writer, which refuses a
    // symlink at the target rather than write through or replace it.
    factcheck()
        .current_dir(dir.path())
        .args(["new", "-", "-o", "draft.toml", "--force"])
        .write_stdin("The strike killed at least two civilians.\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("symbolic link"));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious\n");
    assert!(
        fs::symlink_metadata(dir.path().join("draft.toml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

/// A page whose evidence sentence carries everything a report must not pass
/// on raw: markup as text, a `javascript:` link, terminal escapes, bidi
/// controls and Markdown syntax.
const EVIL: &str = "<html><body><main><p>The strike killed at least two civilians \
    &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; \
    [click](javascript:alert(3)) <a href=\"javascript:alert(4)\" onclick=\"alert(5)\">link</a> \
    \u{1b}[31mred\u{1b}[0m \u{1b}]8;;http://evil.example\u{7}osc\u{1b}]8;;\u{7} \
    \u{202e}evil\u{202c} \u{2066}x\u{2069} | pipe ` tick * star _ under # hash</p>\
    <script>alert(6)</script><img src=x onerror=alert(7)></main></body></html>";

fn evil_project() -> tempfile::TempDir {
    let dir = project("", "\"../pages/evil.html\"");
    let root = dir.path().join("proj");
    fs::write(root.join("pages/evil.html"), EVIL).unwrap();
    // A quote claim too, so the word diff carries the page's words.
    let claims = fs::read_to_string(root.join("claims/a.toml")).unwrap()
        + "\n[[claim]]\nid = \"quote\"\ntext = \"q\"\n\
           quote = \"killed at least two people with script alert\"\n\
           sources = [\"../pages/evil.html\"]\n";
    fs::write(root.join("claims/a.toml"), claims).unwrap();
    dir
}

fn report(root: &Path, format: &str) -> String {
    let out = factcheck()
        .current_dir(root)
        .args(["check", "--offline", "--format", format])
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn assert_no_controls(format: &str, text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
        })
        .collect();
    assert!(
        bad.is_empty(),
        "{format}: control characters {bad:?} in the report"
    );
}

#[test]
fn hostile_page_content_reaches_no_report_unescaped() {
    let dir = evil_project();
    let root = dir.path().join("proj");
    // Per format, what would be live markup there if the page's text passed raw.
    let forbidden: [(&str, &[&str]); 6] = [
        ("term", &[]),
        ("json", &[]),
        ("claimreview", &[]),
        ("junit", &["<script>alert", "<img"]),
        (
            "markdown",
            &[
                "<script>alert",
                "<img",
                "](javascript:",
                "href=\"javascript:",
            ],
        ),
        (
            "html",
            &[
                "<script>alert",
                "<img",
                "onerror=\"",
                "onclick",
                "href=\"javascript:",
            ],
        ),
    ];
    for (format, raw) in forbidden {
        let text = report(&root, format);
        assert!(text.contains("killed"), "{format}: the evidence is shown");
        assert_no_controls(format, &text);
        let lower = text.to_lowercase();
        for raw in raw {
            assert!(
                !lower.contains(raw),
                "{format}: {raw:?} reached the report raw"
            );
        }
    }
}

#[test]
fn report_links_are_http_only_and_local_sources_are_text() {
    let dir = evil_project();
    let root = dir.path().join("proj");
    let html = report(&root, "html");
    for href in html.split("href=\"").skip(1) {
        let target = href.split('"').next().unwrap();
        assert!(
            target.starts_with("http://")
                || target.starts_with("https://")
                || target.starts_with('#'),
            "html: link to {target:?}"
        );
    }
    assert!(
        !html.contains("file://"),
        "a local source is shown as text, not a file link"
    );
    let markdown = report(&root, "markdown");
    for link in markdown.split("](").skip(1) {
        assert!(
            link.starts_with("http://") || link.starts_with("https://") || link.starts_with('#'),
            "markdown: link to {link:?}"
        );
    }
}

#[test]
fn archives_and_locks_never_write_through_a_symlink() {
    let dir = project("", "\"../pages/ok.html\"");
    let root = dir.path().join("proj");
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "precious\n").unwrap();
    std::os::unix::fs::symlink(&victim, root.join("run.warc.gz")).unwrap();
    factcheck()
        .current_dir(&root)
        .args(["check", "--offline", "--archive", "run.warc.gz"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("symbolic link"));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious\n");
    // A lock that is a symlink to someone else's (valid) lock file.
    factcheck()
        .current_dir(&root)
        .args(["accept", "--offline"])
        .assert()
        .code(0);
    let lock = root.join("claims/a.lock");
    let theirs = dir.path().join("their.lock");
    fs::write(
        &theirs,
        format!("# their lock\n{}", fs::read_to_string(&lock).unwrap()),
    )
    .unwrap();
    fs::remove_file(&lock).unwrap();
    std::os::unix::fs::symlink(&theirs, &lock).unwrap();
    // The page changes, so accept has new evidence to write: it refuses.
    fs::write(
        root.join("pages/ok.html"),
        PAGE.replace("at least two", "at least three"),
    )
    .unwrap();
    factcheck()
        .current_dir(&root)
        .args(["accept", "--offline"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("symbolic link"));
    assert!(
        fs::read_to_string(&theirs)
            .unwrap()
            .starts_with("# their lock\n")
    );
    assert!(
        fs::symlink_metadata(&lock)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}
