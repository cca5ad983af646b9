//! The five real articles in ../shared/seeds (read from there, never copied).

mod common;

use common::{analyze_files, assert_spans_match, files, project_path};
use parallax::report::{BoilerplateReason, Report};

fn seeds() -> Report {
    analyze_files(&files(&project_path("../shared/seeds"), "txt"))
}

fn doc<'a>(report: &'a Report, prefix: &str) -> &'a parallax::report::Document {
    report
        .documents
        .iter()
        .find(|d| d.name.starts_with(prefix))
        .expect("seed present")
}

#[test]
fn all_five_are_analyzed_into_valid_json_with_every_field() {
    let report = seeds();
    assert_eq!(report.documents.len(), 5);
    assert!(report.errors.is_empty());
    let json: serde_json::Value =
        serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
    for field in [
        "name",
        "text",
        "title",
        "outlet",
        "byline",
        "date",
        "boilerplate",
        "sentences",
        "quotes",
        "entities",
        "quantities",
        "dates",
    ] {
        for document in json["documents"].as_array().unwrap() {
            assert!(document.get(field).is_some(), "missing {field}");
        }
    }
    for field in [
        "statements",
        "quote_groups",
        "discrepancies",
        "variants",
        "reuse",
    ] {
        assert!(
            json["comparison"].get(field).is_some(),
            "missing comparison.{field}"
        );
    }
    assert_spans_match(&report);
}

#[test]
fn the_wire_copy_pair_tops_reuse() {
    let report = seeds();
    let top = &report.comparison.reuse[0];
    let names: Vec<&str> = top
        .docs
        .iter()
        .map(|&d| &report.documents[d].name[..3])
        .collect();
    assert_eq!(names, ["002", "003"], "{:?}", report.comparison.reuse);
    assert!(top.share > 0.2);
}

#[test]
fn facts_stated_in_the_text() {
    let report = seeds();
    let efe = doc(&report, "001");
    assert_eq!(efe.outlet.as_deref(), Some("EFE"));
    assert_eq!(efe.date.as_deref(), Some("--08-02"));
    assert_eq!(efe.dateline_place.as_deref(), Some("Moscow"));
    assert!(efe.title.as_deref().unwrap().starts_with("Russia says US"));
    let standard = doc(&report, "002");
    assert_eq!(standard.outlet.as_deref(), Some("Evening Standard"));
    assert_eq!(standard.byline.as_deref(), Some("Josh Salisbury"));
    assert!(standard
        .title
        .as_deref()
        .unwrap()
        .starts_with("Russia accuses"));
    assert_eq!(doc(&report, "000").outlet.as_deref(), Some("The Guardian"));
    assert_eq!(
        doc(&report, "004").title,
        None,
        "that copy starts with its first paragraph"
    );
}

#[test]
fn furniture_is_set_apart_and_article_lines_kept() {
    let report = seeds();
    let reason_of = |prefix: &str, line: &str| {
        doc(&report, prefix)
            .boilerplate
            .iter()
            .find(|b| b.span.text.starts_with(line))
            .map(|b| b.reason)
    };
    assert_eq!(
        reason_of("000", "Sign up for First Edition"),
        Some(BoilerplateReason::Promo)
    );
    assert_eq!(
        reason_of("000", "Leave a Comment"),
        Some(BoilerplateReason::Comments)
    );
    assert_eq!(
        reason_of("001", "Back to top button"),
        Some(BoilerplateReason::Navigation)
    );
    assert_eq!(
        reason_of("002", "Already a member?"),
        Some(BoilerplateReason::Paywall)
    );
    assert_eq!(
        reason_of("003", "Read Also:"),
        Some(BoilerplateReason::Related)
    );
    assert_eq!(
        reason_of("004", "Santander has been fined"),
        Some(BoilerplateReason::OffTopic)
    );
    assert_eq!(
        reason_of("004", "Call Us"),
        Some(BoilerplateReason::Contact)
    );
    for (prefix, kept) in [
        ("003", "The defence ministry said;"),
        ("003", "Differing Motives"),
        ("004", "And the BBC has documented"),
    ] {
        assert_eq!(
            reason_of(prefix, kept),
            None,
            "{prefix}: {kept} is article text"
        );
    }
}

