//! `factcheck completions SHELL` and `factcheck man`.

use std::process::Command as Process;

use crate::factcheck;

const COMMANDS: [&str; 10] = [
    "check",
    "merge",
    "validate",
    "new",
    "quantities",
    "read",
    "review",
    "accept",
    "completions",
    "man",
];

fn completions(shell: &str) -> String {
    let out = factcheck().args(["completions", shell]).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn every_shell_gets_a_script_naming_every_command() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = completions(shell);
        for command in COMMANDS {
            assert!(script.contains(command), "{shell}: {command} missing");
        }
        assert!(script.contains("fail-on"), "{shell}: check options missing");
    }
}

#[test]
fn the_bash_script_is_valid_bash_and_completes_commands() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("factcheck.bash");
    std::fs::write(&script, completions("bash")).unwrap();
    let syntax = Process::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
        .unwrap();
    assert!(syntax.status.success(), "{syntax:?}");
    // Ask the completion function itself what follows `factcheck ch`.
    let probe = format!(
        "source {}; COMP_WORDS=(factcheck ch); COMP_CWORD=1; _factcheck factcheck ch factcheck; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let out = Process::new("bash").arg("-c").arg(probe).output().unwrap();
    let words = String::from_utf8_lossy(&out.stdout);
    assert!(words.lines().any(|w| w == "check"), "{words}");
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    factcheck().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_man_page_documents_every_command_and_option() {
    let out = factcheck().arg("man").assert().success();
    let page = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{page}");
    assert!(page.contains(".TH factcheck 1"), "{page}");
    for command in COMMANDS {
        let heading = format!(".SH \"FACTCHECK {}\"", command.to_uppercase());
        assert!(page.contains(&heading), "{heading} missing");
    }
    for option in ["fail\\-on", "replay", "max\\-age", "per\\-host"] {
        assert!(page.contains(option), "{option} missing");
    }
    // Rendered by man(1) where it is installed: no roff warnings.
    if let Ok(render) = Process::new("man")
        .args(["--warnings", "-l", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    {
        use std::io::Write as _;
        let mut child = render;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(page.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("FACTCHECK CHECK"), "{text}");
    }
}
