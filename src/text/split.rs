//! Sentences from running text: the collector every reader writes into, which
//! cleans what it is given (white space collapsed, control characters dropped)
//! and splits each finished block at sentence ends.
//!
//! Everything here is linear in its input: a 1 MB block with no full stop is
//! one pass, and the look back for an abbreviation is capped.

/// Text from several places (HTML text nodes, Markdown lines) goes in; blocks
/// are ended by the reader; sentences come out.
#[derive(Debug, Default)]
pub(crate) struct Collector {
    /// Sentences finished so far.
    out: Vec<String>,
    /// The current block.
    line: Line,
}

/// A block's text as it is gathered: single spaces between words, no
/// leading space, a table row's cells joined by "; ". The collector and
/// `read --explain`'s list of blocks both gather text this way, so a block
/// listed reads as the sentences do.
#[derive(Debug, Default)]
pub(crate) struct Line {
    /// The text so far.
    pub(crate) text: String,
    /// White space was seen since the last character written to `text`.
    pub(crate) space: bool,
    /// A table cell began: the next character is preceded by "; ".
    pub(crate) cell: bool,
}

impl Line {
    /// Appends a character that is kept (see [`clean`]), after the
    /// separator it is owed.
    #[inline]
    pub(crate) fn keep(&mut self, c: char) {
        if !self.text.is_empty() {
            if self.cell {
                self.text.push_str("; ");
            } else if self.space {
                self.text.push(' ');
            }
        }
        self.space = false;
        self.cell = false;
        self.text.push(c);
    }

    /// The block ended: no separator is owed to what comes next.
    pub(crate) fn end(&mut self) {
        self.space = false;
        self.cell = false;
    }
}

impl Collector {
    /// Appends text, collapsing white space and dropping characters that must
    /// never reach a sentence (see [`clean`]).
    pub(crate) fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            match clean(c) {
                Clean::Keep => self.line.keep(c),
                Clean::Space => self.line.space = true,
                Clean::Drop => {}
            }
        }
    }

    /// White space that is not in the text itself (an inline break).
    pub(crate) fn push_space(&mut self) {
        self.line.space = true;
    }

    /// A table cell starts: it is joined to the row's earlier cells by "; ".
    /// Empty cells leave no separator behind.
    pub(crate) fn start_cell(&mut self) {
        self.line.cell = true;
    }

    /// Ends the current block: its text is split into sentences.
    pub(crate) fn end_block(&mut self) {
        if !self.line.text.is_empty() {
            split_into(&self.line.text, &mut self.out);
            self.line.text.clear();
        }
        self.line.end();
    }

    /// Ends the current block as one sentence, unsplit (a table row).
    pub(crate) fn end_whole(&mut self) {
        if !self.line.text.is_empty() {
            self.out.push(std::mem::take(&mut self.line.text));
        }
        self.line.end();
    }

    /// The sentences, once every block has ended.
    pub(crate) fn finish(mut self) -> Vec<String> {
        self.end_block();
        self.out
    }
}

/// What becomes of a character on its way into a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Clean {
    Keep,
    Space,
    Drop,
}

/// Text from the web is hostile: C0 and C1 controls (ESC above all) are
/// dropped unless they are white space, and so are the bidirectional controls
/// (which can reorder what an editor sees in a terminal) and invisible
/// characters that only hide a word boundary or break one (zero width space,
/// word joiner, BOM, soft hyphen). Reports never see any of them.
pub(crate) fn clean(c: char) -> Clean {
    if c.is_ascii() {
        return match c {
            ' ' | '\t' | '\n' | '\r' | '\x0B' | '\x0C' => Clean::Space,
            '\0'..='\x1F' | '\x7F' => Clean::Drop,
            _ => Clean::Keep,
        };
    }
    match c {
        '\u{85}' => Clean::Space,
        '\u{80}'..='\u{9F}'
        | '\u{AD}'
        | '\u{61C}'
        | '\u{180E}'
        | '\u{200B}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => Clean::Drop,
        c if c.is_whitespace() => Clean::Space,
        _ => Clean::Keep,
    }
}

