//! `factcheck completions SHELL` and `factcheck man`: the completion script
//! for a shell and the roff man page, both generated from the same clap
//! definition the command line parses with, so they cannot drift from it.

use clap::{Args, CommandFactory, ValueEnum};
use clap_complete::Shell as CompleteShell;

use super::Exit;
use super::output;

/// The shells a completion script can be printed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// Elvish.
    Elvish,
    /// `PowerShell`.
    Powershell,
}

impl From<Shell> for CompleteShell {
    fn from(shell: Shell) -> Self {
        match shell {
            Shell::Bash => CompleteShell::Bash,
            Shell::Zsh => CompleteShell::Zsh,
            Shell::Fish => CompleteShell::Fish,
            Shell::Elvish => CompleteShell::Elvish,
            Shell::Powershell => CompleteShell::PowerShell,
        }
    }
}

/// Arguments of `factcheck completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to print a completion script for
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,
}

/// Arguments of `factcheck man`.
#[derive(Debug, Args)]
pub struct ManArgs {}

/// The completion script for `shell`.
#[must_use]
pub fn completion_script(shell: Shell) -> Vec<u8> {
    let mut command = super::Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(
        CompleteShell::from(shell),
        &mut command,
        "factcheck",
        &mut out,
    );
    out
}

/// The man page, in roff: one page, with a section per command (synopsis,
/// description, options), so `man factcheck` documents every flag.
pub fn man_page() -> std::io::Result<Vec<u8>> {
    let command = super::Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    // One section per command with its own options, as `git help` pages
    // list them, so `man factcheck` documents every flag in one page.
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("factcheck {}", sub.get_name());
        let sub = sub.clone().bin_name(name.clone());
        let page = clap_mangen::Man::new(sub);
        out.extend_from_slice(&section(&page, &name)?);
    }
    man.render_version_section(&mut out)?;
    man.render_authors_section(&mut out)?;
    Ok(out)
}

/// One command's synopsis, description and options as a `.SH` section.
fn section(page: &clap_mangen::Man, name: &str) -> std::io::Result<Vec<u8>> {
    let mut synopsis = Vec::new();
    page.render_synopsis_section(&mut synopsis)?;
    let mut options = Vec::new();
    page.render_options_section(&mut options)?;
    let mut description = Vec::new();
    page.render_description_section(&mut description)?;
    // Each renderer opens its own `.SH`; the command's name heads the
    // section, above its synopsis, and the others become subsections.
    let mut out = Vec::new();
    let synopsis = String::from_utf8_lossy(&synopsis);
    let heading = format!(".SH \"{}\"", name.to_uppercase());
    out.extend_from_slice(synopsis.replacen(".SH SYNOPSIS", &heading, 1).as_bytes());
    out.extend_from_slice(
        String::from_utf8_lossy(&description)
            .replacen(".SH DESCRIPTION", ".SS Description", 1)
            .as_bytes(),
    );
    out.extend_from_slice(
        String::from_utf8_lossy(&options)
            .replacen(".SH OPTIONS", ".SS Options", 1)
            .as_bytes(),
    );
    Ok(out)
}

/// Runs `completions`.
#[must_use]
pub fn run_completions(args: &CompletionsArgs) -> Exit {
    print(&completion_script(args.shell))
}

/// Runs `man`.
#[must_use]
pub fn run_man(_args: &ManArgs) -> Exit {
    match man_page() {
        Ok(page) => print(&page),
        Err(e) => {
            output::stderr_line(&format!("factcheck: cannot render the man page: {e}"));
            Exit::Error
        }
    }
}

fn print(bytes: &[u8]) -> Exit {
    match output::stdout(&String::from_utf8_lossy(bytes)) {
        Ok(_) => Exit::Passed,
        Err(e) => {
            output::stderr_line(&format!("factcheck: cannot write to stdout: {e}"));
            Exit::Error
        }
    }
}
