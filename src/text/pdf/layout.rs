//! From positioned glyphs to paragraphs in reading order.
//!
//! 1. Rows: glyphs on one baseline (a superscript, smaller and raised, joins
//!    the row below it), sorted left to right; a wide gap splits a row into
//!    segments (columns, table cells).
//! 2. Furniture: a row repeated at the same place in the top or bottom fifth
//!    of most pages (digits ignored, so "Page 3" repeats), and a bare page
//!    number at a page's top or bottom, is dropped wherever it is drawn.
//! 3. Order: a page whose segments leave a gutter down the middle, with text
//!    (not a table's narrow cells) on both sides, is read column by column; a
//!    segment across the gutter (a title) ends one band of columns and starts
//!    the next. A row with several segments elsewhere is a table row.
//! 4. Paragraphs: lines joined until the line spacing, the font size or a
//!    table row says a new paragraph starts; a hyphen splitting a word at a
//!    line end is removed; footnotes (small lines at a page's foot) become
//!    paragraphs of their own after the paragraph they interrupt.
//!
//! The thresholds are in ems of the text's own size, so they hold for any
//! page size or font size.

use super::extract::{Glyph, Page};

/// A gap wider than this (in ems) between two glyphs of a row ends a
/// segment: a column gutter or a table cell's edge, not a word space.
const SEGMENT_GAP: f32 = 1.0;
/// As `SEGMENT_GAP`, for a gap with a space glyph drawn in it.
const SPACED_SEGMENT_GAP: f32 = 3.0;
/// A gap wider than this (in ems) between glyphs is a word space.
const WORD_GAP: f32 = 0.2;
/// The top and bottom fraction of a page where running heads, feet and page
/// numbers are looked for.
const MARGIN: f32 = 0.2;

/// A glyph as layout sees it.
#[derive(Debug, Clone, Copy)]
struct G {
    g: Glyph,
    /// Drawn smaller and raised above its row's baseline.
    sup: bool,
}

/// Glyphs on one baseline, left to right.
#[derive(Debug)]
struct Row {
    y: f32,
    glyphs: Vec<G>,
}

/// A run of a row's glyphs without a wide gap: a line of a column, a cell.
#[derive(Debug, Clone)]
struct Seg {
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    text: String,
    /// It starts with a footnote marker (a raised number).
    marker: bool,
}

/// A line in reading order, ready to be joined into paragraphs.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    y: f32,
    size: f32,
    /// A table row: a paragraph of its own.
    table: bool,
    /// The first line of a column, band or page: the spacing to the line
    /// before says nothing.
    flow: bool,
    /// It starts with a footnote marker.
    marker: bool,
}

/// The paragraphs of a document's pages, in reading order.
pub(super) fn paragraphs(pages: &[Page]) -> Vec<String> {
    let body = body_size(pages);
    let mut rows: Vec<Vec<(Row, Vec<Seg>)>> = pages
        .iter()
        .map(|page| {
            rows(page)
                .into_iter()
                .map(|row| {
                    let segs = segments(&row);
                    (row, segs)
                })
                .filter(|(_, segs)| !segs.is_empty())
                .collect()
        })
        .collect();
    drop_furniture(pages, &mut rows);
    let mut lines: Vec<Vec<Line>> = Vec::with_capacity(pages.len());
    for (page, rows) in pages.iter().zip(rows) {
        let segs: Vec<Vec<Seg>> = rows.into_iter().map(|(_, segs)| segs).collect();
        let mut page_lines = Vec::new();
        order(&segs, 0, &mut page_lines);
        if let Some(first) = page_lines.first_mut() {
            first.flow = true;
        }
        mark_footnotes(page, body, &mut page_lines);
        lines.push(page_lines);
    }
    assemble(&lines)
}

