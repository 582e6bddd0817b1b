//! Writing a draft as a claim file: TOML with a comment above each claim.
//! Written by hand rather than through a serializer so the comments sit where
//! the editor needs them; the output is byte-stable for the same draft.

use std::fmt::Write as _;

use super::{Draft, DraftKind};

/// Renders `draft` as a claim file. `origin` (the article's path or URL) is
/// named in the header comment.
#[must_use]
pub fn render(draft: &Draft, origin: &str) -> String {
    let mut out = String::new();
    let origin = one_line(origin);
    let _ = writeln!(
        out,
        "# Claim file drafted by `factcheck new` from {origin}."
    );
    out.push_str(
        "# For each claim: add `sources` (pages that report it), check the `about` terms (each must\n\
         # occur in a source's passage; the last one is the word the figure counts or acts on), and\n\
         # delete what is not worth checking. Then run `factcheck validate` and `factcheck check`.\n\n",
    );
    out.push_str("[article]\n");
    match &draft.title {
        Some(title) => {
            let _ = writeln!(out, "title = {}", string(title));
        }
        None => out.push_str("title = \"\" # TODO: the article's title (required)\n"),
    }
    if let Some(url) = &draft.url {
        let _ = writeln!(out, "url = {}", string(url));
    }
    if let Some(file) = &draft.file {
        let _ = writeln!(out, "file = {}", string(file));
    }
    for claim in &draft.claims {
        out.push('\n');
        match &claim.kind {
            DraftKind::Figure { value } => {
                let _ = writeln!(
                    out,
                    "# Figure {}: add the sources that state it, e.g. sources = [\"https://...\"]",
                    one_line(value)
                );
                if claim.unbound {
                    out.push_str(
                        "# CHECK `about`: the drafted terms do not tie this figure even in the article;\n\
                         # write the word it counts or acts on last.\n",
                    );
                }
            }
            DraftKind::Quote { .. } if claim.about.is_empty() => out.push_str(
                "# Quote: add the sources that carry these words (the original statement or transcript),\n\
                 # and the speaker as `about` to look only near them.\n",
            ),
            DraftKind::Quote { .. } => out.push_str(
                "# Quote: add the sources that carry these words (the original statement or transcript);\n\
                 # `about` is the speaker the article names: check it.\n",
            ),
        }
        out.push_str("[[claim]]\n");
        let _ = writeln!(out, "id = {}", string(&claim.id));
        let _ = writeln!(out, "text = {}", string(&claim.text));
        match &claim.kind {
            DraftKind::Figure { value } => {
                let _ = writeln!(out, "value = {}", string(value));
            }
            DraftKind::Quote { quote } => {
                let _ = writeln!(out, "quote = {}", string(quote));
            }
        }
        if !claim.about.is_empty() {
            let terms: Vec<String> = claim.about.iter().map(|t| string(t)).collect();
            let _ = writeln!(out, "about = [{}]", terms.join(", "));
        }
    }
    out
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text for a comment: one line, no control characters.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::DraftClaim;
    use super::*;

    #[test]
    fn strings_are_escaped() {
        let cases = [
            ("plain", "\"plain\""),
            ("say \"hi\"", "\"say \\\"hi\\\"\""),
            ("back\\slash", "\"back\\\\slash\""),
            ("esc\u{1b}[31m", "\"esc\\u001B[31m\""),
            ("line\nbreak", "\"line\\nbreak\""),
        ];
        for (input, want) in cases {
            assert_eq!(string(input), want);
        }
    }

    #[test]
    fn renders_a_parseable_file() {
        let draft = Draft {
            title: Some("A \"title\"".into()),
            url: None,
            file: None,
            claims: vec![
                DraftClaim {
                    id: "kyiv-kill".into(),
                    text: "Strikes killed 3 in Kyiv.".into(),
                    kind: DraftKind::Figure { value: "3".into() },
                    about: vec!["Kyiv".into(), "kill*".into()],
                    unbound: false,
                    at: None,
                },
                DraftClaim {
                    id: "quote-we-will".into(),
                    text: "He said “we will rebuild it all”.".into(),
                    kind: DraftKind::Quote {
                        quote: "we will rebuild it all".into(),
                    },
                    about: vec![],
                    unbound: false,
                    at: None,
                },
            ],
        };
        let out = render(&draft, "article.txt\n");
        let parsed: toml::Table = toml::from_str(&out).expect("valid TOML");
        assert_eq!(parsed["article"]["title"].as_str(), Some("A \"title\""));
        let claims = parsed["claim"].as_array().expect("claims");
        assert_eq!(claims.len(), 2);
        assert_eq!(claims[0]["value"].as_str(), Some("3"));
        assert_eq!(claims[1]["quote"].as_str(), Some("we will rebuild it all"));
        assert!(claims[1].get("about").is_none());
    }
}
