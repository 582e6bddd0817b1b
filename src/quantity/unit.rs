//! What a figure's number counts in: a currency, a percentage or a duration,
//! and THE table of duration units. The evidence rule ([`super::evidence`])
//! compares figures through this type only, so the stages cannot disagree
//! on which units convert.
//!
//! Decided here, once: seconds are a duration unit and convert to minutes
//! (x60). The spec lists years down to minutes; the engine has always read
//! "seconds", and an editor expects "120 seconds" to support "two minutes".

use super::Kind;

/// The unit of a figure that has one (a plain count has none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Money in one currency, by ISO 4217 code.
    Currency(Iso),
    /// A percentage.
    Percent,
    /// A count of time.
    Duration(DurationUnit),
}

/// An ISO 4217 currency code ("GBP"): three ASCII capital letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Iso([u8; 3]);

impl Iso {
    /// The code, when `code` is three ASCII capital letters.
    #[must_use]
    pub fn new(code: &str) -> Option<Iso> {
        match *code.as_bytes() {
            [a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => Some(Iso([a, b, c])),
            _ => None,
        }
    }

    /// The code as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Three ASCII capitals, checked in `new`.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }
}

/// Units that convert into each other: a duration converts only within its
/// family (spec: "months and weeks do not convert into each other").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Family {
    /// Years and months.
    Calendar,
    /// Weeks, days, hours, minutes, seconds.
    Clock,
}

/// A duration unit: its name as figures carry it (`years`) and its size in
/// its family's smallest unit (months, or seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DurationUnit {
    name: &'static str,
    family: Family,
    size: u32,
}

/// The one duration table (spec: years to months x12, weeks to days x7,
/// days to hours x24, hours to minutes x60; and minutes to seconds x60).
pub const DURATIONS: [DurationUnit; 7] = [
    DurationUnit::new("years", Family::Calendar, 12),
    DurationUnit::new("months", Family::Calendar, 1),
    DurationUnit::new("weeks", Family::Clock, 7 * 24 * 3600),
    DurationUnit::new("days", Family::Clock, 24 * 3600),
    DurationUnit::new("hours", Family::Clock, 3600),
    DurationUnit::new("minutes", Family::Clock, 60),
    DurationUnit::new("seconds", Family::Clock, 1),
];

impl DurationUnit {
    const fn new(name: &'static str, family: Family, size: u32) -> DurationUnit {
        DurationUnit { name, family, size }
    }

    /// The unit a figure names (`"years"`), if it is in the table.
    #[must_use]
    pub fn named(name: &str) -> Option<DurationUnit> {
        DURATIONS.iter().copied().find(|d| d.name == name)
    }

    /// Its name, plural, as figures carry it.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.name
    }

    /// The factor that turns an amount in `self` into unit `to`: `None`
    /// when they do not convert, or `to` is the larger unit (convert both
    /// figures to the smaller unit instead: see [`DurationUnit::common`]).
    #[must_use]
    pub fn factor(self, to: DurationUnit) -> Option<f64> {
        (self.family == to.family && to.size <= self.size)
            .then(|| f64::from(self.size) / f64::from(to.size))
    }

    /// The factor that turns an amount in `self` into its family's grid
    /// unit: months for years and months, minutes for weeks down to seconds
    /// (the smallest units of the spec's table). The evidence rule compares
    /// durations there, so a verdict never depends on which units the claim
    /// and the source happen to use; "over n" read as a count is n + 1 of
    /// the grid unit ("over two years" is 25 months).
    #[must_use]
    pub fn grid(self) -> f64 {
        let grid = match self.family {
            Family::Calendar => 1.0,
            Family::Clock => 60.0,
        };
        f64::from(self.size) / grid
    }

    /// The factors that bring `self` and `other` to the smaller of the two
    /// (spec: "both are converted to the smaller unit before anything
    /// else"); `None` when they do not convert.
    #[must_use]
    pub fn common(self, other: DurationUnit) -> Option<(f64, f64)> {
        let smaller = if self.size <= other.size { self } else { other };
        Some((self.factor(smaller)?, other.factor(smaller)?))
    }
}