/// Abbreviations after which a full stop does not end a sentence (spec:
/// "Reading a source"), without their final full stop. The dotted ones
/// (a.m., p.m., e.g., i.e.) are dotted initialisms and caught as such.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm", "Gov",
    "Sen", "Rep", "Rev", "St", "Mt", "No", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "Jan", "Feb",
    "Aug", "Sept", "Oct", "Nov", "Dec", "etc", "vs",
];

/// No abbreviation or initialism is longer than this; the look back for one
/// stops here so that a run of full stops cannot make splitting quadratic.
const LOOK_BACK: usize = 64;

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…')
}

fn is_closing_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›')
}

fn is_opening(c: char) -> bool {
    matches!(c, '(' | '[' | '"' | '\'' | '“' | '‘' | '«' | '‹')
}

/// Splits one block of collapsed text into sentences, appended to `out`.
pub(crate) fn split_into(text: &str, out: &mut Vec<String>) {
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_terminator(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut stops = usize::from(c == '.');
        let mut marks = 1;
        while let Some(&(j, d)) = chars.peek() {
            if !is_terminator(d) {
                break;
            }
            end = j + d.len_utf8();
            stops += usize::from(d == '.');
            marks += 1;
            chars.next();
        }
        while let Some(&(j, d)) = chars.peek() {
            if !is_closing_quote(d) {
                break;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        match chars.peek() {
            Some(&(_, d)) if d.is_whitespace() => {}
            _ => continue,
        }
        // Only a lone full stop can belong to an abbreviation; "..." is an ellipsis.
        if marks == 1 && stops == 1 && !full_stop_ends(&text[start..i]) {
            continue;
        }
        push_trimmed(&text[start..end], out);
        start = end;
    }
    push_trimmed(&text[start..], out);
}

fn push_trimmed(s: &str, out: &mut Vec<String>) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s.to_owned());
    }
}

/// Whether a full stop after `before` ends the sentence: not after an
/// initial, a listed abbreviation or a dotted initialism.
fn full_stop_ends(before: &str) -> bool {
    let mut from = before.len().saturating_sub(LOOK_BACK);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let tail = &before[from..];
    let token = match tail.rfind(char::is_whitespace) {
        Some(k) => tail[k..].trim_start(),
        // A word longer than the look back is no abbreviation.
        None if from > 0 => return true,
        None => tail,
    };
    let token = token.trim_start_matches(is_opening);
    // "ex-Gov.", "Jean-P.", "pro-U.S.": the abbreviation is the last part.
    let token = token.rsplit(['-', '/', '–', '—']).next().unwrap_or(token);
    let mut letters = token.chars();
    if let (Some(first), None) = (letters.next(), letters.next())
        && first.is_uppercase()
    {
        return false;
    }
    !(ABBREVIATIONS.contains(&token) || is_dotted_initialism(token))
}

