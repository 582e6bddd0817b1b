//! Every error message a user can meet, as a table: each must say what failed,
//! where (the file, line and column, the option, or the path), and what to do
//! about it. A case lists the words that carry each of the three.

use std::fs;
use std::path::Path;

use crate::factcheck;

struct Case {
    /// What the user did wrong, for the failure message.
    name: &'static str,
    /// Files to create first (path, contents).
    files: &'static [(&'static str, &'static [u8])],
    args: &'static [&'static str],
    stdin: &'static str,
    code: i32,
    /// What failed.
    what: &'static str,
    /// Where: the `file:line:column`, the option or the path.
    place: &'static str,
    /// What to do.
    todo: &'static str,
}

const CLAIM_HEAD: &str = "[article]\ntitle = \"A\"\n\n";

const CASES: &[Case] = &[
    Case {
        name: "a TOML syntax error",
        files: &[("claims/a.toml", b"[article]\ntitle = \"A\"\n[[claim]]\nid = \"x\"\ntext = \n")],
        args: &["validate"],
        stdin: "",
        code: 2,
        what: "invalid TOML",
        place: "claims/a.toml:5:8",
        todo: "string values must be quoted",
    },
    Case {
        name: "a misspelt key",
        files: &[(
            "claims/a.toml",
            b"[article]\ntitle = \"A\"\n\n[[claim]]\nid = \"x\"\ntext = \"t\"\nabuot = [\"x\"]\n",
        )],
        args: &["validate"],
        stdin: "",
        code: 2,
        what: "`abuot` is not a claim key",
        place: "claims/a.toml:7:1",
        todo: "did you mean `about`?",
    },
    Case {
        name: "a value that is no figure",
        files: &[(
            "claims/a.toml",
            b"[article]\ntitle = \"A\"\n\n[[claim]]\nid = \"x\"\ntext = \"t\"\nvalue = \"in 2024\"\nabout = [\"x\"]\n",
        )],
        args: &["check", "--offline"],
        stdin: "",
        code: 2,
        what: "reads as a year in running text, not as a figure",
        place: "claims/a.toml:7:9",
        todo: "write the number alone",
    },
    Case {
        name: "a claim file that is not UTF-8",
        files: &[("claims/a.toml", b"[article]\ntitle = \"\xff\"\n")],
        args: &["validate"],
        stdin: "",
        code: 2,
        what: "not UTF-8",
        place: "claims/a.toml:2:10",
        todo: "save the claim file as UTF-8",
    },
    Case {
        name: "a source outside the project",
        files: &[(
            "claims/a.toml",
            b"[article]\ntitle = \"A\"\n\n[[claim]]\nid = \"x\"\ntext = \"t\"\nabout = [\"x\"]\nsources = [\"../../x.html\"]\n",
        )],
        args: &["validate"],
        stdin: "",
        code: 2,
        what: "leaves the project root",
        place: "claims/a.toml:8:12",
        todo: "allow-paths",
    },
    Case {
        name: "a misspelt factcheck.toml key",
        files: &[
            ("factcheck.toml", b"concurency = 3\n"),
            ("claims/a.toml", b"[article]\ntitle = \"A\"\n\n[[claim]]\nid = \"x\"\ntext = \"t\"\nabout = [\"x\"]\n"),
        ],
        args: &["check"],
        stdin: "",
        code: 2,
        what: "`concurency` is not a factcheck.toml key",
        place: "factcheck.toml:1:1",
        todo: "did you mean `concurrency`?",
    },
    Case {
        name: "a path that does not exist",
        files: &[],
        args: &["check", "nowhere/"],
        stdin: "",
        code: 2,
        what: "no such file or directory",
        place: "nowhere/",
        todo: "give a claim file or a directory",
    },
    Case {
        name: "a directory with no claim file",
        files: &[("claims/notes.txt", b"x")],
        args: &["check", "claims"],
        stdin: "",
        code: 2,
        what: "no claim file",
        place: "`claims`",
        todo: "claim files are TOML files",
    },
    Case {
        name: "an unwritable report",
        files: &[("claims/a.toml", b"[article]\ntitle = \"A\"\n\n[[claim]]\nid = \"x\"\ntext = \"t\"\nabout = [\"x\"]\n"), ("afile", b"")],
        args: &["check", "--offline", "-o", "afile/report.json"],
        stdin: "",
        code: 2,
        what: "cannot write the report",
        place: "afile/report.json",
        todo: "choose another --output",
    },
    Case {
        name: "a report path that is a directory",
        files: &[("claims/a.toml", b"[article]\ntitle = \"A\"\n\n[[claim]]\nid = \"x\"\ntext = \"t\"\nabout = [\"x\"]\n"), ("out/keep", b"")],
        args: &["check", "--offline", "-o", "out"],
        stdin: "",
        code: 2,
        what: "is a directory",
        place: "out",
        todo: "choose another --output",
    },
    Case {
        name: "a report path that is a symlink",
        files: &[("claims/a.toml", b"[article]\ntitle = \"A\"\n\n[[claim]]\nid = \"x\"\ntext = \"t\"\nabout = [\"x\"]\n")],
        args: &["check", "--offline", "-o", "link.json"],
        stdin: "",
        code: 2,
        what: "symbolic link",
        place: "link.json",
        todo: "refusing to write through it",
    },
    Case {
        name: "an unwritable archive",
        files: &[("claims/a.toml", b"[article]\ntitle = \"A\"\n\n[[claim]]\nid = \"x\"\ntext = \"t\"\nabout = [\"x\"]\n"), ("afile", b"")],
        args: &["check", "--offline", "--archive", "afile/run.warc.gz"],
        stdin: "",
        code: 2,
        what: "cannot write the archive",
        place: "afile/run.warc.gz",
        todo: "choose another --archive",
    },
    Case {
        name: "a missing archive to replay",
        files: &[("claims/a.toml", b"[article]\ntitle = \"A\"\n\n[[claim]]\nid = \"x\"\ntext = \"t\"\nabout = [\"x\"]\n")],
        args: &["check", "--replay", "missing.warc.gz"],
        stdin: "",
        code: 2,
        what: "cannot read the archive",
        place: "missing.warc.gz",
        todo: "check the path given to --replay",
    },
    Case {
        name: "an unknown report format",
        files: &[],
        args: &["check", "--format", "pdf"],
        stdin: "",
        code: 2,
        what: "`pdf` is not a format",
        place: "--format",
        todo: "use one of term, json",
    },
    Case {
        name: "an unknown verdict in --fail-on",
        files: &[],
        args: &["check", "--fail-on", "wrong"],
        stdin: "",
        code: 2,
        what: "`wrong` is not a verdict",
        place: "--fail-on",
        todo: "use one of match, mismatch",
    },
    Case {
        name: "a zero concurrency",
        files: &[],
        args: &["check", "--concurrency", "0"],
        stdin: "",
        code: 2,
        what: "invalid value '0'",
        place: "--concurrency",
        todo: "not in 1..=",
    },
    Case {
        name: "a time-out that is not a number",
        files: &[],
        args: &["check", "--timeout", "soon"],
        stdin: "",
        code: 2,
        what: "invalid value 'soon'",
        place: "--timeout",
        todo: "is not a number of seconds",
    },
    Case {
        name: "a missing article",
        files: &[],
        args: &["new", "missing.md"],
        stdin: "",
        code: 2,
        what: "could not read the article",
        place: "missing.md",
        todo: "check the path",
    },
    Case {
        name: "an article that is not UTF-8",
        files: &[("bad.txt", b"\xff\xfe")],
        args: &["new", "bad.txt"],
        stdin: "",
        code: 2,
        what: "is not UTF-8 text",
        place: "bad.txt",
        todo: "convert it",
    },
    Case {
        name: "an unwritable draft",
        files: &[("afile", b"")],
        args: &["new", "-", "-o", "afile/draft.toml"],
        stdin: "The strike killed 2 people.\n",
        code: 2,
        what: "could not write the draft",
        place: "afile/draft.toml",
        todo: "choose another -o",
    },
    Case {
        name: "a text for quantities that is not UTF-8",
        files: &[("bad.txt", b"ok \xff")],
        args: &["quantities", "bad.txt"],
        stdin: "",
        code: 2,
        what: "is not UTF-8 text",
        place: "bad.txt",
        todo: "convert it",
    },
    Case {
        name: "a missing text for quantities",
        files: &[],
        args: &["quantities", "nofile.txt"],
        stdin: "",
        code: 2,
        what: "cannot read",
        place: "nofile.txt",
        todo: "check the path",
    },
    Case {
        name: "a selector that is not CSS",
        files: &[],
        args: &["read", "-", "--select", "p[["],
        stdin: "x",
        code: 2,
        what: "is not a CSS selector",
        place: "--select \"p[[\"",
        todo: "correct it",
    },
    Case {
        name: "a selector that matches nothing",
        files: &[],
        args: &["read", "-", "--select", "article"],
        stdin: "<html><body><p>x</p></body></html>",
        code: 1,
        what: "matches nothing on the page",
        place: "select = \"article\"",
        todo: "check the selector against it",
    },
    Case {
        name: "a missing local source",
        files: &[],
        args: &["read", "missing.html"],
        stdin: "",
        code: 1,
        what: "unreachable: no such file",
        place: "missing.html",
        todo: "",
    },
];

