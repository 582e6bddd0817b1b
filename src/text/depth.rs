//! Parsing HTML with a bound on element depth.
//!
//! html5ever's tree builder scans its stack of open elements for many tags,
//! so a page of n nested elements costs O(n^2): 200,000 nested `<div>`s took
//! 215 s. Browsers cap DOM depth in the hundreds; so do we, between the
//! tokenizer and the tree builder: a start tag that would open an element
//! deeper than [`MAX_DEPTH`] never reaches the tree builder (nor does its end
//! tag), so the tree builder's stack, and the cost of each scan, stays small.
//!
//! What the page says is kept: the text inside elements past the bound is
//! read into the element at the bound, a block element past it still ends a
//! sentence (a `<br>` goes in its place), and the content of a script, style
//! or other raw-text element past it is dropped, as it would be in the tree.
//! Depth is tracked on the tags as written, with the implied closings that
//! matter for real pages (`<p>` closed by a block, a list item by the next).

use std::cell::{Cell, RefCell};

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{LocalName, TokenizerResult, local_name};
use scraper::{Html, HtmlTreeSink};

use super::html::BLOCKS;

/// The deepest element handed to the tree builder. Chromium stops nesting at
/// 512; news pages rarely pass 40.
pub(crate) const MAX_DEPTH: usize = 512;

/// Parses a whole document, elements nested deeper than [`MAX_DEPTH`]
/// flattened into the element at the bound.
pub(crate) fn parse(body: &str) -> Html {
    let builder = TreeBuilder::new(
        HtmlTreeSink::new(Html::new_document()),
        TreeBuilderOpts::default(),
    );
    let tokenizer = Tokenizer::new(Bounded::new(builder), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(body.into());
    // A script "blocks" the tokenizer until it is run; there is nothing to
    // run, so feeding again goes on past it.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.inner.sink.finish()
}

/// A token sink in front of the tree builder that drops tags past the bound.
struct Bounded<S> {
    inner: S,
    /// The elements open as the tags say, at most [`MAX_DEPTH`].
    open: RefCell<Vec<LocalName>>,
    /// Start tags dropped past the bound and not yet closed.
    dropped: Cell<usize>,
    /// Inside a dropped raw-text element (script, style, ...): its content is
    /// dropped too, until its end tag.
    raw: Cell<bool>,
}

impl<S> Bounded<S> {
    fn new(inner: S) -> Self {
        Bounded {
            inner,
            open: RefCell::new(Vec::new()),
            dropped: Cell::new(0),
            raw: Cell::new(false),
        }
    }
}

/// Elements that never have an end tag or content.
fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("param")
            | local_name!("keygen")
    )
}

/// How the tokenizer reads the content of a raw-text element, for the ones
/// whose start tag is dropped (the tree builder would have said it).
fn raw_kind<H>(name: &LocalName) -> Option<TokenSinkResult<H>> {
    Some(match *name {
        local_name!("script") => TokenSinkResult::RawData(RawKind::ScriptData),
        local_name!("style")
        | local_name!("xmp")
        | local_name!("iframe")
        | local_name!("noembed")
        | local_name!("noframes")
        | local_name!("noscript") => TokenSinkResult::RawData(RawKind::Rawtext),
        local_name!("textarea") | local_name!("title") => TokenSinkResult::RawData(RawKind::Rcdata),
        local_name!("plaintext") => TokenSinkResult::Plaintext,
        _ => return None,
    })
}

/// Elements whose start tag closes an open one of the same name on top.
fn closes_itself(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("p")
            | local_name!("li")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("option")
            | local_name!("tr")
            | local_name!("td")
            | local_name!("th")
    )
}

fn is_block(name: &LocalName) -> bool {
    BLOCKS.contains(&name.as_ref())
}

/// A `<br>` start tag: what a dropped block becomes, so it still ends a sentence.
fn br(line: u64) -> (Token, u64) {
    let tag = Tag {
        kind: TagKind::StartTag,
        name: local_name!("br"),
        self_closing: false,
        attrs: Vec::new(),
        had_duplicate_attributes: false,
    };
    (Token::TagToken(tag), line)
}

