//! Finding the article on a page (spec: "Reading a source", second
//! revision): the story's headline, standfirst, byline, body, subheadings,
//! lists, tables, quotes and captions, not the page furniture around it.
//!
//! Three passes over the parsed tree, each linear in its size (the tree's
//! depth is bounded by [`super::depth`], and nothing here recurses):
//!
//! 1. Bottom up, every element's text is measured: all of it, what is link
//!    text, and its *story* text (runs of three words or more outside links:
//!    what paragraphs are made of, not menus or counters).
//! 2. The headline is chosen (the `<h1>` that shares most words with the
//!    page's `<title>`), then, bottom up again, each element's *clean* story
//!    text: its story text without the furniture inside it.
//! 3. The article is found by descending from `<body>` into the child that
//!    holds most (80 %) of the clean story text, until the text splits
//!    between children (a story's paragraphs, a live blog's posts) or an
//!    `<article>` or schema.org `articleBody` holds it. An empty `<main>`, a
//!    page-wide `<form>` or an `<article>` of reader comments is never chosen
//!    because it never holds the text.
//!
//! The reader ([`super::html`]) then walks the page and asks [`Finder::judge`]
//! about each element: furniture inside the article (by tag, ARIA role,
//! generic class and id words, link density, teaser cards, counters) is
//! dropped with its [`Reason`], so `read --explain` can say why. The signals
//! are generic words and shapes, never a site's own class names.
//!
//! Limits: what a page shows only through CSS classes (a `hidden` class, a
//! collapsed menu) or script is not seen; a story whose paragraphs are each
//! under three words has no story text, and then the whole body is read,
//! minus its furniture.

use std::collections::{HashMap, HashSet};
use std::fmt;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{Html, Node};

use super::html::{is_always_dropped, is_block, is_hidden};

/// Why a block of the page was read or not: what `read --explain` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// Kept: part of the article.
    Story,
    /// Kept: the story's headline (or its header), outside the element the
    /// article was found in.
    Headline,
    /// Kept: matched by the source's `select`.
    Selected,
    /// Dropped: not matched by `select`.
    NotSelected,
    /// Dropped: outside the article.
    OutsideArticle,
    /// Dropped: inside the article's element but before its headline
    /// (kickers, breadcrumbs, a video player's title).
    BeforeHeadline,
    /// Dropped: hidden by the page (`hidden`, `aria-hidden`, `display:none`).
    Hidden,
    /// Dropped: site navigation or a menu (`<nav>`, `<menu>`, role).
    Navigation,
    /// Dropped: a site header (`<header>` outside the article, not holding
    /// the headline).
    SiteHeader,
    /// Dropped: a footer.
    Footer,
    /// Dropped: an `<aside>` (a pull quote is not one).
    Aside,
    /// Dropped: a form to fill in, or a control (button, select).
    Form,
    /// Dropped: a class or id names it furniture; the word is the kind
    /// ("related", "comments", "advertisement", ...).
    Named(&'static str),
    /// Dropped: mostly link text (a list of other stories, tags, a menu).
    Links,
    /// Dropped: a teaser card of another story (a short block led by a
    /// linked heading, or a short nested `<article>`).
    Teaser,
    /// Dropped: the same text as a block read before it (a gallery's
    /// captions, a headline repeated in a share box).
    Repeated,
    /// Dropped: a counter or a control's label ("5 min read", "2 of 6",
    /// "Share", "12 comments").
    Counter,
    /// Dropped: a footnote marker glued to a word ("families<sup>2</sup>").
    Footnote,
    /// Dropped: a picture's credit ("Photo: Jane Doe/AP", "Image credit:
    /// NASA"), not its caption.
    Credit,
    /// Dropped: a call to the reader to act ("Follow us on Twitter", "Sign
    /// up for our newsletter", "Click here for more").
    CallToAction,
    /// Dropped: a heading over nothing but furniture ("You may also like"
    /// over a list of other stories).
    FurnitureHeading,
}

impl Reason {
    /// Whether the block is read.
    #[must_use]
    pub fn kept(self) -> bool {
        matches!(self, Reason::Story | Reason::Headline | Reason::Selected)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Story => f.write_str("article"),
            Reason::Headline => f.write_str("headline"),
            Reason::Selected => f.write_str("selected"),
            Reason::NotSelected => f.write_str("not selected"),
            Reason::OutsideArticle => f.write_str("outside the article"),
            Reason::BeforeHeadline => f.write_str("before the headline"),
            Reason::Hidden => f.write_str("hidden"),
            Reason::Navigation => f.write_str("navigation"),
            Reason::SiteHeader => f.write_str("site header"),
            Reason::Footer => f.write_str("footer"),
            Reason::Aside => f.write_str("aside"),
            Reason::Form => f.write_str("form or control"),
            Reason::Named(word) => write!(f, "named {word}"),
            Reason::Links => f.write_str("mostly links"),
            Reason::Teaser => f.write_str("teaser card"),
            Reason::Repeated => f.write_str("repeated"),
            Reason::Counter => f.write_str("counter or button label"),
            Reason::Footnote => f.write_str("footnote marker"),
            Reason::Credit => f.write_str("picture credit"),
            Reason::CallToAction => f.write_str("call to action"),
            Reason::FurnitureHeading => f.write_str("heading of furniture"),
        }
    }
}

/// Hashes a node id so that the table keeps document order in its low bits
/// (nodes are looked up in the order they were built, so neighbours in the
/// page are neighbours in memory) and spreads its tag bits: with the default
/// hasher every lookup on a page of a million elements was a cache miss.
#[derive(Debug, Default, Clone, Copy)]
struct NodeHasher(u64);

