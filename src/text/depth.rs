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

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::collections::HashMap;

use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, EOFToken, EndTag, StartTag, Tag, TagToken, Token, TokenSink,
    TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{
    ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{Attribute, LocalName, QualName, TokenizerResult, local_name};
use scraper::{Html, HtmlTreeSink};

use super::html::{is_block, is_dropped_element, is_hidden};

/// Elements nested deeper than this are flattened. Blink's HTML parser caps
/// DOM depth at 512 in the same way (deeper elements become siblings), so
/// nothing a reader sees in Chrome depends on nesting below it, and the tree
/// builder's scans stay short: 512 per tag at worst.
pub(crate) const MAX_DEPTH: usize = 512;

/// The safety net behind the model: when an element lands deeper than this
/// in the tree, however the model counted, start tags are flattened. Half
/// again the bound leaves room for what the model does not count (a
/// template's content fragment, reconstructed formatting elements).
const HARD_DEPTH: usize = MAX_DEPTH + MAX_DEPTH / 2;

/// Parses a whole document with its depth bounded.
pub(crate) fn parse(body: &str) -> Html {
    let sink = DepthSink {
        html: HtmlTreeSink::new(Html::new_document()),
        chain: RefCell::new(Vec::new()),
        last: Cell::new(0),
    };
    let builder = TreeBuilder::new(sink, TreeBuilderOpts::default());
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
    tokenizer.sink.inner.sink.html.finish()
}

/// Sits between the tokenizer and the tree builder.
struct DepthFilter {
    inner: TreeBuilder<NodeId, DepthSink>,
    model: RefCell<Model>,
}

/// scraper's tree sink, noting how deep each element lands: the filter's
/// safety net should its model of the open elements be wrong.
struct DepthSink {
    html: HtmlTreeSink,
    /// The path from the document to the element inserted last: where the
    /// tree builder inserts next is nearly always on it.
    chain: RefCell<Vec<NodeId>>,
    /// Depth of the element inserted last (the document is 0).
    last: Cell<usize>,
}

impl DepthSink {
    /// Notes a child inserted under a node of depth `depth - 1`.
    fn note(&self, child: &NodeOrText<NodeId>, depth: usize) {
        if let NodeOrText::AppendNode(id) = child {
            let mut chain = self.chain.borrow_mut();
            chain.truncate(depth);
            chain.push(*id);
            self.last.set(depth);
        }
    }

    /// The depth of a node, leaving the chain ending at it.
    fn depth(&self, id: NodeId) -> usize {
        let mut chain = self.chain.borrow_mut();
        // Closing elements walks back up the chain: each step once.
        while let Some(&top) = chain.last() {
            if top == id {
                return chain.len() - 1;
            }
            chain.pop();
        }
        // Elsewhere (foster parents, template contents, moved nodes): ask the
        // tree, whose depth the bound itself keeps short.
        let html = self.html.0.borrow();
        if let Some(node) = html.tree.get(id) {
            chain.extend(node.ancestors().map(|a| a.id()));
            chain.reverse();
            chain.push(id);
        }
        chain.len().saturating_sub(1)
    }

    /// The tree changed under the chain.
    fn forget(&self) {
        self.chain.borrow_mut().clear();
    }
}

/// Everything is scraper's but the notes on depth.
impl TreeSink for DepthSink {
    type Handle = NodeId;
    type Output = Html;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Html {
        self.html.finish()
    }
    fn parse_error(&self, msg: Cow<'static, str>) {
        self.html.parse_error(msg);
    }
    fn get_document(&self) -> NodeId {
        self.html.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.html.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.html.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.html.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.html.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.note(&child, self.depth(*parent) + 1);
        self.html.append(parent, child);
    }
    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.note(&child, self.depth(*prev_element) + 1);
        self.html
            .append_based_on_parent_node(element, prev_element, child);
    }
    fn append_doctype_to_document(&self, name: StrTendril, public: StrTendril, system: StrTendril) {
        self.html.append_doctype_to_document(name, public, system);
    }
    fn mark_script_already_started(&self, node: &NodeId) {
        self.html.mark_script_already_started(node);
    }
    fn pop(&self, node: &NodeId) {
        self.html.pop(node);
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.html.get_template_contents(target)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.html.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.html.set_quirks_mode(mode);
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let depth = self.depth(*sibling);
        // The chain now leads to the sibling; the new node hangs beside it.
        self.chain.borrow_mut().pop();
        self.note(&new_node, depth);
        self.html.append_before_sibling(sibling, new_node);
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.html.add_attrs_if_missing(target, attrs);
    }
    fn associate_with_form(
        &self,
        target: &NodeId,
        form: &NodeId,
        nodes: (&NodeId, Option<&NodeId>),
    ) {
        self.html.associate_with_form(target, form, nodes);
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.forget();
        self.html.remove_from_parent(target);
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.forget();
        self.html.reparent_children(node, new_parent);
    }
    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.html.is_mathml_annotation_xml_integration_point(handle)
    }
    fn set_current_line(&self, line_number: u64) {
        self.html.set_current_line(line_number);
    }
    fn allow_declarative_shadow_roots(&self, intended_parent: &NodeId) -> bool {
        self.html.allow_declarative_shadow_roots(intended_parent)
    }
    fn attach_declarative_shadow(
        &self,
        location: &NodeId,
        template: &NodeId,
        attrs: &[Attribute],
    ) -> bool {
        self.html
            .attach_declarative_shadow(location, template, attrs)
    }
    fn maybe_clone_an_option_into_selectedcontent(&self, option: &NodeId) {
        self.html.maybe_clone_an_option_into_selectedcontent(option);
    }
}