fn setup(dir: &Path, case: &Case) {
    fs::create_dir_all(dir.join("claims")).unwrap();
    fs::write(dir.join("factcheck.toml"), "").unwrap();
    for (path, contents) in case.files {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }
    if case.args.contains(&"link.json") {
        fs::write(dir.join("victim.json"), "").unwrap();
        std::os::unix::fs::symlink(dir.join("victim.json"), dir.join("link.json")).unwrap();
    }
}

#[test]
fn every_error_says_what_failed_where_and_what_to_do() {
    let mut failures = Vec::new();
    for case in CASES {
        let dir = tempfile::tempdir().unwrap();
        setup(dir.path(), case);
        let out = factcheck()
            .current_dir(dir.path())
            .args(case.args)
            .write_stdin(case.stdin)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.code() != Some(case.code) {
            failures.push(format!(
                "{}: exit {:?}, expected {}\n{stderr}",
                case.name,
                out.status.code(),
                case.code
            ));
        }
        for (part, words) in [
            ("what", case.what),
            ("where", case.place),
            ("what to do", case.todo),
        ] {
            if !stderr.contains(words) {
                failures.push(format!(
                    "{}: no {part} ({words:?}) in:\n{stderr}",
                    case.name
                ));
            }
        }
        // One message, not a trace: no panic, no Rust debug output.
        for bad in [
            "panicked",
            "RUST_BACKTRACE",
            "Os {",
            "report this to the developer",
        ] {
            if stderr.contains(bad) {
                failures.push(format!("{}: {bad:?} in:\n{stderr}", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A source that cannot be read is a verdict with its reason, and the reason
/// names what failed: the connection, the status, the missing file.
#[test]
fn unreachable_reasons_name_what_failed() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("factcheck.toml"), "").unwrap();
    fs::create_dir(dir.path().join("claims")).unwrap();
    // A port nothing listens on: bound, then closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    fs::write(
        dir.path().join("claims/a.toml"),
        format!(
            "{CLAIM_HEAD}[[claim]]\nid = \"x\"\ntext = \"t\"\nabout = [\"strike\"]\n\
             sources = [\"http://127.0.0.1:{port}/gone\", \"../pages/missing.html\"]\n"
        ),
    )
    .unwrap();
    let out = factcheck()
        .current_dir(dir.path())
        .args([
            "check",
            "--retries",
            "0",
            "--format",
            "json",
            "--cache-dir",
            "cache",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let evidence = &json["files"][0]["claims"][0]["evidence"];
    let reasons: Vec<(&str, &str)> = evidence
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["source"].as_str().unwrap(), e["error"].as_str().unwrap()))
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(reasons[0].0.contains(&port.to_string()));
    assert!(reasons[0].1.contains("cannot connect"), "{reasons:?}");
    assert!(reasons[1].1.contains("no such file"), "{reasons:?}");
    assert!(reasons[1].1.contains("pages/missing.html"), "{reasons:?}");
}