/// The size most of the text is set in, weighted by glyphs.
fn body_size(pages: &[Page]) -> f32 {
    let mut counts: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for g in pages.iter().flat_map(|p| &p.glyphs) {
        if !g.c.is_whitespace() && g.size > 0.0 {
            *counts.entry((g.size * 2.0).round() as u32).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(size, n)| (*n, *size))
        .map_or(10.0, |(size, _)| size as f32 / 2.0)
}

/// Groups a page's glyphs into rows, top to bottom.
fn rows(page: &Page) -> Vec<Row> {
    let mut glyphs: Vec<G> = page
        .glyphs
        .iter()
        .filter(|g| g.size > 0.1)
        .map(|&g| G { g, sup: false })
        .collect();
    glyphs.sort_by(|a, b| b.g.y.total_cmp(&a.g.y).then(a.g.x.total_cmp(&b.g.x)));
    let mut rows: Vec<Row> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(row) if row.y - g.g.y <= 0.3 * g.g.size => row.glyphs.push(g),
            _ => rows.push(Row {
                y: g.g.y,
                glyphs: vec![g],
            }),
        }
    }
    // A row of small glyphs just above a row of larger ones is its superscripts.
    let mut merged: Vec<Row> = Vec::with_capacity(rows.len());
    let mut iter = rows.into_iter().peekable();
    while let Some(mut row) = iter.next() {
        if let Some(below) = iter.peek_mut() {
            let small = median_size(&row.glyphs);
            let big = median_size(&below.glyphs);
            let lift = row.y - below.y;
            let (lo, hi) = x_range(&below.glyphs);
            if small <= 0.9 * big
                && lift > 0.0
                && lift <= 0.7 * big
                && row.glyphs.len() * 3 <= below.glyphs.len()
                && row
                    .glyphs
                    .iter()
                    .all(|g| g.g.x >= lo - big && g.g.x <= hi + big)
            {
                for g in &mut row.glyphs {
                    g.sup = true;
                }
                below.glyphs.append(&mut row.glyphs);
                continue;
            }
        }
        merged.push(row);
    }
    for row in &mut merged {
        row.glyphs.sort_by(|a, b| a.g.x.total_cmp(&b.g.x));
        // The same glyph drawn twice in place (fake bold, a shadow) is read once.
        row.glyphs.dedup_by(|b, a| {
            a.g.c == b.g.c && (a.g.x - b.g.x).abs() < 0.1 * a.g.size.max(b.g.size)
        });
    }
    merged
}

fn median_size(glyphs: &[G]) -> f32 {
    let mut sizes: Vec<f32> = glyphs.iter().map(|g| g.g.size).collect();
    sizes.sort_by(f32::total_cmp);
    sizes.get(sizes.len() / 2).copied().unwrap_or(0.0)
}

fn x_range(glyphs: &[G]) -> (f32, f32) {
    glyphs.iter().fold((f32::MAX, f32::MIN), |(lo, hi), g| {
        (lo.min(g.g.x), hi.max(g.g.x + g.g.w))
    })
}

/// Whether a superscript character is a footnote marker.
fn marker_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '*' | '†' | '‡' | '§')
}

/// Unicode's own superscript digits, which some files use for markers.
fn superscript_digit(c: char) -> bool {
    matches!(c, '⁰' | '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹')
}

