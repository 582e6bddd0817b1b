//! HTML to sentences (spec: "Reading a source"): which elements are read,
//! what inside them is dropped, and which elements end sentences.
//!
//! The document is parsed by scraper (html5ever) behind the depth bound of
//! [`super::depth`], then walked iteratively, never recursively.

use std::collections::HashSet;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::error::SelectorErrorKind;
use scraper::node::Element;
use scraper::{Html, Node, Selector};

use super::TextError;
use super::depth;
use super::split::Collector;

/// Elements whose content is never read: code, styles, fallbacks a browser
/// with scripts does not show, navigation and page furniture (spec), and
/// raw-text fallbacks no browser shows either (iframe, noembed, noframes),
/// and `head`, which is read only when a page has no body.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "iframe",
    "noembed", "noframes", "head", "title",
];

/// Elements that browsers show as blocks by default: each ends the sentence
/// before it and its own last one. The spec's list, plus a few that are just
/// as much blocks in browsers (center, hgroup, menu, dialog, fieldset, legend,
/// search, listing, xmp, plaintext, dir, body, html, thead/tbody/tfoot).
pub(crate) const BLOCKS: &[&str] = &[
    "p",
    "div",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "main",
    "figure",
    "figcaption",
    "table",
    "caption",
    "tr",
    "hr",
    "address",
    "details",
    "summary",
    "center",
    "hgroup",
    "menu",
    "dialog",
    "fieldset",
    "legend",
    "search",
    "listing",
    "xmp",
    "plaintext",
    "dir",
    "body",
    "html",
    "thead",
    "tbody",
    "tfoot",
    "nav",
    "aside",
    "footer",
    "form",
];

pub(crate) fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

/// Hidden by the page itself: the `hidden` attribute, `aria-hidden="true"`,
/// or an inline style with `display: none` (any spacing or case, with or
/// without `!important`).
pub(crate) fn is_hidden<'a>(mut attrs: impl Iterator<Item = (&'a str, &'a str)>) -> bool {
    attrs.any(|(name, value)| match name {
        "hidden" => true,
        "aria-hidden" => value.trim().eq_ignore_ascii_case("true"),
        "style" => value.split(';').any(|decl| {
            decl.split_once(':').is_some_and(|(prop, val)| {
                prop.trim().eq_ignore_ascii_case("display")
                    && val
                        .trim()
                        .get(..4)
                        .is_some_and(|v| v.eq_ignore_ascii_case("none"))
            })
        }),
        _ => false,
    })
}

/// Whether an element and all it holds is dropped; `in_article` says whether
/// an article or main encloses it (a `<header>` there is the article's own).
pub(crate) fn is_dropped_element(name: &str, in_article: bool, hidden: bool) -> bool {
    hidden || DROPPED.contains(&name) || (name == "header" && !in_article)
}

fn is_dropped(el: &Element, in_article: bool) -> bool {
    is_dropped_element(el.name(), in_article, is_hidden(el.attrs()))
}

/// Reads an HTML document into `col`.
pub(crate) fn read(body: &str, select: Option<&str>, col: &mut Collector) -> Result<(), TextError> {
    let doc = depth::parse(body);
    let roots = match select {
        Some(select) => selected(&doc, select)?,
        None => structural(&doc),
    };
    for root in roots {
        if let Some(node) = doc.tree.get(root) {
            walk(node, col);
            col.end_block();
        }
    }
    Ok(())
}

/// Parses a CSS selector; the error's reason is one line a reader can act on
/// (scraper's own text for some errors asks the reader to report a bug).
pub(crate) fn parse_selector(select: &str) -> Result<Selector, TextError> {
    Selector::parse(select).map_err(|e| TextError::InvalidSelector {
        select: select.to_owned(),
        reason: selector_reason(&e),
    })
}

/// The outermost elements `select` matches, in document order (an element
/// inside another match is read with it, not twice).
fn selected(doc: &Html, select: &str) -> Result<Vec<NodeId>, TextError> {
    let selector = parse_selector(select)?;
    let mut seen = HashSet::new();
    let mut roots = Vec::new();
    for el in doc.select(&selector) {
        let inside = el.ancestors().any(|a| seen.contains(&a.id()));
        seen.insert(el.id());
        if !inside {
            roots.push(el.id());
        }
    }
    if roots.is_empty() {
        return Err(TextError::NothingSelected {
            select: select.to_owned(),
        });
    }
    Ok(roots)
}

