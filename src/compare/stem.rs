//! The stemmer of the comparison: a word's key, so that forms of one word
//! meet. Standalone (no crate paths): `build.rs` includes this file too, to
//! stem the word tables once at build time rather than at every start-up.

/// A folded word's key: possessive and hyphens dropped, then stemmed.
pub fn normalize(word: &str) -> String {
    let word = word.to_lowercase();
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(&word);
    if word.contains('-') {
        stem(&word.replace('-', ""))
    } else {
        stem(word)
    }
}

/// A few suffix rules, enough for plurals, tenses, adverbs, `-ment` nouns and
/// British spellings to meet (`involvement` and `involved`, `defence` and
/// `defense` share a prefix the common-prefix match then accepts).
pub fn stem(word: &str) -> String {
    // ASCII words, nearly all, as bytes: no `Vec<char>` per word.
    if word.is_ascii() {
        if !word.bytes().all(|b| b.is_ascii_alphabetic()) {
            return word.to_string();
        }
        let mut w = word.as_bytes().to_vec();
        strip_suffixes(&mut w);
        return String::from_utf8(w).expect("ASCII stays ASCII");
    }
    if !word.chars().all(char::is_alphabetic) {
        return word.to_string();
    }
    let mut w: Vec<char> = word.chars().collect();
    strip_suffixes(&mut w);
    w.into_iter().collect()
}

/// [`stem`]'s rules, on a word's bytes or chars.
fn strip_suffixes<C: Copy + PartialEq + From<u8>>(w: &mut Vec<C>) {
    // Suffixes are ASCII: compared unit by unit.
    let ends = |w: &[C], s: &str| {
        w.len() >= s.len()
            && w[w.len() - s.len()..]
                .iter()
                .zip(s.bytes())
                .all(|(&c, b)| c == C::from(b))
    };
    let n = w.len();
    if ends(w, "ies") && n > 4 {
        w.truncate(n - 3);
        w.push(C::from(b'y'));
    } else if ends(w, "sses") {
        w.truncate(n - 2);
    } else if ends(w, "s") && !ends(w, "ss") && !ends(w, "us") && !ends(w, "is") && n > 3 {
        w.truncate(n - 1);
    }
    if ends(w, "ing") && w.len() > 5 {
        w.truncate(w.len() - 3);
    } else if (ends(w, "ed") && w.len() > 4) || (ends(w, "ly") && w.len() > 5) {
        w.truncate(w.len() - 2);
    }
    let m = w.len();
    if m > 3 && w[m - 1] == w[m - 2] && !b"lsz".iter().any(|&b| w[m - 1] == C::from(b)) {
        w.truncate(m - 1);
    }
    if ends(w, "e") && w.len() > 4 {
        w.pop();
    }
    if ends(w, "y") && w.len() > 3 {
        w.pop();
        w.push(C::from(b'i'));
    }
    if ends(w, "ment") && w.len() > 7 {
        w.truncate(w.len() - 4);
    }
    if ends(w, "e") && w.len() > 4 {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet_across_inflections_and_derivations() {
        assert_eq!(stem("involved"), stem("involves"));
        assert_eq!(stem("involvement"), stem("involved"));
        assert_eq!(stem("floods"), stem("flooding"));
        assert_eq!(stem("directly"), stem("direct"));
        assert_eq!(stem("cities"), stem("city"));
    }
}
