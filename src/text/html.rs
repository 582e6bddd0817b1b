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
use super::article::{
    Finder, Reason, element_text, is_agency_credit, is_call_to_action, is_counter, is_credit,
};
use super::depth;
use super::explain::Sink;

/// Elements the depth filter drops with all they hold when they lie below
/// its bound: what is never read plus the furniture no article is made of.
const DROPPED_DEEP: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "iframe",
    "noembed", "noframes", "head", "title",
];

/// Elements whose content is never read, wherever they are: code, styles,
/// fallbacks a browser with scripts does not show, raw-text fallbacks no
/// browser shows either (iframe, noembed, noframes), the head (read only
/// when a page has no body) and SVG graphics (their text is icon labels).
const ALWAYS_DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "noembed", "noframes", "head", "title",
    "svg",
];

/// Whether an element and all it holds is never read.
pub(crate) fn is_always_dropped(name: &str) -> bool {
    ALWAYS_DROPPED.contains(&name)
}

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

/// Whether an element and all it holds is dropped by the depth filter, below
/// its bound; `in_article` says whether an article or main encloses it (a
/// `<header>` there is the article's own).
pub(crate) fn is_dropped_element(name: &str, in_article: bool, hidden: bool) -> bool {
    hidden || DROPPED_DEEP.contains(&name) || (name == "header" && !in_article)
}

/// What a page says about itself, for the reading notes.
#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    /// `<html lang>`.
    pub(crate) lang: Option<String>,
    /// Visible words on the whole page.
    pub(crate) words: usize,
    /// Bytes of script and style.
    pub(crate) script_bytes: usize,
}

/// Reads an HTML document into `out`.
pub(crate) fn read(body: &str, select: Option<&str>, out: &mut Sink) -> Result<Page, TextError> {
    let doc = depth::parse(body);
    let finder = Finder::new(&doc);
    let selected = match select {
        Some(select) => Some(selected(&doc, select)?),
        None => None,
    };
    walk(&doc, &finder, selected.as_deref(), out);
    out.end_block();
    Ok(Page {
        lang: finder.lang.clone(),
        words: finder.page_words,
        script_bytes: finder.script_bytes,
    })
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

/// Writes the page's text into `out`, each piece with the reason it is read
/// or not. With `selected`, only those elements are read (minus what is
/// always dropped and hidden); without, the article the finder found, minus
/// its furniture, and the headline. Iterative, never recursive.
fn walk(doc: &Html, finder: &Finder, selected: Option<&[NodeId]>, out: &mut Sink) {
    let roots: HashSet<NodeId> = selected.map_or_else(
        || std::iter::once(finder.root).collect(),
        |s| s.iter().copied().collect(),
    );
    let outside = if selected.is_some() {
        Reason::NotSelected
    } else {
        Reason::OutsideArticle
    };
    // The headline lies inside the article's element: what comes before it
    // there is a kicker, breadcrumbs or a player, not the story.
    // Unless much of the story comes before it: then the headline found is
    // a later one (a recipe card's, a gallery's), not the story's.
    let headline_inside = selected.is_none()
        && finder.headline.is_some_and(|h| {
            doc.tree
                .get(h)
                .is_some_and(|n| n.ancestors().any(|a| a.id() == finder.root))
        })
        && finder.story_before_headline(doc) * 4 < finder.clean(finder.root);
    let mut before_headline = headline_inside;
    // The headline's own header, when the headline is outside the article.
    let headline_group = if selected.is_none() && !headline_inside {
        finder
            .headline
            .and_then(|h| headline_group(doc, h, finder.root))
    } else {
        None
    };
    let mut stack: Vec<Reason> = Vec::new();
    // The texts of the leaf blocks read so far: a reader sees a gallery's
    // caption once, not once per slide.
    let mut seen = Seen::default();
    let headline_text = finder
        .headline
        .and_then(|h| doc.tree.get(h))
        .map(|h| block_text(h));
    let mut skip = 0usize;
    let mut in_article = 0usize;
    // Table rows being read as rows; layout rows read their cells as blocks.
    let mut row = 0usize;
    let mut rows: Vec<bool> = Vec::new();
    let mut pre = 0usize;
    // The end of the text so far, for footnote markers glued to a word.
    let mut tail = Tail::default();
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(text) if skip == 0 => {
                    tail.push(text);
                    let mut reason = stack.last().copied().unwrap_or(outside);
                    if reason == Reason::Story && before_headline {
                        reason = Reason::BeforeHeadline;
                    }
                    if pre > 0 && row == 0 {
                        // Preformatted lines are lines, as in plain text.
                        let mut lines = text.split('\n');
                        if let Some(first) = lines.next() {
                            out.text(first, reason);
                        }
                        for line in lines {
                            out.end_block();
                            out.text(line, reason);
                        }
                    } else if reason.kept()
                        && let Some(at) = trailing_credit(text)
                    {
                        // "... a space walk. (NASA via AP, File)": the
                        // caption is read, its credit is not.
                        out.text(&text[..at], reason);
                        out.text(&text[at..], Reason::Credit);
                    } else {
                        out.text(text, reason);
                    }
                }
                Node::Element(el) => {
                    if skip > 0 {
                        skip += 1;
                        continue;
                    }
                    let name = el.name();
                    if is_always_dropped(name) && !roots.contains(&node.id()) {
                        skip = 1;
                        continue;
                    }
                    if Some(node.id()) == finder.headline {
                        before_headline = false;
                    }
                    let parent = stack.last().copied().unwrap_or(outside);
                    let mut reason = judge(
                        finder,
                        node,
                        el,
                        parent,
                        &roots,
                        selected.is_some(),
                        in_article > 0,
                        headline_group,
                    );
                    if reason.kept()
                        && selected.is_none()
                        && is_repeated(finder, node, &mut seen, headline_text.as_deref())
                    {
                        reason = Reason::Repeated;
                    }
                    if reason.kept()
                        && selected.is_none()
                        && name == "sup"
                        && is_footnote_marker(node, &tail)
                    {
                        reason = Reason::Footnote;
                    }
                    stack.push(reason);
                    match name {
                        "br" if row == 0 => out.end_block(),
                        "tr" => {
                            let data = !is_layout_row(finder, node.id());
                            rows.push(data);
                            if data {
                                if row == 0 {
                                    out.end_block();
                                } else {
                                    out.start_cell();
                                }
                                row += 1;
                            } else {
                                block_edge(out, row);
                            }
                        }
                        "td" | "th" if row > 0 => out.start_cell(),
                        "td" | "th" => out.end_block(),
                        "br" => out.push_space(),
                        _ => {}
                    }
                    if name == "pre" {
                        pre += 1;
                    }
                    if matches!(name, "article" | "main") {
                        in_article += 1;
                    }
                    if name != "tr" && is_block(name) {
                        block_edge(out, row);
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
                stack.pop();
                let name = el.name();
                match name {
                    "tr" => {
                        if rows.pop().unwrap_or(true) {
                            row = row.saturating_sub(1);
                            if row == 0 {
                                out.end_whole();
                            }
                        } else {
                            block_edge(out, row);
                        }
                    }
                    "td" | "th" if row == 0 => out.end_block(),
                    "pre" => pre = pre.saturating_sub(1),
                    _ => {}
                }
                if matches!(name, "article" | "main") {
                    in_article = in_article.saturating_sub(1);
                }
                if name != "tr" && is_block(name) {
                    block_edge(out, row);
                }
            }
        }
    }
}

