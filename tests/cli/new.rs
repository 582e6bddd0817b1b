use std::fs;

use crate::factcheck;

const ARTICLE: &str = "tests/data/2024-10-22-un-chief-kazan.txt";

fn draft_of(path: &str) -> toml::Table {
    let out = factcheck()
        .args(["new", path])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    toml::from_str(&String::from_utf8(out).unwrap()).expect("the draft is TOML")
}

fn claims(draft: &toml::Table) -> Vec<toml::Table> {
    draft["claim"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_table().unwrap().clone())
        .collect()
}

#[test]
fn article_draft_has_every_figure_and_quotation() {
    let draft = draft_of(ARTICLE);
    let claims = claims(&draft);
    let values: Vec<&str> = claims
        .iter()
        .filter_map(|c| c.get("value")?.as_str())
        .collect();
    let quotes: Vec<&str> = claims
        .iter()
        .filter_map(|c| c.get("quote")?.as_str())
        .collect();
    let figures = [
        "over two years",
        "at least two",
        "15",
        "over 30",
        "some 1,500",
        "up to 12,000",
        "12,000-strong",
        "four-brigade",
        "£2.26 billion",
        "$800 million",
        "Dozens",
        "$50 billion",
    ];
    assert_eq!(values, figures, "figure claims, in article order");
    assert_eq!(quotes.len(), 4, "{quotes:?}");
    assert!(quotes[0].starts_with("The UN secretary general declined Ukraine’s invitation"));
    assert!(quotes[0].ends_with("from war criminal Putin"));
    assert_eq!(quotes[1], "does not advance the cause of peace");
    assert_eq!(quotes[2], "damages the UN’s reputation");
    assert_eq!(quotes[3], "dangerous and highly concerning development");
    for claim in &claims {
        let id = claim["id"].as_str().unwrap();
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{id}"
        );
        assert!(claim.get("sources").is_none(), "drafts cite no source");
        if claim.contains_key("value") {
            let about = claim["about"].as_array().unwrap();
            assert!(!about.is_empty() && about.len() <= 3, "{id}: {about:?}");
        }
    }
    let ids: std::collections::BTreeSet<_> =
        claims.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), claims.len(), "ids are unique");
}

#[test]
fn the_dead_are_tied_to_killing_and_the_wounded_to_injuries() {
    let claims = claims(&draft_of(ARTICLE));
    let about_of = |value: &str| -> Vec<String> {
        let claim = claims
            .iter()
            .find(|c| c.get("value").and_then(|v| v.as_str()) == Some(value))
            .unwrap();
        claim["about"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(about_of("at least two").last().unwrap(), "kill*");
    // Whole words only: "injured" has no stem an editor would write.
    assert_eq!(about_of("15").last().unwrap(), "injured");
    assert_eq!(about_of("up to 12,000").last().unwrap(), "soldier*");
    assert_eq!(about_of("£2.26 billion").last().unwrap(), "loan*");
}

#[test]
fn same_input_same_bytes_and_stdin_reads_alike() {
    let first = factcheck().args(["new", ARTICLE]).output().unwrap();
    let second = factcheck().args(["new", ARTICLE]).output().unwrap();
    assert_eq!(first.stdout, second.stdout);
    let piped = factcheck()
        .args(["new", "-"])
        .write_stdin(fs::read(ARTICLE).unwrap())
        .output()
        .unwrap();
    let strip_header = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .lines()
            .skip(1)
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip_header(&first.stdout), strip_header(&piped.stdout));
}

#[test]
fn html_article_skips_page_furniture_and_takes_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("story.html");
    fs::write(
        &page,
        r#"<!doctype html><html><head><title>Strike on Kharkiv</title><script>var n = "12 items";</script></head>
<body><nav>Top 10 stories | 3 new</nav>
<article><h1>Strike on Kharkiv</h1>
<p>A Russian glide bomb killed 7 people in Kharkiv on Friday, the regional governor said.</p>
<p>“We will rebuild every single home,” the mayor said.</p></article>
<aside>Most read: 5 things to know</aside><footer>© 2024 News Corp, 24 pages</footer></body></html>"#,
    )
    .unwrap();
    let draft = draft_of(page.to_str().unwrap());
    assert_eq!(
        draft["article"]["title"].as_str(),
        Some("Strike on Kharkiv")
    );
    let claims = claims(&draft);
    let values: Vec<&str> = claims
        .iter()
        .filter_map(|c| c.get("value")?.as_str())
        .collect();
    assert_eq!(values, ["7"]);
    let quotes: Vec<&str> = claims
        .iter()
        .filter_map(|c| c.get("quote")?.as_str())
        .collect();
    assert_eq!(quotes, ["We will rebuild every single home"]);
}

