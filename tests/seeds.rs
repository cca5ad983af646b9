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

#[test]
fn names_are_one_entity_across_outlets() {
    use parallax::report::EntityType;
    let report = seeds();
    let canonicals = |written: &str| -> std::collections::BTreeSet<(String, EntityType)> {
        report
            .documents
            .iter()
            .flat_map(|d| &d.entities)
            .filter(|e| e.span.text == written)
            .map(|e| (e.canonical.clone(), e.entity_type))
            .collect()
    };
    let one = |written: &str, canonical: &str, kind: EntityType| {
        assert_eq!(
            canonicals(written),
            [(canonical.to_string(), kind)].into(),
            "{written}"
        );
    };
    one("Kiev", "Kyiv", EntityType::Place);
    one("Kyiv", "Kyiv", EntityType::Place);
    one("Konashenkov", "Igor Konashenkov", EntityType::Person);
    one("Igor Konashenkov", "Igor Konashenkov", EntityType::Person);
    one("US", "United States", EntityType::Place);
    one("U.S.", "United States", EntityType::Place);
    one("Donbass", "Donbas", EntityType::Place);
    assert_eq!(canonicals("Himars"), canonicals("HIMARS"));
    // Speakers are entities, by the same canonical names.
    let speakers: Vec<&str> = report
        .documents
        .iter()
        .flat_map(|d| &d.quotes)
        .filter_map(|q| q.speaker.as_deref())
        .collect();
    assert!(speakers.contains(&"Igor Konashenkov"));
    for junk in ["Kyiv", "Donbas", "Monday"] {
        assert!(!speakers.contains(&junk), "{junk} speaks");
    }
    // Spellings that differ across sources are listed as variants, with who writes which.
    let variant = |canonical: &str| {
        report
            .comparison
            .variants
            .iter()
            .find(|v| v.canonical == canonical)
            .unwrap_or_else(|| panic!("no variant {canonical}: {:?}", report.comparison.variants))
    };
    let kyiv: Vec<&str> = variant("Kyiv")
        .forms
        .iter()
        .map(|f| f.form.as_str())
        .collect();
    assert_eq!(kyiv, ["Kiev", "Kyiv"]);
    assert_eq!(variant("Donbas").forms.len(), 2);
    assert_eq!(variant("HIMARS").forms.len(), 2);
    assert!(report
        .comparison
        .variants
        .iter()
        .all(|v| v.canonical != "Russia"));
}

#[test]
fn fifty_three_against_some_fifty_is_a_discrepancy_within_approximation() {
    let report = seeds();
    let index = |prefix: &str| {
        report
            .documents
            .iter()
            .position(|d| d.name.starts_with(prefix))
            .unwrap()
    };
    let (guardian, efe) = (index("000"), index("001"));
    let found = report.comparison.discrepancies.iter().find(|d| {
        d.kind == "quantity"
            && d.values.iter().any(|v| v.doc == guardian && v.text == "53")
            && d.values.iter().any(|v| v.doc == efe && v.text == "some 50")
    });
    let found = found.unwrap_or_else(|| panic!("{:#?}", report.comparison.discrepancies));
    assert_eq!(found.verdict, "consistent");
    assert_eq!(found.reason, "within approximation");
    assert!(found.about.contains("prisoners"), "{}", found.about);
}

#[test]
fn the_wire_copy_pair_shares_its_passages() {
    let report = seeds();
    let c = &report.comparison;
    let top = &c.reuse[0];
    assert!(!top.passages.is_empty());
    // The ministry statement both carry from the wire, word for word.
    let statement = top.passages.iter().map(|&p| &c.passages[p]).find(|p| {
        top.docs.iter().all(|&d| {
            p.spans
                .iter()
                .any(|s| s.doc == d && s.span.text.contains("undeniably proves that Washington"))
        })
    });
    assert!(statement.is_some(), "{:#?}", c.passages);
    // Only pairs that share a passage are listed.
    assert!(c.reuse.len() < 10, "{:?}", c.reuse);
    assert!(c.reuse.iter().all(|r| !r.passages.is_empty()));
}

#[test]
fn framing_shows_who_each_source_quotes_and_how() {
    let report = seeds();
    let framing = |prefix: &str| {
        let d = report
            .documents
            .iter()
            .position(|d| d.name.starts_with(prefix))
            .unwrap();
        &report.comparison.framing[d]
    };
    let voice = |prefix: &str, speaker: &str| {
        framing(prefix)
            .voices
            .iter()
            .find(|v| v.speaker == speaker)
            .unwrap_or_else(|| panic!("{prefix}: no {speaker} in {:?}", framing(prefix).voices))
            .affiliation
            .clone()
    };
    assert_eq!(voice("000", "Maria Zakharova").as_deref(), Some("Russia"));
    assert_eq!(voice("000", "Vadym Skibitsky").as_deref(), Some("Ukraine"));
    assert_eq!(voice("001", "Igor Konashenkov").as_deref(), Some("Russia"));
    assert_eq!(voice("003", "Sergei Shoigu").as_deref(), Some("Russia"));
    let headlines: Vec<Option<&str>> = ["000", "001", "002", "003", "004"]
        .iter()
        .map(|p| framing(p).headline_lemma.as_deref())
        .collect();
    let expected = [Some("claim"), Some("say"), Some("accuse"), Some("allege")];
    assert_eq!(headlines[..4], expected);
    assert_eq!(headlines[4], None, "that copy has no headline");
    // The Guardian has Ukraine's officials deny and acknowledge.
    let ukraine: Vec<&str> = framing("000")
        .verbs
        .iter()
        .filter(|v| v.side.as_deref() == Some("Ukraine"))
        .map(|v| v.lemma.as_str())
        .collect();
    assert!(ukraine.contains(&"deny"), "{ukraine:?}");
    assert!(framing("004")
        .hedges
        .iter()
        .any(|h| h.phrase == "could not independently verify"));
    let russia = &framing("002").sides[0];
    assert_eq!(russia.affiliation, "Russia");
}