/// Why an element is read or not, given its parent's reason.
#[allow(clippy::too_many_arguments)]
fn judge(
    finder: &Finder,
    node: ego_tree::NodeRef<'_, Node>,
    el: &Element,
    parent: Reason,
    roots: &HashSet<NodeId>,
    select: bool,
    in_article: bool,
    headline_group: Option<NodeId>,
) -> Reason {
    let id = node.id();
    if roots.contains(&id) {
        // A selector that names a hidden element or a nav asks for it.
        return if select {
            Reason::Selected
        } else if is_hidden(el.attrs()) {
            Reason::Hidden
        } else {
            Reason::Story
        };
    }
    let kept = parent.kept();
    let outside = matches!(parent, Reason::OutsideArticle | Reason::NotSelected);
    if !kept && !outside {
        return parent;
    }
    if is_hidden(el.attrs()) {
        return Reason::Hidden;
    }
    if select {
        // Nothing but what is always dropped is judged in a selection.
        if kept && el.name() == "form" && finder.furniture(id, el, true, true).is_some() {
            return Reason::Form;
        }
        return parent;
    }
    if Some(id) == headline_group || (outside && Some(id) == finder.headline) {
        return Reason::Headline;
    }
    if let Some(reason) = finder.furniture(id, el, in_article, true) {
        // A byline of linked names ("By <a>Jane Doe</a> and <a>John
        // Smith</a>") is mostly links, and the story's all the same.
        if reason == Reason::Links && kept && finder.text_len(id) <= 80 && is_byline(node) {
            return parent;
        }
        return reason;
    }
    if !kept {
        return parent;
    }
    // A short label ("You may also like"), not a story's title.
    if matches!(el.name(), "h2" | "h3" | "h4" | "h5" | "h6")
        && Some(id) != finder.headline
        && finder.text_len(id) <= 60
        && block_text(node).split_whitespace().count() <= 5
        && heads_furniture(finder, node)
    {
        return Reason::FurnitureHeading;
    }
    // Short elements are judged on their text: counters, credits, calls to
    // act. The text is gathered once, and only for short elements.
    let len = finder.text_len(id);
    let blocks = finder.blocks(id);
    let in_cell = matches!(el.name(), "td" | "th");
    // A call to act is a block of its own, or an inline element beside
    // nothing but links ("To read the full story" over Subscribe and Log
    // in buttons): "<a>click here</a>" inside a sentence is part of it.
    // Beside: in the nearest element around it that holds more text than
    // it does ("<a><em>Reuters</em></a>" is measured in the sentence).
    let alone = is_block(el.name())
        || node
            .ancestors()
            .take(8)
            .find(|a| finder.text_len(a.id()) > len)
            .is_some_and(|a| {
                let own_link = finder.link_len(id);
                finder.text_len(a.id()).saturating_sub(len)
                    <= finder.link_len(a.id()).saturating_sub(own_link)
            });
    let counter = !in_cell && len <= 40 && blocks <= 3 && len > 0 && Some(id) != finder.headline;
    let credit = !in_cell && (6..=80).contains(&len) && blocks <= 1;
    let to_act = alone && blocks == 0 && (1..=200).contains(&len);
    if !(counter || credit || to_act) {
        return parent;
    }
    let text = element_text(node);
    // A table cell's "2 of 6" is data, not a gallery's counter.
    if counter && is_counter(&text) {
        return Reason::Counter;
    }
    // A picture's credit, on its own or at the end of its caption; an
    // agency's name only standing on its own.
    if credit && (is_credit(&text) || (alone && is_agency_credit(&text))) {
        return Reason::Credit;
    }
    // A call to the reader to act, as an element of its own.
    if to_act && is_call_to_action(&text) {
        return Reason::CallToAction;
    }
    parent
}