impl std::hash::Hasher for NodeHasher {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15) & 0xFE00_0000_0000_0000)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = n as u64;
    }
}

type NodeMap<V> = HashMap<NodeId, V, std::hash::BuildHasherDefault<NodeHasher>>;

/// An element's measures, in characters that are not white space.
#[derive(Debug, Default, Clone, Copy)]
struct Stats {
    /// All visible text.
    text: u32,
    /// Text inside links.
    link: u32,
    /// Text in runs of three words or more outside links.
    story: u32,
    /// Story text outside furniture (pass 2).
    clean: u32,
    /// Visible `<h1>`s inside.
    h1: u32,
    /// Block elements inside.
    blocks: u32,
    /// Headings inside that are mostly link text.
    linked_headings: u32,
    /// Short leaf blocks inside that are all link text (a card's title in a
    /// `<div>` or `<p>` rather than a heading).
    linked_titles: u32,
    /// Links (`<a>` elements) inside.
    anchors: u32,
    /// Whether its first text is link text (`Some(true)`): a card that
    /// leads with a link to another page.
    led_by_link: Option<bool>,
    /// Whether pass 2 judged it as furniture or not (the furniture found is
    /// in [`Finder::furniture_found`]), for the walk, which asks the same.
    judged: bool,
}

/// The article of a page: where it is, and how to judge each element.
pub(crate) struct Finder {
    stats: NodeMap<Stats>,
    /// The furniture pass 2 found, and why (most elements are not).
    furniture_found: NodeMap<Reason>,
    /// The element the article was found in.
    pub(crate) root: NodeId,
    /// The headline `<h1>`, if the page has one.
    pub(crate) headline: Option<NodeId>,
    /// The headline and every element around it: never furniture.
    around_headline: HashSet<NodeId>,
    /// The story text of the whole body: the measure of "most of the page".
    body_story: u32,
    /// The page's `<html lang>`.
    pub(crate) lang: Option<String>,
    /// Visible words on the whole page, and script bytes (for the notes).
    pub(crate) page_words: usize,
    pub(crate) script_bytes: usize,
}

/// Words that name furniture in class and id attributes, as whole words of
/// the name (split at `-`, `_`, spaces and camelCase), alone or joined with
/// the next word ("read-more", "mostPopular"). Generic words only.
const NAMES: &[(&str, &str)] = &[
    ("related", "related"),
    ("readmore", "read more"),
    ("morestories", "more stories"),
    ("morenews", "more stories"),
    ("morearticles", "more stories"),
    ("morefrom", "more stories"),
    ("moreon", "more stories"),
    ("popular", "most popular"),
    ("mostread", "most popular"),
    ("mostviewed", "most popular"),
    ("trending", "most popular"),
    ("recommended", "recommended"),
    ("recommendation", "recommended"),
    ("recommendations", "recommended"),
    ("recirc", "recommended"),
    ("recirculation", "recommended"),
    ("outbrain", "recommended"),
    ("taboola", "recommended"),
    ("teaser", "teaser"),
    ("teasers", "teaser"),
    ("promo", "teaser"),
    ("promos", "teaser"),
    ("share", "share"),
    ("sharing", "share"),
    ("sharebar", "share"),
    ("comment", "comments"),
    ("comments", "comments"),
    ("disqus", "comments"),
    ("newsletter", "newsletter"),
    ("newsletters", "newsletter"),
    ("subscribe", "newsletter"),
    ("subscription", "newsletter"),
    ("signup", "newsletter"),
    ("cta", "newsletter"),
    ("cookie", "cookie"),
    ("cookies", "cookie"),
    ("consent", "cookie"),
    ("gdpr", "cookie"),
    ("ad", "advertisement"),
    ("ads", "advertisement"),
    ("advert", "advertisement"),
    ("adverts", "advertisement"),
    ("advertisement", "advertisement"),
    ("advertising", "advertisement"),
    ("sponsor", "advertisement"),
    ("sponsored", "advertisement"),
    ("dfp", "advertisement"),
    ("adslot", "advertisement"),
    ("adunit", "advertisement"),
    ("nav", "navigation"),
    ("navbar", "navigation"),
    ("navigation", "navigation"),
    ("menu", "navigation"),
    ("breadcrumb", "navigation"),
    ("breadcrumbs", "navigation"),
    ("pagination", "navigation"),
    ("pager", "navigation"),
    ("sidebar", "sidebar"),
    ("rail", "sidebar"),
    ("footer", "footer"),
    ("masthead", "site header"),
    ("siteheader", "site header"),
    ("authorbio", "author box"),
    ("bio", "author box"),
    ("aboutauthor", "author box"),
    ("authorbox", "author box"),
    ("carousel", "carousel"),
    ("playlist", "carousel"),
    ("sronly", "screen-reader text"),
    ("visuallyhidden", "screen-reader text"),
    ("offscreen", "screen-reader text"),
    ("screenreader", "screen-reader text"),
    ("modal", "pop-up"),
    ("popup", "pop-up"),
    ("toolbar", "toolbar"),
    ("count", "counter"),
    ("counter", "counter"),
];

/// Class names that hide an element in the common CSS frameworks.
const HIDING: &[&str] = &["hidden", "d-none", "is-hidden", "hide", "invisible"];

