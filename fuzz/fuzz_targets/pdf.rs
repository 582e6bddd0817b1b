//! The PDF reader: arbitrary bytes to text or a reason, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    factcheck::fuzzing::pdf(data);
});