/// A short block that reads "By Jane Doe": a byline.
fn is_byline(node: ego_tree::NodeRef<'_, Node>) -> bool {
    let text = element_text(node);
    let text = text.trim_start();
    text.get(..3)
        .is_some_and(|by| by.eq_ignore_ascii_case("by "))
        && text.split_whitespace().count() <= 10
}

/// Whether a heading stands over nothing but furniture: the elements after
/// it, up to the next heading (a few dozen at most), hold text, and all of it
/// is furniture ("You may also like" over a list of other stories).
fn heads_furniture(finder: &Finder, node: ego_tree::NodeRef<'_, Node>) -> bool {
    let mut furniture = false;
    for sibling in node.next_siblings().take(50) {
        match sibling.value() {
            Node::Text(t) if !t.trim().is_empty() => return false,
            Node::Element(el) => {
                if matches!(el.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                    break;
                }
                if finder.text_len(sibling.id()) == 0 {
                    continue;
                }
                if !finder.is_furniture(sibling.id()) {
                    return false;
                }
                furniture = true;
            }
            _ => {}
        }
    }
    furniture
}

/// Where a picture's credit starts that ends a text after its last
/// sentence ("... a space walk. (NASA via AP, File)", "... travel. Credit:
/// Jane Doe"), if one does.
fn trailing_credit(text: &str) -> Option<usize> {
    let trimmed = text.trim_end();
    let end = trimmed.rfind(". ").or_else(|| trimmed.rfind(".\u{a0}"))?;
    let at = end + 1;
    let tail = trimmed[at..].trim();
    (!tail.is_empty() && tail.len() <= 120 && is_credit(tail)).then_some(at)
}

/// The end of the text walked so far: its last character and the length of
/// the run of letters it ends with.
#[derive(Debug, Default)]
struct Tail {
    last: Option<char>,
    letters: usize,
}

impl Tail {
    fn push(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_alphabetic() {
                self.letters = if self.last.is_some_and(char::is_alphabetic) {
                    self.letters + 1
                } else {
                    1
                };
            } else {
                self.letters = 0;
            }
            self.last = Some(c);
        }
    }
}

/// A `<sup>` of footnote markers ("1", "2,3", "[4]", "*") glued to the word
/// or the punctuation before it: "families<sup>2</sup>" is "families" to a
/// reader. An exponent stays: after a figure ("10<sup>6</sup>") or a short
/// unit ("km<sup>2</sup>").
fn is_footnote_marker(node: ego_tree::NodeRef<'_, Node>, tail: &Tail) -> bool {
    let text = element_text(node);
    let text = text.trim();
    let marker = |c: char| {
        c.is_ascii_digit() || matches!(c, '*' | '†' | '‡' | '§' | '[' | ']' | ',' | ' ' | '-')
    };
    if text.is_empty()
        || text.chars().count() > 12
        || !text.chars().all(marker)
        || !text
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡' | '§'))
    {
        return false;
    }
    match tail.last {
        Some(c) if c.is_alphabetic() => tail.letters >= 3,
        Some(c) => matches!(
            c,
            '.' | ',' | ';' | ':' | ')' | '"' | '\'' | '\u{201D}' | '\u{2019}'
        ),
        None => false,
    }
}

/// Whether a leaf block (one holding no other block) repeats the text of one
/// read before; else its text is remembered.
fn is_repeated(
    finder: &Finder,
    node: ego_tree::NodeRef<'_, Node>,
    seen: &mut Seen,
    headline: Option<&str>,
) -> bool {
    let Some(el) = node.value().as_element() else {
        return false;
    };
    let len = finder.text_len(node.id());
    if !is_block(el.name()) || finder.blocks(node.id()) > 0 || !(12..=2000).contains(&len) {
        return false;
    }
    let text = block_text(node);
    if Some(node.id()) != finder.headline && headline == Some(text.as_str()) {
        return true;
    }
    // A plan or a recipe may repeat its lines (a meal plan's "Eat every 2-3
    // hours" each day): a repeat is a picture's caption read twice, or a
    // long block read again right after itself (a standfirst repeated as
    // the story's abstract).
    // A shortened copy of a caption read before ("... more"): its collapsed
    // version. Only captions are remembered for it, so a page of long
    // paragraphs does not keep each one twice.
    if let Some(head) = truncated_head(&text)
        && seen.starts(head).any(|k| k.starts_with(head))
    {
        return true;
    }
    seen.count += 1;
    let long = text.chars().count() >= 80;
    let picture = in_picture(node);
    if picture {
        seen.remember_start(&text);
    }
    match seen.blocks.insert(text, seen.count) {
        Some(before) => picture || (long && seen.count - before <= 3),
        None => false,
    }
}

/// The text before an ellipsis that cuts a block short ("... more"): at least
/// 41 characters before it and three words or fewer after it.
fn truncated_head(text: &str) -> Option<&str> {
    let at = text.find("...").or_else(|| text.find('\u{2026}'))?;
    let head = text[..at].trim_end();
    let rest = text[at..].trim_start_matches(['.', '\u{2026}']);
    (head.chars().count() > 40 && rest.split_whitespace().count() <= 3).then_some(head)
}

