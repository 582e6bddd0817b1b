//! The claim-file parser and validator, and the `factcheck.toml` parser, on
//! any bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    factcheck::fuzzing::claims(data);
});
