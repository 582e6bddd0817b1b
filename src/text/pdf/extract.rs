//! From a PDF's bytes to the glyphs each page draws: where each character
//! stands, how wide and how large it is. `lopdf` parses the file (cross
//! references, object streams, encryption, filters) with its decompression
//! limits; this module interprets the page content streams (text state, text
//! and graphics matrices, form `XObject`s) and the fonts' widths and Unicode
//! maps, which `lopdf` leaves to its callers.
//!
//! Every cost is bounded before it is paid: pages, operators, glyphs, bytes
//! decompressed, form nesting (a form that draws itself is a loop, not a stack
//! overflow). Layout (lines, columns, paragraphs) is `layout`'s job.

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, LoadOptions, Object, ObjectId};

use super::{Limits, PdfError};

/// One character drawn on a page, in the page's coordinates (points, origin
/// at the media box's lower left, y upwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Glyph {
    /// The character (a ligature's letters come as several glyphs).
    pub c: char,
    /// Where its baseline starts.
    pub x: f32,
    /// Its baseline.
    pub y: f32,
    /// How far it advances along the line.
    pub w: f32,
    /// The font size as drawn (text and graphics scaling applied).
    pub size: f32,
}

/// The glyphs of one page, in the order the file draws them.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Page {
    /// The media box's width and height.
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
}

/// What the pages draw, and whether any text was drawn that no font could
/// turn into characters.
pub(crate) struct Extracted {
    pub pages: Vec<Page>,
    pub undecodable: usize,
}

/// Parses `bytes` and interprets every page.
pub(crate) fn extract(bytes: &[u8], limits: &Limits) -> Result<Extracted, PdfError> {
    let options = LoadOptions {
        // An encrypted file that opens without a password is read (the spec);
        // lopdf tries this password only when the file is encrypted.
        password: Some(String::new()),
        max_decompressed_size: Some(limits.max_stream_bytes),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(load_error)?;
    if doc.is_encrypted() && doc.encryption_state.is_none() {
        return Err(PdfError::Encrypted);
    }
    // A file cut short loses its cross-reference table and `%%EOF`; lopdf
    // rebuilds what it can, but what survives is not the document.
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if doc.xref_recovery.is_some() && !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(PdfError::Truncated);
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(PdfError::NoPages);
    }
    if pages.len() > limits.max_pages {
        return Err(PdfError::TooManyPages {
            pages: pages.len(),
            max: limits.max_pages,
        });
    }
    let mut run = Interpreter {
        doc: &doc,
        limits,
        ops: 0,
        glyphs: 0,
        decoded: 0,
        undecodable: 0,
        fonts: HashMap::new(),
        forms: Vec::new(),
    };
    let mut out = Vec::with_capacity(pages.len());
    for page_id in pages.into_values() {
        out.push(run.page(page_id)?);
    }
    Ok(Extracted {
        pages: out,
        undecodable: run.undecodable,
    })
}

fn load_error(e: lopdf::Error) -> PdfError {
    match e {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            PdfError::Bomb
        }
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => PdfError::Encrypted,
        other => PdfError::Unreadable(other.to_string()),
    }
}

/// A 2-D affine matrix `[a b c d e f]`, as PDF writes them.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self` then `then` (PDF's row-vector convention: `self × then`).
    fn then(self, then: Matrix) -> Matrix {
        let [a1, b1, c1, d1, e1, f1] = self.0;
        let [a2, b2, c2, d2, e2, f2] = then.0;
        Matrix([
            a1 * a2 + b1 * c2,
            a1 * b2 + b1 * d2,
            c1 * a2 + d1 * c2,
            c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2,
            e1 * b2 + f1 * d2 + f2,
        ])
    }

    /// How much the matrix scales lengths along x and along y.
    fn scales(self) -> (f32, f32) {
        let [a, b, c, d, _, _] = self.0;
        (a.hypot(b), c.hypot(d))
    }

    fn from_operands(operands: &[Object]) -> Option<Matrix> {
        let mut m = [0.0; 6];
        if operands.len() < 6 {
            return None;
        }
        for (slot, o) in m.iter_mut().zip(operands) {
            *slot = number(o)?;
        }
        m.iter().all(|v| v.is_finite()).then_some(Matrix(m))
    }
}

fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

/// The text and graphics state `q`/`Q` save and restore.
#[derive(Debug, Clone)]
struct State {
    ctm: Matrix,
    font: Option<ObjectId>,
    font_size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scaling: f32,
    leading: f32,
    rise: f32,
}