impl<S: TokenSink> TokenSink for Bounded<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<S::Handle> {
        match &token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                if tag.self_closing || is_void(&tag.name) {
                    return self.inner.process_token(token, line);
                }
                let mut open = self.open.borrow_mut();
                while let Some(top) = open.last()
                    && ((closes_itself(&tag.name) && *top == tag.name)
                        || (*top == local_name!("p") && is_block(&tag.name)))
                {
                    open.pop();
                }
                if open.len() < MAX_DEPTH {
                    open.push(tag.name.clone());
                    drop(open);
                    return self.inner.process_token(token, line);
                }
                drop(open);
                self.dropped.set(self.dropped.get() + 1);
                if let Some(kind) = raw_kind(&tag.name) {
                    self.raw.set(true);
                    return kind;
                }
                if is_block(&tag.name) {
                    let (br, line) = br(line);
                    return self.inner.process_token(br, line);
                }
                TokenSinkResult::Continue
            }
            Token::TagToken(tag) => {
                if self.dropped.get() > 0 {
                    self.dropped.set(self.dropped.get() - 1);
                    self.raw.set(false);
                    if is_block(&tag.name) {
                        let (br, line) = br(line);
                        return self.inner.process_token(br, line);
                    }
                    return TokenSinkResult::Continue;
                }
                let mut open = self.open.borrow_mut();
                if let Some(i) = open.iter().rposition(|n| *n == tag.name) {
                    open.truncate(i);
                }
                drop(open);
                self.inner.process_token(token, line)
            }
            Token::CharacterTokens(_) | Token::NullCharacterToken if self.raw.get() => {
                TokenSinkResult::Continue
            }
            _ => self.inner.process_token(token, line),
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
    use crate::text::{Media, sentences};

    fn nested(depth: usize, inner: &str) -> String {
        format!(
            "<html><body>{}{inner}{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        )
    }

    fn tree_depth(html: &Html) -> usize {
        html.tree
            .nodes()
            .map(|n| n.ancestors().count())
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn deep_pages_are_flattened_at_the_bound_and_keep_their_text() {
        for depth in [10, MAX_DEPTH, MAX_DEPTH + 1, 5_000] {
            let page = nested(
                depth,
                "<p>The strike killed 2.</p><p>Fifteen were hurt.</p>",
            );
            let html = parse(&page);
            // html, body, then the divs: never more than the bound plus a few.
            assert!(tree_depth(&html) <= MAX_DEPTH + 3, "depth {depth}");
            assert_eq!(
                sentences(&page, Media::Html, None).unwrap(),
                ["The strike killed 2.", "Fifteen were hurt."],
                "depth {depth}"
            );
        }
    }

    #[test]
    fn text_after_a_deep_part_is_read_in_place() {
        let page = format!(
            "<body><p>Before.</p>{}<p>After.</p></body>",
            nested(3_000, "<p>Deep.</p>")
        );
        assert_eq!(
            sentences(&page, Media::Html, None).unwrap(),
            ["Before.", "Deep.", "After."]
        );
    }

    #[test]
    fn scripts_and_styles_past_the_bound_stay_unread() {
        let page = nested(
            MAX_DEPTH + 10,
            "<script>var a = '<p>not text</p>';</script><style>p{}</style><p>Shown.</p><title>t</title>",
        );
        assert_eq!(sentences(&page, Media::Html, None).unwrap(), ["Shown."]);
    }

    #[test]
    fn unclosed_paragraphs_and_list_items_do_not_use_up_the_depth() {
        use std::fmt::Write as _;
        let mut page = String::from("<body><main>");
        for i in 0..2 * MAX_DEPTH {
            write!(page, "<p>Paragraph {i}.<li>Item {i}.").unwrap();
        }
        page.push_str("<div><nav>Menu.</nav><p>Last.</p></div></main></body>");
        let read = sentences(&page, Media::Html, None).unwrap();
        assert_eq!(read.len(), 4 * MAX_DEPTH + 1);
        assert_eq!(read.last().map(String::as_str), Some("Last."));
    }

    #[test]
    fn selectors_still_find_elements_near_the_bound() {
        let page = nested(
            MAX_DEPTH - 5,
            "<section class=\"body\"><p>Chosen.</p></section><p>Other.</p>",
        );
        assert_eq!(
            sentences(&page, Media::Html, Some("section.body")).unwrap(),
            ["Chosen."]
        );
    }
}