/// The furniture word a class or id names, if any.
fn named(el: &Element) -> Option<&'static str> {
    // A utility class that hides an element ("hidden", "d-none"), as a
    // whole class name: "hidden-xs" hides it on small screens only.
    if el.attr("class").is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|c| HIDING.iter().any(|h| c.eq_ignore_ascii_case(h)))
    }) {
        return Some("hidden");
    }
    let mut words: Vec<String> = Vec::new();
    for attr in ["class", "id"] {
        if let Some(value) = el.attr(attr) {
            split_name(value, &mut words);
        }
    }
    if words.iter().any(|w| w == "quote" || w == "pullquote") {
        return None;
    }
    let lookup = |w: &str| NAMES.iter().find(|(n, _)| *n == w).map(|&(_, kind)| kind);
    for (i, w) in words.iter().enumerate() {
        if let Some(kind) = lookup(w) {
            return Some(kind);
        }
        if let Some(next) = words.get(i + 1)
            && let Some(kind) = lookup(&format!("{w}{next}"))
        {
            return Some(kind);
        }
    }
    None
}

/// "related-stories relatedPosts" as related, stories, "", related, posts,
/// "": the words of each class name, then an empty word, so that no pair is
/// joined across two class names.
fn split_name(value: &str, out: &mut Vec<String>) {
    for class in value.split_ascii_whitespace() {
        for part in class.split(|c: char| !c.is_ascii_alphanumeric()) {
            let mut word = String::new();
            let mut prev_lower = false;
            for c in part.chars() {
                if c.is_ascii_uppercase() && prev_lower && !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
                prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
                word.push(c.to_ascii_lowercase());
            }
            if !word.is_empty() {
                out.push(word);
            }
        }
        out.push(String::new());
    }
}

/// The furniture an ARIA role names.
fn role(el: &Element) -> Option<Reason> {
    match el.attr("role")?.trim().to_ascii_lowercase().as_str() {
        "navigation" | "menu" | "menubar" => Some(Reason::Navigation),
        "banner" => Some(Reason::SiteHeader),
        "contentinfo" => Some(Reason::Footer),
        "complementary" => Some(Reason::Aside),
        "dialog" | "alertdialog" | "search" => Some(Reason::Form),
        _ => None,
    }
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Non-white-space characters and words of a text.
fn measure(text: &str) -> (u32, u32) {
    let mut chars = 0u32;
    let mut words = 0u32;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_whitespace() {
            in_word = false;
        } else {
            chars = chars.saturating_add(1);
            if !in_word {
                words = words.saturating_add(1);
                in_word = true;
            }
        }
    }
    (chars, words)
}

impl Finder {
    /// Measures a parsed page and finds its article.
    pub(crate) fn new(doc: &Html) -> Finder {
        let mut finder = Finder {
            stats: NodeMap::with_capacity_and_hasher(
                doc.tree.nodes().size_hint().0,
                std::hash::BuildHasherDefault::default(),
            ),
            furniture_found: NodeMap::default(),
            root: doc.root_element().id(),
            headline: None,
            around_headline: HashSet::new(),
            body_story: 0,
            lang: doc.root_element().attr("lang").map(str::to_owned),
            page_words: 0,
            script_bytes: 0,
        };
        let mut title = String::new();
        let mut h1s = Vec::new();
        let mut body = None;
        finder.measure_all(doc, &mut title, &mut h1s, &mut body);
        let body = body.unwrap_or_else(|| doc.root_element().id());
        finder.body_story = finder.get(body).story;
        finder.headline = choose_headline(doc, &title, &h1s);
        if let Some(h) = finder.headline.and_then(|h| doc.tree.get(h)) {
            finder.around_headline.insert(h.id());
            finder.around_headline.extend(h.ancestors().map(|a| a.id()));
        }
        finder.clean_all(doc);
        finder.root = finder.descend(doc, body);
        if let Some(article) = finder.headline_article(doc) {
            finder.root = article;
        }
        finder
    }

    /// The `<article>` below the chosen element that holds the headline and
    /// a story of its own: among several sibling articles (a story and the
    /// posts it recommends), the one with the headline is the story. A live
    /// blog's headline stands above its posts, so its posts stay read.
    fn headline_article(&self, doc: &Html) -> Option<NodeId> {
        let headline = doc.tree.get(self.headline?)?;
        let mut found = None;
        for a in headline.ancestors() {
            if a.id() == self.root {
                return found.filter(|&id| self.get(id).clean >= 500);
            }
            if a.value()
                .as_element()
                .is_some_and(|e| e.name() == "article")
            {
                found = Some(a.id());
            }
        }
        None
    }

    fn get(&self, id: NodeId) -> Stats {
        self.stats.get(&id).copied().unwrap_or_default()
    }

