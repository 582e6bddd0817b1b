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

use std::collections::HashMap;
use std::sync::LazyLock;

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
        names: &["lira", "liras", "lire"],
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
        ..ROW
    },
    Currency {
        iso: "AMD",
        names: &["dram", "drams"],
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
        ..ROW
    },
    Currency {
        iso: "LAK",
        names: &["kip"],
        symbols: &["₭"],
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
        ..ROW
    },
    Currency {
        iso: "SLE",
        names: &["leone", "leones"],
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
        ..ROW
    },
    Currency {
        iso: "VUV",
        names: &["vatu"],
        ..ROW
    },
    Currency {
        iso: "WST",
        names: &["tala"],
        ..ROW
    },
    Currency {
        iso: "BRL",
        names: &["real", "reais"],
        dollar_prefixes: &["r", "brl"],
        countries: &["brazilian"],
        lower_codes: &["brl"],
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

/// ISO 4217 codes the scanner accepts beside a number (written in capitals).
const CODES: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD",
    "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY",
    "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD",
    "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK",
    "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK",
    "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG",
    "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SYP", "SZL", "THB", "TJS", "TMT",
    "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES", "VND",
    "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWL",
];

/// The lookups derived from [`CURRENCIES`].
struct Index {
    /// A name read alone, or a hundredth: code and factor to the major unit.
    names: HashMap<&'static [u8], (&'static str, f64)>,
    /// (country adjective, name) to code.
    countries: HashMap<(&'static [u8], &'static [u8]), &'static str>,
    /// First words of two-word country adjectives ("new", "hong").
    country_heads: Vec<&'static [u8]>,
    dollar_prefixes: HashMap<&'static [u8], &'static str>,
    lower_codes: HashMap<&'static [u8], &'static str>,
    prefixes: Vec<(&'static [u8], &'static str)>,
    /// Symbols, longest first.
    symbols: Vec<(&'static [u8], &'static str)>,
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut ix = Index {
        names: HashMap::new(),
        countries: HashMap::new(),
        country_heads: Vec::new(),
        dollar_prefixes: HashMap::new(),
        lower_codes: HashMap::new(),
        prefixes: Vec::new(),
        symbols: Vec::new(),
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
            if let Some((head, _)) = adj.split_once(' ') {
                ix.country_heads.push(head.as_bytes());
            }
            for n in c.names {
                ix.countries
                    .entry((adj.as_bytes(), n.as_bytes()))
                    .or_insert(c.iso);
            }
        }
        for p in c.dollar_prefixes {
            ix.dollar_prefixes.entry(p.as_bytes()).or_insert(c.iso);
        }
        for p in c.lower_codes {
            ix.lower_codes.entry(p.as_bytes()).or_insert(c.iso);
        }
        for p in c.prefixes {
            ix.prefixes.push((p.as_bytes(), c.iso));
        }
        for s in c.symbols {
            ix.symbols.push((s.as_bytes(), c.iso));
        }
    }
    ix.symbols.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    ix
});

/// A currency written as a word after the figure ("pounds") with the factor
/// to the major unit (pence are hundredths of a pound).
pub(crate) fn currency_name(w: &[u8]) -> Option<(&'static str, f64)> {
    INDEX.names.get(w).copied()
}

/// A country adjective (one or two lowercase words, "new zealand") before a
/// currency name ("canadian dollars").
pub(crate) fn currency_country(adj: &[u8], name: &[u8]) -> Option<&'static str> {
    INDEX.countries.get(&(adj, name)).copied()
}

/// Whether a word starts a two-word country adjective ("new" of "new zealand").
pub(crate) fn country_head(w: &[u8]) -> bool {
    INDEX.country_heads.contains(&w)
}

/// ISO 4217 codes the scanner accepts beside a number (written in capitals).
pub(crate) fn iso_code(w: &[u8]) -> Option<&'static str> {
    if w.len() != 3 {
        return None;
    }
    CODES
        .binary_search_by(|c| c.as_bytes().cmp(w))
        .ok()
        .map(|i| CODES[i])
}

/// The code a lowercase prefix before `$` names ("c" of "C$", "us" of "US$").
pub(crate) fn dollar_prefix(w: &[u8]) -> Option<&'static str> {
    INDEX.dollar_prefixes.get(w).copied()
}

/// ISO codes also written in lowercase beside a number ("100 usd").
pub(crate) fn lowercase_code(w: &[u8]) -> Option<&'static str> {
    INDEX.lower_codes.get(w).copied()
}

/// An ASCII abbreviation written before the number, exactly ("Rs").
pub(crate) fn prefix(w: &[u8]) -> Option<&'static str> {
    INDEX
        .prefixes
        .iter()
        .find(|(p, _)| *p == w)
        .map(|(_, c)| *c)
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
    fn codes_are_sorted_and_every_row_has_a_known_code() {
        assert!(CODES.windows(2).all(|w| w[0] < w[1]));
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
}
