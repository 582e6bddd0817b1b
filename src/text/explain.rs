//! Where the readers write: the sentences that are read, and, for `read
//! --explain`, every block of the page with the reason it is read or not.

use super::article::Reason;
use super::split::{Clean, Collector, Line, clean};

/// A block of a page as `read --explain` lists it: a run of text between
/// block boundaries (or a part of one, where the reason changes inside it),
/// read or not, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Why it is read or not; [`Reason::kept`] says which.
    pub reason: Reason,
    /// Its text, white space collapsed, control characters dropped.
    pub text: String,
}

/// The readers' output: kept text goes to the sentence collector; with
/// explaining on, all text also goes to the list of blocks.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    pub(crate) col: Collector,
    explain: Option<Blocks>,
}

#[derive(Debug, Default)]
struct Blocks {
    done: Vec<Block>,
    /// The current block, gathered as the collector gathers its own.
    line: Line,
    reason: Option<Reason>,
}

impl Sink {
    /// A sink that also lists the blocks.
    pub(crate) fn explaining() -> Sink {
        Sink {
            col: Collector::default(),
            explain: Some(Blocks::default()),
        }
    }

    /// Text with the reason it is read or not.
    pub(crate) fn text(&mut self, s: &str, reason: Reason) {
        if reason.kept() {
            self.col.push_str(s);
        }
        if let Some(ex) = &mut self.explain {
            ex.push(s, reason);
        }
    }

    /// Text that is read: plain text and Markdown.
    pub(crate) fn push_str(&mut self, s: &str) {
        self.text(s, Reason::Story);
    }

    pub(crate) fn push_space(&mut self) {
        self.col.push_space();
        if let Some(ex) = &mut self.explain {
            ex.line.space = true;
        }
    }

    pub(crate) fn start_cell(&mut self) {
        self.col.start_cell();
        if let Some(ex) = &mut self.explain {
            ex.line.cell = true;
        }
    }

    pub(crate) fn end_block(&mut self) {
        self.col.end_block();
        if let Some(ex) = &mut self.explain {
            ex.flush();
        }
    }

    pub(crate) fn end_whole(&mut self) {
        self.col.end_whole();
        if let Some(ex) = &mut self.explain {
            ex.flush();
        }
    }

    /// The sentences read, and the blocks if explaining.
    pub(crate) fn finish(mut self) -> (Vec<String>, Vec<Block>) {
        let blocks = match &mut self.explain {
            Some(ex) => {
                ex.flush();
                std::mem::take(&mut ex.done)
            }
            None => Vec::new(),
        };
        (self.col.finish(), blocks)
    }
}

impl Blocks {
    fn push(&mut self, s: &str, reason: Reason) {
        for c in s.chars() {
            match clean(c) {
                Clean::Keep => {
                    if self.reason != Some(reason) {
                        self.flush();
                        self.reason = Some(reason);
                    }
                    self.line.keep(c);
                }
                Clean::Space => self.line.space = true,
                Clean::Drop => {}
            }
        }
    }

    fn flush(&mut self) {
        if let Some(reason) = self.reason.take()
            && !self.line.text.is_empty()
        {
            self.done.push(Block {
                reason,
                text: std::mem::take(&mut self.line.text),
            });
        }
        self.line.text.clear();
        self.line.end();
    }
}