/// What the filter believes is open.
#[derive(Default)]
struct Model {
    /// Elements passed to the tree builder and still open, outermost first,
    /// each with whether it is an SVG or `MathML` element.
    open: Vec<(LocalName, bool)>,
    /// Elements flattened, inside all of `open`: name and whether a block.
    flat: Vec<(LocalName, bool)>,
    /// How many of each name `flat` holds, so end tags are found in O(1).
    flat_count: HashMap<LocalName, usize>,
    /// Open `article` and `main` elements (a `<header>` inside one is read).
    articles: usize,
    /// A flattened element the reader would drop, being skipped: its name and
    /// how many of that name are open inside the skip.
    skip: Option<(LocalName, usize)>,
}

impl Model {
    fn count_in(&mut self, name: &LocalName) {
        match &**name {
            "article" | "main" => self.articles += 1,
            _ => {}
        }
    }

    fn count_out(&mut self, name: &LocalName) {
        match &**name {
            "article" | "main" => self.articles = self.articles.saturating_sub(1),
            _ => {}
        }
    }

    /// Closes `open` from index `at` up.
    fn truncate_open(&mut self, at: usize) {
        while self.open.len() > at {
            if let Some((name, _)) = self.open.pop() {
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
        self.flat_count.get(name).is_some_and(|&n| n > 0)
            || self.open.iter().any(|(n, _)| n == name)
    }

    /// Index in `open` of the innermost element `is_target` accepts, looking
    /// no further out than an element `stops` accepts.
    fn find(
        &self,
        is_target: impl Fn(&str) -> bool,
        stops: impl Fn(&str) -> bool,
    ) -> Option<usize> {
        for (i, (name, _)) in self.open.iter().enumerate().rev() {
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
                .filter(|(top, _)| is_heading(top))
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
                .filter(|(top, _)| *top == *"option")
                .map(|_| self.open.len() - 1),
            "a" | "button" | "nobr" => self.find(|n| n == name, is_special),
            _ => None,
        };
        if let Some(i) = found {
            self.truncate_open(i);
        }
    }

    /// Whether a start tag makes an SVG or `MathML` element, as the tree
    /// builder decides. An HTML tag inside foreign content (a "breakout" such
    /// as `<div>` in `<svg>`) first closes the foreign elements around it.
    fn enter_foreign(&mut self, tag: &Tag) -> bool {
        let in_foreign = |open: &[(LocalName, bool)]| {
            open.last()
                .is_some_and(|(n, foreign)| *foreign && !is_integration_point(n))
        };
        if !in_foreign(&self.open) {
            return matches!(&*tag.name, "svg" | "math");
        }
        if !is_breakout(tag) {
            return true;
        }
        while in_foreign(&self.open) {
            if let Some((name, _)) = self.open.pop() {
                self.count_out(&name);
            }
        }
        false
    }

    /// The tree builder adds a `tbody` (and `tr`) a row (or cell) needs.
    fn imply_table_sections(&mut self, name: &str) {
        let top = self.open.last().map(|(n, _)| &**n);
        match (name, top) {
            ("tr", Some("table")) => self.open.push((local_name!("tbody"), false)),
            ("td" | "th", Some("table")) => {
                self.open.push((local_name!("tbody"), false));
                self.open.push((local_name!("tr"), false));
            }
            ("td" | "th", Some("tbody" | "thead" | "tfoot")) => {
                self.open.push((local_name!("tr"), false));
            }
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

/// Foreign elements whose children are HTML again.
fn is_integration_point(name: &str) -> bool {
    matches!(
        name,
        "foreignObject" | "desc" | "title" | "mi" | "mo" | "mn" | "ms" | "mtext" | "annotation-xml"
    )
}

/// HTML start tags that end foreign content (HTML spec, "in foreign content").
fn is_breakout(tag: &Tag) -> bool {
    is_heading(&tag.name)
        || matches!(
            &*tag.name,
            "b" | "big"
                | "blockquote"
                | "body"
                | "br"
                | "center"
                | "code"
                | "dd"
                | "div"
                | "dl"
                | "dt"
                | "em"
                | "embed"
                | "head"
                | "hr"
                | "i"
                | "img"
                | "li"
                | "listing"
                | "menu"
                | "meta"
                | "nobr"
                | "ol"
                | "p"
                | "pre"
                | "ruby"
                | "s"
                | "small"
                | "span"
                | "strong"
                | "strike"
                | "sub"
                | "sup"
                | "table"
                | "tt"
                | "u"
                | "ul"
                | "var"
        )
        || (&*tag.name == "font"
            && tag
                .attrs
                .iter()
                .any(|a| matches!(&*a.name.local, "color" | "face" | "size")))
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
        if is_void(&name) || is_merged(&name) {
            return self.pass(TagToken(tag), line);
        }
        if model.flat.is_empty() {
            let foreign = model.enter_foreign(&tag);
            if foreign && tag.self_closing {
                // `<path/>` in SVG closes itself; `<div/>` in HTML does not.
                return self.pass(TagToken(tag), line);
            }
            if !foreign {
                model.imply_ends(&name);
            }
            // Raw-text elements that are read (textarea, xmp) stay whole:
            // their end tag follows their text, so they add one level for a
            // moment.
            let whole = matches!(&*name, "textarea" | "xmp" | "plaintext");
            let deep = model.open.len() >= MAX_DEPTH || self.inner.sink.last.get() > HARD_DEPTH;
            if !deep || whole {
                if !foreign {
                    model.imply_table_sections(&name);
                }
                model.count_in(&name);
                model.open.push((name, foreign));
                return self.pass(TagToken(tag), line);
            }
        } else if tag.self_closing {
            // Below the bound nothing reaches the tree builder, so an element
            // that may have closed itself is taken as closed.
            if is_block(&name) {
                self.block_end(line);
            }
            return TokenSinkResult::Continue;
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
        // A flattened textarea or xmp is still read as text, not markup.
        let result = raw_kind(&name).unwrap_or(TokenSinkResult::Continue);
        model.flat.push((name, block));
        result
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
    use std::fmt::Write as _;

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
            ("<table><div>", ""),
            ("<div></table>", ""),
            ("<p><b></p>", ""),
            ("<a><div>", ""),
            ("<font><p>", ""),
            ("<b><p></b>", ""),
            ("<select><div>", ""),
            ("<svg><foreignObject><div>", ""),
            ("<math><mi><div>", ""),
            ("<template><div>", ""),
            ("<button><div>", ""),
            ("<object><div>", ""),
            ("<li><div>", ""),
            ("<h1><div>", ""),
            ("<caption><div>", ""),
            ("<table><caption>", ""),
            ("<colgroup><div>", ""),
            ("<ruby><rb>", ""),
            ("<dl><dt><div>", ""),
            ("<form><div>", ""),
            ("<i><b><u><div>", "</u></b></i>"),
            ("<table><tr><td><b>", "</b></td></tr></table>"),
            ("<div/>", ""),
            ("<svg><g/><g>", ""),
        ] {
            let n = 3_000;
            let page = format!("<body>{}text{}</body>", open.repeat(n), close.repeat(n));
            let depth = tree_depth(&parse(&page));
            // A template's content hangs below a fragment node in scraper's
            // tree, which is deeper than the tree builder's stack.
            assert!(depth <= MAX_DEPTH * 3 / 2 + 8, "{open}: {depth}");
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

    #[test]
    fn the_safety_net_holds_where_the_model_miscounts() {
        // Formatting elements closed by </p> stay in the tree builder's list
        // of active formatting elements and are rebuilt, nested, by the next
        // text: the tree grows where the model sees nothing open.
        let round = (0..300).fold(String::new(), |mut s, i| {
            write!(s, "<b id={i}>").unwrap();
            s
        });
        let page = format!("<p>{round}</p>x").repeat(20);
        let depth = tree_depth(&parse(&page));
        let unbounded = tree_depth(&Html::parse_document(&page));
        assert!(depth <= 2 * MAX_DEPTH, "{depth}");
        assert!(unbounded > 3 * MAX_DEPTH);
    }

    #[test]
    fn random_tag_soup_stays_shallow() {
        const TAGS: &[&str] = &[
            "div",
            "p",
            "span",
            "b",
            "i",
            "a",
            "table",
            "tr",
            "td",
            "th",
            "tbody",
            "caption",
            "li",
            "ul",
            "dl",
            "dt",
            "dd",
            "h1",
            "h2",
            "svg",
            "g",
            "math",
            "mi",
            "foreignObject",
            "object",
            "template",
            "select",
            "option",
            "button",
            "nobr",
            "ruby",
            "rb",
            "pre",
            "font color=red",
            "applet",
            "marquee",
            "colgroup",
            "frameset",
            "body",
            "em",
        ];
        for seed in 0..6 {
            let mut rng = fastrand::Rng::with_seed(seed);
            let mut page = String::new();
            for i in 0..30_000 {
                let tag = TAGS[rng.usize(..TAGS.len())];
                match rng.u8(..10) {
                    0..=5 => write!(page, "<{tag}>").unwrap(),
                    6 => write!(page, "<{tag}/>").unwrap(),
                    7 | 8 => write!(page, "</{}>", tag.split(' ').next().unwrap()).unwrap(),
                    _ => write!(page, "t{i}. ").unwrap(),
                }
            }
            let depth = tree_depth(&parse(&page));
            assert!(depth <= 2 * MAX_DEPTH, "seed {seed}: {depth}");
            if seed == 0 {
                // The soup is deep without the bound.
                assert!(tree_depth(&Html::parse_document(&page)) > 4 * MAX_DEPTH);
            }
        }
    }
}
