//! Places by every name English news gives them (`Kiev` is `Kyiv`, `U.S.` is
//! `United States`), and demonyms with the country they stand for
//! (`Ukrainian` → `Ukraine`). The data is built by `scripts/gazetteer.py`
//! from GeoNames (CC BY 4.0); see the header of `gazetteer.tsv`.

use rustc_hash::FxHashMap as HashMap;

use super::entries;

/// What a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Region,
    City,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub canonical: &'static str,
    pub kind: PlaceKind,
    /// The country the place is in (itself for a country); empty for a continent.
    pub country: &'static str,
}

pub struct Gazetteer {
    /// Every name and alternate name, as written (case matters: `Nice`, `nice`).
    by_name: HashMap<&'static str, Place>,
    demonyms: HashMap<&'static str, &'static str>,
}

impl Gazetteer {
    pub fn load(places: &'static str, demonyms: &'static str) -> Gazetteer {
        let mut by_name = HashMap::default();
        for line in entries(places) {
            let mut fields = line.split('\t');
            // Lines are trimmed, so a continent's empty country and alternates may be gone.
            let (Some(canonical), Some(kind)) = (fields.next(), fields.next()) else {
                panic!("gazetteer.tsv: a line needs a canonical name and a kind: {line}");
            };
            let country = fields.next().unwrap_or("");
            let kind = match kind {
                "country" => PlaceKind::Country,
                "region" => PlaceKind::Region,
                "city" => PlaceKind::City,
                other => panic!("gazetteer.tsv: unknown kind {other}"),
            };
            let place = Place {
                canonical,
                kind,
                country,
            };
            let alternates = fields.next().unwrap_or("").split('|');
            for name in std::iter::once(canonical).chain(alternates) {
                // A country's name wins over a city's or a region's of the same spelling.
                let better = by_name
                    .get(name)
                    .is_none_or(|known: &Place| rank(kind) < rank(known.kind));
                if !name.is_empty() && better {
                    by_name.insert(name, place.clone());
                }
            }
        }
        let demonyms = entries(demonyms)
            .filter_map(|line| line.split_once('\t'))
            .collect();
        Gazetteer { by_name, demonyms }
    }

    /// The place a name (as written) stands for.
    pub fn place(&self, name: &str) -> Option<&Place> {
        self.by_name.get(name)
    }

    /// The country a demonym (`Ukrainian`, `Britons`) stands for.
    pub fn demonym(&self, word: &str) -> Option<&'static str> {
        self.demonyms.get(word).copied()
    }
}

fn rank(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::Country => 0,
        PlaceKind::Region => 1,
        PlaceKind::City => 2,
    }
}
