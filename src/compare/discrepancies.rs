//! The same thing told differently across documents: numbers about the same
//! count (`53 prisoners killed` against `some 50`), dates of the same event,
//! and the same quote given to different speakers.
//!
//! Everything comes from the extractors' results and the statements already
//! aligned: quantities meet when what they count (the head of `counted`),
//! their `event`, kind and unit agree, or when they sit in one aligned
//! statement; each key's bucket is one hash-map entry, and a key carried by
//! more than [`MAX_KEY_DOCS`] documents is too generic to say they mean the
//! same thing (`people`), so the cost grows with the number of quantities.
//! Values that differ are `consistent` when one point lies inside every
//! value's interval (the hedges' `min`/`max`, and rounding of round
//! numbers), else `conflicting`.

use crate::union_find::{root, singletons, union};
use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use super::stem::stem;
use crate::lexicon::Lexicon;
use crate::report::{
    DateRef, Discrepancy, Document, EntityType, Quantity, QuantityKind, QuantityRef, QuoteGroup,
    SpeakerRef, Statement, TimexType,
};
use crate::text::words::words;

/// A counted thing more documents than this report is a generic word.
pub const MAX_KEY_DOCS: usize = 32;

pub fn discrepancies(
    documents: &[Document],
    statements: &[Statement],
    quote_groups: &[QuoteGroup],
) -> Vec<Discrepancy> {
    let mut found = quantities(documents, statements);
    found.extend(dates(documents, statements));
    found.extend(speakers(documents, quote_groups));
    found
}

fn kind_code(kind: QuantityKind) -> u8 {
    kind as u8
}

fn unit_key(q: &Quantity) -> String {
    match (q.kind, q.base_value) {
        // Lengths in km and in miles meet through their base value.
        (QuantityKind::Measure, Some(_)) => "measure".to_string(),
        _ => q.unit.clone().unwrap_or_default(),
    }
}

/// The head noun of `Ukrainian prisoners of war` (`prisoners`), stemmed:
/// the last word before a preposition, past words that follow a noun
/// (`crew aboard`, `people killed`).
fn head(counted: &str) -> String {
    let lower = counted.to_lowercase();
    let cut = [" of ", " in ", " from ", " at ", " on ", " who ", " that "]
        .iter()
        .filter_map(|sep| lower.find(sep))
        .min()
        .unwrap_or(lower.len());
    let ws = words(&lower, 0, cut);
    let noun = ws.iter().rposition(|w| {
        let w = w.folded.as_str();
        !Lexicon::shared().comparison_words.not_heads.contains(w)
            && !w.ends_with("ed")
            && !w.ends_with("ly")
    });
    noun.or(ws.len().checked_sub(1))
        .map(|i| stem(&ws[i].folded))
        .unwrap_or_default()
}

/// Quantities worth comparing: not restatements in other units, not ordinals.
fn comparable(q: &Quantity) -> bool {
    q.conversion_of.is_none() && q.kind != QuantityKind::Ordinal
}

/// The value to compare, in base units where the dimension has one.
fn scale(q: &Quantity) -> f64 {
    match q.base_value {
        Some(base) if q.value != 0.0 => base / q.value,
        _ => 1.0,
    }
}

/// The interval the phrase allows, in compared units; with `rounding`,
/// widened by half the last written digit of round numbers (`15,000` is
/// 14,500 to 15,500).
fn interval(q: &Quantity, rounding: bool) -> (f64, f64) {
    let s = scale(q);
    let lo = q.min.unwrap_or(f64::NEG_INFINITY) * s;
    let hi = q.max.unwrap_or(f64::INFINITY) * s;
    let value = q.value.abs();
    if !rounding || value < 1000.0 || value.fract() != 0.0 {
        return (lo, hi);
    }
    let mut unit = 1.0;
    while (value / (unit * 10.0)).fract() == 0.0 && unit * 10.0 <= value {
        unit *= 10.0;
    }
    if unit < 100.0 {
        return (lo, hi);
    }
    (lo - unit / 2.0 * s, hi + unit / 2.0 * s)
}

