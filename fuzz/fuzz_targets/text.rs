//! HTML, plain text and Markdown to sentences, with and without a `select`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    factcheck::fuzzing::text(data);
});
