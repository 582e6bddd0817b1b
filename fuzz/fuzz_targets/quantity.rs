//! The quantity engine on any text (the quantity helper's target, merged): `find`
//! and `parse_value` never panic, figures come in order, numbers are finite, and
//! every figure's offsets fall inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    factcheck::fuzzing::quantity(text);
});