/// Splits a row at wide gaps and spells each part out: word spaces where
/// the glyphs leave room for one, footnote markers glued to a word dropped.
fn segments(row: &Row) -> Vec<Seg> {
    let mut out: Vec<Seg> = Vec::new();
    let mut cur: Option<Seg> = None;
    // The end of the last glyph that was not white space, and its size.
    let mut last: Option<(f32, f32)> = None;
    let mut space_at: Option<f32> = None;
    let mut in_marker = false;
    for g in &row.glyphs {
        let Glyph { c, x, w, size, .. } = g.g;
        if c.is_whitespace() {
            // A space glyph is a word break only where it leaves room: a
            // soft hyphen drawn as a space of no width inside a word is not.
            space_at = Some(x);
            continue;
        }
        let em = size.max(last.map_or(0.0, |(_, s)| s));
        let gap = last.map_or(0.0, |(end, _)| x - end);
        let space = space_at.take().is_some_and(|at| x - at > 0.05 * size);
        // A justified line stretches its word spaces; a gutter or a cell edge
        // is a gap with no space drawn in it, or a far wider one.
        let split = if space {
            SPACED_SEGMENT_GAP
        } else {
            SEGMENT_GAP
        };
        if cur.is_some() && gap > split * em && !g.sup {
            out.extend(cur.take());
        }
        let glued = last.is_some() && !space && gap <= 0.3 * em;
        let seg = cur.get_or_insert_with(|| Seg {
            x0: x,
            x1: x,
            y: row.y,
            size: 0.0,
            text: String::new(),
            marker: g.sup && marker_char(c),
        });
        let marker_glyph = (g.sup && marker_char(c)) || superscript_digit(c);
        if marker_glyph && glued && !seg.text.is_empty() && (in_marker || !seg.marker) {
            // "million³": the marker goes, the word stays.
            in_marker = true;
            last = Some((x + w, em));
            seg.x1 = seg.x1.max(x + w);
            continue;
        }
        if !seg.text.is_empty() && (space || gap > WORD_GAP * em) {
            seg.text.push(' ');
        } else if seg.marker && !g.sup && seg.text.chars().all(marker_char) && !seg.text.is_empty()
        {
            // A footnote's own number, raised, then its text.
            seg.text.push(' ');
        }
        in_marker = false;
        push_letters(&mut seg.text, c);
        seg.x1 = seg.x1.max(x + w);
        if !g.sup {
            seg.size = seg.size.max(size);
        }
        last = Some((x + w, size));
    }
    out.extend(cur);
    for seg in &mut out {
        if seg.size == 0.0 {
            seg.size = row.glyphs.iter().map(|g| g.g.size).fold(0.0, f32::max);
        }
    }
    out.retain(|s| !s.text.is_empty());
    out
}

/// Appends a character, ligatures as their letters.
fn push_letters(out: &mut String, c: char) {
    match c {
        '\u{FB00}' => out.push_str("ff"),
        '\u{FB01}' => out.push_str("fi"),
        '\u{FB02}' => out.push_str("fl"),
        '\u{FB03}' => out.push_str("ffi"),
        '\u{FB04}' => out.push_str("ffl"),
        '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
        _ => out.push(c),
    }
}

/// Drops running heads and feet and page numbers from every page.
fn drop_furniture(pages: &[Page], rows: &mut [Vec<(Row, Vec<Seg>)>]) {
    type Key = (bool, i32, String);
    let key = |page: &Page, row: &Row, segs: &[Seg]| -> Option<Key> {
        let from_top = page.height - row.y;
        let top = from_top < MARGIN * page.height;
        let bottom = row.y < MARGIN * page.height;
        if !top && !bottom {
            return None;
        }
        let place = if top { from_top } else { row.y };
        let text: String = segs
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    '#'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        Some((top, (place / 4.0).round() as i32, text))
    };
    let mut seen: std::collections::HashMap<Key, usize> = std::collections::HashMap::new();
    for (page, page_rows) in pages.iter().zip(rows.iter()) {
        let mut keys: Vec<Key> = page_rows
            .iter()
            .filter_map(|(row, segs)| key(page, row, segs))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let most = pages.len().div_ceil(2).max(2);
    for (page, page_rows) in pages.iter().zip(rows.iter_mut()) {
        let n = page_rows.len();
        let mut index = 0;
        page_rows.retain(|(row, segs)| {
            let edge = index == 0 || index + 1 == n;
            // Running heads and feet are the outermost rows of a page.
            let outer = index < 3 || index + 3 >= n;
            index += 1;
            let repeated = outer && key(page, row, segs).is_some_and(|k| seen[&k] >= most);
            let in_margin =
                row.y < MARGIN * page.height || page.height - row.y < MARGIN * page.height;
            let number = (edge || in_margin)
                && !segs.is_empty()
                && segs.iter().all(|s| page_number(&s.text));
            !repeated && !number
        });
    }
}

/// "12", "- 12 -", "Page 12", "12 of 40", "12/40", "xii".
fn page_number(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c.is_whitespace())
        .to_ascii_lowercase();
    let t = t
        .strip_prefix("page ")
        .or_else(|| t.strip_prefix("p. "))
        .unwrap_or(&t)
        .trim();
    let number = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let roman = |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b"ivx".contains(&b));
    if number(t) || roman(t) {
        return true;
    }
    for sep in [" of ", "/", " / "] {
        if let Some((a, b)) = t.split_once(sep)
            && number(a.trim())
            && number(b.trim())
        {
            return true;
        }
    }
    false
}

