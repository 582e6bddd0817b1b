//! `factcheck validate`: one case per kind of bad input, each checking the
//! message and where it points, and the exit code.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::assert::Assert;
use predicates::prelude::*;
use tempfile::TempDir;

use crate::factcheck;

/// A project in a temporary directory (a `.git` marks its root), with claim
/// files written into it; `validate` runs inside it so paths print relative.
struct Project {
    dir: TempDir,
}

const ARTICLE: &str = "[article]\ntitle = \"Strike\"\n\n";

const SOURCES: &str =
    "[sources.guardian-live]\nurl = \"https://www.theguardian.com/world/live\"\n\n";

impl Project {
    fn new() -> Project {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join(".git")).unwrap();
        Project { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn file(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Project {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
        self
    }

    /// A claim file holding the article header, a source and one claim.
    fn claim(&self, body: &str) -> &Project {
        self.file(
            "claims/c.toml",
            format!("{ARTICLE}{SOURCES}[[claim]]\n{body}"),
        )
    }

    fn validate(&self, args: &[&str]) -> Assert {
        factcheck()
            .current_dir(self.dir.path())
            .arg("validate")
            .args(args)
            .assert()
    }

    /// Runs `validate` and checks exit 2 and that stderr holds `expected`.
    fn fails_with(&self, expected: &str) -> Assert {
        self.validate(&[])
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(expected))
    }
}

/// Claim bodies start on line 8 of `claims/c.toml` (after ARTICLE, SOURCES and `[[claim]]`).
const ABOUT: &str = "about = [\"strike\"]\n";

#[test]
fn a_valid_file_is_ok() {
    Project::new()
        .claim(&format!("id = \"killed\"\ntext = \"The strike killed at least two\"\nvalue = \"at least two\"\n{ABOUT}sources = [\"guardian-live\", \"https://example.org/x\"]\n"))
        .validate(&[])
        .success()
        .stdout("OK claims/c.toml\n")
        .stderr("");
}

#[test]
fn toml_syntax_error() {
    Project::new()
        .claim("id = \"a\"\ntext = \"unterminated\n")
        .fails_with("claims/c.toml:9:21: error: invalid TOML: invalid basic string");
}

#[test]
fn wrong_type() {
    Project::new()
        .claim(&format!("id = 7\ntext = \"t\"\n{ABOUT}"))
        .fails_with("claims/c.toml:8:6: error: `id` must be a string, found an integer");
}

#[test]
fn missing_required_key() {
    Project::new()
        .claim(&format!("id = \"a\"\n{ABOUT}"))
        .fails_with(
            "claims/c.toml:7:1: error: a `[[claim]]` is missing `text`; expected `text = \"...\"`",
        );
}

#[test]
fn missing_article_title() {
    Project::new()
        .file("claims/c.toml", format!("[article]\nname = \"x\"\n\n[[claim]]\nid = \"a\"\ntext = \"t\"\n{ABOUT}"))
        .fails_with("claims/c.toml:1:1: error: `[article]` is missing `title`")
        .stderr(predicate::str::contains("claims/c.toml:2:1: error: `name` is not an `[article]` key; expected `title`, `published`, `url` or `file`"));
}

#[test]
fn unknown_key_suggests_the_close_one() {
    Project::new()
        .claim(&format!(
            "id = \"a\"\ntext = \"t\"\n{ABOUT}sorces = [\"guardian-live\"]\n"
        ))
        .fails_with(
            "claims/c.toml:11:1: error: `sorces` is not a claim key; did you mean `sources`?",
        );
}

#[test]
fn duplicate_id() {
    Project::new()
        .claim(&format!(
            "id = \"a\"\ntext = \"t\"\n{ABOUT}\n[[claim]]\nid = \"a\"\ntext = \"u\"\n{ABOUT}"
        ))
        .fails_with(
            "claims/c.toml:13:6: error: duplicate claim id `a`; it is already used on line 8",
        );
}

#[test]
fn unknown_source_id() {
    Project::new()
        .claim(&format!("id = \"a\"\ntext = \"t\"\n{ABOUT}sources = [\"guardian\"]\n"))
        .fails_with("claims/c.toml:11:12: error: unknown source id `guardian`; did you mean `guardian-live`?");
}

#[test]
fn url_that_is_not_http_or_file() {
    Project::new()
        .claim(&format!("id = \"a\"\ntext = \"t\"\n{ABOUT}sources = [\"ftp://example.org/report.pdf\"]\n"))
        .fails_with("claims/c.toml:11:12: error: source `ftp://example.org/report.pdf` is a `ftp:` URL; expected an http://, https:// or file:// URL, or a path");
}

#[test]
fn file_url_outside_the_root() {
    Project::new()
        .claim(&format!("id = \"a\"\ntext = \"t\"\n{ABOUT}sources = [\"file:///etc/hostname\"]\n"))
        .fails_with("claims/c.toml:11:12: error: source `file:///etc/hostname` leaves the project root: it is /etc/hostname");
}

#[test]
fn relative_path_outside_the_root() {
    let project = Project::new();
    project
        .claim(&format!("id = \"a\"\ntext = \"t\"\n{ABOUT}sources = [\"../../outside.html\"]\n"))
        .fails_with("claims/c.toml:11:12: error: source `../../outside.html` leaves the project root: it is ");
}

#[test]
fn article_file_outside_the_root() {
    Project::new()
        .file("claims/c.toml", format!("[article]\ntitle = \"T\"\nfile = \"../../article.md\"\n\n[[claim]]\nid = \"a\"\ntext = \"t\"\n{ABOUT}"))
        .fails_with("claims/c.toml:3:8: error: `[article] file` `../../article.md` leaves the project root: it is ");
}

#[cfg(unix)]
#[test]
fn symlink_out_of_the_root() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("page.html"), "<p>x</p>").unwrap();
    let project = Project::new();
    project.claim(&format!(
        "id = \"a\"\ntext = \"t\"\n{ABOUT}sources = [\"linked/page.html\"]\n"
    ));
    std::os::unix::fs::symlink(outside.path(), project.path("claims/linked")).unwrap();
    project.fails_with("claims/c.toml:11:12: error: source `linked/page.html` leaves the project root through a symlink: it points to ");
    // allow-paths in factcheck.toml opens that directory.
    project.file(
        "factcheck.toml",
        format!(
            "allow-paths = [{:?}]\n",
            outside.path().display().to_string()
        ),
    );
    project.validate(&[]).success().stdout("OK claims/c.toml\n");
}

