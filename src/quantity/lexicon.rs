//! The words the scanner knows: number words, scales, qualifiers, currencies,
//! units and the context words that make a number something else (a date, a
//! measure, a reference). Every lookup takes an ASCII-lowercased word.

/// A word that takes part in a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumWord {
    /// zero to nineteen.
    Small(u32),
    /// twenty, thirty, ... ninety.
    Tens(u32),
    /// hundred.
    Hundred,
    /// thousand, million, billion, trillion, lakh, crore.
    Scale(f64),
    /// dozen, dozens (after a number).
    Dozen,
    /// "a", "an" before hundred, thousand, dozen...
    A,
    /// "half" ("half a million").
    Half,
    /// "quarter" ("a quarter million").
    Quarter,
}

/// Looks up a lowercased word as part of a number.
pub(crate) fn num_word(w: &[u8]) -> Option<NumWord> {
    use NumWord::{A, Dozen, Half, Hundred, Quarter, Scale, Small, Tens};
    Some(match w {
        b"zero" => Small(0),
        b"one" => Small(1),
        b"two" => Small(2),
        b"three" => Small(3),
        b"four" => Small(4),
        b"five" => Small(5),
        b"six" => Small(6),
        b"seven" => Small(7),
        b"eight" => Small(8),
        b"nine" => Small(9),
        b"ten" => Small(10),
        b"eleven" => Small(11),
        b"twelve" => Small(12),
        b"thirteen" => Small(13),
        b"fourteen" => Small(14),
        b"fifteen" => Small(15),
        b"sixteen" => Small(16),
        b"seventeen" => Small(17),
        b"eighteen" => Small(18),
        b"nineteen" => Small(19),
        b"twenty" => Tens(20),
        b"thirty" => Tens(30),
        b"forty" | b"fourty" => Tens(40),
        b"fifty" => Tens(50),
        b"sixty" => Tens(60),
        b"seventy" => Tens(70),
        b"eighty" => Tens(80),
        b"ninety" => Tens(90),
        b"hundred" => Hundred,
        b"thousand" => Scale(1e3),
        b"million" => Scale(1e6),
        b"billion" => Scale(1e9),
        b"trillion" => Scale(1e12),
        b"lakh" | b"lakhs" => Scale(1e5),
        b"crore" | b"crores" => Scale(1e7),
        b"dozen" | b"dozens" | b"dz" | b"dzs" | b"doz" => Dozen,
        b"a" | b"an" => A,
        b"half" => Half,
        b"quarter" => Quarter,
        _ => return None,
    })
}

/// A scale written right after digits, with or without a space, case as
/// written ("m" alone is million only for money; "mm" is millimetres).
pub(crate) fn scale_suffix(w: &[u8], spaced: bool) -> Option<f64> {
    Some(match w {
        b"k" | b"K" | b"thousand" | b"Thousand" | b"THOUSAND" => 1e3,
        b"million" | b"Million" | b"MILLION" | b"mn" | b"Mn" | b"mln" | b"Mln" | b"mil" | b"MM"
        | b"mio" => 1e6,
        b"billion" | b"Billion" | b"BILLION" | b"bn" | b"Bn" | b"BN" | b"bln" | b"Bln" => 1e9,
        b"trillion" | b"Trillion" | b"TRILLION" | b"tn" | b"trn" | b"Tn" => 1e12,
        b"lakh" | b"lakhs" => 1e5,
        b"crore" | b"crores" => 1e7,
        b"G" if spaced => 1e9,
        b"m" | b"M" if !spaced => 1e6,
        b"b" | b"B" if !spaced => 1e9,
        _ => return None,
    })
}