/// Orders a region's segments (rows of them, top to bottom) into lines:
/// column by column where a gutter splits the region, else row by row.
fn order(rows: &[Vec<Seg>], depth: usize, out: &mut Vec<Line>) {
    if let Some(gutter) = gutter(rows).filter(|_| depth < 3) {
        let mut left: Vec<Vec<Seg>> = Vec::new();
        let mut right: Vec<Vec<Seg>> = Vec::new();
        let flush = |left: &mut Vec<Vec<Seg>>, right: &mut Vec<Vec<Seg>>, out: &mut Vec<Line>| {
            for side in [left, right] {
                let start = out.len();
                order(side, depth + 1, out);
                if let Some(first) = out.get_mut(start) {
                    first.flow = true;
                }
                side.clear();
            }
        };
        for row in rows {
            let (l, r): (Vec<Seg>, Vec<Seg>) = row.iter().cloned().partition(|s| s.x1 <= gutter);
            let crossing = r.iter().any(|s| s.x0 < gutter);
            if crossing {
                flush(&mut left, &mut right, out);
                let start = out.len();
                emit(row, out);
                if let Some(first) = out.get_mut(start) {
                    first.flow = true;
                }
                continue;
            }
            if !l.is_empty() {
                left.push(l);
            }
            if !r.is_empty() {
                right.push(r);
            }
        }
        flush(&mut left, &mut right, out);
        return;
    }
    for row in rows {
        emit(row, out);
    }
}

/// One row as a line: its segments joined by "; " when it is a table row.
fn emit(row: &[Seg], out: &mut Vec<Line>) {
    let Some(first) = row.first() else {
        return;
    };
    let text = row
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    out.push(Line {
        text,
        y: first.y,
        size: row.iter().map(|s| s.size).fold(0.0, f32::max),
        table: row.len() > 1,
        flow: false,
        marker: first.marker,
    });
}

/// The x of a gutter that splits a region into columns of text, if any: an
/// x in the middle of the region that at most a few segments cross, with at
/// least three lines of text on each side, neither side a table's narrow
/// cells.
fn gutter(rows: &[Vec<Seg>]) -> Option<f32> {
    let segs: Vec<&Seg> = rows.iter().flatten().collect();
    if segs.len() < 6 {
        return None;
    }
    let lo = segs.iter().map(|s| s.x0).fold(f32::MAX, f32::min);
    let hi = segs.iter().map(|s| s.x1).fold(f32::MIN, f32::max);
    let width = hi - lo;
    if width <= 0.0 {
        return None;
    }
    // Candidate gutters: just right of each segment's end, in the middle 60%.
    let mut best: Option<(usize, f32)> = None;
    for s in &segs {
        let x = s.x1 + 0.5;
        if x < lo + 0.2 * width || x > hi - 0.2 * width {
            continue;
        }
        let crossing = segs.iter().filter(|t| t.x0 < x && t.x1 > x).count();
        if best.is_none_or(|(n, _)| crossing < n) {
            best = Some((crossing, x));
        }
    }
    let (crossing, x) = best?;
    if crossing * 10 > segs.len() {
        return None;
    }
    let left: Vec<&&Seg> = segs.iter().filter(|s| s.x1 <= x).collect();
    let right: Vec<&&Seg> = segs.iter().filter(|s| s.x0 >= x).collect();
    let text_like = |side: &[&&Seg]| {
        side.len() >= 3
            && side.iter().map(|s| s.x1 - s.x0).sum::<f32>() / side.len() as f32 >= 0.25 * width
    };
    // Rows with a segment on both sides: in a table most rows are so, in
    // columns of text only where the lines happen to share a baseline.
    (text_like(&left) && text_like(&right)).then_some(x)
}

