//! Parsing HTML with a bound on element depth (issue 10).
//!
//! html5ever's tree builder scans its stack of open elements on most tags,
//! so a page of n nested elements costs O(n²): 215 s for 200,000 nested
//! `<div>`s. The bound is applied between html5ever's tokenizer and its tree
//! builder, so the tree is never deep: a token filter keeps a model of the
//! open elements and, below [`MAX_DEPTH`], flattens what is deeper. A
//! flattened element loses its tag but not its text: a block becomes a `<br>`
//! at its start and end (it still ends sentences), a table cell a space, and
//! one the reader would drop (script, nav, hidden, ...) is dropped here with
//! all it holds. Everything else passes unchanged, so pages of ordinary depth
//! parse exactly as `Html::parse_document` parses them.
//!
//! The model mirrors the tree builder's common rules (void elements, implied
//! ends of `p`, `li`, `dd`, `dt`, table cells and rows, end tags that are
//! out of scope); it can only be wrong on mis-nested markup, where it may
//! flatten a little early or late. Either way depth stays bounded in the
//! number of tags, never in their nesting. Limit: a `select` cannot match an
//! element below the bound, whose tag is gone.

use std::cell::RefCell;
use std::collections::HashMap;

use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, EOFToken, EndTag, StartTag, Tag, TagToken, Token, TokenSink,
    TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{LocalName, TokenizerResult, local_name};
use scraper::{Html, HtmlTreeSink};

use super::html::{is_block, is_dropped_element, is_hidden};

/// Elements nested deeper than this are flattened. Blink's HTML parser caps
/// DOM depth at 512 in the same way (deeper elements become siblings), so
/// nothing a reader sees in Chrome depends on nesting below it, and the tree
/// builder's scans stay short: 512 per tag at worst.
pub(crate) const MAX_DEPTH: usize = 512;

/// Parses a whole document with its depth bounded.
pub(crate) fn parse(body: &str) -> Html {
    let builder = TreeBuilder::new(
        HtmlTreeSink::new(Html::new_document()),
        TreeBuilderOpts::default(),
    );
    let filter = DepthFilter {
        inner: builder,
        model: RefCell::new(Model::default()),
    };
    let tokenizer = Tokenizer::new(filter, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(body));
    // `Script` results only pause the tokenizer for a script engine: go on.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.inner.sink.finish()
}

/// Sits between the tokenizer and the tree builder.
struct DepthFilter {
    inner: TreeBuilder<NodeId, HtmlTreeSink>,
    model: RefCell<Model>,
}

/// What the filter believes is open.
#[derive(Default)]
struct Model {
    /// Elements passed to the tree builder and still open, outermost first.
    open: Vec<LocalName>,
    /// Elements flattened, inside all of `open`: name and whether a block.
    flat: Vec<(LocalName, bool)>,
    /// How many of each name `flat` holds, so end tags are found in O(1).
    flat_count: HashMap<LocalName, usize>,
    /// Open `article` and `main` elements (a `<header>` inside one is read).
    articles: usize,
    /// Open `svg` and `math` elements (where `<x/>` closes itself).
    foreign: usize,
    /// A flattened element the reader would drop, being skipped: its name and
    /// how many of that name are open inside the skip.
    skip: Option<(LocalName, usize)>,
}

impl Model {
    fn count_in(&mut self, name: &LocalName) {
        match &**name {
            "article" | "main" => self.articles += 1,
            "svg" | "math" => self.foreign += 1,
            _ => {}
        }
    }

    fn count_out(&mut self, name: &LocalName) {
        match &**name {
            "article" | "main" => self.articles = self.articles.saturating_sub(1),
            "svg" | "math" => self.foreign = self.foreign.saturating_sub(1),
            _ => {}
        }
    }

    /// Closes `open` from index `at` up.
    fn truncate_open(&mut self, at: usize) {
        while self.open.len() > at {
            if let Some(name) = self.open.pop() {
                self.count_out(&name);
            }
        }
    }

    /// Closes every flattened element; whether a block was among them.
    fn clear_flat(&mut self) -> bool {
        let mut block = false;
        while let Some((name, b)) = self.flat.pop() {
            self.count_out(&name);
            block |= b;
        }
        self.flat_count.clear();
        block
    }

    /// Closes flattened elements down to the innermost `name`; whether a
    /// block was among them.
    fn close_flat(&mut self, name: &LocalName) -> bool {
        let mut block = false;
        while let Some((top, b)) = self.flat.pop() {
            self.count_out(&top);
            block |= b;
            if let Some(n) = self.flat_count.get_mut(&top) {
                *n -= 1;
            }
            if top == *name {
                break;
            }
        }
        block
    }

