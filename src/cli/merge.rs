//! `factcheck merge REPORT.json... [--format F] [-o FILE]`: joins the JSON
//! reports of the shards of a run (`check --shard K/N --format json`) into
//! one report, in any format, and exits with the code the whole run would
//! have had: 1 when any claim fails (as its shard decided), 0 when none
//! does, 2 when a report cannot be read or the reports are not one run.

use std::path::PathBuf;

use clap::Args;

use super::Exit;
use super::check::{ColorChoice, ReportTarget, parse_format, parse_report_target, write};
use super::output;
use crate::report::{self, Format, RenderOptions, Report};

/// Arguments of `factcheck merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The JSON reports of the shards (check --shard K/N --format json)
    #[arg(value_name = "REPORT.json", required = true)]
    pub inputs: Vec<PathBuf>,

    /// Report format: term, json, markdown, html, junit, claimreview, github or sarif [default: term]
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<Format>,

    /// Write the report to FILE instead of stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Also write a report in FORMAT to FILE (json=report.json); may be repeated
    #[arg(long = "report", value_name = "FORMAT=FILE", value_parser = parse_report_target)]
    pub reports: Vec<ReportTarget>,

    /// The terminal report shows the evidence of passing claims too
    #[arg(short, long)]
    pub verbose: bool,

    /// Colour the terminal report
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// Runs `merge`.
#[must_use]
pub fn run(args: &MergeArgs) -> Exit {
    let mut parts = Vec::with_capacity(args.inputs.len());
    for path in &args.inputs {
        match read(path) {
            Ok(report) => parts.push(report),
            Err(message) => {
                output::stderr_line(&format!("factcheck: {message}"));
                return Exit::Error;
            }
        }
    }
    let merged = match report::merge::merge(parts) {
        Ok(merged) => merged,
        Err(e) => {
            output::stderr_line(&format!("factcheck: cannot merge: {e}"));
            return Exit::Error;
        }
    };
    let format = args.format.unwrap_or(Format::Term);
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            use std::io::IsTerminal;
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let options = RenderOptions {
        format,
        color,
        verbose: args.verbose,
        ..RenderOptions::default()
    };
    if let Err(message) = write(&report::render(&merged, &options), args.output.as_deref()) {
        output::stderr_line(&format!("factcheck: {message}"));
        return Exit::Error;
    }
    for target in &args.reports {
        let options = RenderOptions {
            format: target.format,
            color: false,
            ..options.clone()
        };
        if let Err(message) = write(&report::render(&merged, &options), Some(&target.path)) {
            output::stderr_line(&format!("factcheck: {message}"));
            return Exit::Error;
        }
    }
    if merged.failing() {
        Exit::Failed
    } else {
        Exit::Passed
    }
}

/// One shard's JSON report.
fn read(path: &std::path::Path) -> Result<Report, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}: not a factcheck JSON report ({e}); give the reports of check --format json",
            path.display()
        )
    })
}