/// A currency written as a word after the figure ("pounds") or a code, with
/// the factor to the major unit (pence are hundredths of a pound).
pub(crate) fn currency_name(w: &[u8]) -> Option<(&'static str, f64)> {
    Some(match w {
        b"pound" | b"pounds" | b"sterling" | b"quid" => ("GBP", 1.0),
        b"pence" | b"penny" | b"pennies" => ("GBP", 0.01),
        b"dollar" | b"dollars" | b"usd" | b"buck" | b"bucks" => ("USD", 1.0),
        b"cent" | b"cents" => ("USD", 0.01),
        b"euro" | b"euros" => ("EUR", 1.0),
        b"hryvnia" | b"hryvnias" | b"hryvnas" | b"hryvna" | b"hryvnya" | b"hryvni" | b"uah" => {
            ("UAH", 1.0)
        }
        b"rouble" | b"roubles" | b"ruble" | b"rubles" => ("RUB", 1.0),
        b"yuan" | b"renminbi" | b"rmb" => ("CNY", 1.0),
        b"yen" => ("JPY", 1.0),
        b"rupee" | b"rupees" => ("INR", 1.0),
        b"lira" | b"liras" | b"lire" => ("TRY", 1.0),
        b"franc" | b"francs" => ("CHF", 1.0),
        b"zloty" | b"zlotys" | b"zlotych" => ("PLN", 1.0),
        b"forint" | b"forints" => ("HUF", 1.0),
        b"shekel" | b"shekels" | b"sheqel" | b"sheqels" => ("ILS", 1.0),
        b"rand" => ("ZAR", 1.0),
        b"naira" => ("NGN", 1.0),
        b"baht" => ("THB", 1.0),
        b"ringgit" => ("MYR", 1.0),
        b"rupiah" => ("IDR", 1.0),
        b"lari" => ("GEL", 1.0),
        b"tenge" => ("KZT", 1.0),
        b"dirham" | b"dirhams" => ("AED", 1.0),
        b"riyal" | b"riyals" => ("SAR", 1.0),
        b"kronor" => ("SEK", 1.0),
        b"peso" | b"pesos" => ("MXN", 1.0),
        b"kopeck" | b"kopecks" | b"kopek" | b"kopeks" | b"kopeyka" | b"kopeyki" => ("RUB", 0.01),
        b"kopiyka" | b"kopiykas" | b"kopiyok" => ("UAH", 0.01),
        b"paise" | b"paisa" => ("INR", 0.01),
        b"afghani" | b"afghanis" => ("AFN", 1.0),
        b"lek" | b"leke" => ("ALL", 1.0),
        b"dram" | b"drams" => ("AMD", 1.0),
        b"kwanza" | b"kwanzas" => ("AOA", 1.0),
        b"manat" | b"manats" => ("AZN", 1.0),
        b"taka" => ("BDT", 1.0),
        b"lev" | b"leva" => ("BGN", 1.0),
        b"boliviano" | b"bolivianos" => ("BOB", 1.0),
        b"pula" => ("BWP", 1.0),
        b"riel" | b"riels" => ("KHR", 1.0),
        b"colon" | b"colones" => ("CRC", 1.0),
        b"koruna" | b"korunas" | b"koruny" => ("CZK", 1.0),
        b"birr" => ("ETB", 1.0),
        b"cedi" | b"cedis" => ("GHS", 1.0),
        b"quetzal" | b"quetzales" => ("GTQ", 1.0),
        b"gourde" | b"gourdes" => ("HTG", 1.0),
        b"kip" => ("LAK", 1.0),
        b"ariary" => ("MGA", 1.0),
        b"denar" | b"denars" => ("MKD", 1.0),
        b"kyat" | b"kyats" => ("MMK", 1.0),
        b"tugrik" | b"tugriks" => ("MNT", 1.0),
        b"pataca" | b"patacas" => ("MOP", 1.0),
        b"rufiyaa" => ("MVR", 1.0),
        b"metical" | b"meticais" => ("MZN", 1.0),
        b"cordoba" | b"cordobas" => ("NIO", 1.0),
        b"balboa" | b"balboas" => ("PAB", 1.0),
        b"kina" => ("PGK", 1.0),
        b"guarani" | b"guaranis" => ("PYG", 1.0),
        b"leu" | b"lei" => ("RON", 1.0),
        b"leone" | b"leones" => ("SLE", 1.0),
        b"somoni" => ("TJS", 1.0),
        b"bolivar" | b"bolivars" | b"bolivares" => ("VES", 1.0),
        b"dong" => ("VND", 1.0),
        b"vatu" => ("VUV", 1.0),
        b"tala" => ("WST", 1.0),
        b"real" | b"reais" => ("BRL", 1.0),
        _ => return None,
    })
}