fn same_value(a: &Quantity, b: &Quantity) -> bool {
    let (x, y) = (a.value * scale(a), b.value * scale(b));
    (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0) && a.min == b.min && a.max == b.max
}

/// The verdict on differing values and why.
fn verdict(members: &[&Quantity]) -> (&'static str, &'static str) {
    let meet = |rounding: bool| {
        let (lo, hi) = members
            .iter()
            .map(|q| interval(q, rounding))
            .fold((f64::NEG_INFINITY, f64::INFINITY), |(l, h), (a, b)| {
                (l.max(a), h.min(b))
            });
        lo <= hi * (1.0 + 1e-9)
    };
    if meet(false) {
        ("consistent", "within approximation")
    } else if meet(true) {
        ("consistent", "within rounding")
    } else {
        ("conflicting", "different values")
    }
}

fn quantities(documents: &[Document], statements: &[Statement]) -> Vec<Discrepancy> {
    // Nodes are (document, quantity); union-find joins those about one thing.
    let mut nodes: Vec<(usize, usize)> = Vec::new();
    let mut node_of: HashMap<(usize, usize), usize> = HashMap::default();
    for (d, doc) in documents.iter().enumerate() {
        for (i, q) in doc.quantities.iter().enumerate() {
            if comparable(q) {
                node_of.insert((d, i), nodes.len());
                nodes.push((d, i));
            }
        }
    }
    let quantity = |n: usize| &documents[nodes[n].0].quantities[nodes[n].1];
    let mut parent = singletons(nodes.len());
    // By key: what is counted and what happened to it.
    let mut buckets: HashMap<(u8, String, String), Vec<usize>> = HashMap::default();
    for n in 0..nodes.len() {
        let q = quantity(n);
        let counted = q.counted.as_deref().map(head).unwrap_or_default();
        if counted.is_empty() && q.event.is_none() {
            continue;
        }
        buckets
            .entry((kind_code(q.kind), unit_key(q), counted))
            .or_default()
            .push(n);
    }
    for members in buckets.values() {
        let mut docs: Vec<usize> = members.iter().map(|&n| nodes[n].0).collect();
        docs.dedup();
        if docs.len() < 2 || docs.len() > MAX_KEY_DOCS {
            continue;
        }
        // Within a bucket the event tells counts apart (killed, injured);
        // a count without one joins the only event there is, if one.
        let mut by_event: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut without = Vec::new();
        for &n in members {
            match &quantity(n).event {
                Some(event) => by_event.entry(stem(event)).or_default().push(n),
                None => without.push(n),
            }
        }
        if by_event.len() == 1 {
            by_event.values_mut().next().unwrap().extend(without);
        } else {
            // Among several events, those without one are about the thing itself.
            by_event.insert(String::new(), without);
        }
        for group in by_event.values() {
            for w in group.windows(2) {
                union(&mut parent, w[0], w[1]);
            }
        }
    }
    // In one statement: quantities of one kind and unit, when each document
    // gives just one such (else the key above must tell them apart).
    let mut statement_of: HashMap<usize, usize> = HashMap::default();
    let spans_by_doc = sorted_quantities(documents);
    for (s, statement) in statements.iter().enumerate() {
        let mut by_kind: BTreeMap<(u8, String), BTreeMap<usize, Vec<usize>>> = BTreeMap::new();
        for support in &statement.support {
            for &i in within(
                &spans_by_doc[support.doc],
                support.span.start,
                support.span.end,
            ) {
                let Some(&n) = node_of.get(&(support.doc, i)) else {
                    continue;
                };
                statement_of.entry(n).or_insert(s);
                let q = quantity(n);
                by_kind
                    .entry((kind_code(q.kind), unit_key(q)))
                    .or_default()
                    .entry(support.doc)
                    .or_default()
                    .push(n);
            }
        }
        for per_doc in by_kind.values() {
            if per_doc.len() >= 2 && per_doc.values().all(|ns| ns.len() == 1) {
                let ns: Vec<usize> = per_doc.values().map(|ns| ns[0]).collect();
                for w in ns.windows(2) {
                    union(&mut parent, w[0], w[1]);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for n in 0..nodes.len() {
        let r = root(&mut parent, n);
        groups.entry(r).or_default().push(n);
    }
    let mut found = Vec::new();
    for members in groups.values() {
        if members.len() < 2 {
            continue;
        }
        let qs: Vec<&Quantity> = members.iter().map(|&n| quantity(n)).collect();
        let first_doc = nodes[members[0]].0;
        if members.iter().all(|&n| nodes[n].0 == first_doc)
            || qs.iter().all(|q| same_value(q, qs[0]))
        {
            continue;
        }
        let (verdict, reason) = verdict(&qs);
        let statement = statement_of
            .get(&members[0])
            .copied()
            .filter(|s| members.iter().all(|n| statement_of.get(n) == Some(s)));
        found.push(Discrepancy {
            kind: "quantity".to_string(),
            about: about(&qs, statement.map(|s| &statements[s])),
            values: members
                .iter()
                .map(|&n| QuantityRef {
                    doc: nodes[n].0,
                    quantity: nodes[n].1,
                    value: quantity(n).value,
                    text: quantity(n).span.text.clone(),
                })
                .collect(),
            verdict: verdict.to_string(),
            reason: reason.to_string(),
            statement,
            dates: Vec::new(),
            speakers: Vec::new(),
            quote_group: None,
        });
    }
    // Conflicts first, then by where they start.
    crate::sort::by_key(&mut found, |d| {
        (
            d.verdict != "conflicting",
            d.values[0].doc,
            d.values[0].quantity,
        )
    });
    found
}

/// What the numbers are about: the longest counted phrase and the event,
/// else the statement's shortest wording.
fn about(qs: &[&Quantity], statement: Option<&Statement>) -> String {
    let counted = qs
        .iter()
        .filter_map(|q| q.counted.as_deref())
        .max_by_key(|c| (c.len(), std::cmp::Reverse(*c)));
    let event = qs.iter().find_map(|q| q.event.as_deref());
    match (counted, event) {
        (Some(c), Some(e)) => format!("{c} {e}"),
        (Some(c), None) => c.to_string(),
        (None, Some(e)) => e.to_string(),
        (None, None) => statement.map(shortest).unwrap_or_default(),
    }
}

fn shortest(statement: &Statement) -> String {
    statement
        .support
        .iter()
        .map(|s| s.span.text.as_str())
        .min_by_key(|t| t.len())
        .unwrap_or_default()
        .to_string()
}

/// Each document's quantities, (start, index) sorted by start.
fn sorted_quantities(documents: &[Document]) -> Vec<Vec<(usize, usize, usize)>> {
    documents
        .iter()
        .map(|d| {
            let mut v: Vec<(usize, usize, usize)> = d
                .quantities
                .iter()
                .enumerate()
                .map(|(i, q)| (q.span.start, q.span.end, i))
                .collect();
            v.sort_unstable();
            v
        })
        .collect()
}

/// Indices of the items lying within `start..end`.
fn within(
    sorted: &[(usize, usize, usize)],
    start: usize,
    end: usize,
) -> impl Iterator<Item = &usize> {
    let from = sorted.partition_point(|&(s, _, _)| s < start);
    sorted[from..]
        .iter()
        .take_while(move |&&(s, _, _)| s < end)
        .filter(move |&&(_, e, _)| e <= end)
        .map(|(_, _, i)| i)
}

/// A calendar value's shape: full dates, weeks and weekdays, months only
/// compare with their own kind.
fn comparable_date(value: &str) -> Option<&str> {
    let day = value.split('T').next().unwrap_or(value);
    let starts_digit_or_x = day.starts_with(|c: char| c.is_ascii_digit() || c == 'X');
    (starts_digit_or_x && !day.ends_with("_REF")).then_some(day)
}

/// Two calendar values that cannot both be right: same shape, and a
/// position where both give a different digit (`X` matches anything).
fn dates_conflict(a: &str, b: &str) -> bool {
    if a.contains("-W") != b.contains("-W") {
        return false;
    }
    let n = a.len().min(b.len());
    a.bytes()
        .zip(b.bytes())
        .take(n)
        .any(|(x, y)| x != y && x != b'X' && y != b'X')
}

fn dates(documents: &[Document], statements: &[Statement]) -> Vec<Discrepancy> {
    let sorted: Vec<Vec<(usize, usize, usize)>> = documents
        .iter()
        .map(|d| {
            let mut v: Vec<_> = d
                .dates
                .iter()
                .enumerate()
                .filter(|(_, m)| matches!(m.kind, TimexType::Date | TimexType::Time))
                .map(|(i, m)| (m.span.start, m.span.end, i))
                .collect();
            v.sort_unstable();
            v
        })
        .collect();
    let mut found = Vec::new();
    for (s, statement) in statements.iter().enumerate() {
        // Each document's one calendar date in the statement.
        let mut per_doc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for support in &statement.support {
            for &i in within(&sorted[support.doc], support.span.start, support.span.end) {
                let value = documents[support.doc].dates[i].value.as_deref();
                if value.and_then(comparable_date).is_some() {
                    per_doc.entry(support.doc).or_default().push(i);
                }
            }
        }
        let single: Vec<(usize, usize)> = per_doc
            .iter()
            .filter(|(_, v)| v.len() == 1)
            .map(|(&d, v)| (d, v[0]))
            .collect();
        let value = |(d, i): (usize, usize)| {
            comparable_date(documents[d].dates[i].value.as_deref().unwrap_or_default())
                .unwrap_or_default()
        };
        let conflict = single.iter().enumerate().any(|(k, &x)| {
            single[k + 1..]
                .iter()
                .any(|&y| dates_conflict(value(x), value(y)))
        });
        if single.len() < 2 || !conflict {
            continue;
        }
        found.push(Discrepancy {
            kind: "date".to_string(),
            about: shortest(statement),
            values: Vec::new(),
            verdict: "conflicting".to_string(),
            reason: "different dates".to_string(),
            statement: Some(s),
            dates: single
                .iter()
                .map(|&(d, i)| DateRef {
                    doc: d,
                    date: i,
                    value: documents[d].dates[i].value.clone().unwrap_or_default(),
                    text: documents[d].dates[i].span.text.clone(),
                })
                .collect(),
            speakers: Vec::new(),
            quote_group: None,
        });
    }
    found
}

/// Content-word stems of a role (`deputy head of military intelligence`).
fn role_words(role: &str) -> std::collections::BTreeSet<String> {
    words(role, 0, role.len())
        .into_iter()
        .filter(|w| {
            w.folded.len() > 3 && !["the", "its", "their", "former"].contains(&w.folded.as_str())
        })
        .map(|w| stem(&w.folded))
        .collect()
}

fn speakers(documents: &[Document], quote_groups: &[QuoteGroup]) -> Vec<Discrepancy> {
    // Each document's named things, by canonical name.
    let types: Vec<HashMap<&str, EntityType>> = documents
        .iter()
        .map(|d| {
            d.entities
                .iter()
                .map(|e| (e.canonical.as_str(), e.entity_type))
                .collect()
        })
        .collect();
    let mut found = Vec::new();
    for (g, group) in quote_groups.iter().enumerate() {
        let refs: Vec<SpeakerRef> = group
            .members
            .iter()
            .map(|m| {
                let quote = &documents[m.doc].quotes[m.quote];
                SpeakerRef {
                    doc: m.doc,
                    quote: m.quote,
                    speaker: quote.speaker.clone(),
                    role: quote.speaker_role.clone(),
                }
            })
            .collect();
        // Speakers that are named things (not `the ministry`), each once.
        let mut named: BTreeMap<&str, EntityType> = BTreeMap::new();
        for r in &refs {
            if let Some(s) = r.speaker.as_deref() {
                if let Some(&t) = types[r.doc].get(s) {
                    named.insert(s, t);
                }
            }
        }
        let (verdict, reason) = if named.len() >= 2 {
            let people = named.values().filter(|&&t| t == EntityType::Person).count();
            // Two people cannot both have said it; a body and the person
            // speaking for it (the ministry, its spokesman) can.
            if people >= 2 {
                ("conflicting", "different speakers")
            } else {
                ("consistent", "different speakers")
            }
        } else {
            // One speaker given different roles that share no word.
            let roles: Vec<&str> = refs.iter().filter_map(|r| r.role.as_deref()).collect();
            let differ = roles.iter().enumerate().any(|(k, a)| {
                roles[k + 1..].iter().any(|b| {
                    let (x, y) = (role_words(a), role_words(b));
                    !x.is_empty() && !y.is_empty() && x.is_disjoint(&y)
                })
            });
            if !differ {
                continue;
            }
            ("conflicting", "different roles")
        };
        let about = documents[group.members[0].doc].quotes[group.members[0].quote]
            .span
            .text
            .clone();
        found.push(Discrepancy {
            kind: "speaker".to_string(),
            about,
            values: Vec::new(),
            verdict: verdict.to_string(),
            reason: reason.to_string(),
            statement: None,
            dates: Vec::new(),
            speakers: refs,
            quote_group: Some(g),
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{DocSpan, Span};

    fn quantity(text: &str, value: f64, approx: Option<&str>, min: f64, max: f64) -> Quantity {
        Quantity {
            span: Span {
                start: 0,
                end: text.chars().count(),
                text: text.to_string(),
            },
            value,
            unit: None,
            approx: approx.map(str::to_string),
            kind: QuantityKind::Count,
            range_end: None,
            base_value: None,
            min: Some(min),
            max: Some(max),
            counted: Some("stranded hikers".to_string()),
            event: Some("rescued".to_string()),
            conversion_of: None,
        }
    }

    fn doc(text: &str, quantities: Vec<Quantity>) -> Document {
        Document {
            text: text.to_string(),
            quantities,
            ..Default::default()
        }
    }

    #[test]
    fn a_hedged_round_number_holds_the_exact_one() {
        let docs = [
            doc(
                "27 stranded hikers were rescued",
                vec![quantity("27", 27.0, None, 27.0, 27.0)],
            ),
            doc(
                "about 30 stranded hikers were rescued",
                vec![quantity("about 30", 30.0, Some("about"), 25.0, 35.0)],
            ),
        ];
        let found = discrepancies(&docs, &[], &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].verdict, "consistent");
        assert_eq!(found[0].reason, "within approximation");
        assert_eq!(found[0].about, "stranded hikers rescued");
        assert_eq!(found[0].values[1].text, "about 30");
    }

    #[test]
    fn exact_numbers_that_differ_conflict_and_the_same_number_is_no_discrepancy() {
        let docs = [
            doc(
                "27 stranded hikers were rescued",
                vec![quantity("27", 27.0, None, 27.0, 27.0)],
            ),
            doc(
                "41 stranded hikers were rescued",
                vec![quantity("41", 41.0, None, 41.0, 41.0)],
            ),
            doc(
                "27 stranded hikers were rescued",
                vec![quantity("27", 27.0, None, 27.0, 27.0)],
            ),
        ];
        let found = discrepancies(&docs, &[], &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].verdict, "conflicting");
        assert_eq!(found[0].values.len(), 3);
        assert!(discrepancies(&[docs[0].clone(), docs[2].clone()], &[], &[]).is_empty());
    }

    #[test]
    fn the_head_of_what_is_counted() {
        assert_eq!(head("Ukrainian prisoners of war"), head("prisoners"));
        assert_eq!(head("crew aboard"), head("crew"));
        assert_eq!(head("firefighters fought"), head("firefighters"));
        assert_ne!(head("crew aboard"), head("passengers aboard"));
    }

    #[test]
    fn round_thousands_allow_rounding() {
        let docs = [
            doc(
                "15,000",
                vec![quantity("15,000", 15000.0, None, 15000.0, 15000.0)],
            ),
            doc(
                "15,320",
                vec![quantity("15,320", 15320.0, None, 15320.0, 15320.0)],
            ),
        ];
        let found = discrepancies(&docs, &[], &[]);
        assert_eq!(found[0].reason, "within rounding");
    }

    #[test]
    fn one_quote_given_to_two_people_or_two_roles() {
        use crate::report::{Entity, Quote, QuoteKind, QuoteRef};
        let said = |speaker: &str, role: Option<&str>, kind: EntityType| {
            let text = format!("“The pier will hold,” said {speaker}.");
            Document {
                quotes: vec![Quote {
                    span: Span {
                        start: 0,
                        end: 21,
                        text: "“The pier will hold,”".to_string(),
                    },
                    kind: QuoteKind::Direct,
                    speaker: Some(speaker.to_string()),
                    speaker_span: None,
                    speaker_role: role.map(str::to_string),
                    cue: Some("said".to_string()),
                }],
                entities: vec![Entity {
                    span: Span {
                        start: 27,
                        end: 27 + speaker.chars().count(),
                        text: speaker.to_string(),
                    },
                    entity_type: kind,
                    canonical: speaker.to_string(),
                }],
                text,
                ..Default::default()
            }
        };
        let group = [QuoteGroup {
            members: (0..2)
                .map(|doc| QuoteRef {
                    doc,
                    quote: 0,
                    diff: Vec::new(),
                })
                .collect(),
        }];
        let person = EntityType::Person;
        let two_people = [
            said("Ada Morrin", None, person),
            said("Jory Penn", None, person),
        ];
        let found = discrepancies(&two_people, &[], &group);
        assert_eq!(
            (
                found[0].kind.as_str(),
                found[0].verdict.as_str(),
                found[0].quote_group
            ),
            ("speaker", "conflicting", Some(0))
        );
        let body = said("Harbour Board", None, EntityType::Organization);
        let found = discrepancies(&[body, two_people[0].clone()], &[], &group);
        assert_eq!(
            found[0].verdict, "consistent",
            "a body and who speaks for it"
        );
        let roles = [
            said("Ada Morrin", Some("harbour master"), person),
            said("Ada Morrin", Some("county treasurer"), person),
        ];
        assert_eq!(
            discrepancies(&roles, &[], &group)[0].reason,
            "different roles"
        );
        let same = [
            said("Ada Morrin", Some("the harbour master"), person),
            said("Ada Morrin", Some("harbour master"), person),
        ];
        assert!(discrepancies(&same, &[], &group).is_empty());
    }

    #[test]
    fn one_event_dated_to_two_days_conflicts() {
        let date = |text: &str, value: &str, start: usize| crate::report::DateMention {
            span: Span {
                start,
                end: start + text.len(),
                text: text.to_string(),
            },
            kind: TimexType::Date,
            value: Some(value.to_string()),
        };
        let a = "The dam at Corrow burst on Tuesday.";
        let b = "The dam at Corrow burst on Monday.";
        let docs = [
            Document {
                text: a.to_string(),
                dates: vec![date("Tuesday", "XXXX-WXX-2", 27)],
                ..Default::default()
            },
            Document {
                text: b.to_string(),
                dates: vec![date("Monday", "XXXX-WXX-1", 27)],
                ..Default::default()
            },
        ];
        let support = |doc: usize, text: &str| DocSpan {
            doc,
            span: Span {
                start: 0,
                end: text.len(),
                text: text.to_string(),
            },
        };
        let statements = [Statement {
            support: vec![support(0, a), support(1, b)],
            docs: vec![0, 1],
        }];
        let found = discrepancies(&docs, &statements, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].kind.as_str(), found[0].statement),
            ("date", Some(0))
        );
        assert!(!dates_conflict("2022-08-02", "XXXX-08-02"));
        assert!(!dates_conflict("2022-08", "2022-08-02"));
        assert!(!dates_conflict("XXXX-WXX-2", "2022-08-02"));
    }
}