impl Unit {
    /// The unit of a figure of `kind` stated with `unit` (as
    /// [`super::Figure::unit`] holds it); `None` for a plain count, or a
    /// unit this table does not know.
    #[must_use]
    pub fn of(kind: Kind, unit: Option<&str>) -> Option<Unit> {
        let unit = unit?;
        match kind {
            Kind::Money => Iso::new(unit).map(Unit::Currency),
            Kind::Percent => Some(Unit::Percent),
            Kind::Count => DurationUnit::named(unit).map(Unit::Duration),
        }
    }

    /// The unit as figures and reports write it (`GBP`, `%`, `years`).
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Unit::Currency(iso) => iso.as_str(),
            Unit::Percent => "%",
            Unit::Duration(d) => d.name(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(name: &str) -> DurationUnit {
        DurationUnit::named(name).unwrap()
    }

    #[test]
    fn the_spec_conversions_and_seconds() {
        // (from, to, factor): the spec's chains, and seconds (decided here).
        let cases = [
            ("years", "months", Some(12.0)),
            ("weeks", "days", Some(7.0)),
            ("days", "hours", Some(24.0)),
            ("hours", "minutes", Some(60.0)),
            ("minutes", "seconds", Some(60.0)),
            ("days", "minutes", Some(1440.0)),
            ("weeks", "seconds", Some(604_800.0)),
            ("years", "years", Some(1.0)),
            ("months", "years", None),
            ("minutes", "hours", None),
            ("months", "weeks", None),
            ("weeks", "months", None),
            ("years", "days", None),
        ];
        for (from, to, want) in cases {
            assert_eq!(d(from).factor(d(to)), want, "{from} -> {to}");
        }
    }

    #[test]
    fn every_duration_has_a_grid_factor() {
        let cases = [
            ("years", 12.0),
            ("months", 1.0),
            ("weeks", 10_080.0),
            ("days", 1440.0),
            ("hours", 60.0),
            ("minutes", 1.0),
            ("seconds", 1.0 / 60.0),
        ];
        for (unit, want) in cases {
            let got = d(unit).grid();
            assert!((got - want).abs() < 1e-12, "{unit}: {got}");
        }
    }

    #[test]
    fn both_go_to_the_smaller_unit() {
        let cases = [
            ("minutes", "seconds", Some((60.0, 1.0))),
            ("seconds", "minutes", Some((1.0, 60.0))),
            ("years", "months", Some((12.0, 1.0))),
            ("days", "days", Some((1.0, 1.0))),
            ("months", "days", None),
        ];
        for (a, b, want) in cases {
            assert_eq!(d(a).common(d(b)), want, "{a} and {b}");
        }
    }

    #[test]
    fn every_duration_the_engine_reads_is_in_the_table() {
        // The scanner names the units; this table converts them: they must
        // not drift apart.
        for (text, unit) in [
            ("for 3 years", "years"),
            ("for two decades", "years"),
            ("for 3 months", "months"),
            ("for 3 weeks", "weeks"),
            ("for 3 days", "days"),
            ("for 3 hours", "hours"),
            ("for 3 minutes", "minutes"),
            ("for 3 seconds", "seconds"),
        ] {
            let f = crate::quantity::parse_value(text).unwrap();
            assert_eq!(f.unit.as_deref(), Some(unit), "{text}");
            let u = Unit::of(f.kind, f.unit.as_deref());
            assert_eq!(u.map(|u| u.as_str().to_owned()).as_deref(), Some(unit));
        }
        for d in DURATIONS {
            assert_eq!(DurationUnit::named(d.name()), Some(d));
        }
    }

    #[test]
    fn units_of_figures() {
        let cases = [
            (Kind::Money, Some("GBP"), Some("GBP")),
            (Kind::Money, Some("gbp"), None),
            (Kind::Percent, Some("%"), Some("%")),
            (Kind::Count, Some("hours"), Some("hours")),
            (Kind::Count, None, None),
        ];
        for (kind, unit, want) in cases {
            let got = Unit::of(kind, unit);
            assert_eq!(got.as_ref().map(Unit::as_str), want, "{kind:?} {unit:?}");
        }
    }
}
