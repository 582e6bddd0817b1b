//! The quantity engine's corpus and characterization tests.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::missing_panics_doc,
    clippy::must_use_candidate,
    clippy::cast_possible_truncation
)]
mod characterization;
mod corpus;