#[test]
fn value_with_no_figure() {
    Project::new()
        .claim(&format!("id = \"a\"\ntext = \"t\"\nvalue = \"the governor\"\n{ABOUT}"))
        .fails_with("claims/c.toml:10:9: error: `value` `the governor` holds no figure; expected one figure");
}

#[test]
fn value_with_several_figures() {
    Project::new()
        .claim(&format!(
            "id = \"a\"\ntext = \"t\"\nvalue = \"2 dead, 15 injured\"\n{ABOUT}"
        ))
        .fails_with("claims/c.toml:10:9: error: `value` `2 dead, 15 injured` holds 2 figures (`2");
}

#[test]
fn value_and_quote() {
    Project::new()
        .claim(&format!(
            "id = \"a\"\ntext = \"t\"\nvalue = \"2\"\nquote = \"q\"\n{ABOUT}"
        ))
        .fails_with("claims/c.toml:11:1: error: a claim has `value` or `quote`, not both");
}

#[test]
fn empty_about_on_a_figure_claim() {
    Project::new()
        .claim("id = \"a\"\ntext = \"t\"\nvalue = \"2\"\nabout = []\n")
        .fails_with("claims/c.toml:11:9: error: `about` is empty; a figure or statement claim needs at least one term");
}

#[test]
fn empty_file() {
    Project::new()
        .file("claims/c.toml", "")
        .fails_with("claims/c.toml:1:1: error: the file is empty");
}

#[test]
fn not_utf8() {
    Project::new()
        .file("claims/c.toml", b"[article]\ntitle = \"Caf\xe9\"\n")
        .fails_with("claims/c.toml:2:13: error: the file is not UTF-8: byte 0xE9 cannot start or continue a character");
}