/// A country word before a currency name ("canadian dollars", "us dollars").
pub(crate) fn currency_country(adj: &[u8], name: &[u8]) -> Option<&'static str> {
    let dollar = matches!(name, b"dollar" | b"dollars");
    Some(match adj {
        b"us" | b"u.s." | b"american" if dollar => "USD",
        b"canadian" if dollar => "CAD",
        b"australian" if dollar => "AUD",
        b"zealand" if dollar => "NZD",
        b"kong" if dollar => "HKD",
        b"singapore" if dollar => "SGD",
        b"taiwan" | b"taiwanese" if dollar => "TWD",
        b"turkish" if matches!(name, b"lira" | b"liras") => "TRY",
        b"swiss" if matches!(name, b"franc" | b"francs") => "CHF",
        b"mexican" if matches!(name, b"peso" | b"pesos") => "MXN",
        b"argentine" | b"argentinian" if matches!(name, b"peso" | b"pesos") => "ARS",
        b"brazilian" if matches!(name, b"real" | b"reais") => "BRL",
        b"indian" if matches!(name, b"rupee" | b"rupees") => "INR",
        b"pakistani" if matches!(name, b"rupee" | b"rupees") => "PKR",
        b"japanese" if name == b"yen" => "JPY",
        b"chinese" if matches!(name, b"yuan" | b"renminbi") => "CNY",
        b"russian" if matches!(name, b"rouble" | b"roubles" | b"ruble" | b"rubles") => "RUB",
        b"ukrainian" if matches!(name, b"hryvnia" | b"hryvnias") => "UAH",
        b"korean" if name == b"won" => "KRW",
        b"swedish" if matches!(name, b"krona" | b"kronor") => "SEK",
        b"norwegian" if matches!(name, b"krone" | b"kroner") => "NOK",
        b"danish" if matches!(name, b"krone" | b"kroner") => "DKK",
        b"british" if matches!(name, b"pound" | b"pounds") => "GBP",
        b"egyptian" if matches!(name, b"pound" | b"pounds") => "EGP",
        b"south" | b"african" if name == b"rand" => "ZAR",
        _ => return None,
    })
}

/// ISO 4217 codes the scanner accepts beside a number (written in capitals).
pub(crate) fn iso_code(w: &[u8]) -> Option<&'static str> {
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
    if w.len() != 3 {
        return None;
    }
    CODES
        .binary_search_by(|c| c.as_bytes().cmp(w))
        .ok()
        .map(|i| CODES[i])
}

/// The code a lowercase or mixed-case prefix before `$` names ("C$", "US$",
/// "nzd$", "Mex$").
pub(crate) fn dollar_prefix(w: &[u8]) -> Option<&'static str> {
    Some(match w {
        b"us" | b"u.s." | b"usd" => "USD",
        b"c" | b"ca" | b"can" | b"cad" => "CAD",
        b"a" | b"au" | b"aud" => "AUD",
        b"nz" | b"nzd" => "NZD",
        b"hk" | b"hkd" => "HKD",
        b"s" | b"sgd" => "SGD",
        b"r" | b"brl" => "BRL",
        b"mex" | b"mx" | b"mxn" => "MXN",
        b"nt" | b"twd" => "TWD",
        b"z" | b"zwl" => "ZWL",
        _ => return None,
    })
}

/// A currency symbol (not `$`), its code and its length in bytes, at the start of `b`.
pub(crate) fn currency_symbol(b: &[u8]) -> Option<(&'static str, usize)> {
    const SYMBOLS: &[(&str, &str)] = &[
        ("£", "GBP"),
        ("€", "EUR"),
        ("₴", "UAH"),
        ("₽", "RUB"),
        ("¥", "JPY"),
        ("元", "CNY"),
        ("₡", "CRC"),
        ("₹", "INR"),
        ("₩", "KRW"),
        ("₺", "TRY"),
        ("₪", "ILS"),
        ("₦", "NGN"),
        ("₱", "PHP"),
        ("₫", "VND"),
        ("₸", "KZT"),
        ("₾", "GEL"),
        ("฿", "THB"),
        ("ரூ", "LKR"),
        ("৳", "BDT"),
        ("₼", "AZN"),
        ("₭", "LAK"),
        ("₮", "MNT"),
        ("₲", "PYG"),
        ("₵", "GHS"),
    ];
    let first = *b.first()?;
    if first < 0x80 {
        return None;
    }
    SYMBOLS
        .iter()
        .find(|(s, _)| b.starts_with(s.as_bytes()))
        .map(|(s, c)| (*c, s.len()))
}