/// The leaf blocks read so far: each text with its place.
#[derive(Debug, Default)]
struct Seen {
    blocks: std::collections::HashMap<String, usize>,
    count: usize,
    /// Captions of 41 characters or more by their first 40 characters, a few
    /// per start, so that finding what a shortened copy was cut from is
    /// not a scan of every block read.
    starts: std::collections::HashMap<String, Vec<String>>,
}

impl Seen {
    /// How many texts are kept per start: a bound on the work per block.
    const PER_START: usize = 4;

    fn start(text: &str) -> Option<&str> {
        text.char_indices().nth(40).map(|(i, _)| &text[..i])
    }

    fn remember_start(&mut self, text: &str) {
        if let Some(start) = Self::start(text) {
            let texts = self.starts.entry(start.to_owned()).or_default();
            if texts.len() < Self::PER_START {
                texts.push(text.to_owned());
            }
        }
    }

    /// The texts read before that open as `head` does.
    fn starts(&self, head: &str) -> impl Iterator<Item = &String> {
        Self::start(head)
            .and_then(|s| self.starts.get(s))
            .into_iter()
            .flatten()
    }
}

/// A block's words, each followed by a space. Short pieces (a slide's "2",
/// "of", "4") are left out: the same caption under a different counter is
/// still the same caption.
fn block_text(node: ego_tree::NodeRef<'_, Node>) -> String {
    let mut text = String::new();
    for t in node
        .descendants()
        .filter_map(|d| d.value().as_text())
        .filter(|t| t.trim().chars().count() >= 4)
    {
        for word in t.split_whitespace() {
            text.push_str(word);
            text.push(' ');
        }
    }
    text
}

/// Whether a block is (in) a picture's caption or a gallery: a `<figure>`
/// or `<figcaption>`, or an element named for one, a few levels up.
fn in_picture(node: ego_tree::NodeRef<'_, Node>) -> bool {
    const WORDS: &[&str] = &[
        "caption",
        "captions",
        "gallery",
        "slide",
        "slides",
        "slideshow",
        "slider",
        "carousel",
        "lightbox",
        "photo",
        "photos",
        "image",
        "images",
        "media",
        "figure",
    ];
    std::iter::once(node)
        .chain(node.ancestors())
        .take(5)
        .filter_map(|n| n.value().as_element())
        .any(|el| {
            matches!(el.name(), "figure" | "figcaption")
                || ["class", "id"].iter().any(|attr| {
                    el.attr(attr).is_some_and(|v| {
                        v.split(|c: char| !c.is_ascii_alphanumeric())
                            .any(|w| WORDS.iter().any(|k| w.eq_ignore_ascii_case(k)))
                    })
                })
        })
}

/// The headline's own `<header>` or `<hgroup>` (with its standfirst and
/// byline), when it does not hold the article too; else the headline alone.
fn headline_group(doc: &Html, headline: NodeId, root: NodeId) -> Option<NodeId> {
    let node = doc.tree.get(headline)?;
    let group = node.ancestors().take(3).find(|a| {
        a.value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "header" | "hgroup"))
    });
    match group {
        Some(g)
            if !doc
                .tree
                .get(root)
                .is_some_and(|r| r.ancestors().any(|a| a.id() == g.id())) =>
        {
            Some(g.id())
        }
        _ => Some(headline),
    }
}

/// A row of a layout table (a page laid out in cells) rather than a row of
/// data: its cells hold blocks and much text, or the headline. Its cells are
/// read as blocks.
fn is_layout_row(finder: &Finder, tr: NodeId) -> bool {
    finder.blocks(tr) > 0 && (finder.text_len(tr) > 300 || finder.has_h1(tr))
}