    /// Pass 1: text, link text, story text, headings, bottom up.
    fn measure_all(
        &mut self,
        doc: &Html,
        title: &mut String,
        h1s: &mut Vec<NodeId>,
        body: &mut Option<NodeId>,
    ) {
        // Open elements and what they hold so far.
        let mut stack: Vec<(NodeId, Stats)> = Vec::new();
        let mut skip = 0usize;
        let mut links = 0usize;
        let mut in_title = false;
        let mut seen_title = false;
        for edge in doc.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        let name = el.name();
                        if skip > 0 {
                            skip += 1;
                            continue;
                        }
                        if name == "meta"
                            && el
                                .attr("property")
                                .or_else(|| el.attr("name"))
                                .is_some_and(|p| {
                                    p.eq_ignore_ascii_case("og:title")
                                        || p.eq_ignore_ascii_case("twitter:title")
                                })
                        {
                            title.push(' ');
                            title.push_str(el.attr("content").unwrap_or(""));
                            title.push(' ');
                        }
                        if name == "title" && !seen_title {
                            in_title = true;
                            seen_title = true;
                        }
                        if name == "body" && body.is_none() {
                            *body = Some(node.id());
                        }
                        if name != "head" && (is_always_dropped(name) || is_hidden(el.attrs())) {
                            if matches!(name, "script" | "style") {
                                self.script_bytes += node
                                    .children()
                                    .filter_map(|c| c.value().as_text().map(|t| t.len()))
                                    .sum::<usize>();
                            }
                            skip = 1;
                            continue;
                        }
                        if name == "a" {
                            links += 1;
                        }
                        if matches!(name, "h1" | "h2") {
                            h1s.push(node.id());
                        }
                        stack.push((node.id(), Stats::default()));
                    }
                    Node::Text(text) => {
                        if in_title {
                            title.push_str(text);
                        }
                        if skip > 0 {
                            continue;
                        }
                        let Some((_, top)) = stack.last_mut() else {
                            continue;
                        };
                        let (chars, words) = measure(text);
                        top.text += chars;
                        if chars > 0 && top.led_by_link.is_none() {
                            top.led_by_link = Some(links > 0);
                        }
                        if links > 0 {
                            top.link += chars;
                        } else if words >= 3 {
                            top.story += chars;
                        }
                        self.page_words += words as usize;
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    let Node::Element(el) = node.value() else {
                        continue;
                    };
                    if el.name() == "title" {
                        in_title = false;
                    }
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    let Some((id, mut stats)) = stack.pop() else {
                        continue;
                    };
                    let name = el.name();
                    if name == "a" {
                        links = links.saturating_sub(1);
                    }
                    if name == "h1" {
                        stats.h1 += 1;
                    }
                    if name == "a" {
                        stats.anchors += 1;
                    }
                    if is_heading(name) && stats.text > 0 && stats.link * 2 >= stats.text {
                        stats.linked_headings += 1;
                    }
                    if is_block(name)
                        && stats.blocks == 0
                        && (1..=150).contains(&stats.text)
                        && stats.link * 10 >= stats.text * 9
                    {
                        stats.linked_titles += 1;
                    }
                    // A pop-up of links inside a sentence is not measured as
                    // part of the sentence's paragraph.
                    let popup = is_link_popup(name, stats);
                    if let Some((_, parent)) = stack.last_mut()
                        && popup
                    {
                        parent.blocks += stats.blocks;
                        parent.h1 += stats.h1;
                    } else if let Some((_, parent)) = stack.last_mut() {
                        parent.text += stats.text;
                        parent.link += stats.link;
                        parent.story += stats.story;
                        parent.h1 += stats.h1;
                        parent.blocks += stats.blocks + u32::from(is_block(name));
                        parent.linked_headings += stats.linked_headings;
                        parent.linked_titles += stats.linked_titles;
                        parent.anchors += stats.anchors;
                        if parent.led_by_link.is_none() {
                            parent.led_by_link = stats.led_by_link;
                        }
                    }
                    self.stats.insert(id, stats);
                }
            }
        }
    }

    /// Pass 2: each element's story text without the furniture inside it.
    fn clean_all(&mut self, doc: &Html) {
        let mut stack: Vec<(NodeId, u32)> = Vec::new();
        let mut skip = 0usize;
        let mut articles = 0usize;
        let mut links = 0usize;
        for edge in doc.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        if skip > 0 || !self.stats.contains_key(&node.id()) {
                            skip += 1;
                            continue;
                        }
                        if el.name() == "a" {
                            links += 1;
                        }
                        if matches!(el.name(), "article" | "main") {
                            articles += 1;
                        }
                        stack.push((node.id(), 0));
                    }
                    Node::Text(text) if skip == 0 && links == 0 => {
                        let (chars, words) = measure(text);
                        if words >= 3
                            && let Some((_, clean)) = stack.last_mut()
                        {
                            *clean += chars;
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
                    let Some((id, clean)) = stack.pop() else {
                        continue;
                    };
                    if el.name() == "a" {
                        links = links.saturating_sub(1);
                    }
                    if matches!(el.name(), "article" | "main") {
                        articles = articles.saturating_sub(1);
                    }
                    let judged = self.furniture(id, el, articles > 0, false);
                    if let Some(stats) = self.stats.get_mut(&id) {
                        stats.clean = clean;
                        stats.judged = true;
                    }
                    if let Some(reason) = judged {
                        self.furniture_found.insert(id, reason);
                    }
                    let furniture = judged.is_some();
                    if let Some((_, parent)) = stack.last_mut()
                        && !furniture
                    {
                        *parent += clean;
                    }
                }
            }
        }
    }

    /// Pass 3: from `<body>` into the child holding most of the story.
    fn descend(&self, doc: &Html, body: NodeId) -> NodeId {
        let mut at = body;
        loop {
            let Some(node) = doc.tree.get(at) else {
                return at;
            };
            if at != body
                && let Node::Element(el) = node.value()
                && (el.name() == "article" || el.attr("itemprop").is_some_and(is_article_body))
            {
                return at;
            }
            let total = self.get(at).clean;
            if total == 0 {
                return at;
            }
            let next = node.children().find(|c| {
                c.value().is_element()
                    && u64::from(self.get(c.id()).clean) * 5 >= u64::from(total) * 4
            });
            match next {
                Some(child) => at = child.id(),
                None => return at,
            }
        }
    }

    /// Whether an element (inside the article or not) is furniture, and why.
    /// `in_article`: an `<article>` or `<main>` encloses it. `walk`: asked
    /// while reading, when pass 2's answer (the same question) is reused.
    pub(crate) fn furniture(
        &self,
        id: NodeId,
        el: &Element,
        in_article: bool,
        walk: bool,
    ) -> Option<Reason> {
        let stats = self.get(id);
        // Pass 2 judged it with the same question.
        if walk && stats.judged {
            return self.furniture_found.get(&id).copied();
        }
        if self.around_headline.contains(&id) {
            return None;
        }
        let name = el.name();
        let tag = match name {
            "nav" | "menu" => Some(Reason::Navigation),
            "footer" => Some(Reason::Footer),
            "aside" if named_quote(el) => None,
            "aside" => Some(Reason::Aside),
            "header" if !in_article => Some(Reason::SiteHeader),
            "form" if !self.dominant(stats) => Some(Reason::Form),
            "button" | "select" | "option" | "label" | "textarea" | "dialog" => Some(Reason::Form),
            _ => role(el),
        };
        if tag.is_some() {
            return tag;
        }
        // An element holding most of the page's text is not judged by its
        // name or links (a wrapper named "main has-sidebar"), unless it is
        // named for reader comments, which can outgrow any story.
        let named = named(el);
        if self.dominant(stats) && named != Some("comments") {
            return None;
        }
        if let Some(word) = named {
            return Some(Reason::Named(word));
        }
        let words_ish = stats.text / 6;
        if matches!(name, "article" | "li" | "div" | "section")
            && stats.linked_headings > 0
            && words_ish < 80
            && stats.story < 400
        {
            return Some(Reason::Teaser);
        }
        if name == "article" && in_article && stats.story < 300 && stats.link * 3 >= stats.text {
            return Some(Reason::Teaser);
        }
        // A card that opens with a linked title in a block of its own and
        // goes on with a short summary: another story's teaser. A list item
        // that opens with a link inside its sentence is not one.
        if matches!(name, "article" | "li" | "div" | "section")
            && stats.led_by_link == Some(true)
            && stats.linked_titles > 0
            && stats.text > stats.link
            && words_ish < 60
            && stats.story < 300
        {
            return Some(Reason::Teaser);
        }
        let linky = stats.text > 0 && stats.link * 2 >= stats.text;
        // A paragraph whose own words make sentences is prose, however much
        // of it is linked ("... but was <a>re-opened earlier this year</a>.").
        let prose = matches!(name, "p" | "blockquote" | "dd") && stats.story * 4 >= stats.text;
        if linky && is_block(name) && name != "h1" && !prose {
            return Some(Reason::Links);
        }
        if is_link_popup(name, stats) {
            return Some(Reason::Links);
        }
        None
    }

    /// Holds most of the page's story: never furniture, whatever its name.
    fn dominant(&self, stats: Stats) -> bool {
        self.body_story > 0 && u64::from(stats.story) * 2 >= u64::from(self.body_story)
    }

    /// An element's text length (non-white-space characters), for counters.
    pub(crate) fn text_len(&self, id: NodeId) -> u32 {
        self.get(id).text
    }

    /// Whether pass 2 found an element to be furniture.
    pub(crate) fn is_furniture(&self, id: NodeId) -> bool {
        self.furniture_found.contains_key(&id)
    }

    /// An element's link text length (non-white-space characters).
    pub(crate) fn link_len(&self, id: NodeId) -> u32 {
        self.get(id).link
    }

    /// An element's story text without its furniture.
    pub(crate) fn clean(&self, id: NodeId) -> u32 {
        self.get(id).clean
    }

    /// The story text in the article's element before the headline.
    pub(crate) fn story_before_headline(&self, doc: &Html) -> u32 {
        let (Some(root), Some(headline)) = (doc.tree.get(self.root), self.headline) else {
            return 0;
        };
        let mut chars = 0u32;
        let mut links = 0usize;
        // Inside a card that leads with a link (a ticker's or a list's items
        // of other stories, each a linked title and a summary).
        let mut card = 0usize;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) if node.id() == headline => break,
                Edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        if el.name() == "a" {
                            links += 1;
                        }
                        if card > 0
                            || (matches!(el.name(), "li" | "article")
                                && self.get(node.id()).led_by_link == Some(true)
                                && !self.around_headline.contains(&node.id()))
                        {
                            card += 1;
                        }
                    }
                    Node::Text(text) if links == 0 && card == 0 => {
                        let (c, words) = measure(text);
                        if words >= 3 {
                            chars = chars.saturating_add(c);
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if node.value().as_element().is_some_and(|e| e.name() == "a") {
                        links = links.saturating_sub(1);
                    }
                    if node.value().is_element() {
                        card = card.saturating_sub(1);
                    }
                }
            }
        }
        chars
    }

    /// Whether an element holds an `<h1>`.
    pub(crate) fn has_h1(&self, id: NodeId) -> bool {
        self.get(id).h1 > 0
    }

    /// Block elements inside an element (for layout tables).
    pub(crate) fn blocks(&self, id: NodeId) -> u32 {
        self.get(id).blocks
    }
}