/// The unit of a duration, normalised to the plural the spec names, with a
/// factor for units it folds into another ("decades" are ten years).
pub(crate) fn duration_unit(w: &[u8]) -> Option<(&'static str, f64)> {
    Some(match w {
        b"year" | b"years" | b"yr" | b"yrs" => ("years", 1.0),
        b"decade" | b"decades" => ("years", 10.0),
        b"month" | b"months" => ("months", 1.0),
        b"week" | b"weeks" => ("weeks", 1.0),
        b"day" | b"days" => ("days", 1.0),
        b"hour" | b"hours" | b"hrs" => ("hours", 1.0),
        b"minute" | b"minutes" | b"mins" => ("minutes", 1.0),
        b"second" | b"seconds" | b"secs" => ("seconds", 1.0),
        _ => return None,
    })
}

/// A unit of measure after a number (case as written): the number is a
/// measure, not a figure ("155 mm", "30 km", "40C").
pub(crate) fn measure_unit(w: &[u8]) -> bool {
    if matches!(
        w,
        b"C" | b"F"
            | b"K"
            | b"W"
            | b"V"
            | b"A"
            | b"Hz"
            | b"MW"
            | b"GW"
            | b"kW"
            | b"TW"
            | b"Wh"
            | b"MWh"
            | b"GWh"
            | b"kWh"
            | b"TWh"
            | b"MB"
            | b"GB"
            | b"TB"
            | b"KB"
            | b"kB"
            | b"PB"
            | b"Mb"
            | b"Gb"
            | b"Mbps"
            | b"Gbps"
            | b"kbps"
            | b"MHz"
            | b"GHz"
            | b"kHz"
            | b"kV"
            | b"mAh"
            | b"Ah"
            | b"ppm"
            | b"ppb"
            | b"dB"
            | b"L"
            | b"G"
            | b"D"
            | b"X"
    ) {
        return true;
    }
    let mut buf = [0u8; 24];
    let Some(l) = lower(w, &mut buf) else {
        return false;
    };
    matches!(
        l,
        b"mm"
            | b"cm"
            | b"km"
            | b"m"
            | b"kg"
            | b"g"
            | b"mg"
            | b"lb"
            | b"lbs"
            | b"oz"
            | b"ft"
            | b"feet"
            | b"foot"
            | b"inch"
            | b"inches"
            | b"in."
            | b"mile"
            | b"miles"
            | b"yard"
            | b"yards"
            | b"yd"
            | b"metre"
            | b"metres"
            | b"meter"
            | b"meters"
            | b"kilometre"
            | b"kilometres"
            | b"kilometer"
            | b"kilometers"
            | b"centimetre"
            | b"centimetres"
            | b"centimeter"
            | b"centimeters"
            | b"millimetre"
            | b"millimetres"
            | b"millimeter"
            | b"millimeters"
            | b"kilogram"
            | b"kilograms"
            | b"kilo"
            | b"kilos"
            | b"gram"
            | b"grams"
            | b"tonne"
            | b"tonnes"
            | b"ton"
            | b"tons"
            | b"kph"
            | b"mph"
            | b"kmh"
            | b"knots"
            | b"knot"
            | b"degree"
            | b"degrees"
            | b"celsius"
            | b"fahrenheit"
            | b"litre"
            | b"litres"
            | b"liter"
            | b"liters"
            | b"ml"
            | b"gallon"
            | b"gallons"
            | b"barrel"
            | b"barrels"
            | b"bpd"
            | b"acre"
            | b"acres"
            | b"hectare"
            | b"hectares"
            | b"ha"
            | b"sq"
            | b"square"
            | b"cubic"
            | b"calories"
            | b"kcal"
            | b"watts"
            | b"watt"
            | b"kilowatts"
            | b"megawatts"
            | b"gigawatts"
            | b"volts"
            | b"volt"
            | b"megabytes"
            | b"gigabytes"
            | b"terabytes"
            | b"bytes"
            | b"bits"
            | b"pixels"
            | b"mp"
            | b"nm"
            | b"kt"
            | b"mt"
            | b"bar"
            | b"psi"
            | b"hp"
            | b"rpm"
            | b"cc"
            | b"mmhg"
            | b"magnitude"
            | b"storeys-high"
            | b"fold"
            | b"x"
    )
}

/// A month name (or its abbreviation): a number beside it is a date.
pub(crate) fn month(w: &[u8], as_written: &[u8]) -> bool {
    match w {
        // "may" and "march" are also common words: only capitalised.
        b"may" | b"march" => as_written[0].is_ascii_uppercase(),
        b"january" | b"february" | b"april" | b"june" | b"july" | b"august" | b"september"
        | b"october" | b"november" | b"december" | b"jan" | b"feb" | b"mar" | b"apr" | b"jun"
        | b"jul" | b"aug" | b"sep" | b"sept" | b"oct" | b"nov" | b"dec" => true,
        _ => false,
    }
}