/// A block's start or end: a sentence end, or inside a table row a space
/// (blocks inside a cell do not end the row's sentence).
fn block_edge(out: &mut Sink, row: usize) {
    if row == 0 {
        out.end_block();
    } else {
        out.push_space();
    }
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
        let mut out = Sink::default();
        read(body, select, &mut out)?;
        Ok(out.finish().0)
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
        ] {
            let body = format!("<body><div {attrs}>Shown</div></body>");
            assert_eq!(sentences(&body), ["Shown"], "{attrs}");
        }
        // A class that hides is a guess about the page's CSS: furniture
        // beside the story, never the story itself.
        let body = page(&format!(
            "<article><h1>Bridge to close for repairs</h1>{BODY}\
             <span class=hidden><span>https://example.com/logo.jpg 1200 630</span></span></article>"
        ));
        assert_eq!(
            sentences(&body),
            story_with(&["Bridge to close for repairs"])
        );
        let body = page(&format!(
            "<div class=\"story hidden\"><h1>Bridge to close for repairs</h1>{BODY}</div>"
        ));
        assert_eq!(
            sentences(&body),
            story_with(&["Bridge to close for repairs"])
        );
    }

    /// A story's body: paragraphs long enough to be story text.
    const BODY: &str = "<p>The council voted on Tuesday to close the old bridge for repairs.</p>\
        <p>Engineers found cracks in two of its five supports last spring.</p>\
        <p>The work will take eight months and cost 4 million pounds, officials said.</p>";
    const BODY_SENTENCES: [&str; 3] = [
        "The council voted on Tuesday to close the old bridge for repairs.",
        "Engineers found cracks in two of its five supports last spring.",
        "The work will take eight months and cost 4 million pounds, officials said.",
    ];

    fn page(inner: &str) -> String {
        format!(
            "<html><head><title>Bridge to close for repairs | The Gazette</title></head><body>{inner}</body></html>"
        )
    }

    fn story_with(head: &[&str]) -> Vec<String> {
        head.iter()
            .map(|s| (*s).to_owned())
            .chain(BODY_SENTENCES.iter().map(|s| (*s).to_owned()))
            .collect()
    }

    #[test]
    fn what_is_read() {
        let h1 = "<h1>Bridge to close for repairs</h1>";
        let cases: Vec<(&str, String, Vec<String>)> = vec![
            (
                "an empty first main is not the article",
                format!("<main><div class=slot></div></main><main>{h1}{BODY}</main>"),
                story_with(&["Bridge to close for repairs"]),
            ),
            (
                "an ASP.NET form that wraps the page is read",
                format!(
                    "<form method=post action=./page.aspx><nav><a href=/>Home</a></nav><article>{h1}{BODY}</article></form>"
                ),
                story_with(&["Bridge to close for repairs"]),
            ),
            (
                "a form to fill in is not",
                format!(
                    "<article>{h1}{BODY}<form><label>Your email address here</label><input name=e><button>Sign me up today</button></form></article>"
                ),
                story_with(&["Bridge to close for repairs"]),
            ),
            (
                "articles of reader comments are not the story",
                format!(
                    "<div class=story>{h1}{BODY}</div><section id=comments>\
                     <article><p>I drive over that bridge every day and never saw a crack.</p></article>\
                     <article><p>About time the council did something about the roads here.</p></article>\
                     <article><p>Four million pounds seems a lot for a small bridge like that.</p></article>\
                     <article><p>My grandfather helped build it in the fifties, sad to see.</p></article></section>"
                ),
                story_with(&["Bridge to close for repairs"]),
            ),
            (
                "teaser cards of other stories are not the story",
                format!(
                    "<article>{h1}{BODY}</article>\
                     <article><h3><a href=/a>Mayor opens new library in the town centre</a></h3><p>It has 20,000 books.</p></article>\
                     <article><h3><a href=/b>Rail strike called off after late talks</a></h3><p>Trains run as normal.</p></article>"
                ),
                story_with(&["Bridge to close for repairs"]),
            ),
            (
                "the h1 in a header outside the article is its headline",
                format!(
                    "<header class=site><a href=/>The Gazette</a><nav><a href=/news>News</a></nav></header>\
                     <header><h1>Bridge to close for repairs</h1><p class=dek>Eight months of work on the river crossing</p></header>\
                     <article>{BODY}</article>"
                ),
                story_with(&[
                    "Bridge to close for repairs",
                    "Eight months of work on the river crossing",
                ]),
            ),
            (
                "a live blog's posts are all story",
                "<h1>Bridge closure: live updates</h1><div class=posts>\
                 <article><p>10:02 The council meeting has started in the town hall.</p></article>\
                 <article><p>10:40 Councillors are debating the cost of the repair work.</p></article>\
                 <article><p>11:15 The vote is in, and the bridge will close next month.</p></article>\
                 </div>"
                    .to_owned(),
                vec![
                    "Bridge closure: live updates".to_owned(),
                    "10:02 The council meeting has started in the town hall.".to_owned(),
                    "10:40 Councillors are debating the cost of the repair work.".to_owned(),
                    "11:15 The vote is in, and the bridge will close next month.".to_owned(),
                ],
            ),
            (
                "without main or article, the body minus its furniture",
                format!(
                    "<div id=top><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></div>\
                     <div class=content>{h1}{BODY}</div><div id=footer-links><a href=/about>About us</a></div>"
                ),
                story_with(&["Bridge to close for repairs"]),
            ),
        ];
        for (what, body, want) in cases {
            assert_eq!(sentences(&page(&body)), want, "{what}");
        }
        // Tiny pages without story text read their body.
        let cases: &[(&str, &[&str])] = &[
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
    fn furniture_inside_the_article_is_dropped() {
        let cases: &[(&str, &str)] = &[
            (
                "navigation",
                "<nav><a href=/a>World news today</a> <a href=/b>Sport</a></nav>",
            ),
            (
                "menu by role",
                "<div role=navigation><span>World news and more</span></div>",
            ),
            (
                "related list",
                "<div class=related-stories><h4>Related</h4><ul><li><a href=/x>Old bridge closed in 1990 after a flood</a></li></ul></div>",
            ),
            (
                "read more",
                "<p class=read-more>Read more: <a href=/y>How the bridge was built in 1950</a></p>",
            ),
            (
                "most popular",
                "<section class=mostPopular><ol><li>Two killed in a crash near the ring road</li></ol></section>",
            ),
            (
                "recommended",
                "<div id=recommended-for-you><p>You may like these stories from our site</p></div>",
            ),
            (
                "video carousel",
                "<div class=video-carousel><p>Watch: 3 things to know about the bridge</p></div>",
            ),
            (
                "share bar",
                "<div class=share-tools><span>Share this story on Facebook</span></div>",
            ),
            ("reading time", "<span>5 min read</span>"),
            (
                "photo counter",
                "<figure><img src=a.jpg><span>Photograph 2 of 6</span></figure>",
            ),
            ("comment counter", "<a href=#c>12 comments</a>"),
            (
                "newsletter box",
                "<div class=newsletter-signup><p>Get the top 10 stories in your inbox every morning</p></div>",
            ),
            (
                "subscription box",
                "<div class=subscribe-box><p>Subscribe now for 1 pound a week for 6 months</p></div>",
            ),
            (
                "cookie notice",
                "<div id=cookie-consent><p>We use cookies to improve your experience on our site</p></div>",
            ),
            (
                "advertisement",
                "<div class=ad-slot><p>Buy 2 get 1 free at our partner stores</p></div>",
            ),
            (
                "author box",
                "<div class=author-bio><p>Jane Smith has covered the council for 12 years and lives nearby.</p></div>",
            ),
            (
                "aside",
                "<aside><p>In numbers: 5 supports, 2 cracked, 1950 built</p></aside>",
            ),
            (
                "footer",
                "<footer><p>Published 3 March 2024, updated 4 March 2024 at 10:15</p></footer>",
            ),
        ];
        for (what, furniture) in cases {
            let body = page(&format!(
                "<article><h1>Bridge to close for repairs</h1>{BODY}{furniture}</article>"
            ));
            assert_eq!(
                sentences(&body),
                story_with(&["Bridge to close for repairs"]),
                "{what}"
            );
        }
        // A pull quote in an aside and a caption of the story's own picture are story.
        let body = page(&format!(
            "<article><h1>Bridge to close for repairs</h1>{BODY}\
             <aside class=pullquote>We had no choice but to close it now</aside>\
             <figure><img src=b.jpg><figcaption>The bridge at dawn on Monday.</figcaption></figure></article>"
        ));
        let mut want = story_with(&["Bridge to close for repairs"]);
        want.push("We had no choice but to close it now".to_owned());
        want.push("The bridge at dawn on Monday.".to_owned());
        assert_eq!(sentences(&body), want);
    }

    #[test]
    fn before_the_headline_and_repeated_captions() {
        let body = page(&format!(
            "<article><p>Video: watch the 2 minute report on the closure</p><h1>Bridge to close for repairs</h1>{BODY}\
             <figure><figcaption>Repair crews at work on the supports.</figcaption></figure>\
             <figure><figcaption>Repair crews at work on the supports.</figcaption></figure></article>"
        ));
        let mut want = story_with(&["Bridge to close for repairs"]);
        want.push("Repair crews at work on the supports.".to_owned());
        assert_eq!(sentences(&body), want);
    }

    #[test]
    fn footnote_markers_glued_to_a_word_are_dropped() {
        let cases = [
            (
                "<p>Some 300 families<sup>2</sup> lost their homes in the flood.</p>",
                "Some 300 families lost their homes in the flood.",
            ),
            (
                "<p>The plan was approved by the board.<sup><a href=#n3>3</a></sup></p>",
                "The plan was approved by the board.",
            ),
            (
                "<p>Costs rose by half<sup>[4]</sup> in a decade of delays.</p>",
                "Costs rose by half in a decade of delays.",
            ),
            // Exponents and free-standing numbers stay.
            (
                "<p>The lake covers 12 km<sup>2</sup> of the valley floor.</p>",
                "The lake covers 12 km2 of the valley floor.",
            ),
            (
                "<p>A pressure of 10<sup>6</sup> pascals was measured there.</p>",
                "A pressure of 106 pascals was measured there.",
            ),
            (
                "<p>She finished <sup>2</sup> in the final round of the race.</p>",
                "She finished 2 in the final round of the race.",
            ),
        ];
        for (para, want) in cases {
            let body = page(&format!(
                "<article><h1>Bridge to close for repairs</h1>{para}{BODY}</article>"
            ));
            let got = sentences(&body);
            assert_eq!(got.get(1).map(String::as_str), Some(want), "{para}");
            assert!(got.len() >= 2, "{para}");
        }
    }

    #[test]
    fn a_ticker_of_other_stories_before_the_headline_is_dropped() {
        // Each item: a linked title and an unlinked summary, so neither link
        // density nor a linked heading gives it away; it comes before the
        // headline, in the element that holds the story.
        let item = |n: u32| {
            format!(
                "<li><a href=/s{n}>Council story number {n} in the news today</a>\
                 <span>CITY: A summary of another story that runs on for a while, as summaries do, \
                 and ends in the middle of a sentence number {n}...</span></li>"
            )
        };
        let ticker: String = (1..=3).map(item).collect();
        let more = "<p>Drivers will have to take the ring road, which adds twenty minutes to the trip at rush hour.</p>\
                    <p>Shops on both banks fear losing trade and asked the council for help with their rents.</p>\
                    <p>The council said it would review the plan in the spring, once the first repairs are done.</p>";
        let body = page(&format!(
            "<div class=content><div class=breaking><b>Breaking News</b><ul>{ticker}</ul></div>\
             <h2>Bridge to close for repairs</h2>{BODY}{more}</div>"
        ));
        let got = sentences(&body);
        assert_eq!(
            got.first().map(String::as_str),
            Some("Bridge to close for repairs")
        );
        assert_eq!(got.len(), 7, "{got:?}");
    }

    #[test]
    fn picture_credits_are_dropped_and_captions_kept() {
        let body = page(&format!(
            "<article><h1>Bridge to close for repairs</h1>{BODY}\
             <figure><img src=a.jpg><figcaption>The bridge at dawn on Monday.<span>Credit: Jane Doe/The Gazette</span></figcaption></figure>\
             <p>(Image credit: City Council)</p></article>"
        ));
        let mut want = story_with(&["Bridge to close for repairs"]);
        want.push("The bridge at dawn on Monday.".to_owned());
        assert_eq!(sentences(&body), want);
        // A call to follow or subscribe after the story is not read.
        let body = page(&format!(
            "<article><h1>Bridge to close for repairs</h1>{BODY}\
             <p>Follow The Gazette on Twitter and Facebook.</p><p>Sign up for our daily newsletter.</p></article>"
        ));
        assert_eq!(
            sentences(&body),
            story_with(&["Bridge to close for repairs"])
        );
        // A paywall's call over its buttons is not read.
        let body = page(&format!(
            "<article><h1>Bridge to close for repairs</h1>{BODY}\
             <div class=login><span>To read the full story</span><div><a href=/s>Subscribe</a> <a href=/l>Log in</a></div></div></article>"
        ));
        assert_eq!(
            sentences(&body),
            story_with(&["Bridge to close for repairs"])
        );
        // A link inside a sentence is part of it, whatever it says.
        let body = page(&format!(
            "<article><h1>Bridge to close for repairs</h1>{BODY}\
             <p>The council's report is online: <a href=/r>click here</a> to read it.</p></article>"
        ));
        let mut want = story_with(&["Bridge to close for repairs"]);
        want.push("The council's report is online: click here to read it.".to_owned());
        assert_eq!(sentences(&body), want);
    }

    #[test]
    fn repeats_in_a_plan_are_read_and_a_repeated_standfirst_is_not() {
        // A plan repeats its lines day after day: all of them are read.
        let day = |d: u32| {
            format!(
                "<h3>Day {d}</h3><p>Walk for an hour before breakfast</p><p>Drink two glasses of water</p>"
            )
        };
        let plan: String = (1..=3).map(day).collect();
        let body = page(&format!(
            "<article><h1>Bridge to close for repairs</h1>{BODY}{plan}</article>"
        ));
        let got = sentences(&body);
        assert_eq!(
            got.iter()
                .filter(|s| *s == "Drink two glasses of water")
                .count(),
            3
        );
        // A standfirst shown again as the story's abstract is read once.
        let standfirst =
            "The crossing will shut for eight months while engineers repair two cracked supports.";
        let body = page(&format!(
            "<article><h1>Bridge to close for repairs</h1><p class=dek>{standfirst}</p>\
             <p>By Jane Doe</p><div class=abstract>{standfirst}</div>{BODY}</article>"
        ));
        let got = sentences(&body);
        assert_eq!(
            got.iter().filter(|s| *s == standfirst).count(),
            1,
            "{got:?}"
        );
        // A gallery's caption under changing counters is read once.
        let slide = |n: u32| {
            format!(
                "<figure><img src={n}.jpg><figcaption><span class=n>{n}<span>of</span>3</span>\
                 <span>Repair crews at work on the supports.</span></figcaption></figure>"
            )
        };
        let gallery: String = (1..=3).map(slide).collect();
        let body = page(&format!(
            "<article><h1>Bridge to close for repairs</h1>{BODY}{gallery}</article>"
        ));
        let got = sentences(&body);
        assert_eq!(
            got.iter().filter(|s| s.contains("Repair crews")).count(),
            1,
            "{got:?}"
        );
    }

    #[test]
    fn a_shortened_copy_of_a_caption_is_dropped() {
        let caption = "Repair crews at work on the supports of the old bridge on Monday, as the council had planned.";
        let body = page(&format!(
            "<article><h1>Bridge to close for repairs</h1><figure><img src=a.jpg>\
             <figcaption><p>{caption}</p><p>Repair crews at work on the supports of the old bridge ... more</p>\
             </figcaption></figure>{BODY}<p>He said the town would wait and see what happens...</p></article>"
        ));
        let mut want = story_with(&["Bridge to close for repairs", caption]);
        want.push("He said the town would wait and see what happens...".to_owned());
        assert_eq!(sentences(&body), want);
    }

    #[test]
    fn cards_led_by_a_linked_title_are_teasers() {
        // Each card: a linked picture, a linked title in a block of its own,
        // a short summary; the story's list items open with a link inside
        // their sentence and stay.
        let card = |n: u32| {
            format!(
                "<div class=tile><div><a href=/s{n}><img src={n}.jpg></a></div>\
                 <div><a href=/s{n}>Another story number {n}</a></div>\
                 <div>A short summary of another story, with {n}0 figures in it.</div></div>"
            )
        };
        let cards: String = (1..=3).map(card).collect();
        let list = "<ul><li><a href=/a>Alder Street</a> will be closed to cars for the eight months.</li>\
                    <li><a href=/b>Mill Lane</a> stays open, with traffic lights at both ends.</li></ul>";
        let body = page(&format!(
            "<div class=page><h1>Bridge to close for repairs</h1>{BODY}{list}<div><h2>Popular now</h2>{cards}</div></div>"
        ));
        let mut want = story_with(&["Bridge to close for repairs"]);
        want.push("Alder Street will be closed to cars for the eight months.".to_owned());
        want.push("Mill Lane stays open, with traffic lights at both ends.".to_owned());
        // Its heading goes with the cards it stands over.
        assert_eq!(sentences(&body), want);
    }

    #[test]
    fn a_credit_that_ends_a_caption_is_dropped() {
        let body = page(&format!(
            "<article><h1>Bridge to close for repairs</h1>{BODY}\
             <figure><img src=a.jpg><figcaption>The bridge at dawn on Monday. (City Council via AP, File)</figcaption></figure>\
             <figure><img src=b.jpg><p>Crews at work on the supports. Credit: Jane Doe</p></figure>\
             <p>The council will meet again in May. It said so on Monday.</p></article>"
        ));
        let mut want = story_with(&["Bridge to close for repairs"]);
        want.push("The bridge at dawn on Monday.".to_owned());
        want.push("Crews at work on the supports.".to_owned());
        want.push("The council will meet again in May.".to_owned());
        want.push("It said so on Monday.".to_owned());
        assert_eq!(sentences(&body), want);
    }

    #[test]
    fn a_heading_over_nothing_but_furniture_is_dropped() {
        let related = "<ul class=related><li><a href=/a>Ring road works start in May</a></li>\
                       <li><a href=/b>Ferry fares to rise next year</a></li></ul>";
        let body = page(&format!(
            "<article><h1>Bridge to close for repairs</h1><h2>What happens next</h2>{BODY}\
             <h3>You may also like</h3>{related}</article>"
        ));
        let got = sentences(&body);
        assert_eq!(
            got,
            story_with(&["Bridge to close for repairs", "What happens next"])
        );
    }

    #[test]
    fn a_byline_of_linked_names_is_read() {
        let body = page(&format!(
            "<article><h1>Bridge to close for repairs</h1>\
             <p>By <a href=/jd>Jane Doe</a> and <a href=/js>John Smith</a></p>{BODY}\
             <p><a href=/t1>Roads</a> <a href=/t2>Council</a> <a href=/t3>Bridges</a></p></article>"
        ));
        assert_eq!(
            sentences(&body),
            story_with(&["Bridge to close for repairs", "By Jane Doe and John Smith"])
        );
    }

    #[test]
    fn an_agency_named_in_a_sentence_or_a_byline_is_read() {
        let body = page(&format!(
            "<article><h1>Bridge to close for repairs</h1>\
             <div class=byline><span><a href=/ap>Associated Press</a></span> <span>May 4, 2024, 9:02 AM</span></div>{BODY}\
             <p>The <a href=/r><em>Associated Press</em></a> reports that the ferry will run every hour.</p></article>"
        ));
        let mut want = story_with(&[
            "Bridge to close for repairs",
            "Associated Press May 4, 2024, 9:02 AM",
        ]);
        want.push("The Associated Press reports that the ferry will run every hour.".to_owned());
        assert_eq!(sentences(&body), want);
    }

    #[test]
    fn credits_that_name_an_agency_are_dropped() {
        let body = page(&format!(
            "<article><h1>Bridge to close for repairs</h1>{BODY}\
             <figure><img src=a.jpg><figcaption>The bridge at dawn on Monday.<span>(AP Photo/Jane Doe)</span></figcaption></figure>\
             <figure><img src=b.jpg><figcaption><p>Crews at work.</p><p>John Smith / AFP</p></figcaption></figure></article>"
        ));
        let mut want = story_with(&["Bridge to close for repairs"]);
        want.push("The bridge at dawn on Monday.".to_owned());
        want.push("Crews at work.".to_owned());
        assert_eq!(sentences(&body), want);
    }

    #[test]
    fn a_linked_sentence_is_prose_and_a_pop_up_of_links_is_not() {
        // Most of the sentence is a link: it is still a sentence.
        let linked = "<p>The inquiry had been shelved in 2017 but was <a href=/x>re-opened earlier this year after the cracks were found</a>.</p>";
        // A name's pop-up of that person's latest stories, inside a sentence.
        let popup = "<p>The mayor, Jane Doe<span class=pop><a href=/p>Jane Doe</a>\
                     <a href=/a1>Mayor opens new library in the old town hall</a>\
                     <a href=/a2>Budget vote delayed until after the summer recess</a>\
                     <a href=/a3>Council tax to rise by two percent next year</a></span>, said the work could not wait.</p>";
        let body = page(&format!(
            "<article><h1>Bridge to close for repairs</h1>{BODY}{linked}{popup}</article>"
        ));
        let mut want = story_with(&["Bridge to close for repairs"]);
        want.push(
            "The inquiry had been shelved in 2017 but was re-opened earlier this year after the cracks were found."
                .to_owned(),
        );
        want.push("The mayor, Jane Doe, said the work could not wait.".to_owned());
        assert_eq!(sentences(&body), want);
    }

    #[test]
    fn explain_lists_every_block_with_its_reason() {
        let body = page(&format!(
            "<header class=site><a href=/>The Gazette</a></header>\
             <article><h1>Bridge to close for repairs</h1>{BODY}<div class=related><a href=/x>Old bridge news</a></div></article>\
             <script>var x = 1;</script>"
        ));
        let mut out = Sink::explaining();
        read(&body, None, &mut out).unwrap();
        let (kept, blocks) = out.finish();
        let shown: Vec<(String, &str)> = blocks
            .iter()
            .map(|b| (b.reason.to_string(), b.text.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("site header".to_owned(), "The Gazette"),
                ("article".to_owned(), "Bridge to close for repairs"),
                ("article".to_owned(), BODY_SENTENCES[0]),
                ("article".to_owned(), BODY_SENTENCES[1]),
                ("article".to_owned(), BODY_SENTENCES[2]),
                ("named related".to_owned(), "Old bridge news"),
            ]
        );
        // The blocks read give exactly the sentences read.
        assert_eq!(kept, story_with(&["Bridge to close for repairs"]));
    }

    #[test]
    fn a_layout_table_keeps_its_paragraphs() {
        let body = page(&format!(
            "<table><tr><td><h1>Bridge to close for repairs</h1>{BODY}</td><td><a href=/a>Other news</a></td></tr></table>"
        ));
        assert_eq!(
            sentences(&body),
            story_with(&["Bridge to close for repairs"])
        );
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