    fn is_open(&self, name: &LocalName) -> bool {
        self.flat_count.get(name).is_some_and(|&n| n > 0) || self.open.contains(name)
    }

    /// Index in `open` of the innermost element `is_target` accepts, looking
    /// no further out than an element `stops` accepts.
    fn find(
        &self,
        is_target: impl Fn(&str) -> bool,
        stops: impl Fn(&str) -> bool,
    ) -> Option<usize> {
        for (i, name) in self.open.iter().enumerate().rev() {
            if is_target(name) {
                return Some(i);
            }
            if stops(name) {
                return None;
            }
        }
        None
    }

    /// The tree builder's implied end tags before a start tag, on `open`.
    fn imply_ends(&mut self, name: &str) {
        if closes_p(name) {
            if let Some(i) = self.find(|n| n == "p", is_button_scope) {
                self.truncate_open(i);
            }
        }
        let found = match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self
                .open
                .last()
                .filter(|top| is_heading(top))
                .map(|_| self.open.len() - 1),
            "li" => self.find(|n| n == "li", is_list_stop),
            "dd" | "dt" => self.find(|n| n == "dd" || n == "dt", is_list_stop),
            "tr" => self.find(|n| n == "tr", is_table_scope),
            "td" | "th" => self.find(
                |n| n == "td" || n == "th",
                |n| n == "tr" || is_table_scope(n),
            ),
            "tbody" | "thead" | "tfoot" => self
                .find(|n| n == "table", |n| n == "html" || n == "template")
                .map(|i| i + 1),
            "option" | "optgroup" => self
                .open
                .last()
                .filter(|top| **top == *"option")
                .map(|_| self.open.len() - 1),
            "a" | "button" | "nobr" => self.find(|n| n == name, is_special),
            _ => None,
        };
        if let Some(i) = found {
            self.truncate_open(i);
        }
    }

    /// The tree builder adds a `tbody` (and `tr`) a row (or cell) needs.
    fn imply_table_sections(&mut self, name: &str) {
        let top = self.open.last().map(|n| &**n);
        match (name, top) {
            ("tr", Some("table")) => self.open.push(local_name!("tbody")),
            ("td" | "th", Some("table")) => {
                self.open.push(local_name!("tbody"));
                self.open.push(local_name!("tr"));
            }
            ("td" | "th", Some("tbody" | "thead" | "tfoot")) => self.open.push(local_name!("tr")),
            _ => {}
        }
    }

    /// Where an end tag closes `open`, as the tree builder would: names with
    /// a scope rule close only within it; others stop at a special element.
    fn end_target(&self, name: &str) -> Option<usize> {
        match name {
            "p" => self.find(|n| n == "p", is_button_scope),
            "li" => self.find(|n| n == "li", |n| n == "ol" || n == "ul" || is_scope(n)),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.find(is_heading, is_scope),
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" => {
                self.find(|n| n == name, is_table_scope)
            }
            _ if is_special(name) => self.find(|n| n == name, is_scope),
            _ => self.find(|n| n == name, is_special),
        }
    }
}

fn br() -> Token {
    TagToken(Tag {
        kind: StartTag,
        name: local_name!("br"),
        self_closing: false,
        attrs: Vec::new(),
        had_duplicate_attributes: false,
    })
}

/// Elements with no end tag and no content.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Start tags the tree builder never adds to the stack inside a body.
fn is_merged(name: &str) -> bool {
    matches!(name, "html" | "body" | "head" | "frameset")
}

/// How the tokenizer must read an element's content (the tree builder says
/// so for the elements it sees; the filter for those it skips).
fn raw_kind(name: &str) -> Option<TokenSinkResult<NodeId>> {
    Some(match name {
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
            TokenSinkResult::RawData(RawKind::Rawtext)
        }
        "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
        "plaintext" => TokenSinkResult::Plaintext,
        _ => return None,
    })
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn closes_p(name: &str) -> bool {
    is_heading(name)
        || matches!(
            name,
            "address"
                | "article"
                | "aside"
                | "blockquote"
                | "center"
                | "details"
                | "dialog"
                | "dir"
                | "div"
                | "dl"
                | "fieldset"
                | "figcaption"
                | "figure"
                | "footer"
                | "header"
                | "hgroup"
                | "main"
                | "menu"
                | "nav"
                | "ol"
                | "p"
                | "search"
                | "section"
                | "summary"
                | "ul"
                | "pre"
                | "listing"
                | "form"
                | "table"
                | "hr"
                | "xmp"
                | "plaintext"
                | "li"
                | "dd"
                | "dt"
        )
}

