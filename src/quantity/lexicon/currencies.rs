//! Currencies as records: one row per currency holds every way news text
//! names it (ISO 4217 code, names and plurals, hundredths, symbols, ASCII
//! prefixes, country adjectives). The scanner's lookups are derived from
//! this table once, so adding a currency is adding a row.
//!
//! A name read alone ("50 pounds") belongs to the first row that lists it
//! and is not `ambiguous`; a country adjective picks the row it names ("50
//! Egyptian pounds"). A row is `ambiguous` when its names alone do not say
//! that money is meant or which money: they are ordinary English words
//! ("real", "won") or several countries share them ("krone").

use std::sync::LazyLock;

use super::{Shapes, WordIndex, WordMap};

/// One currency and the words that name it.
#[derive(Debug)]
pub(crate) struct Currency {
    /// ISO 4217 code.
    pub iso: &'static str,
    /// Names of the major unit, singular and plural, lowercase ("pound", "pounds").
    pub names: &'static [&'static str],
    /// Names of its hundredth, lowercase ("pence").
    pub minor: &'static [&'static str],
    /// Symbols written before or after the number (not `$`): "£", "€".
    pub symbols: &'static [&'static str],
    /// ASCII abbreviations written before the number, case as written ("Rs").
    pub prefixes: &'static [&'static str],
    /// Lowercased country prefixes before `$` ("c" in "C$", "us" in "US$").
    pub dollar_prefixes: &'static [&'static str],
    /// Country adjectives before a name, lowercase, one or two words
    /// ("canadian", "new zealand").
    pub countries: &'static [&'static str],
    /// Codes also read in lowercase beside a number ("100 usd").
    pub lower_codes: &'static [&'static str],
    /// Its names alone do not make money (see the module note).
    pub ambiguous: bool,
}

const NONE: &[&str] = &[];

/// A row with only a code and names; the rest filled by `..ROW`.
const ROW: Currency = Currency {
    iso: "",
    names: NONE,
    minor: NONE,
    symbols: NONE,
    prefixes: NONE,
    dollar_prefixes: NONE,
    countries: NONE,
    lower_codes: NONE,
    ambiguous: false,
};

