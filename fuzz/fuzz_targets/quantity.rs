//! Any bytes that are UTF-8 give figures or none, never a panic; spans are
//! valid char ranges in order and every number is finite.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let n = text.chars().count();
    let mut last = 0;
    for f in factcheck::quantity::find(text) {
        assert!(f.start < f.end && f.end <= n);
        assert!(f.start >= last);
        last = f.end;
        for x in [f.value, f.claim.low, f.claim.high, f.evidence.low, f.evidence.high]
            .into_iter()
            .flatten()
        {
            assert!(x.is_finite());
        }
    }
    let _ = factcheck::quantity::parse_value(text);
});
