//! The WARC reader (`--replay`) on any bytes, plain or gzipped.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    factcheck::fuzzing::warc(data);
});