#[test]
fn quotes_and_speakers() {
    let report = seeds();
    let speakers = |prefix: &str| -> Vec<String> {
        doc(&report, prefix)
            .quotes
            .iter()
            .filter_map(|q| q.speaker.clone())
            .collect()
    };
    assert!(
        speakers("000").contains(&"Maria Zakharova".to_string()),
        "{:?}",
        speakers("000")
    );
    assert_eq!(
        speakers("001")
            .iter()
            .filter(|s| *s == "Igor Konashenkov")
            .count(),
        2
    );
    assert!(
        speakers("004").contains(&"Igor Konashenkov".to_string()),
        "Mr Konashenkov resolves"
    );
    assert!(
        speakers("004")
            .iter()
            .filter(|s| *s == "Sergei Lavrov")
            .count()
            >= 2,
        "the 72-year-old resolves"
    );
    let reported = doc(&report, "001").quotes.iter().find(|q| {
        q.kind == parallax::report::QuoteKind::Indirect && q.cue.as_deref() == Some("denied")
    });
    assert_eq!(
        reported.and_then(|q| q.speaker.as_deref()),
        Some("Vadym Skibitsky"),
        "reported speech"
    );
    let blocks: Vec<_> = doc(&report, "003")
        .quotes
        .iter()
        .filter(|q| q.kind == parallax::report::QuoteKind::Block)
        .collect();
    assert_eq!(blocks.len(), 3, "two ministry statements and Shoigu's");
    assert_eq!(blocks[2].speaker.as_deref(), Some("Sergei Shoigu"));
}

#[test]
fn the_same_quote_is_grouped_across_outlets() {
    let report = seeds();
    let biggest = report
        .comparison
        .quote_groups
        .iter()
        .map(|g| g.members.len())
        .max()
        .unwrap_or(0);
    assert!(biggest >= 4, "{:?}", report.comparison.quote_groups);
}

/// The numbers the story turns on, with their values, hedges and conversions.
#[test]
fn the_numbers_that_matter_are_read() {
    use parallax::report::QuantityKind;
    let report = seeds();
    let all: Vec<(&str, &parallax::report::Quantity)> = report
        .documents
        .iter()
        .flat_map(|d| d.quantities.iter().map(move |q| (d.name.as_str(), q)))
        .collect();
    let find = |written: &str| {
        all.iter()
            .find(|(_, q)| q.span.text == written)
            .map(|(name, q)| (*name, *q))
            .unwrap_or_else(|| panic!("{written} not found"))
    };
    let killed = find("53");
    assert_eq!(
        (killed.1.value, killed.1.event.as_deref()),
        (53.0, Some("killed"))
    );
    let some = find("some 50");
    assert_eq!(
        (some.1.value, some.1.approx.as_deref()),
        (50.0, Some("some"))
    );
    assert!(
        some.1.min.unwrap() <= 53.0 && 53.0 <= some.1.max.unwrap(),
        "53 lies within some 50"
    );
    let aid = find("$550 million");
    assert_eq!((aid.1.value, aid.1.unit.as_deref()), (550e6, Some("USD")));
    let (name, dollars) = find("more than $8 billion");
    assert_eq!((dollars.value, dollars.kind), (8e9, QuantityKind::Money));
    let pounds = find("£6.55 billion").1;
    let document = report.documents.iter().find(|d| d.name == name).unwrap();
    let restated = &document.quantities[pounds.conversion_of.expect("a conversion")];
    assert_eq!(restated.span.text, "more than $8 billion");
    let miles = find("45 miles").1;
    assert_eq!(miles.unit.as_deref(), Some("mi"));
    assert!(miles.conversion_of.is_some());
    let km = find("70km").1;
    let ratio = km.base_value.unwrap() / miles.base_value.unwrap();
    assert!(
        (ratio - 1.0).abs() < 0.05,
        "70 km and 45 miles agree: {ratio}"
    );
}

#[test]
fn the_four_ledes_are_one_statement() {
    // BBC's "Russia has accused the US of direct involvement…" and the three
    // saying Russia says the US is directly involved: one claim in four wordings.
    let report = seeds();
    let ledes: Vec<usize> = ["001", "002", "003", "004"]
        .iter()
        .map(|p| {
            report
                .documents
                .iter()
                .position(|d| d.name.starts_with(p))
                .unwrap()
        })
        .collect();
    let in_lede = |doc: usize, span: &parallax::report::Span| {
        let lede = &report.documents[doc].sentences[0];
        span.start >= lede.start && span.end <= lede.end
    };
    let statement = report
        .comparison
        .statements
        .iter()
        .find(|st| {
            ledes
                .iter()
                .all(|&d| st.support.iter().any(|s| s.doc == d && in_lede(d, &s.span)))
        })
        .unwrap_or_else(|| {
            panic!(
                "no statement holds the four ledes: {:#?}",
                report.comparison.statements
            )
        });
    for support in &statement.support {
        assert!(
            ledes.contains(&support.doc) && in_lede(support.doc, &support.span),
            "not a lede: {}",
            support.span.text
        );
    }
    assert!(statement
        .support
        .iter()
        .any(|s| s.span.text.contains("direct involvement")));
    let index = report
        .comparison
        .statements
        .iter()
        .position(|st| std::ptr::eq(st, statement))
        .unwrap();
    assert!(
        report.comparison.consensus.contains(&index),
        "most sources carry it"
    );
}