/// Why a selector is not CSS, in a line. scraper's own message for most
/// errors is a developer's debug dump asking to be reported; the kind of the
/// error says it better.
fn selector_reason(e: &SelectorErrorKind) -> String {
    match e {
        SelectorErrorKind::UnexpectedToken => "an unexpected character".to_owned(),
        SelectorErrorKind::EndOfLine => "it ends too early".to_owned(),
        SelectorErrorKind::ExpectedColonOnPseudoElement
        | SelectorErrorKind::ExpectedIdentityOnPseudoElement => {
            "a malformed pseudo-element".to_owned()
        }
        SelectorErrorKind::UnexpectedSelectorParseError(kind) => words_of(&format!("{kind:?}")),
        other => other.to_string(),
    }
}

/// "`ClassNeedsIdent`" as "class needs ident".
fn words_of(camel: &str) -> String {
    let mut out = String::with_capacity(camel.len() + 8);
    for c in camel.chars() {
        if c.is_ascii_uppercase() && !out.is_empty() && !out.ends_with([' ', '(']) {
            out.push(' ');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// The first `<main>`, else every outermost `<article>`, else `<body>`.
/// A main or article that would be dropped where it stands (inside a nav,
/// an aside, a hidden element, a template) is not a candidate: a "related
/// stories" aside full of articles is not what the page is about.
fn structural(doc: &Html) -> Vec<NodeId> {
    let mut articles = Vec::new();
    let mut skip = 0usize;
    let mut in_article = 0usize;
    let mut body = None;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                let Node::Element(el) = node.value() else {
                    continue;
                };
                if skip > 0 {
                    skip += 1;
                    continue;
                }
                let name = el.name();
                if name == "body" && body.is_none() {
                    body = Some(node.id());
                }
                // The head is dropped in reading, not in finding the body.
                if name != "head" && is_dropped(el, in_article > 0) {
                    skip = 1;
                    continue;
                }
                match name {
                    "main" => return vec![node.id()],
                    "article" => {
                        if in_article == 0 {
                            articles.push(node.id());
                        }
                        in_article += 1;
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                let Node::Element(el) = node.value() else {
                    continue;
                };
                if skip > 0 {
                    skip -= 1;
                } else if el.name() == "article" {
                    in_article -= 1;
                }
            }
        }
    }
    if !articles.is_empty() {
        return articles;
    }
    vec![body.unwrap_or_else(|| doc.root_element().id())]
}

/// Writes the text of `root` and what it holds, dropping what the spec drops
/// and ending sentences at blocks. The root itself is never dropped: a
/// selector that names a hidden element or a nav asks for it.
fn walk(root: ego_tree::NodeRef<'_, Node>, col: &mut Collector) {
    // An article or main around the root makes its headers the article's.
    let mut in_article = root.ancestors().filter(|a| is_article(a.value())).count();
    let mut skip = 0usize;
    let mut row = 0usize;
    let mut pre = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(text) if skip == 0 => {
                    if pre > 0 && row == 0 {
                        // Preformatted lines are lines, as in plain text.
                        let mut lines = text.split('\n');
                        if let Some(first) = lines.next() {
                            col.push_str(first);
                        }
                        for line in lines {
                            col.end_block();
                            col.push_str(line);
                        }
                    } else {
                        col.push_str(text);
                    }
                }
                Node::Element(el) => {
                    if skip > 0 {
                        skip += 1;
                        continue;
                    }
                    if node.id() != root.id() && is_dropped(el, in_article > 0) {
                        skip = 1;
                        continue;
                    }
                    let name = el.name();
                    match name {
                        "br" if row == 0 => col.end_block(),
                        "tr" => {
                            if row == 0 {
                                col.end_block();
                            } else {
                                col.start_cell();
                            }
                            row += 1;
                        }
                        "td" | "th" if row > 0 => col.start_cell(),
                        "br" | "td" | "th" => col.push_space(),
                        _ => {}
                    }
                    if name == "pre" {
                        pre += 1;
                    }
                    if is_article(node.value()) {
                        in_article += 1;
                    }
                    if name != "tr" && is_block(name) {
                        block_edge(col, row);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                let Node::Element(el) = node.value() else {
                    continue;
                };
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let name = el.name();
                match name {
                    "tr" => {
                        row -= 1;
                        if row == 0 {
                            col.end_whole();
                        }
                    }
                    "pre" => pre -= 1,
                    _ => {}
                }
                if is_article(node.value()) {
                    in_article -= 1;
                }
                if name != "tr" && is_block(name) {
                    block_edge(col, row);
                }
            }
        }
    }
}

/// A block's start or end: a sentence end, or inside a table row a space
/// (blocks inside a cell do not end the row's sentence).
fn block_edge(col: &mut Collector, row: usize) {
    if row == 0 {
        col.end_block();
    } else {
        col.push_space();
    }
}

fn is_article(node: &Node) -> bool {
    matches!(node, Node::Element(el) if matches!(el.name(), "article" | "main"))
}

/// The element a node id stands for, for tests.
#[cfg(test)]
fn element(doc: &Html, id: NodeId) -> Option<scraper::ElementRef<'_>> {
    doc.tree.get(id).and_then(scraper::ElementRef::wrap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    fn read_html(body: &str, select: Option<&str>) -> Result<Vec<String>, TextError> {
        let mut col = Collector::default();
        read(body, select, &mut col)?;
        Ok(col.finish())
    }

    fn sentences(body: &str) -> Vec<String> {
        read_html(body, None).unwrap()
    }

    #[test]
    fn dropped_elements() {
        for name in [
            "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "iframe",
            "noembed", "noframes",
        ] {
            let body = format!("<body><p>Kept.</p><{name}><p>Gone.</p>x</{name}><p>End</p></body>");
            assert_eq!(sentences(&body), ["Kept.", "End"], "{name}");
        }
    }

    #[test]
    fn headers() {
        let cases: &[(&str, &[&str])] = &[
            ("<body><header>Site</header><p>Text</p></body>", &["Text"]),
            (
                "<body><article><header>Head</header><p>Text</p></article></body>",
                &["Head", "Text"],
            ),
            (
                "<body><main><header>Head</header><p>Text</p></main></body>",
                &["Head", "Text"],
            ),
            // A header outside the article is dropped even when the article is chosen.
            (
                "<body><header>Site</header><article><header>Head</header>Text</article></body>",
                &["Head", "Text"],
            ),
        ];
        for (body, want) in cases {
            assert_eq!(sentences(body), *want, "{body}");
        }
    }

    #[test]
    fn hidden_elements() {
        for attrs in [
            "hidden",
            "hidden=\"hidden\"",
            "aria-hidden=\"true\"",
            "aria-hidden=\"TRUE\"",
            "aria-hidden=\" true \"",
            "style=\"display:none\"",
            "style=\"display: none\"",
            "style=\"DISPLAY : NONE !important\"",
            "style=\"color: red; display:none;\"",
            "style=\"display:none!important\"",
        ] {
            let body =
                format!("<body><p>Kept.</p><div {attrs}><p>Gone.</p>x</div><p>End</p></body>");
            assert_eq!(sentences(&body), ["Kept.", "End"], "{attrs}");
        }
        for attrs in [
            "aria-hidden=\"false\"",
            "style=\"display:block\"",
            "style=\"visibility: visible\"",
            "class=\"hidden\"",
        ] {
            let body = format!("<body><div {attrs}>Shown</div></body>");
            assert_eq!(sentences(&body), ["Shown"], "{attrs}");
        }
    }

    #[test]
    fn what_is_read() {
        let cases: &[(&str, &[&str])] = &[
            // The first main, alone.
            (
                "<body><p>Out</p><main><p>In</p></main><main>Second</main></body>",
                &["In"],
            ),
            // A hidden main is no candidate.
            (
                "<body><main hidden>Old</main><main>New</main></body>",
                &["New"],
            ),
            // Every outermost article, in order.
            (
                "<body><p>Out</p><article>One<article>Inner</article></article><p>Mid</p><article>Two</article></body>",
                &["One", "Inner", "Two"],
            ),
            // Articles in an aside are not the page's.
            (
                "<body><p>Body text</p><aside><article>Related</article></aside></body>",
                &["Body text"],
            ),
            // Main wins over articles.
            ("<body><article>A</article><main>M</main></body>", &["M"]),
            // Else the body.
            ("<body><p>One</p><p>Two</p></body>", &["One", "Two"]),
            ("Just text", &["Just text"]),
            ("<html><head><title>T</title></head></html>", &[]),
            ("", &[]),
        ];
        for (body, want) in cases {
            assert_eq!(sentences(body), *want, "{body}");
        }
    }

    #[test]
    fn select() {
        let body = "<body><div class=\"a\">One<div class=\"a\">Two</div></div><p>Out</p><div class=\"a\">Three</div><nav class=\"n\">Nav</nav></body>";
        let cases: &[(&str, &[&str])] = &[
            ("div.a", &["One", "Two", "Three"]),
            ("p", &["Out"]),
            // Naming a nav reads it.
            ("nav.n", &["Nav"]),
        ];
        for (select, want) in cases {
            assert_eq!(read_html(body, Some(select)).unwrap(), *want, "{select}");
        }
        assert!(matches!(
            read_html(body, Some("div..a")),
            Err(TextError::InvalidSelector { .. })
        ));
        assert!(matches!(
            read_html(body, Some("")),
            Err(TextError::InvalidSelector { .. })
        ));
        assert!(matches!(
            read_html(body, Some("section")),
            Err(TextError::NothingSelected { .. })
        ));
    }

    #[test]
    fn blocks_and_breaks() {
        let cases: &[(&str, &[&str])] = &[
            ("<p>One<p>Two", &["One", "Two"]),
            (
                "<div>One<div>Two</div>Three</div>",
                &["One", "Two", "Three"],
            ),
            ("One<br>Two<br/>Three", &["One", "Two", "Three"]),
            (
                "<b>Bo</b>ld <i>and</i> <a href=x>linked</a>",
                &["Bold and linked"],
            ),
            ("<h1>Title</h1>Text", &["Title", "Text"]),
            ("<ul><li>One<li>Two</ul>", &["One", "Two"]),
            ("<dl><dt>T<dd>D</dl>", &["T", "D"]),
            ("<blockquote>Q</blockquote>A", &["Q", "A"]),
            (
                "<figure><img src=x><figcaption>Cap</figcaption></figure>",
                &["Cap"],
            ),
            ("A<hr>B", &["A", "B"]),
            ("<details><summary>S</summary>D</details>", &["S", "D"]),
            ("<section>S</section><address>A</address>", &["S", "A"]),
            ("<pre>line one\nline two</pre>", &["line one", "line two"]),
            ("<p>One. Two</p>", &["One.", "Two"]),
            (
                "<p>Mr. Smith &amp; Dr.&nbsp;Jones</p>",
                &["Mr. Smith & Dr. Jones"],
            ),
            ("<p>A<!-- comment -->B</p>", &["AB"]),
            ("<p>x\u{1b}[2J\u{202e}y</p>", &["x[2Jy"]),
        ];
        for (body, want) in cases {
            assert_eq!(sentences(body), *want, "{body}");
        }
    }

    #[test]
    fn table_rows() {
        let cases: &[(&str, &[&str])] = &[
            (
                "<table><caption>Cap</caption><tr><th>Name</th><th>Dead</th></tr><tr><td>Kyiv</td><td>15</td></tr></table>",
                &["Cap", "Name; Dead", "Kyiv; 15"],
            ),
            // Blocks inside a cell do not end the row; empty cells leave no separator.
            (
                "<table><tr><td><p>One.</p><p>Two</p></td><td></td><td>3<br>4</td></tr></table>",
                &["One. Two; 3 4"],
            ),
            // A nested table's cells join the outer row.
            (
                "<table><tr><td>a<table><tr><td>b</td><td>c</td></tr></table></td><td>d</td></tr></table>",
                &["a; b; c; d"],
            ),
            (
                "<p>Before<table><tr><td>x</td></tr></table>After",
                &["Before", "x", "After"],
            ),
        ];
        for (body, want) in cases {
            assert_eq!(sentences(body), *want, "{body}");
        }
    }

    #[test]
    fn select_finds_elements_in_order() {
        let doc = Html::parse_document("<p id=a>1</p><p id=b>2</p>");
        let ids = selected(&doc, "p").unwrap();
        let names: Vec<_> = ids
            .iter()
            .filter_map(|&id| element(&doc, id).and_then(|e| e.attr("id")))
            .collect();
        assert_eq!(names, ["a", "b"]);
    }

    #[test]
    fn a_200000_deep_page_reads_correctly() {
        let n = 200_000;
        let page = format!(
            "<body><p>Before.</p>{}Deep text.{}<p>After.</p></body>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        assert_eq!(sentences(&page), ["Before.", "Deep text.", "After."]);
        // Unclosed, too: the page ends inside them.
        let page = format!("<p>Before.</p>{}Deep text.", "<div><span>".repeat(n));
        assert_eq!(sentences(&page), ["Before.", "Deep text."]);
    }

    #[test]
    fn below_the_depth_bound_blocks_still_end_sentences() {
        let n = 3 * depth::MAX_DEPTH;
        let mut page = String::new();
        for i in 0..n {
            write!(page, "<div>s{i}<span>").unwrap();
        }
        page.push_str(&"</span></div>".repeat(n));
        page.push_str("<p>end</p>");
        let got = sentences(&page);
        let want: Vec<String> = (0..n)
            .map(|i| format!("s{i}"))
            .chain(["end".to_owned()])
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn below_the_depth_bound_dropped_elements_are_dropped() {
        let deep = "<div>".repeat(2 * depth::MAX_DEPTH);
        let cases: &[(&str, &[&str])] = &[
            ("<nav><p>menu</p></nav>text", &["text"]),
            (
                "<script>var s = '</div><p>leak</p>';</script>text",
                &["text"],
            ),
            ("<style>p { x: '<p>' }</style>text", &["text"]),
            ("<div hidden>gone<div>gone too</div></div>text", &["text"]),
            ("<span aria-hidden=true>x</span>text", &["text"]),
            ("<header>site</header>text", &["text"]),
            (
                "<article><header>head</header>text</article>",
                &["head", "text"],
            ),
            ("<table><tr><td>a</td><td>b</td></tr></table>", &["a b"]),
            ("<b>bo</b>ld<br>next", &["bold", "next"]),
            ("<textarea><p>as text</p></textarea>", &["<p>as text</p>"]),
            (
                "<xmp><b>as text</b></xmp>after",
                &["<b>as text</b>", "after"],
            ),
            // An unclosed dropped element ends with the element around it.
            ("<div><nav>menu</div>text", &["text"]),
        ];
        for (inner, want) in cases {
            let page = format!("<body>{deep}{inner}</body>");
            assert_eq!(sentences(&page), *want, "{inner}");
        }
    }

    #[test]
    fn a_news_page() {
        let page = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Strike | News</title>
<script type="application/ld+json">{"headline": "Not text."}</script></head>
<body>
<div class="cookie" style="display: none">We use cookies.</div>
<header class="site"><a href="/">News</a><nav><ul><li>World</li><li>Sport</li></ul></nav></header>
<div class="page">
  <article>
    <header><h1>Strike kills two in Zaporizhzhia</h1><p class="byline">By A. Writer</p></header>
    <p>At least two people were killed and 15 injured, Gov. Ivan Fedorov said on Telegram.
       The strike hit the city centre at 9 a.m. local time.</p>
    <figure><img src="a.jpg" alt="Rubble"><figcaption>Rescuers at the site.</figcaption></figure>
    <p>“We will rebuild,” the mayor said… Officials gave no figure for the damage.</p>
    <aside><h2>Related</h2><article>Earlier strike.</article></aside>
    <table><tr><th>Dead</th><th>Injured</th></tr><tr><td>2</td><td>15</td></tr></table>
    <form><input name="q"><button>Subscribe</button></form>
  </article>
</div>
<footer>© News Ltd. All rights reserved.</footer>
<script>window.x = "<p>Not text.</p>";</script>
</body></html>"#;
        assert_eq!(
            sentences(page),
            [
                "Strike kills two in Zaporizhzhia",
                "By A. Writer",
                "At least two people were killed and 15 injured, Gov. Ivan Fedorov said on Telegram.",
                "The strike hit the city centre at 9 a.m. local time.",
                "Rescuers at the site.",
                "“We will rebuild,” the mayor said…",
                "Officials gave no figure for the damage.",
                "Dead; Injured",
                "2; 15",
            ]
        );
    }
}