/// Inside a paragraph, an inline element of three links or more that is
/// mostly links: a pop-up (a person's latest stories, shown on hover), not
/// part of the sentence.
fn is_link_popup(name: &str, stats: Stats) -> bool {
    !is_block(name)
        && name != "a"
        && stats.anchors >= 3
        && stats.text > 0
        && stats.link * 2 >= stats.text
}

fn is_article_body(value: &str) -> bool {
    value
        .split_ascii_whitespace()
        .any(|v| v.eq_ignore_ascii_case("articlebody"))
}

fn named_quote(el: &Element) -> bool {
    let mut words = Vec::new();
    for attr in ["class", "id"] {
        if let Some(v) = el.attr(attr) {
            split_name(v, &mut words);
        }
    }
    words.iter().any(|w| w.contains("quote"))
}

/// The headline: of the visible `<h1>`s and `<h2>`s, the one that best
/// matches the page's `<title>` and `og:title` (usually "Headline | Site"),
/// an `<h1>` before an `<h2>`; an `<h2>` only when it shares three
/// words or more and most of its own. Without a title to go by, the first
/// `<h1>` of three words or more, else the first.
fn choose_headline(doc: &Html, title: &str, headings: &[NodeId]) -> Option<NodeId> {
    let title_words: HashSet<String> = super::words(title)
        .iter()
        .map(|w| super::fold(&title[w.start..w.end]))
        .collect();
    let mut best: Option<((i64, bool, bool), NodeId)> = None;
    for &id in headings {
        let Some(node) = doc.tree.get(id) else {
            continue;
        };
        let h1 = node.value().as_element().is_some_and(|e| e.name() == "h1");
        let text = element_text(node);
        let words = super::words(&text);
        if words.is_empty() {
            continue;
        }
        let shared = words
            .iter()
            .filter(|w| title_words.contains(&super::fold(&text[w.start..w.end])))
            .count();
        if !h1 && (shared < 3 || shared * 2 <= words.len()) {
            continue;
        }
        // Words it shares with the title, less those it does not: a
        // comment section's "34 responses to <headline>" loses to the
        // headline itself.
        let key = (
            i64::try_from(shared).unwrap_or(i64::MAX)
                - i64::try_from(words.len() - shared).unwrap_or(i64::MAX),
            h1,
            words.len() >= 3,
        );
        if best.is_none_or(|(k, _)| key > k) {
            best = Some((key, id));
        }
    }
    best.map(|(_, id)| id)
}

