//! factcheck checks the figures, quotes and statements of a news article
//! against the sources its claim files name.
//!
//! The pipeline runs one way, one module per stage:
//! `claims` -> `fetch` -> `text` -> `compare` -> `review` -> `report`.
//! Every stage but `fetch` and `cli` is pure: values in, values out, with no
//! network, disk, clock or printing. `fetch` (client, cache, WARC) and `cli`
//! (arguments, terminal, exit codes) are the edge; `check` runs the stages
//! in order (claim files in, a report out) for the CLI and for programs.

pub mod atomic;
pub mod check;
pub mod claims;
pub mod cli;
pub mod compare;
pub mod draft;
pub mod fetch;
#[doc(hidden)]
pub mod fuzzing;
pub mod quantity;
pub mod report;
pub mod review;
pub mod text;
