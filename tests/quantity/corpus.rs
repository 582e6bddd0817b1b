//! The engine's cases as data: every line of `figures.jsonl` and
//! `not_figures.jsonl` beside this file is one case in the format the
//! quantity scorer reads (`{"id", "suite", "text", "expect": [{"text",
//! "start", "end", "value", "unit"}], "tags"}`), so adding a case is adding a
//! line, and `score.py --cases tests/quantity/figures.jsonl` scores them too.
//! Every figure found must be expected and every expected one found, with
//! its span, value and unit.

use std::path::Path;

use serde_json::Value;

fn replay(file: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/quantity")
        .join(file);
    let data = std::fs::read_to_string(&path).unwrap();
    let mut failed = Vec::new();
    let mut n = 0;
    for (k, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        n += 1;
        let case: Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{file}:{}: not a case: {e}", k + 1));
        let text = case["text"].as_str().unwrap();
        let want: Vec<String> = case["expect"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| {
                show(
                    x["text"].as_str().unwrap(),
                    x["start"].as_u64().unwrap() as usize,
                    x["end"].as_u64().unwrap() as usize,
                    x["value"].as_f64(),
                    x["unit"].as_str(),
                )
            })
            .collect();
        // A restatement in brackets is printed as a figure of its own, as
        // `factcheck quantities` does.
        let mut got = Vec::new();
        for f in factcheck::quantity::find(text) {
            got.push(show(&f.text, f.start, f.end, f.value, f.unit.as_deref()));
            if let Some(r) = &f.restated {
                got.push(show(&r.text, r.start, r.end, r.value, r.unit.as_deref()));
            }
        }
        if got != want {
            failed.push(format!(
                "{file}:{} {} {text:?}\n  want {want:?}\n  got  {got:?}",
                k + 1,
                case["id"]
            ));
        }
    }
    assert!(n > 0, "{file} holds no case");
    assert!(
        failed.is_empty(),
        "{} of {n} cases differ:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

/// One figure as compared: span, text, value (to 12 significant digits) and unit.
fn show(text: &str, start: usize, end: usize, value: Option<f64>, unit: Option<&str>) -> String {
    let v = value.map_or("null".to_owned(), |v| format!("{v:.12e}"));
    format!("{text:?} [{start},{end}) {v} {}", unit.unwrap_or("-"))
}

#[test]
fn figures_read_as_expected() {
    replay("figures.jsonl");
}

#[test]
fn not_figures_read_as_nothing() {
    replay("not_figures.jsonl");
}