/// All the text of an element, its text nodes joined as they stand (for
/// judging a short element by its words, not for reading).
pub(crate) fn element_text(node: ego_tree::NodeRef<'_, Node>) -> String {
    node.descendants()
        .filter_map(|d| d.value().as_text().map(|t| &**t))
        .collect()
}

/// Labels of controls and counters that are the whole text of an element.
const LABELS: &[&[&str]] = &[
    &["share"],
    &["share", "this"],
    &["share", "this", "article"],
    &["share", "this", "story"],
    &["tweet"],
    &["email"],
    &["print"],
    &["print", "article"],
    &["print", "this", "article"],
    &["order", "reprints"],
    &["text", "size"],
    &["font", "size"],
    &["caption"],
    &["hide", "caption"],
    &["back", "to", "gallery"],
    &["enlarge", "this", "image"],
    &["view", "gallery"],
    &["next"],
    &["previous"],
    &["comments"],
    &["comment"],
    &["read", "more"],
    &["continue", "reading"],
    &["show", "more"],
    &["load", "more"],
    &["see", "more"],
    &["view", "comments"],
    &["advertisement"],
    &["skip", "ad"],
    &["sponsored"],
    &["close"],
    &["advert"],
    &["more"],
    &["less"],
    &["show", "less"],
    &["read", "less"],
    &["like", "this"],
    &["like", "loading..."],
    &["like", "loading"],
    &["click", "to", "tweet"],
    &["tweet", "this"],
];

/// How a call to the reader opens.
const CALLS: &[&str] = &[
    "follow us",
    "like us on",
    "sign up for",
    "sign up to",
    "subscribe to ",
    "chat with us",
    "share it with",
    "subscribe now",
    "subscribe today",
    "click here",
    "join the conversation",
    "to read the full story",
    "tell us what you think",
    "share your thoughts",
];

/// Social networks a "follow ..." line names.
const NETWORKS: &[&str] = &["twitter", "facebook", "instagram", "youtube", "linkedin"];

/// A short block's text is a call to the reader to act, not a statement:
/// "Follow us on Twitter", "Sign up for our newsletter", "Click here to
/// see more", "Follow Jane Doe on Twitter @jdoe".
pub(crate) fn is_call_to_action(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let words = lower.split_whitespace().count();
    if words > 25 {
        return false;
    }
    if CALLS.iter().any(|c| lower.starts_with(c)) {
        return true;
    }
    lower.starts_with("follow ") && NETWORKS.iter().any(|n| lower.contains(n))
}

/// How a picture's credit opens: "Photo: ...", "(Image credit: ...)".
const CREDITS: &[&str] = &[
    "credit",
    "credits",
    "photo",
    "photos",
    "photo credit",
    "photograph",
    "photographs",
    "picture",
    "pictures",
    "image",
    "images",
    "image credit",
    "image source",
    "illustration",
    "source",
    // The same words in the languages of the news pages read most.
    "foto",
    "fotos",
    "fotó",
    "fotografia",
    "fotografía",
    "bild",
    "bilder",
    "bildquelle",
    "imagem",
    "imagen",
    "immagine",
    "crédit",
    "crédits",
    "crédito",
    "créditos",
    "credito",
    "fot.",
    "zdjęcie",
    "kuva",
    "фото",
    "иллюстрация",
];

/// A short element's text is a picture's credit: a credit word and a colon,
/// then a name or two ("Photo: Jane Doe, AP", "(Image credit: NASA)").
pub(crate) fn is_credit(text: &str) -> bool {
    let bracketed = text.trim().starts_with(['(', '[']);
    let text = text.trim().trim_start_matches(['(', '[']).trim_start();
    // "© Jane Doe", "Image copyright Getty Images"
    let lower = text.to_lowercase();
    if ["©", "copyright ", "image copyright ", "photo copyright "]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return (2..=8).contains(&text.split_whitespace().count());
    }
    let words = text.split_whitespace().count();
    // "(AP Photo/Jane Doe)", "Photo by Jane Doe/Getty Images"
    if [
        "ap photo",
        "photo courtesy",
        "photo by ",
        "photos by ",
        "photograph by ",
        "image by ",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
    {
        return words <= 14;
    }
    // "Courtesy of Jane Doe", "Courtesy Google"
    if lower.starts_with("courtesy ") && words <= 6 {
        return true;
    }
    // "Jane Doe / AP file", "(NASA via AP, File)", "Jane Doe/Reuters": a
    // short line that ends with a picture agency after a slash or "via".
    if words <= 8 && by_agency(&lower, bracketed) {
        return true;
    }
    let Some((head, rest)) = text.split_once(':') else {
        return false;
    };
    let head = head.trim().to_lowercase();
    let words = rest.split_whitespace().count();
    CREDITS.contains(&head.as_str()) && (1..=8).contains(&words)
}