/// Every currency the scanner reads by name, symbol or prefix. Order
/// matters only for a name several rows share: the first row owns it alone.
pub(crate) static CURRENCIES: &[Currency] = &[
    Currency {
        iso: "GBP",
        names: &["pound", "pounds", "sterling", "quid"],
        minor: &["pence", "penny", "pennies"],
        symbols: &["£"],
        countries: &["british"],
        lower_codes: &["gbp"],
        ..ROW
    },
    Currency {
        iso: "USD",
        names: &["dollar", "dollars", "usd", "buck", "bucks"],
        minor: &["cent", "cents"],
        dollar_prefixes: &["us", "u.s.", "usd"],
        countries: &["us", "american"],
        lower_codes: &["usd"],
        ..ROW
    },
    Currency {
        iso: "EUR",
        names: &["euro", "euros"],
        symbols: &["€"],
        lower_codes: &["eur"],
        ..ROW
    },
    Currency {
        iso: "UAH",
        names: &[
            "hryvnia", "hryvnias", "hryvnas", "hryvna", "hryvnya", "hryvni", "uah",
        ],
        minor: &["kopiyka", "kopiykas", "kopiyok"],
        symbols: &["₴"],
        countries: &["ukrainian"],
        lower_codes: &["uah"],
        ..ROW
    },
    Currency {
        iso: "RUB",
        names: &["rouble", "roubles", "ruble", "rubles"],
        minor: &["kopeck", "kopecks", "kopek", "kopeks", "kopeyka", "kopeyki"],
        symbols: &["₽"],
        countries: &["russian"],
        lower_codes: &["rub"],
        ..ROW
    },
    Currency {
        iso: "CNY",
        names: &["yuan", "renminbi", "rmb"],
        symbols: &["元"],
        countries: &["chinese"],
        lower_codes: &["cny", "rmb"],
        ..ROW
    },
    Currency {
        iso: "JPY",
        names: &["yen"],
        symbols: &["¥"],
        countries: &["japanese"],
        lower_codes: &["jpy"],
        ..ROW
    },
    Currency {
        iso: "INR",
        names: &["rupee", "rupees"],
        minor: &["paise", "paisa"],
        symbols: &["₹"],
        prefixes: &["Rs"],
        countries: &["indian"],
        lower_codes: &["inr"],
        ..ROW
    },
    Currency {
        iso: "TRY",
        names: &["lira", "liras"],
        symbols: &["₺"],
        countries: &["turkish"],
        ..ROW
    },
    Currency {
        iso: "CHF",
        names: &["franc", "francs"],
        countries: &["swiss"],
        lower_codes: &["chf"],
        ..ROW
    },
    Currency {
        iso: "PLN",
        names: &["zloty", "zlotys", "zlotych"],
        ..ROW
    },
    Currency {
        iso: "HUF",
        names: &["forint", "forints"],
        ..ROW
    },
    Currency {
        iso: "ILS",
        names: &["shekel", "shekels", "sheqel", "sheqels"],
        symbols: &["₪"],
        ..ROW
    },
    Currency {
        iso: "ZAR",
        names: &["rand"],
        countries: &["south african"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "NGN",
        names: &["naira"],
        symbols: &["₦"],
        ..ROW
    },
    Currency {
        iso: "THB",
        names: &["baht"],
        symbols: &["฿"],
        ..ROW
    },
    Currency {
        iso: "MYR",
        names: &["ringgit"],
        prefixes: &["RM"],
        ..ROW
    },
    Currency {
        iso: "IDR",
        names: &["rupiah"],
        ..ROW
    },
    Currency {
        iso: "GEL",
        names: &["lari"],
        symbols: &["₾"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "KZT",
        names: &["tenge"],
        symbols: &["₸"],
        ..ROW
    },
    Currency {
        iso: "AED",
        names: &["dirham", "dirhams"],
        ..ROW
    },
    Currency {
        iso: "SAR",
        names: &["riyal", "riyals"],
        ..ROW
    },
    Currency {
        iso: "SEK",
        names: &["kronor", "krona"],
        countries: &["swedish"],
        lower_codes: &["sek"],
        ..ROW
    },
    Currency {
        iso: "MXN",
        names: &["peso", "pesos"],
        dollar_prefixes: &["mex", "mx", "mxn"],
        countries: &["mexican"],
        lower_codes: &["mxn"],
        ..ROW
    },
    Currency {
        iso: "AFN",
        names: &["afghani", "afghanis"],
        ..ROW
    },
    Currency {
        iso: "ALL",
        names: &["lek", "leke"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "AMD",
        names: &["dram", "drams"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "AOA",
        names: &["kwanza", "kwanzas"],
        ..ROW
    },
    Currency {
        iso: "AZN",
        names: &["manat", "manats"],
        symbols: &["₼"],
        ..ROW
    },
    Currency {
        iso: "BDT",
        names: &["taka"],
        symbols: &["৳"],
        ..ROW
    },
    Currency {
        iso: "BGN",
        names: &["lev", "leva"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "BOB",
        names: &["boliviano", "bolivianos"],
        ..ROW
    },
    Currency {
        iso: "BWP",
        names: &["pula"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "KHR",
        names: &["riel", "riels"],
        ..ROW
    },
    Currency {
        iso: "CRC",
        names: &["colon", "colones"],
        symbols: &["₡"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "CZK",
        names: &["koruna", "korunas", "koruny"],
        ..ROW
    },
    Currency {
        iso: "ETB",
        names: &["birr"],
        ..ROW
    },
    Currency {
        iso: "GHS",
        names: &["cedi", "cedis"],
        symbols: &["₵"],
        ..ROW
    },
    Currency {
        iso: "GTQ",
        names: &["quetzal", "quetzales"],
        ..ROW
    },
    Currency {
        iso: "HTG",
        names: &["gourde", "gourdes"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "LAK",
        names: &["kip"],
        symbols: &["₭"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "MGA",
        names: &["ariary"],
        ..ROW
    },
    Currency {
        iso: "MKD",
        names: &["denar", "denars"],
        ..ROW
    },
    Currency {
        iso: "MMK",
        names: &["kyat", "kyats"],
        ..ROW
    },
    Currency {
        iso: "MNT",
        names: &["tugrik", "tugriks"],
        symbols: &["₮"],
        ..ROW
    },
    Currency {
        iso: "MOP",
        names: &["pataca", "patacas"],
        ..ROW
    },
    Currency {
        iso: "MVR",
        names: &["rufiyaa"],
        ..ROW
    },
    Currency {
        iso: "MZN",
        names: &["metical", "meticais"],
        ..ROW
    },
    Currency {
        iso: "NIO",
        names: &["cordoba", "cordobas"],
        ..ROW
    },
    Currency {
        iso: "PAB",
        names: &["balboa", "balboas"],
        ..ROW
    },
    Currency {
        iso: "PGK",
        names: &["kina"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "PYG",
        names: &["guarani", "guaranis"],
        symbols: &["₲"],
        ..ROW
    },
    Currency {
        iso: "RON",
        names: &["leu", "lei"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "SLE",
        names: &["leone", "leones"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "TJS",
        names: &["somoni"],
        ..ROW
    },
    Currency {
        iso: "VES",
        names: &["bolivar", "bolivars", "bolivares"],
        ..ROW
    },
    Currency {
        iso: "VND",
        names: &["dong"],
        symbols: &["₫"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "VUV",
        names: &["vatu"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "WST",
        names: &["tala"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "BRL",
        names: &["real", "reais"],
        dollar_prefixes: &["r", "brl"],
        countries: &["brazilian"],
        lower_codes: &["brl"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "KES",
        names: &["shilling", "shillings"],
        prefixes: &["KSh", "Ksh", "KShs", "Kshs"],
        countries: &["kenyan"],
        ambiguous: true,
        ..ROW
    },
    // Historic currencies, as archive text names them.
    Currency {
        iso: "FIM",
        names: &["markka", "markkaa", "markkas"],
        countries: &["finnish"],
        ..ROW
    },
    Currency {
        iso: "ESP",
        names: &["peseta", "pesetas"],
        countries: &["spanish"],
        ..ROW
    },
    Currency {
        iso: "NLG",
        names: &["guilder", "guilders"],
        countries: &["dutch"],
        ..ROW
    },
    Currency {
        iso: "DEM",
        names: &["deutschmark", "deutschmarks"],
        ..ROW
    },
    Currency {
        iso: "DEM",
        names: &["mark", "marks"],
        countries: &["german", "deutsche"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "ITL",
        names: &["lire"],
        countries: &["italian"],
        ..ROW
    },
    Currency {
        iso: "GRD",
        names: &["drachma", "drachmas", "drachmae"],
        countries: &["greek"],
        ..ROW
    },
    Currency {
        iso: "PTE",
        names: &["escudo", "escudos"],
        countries: &["portuguese"],
        ..ROW
    },
    Currency {
        iso: "FRF",
        names: &["franc", "francs"],
        countries: &["french"],
        ..ROW
    },
    Currency {
        iso: "BEF",
        names: &["franc", "francs"],
        countries: &["belgian"],
        ..ROW
    },
    Currency {
        iso: "ATS",
        names: &["schilling", "schillings"],
        countries: &["austrian"],
        ..ROW
    },
    Currency {
        iso: "IEP",
        names: &["punt", "punts"],
        countries: &["irish"],
        ambiguous: true,
        ..ROW
    },
    // Names these rows share with a row above are read only with the
    // country adjective ("Canadian dollars", "Egyptian pounds").
    Currency {
        iso: "CAD",
        names: &["dollar", "dollars"],
        dollar_prefixes: &["c", "ca", "can", "cad"],
        countries: &["canadian"],
        lower_codes: &["cad"],
        ..ROW
    },
    Currency {
        iso: "AUD",
        names: &["dollar", "dollars"],
        dollar_prefixes: &["a", "au", "aud"],
        countries: &["australian"],
        lower_codes: &["aud"],
        ..ROW
    },
    Currency {
        iso: "NZD",
        names: &["dollar", "dollars"],
        dollar_prefixes: &["nz", "nzd"],
        countries: &["new zealand"],
        lower_codes: &["nzd"],
        ..ROW
    },
    Currency {
        iso: "HKD",
        names: &["dollar", "dollars"],
        dollar_prefixes: &["hk", "hkd"],
        countries: &["hong kong"],
        lower_codes: &["hkd"],
        ..ROW
    },
    Currency {
        iso: "SGD",
        names: &["dollar", "dollars"],
        dollar_prefixes: &["s", "sgd"],
        countries: &["singapore"],
        ..ROW
    },
    Currency {
        iso: "TWD",
        names: &["dollar", "dollars"],
        dollar_prefixes: &["nt", "twd"],
        countries: &["taiwan", "taiwanese"],
        ..ROW
    },
    Currency {
        iso: "ZWL",
        dollar_prefixes: &["z", "zwl"],
        ..ROW
    },
    Currency {
        iso: "ARS",
        names: &["peso", "pesos"],
        countries: &["argentine", "argentinian"],
        ..ROW
    },
    Currency {
        iso: "PKR",
        names: &["rupee", "rupees"],
        countries: &["pakistani"],
        ..ROW
    },
    Currency {
        iso: "EGP",
        names: &["pound", "pounds"],
        countries: &["egyptian"],
        ..ROW
    },
    Currency {
        iso: "KRW",
        names: &["won"],
        symbols: &["₩"],
        countries: &["korean", "south korean"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "NOK",
        names: &["krone", "kroner"],
        countries: &["norwegian"],
        lower_codes: &["nok"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "DKK",
        names: &["krone", "kroner"],
        countries: &["danish"],
        ambiguous: true,
        ..ROW
    },
    Currency {
        iso: "PHP",
        symbols: &["₱"],
        ..ROW
    },
    Currency {
        iso: "LKR",
        symbols: &["ரூ"],
        ..ROW
    },
];

/// ISO 4217 codes that are also English words: before a number they are
/// read as the word ("ALL 5 solutions", "TOP 10 tips"), after it as money.
const WORD_CODES: &[&str] = &[
    "ALL", "AMD", "BAM", "BOB", "CAD", "CUP", "DOP", "GEL", "MAD", "MOP", "PEN", "RON", "SOS",
    "TOP", "TRY",
];

/// The lookups derived from [`CURRENCIES`] and the ISO 4217 list.
struct Index {
    /// Shapes of `names` keys.
    name_shapes: Shapes,
    /// Shapes of the first word of every country adjective.
    country_shapes: Shapes,
    /// Shapes of `lower_codes` and `prefixes` keys.
    code_shapes: Shapes,
    /// A name read alone, or a hundredth: code and factor to the major unit.
    names: WordMap<&'static [u8], (&'static str, f64)>,
    /// "adjective name" (lowercase, one space) to code: "canadian dollars".
    countries: WordMap<Vec<u8>, &'static str>,
    /// First words of two-word country adjectives ("new", "hong").
    country_heads: Vec<Vec<u8>>,
    dollar_prefixes: WordMap<&'static [u8], &'static str>,
    lower_codes: WordMap<&'static [u8], &'static str>,
    prefixes: Vec<(&'static [u8], &'static str)>,
    /// Symbols, longest first.
    symbols: Vec<(&'static [u8], &'static str)>,
    /// Codes whose names say "dollar": a second `$` in a range repeats them.
    dollars: Vec<&'static str>,
    /// Every code `iso_code` knows, and its index.
    codes: Vec<&'static str>,
    code_lookup: WordIndex,
}

impl Index {
    fn country(&mut self, adj: &str, name: &str, code: &'static str) {
        self.country_shapes
            .add(adj.split(' ').next().unwrap_or(adj).as_bytes());
        let key = format!("{adj} {name}").into_bytes();
        self.countries.entry(key).or_insert(code);
        if let Some((head, _)) = adj.split_once(' ') {
            let head = head.as_bytes().to_vec();
            if !self.country_heads.contains(&head) {
                self.country_heads.push(head);
            }
        }
    }
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut ix = Index {
        name_shapes: Shapes::new(),
        country_shapes: Shapes::new(),
        code_shapes: Shapes::new(),
        names: WordMap::default(),
        countries: WordMap::default(),
        country_heads: Vec::new(),
        dollar_prefixes: WordMap::default(),
        lower_codes: WordMap::default(),
        prefixes: Vec::new(),
        symbols: Vec::new(),
        dollars: Vec::new(),
        codes: Vec::new(),
        code_lookup: WordIndex::new([]),
    };
    for c in CURRENCIES {
        if !c.ambiguous {
            for n in c.names {
                ix.names.entry(n.as_bytes()).or_insert((c.iso, 1.0));
            }
        }
        for n in c.minor {
            ix.names.entry(n.as_bytes()).or_insert((c.iso, 0.01));
        }
        for adj in c.countries {
            for n in c.names {
                ix.country(adj, n, c.iso);
            }
        }
        if c.names.contains(&"dollar") {
            ix.dollars.push(c.iso);
        }
        for p in c.dollar_prefixes {
            ix.dollar_prefixes.entry(p.as_bytes()).or_insert(c.iso);
        }
        for p in c.lower_codes {
            ix.lower_codes.entry(p.as_bytes()).or_insert(c.iso);
            ix.code_shapes.add(p.as_bytes());
        }
        for p in c.prefixes {
            ix.prefixes.push((p.as_bytes(), c.iso));
            ix.code_shapes.add(p.as_bytes());
        }
        for s in c.symbols {
            ix.symbols.push((s.as_bytes(), c.iso));
        }
    }
    // Every other currency of the ISO list by its English name, which is a
    // country adjective and a name ("Kenyan shilling", "Qatari riyal"):
    // read with the adjective, singular or plural, never the name alone.
    for n in 1..1000 {
        let Some(cur) = iso_currency::Currency::from_numeric(n) else {
            continue;
        };
        if cur.is_fund() || cur.is_special() {
            continue;
        }
        ix.codes.push(cur.code());
        let name = cur.name().to_lowercase();
        if !name.is_ascii() || name.contains(['(', '/']) {
            continue;
        }
        let Some((adj, base)) = name.rsplit_once(' ') else {
            continue;
        };
        if adj.split(' ').count() > 2 {
            continue;
        }
        let code = cur.code();
        ix.country(adj, base, code);
        ix.country(adj, &format!("{base}s"), code);
        if base == "dollar" && !ix.dollars.contains(&code) {
            ix.dollars.push(code);
        }
    }
    for w in ix.names.keys() {
        ix.name_shapes.add(w);
    }
    ix.codes.extend(CURRENCIES.iter().map(|c| c.iso));
    ix.code_lookup = WordIndex::new(ix.codes.iter().zip(0..).map(|(c, k)| (c.as_bytes(), k)));
    ix.symbols.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    ix
});

/// A currency written as a word after the figure ("pounds") with the factor
/// to the major unit (pence are hundredths of a pound).
pub(crate) fn currency_name(w: &[u8]) -> Option<(&'static str, f64)> {
    let ix = &*INDEX;
    if !ix.name_shapes.may_hold(w) {
        return None;
    }
    ix.names.get(w).copied()
}

/// A country adjective (one or two lowercase words, "new zealand") before a
/// currency name ("canadian dollars").
pub(crate) fn currency_country(adj: &[u8], name: &[u8]) -> Option<&'static str> {
    let ix = &*INDEX;
    let head = adj.split(|&c| c == b' ').next().unwrap_or(adj);
    if !ix.country_shapes.may_hold(head) {
        return None;
    }
    let mut key = [0u8; 64];
    let n = adj.len() + 1 + name.len();
    if n > key.len() {
        return None;
    }
    key[..adj.len()].copy_from_slice(adj);
    key[adj.len()] = b' ';
    key[adj.len() + 1..n].copy_from_slice(name);
    ix.countries.get(&key[..n]).copied()
}

/// Whether a one-word adjective may be a country's ("canadian", "new"): the
/// shape pre-test that [`currency_country`] and [`country_head`] start with.
pub(crate) fn country_shape(w: &[u8]) -> bool {
    INDEX.country_shapes.may_hold(w)
}

/// Whether a word starts a two-word country adjective ("new" of "new zealand").
pub(crate) fn country_head(w: &[u8]) -> bool {
    let ix = &*INDEX;
    ix.country_shapes.may_hold(w) && ix.country_heads.iter().any(|h| h.as_slice() == w)
}

/// An ISO 4217 code written in capitals beside a number: every code of the
/// ISO list (not funds or test codes) and the historic ones of the table.
pub(crate) fn iso_code(w: &[u8]) -> Option<&'static str> {
    if w.len() != 3 || !w.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    let ix = &*INDEX;
    let k = ix.code_lookup.get(w)?;
    ix.codes.get(k as usize).copied()
}

/// A code before a number: not one that is also an English word ("ALL 5").
pub(crate) fn code_before(w: &[u8]) -> Option<&'static str> {
    iso_code(w).filter(|c| !WORD_CODES.contains(c))
}

/// Whether a code's currency is a dollar (a second `$` repeats it: "C$5-$6").
pub(crate) fn is_dollar(code: &str) -> bool {
    INDEX.dollars.contains(&code)
}

/// The code a lowercase prefix before `$` names ("c" of "C$", "us" of "US$").
pub(crate) fn dollar_prefix(w: &[u8]) -> Option<&'static str> {
    INDEX.dollar_prefixes.get(w).copied()
}

/// ISO codes also written in lowercase beside a number ("100 usd").
pub(crate) fn lowercase_code(w: &[u8]) -> Option<&'static str> {
    let ix = &*INDEX;
    if w.len() != 3 || !ix.code_shapes.may_hold(w) {
        return None;
    }
    ix.lower_codes.get(w).copied()
}

/// An ASCII abbreviation written before the number, exactly (`Rs`, `RM`, `KSh`).
pub(crate) fn prefix(w: &[u8]) -> Option<&'static str> {
    let ix = &*INDEX;
    if !ix.code_shapes.may_hold(w) {
        return None;
    }
    ix.prefixes.iter().find(|(p, _)| *p == w).map(|(_, c)| *c)
}

/// A currency symbol (not `$`), its code and its length in bytes, at the start of `b`.
pub(crate) fn currency_symbol(b: &[u8]) -> Option<(&'static str, usize)> {
    let first = *b.first()?;
    if first < 0x80 {
        return None;
    }
    INDEX
        .symbols
        .iter()
        .find(|(s, _)| b.starts_with(s))
        .map(|(s, c)| (*c, s.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_a_known_code() {
        for c in CURRENCIES {
            assert!(iso_code(c.iso.as_bytes()).is_some(), "{}", c.iso);
        }
    }

    #[test]
    fn words_are_lowercase_and_prefixes_are_ascii() {
        for c in CURRENCIES {
            for w in c.names.iter().chain(c.minor).chain(c.countries) {
                assert_eq!(*w, w.to_lowercase(), "{}", c.iso);
            }
            for p in c.prefixes {
                assert!(p.is_ascii(), "{p}");
            }
        }
    }

    #[test]
    fn a_shared_name_belongs_alone_to_its_first_row() {
        assert_eq!(currency_name(b"dollars"), Some(("USD", 1.0)));
        assert_eq!(currency_name(b"pence"), Some(("GBP", 0.01)));
        assert_eq!(currency_country(b"canadian", b"dollars"), Some("CAD"));
        assert_eq!(currency_country(b"new zealand", b"dollar"), Some("NZD"));
        assert_eq!(currency_name(b"won"), None);
        assert_eq!(currency_name(b"kroner"), None);
    }

    #[test]
    fn the_code_lookup_is_the_iso_list_and_the_table() {
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                for c in b'A'..=b'Z' {
                    let w = [a, b, c];
                    let code = String::from_utf8_lossy(&w);
                    let code = code.as_ref();
                    let want = iso_currency::Currency::from_code(code)
                        .filter(|cur| !cur.is_fund() && !cur.is_special())
                        .map(|cur| cur.code())
                        .or_else(|| CURRENCIES.iter().find(|r| r.iso == code).map(|r| r.iso));
                    assert_eq!(iso_code(&w), want, "{code}");
                }
            }
        }
    }

    #[test]
    fn the_iso_list_names_currencies_by_country() {
        assert_eq!(currency_country(b"lebanese", b"pounds"), Some("LBP"));
        assert_eq!(currency_country(b"qatari", b"riyals"), Some("QAR"));
        assert_eq!(currency_country(b"kuwaiti", b"dinar"), Some("KWD"));
        assert_eq!(currency_country(b"kenyan", b"shillings"), Some("KES"));
        assert_eq!(iso_code(b"KES"), Some("KES"));
        assert_eq!(iso_code(b"XTS"), None);
        assert_eq!(iso_code(b"DEM"), Some("DEM"));
        assert_eq!(code_before(b"ALL"), None);
        assert!(is_dollar("CAD") && is_dollar("JMD") && !is_dollar("KWD"));
    }
}