/// The HTML spec's "has an element in scope" boundaries.
fn is_scope(name: &str) -> bool {
    matches!(
        name,
        "applet"
            | "caption"
            | "html"
            | "table"
            | "td"
            | "th"
            | "marquee"
            | "object"
            | "template"
            | "foreignObject"
            | "desc"
            | "mi"
            | "mo"
            | "mn"
            | "ms"
            | "mtext"
            | "annotation-xml"
    )
}

fn is_button_scope(name: &str) -> bool {
    name == "button" || is_scope(name)
}

fn is_table_scope(name: &str) -> bool {
    matches!(name, "html" | "table" | "template")
}

fn is_list_stop(name: &str) -> bool {
    is_special(name) && !matches!(name, "address" | "div" | "p")
}

/// The HTML spec's "special" elements, where an unmatched end tag stops.
fn is_special(name: &str) -> bool {
    is_scope(name)
        || is_heading(name)
        || matches!(
            name,
            "address"
                | "area"
                | "article"
                | "aside"
                | "base"
                | "basefont"
                | "bgsound"
                | "blockquote"
                | "body"
                | "br"
                | "button"
                | "center"
                | "col"
                | "colgroup"
                | "dd"
                | "details"
                | "dir"
                | "div"
                | "dl"
                | "dt"
                | "embed"
                | "fieldset"
                | "figcaption"
                | "figure"
                | "footer"
                | "form"
                | "frame"
                | "frameset"
                | "head"
                | "header"
                | "hgroup"
                | "hr"
                | "iframe"
                | "img"
                | "input"
                | "keygen"
                | "li"
                | "link"
                | "listing"
                | "main"
                | "menu"
                | "meta"
                | "nav"
                | "noembed"
                | "noframes"
                | "noscript"
                | "ol"
                | "p"
                | "param"
                | "plaintext"
                | "pre"
                | "script"
                | "search"
                | "section"
                | "select"
                | "source"
                | "style"
                | "summary"
                | "tbody"
                | "textarea"
                | "tfoot"
                | "thead"
                | "title"
                | "tr"
                | "track"
                | "ul"
                | "wbr"
                | "xmp"
        )
}

impl DepthFilter {
    fn pass(&self, token: Token, line: u64) -> TokenSinkResult<NodeId> {
        self.inner.process_token(token, line)
    }

    /// A `<br>` for the tree builder: a flattened block still ends sentences.
    fn block_end(&self, line: u64) {
        // A <br> never switches the tokenizer's state: nothing to return.
        let _ = self.pass(br(), line);
    }

    fn start_tag(&self, model: &mut Model, tag: Tag, line: u64) -> TokenSinkResult<NodeId> {
        let name = tag.name.clone();
        let closed = is_void(&name)
            || is_merged(&name)
            || (tag.self_closing && (model.foreign > 0 || matches!(&*name, "svg" | "math")));
        if closed {
            return self.pass(TagToken(tag), line);
        }
        if model.flat.is_empty() {
            model.imply_ends(&name);
        }
        // Raw-text elements that are read (textarea, xmp) stay whole: their
        // end tag follows their text, so they add one level for a moment.
        let whole = matches!(&*name, "textarea" | "xmp" | "plaintext");
        if (model.flat.is_empty() && model.open.len() < MAX_DEPTH) || whole {
            model.imply_table_sections(&name);
            model.count_in(&name);
            model.open.push(name);
            return self.pass(TagToken(tag), line);
        }
        let hidden = is_hidden(tag.attrs.iter().map(|a| (&*a.name.local, &*a.value)));
        if is_dropped_element(&name, model.articles > 0, hidden) {
            let result = raw_kind(&name).unwrap_or(TokenSinkResult::Continue);
            model.skip = Some((name, 1));
            return result;
        }
        let block = is_block(&name);
        if block {
            self.block_end(line);
        } else if matches!(&*name, "td" | "th") {
            let _ = self.pass(CharacterTokens(StrTendril::from_slice(" ")), line);
        }
        model.count_in(&name);
        *model.flat_count.entry(name.clone()).or_default() += 1;
        model.flat.push((name, block));
        TokenSinkResult::Continue
    }