/// A word right before a number that makes it a reference, not a figure
/// ("page 12", "Article 5", "flight 17", "version 2").
pub(crate) fn reference_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"page"
            | b"pages"
            | b"photo"
            | b"photograph"
            | b"image"
            | b"picture"
            | b"slide"
            | b"pp"
            | b"p"
            | b"no"
            | b"nos"
            | b"nr"
            | b"nrs"
            | b"number"
            | b"article"
            | b"articles"
            | b"section"
            | b"sections"
            | b"chapter"
            | b"paragraph"
            | b"para"
            | b"clause"
            | b"rule"
            | b"resolution"
            | b"amendment"
            | b"title"
            | b"room"
            | b"flight"
            | b"route"
            | b"highway"
            | b"interstate"
            | b"line"
            | b"platform"
            | b"gate"
            | b"terminal"
            | b"exit"
            | b"junction"
            | b"channel"
            | b"version"
            | b"ver"
            | b"v"
            | b"model"
            | b"tier"
            | b"level"
            | b"phase"
            | b"stage"
            | b"grade"
            | b"category"
            | b"cat"
            | b"figure"
            | b"fig"
            | b"table"
            | b"episode"
            | b"season"
            | b"volume"
            | b"vol"
            | b"issue"
            | b"item"
            | b"ward"
            | b"district"
            | b"precinct"
            | b"zone"
            | b"unit"
            | b"block"
            | b"lot"
            | b"apartment"
            | b"apt"
            | b"suite"
            | b"floor"
            | b"bus"
            | b"train"
            | b"ext"
            | b"tel"
            | b"phone"
            | b"fax"
            | b"call"
            | b"dial"
            | b"code"
            | b"pin"
            | b"id"
            | b"ref"
            | b"reference"
            | b"serial"
            | b"ticket"
            | b"order"
            | b"case"
            | b"bill"
            | b"proposition"
            | b"prop"
            | b"measure"
            | b"act"
            | b"mk"
            | b"mark"
            | b"type"
            | b"class"
            | b"ios"
            | b"android"
            | b"windows"
            | b"covid"
            | b"iphone"
            | b"playstation"
            | b"xbox"
            | b"apollo"
            | b"boeing"
            | b"airbus"
            | b"psalm"
            | b"verse"
            | b"aged"
            | b"age"
            | b"ages"
            | b"sized"
            | b"size"
            | b"magnitude"
            | b"scale"
    )
}

/// Nouns that make a bare "one" a count ("one civilian was killed") rather
/// than a pronoun ("no one", "one of them", "one thing").
pub(crate) fn counted_noun(w: &[u8]) -> bool {
    matches!(
        w,
        b"person"
            | b"man"
            | b"woman"
            | b"child"
            | b"boy"
            | b"girl"
            | b"baby"
            | b"civilian"
            | b"soldier"
            | b"officer"
            | b"policeman"
            | b"fighter"
            | b"militant"
            | b"worker"
            | b"journalist"
            | b"student"
            | b"patient"
            | b"victim"
            | b"resident"
            | b"member"
            | b"citizen"
            | b"hostage"
            | b"prisoner"
            | b"passenger"
            | b"casualty"
            | b"death"
            | b"vote"
            | b"seat"
            | b"village"
            | b"town"
            | b"building"
            | b"house"
            | b"home"
            | b"aircraft"
            | b"plane"
            | b"drone"
            | b"missile"
            | b"tank"
            | b"ship"
            | b"vessel"
            | b"company"
            | b"country"
            | b"state"
            | b"case"
            | b"billion"
            | b"million"
            | b"thousand"
            | b"hundred"
            | b"dozen"
            | b"more"
            | b"other"
            | b"additional"
            | b"extra"
            | b"single"
            | b"rocket"
            | b"shell"
            | b"bomb"
            | b"vehicle"
            | b"point"
            | b"goal"
            | b"run"
            | b"share"
            | b"employee"
            | b"doctor"
            | b"nurse"
            | b"teacher"
            | b"pupil"
            | b"adult"
            | b"infant"
            | b"teenager"
            | b"migrant"
            | b"refugee"
            | b"suspect"
            | b"attacker"
            | b"gunman"
            | b"policewoman"
            | b"firefighter"
            | b"troop"
            | b"sailor"
            | b"pilot"
            | b"marine"
            | b"lawmaker"
            | b"senator"
            | b"mp"
            | b"official"
            | b"commander"
            | b"leader"
            | b"minister"
            | b"diplomat"
    )
}