#[test]
fn larger_than_4_mb() {
    let size = 4 * 1024 * 1024 + 1;
    Project::new()
        .file("claims/c.toml", vec![b'#'; size])
        .fails_with(&format!("claims/c.toml:1:1: error: the file is {size} bytes; claim files larger than 4 MB (4194304 bytes) are refused"));
}

#[test]
fn no_claim_file_names_the_paths() {
    let project = Project::new();
    project
        .file("claims/notes.txt", "x")
        .file("claims/factcheck.toml", "");
    project
        .validate(&[])
        .code(2)
        .stderr(predicate::str::contains(
            "`claims`: error: no claim file (*.toml) here",
        ));
    project
        .validate(&["nowhere"])
        .code(2)
        .stderr(predicate::str::contains(
            "nowhere: error: no such file or directory",
        ));
}

#[test]
fn walks_directories_sorted_and_skips_config_and_locks() {
    let ok = format!("{ARTICLE}[[claim]]\nid = \"a\"\ntext = \"t\"\n{ABOUT}");
    let project = Project::new();
    project
        .file("claims/b.toml", &ok)
        .file("claims/2024/a.toml", &ok)
        .file("claims/b.lock", "not toml at all [")
        .file("claims/factcheck.toml", "concurrency = 4\n")
        .file("claims/readme.md", "x");
    project
        .validate(&[])
        .success()
        .stdout("OK claims/2024/a.toml\nOK claims/b.toml\n");
    project
        .validate(&["claims/b.toml"])
        .success()
        .stdout("OK claims/b.toml\n");
    // Named twice, read once; factcheck.toml named is still not a claim file.
    project
        .validate(&["claims/b.toml", "claims", "claims/factcheck.toml"])
        .success()
        .stdout("OK claims/b.toml\nOK claims/2024/a.toml\n");
}

#[test]
fn article_text_that_no_longer_occurs_is_a_warning() {
    Project::new()
        .file("articles/a.md", "The strike killed at least two civilians.\n")
        .file("claims/c.toml", format!("[article]\ntitle = \"T\"\nfile = \"../articles/a.md\"\n\n[[claim]]\nid = \"a\"\ntext = \"The strike killed at least three civilians\"\n{ABOUT}"))
        .validate(&[])
        .success()
        .stdout("OK claims/c.toml\n")
        .stderr(predicate::str::contains(
            "claims/c.toml:7:8: warning: the text of claim `a` no longer occurs in the article `../articles/a.md`",
        ));
}

#[test]
fn bad_config_key_is_an_error_with_its_position() {
    let project = Project::new();
    project
        .claim(&format!("id = \"a\"\ntext = \"t\"\n{ABOUT}"))
        .file("factcheck.toml", "concurrency = 4\nper_host = 2\n");
    project.validate(&[]).code(2).stderr(predicate::str::contains(
        "factcheck.toml:2:1: error: `per_host` is not a factcheck.toml key; did you mean `per-host`?",
    ));
    // Named as the user would type it, relative to where they run.
    project
        .validate(&[])
        .stderr(predicate::str::starts_with("factcheck.toml:2:1:"));
}

#[test]
fn every_error_of_a_file_at_once() {
    let project = Project::new();
    project.claim(
        "id = \"Killed\"\ntext = \"t\"\nvalue = \"at least two\"\nquote = \"q\"\nabout = []\nsources = [\"guardain-live\", \"mailto:desk@example.org\"]\ntolerance = \"a lot\"\n\n[[claim]]\nid = \"said\"\ntext = \"t\"\ntolerance = \"5%\"\n",
    );
    let output = project.validate(&[]).code(2).get_output().stderr.clone();
    let stderr = String::from_utf8(output).unwrap();
    let root = fs::canonicalize(project.dir.path()).unwrap();
    let stderr = stderr.replace(&root.display().to_string(), "[ROOT]");
    insta::assert_snapshot!(stderr);
}

#[test]
fn paths_stay_relative_as_given() {
    let project = Project::new();
    project.claim(&format!("id = \"a\"\ntext = \"t\"\n{ABOUT}"));
    let abs = project.path("claims");
    project
        .validate(&[abs.to_str().unwrap()])
        .success()
        .stdout(format!("OK {}\n", Path::new(&abs).join("c.toml").display()));
}