    fn end_tag(&self, model: &mut Model, tag: Tag, line: u64) -> TokenSinkResult<NodeId> {
        if model.flat_count.get(&tag.name).is_some_and(|&n| n > 0) {
            if model.close_flat(&tag.name) {
                self.block_end(line);
            }
            return TokenSinkResult::Continue;
        }
        if let Some(at) = model.end_target(&tag.name) {
            if model.clear_flat() {
                self.block_end(line);
            }
            model.truncate_open(at);
        }
        self.pass(TagToken(tag), line)
    }
}

impl TokenSink for DepthFilter {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<NodeId> {
        let mut model = self.model.borrow_mut();
        if let Some((skipped, nest)) = model.skip.take() {
            match &token {
                TagToken(tag) if tag.kind == StartTag => {
                    let nest = nest + usize::from(tag.name == skipped && !tag.self_closing);
                    model.skip = Some((skipped, nest));
                    // Script and style text inside must stay text.
                    return raw_kind(&tag.name).unwrap_or(TokenSinkResult::Continue);
                }
                TagToken(tag) if tag.kind == EndTag && tag.name == skipped => {
                    if nest > 1 {
                        model.skip = Some((skipped, nest - 1));
                    }
                    return TokenSinkResult::Continue;
                }
                // An end tag of an element around the skipped one closes it
                // too; it is handled below, as is the end of the page.
                TagToken(tag) if tag.kind == EndTag && model.is_open(&tag.name) => {}
                EOFToken => {}
                _ => {
                    model.skip = Some((skipped, nest));
                    return TokenSinkResult::Continue;
                }
            }
        }
        match token {
            TagToken(tag) if tag.kind == StartTag => self.start_tag(&mut model, tag, line),
            TagToken(tag) => self.end_tag(&mut model, tag, line),
            other => {
                drop(model);
                self.pass(other, line)
            }
        }
    }

    fn end(&self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree's depth, counted without recursion.
    fn tree_depth(doc: &Html) -> usize {
        let mut depth = 0usize;
        let mut max = 0;
        for edge in doc.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(_) => {
                    depth += 1;
                    max = max.max(depth);
                }
                ego_tree::iter::Edge::Close(_) => depth -= 1,
            }
        }
        max
    }

    #[test]
    fn ordinary_pages_parse_as_html5ever_parses_them() {
        let pages = [
            "<!doctype html><title>T</title><p>One<p>Two<ul><li>a<li>b</ul>",
            "<table><tr><td>1<td>2<tr><td>3</table><b>bold<i>both</b>italic</i>",
            "<div><span>x</div>y</span><svg><path/><circle/></svg><select><option>a<option>b</select>",
            "<script>if (a < b) { document.write('</div>') }</script><style>p{}</style><textarea><b></textarea>",
            "<dl><dt>t<dd>d<dt>u</dl><h1>a<h2>b</h1><a href=1>x<a href=2>y</a>",
        ];
        for page in pages {
            assert_eq!(
                parse(page).html(),
                Html::parse_document(page).html(),
                "{page}"
            );
        }
    }

    #[test]
    fn deep_pages_stay_shallow() {
        for (open, close) in [
            ("<div>", "</div>"),
            ("<span>", "</span>"),
            ("<div>", ""),
            ("<b><div>", "</div></b>"),
            ("<table><tr><td>", "</td></tr></table>"),
            ("<svg><g>", "</g></svg>"),
            ("<ul><li>", ""),
            ("<blockquote>", "</blockquote>"),
        ] {
            let n = 5_000;
            let page = format!("<body>{}text{}</body>", open.repeat(n), close.repeat(n));
            let depth = tree_depth(&parse(&page));
            assert!(depth <= MAX_DEPTH + 8, "{open}: {depth}");
        }
    }

    #[test]
    fn unclosed_siblings_are_not_deep() {
        // Implied ends keep these flat in the model as in the tree: nothing
        // is flattened, so every tag survives.
        for (around, item) in [
            ("", "<p>x"),
            ("<ul>", "<li>x"),
            ("<dl>", "<dt>x<dd>y"),
            ("<table>", "<tr><td>x<td>y"),
            ("<select>", "<option>x"),
            ("", "<h1>x<h2>y"),
            ("", "<a href=1>x"),
        ] {
            let page = format!("{around}{}", item.repeat(2 * MAX_DEPTH));
            assert_eq!(
                parse(&page).html(),
                Html::parse_document(&page).html(),
                "{item}"
            );
        }
    }
}