impl Default for State {
    fn default() -> Self {
        State {
            ctm: Matrix::IDENTITY,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scaling: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// What a font contributes: how its codes map to text and how wide each is.
struct Font {
    /// Bytes per code: 1 for simple fonts, 2 for composite (Type0) fonts.
    code_len: usize,
    /// Text for each one-byte code (simple fonts without a Unicode map).
    table: Vec<String>,
    /// The font's `ToUnicode` map, when it has one.
    cmap: Option<Encoding<'static>>,
    /// Widths by code, in glyph space (thousandths of the font size, or the
    /// Type3 font matrix's units, see `scale`).
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Glyph space to text space.
    scale: f32,
}

impl Font {
    fn text(&self, code: u32, bytes: &[u8]) -> Option<String> {
        if let Some(cmap) = &self.cmap
            && let Ok(s) = cmap.bytes_to_string(bytes)
            && !s.is_empty()
            && !s.contains('\u{fffd}')
        {
            return Some(s);
        }
        if self.code_len == 1 {
            return self
                .table
                .get(code as usize)
                .filter(|s| !s.is_empty())
                .cloned();
        }
        None
    }

    fn width(&self, code: u32) -> f32 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
            * self.scale
    }
}

struct Interpreter<'a> {
    doc: &'a Document,
    limits: &'a Limits,
    ops: usize,
    glyphs: usize,
    decoded: usize,
    undecodable: usize,
    fonts: HashMap<ObjectId, Font>,
    /// The form `XObject`s being drawn, innermost last: a form met again while
    /// it is being drawn is a loop.
    forms: Vec<ObjectId>,
}

/// Where the text cursor is: the text matrix and the start of the line.
struct Text {
    tm: Matrix,
    tlm: Matrix,
}

impl<'a> Interpreter<'a> {
    fn page(&mut self, page_id: ObjectId) -> Result<Page, PdfError> {
        let doc = self.doc;
        let page = doc.get_dictionary(page_id).ok();
        let [llx, lly, urx, ury] = page
            .and_then(|p| inherited(doc, p, b"MediaBox"))
            .and_then(|o| rect(doc, o))
            .unwrap_or([0.0, 0.0, 612.0, 792.0]);
        let mut out = Page {
            width: (urx - llx).abs(),
            height: (ury - lly).abs(),
            glyphs: Vec::new(),
        };
        let resources = page_resources(doc, page_id);
        let mut content = Vec::new();
        for id in doc.get_page_contents(page_id) {
            if let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) {
                content.extend(self.decode_stream(stream)?);
                content.push(b'\n');
            }
        }
        let state = State {
            ctm: Matrix::translate(-llx.min(urx), -lly.min(ury)),
            ..State::default()
        };
        self.run(&content, &resources, state, &mut out.glyphs)?;
        Ok(out)
    }

    /// A stream's bytes with its filters undone, counted against the budget.
    fn decode_stream(&mut self, stream: &lopdf::Stream) -> Result<Vec<u8>, PdfError> {
        let remaining = self.limits.max_decoded_bytes.saturating_sub(self.decoded);
        let limit = remaining.min(self.limits.max_stream_bytes);
        let compressed = stream.filters().is_ok_and(|f| !f.is_empty());
        if !compressed && stream.content.len() > limit {
            return Err(PdfError::TooComplex);
        }
        let bytes = match stream.get_plain_content_with_limit(limit) {
            Ok(bytes) => bytes,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => return Err(PdfError::Bomb),
            // A stream that does not decode draws nothing; the rest of the page still reads.
            Err(_) => Vec::new(),
        };
        self.decoded += bytes.len();
        if self.decoded > self.limits.max_decoded_bytes {
            return Err(PdfError::Bomb);
        }
        Ok(bytes)
    }