/// Words that end a noun phrase after a figure.
pub(crate) fn stop_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"a" | b"an"
            | b"the"
            | b"of"
            | b"in"
            | b"on"
            | b"at"
            | b"to"
            | b"for"
            | b"from"
            | b"by"
            | b"with"
            | b"and"
            | b"or"
            | b"but"
            | b"as"
            | b"is"
            | b"are"
            | b"was"
            | b"were"
            | b"be"
            | b"been"
            | b"has"
            | b"have"
            | b"had"
            | b"will"
            | b"would"
            | b"could"
            | b"should"
            | b"may"
            | b"might"
            | b"can"
            | b"that"
            | b"which"
            | b"who"
            | b"whom"
            | b"this"
            | b"these"
            | b"those"
            | b"than"
            | b"then"
            | b"more"
            | b"less"
            | b"fewer"
            | b"over"
            | b"under"
            | b"about"
            | b"into"
            | b"after"
            | b"before"
            | b"since"
            | b"during"
            | b"per"
            | b"each"
            | b"according"
            | b"said"
            | b"says"
            | b"it"
            | b"its"
            | b"their"
            | b"his"
            | b"her"
            | b"they"
            | b"he"
            | b"she"
            | b"we"
            | b"you"
            | b"i"
            | b"not"
            | b"no"
            | b"so"
            | b"if"
            | b"while"
            | b"when"
            | b"where"
            | b"also"
            | b"already"
            | b"still"
            | b"just"
            | b"only"
            | b"all"
            | b"some"
            | b"do"
            | b"did"
            | b"does"
            | b"up"
            | b"down"
            | b"out"
            | b"off"
            | b"ago"
            | b"against"
            | b"between"
            | b"among"
            | b"across"
            | b"through"
            | b"last"
            | b"next"
            | b"year"
            | b"annually"
            | b"there"
            | b"here"
            | b"now"
            | b"yet"
            | b"too"
            | b"very"
            | b"whose"
            | b"what"
    )
}

/// Lowercases an ASCII word into `buf`; `None` when it does not fit.
pub(crate) fn lower<'b>(w: &[u8], buf: &'b mut [u8; 24]) -> Option<&'b [u8]> {
    if w.len() > buf.len() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    Some(&buf[..w.len()])
}

/// A fraction's denominator after a number ("two thirds", "five eighths",
/// "a hundred trillionths"): the number is part of a fraction, not a figure.
pub(crate) fn fraction_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"half"
            | b"halves"
            | b"third"
            | b"thirds"
            | b"quarter"
            | b"quarters"
            | b"fourth"
            | b"fourths"
    ) || (w.len() > 4
        && (w.ends_with(b"ths")
            || w.ends_with(b"firsts")
            || w.ends_with(b"seconds") && w.len() > 7)
        && w != b"months"
        && w != b"depths"
        && w != b"births"
        && w != b"deaths"
        && w != b"truths"
        && w != b"youths"
        && w != b"mouths"
        && w != b"widths"
        && w != b"lengths"
        && w != b"strengths"
        && w != b"paths"
        && w != b"baths"
        && w != b"moths"
        && w != b"cloths"
        && w != b"growths")
        || matches!(
            w,
            b"fifth"
                | b"sixth"
                | b"seventh"
                | b"eighth"
                | b"ninth"
                | b"tenth"
                | b"hundredth"
                | b"thousandth"
                | b"millionth"
                | b"billionth"
                | b"trillionth"
        )
}

/// ISO codes also written in lowercase beside a number ("100 usd").
pub(crate) fn lowercase_code(w: &[u8]) -> Option<&'static str> {
    Some(match w {
        b"usd" => "USD",
        b"eur" => "EUR",
        b"gbp" => "GBP",
        b"jpy" => "JPY",
        b"cny" | b"rmb" => "CNY",
        b"chf" => "CHF",
        b"cad" => "CAD",
        b"aud" => "AUD",
        b"inr" => "INR",
        b"rub" => "RUB",
        b"uah" => "UAH",
        b"sek" => "SEK",
        b"nok" => "NOK",
        b"mxn" => "MXN",
        b"brl" => "BRL",
        b"hkd" => "HKD",
        b"nzd" => "NZD",
        _ => return None,
    })
}