/// Marks the small lines at a page's foot as footnotes (by a marker on
/// their first line), so they become paragraphs of their own.
fn mark_footnotes(page: &Page, body: f32, lines: &mut [Line]) {
    let mut start = lines.len();
    while start > 0 {
        let line = &lines[start - 1];
        if line.size < 0.9 * body && line.y < 0.4 * page.height && !line.table {
            start -= 1;
        } else {
            break;
        }
    }
    let notes = &mut lines[start..];
    let Some(first) = notes.first() else {
        return;
    };
    if !(first.marker || starts_with_number(&first.text)) {
        return;
    }
    for line in notes {
        line.table = false;
        line.marker = line.marker || starts_with_number(&line.text);
        // A footnote is read apart from the page's running text.
        line.flow = true;
        line.size = -line.size.abs();
    }
}

fn starts_with_number(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && text[digits..].starts_with([' ', '.', ')'])
        || text.starts_with(['*', '†', '‡'])
}

/// Joins lines into paragraphs. A footnote (size marked negative) is kept
/// apart and put out after the paragraph it interrupted.
fn assemble(pages: &[Vec<Line>]) -> Vec<String> {
    let pitch = typical_pitch(pages);
    let mut out: Vec<String> = Vec::new();
    let mut para = String::new();
    let mut prev: Option<&Line> = None;
    let mut notes: Vec<String> = Vec::new();
    let mut note = String::new();
    for line in pages.iter().flatten() {
        if line.size < 0.0 {
            if line.marker && !note.is_empty() {
                notes.push(std::mem::take(&mut note));
            }
            join(&mut note, &line.text);
            continue;
        }
        if !note.is_empty() {
            notes.push(std::mem::take(&mut note));
        }
        let new_paragraph = prev.is_none_or(|p| breaks(p, line, pitch));
        if new_paragraph && !para.is_empty() {
            out.push(std::mem::take(&mut para));
            out.append(&mut notes);
        }
        join(&mut para, &line.text);
        prev = Some(line);
    }
    if !note.is_empty() {
        notes.push(note);
    }
    if !para.is_empty() {
        out.push(para);
    }
    out.append(&mut notes);
    out
}

/// Whether `line` starts a new paragraph after `prev`.
fn breaks(prev: &Line, line: &Line, pitch: f32) -> bool {
    if prev.table || line.table {
        return true;
    }
    let (a, b) = (prev.size, line.size);
    if (a - b).abs() > 0.15 * a.max(b) {
        return true;
    }
    if line.flow {
        return false;
    }
    let step = (prev.y - line.y) / a.max(b).max(0.1);
    step > 1.3 * pitch || step < 0.5
}

/// The usual distance between lines of a paragraph, in ems: the median step
/// between consecutive lines of one size.
fn typical_pitch(pages: &[Vec<Line>]) -> f32 {
    let mut steps: Vec<f32> = Vec::new();
    for lines in pages {
        for pair in lines.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if !b.flow && !a.table && !b.table && a.size > 0.0 && (a.size - b.size).abs() < 0.01 {
                let step = (a.y - b.y) / a.size;
                if step > 0.5 && step < 4.0 {
                    steps.push(step);
                }
            }
        }
    }
    steps.sort_by(f32::total_cmp);
    steps.get(steps.len() / 2).copied().unwrap_or(1.2)
}