    fn run(
        &mut self,
        content: &[u8],
        resources: &[&'a Dictionary],
        mut state: State,
        out: &mut Vec<Glyph>,
    ) -> Result<(), PdfError> {
        let Ok(content) = Content::decode(content) else {
            return Ok(());
        };
        let mut stack: Vec<State> = Vec::new();
        let mut text = Text {
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
        };
        for op in &content.operations {
            self.ops += 1;
            if self.ops > self.limits.max_operations {
                return Err(PdfError::TooComplex);
            }
            let args = &op.operands;
            let num = |i: usize| args.get(i).and_then(number).filter(|v| v.is_finite());
            match op.operator.as_str() {
                "q" if stack.len() < 64 => stack.push(state.clone()),
                "Q" => {
                    if let Some(saved) = stack.pop() {
                        state = saved;
                    }
                }
                "cm" => {
                    if let Some(m) = Matrix::from_operands(args) {
                        state.ctm = m.then(state.ctm);
                    }
                }
                "BT" => {
                    text.tm = Matrix::IDENTITY;
                    text.tlm = Matrix::IDENTITY;
                }
                "Tf" => {
                    state.font = args
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| lookup(self.doc, resources, b"Font", name))
                        .and_then(|o| o.as_reference().ok());
                    state.font_size = num(1).unwrap_or(0.0);
                    if let Some(id) = state.font {
                        self.load_font(id);
                    }
                }
                "Tc" => state.char_spacing = num(0).unwrap_or(0.0),
                "Tw" => state.word_spacing = num(0).unwrap_or(0.0),
                "Tz" => state.scaling = num(0).unwrap_or(100.0) / 100.0,
                "TL" => state.leading = num(0).unwrap_or(0.0),
                "Ts" => state.rise = num(0).unwrap_or(0.0),
                "Td" | "TD" => {
                    let (tx, ty) = (num(0).unwrap_or(0.0), num(1).unwrap_or(0.0));
                    if op.operator == "TD" {
                        state.leading = -ty;
                    }
                    text.tlm = Matrix::translate(tx, ty).then(text.tlm);
                    text.tm = text.tlm;
                }
                "Tm" => {
                    if let Some(m) = Matrix::from_operands(args) {
                        text.tlm = m;
                        text.tm = m;
                    }
                }
                "T*" => next_line(&mut text, &state),
                "Tj" => self.show(args.first(), &mut text, &state, out)?,
                "'" => {
                    next_line(&mut text, &state);
                    self.show(args.first(), &mut text, &state, out)?;
                }
                "\"" => {
                    state.word_spacing = num(0).unwrap_or(state.word_spacing);
                    state.char_spacing = num(1).unwrap_or(state.char_spacing);
                    next_line(&mut text, &state);
                    self.show(args.get(2), &mut text, &state, out)?;
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = args.first() {
                        for item in items {
                            if let Some(adjust) = number(item) {
                                let tx = -adjust / 1000.0 * state.font_size * state.scaling;
                                text.tm = Matrix::translate(tx, 0.0).then(text.tm);
                            } else {
                                self.show(Some(item), &mut text, &state, out)?;
                            }
                        }
                    }
                }
                "Do" => {
                    if let Some(name) = args.first().and_then(|o| o.as_name().ok()) {
                        self.form(name, resources, &state, out)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Draws a form `XObject` (an image draws no text).
    fn form(
        &mut self,
        name: &[u8],
        resources: &[&'a Dictionary],
        state: &State,
        out: &mut Vec<Glyph>,
    ) -> Result<(), PdfError> {
        let doc = self.doc;
        let Some(id) = lookup(doc, resources, b"XObject", name).and_then(|o| o.as_reference().ok())
        else {
            return Ok(());
        };
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            return Ok(());
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return Ok(());
        }
        if self.forms.contains(&id) {
            return Err(PdfError::Loop);
        }
        if self.forms.len() >= self.limits.max_form_depth {
            return Err(PdfError::TooComplex);
        }
        let matrix = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|o| resolve(doc, o).as_array().ok())
            .and_then(|a| Matrix::from_operands(a))
            .unwrap_or(Matrix::IDENTITY);
        let mut inner: Vec<&'a Dictionary> = Vec::new();
        if let Some(own) = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|o| resolve(doc, o).as_dict().ok())
        {
            inner.push(own);
        }
        // A form without resources of its own uses its page's (PDF 1.1 files).
        inner.extend_from_slice(resources);
        let content = self.decode_stream(stream)?;
        let state = State {
            ctm: matrix.then(state.ctm),
            ..state.clone()
        };
        self.forms.push(id);
        let result = self.run(&content, &inner, state, out);
        self.forms.pop();
        result
    }

    /// Shows a string: one glyph per character code, advancing the text matrix.
    fn show(
        &mut self,
        string: Option<&Object>,
        text: &mut Text,
        state: &State,
        out: &mut Vec<Glyph>,
    ) -> Result<(), PdfError> {
        let Some(Object::String(bytes, _)) = string else {
            return Ok(());
        };
        let Some(font) = state.font.and_then(|id| self.fonts.get(&id)) else {
            self.undecodable += bytes.len();
            return Ok(());
        };
        let fs = state.font_size;
        let th = state.scaling;
        for code_bytes in bytes.chunks(font.code_len) {
            let code = code_bytes
                .iter()
                .fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
            let w0 = font.width(code);
            let space = font.code_len == 1 && code == 32;
            let tx =
                (w0 * fs + state.char_spacing + if space { state.word_spacing } else { 0.0 }) * th;
            let trm = Matrix([fs * th, 0.0, 0.0, fs, 0.0, state.rise])
                .then(text.tm)
                .then(state.ctm);
            let (sx, sy) = text.tm.then(state.ctm).scales();
            let [.., x, y] = trm.0;
            match font.text(code, code_bytes) {
                Some(s) => {
                    let chars: Vec<char> = s.chars().collect();
                    let n = chars.len().max(1) as f32;
                    let advance = w0 * fs * th * sx;
                    for (i, c) in chars.into_iter().enumerate() {
                        self.glyphs += 1;
                        if self.glyphs > self.limits.max_glyphs {
                            return Err(PdfError::TooComplex);
                        }
                        let glyph = Glyph {
                            c,
                            x: x + advance * i as f32 / n,
                            y,
                            w: advance / n,
                            size: (fs * sy).abs(),
                        };
                        if glyph.x.is_finite() && glyph.y.is_finite() && glyph.size.is_finite() {
                            out.push(glyph);
                        }
                    }
                }
                None => self.undecodable += 1,
            }
            text.tm = Matrix::translate(tx, 0.0).then(text.tm);
        }
        Ok(())
    }

    fn load_font(&mut self, id: ObjectId) {
        if self.fonts.contains_key(&id) {
            return;
        }
        let Ok(dict) = self.doc.get_dictionary(id) else {
            return;
        };
        let font = font(self.doc, dict, self.limits.max_stream_bytes);
        self.fonts.insert(id, font);
    }
}

fn next_line(text: &mut Text, state: &State) {
    text.tlm = Matrix::translate(0.0, -state.leading).then(text.tlm);
    text.tm = text.tlm;
}

/// Follows references (a bounded number of them).
fn resolve<'a>(doc: &'a Document, mut o: &'a Object) -> &'a Object {
    for _ in 0..16 {
        match o {
            Object::Reference(id) => match doc.get_object(*id) {
                Ok(next) => o = next,
                Err(_) => return o,
            },
            _ => return o,
        }
    }
    o
}

/// An entry of a page dictionary or, failing that, of its ancestors.
fn inherited<'a>(doc: &'a Document, mut dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    for _ in 0..32 {
        if let Ok(o) = dict.get(key) {
            return Some(resolve(doc, o));
        }
        dict = resolve(doc, dict.get(b"Parent").ok()?).as_dict().ok()?;
    }
    None
}

fn rect(doc: &Document, o: &Object) -> Option<[f32; 4]> {
    let a = o.as_array().ok()?;
    let mut r = [0.0; 4];
    if a.len() < 4 {
        return None;
    }
    for (slot, o) in r.iter_mut().zip(a) {
        *slot = number(resolve(doc, o))?;
    }
    r.iter().all(|v| v.is_finite()).then_some(r)
}

/// The resource dictionaries a page draws with, nearest first.
fn page_resources(doc: &Document, page_id: ObjectId) -> Vec<&Dictionary> {
    let Ok((direct, ids)) = doc.get_page_resources(page_id) else {
        return Vec::new();
    };
    direct
        .into_iter()
        .chain(ids.into_iter().filter_map(|id| doc.get_dictionary(id).ok()))
        .collect()
}

/// `resources[category][name]`, from the first dictionary that has it.
fn lookup<'a>(
    doc: &'a Document,
    resources: &[&'a Dictionary],
    category: &[u8],
    name: &[u8],
) -> Option<&'a Object> {
    resources.iter().find_map(|r| {
        let entries = resolve(doc, r.get(category).ok()?).as_dict().ok()?;
        entries.get(name).ok()
    })
}

/// Reads a font's Unicode map, encoding and widths.
fn font(doc: &Document, dict: &Dictionary, max_bytes: usize) -> Font {
    let subtype = dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .unwrap_or(b"");
    let composite = subtype == b"Type0";
    let cmap = to_unicode(doc, dict, max_bytes);
    let mut table = Vec::new();
    if !composite && let Ok(encoding) = dict.get_font_encoding_with_limit(doc, max_bytes) {
        table = (0..=255u8)
            .map(|b| encoding.bytes_to_string(&[b]).unwrap_or_default())
            .map(|s| {
                if s.contains('\u{fffd}') {
                    String::new()
                } else {
                    s
                }
            })
            .collect();
    }
    let mut widths = HashMap::new();
    let mut default_width;
    let mut scale = 0.001;
    if composite {
        let descendant = dict
            .get(b"DescendantFonts")
            .ok()
            .map(|o| resolve(doc, o))
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| resolve(doc, o).as_dict().ok());
        default_width = descendant
            .and_then(|d| d.get(b"DW").ok())
            .and_then(|o| number(resolve(doc, o)))
            .unwrap_or(1000.0);
        if let Some(w) = descendant
            .and_then(|d| d.get(b"W").ok())
            .and_then(|o| resolve(doc, o).as_array().ok())
        {
            cid_widths(doc, w, &mut widths);
        }
    } else {
        let first = dict
            .get(b"FirstChar")
            .ok()
            .and_then(|o| number(resolve(doc, o)))
            .unwrap_or(0.0) as u32;
        if let Some(w) = dict
            .get(b"Widths")
            .ok()
            .and_then(|o| resolve(doc, o).as_array().ok())
        {
            for (i, o) in w.iter().enumerate().take(256) {
                if let Some(v) = number(resolve(doc, o)) {
                    widths.insert(first + i as u32, v);
                }
            }
        }
        default_width = dict
            .get(b"FontDescriptor")
            .ok()
            .and_then(|o| resolve(doc, o).as_dict().ok())
            .and_then(|d| d.get(b"MissingWidth").ok())
            .and_then(|o| number(resolve(doc, o)))
            .filter(|w| *w > 0.0)
            .unwrap_or(0.0);
        if widths.is_empty() {
            // The standard 14 fonts carry no widths; an average glyph keeps
            // words apart and lines in place, which is all layout needs.
            let name = dict
                .get(b"BaseFont")
                .and_then(Object::as_name)
                .unwrap_or(b"");
            let courier = name.windows(7).any(|w| w == b"Courier");
            default_width = if courier { 600.0 } else { 520.0 };
            widths.insert(32, if courier { 600.0 } else { 260.0 });
        }
        if subtype == b"Type3"
            && let Some(m) = dict
                .get(b"FontMatrix")
                .ok()
                .and_then(|o| resolve(doc, o).as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| number(resolve(doc, o)))
        {
            scale = m;
        }
    }
    Font {
        code_len: if composite { 2 } else { 1 },
        table,
        cmap,
        widths,
        default_width,
        scale,
    }
}