/// Picture agencies, as a credit names them after a slash or "via".
const AGENCIES: &[&str] = &[
    "ap",
    "afp",
    "reuters",
    "getty images",
    "getty",
    "epa",
    "shutterstock",
    "alamy",
    "pa wire",
    "pa images",
    "ap images",
    "afp/getty images",
    "associated press",
    "afp via getty images",
    "afp via getty",
    "science photo library",
    "dpa",
    "picture alliance",
    "picture-alliance",
    "imago",
    "keystone",
    "efe",
    "ansa",
    "anp",
    "belga",
    "xinhua",
    "kyodo",
    "tass",
    "ria novosti",
    "anadolu",
];

/// "jane doe / ap file", "(nasa via ap, file)": the text after the last
/// slash (or " via ", in brackets), less "file" and brackets, is an agency.
fn by_agency(lower: &str, bracketed: bool) -> bool {
    let lower = lower.trim().trim_end_matches([')', ']']).trim();
    let via = lower.rfind(" via ").filter(|_| bracketed);
    let tail = match (lower.rfind('/'), via) {
        (Some(slash), Some(via)) if via > slash => &lower[via + 5..],
        (_, Some(via)) if !lower.contains('/') => &lower[via + 5..],
        (Some(slash), _) => &lower[slash + 1..],
        _ => return false,
    };
    let tail = tail
        .trim()
        .trim_end_matches("file")
        .trim_end_matches([',', ' '])
        .trim();
    AGENCIES.contains(&tail)
}

/// The text of an element standing on its own (not a link inside a
/// sentence) is a picture agency's credit: the agency alone ("Getty
/// Images", "(AP)") or after a name ("Alex Wong | Getty Images", "Michael
/// Conroy, AP"). Inside a sentence, "According to Reuters" names a source.
pub(crate) fn is_agency_credit(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let lower = lower
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']'])
        .trim();
    if AGENCIES.contains(&lower) {
        return true;
    }
    lower.split_whitespace().count() <= 6
        && lower
            .rsplit_once(['|', ','])
            .is_some_and(|(_, tail)| AGENCIES.contains(&tail.trim()))
}

/// A short element's text is a counter or a control's label: "5 min read",
/// "Photo 2 of 6", "12 comments", "Share", "Read more".
pub(crate) fn is_counter(text: &str) -> bool {
    // "1of4" as "1 of 4": digits and letters glued by markup.
    let mut lower = String::with_capacity(text.len() + 4);
    let mut prev: Option<char> = None;
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if prev.is_some_and(|p| {
            p.is_ascii_digit() != c.is_ascii_digit() && p.is_alphanumeric() && c.is_alphanumeric()
        }) {
            lower.push(' ');
        }
        lower.push(c);
        prev = Some(c);
    }
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ':' | '|' | '/' | '·'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == ',');
    if LABELS.iter().any(|l| **l == *words) {
        return true;
    }
    if is_reading_time(&words, number) {
        return true;
    }
    let digits: Vec<bool> = words.iter().map(|w| number(w)).collect();
    match (words.as_slice(), digits.as_slice()) {
        // "2 of 6", "Photo 2 of 6", "Slide 2 / 6" (the slash is a separator)
        ([_, "of", _], [true, _, true]) | ([_, _], [true, true]) => true,
        ([kind, _, "of", _], [_, true, _, true]) | ([kind, _, _], [_, true, true])
            if matches!(
                *kind,
                "photo" | "photograph" | "image" | "picture" | "slide" | "video" | "gallery"
            ) =>
        {
            true
        }
        // "12 comments", "3 shares"
        ([_, kind], [true, _])
            if matches!(
                *kind,
                "comment" | "comments" | "shares" | "share" | "replies" | "views"
            ) =>
        {
            true
        }
        // "Comments 12", "Share 3"
        ([kind, _], [_, true]) if matches!(*kind, "comments" | "comment" | "shares" | "share") => {
            true
        }
        _ => false,
    }
}

/// Words of a reading-time label, in the languages of the news pages read
/// most ("Reading time", "Lesezeit", "Tempo de leitura", "Temps de
/// lecture", "Tiempo de lectura", "Leestijd", "Czas czytania", "Время
/// чтения"...). The label's own word for reading is in `READING`.
const READING_LABEL: &[&str] = &[
    "estimated",
    "time",
    "tempo",
    "temps",
    "tiempo",
    "czas",
    "время",
    "de",
    "di",
    "do",
    "of",
];
const READING: &[&str] = &[
    "read",
    "reading",
    "lesezeit",
    "lesedauer",
    "leitura",
    "lecture",
    "lectura",
    "lettura",
    "leestijd",
    "czytania",
    "чтения",
    "lesetid",
    "lästid",
    "lukuaika",
    "okuma",
    "süresi",
];
const MINUTES: &[&str] = &[
    "min",
    "mins",
    "minute",
    "minutes",
    "minuten",
    "minuto",
    "minutos",
    "minuti",
    "minut",
    "minuty",
    "minuter",
    "minutter",
    "minuutti",
    "minuuttia",
    "dakika",
    "минут",
    "минуты",
    "минута",
    "мин",
];