/// Appends a line to a paragraph: a hyphen splitting a word at the line end
/// is removed ("infra-" + "structure"), else the two are joined by a space,
/// so "2.26" + "billion" stays one figure.
fn join(para: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    if para.is_empty() {
        para.push_str(line);
        return;
    }
    let mut tail = para.chars().rev();
    let hyphen = tail.next();
    let before = tail.next();
    let next = line.chars().next();
    if matches!(hyphen, Some('-' | '\u{00AD}' | '\u{2010}'))
        && before.is_some_and(char::is_alphabetic)
        && next.is_some_and(char::is_lowercase)
    {
        para.pop();
        para.push_str(line);
        return;
    }
    if hyphen == Some('\u{00AD}') {
        para.pop();
    }
    para.push(' ');
    para.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of text set at (x, y) in `size`-point glyphs half an em wide.
    fn text(out: &mut Vec<Glyph>, s: &str, x: f32, y: f32, size: f32) {
        let w = size * 0.5;
        for (i, c) in s.chars().enumerate() {
            out.push(Glyph {
                c,
                x: x + w * i as f32,
                y,
                w,
                size,
            });
        }
    }

    fn page(lines: &[(&str, f32, f32, f32)]) -> Page {
        let mut glyphs = Vec::new();
        for &(s, x, y, size) in lines {
            text(&mut glyphs, s, x, y, size);
        }
        Page {
            width: 600.0,
            height: 800.0,
            glyphs,
        }
    }

    #[test]
    fn lines_join_and_hyphens_go() {
        let p = page(&[
            ("Revenue reached 2.26", 50.0, 700.0, 10.0),
            ("billion as the infra-", 50.0, 688.0, 10.0),
            ("structure grew.", 50.0, 676.0, 10.0),
            ("A new paragraph.", 50.0, 650.0, 10.0),
        ]);
        assert_eq!(
            paragraphs(&[p]),
            [
                "Revenue reached 2.26 billion as the infrastructure grew.",
                "A new paragraph."
            ]
        );
    }

    #[test]
    fn page_numbers_and_running_heads_go() {
        let pages: Vec<Page> = (1..=3)
            .map(|n| {
                page(&[
                    ("Annual report 2025", 50.0, 780.0, 8.0),
                    (
                        ["The body of the report", "runs on over", "three pages."][n - 1],
                        50.0,
                        500.0,
                        10.0,
                    ),
                    (&n.to_string(), 300.0, 30.0, 8.0),
                ])
            })
            .collect();
        assert_eq!(
            paragraphs(&pages),
            ["The body of the report runs on over three pages."]
        );
    }

    #[test]
    fn markers_glued_to_words_go() {
        let mut glyphs = Vec::new();
        text(&mut glyphs, "killed 12 million", 50.0, 700.0, 10.0);
        text(&mut glyphs, "3", 50.0 + 17.0 * 5.0, 703.5, 6.0);
        text(
            &mut glyphs,
            " people.",
            50.0 + 17.0 * 5.0 + 3.0,
            700.0,
            10.0,
        );
        let p = Page {
            width: 600.0,
            height: 800.0,
            glyphs,
        };
        assert_eq!(paragraphs(&[p]), ["killed 12 million people."]);
    }

    #[test]
    fn page_number_shapes() {
        for yes in ["12", "- 12 -", "Page 3", "3 of 40", "3/40", "xii"] {
            assert!(page_number(yes), "{yes}");
        }
        for no in ["2025 revenue", "Page three", "12,000", ""] {
            assert!(!page_number(no), "{no}");
        }
    }
}