/// "U.S", "U.K", "a.m", "e.g": single letters joined by full stops (the last
/// full stop is the one being decided).
fn is_dotted_initialism(token: &str) -> bool {
    let mut parts = 0;
    for part in token.split('.') {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => parts += 1,
            _ => return false,
        }
    }
    parts >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        let mut col = Collector::default();
        col.push_str(text);
        col.finish()
    }

    #[test]
    fn sentence_ends() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            ("One? Two! Three.", &["One?", "Two!", "Three."]),
            ("Wait… then. Go", &["Wait…", "then.", "Go"]),
            ("Wait... then", &["Wait...", "then"]),
            ("Really?! Yes", &["Really?!", "Yes"]),
            // A full stop inside a number or a word ends nothing.
            ("It cost 2.5 billion.Then", &["It cost 2.5 billion.Then"]),
            ("See example.org today", &["See example.org today"]),
            // The end of the text ends the last sentence with or without a mark.
            ("No mark at all", &["No mark at all"]),
            // Closing quotation marks stay with their sentence.
            (
                "He said \"go.\" She left.",
                &["He said \"go.\"", "She left."],
            ),
            ("He said “go.” She left.", &["He said “go.”", "She left."]),
            ("He said ‘go!’ She left.", &["He said ‘go!’", "She left."]),
            ("«Non.» Puis", &["«Non.»", "Puis"]),
            // A quote mark that does not close, and no white space: no end.
            ("He said \"go.\"She left.", &["He said \"go.\"She left."]),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "{text:?}");
        }
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        for abbr in ABBREVIATIONS {
            let text = format!("Ask {abbr}. Smith now. Next");
            assert_eq!(
                split(&text),
                [format!("Ask {abbr}. Smith now."), "Next".to_owned()],
                "{abbr}"
            );
        }
        let cases: &[(&str, &[&str])] = &[
            ("At 9 a.m. The rest", &["At 9 a.m. The rest"]),
            ("At 9 p.m. The rest", &["At 9 p.m. The rest"]),
            ("Fruit, e.g. apples. Next", &["Fruit, e.g. apples.", "Next"]),
            ("Fruit, i.e. apples. Next", &["Fruit, i.e. apples.", "Next"]),
            (
                "Apples, pears, etc. And more",
                &["Apples, pears, etc. And more"],
            ),
            ("Smith vs. Jones. Next", &["Smith vs. Jones.", "Next"]),
            // After an opening bracket or quote.
            (
                "He (Gen. Smith) came. Next",
                &["He (Gen. Smith) came.", "Next"],
            ),
            // After a hyphen, slash or dash.
            (
                "The ex-Gov. Smith spoke. Next",
                &["The ex-Gov. Smith spoke.", "Next"],
            ),
            (
                "Jean-P. Sartre wrote. Next",
                &["Jean-P. Sartre wrote.", "Next"],
            ),
            (
                "The pro-U.S. side won. Next",
                &["The pro-U.S. side won.", "Next"],
            ),
            ("It was well-known. Next", &["It was well-known.", "Next"]),
            // Case matters: "no." is a word.
            ("He said no. Then left", &["He said no.", "Then left"]),
            ("It is in the ST. Then", &["It is in the ST.", "Then"]),
            // Not in the list: ends.
            ("In Mar. Then", &["In Mar.", "Then"]),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "{text:?}");
        }
    }

    #[test]
    fn initials_and_initialisms() {
        let cases: &[(&str, &[&str])] = &[
            (
                "J. K. Rowling wrote it. Next",
                &["J. K. Rowling wrote it.", "Next"],
            ),
            (
                "George W. Bush spoke. Next",
                &["George W. Bush spoke.", "Next"],
            ),
            ("The U.S. Army came. Next", &["The U.S. Army came.", "Next"]),
            (
                "The U.K. and the U.N. agreed. Next",
                &["The U.K. and the U.N. agreed.", "Next"],
            ),
            (
                "Help from U.S.A. Navy. Next",
                &["Help from U.S.A. Navy.", "Next"],
            ),
            // A lower-case single letter is no initial.
            ("Plan b. Then", &["Plan b.", "Then"]),
            // Two letters are a word, not an initial.
            ("He is OK. Then", &["He is OK.", "Then"]),
            // An ellipsis after an initial still ends.
            ("Plan B... Then", &["Plan B...", "Then"]),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "{text:?}");
        }
    }

    #[test]
    fn cleaning() {
        let cases: &[(&str, &[&str])] = &[
            ("  many   spaces\t\there  ", &["many spaces here"]),
            ("non\u{a0}breaking", &["non breaking"]),
            ("esc\x1b[31mred", &["esc[31mred"]),
            ("bell\x07 and\u{9b}c1", &["bell andc1"]),
            (
                "bidi \u{202e}evil\u{202c} \u{2066}x\u{2069}",
                &["bidi evil x"],
            ),
            (
                "soft\u{ad}hyphen zero\u{200b}width",
                &["softhyphen zerowidth"],
            ),
            ("line\nbreaks\r\nare spaces", &["line breaks are spaces"]),
            ("\u{1b}\u{7}", &[]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "{text:?}");
        }
    }

    #[test]
    fn cells_and_blocks() {
        let mut col = Collector::default();
        col.push_str("Before. Row");
        col.end_block();
        for cell in ["Name", "", "  ", "Age. 45"] {
            col.start_cell();
            col.push_str(cell);
        }
        col.end_whole();
        col.push_str("After");
        assert_eq!(col.finish(), ["Before.", "Row", "Name; Age. 45", "After"]);
    }

    #[test]
    fn long_runs_are_linear() {
        // A megabyte of full stops and initials: each look back is capped.
        let text = "A. ".repeat(300_000);
        assert_eq!(split(&text).len(), 1);
        let text = "x".repeat(1 << 20) + ". y";
        assert_eq!(split(&text).len(), 2);
    }
}