#[test]
fn dates_ages_ordinals_and_names_with_digits_are_not_claims() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("a.txt");
    fs::write(
        &text,
        "On 22 October 2024 the G7 met for the first time since 2023.\n\
         Ferreira, 58, flew an F-16 at 10:30 a.m.\n",
    )
    .unwrap();
    let draft = draft_of(text.to_str().unwrap());
    assert!(draft.get("claim").is_none(), "{draft:?}");
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("draft.toml");
    factcheck()
        .args(["new", ARTICLE, "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("")
        .stderr(predicates::str::contains("drafted 16 claims"));
    let written: toml::Table = toml::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written["claim"].as_array().unwrap().len(), 16);
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temp file left: {names:?}");
}

#[test]
fn unreadable_article_is_exit_2_with_a_reason() {
    factcheck()
        .args(["new", "no/such/article.txt"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "could not read the article no/such/article.txt",
        ));
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.txt");
    fs::write(&latin1, b"Caf\xe9 owners said 12 shops closed.\n").unwrap();
    factcheck()
        .args(["new"])
        .arg(&latin1)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("is not UTF-8"));
}

#[test]
fn draft_validates_once_its_title_is_set() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    let out = dir.path().join("draft.toml");
    factcheck()
        .args(["new", ARTICLE, "-o"])
        .arg(&out)
        .assert()
        .success();
    let draft = fs::read_to_string(&out).unwrap();
    assert!(
        draft.contains("title = \"\""),
        "plain text has no title to take"
    );
    fs::write(
        &out,
        draft.replace("title = \"\"", "title = \"UN chief to meet Putin\""),
    )
    .unwrap();
    factcheck()
        .arg("validate")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicates::str::contains("OK"));
}

