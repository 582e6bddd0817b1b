//! The quantity engine on any text: `find` and `parse_value` never panic, and
//! every figure's offsets fall inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    factcheck::fuzzing::quantity(text);
});