/// A CID font's `W` array: `c [w1 w2 ...]` or `c_first c_last w`.
fn cid_widths(doc: &Document, w: &[Object], widths: &mut HashMap<u32, f32>) {
    const MAX_ENTRIES: u32 = 65_536;
    let mut i = 0;
    while i < w.len() && widths.len() < MAX_ENTRIES as usize {
        let Some(first) = number(resolve(doc, &w[i])).map(|v| v as u32) else {
            break;
        };
        match w.get(i + 1).map(|o| resolve(doc, o)) {
            Some(Object::Array(list)) => {
                for (j, o) in list.iter().enumerate().take(MAX_ENTRIES as usize) {
                    if let Some(v) = number(resolve(doc, o)) {
                        widths.insert(first.saturating_add(j as u32), v);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let (Some(last), Some(v)) = (
                    number(o).map(|v| v as u32),
                    w.get(i + 2).and_then(|o| number(resolve(doc, o))),
                ) else {
                    break;
                };
                let last = last.min(first.saturating_add(MAX_ENTRIES));
                for code in first..=last {
                    widths.insert(code, v);
                }
                i += 3;
            }
            None => break,
        }
    }
}

/// The font's `ToUnicode` map, read by lopdf: the font dictionary without its
/// `/Encoding`, so lopdf takes the map (it prefers the encoding otherwise).
fn to_unicode(doc: &Document, dict: &Dictionary, max_bytes: usize) -> Option<Encoding<'static>> {
    dict.get(b"ToUnicode").ok()?;
    let mut bare = dict.clone();
    bare.remove(b"Encoding");
    match bare.get_font_encoding_with_limit(doc, max_bytes).ok()? {
        Encoding::UnicodeMapEncoding(map) => Some(Encoding::UnicodeMapEncoding(map)),
        _ => None,
    }
}