#[test]
fn url_article_is_read_through_the_fetcher() {
    let url = "https://anews.com.tr/asia/2024/10/18/n-korea-sent-first-contingent-of-1500-soldiers-to-russia-seoul-spy-agency";
    let out = factcheck()
        .args([
            "new",
            url,
            "--offline",
            "--replay",
            "tests/fixtures/e2e/sources.warc.gz",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let draft: toml::Table = toml::from_str(&String::from_utf8(out).unwrap()).unwrap();
    assert_eq!(draft["article"]["url"].as_str(), Some(url));
    assert!(
        draft["article"]["title"]
            .as_str()
            .unwrap()
            .starts_with("North Korea sends first troops")
    );
    let values: Vec<String> = claims(&draft)
        .iter()
        .filter_map(|c| Some(c.get("value")?.as_str()?.to_string()))
        .collect();
    assert!(values.contains(&"about 1,800".to_string()), "{values:?}");
    // An archived URL that is not there is a clear error, exit 2.
    factcheck()
        .args([
            "new",
            "https://example.org/none",
            "--offline",
            "--replay",
            "tests/fixtures/e2e/sources.warc.gz",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "could not read the article https://example.org/none",
        ));
}

#[test]
fn figures_that_need_their_noun_keep_it_and_sentence_openers_are_not_names() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("a.txt");
    fs::write(
        &text,
        "Floods killed 2000 people in the region.\n\
         Officials said 30 buildings were damaged in Kharkiv.\n\
         The army lost one tank near Kupiansk.\n",
    )
    .unwrap();
    let claims = claims(&draft_of(text.to_str().unwrap()));
    let values: Vec<&str> = claims
        .iter()
        .filter_map(|c| c.get("value")?.as_str())
        .collect();
    // "2000" alone is a year and "one" alone a pronoun: the counted word
    // makes them figures, and the drafted value validates.
    assert_eq!(values, ["2000 people", "30", "one tank"]);
    let about: Vec<&str> = claims[1]["about"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert_eq!(
        about,
        ["Kharkiv", "building*"],
        "\"Officials\" opens the sentence and is no name"
    );
}

/// The articles under tests/data/articles, each drafted into a project and
/// then checked with itself as every claim's source: each figure claim must
/// give `match` with the drafted figure as the one found, and each quote
/// `match` (the draft's self-check, through the real `check`).
#[test]
fn every_drafted_claim_checks_against_its_own_article() {
    for name in [
        "quake-toll.txt",
        "airline-results.md",
        "port-strike.txt",
        "budget.html",
        "storm-live.html",
    ] {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join(".git")).unwrap();
        fs::create_dir(dir.path().join("claims")).unwrap();
        fs::create_dir(dir.path().join("articles")).unwrap();
        fs::copy(
            format!("tests/data/articles/{name}"),
            dir.path().join("articles").join(name),
        )
        .unwrap();
        factcheck()
            .current_dir(dir.path())
            .args(["new", &format!("articles/{name}"), "-o", "claims/a.toml"])
            .assert()
            .success();
        let draft = fs::read_to_string(dir.path().join("claims/a.toml")).unwrap();
        let draft = draft.replace("title = \"\" #", "title = \"T\" #").replace(
            "[[claim]]\n",
            &format!("[[claim]]\nsources = [\"../articles/{name}\"]\n"),
        );
        fs::write(dir.path().join("claims/a.toml"), &draft).unwrap();
        factcheck()
            .current_dir(dir.path())
            .args(["validate", "claims"])
            .assert()
            .success();
        let out = factcheck()
            .current_dir(dir.path())
            .args(["check", "claims", "--offline", "--format", "json"])
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let drafted: toml::Table = toml::from_str(&draft).unwrap();
        let values: Vec<Option<String>> = drafted["claim"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.get("value").and_then(|v| v.as_str()).map(str::to_string))
            .collect();
        let claims = report["files"][0]["claims"].as_array().unwrap();
        assert_eq!(claims.len(), values.len(), "{name}");
        for (claim, value) in claims.iter().zip(&values) {
            assert_eq!(claim["verdict"], "match", "{name}: {claim:#}");
            if let Some(value) = value {
                assert_eq!(
                    claim["evidence"][0]["found"]["text"].as_str(),
                    Some(value.as_str()),
                    "{name}: {claim:#}"
                );
            }
        }
    }
}

#[test]
fn article_file_is_named_when_the_article_is_inside_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("newsroom");
    fs::create_dir_all(project.join(".git")).unwrap();
    fs::create_dir_all(project.join("claims/world")).unwrap();
    fs::create_dir_all(project.join("articles")).unwrap();
    fs::copy(
        "tests/data/articles/airline-results.md",
        project.join("articles/airline.md"),
    )
    .unwrap();
    factcheck()
        .current_dir(&project)
        .args([
            "new",
            "articles/airline.md",
            "-o",
            "claims/world/airline.toml",
        ])
        .assert()
        .success();
    let draft = fs::read_to_string(project.join("claims/world/airline.toml")).unwrap();
    assert!(
        draft.contains("\nfile = \"../../articles/airline.md\"\n"),
        "{draft}"
    );
    // The claim file validates with it, and an edit to the article that
    // drops a claim's sentence is caught.
    factcheck()
        .current_dir(&project)
        .args(["validate", "claims"])
        .assert()
        .success();
    let article = fs::read_to_string(project.join("articles/airline.md")).unwrap();
    fs::write(
        project.join("articles/airline.md"),
        article.replace("Shares fell 9% to $13.20 in New York trading.", ""),
    )
    .unwrap();
    factcheck()
        .current_dir(&project)
        .args(["validate", "claims"])
        .assert()
        .stderr(predicates::str::contains(
            "the text of claim `york-share` no longer occurs in the article",
        ));
    // An article outside the project is not named: the path would be refused.
    let outside = dir.path().join("elsewhere.md");
    fs::copy("tests/data/articles/airline-results.md", &outside).unwrap();
    factcheck()
        .current_dir(&project)
        .arg("new")
        .arg(&outside)
        .args(["-o", "claims/outside.toml"])
        .assert()
        .success();
    let draft = fs::read_to_string(project.join("claims/outside.toml")).unwrap();
    assert!(!draft.contains("\nfile = "), "{draft}");
}

#[test]
fn ages_phone_numbers_and_a_repeated_headline_are_not_claims() {
    let claims = claims(&draft_of("tests/data/articles/quake-toll.txt"));
    let values: Vec<&str> = claims
        .iter()
        .filter_map(|c| c.get("value")?.as_str())
        .collect();
    for trap in ["91", "over 80", "58", "800 555 019", "14"] {
        assert!(!values.contains(&trap), "{trap}: {values:?}");
    }
    // The headline's "kills 14" is the body's "At least 14": one claim, whose
    // last `about` is what the figure counts.
    let dead = claims
        .iter()
        .find(|c| c.get("value").and_then(|v| v.as_str()) == Some("At least 14"))
        .unwrap();
    assert_eq!(
        dead["about"].as_array().unwrap().last().unwrap().as_str(),
        Some("died")
    );
    // The speaker of a quotation is its `about`.
    let quote = claims.iter().find(|c| c.get("quote").is_some()).unwrap();
    assert_eq!(
        quote["about"].as_array().unwrap()[0].as_str(),
        Some("Drakos")
    );
}