/// A reading-time counter in any of those languages: a number, a minute
/// word and a word for reading, and nothing else ("5 min read",
/// "Lesezeit: 3 Min.", "Tempo de leitura: 1 minuto", "Reading time 5
/// minutes").
fn is_reading_time(words: &[&str], number: impl Fn(&str) -> bool) -> bool {
    let (mut numbers, mut minutes, mut reading) = (0, 0, 0);
    for w in words {
        // "Min.", "5 minutes' read"
        let w = w.trim_end_matches(['.', '\'', '’']);
        if number(w) {
            numbers += 1;
        } else if MINUTES.contains(&w) {
            minutes += 1;
        } else if READING.contains(&w) {
            reading += 1;
        } else if !READING_LABEL.contains(&w) {
            return false;
        }
    }
    numbers == 1 && minutes == 1 && reading >= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        let cases: &[(&str, Option<&str>)] = &[
            ("related-stories", Some("related")),
            ("relatedPosts", Some("related")),
            ("read-more", Some("read more")),
            ("ReadMore", Some("read more")),
            ("mostPopular", Some("most popular")),
            ("comments-area", Some("comments")),
            ("ad-slot", Some("advertisement")),
            ("off-screen", Some("screen-reader text")),
            ("hidden", Some("hidden")),
            ("post d-none", Some("hidden")),
            ("hidden-xs", None),
            ("article-body", None),
            ("headline", None),
            ("shadow", None),
            ("loaded", None),
            ("pullquote share", None),
            ("story more", None),
            ("read other-more", None),
        ];
        for (class, want) in cases {
            let html = Html::parse_fragment(&format!("<div class=\"{class}\"></div>"));
            let el = html
                .tree
                .root()
                .descendants()
                .find_map(|n| {
                    n.value()
                        .as_element()
                        .filter(|e| e.name() == "div")
                        .cloned()
                })
                .unwrap();
            assert_eq!(named(&el), *want, "{class}");
        }
    }

    #[test]
    fn credits() {
        for text in [
            "Credit: EPA",
            "Photo: Jane Doe, AP",
            "(Image credit: NASA/JPL)",
            "Image: Getty",
            "Photograph: John Smith/The Gazette",
            "Image copyright Getty Images",
            "© Jane Doe",
            "(AP Photo/Jane Doe)",
            "(Photo by Jane Doe/Getty Images for The Gazette)",
            "Jane Doe / AP file",
            "(NASA via AP, File)",
            "John SMITH / AFP",
            "Courtesy of the city council",
            "Foto: dpa",
            "Foto: Jan Müller/dpa",
            "Bild: picture alliance / Jan Müller",
            "Photo : AFP",
            "Crédito: Marcelo Silva",
            "Фото: Иван Петров",
            "Jan Müller / dpa",
        ] {
            assert!(is_credit(text), "{text}");
        }
        for text in [
            "Getty Images",
            "(AP)",
            "Alex Wong | Getty Images",
            "Michael Conroy, AP",
            "(dpa)",
            "Jan Müller, picture alliance",
        ] {
            assert!(is_agency_credit(text), "{text}");
            assert!(!is_credit(text), "{text}");
        }
        for text in ["Paris, France", "Harrisburg, PA", "AP style"] {
            assert!(!is_agency_credit(text), "{text}");
        }
        for text in [
            "Photo: the bridge at dawn, as crews arrived to begin work on the cracked supports",
            "Credit: a rating agency cut the city's score on Tuesday",
            "Source of the leak: unknown",
            "Note: figures are rounded",
            "Credit",
            "Copyright law was changed in 1998 after a long campaign by authors",
            "The shop is open 24/7",
            "He sent it via AP",
            "Paris, France",
            "Harrisburg, PA",
            "The courtesy of the staff was praised by every guest who stayed at the hotel that year",
            "Photo by photo, the album tells the story of a town that lost its mill and its school",
            "Foto: Die Brücke am Morgen, als die Arbeiter an den gerissenen Stützen zu arbeiten begannen",
        ] {
            assert!(!is_credit(text), "{text}");
        }
    }

    #[test]
    fn calls_to_action() {
        for text in [
            "Follow us on Twitter and Facebook.",
            "Follow Jane Doe on Twitter @jdoe",
            "Sign up for our daily newsletter.",
            "Click here for more information.",
        ] {
            assert!(is_call_to_action(text), "{text}");
        }
        for text in [
            "Follow-up inspections found two more cracks.",
            "Residents can sign up for the scheme at the town hall.",
            "Followers of the mayor on Twitter were angry.",
        ] {
            assert!(!is_call_to_action(text), "{text}");
        }
    }

    #[test]
    fn counters() {
        for text in [
            "5 min read",
            "Click To Tweet",
            "12 Min Read",
            "5 minute read",
            "5 minutes’ read",
            "2 of 6",
            "Photo 2 of 6",
            "Photograph 2 of 6",
            "1/4",
            "1of4",
            "12 comments",
            "Comments (12)",
            "Share",
            "Read more",
            "Reading time: 4 minutes",
            "Estimated reading time: 7 min",
            "Lesezeit: 3 Min.",
            "Tempo de leitura: 1 minuto",
            "Temps de lecture : 6 min",
            "Tiempo de lectura: 2 minutos",
            "Время чтения: 5 минут",
        ] {
            assert!(is_counter(text), "{text}");
        }
        for text in [
            "2 of the 6 were hurt",
            "Shares fell 5%",
            "He read more than most.",
            "5 minutes",
            "",
            "2019",
            "Reading time",
            "The reading took 5 minutes",
            "Tempo de 5 minutos",
            "3 min 20 s read",
        ] {
            assert!(!is_counter(text), "{text}");
        }
    }
}
