//! A corpus of invented news articles, one JSON line each:
//! `{"id", "story", "text", "outlet", "date"}`. Seeded and reproducible: the
//! same arguments give the same bytes on every machine. Nothing is read from
//! outside; every name, place, outlet and sentence is our own invention.
//!
//! ```sh
//! cargo run --release --example corpus -- --articles 1000 > corpus.jsonl
//! cargo run --release --example corpus -- --articles 40 --stories 5 --seed 7 --order shuffled
//! ```
//!
//! Each story is one event (a flood, a bridge closure, a strike, …) in an
//! invented town, with its people, numbers and dates. One outlet of each
//! story is the wire agency; some outlets copy whole passages of the wire
//! copy verbatim, the others tell the same facts and quotes in their own
//! words. Every article is 400–900 words of body between its outlet's menus,
//! "Sign up" lines, share buttons, related links and copyright line.
//!
//! `--order grouped` (the default) writes the articles of each story
//! together; `--order shuffled` interleaves all stories at random, as a
//! crawl would.

use std::fmt::Write as _;
use std::io::Write as _;

/// A small deterministic generator (SplitMix64), so runs are comparable.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

const TOWNS: &[&str] = &[
    "Marrowgate",
    "Tesselby",
    "Brennock",
    "Aldwyn Cross",
    "Corrowmere",
    "Penhallow",
    "Quillford",
    "Stavely Bridge",
    "Umbersley",
    "Vardenholt",
    "Wexmoor",
    "Yarrowby",
    "Kestleigh",
    "Lowmarsh",
    "Oakhurst Vale",
    "Redlynch",
    "Saltmere",
    "Thornwick",
    "Ashcombe",
    "Fennick",
];
const REGIONS: &[&str] = &[
    "the Harlow Valley",
    "North Ambria",
    "the Greywater district",
    "East Calder",
    "the Morrow coast",
    "the Felling uplands",
    "South Tarrant",
    "the Lune estuary",
];
const RIVERS: &[&str] = &[
    "Ambre", "Tessel", "Corrow", "Lune", "Wend", "Harrow", "Scarle", "Idle",
];
const GIVEN: &[&str] = &[
    "Ada", "Brin", "Cora", "Dane", "Edda", "Fenn", "Gale", "Hugo", "Ilse", "Jory", "Kai", "Lorna",
    "Mabel", "Niall", "Odile", "Piers", "Quinn", "Rosalind", "Soren", "Tamsin", "Ulric", "Vera",
    "Wendell", "Yusra", "Zofia", "Anselm", "Beatrix", "Cyril", "Delphine", "Emeric",
];
const FAMILY: &[&str] = &[
    "Morrin",
    "Castell",
    "Vell",
    "Ostrow",
    "Quarry",
    "Hollis",
    "Tamsworth",
    "Brask",
    "Carrow",
    "Penmore",
    "Lestrade",
    "Veyland",
    "Ashdown",
    "Birchall",
    "Coldridge",
    "Draycott",
    "Elsworth",
    "Fairbairn",
    "Gorring",
    "Harcastle",
    "Ingram",
    "Jessop",
    "Kettering",
    "Lindqvist",
    "Marchbank",
    "Northam",
    "Okonedo",
    "Pellinger",
    "Rashford",
    "Stroud",
];
const WIRES: &[&str] = &[
    "Continental Press",
    "Meridian News Agency",
    "Associated Wire Service",
];
const OUTLETS: &[&str] = &[
    "The Northbay Post",
    "Harlow Courier",
    "Daily Sentinel",
    "The Evening Ledger",
    "Calder Gazette",
    "Morrow Herald",
    "The Civic Review",
    "Greywater Times",
    "Ambria Today",
    "The Lantern",
    "Riverside Chronicle",
    "Tarrant Observer",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// One kind of event and the words every sentence about it is made of.
struct Kind {
    event: &'static str,
    headline_verb: &'static str,
    site: &'static str,
    authority: &'static str,
    cause: &'static str,
    harm: &'static str,
    repair: &'static str,
}

const KINDS: &[Kind] = &[
    Kind {
        event: "the flood",
        headline_verb: "Floodwater forces",
        site: "the old harbour wall",
        authority: "the regional water board",
        cause: "three days of heavy rain",
        harm: "flooded homes",
        repair: "raising the flood barrier",
    },
    Kind {
        event: "the bridge closure",
        headline_verb: "Cracked bridge forces",
        site: "the Mill Street bridge",
        authority: "the county highways department",
        cause: "corroded steel cables",
        harm: "stranded commuters",
        repair: "replacing the main span",
    },
    Kind {
        event: "the warehouse fire",
        headline_verb: "Warehouse blaze forces",
        site: "the riverside warehouse",
        authority: "the regional fire service",
        cause: "a fault in an electrical panel",
        harm: "smoke damage",
        repair: "clearing the debris",
    },
    Kind {
        event: "the transit strike",
        headline_verb: "Transit strike strands",
        site: "the central bus depot",
        authority: "the regional transport authority",
        cause: "a dispute over night-shift pay",
        harm: "cancelled services",
        repair: "restoring the timetable",
    },
    Kind {
        event: "the landslide",
        headline_verb: "Landslide forces",
        site: "the hillside road above the town",
        authority: "the geological survey office",
        cause: "waterlogged clay on the slope",
        harm: "buried cars",
        repair: "stabilising the slope",
    },
    Kind {
        event: "the chemical leak",
        headline_verb: "Chemical leak forces",
        site: "the fertiliser plant on the ring road",
        authority: "the environmental protection agency",
        cause: "a cracked storage tank",
        harm: "contaminated water",
        repair: "cleaning the drainage channels",
    },
    Kind {
        event: "the power cut",
        headline_verb: "Power cut leaves",
        site: "the main electrical substation",
        authority: "the grid operator",
        cause: "a transformer that overheated",
        harm: "spoiled food and closed shops",
        repair: "rebuilding the substation",
    },
    Kind {
        event: "the ferry grounding",
        headline_verb: "Ferry grounding strands",
        site: "the sandbank at the harbour mouth",
        authority: "the maritime safety board",
        cause: "a steering failure in strong wind",
        harm: "a damaged hull",
        repair: "towing the ferry to dry dock",
    },
];

const ROLES: &[(&str, &str)] = &[
    ("mayor of", "town"),
    ("a spokeswoman for", "authority"),
    ("a spokesman for", "authority"),
    ("chief engineer at", "authority"),
    ("a resident of", "town"),
    ("a shopkeeper in", "town"),
    ("head of emergency planning for", "region"),
    ("a councillor in", "town"),
];

struct Person {
    name: String,
    surname: &'static str,
    role: String,
}

/// One invented event with everything the articles about it say.
struct Story {
    id: String,
    town: &'static str,
    region: &'static str,
    river: &'static str,
    kind: &'static Kind,
    year: usize,
    month: usize,
    day: usize,
    weekday: &'static str,
    people: Vec<Person>,
    wire: &'static str,
    evacuated: usize,
    injured: usize,
    cost_millions: usize,
    percent: usize,
    days_closed: usize,
    population: usize,
    inquiry_month: usize,
    /// Paragraphs of the wire copy; outlets that reuse it copy them as they are.
    wire_paragraphs: Vec<String>,
}

impl Story {
    fn new(rng: &mut Rng, index: usize) -> Story {
        let kind = &KINDS[rng.below(KINDS.len())];
        let town = rng.pick(TOWNS);
        let mut people = Vec::new();
        let mut surnames: Vec<&str> = Vec::new();
        while people.len() < 4 {
            let surname = rng.pick(FAMILY);
            if surnames.contains(&surname) {
                continue;
            }
            surnames.push(surname);
            let (role, of) = ROLES[rng.below(ROLES.len())];
            let region = rng.pick(REGIONS);
            let whom = match of {
                "town" => town.to_string(),
                "authority" => kind.authority.to_string(),
                _ => region.to_string(),
            };
            people.push(Person {
                name: format!("{} {surname}", rng.pick(GIVEN)),
                surname,
                role: format!("{role} {whom}"),
            });
        }
        let month = rng.range(1, 12);
        let day = rng.range(1, 27);
        let mut story = Story {
            id: format!("s{index:05}"),
            town,
            region: rng.pick(REGIONS),
            river: rng.pick(RIVERS),
            kind,
            year: rng.range(2023, 2026),
            month,
            day,
            weekday: rng.pick(WEEKDAYS),
            people,
            wire: rng.pick(WIRES),
            evacuated: rng.range(12, 90) * 10,
            injured: rng.range(2, 48),
            cost_millions: rng.range(3, 95),
            percent: rng.range(11, 68),
            days_closed: rng.range(3, 40),
            population: rng.range(8, 95) * 1000,
            inquiry_month: (month + rng.range(1, 4) - 1) % 12 + 1,
            wire_paragraphs: Vec::new(),
        };
        story.wire_paragraphs = story.wire_copy(rng);
        story
    }

    fn date(&self, days_later: usize) -> (usize, usize, usize) {
        let day = self.day + days_later;
        if day > 28 {
            let month = self.month % 12 + 1;
            (self.year + usize::from(month == 1), month, day - 28)
        } else {
            (self.year, self.month, day)
        }
    }

    fn month_name(&self) -> &'static str {
        MONTHS[self.month - 1]
    }

    /// The facts of the story, each in several wordings; `variant` picks one.
    fn fact(&self, which: usize, variant: usize) -> String {
        let k = self.kind;
        let (town, event, month) = (self.town, k.event, self.month_name());
        let inquiry = MONTHS[self.inquiry_month - 1];
        let texts: [[String; 3]; 10] = [
            [
                format!("{} residents of {town} were moved out of their homes on {} after {event} near {}.", self.evacuated, self.weekday, k.site),
                format!("Authorities in {town} evacuated {} people on {} as {event} spread around {}.", self.evacuated, self.weekday, k.site),
                format!("About {} people had to leave their homes in {town} on {} because of {event}.", self.evacuated, self.weekday),
            ],
            [
                format!("{} people were treated for minor injuries, and no one was killed, according to {}.", self.injured, k.authority),
                format!("Officials said {} people were hurt, none of them seriously.", self.injured),
                format!("No deaths were reported, though {} people needed treatment for minor injuries.", self.injured),
            ],
            [
                format!("Early estimates put the cost of {} at ${} million.", k.repair, self.cost_millions),
                format!("{} will cost about ${} million, the first estimates say.", capitalized(k.repair), self.cost_millions),
                format!("The bill for {} could reach {} million dollars.", k.repair, self.cost_millions),
            ],
            [
                format!("Investigators believe {event} was caused by {}.", k.cause),
                format!("The cause, officials said, appears to have been {}.", k.cause),
                format!("Early findings point to {} as the cause of {event}.", k.cause),
            ],
            [
                format!("{} said it would publish a full report on {event} by the end of {inquiry}.", capitalized(k.authority), ),
                format!("A full report is expected from {} before the end of {inquiry}.", k.authority),
                format!("{} has promised its findings by late {inquiry}.", capitalized(k.authority)),
            ],
            [
                format!("About {} percent of households in {town} were affected by {}.", self.percent, k.harm),
                format!("Roughly {}% of the town's households reported {}.", self.percent, k.harm),
                format!("Nearly {} in every hundred homes in {town} suffered {}.", self.percent, k.harm),
            ],
            [
                format!("{} is expected to stay closed for {} days.", capitalized(k.site), self.days_closed),
                format!("Officials expect {} to remain shut for {} days.", k.site, self.days_closed),
                format!("It could be {} days before {} reopens.", self.days_closed, k.site),
            ],
            [
                format!("{town}, a town of {} people on the {} river, last faced a disaster of this size in {}.", group_thousands(self.population), self.river, self.year - self.days_closed % 9 - 4),
                format!("The town of {} people sits on the {} river in {}.", group_thousands(self.population), self.river, self.region),
                format!("{town} is home to {} people and lies on the {} in {}.", group_thousands(self.population), self.river, self.region),
            ],
            [
                format!("A public meeting will be held in the town hall on {} {}.", month, (self.day + 7).min(28)),
                format!("Residents have been invited to a meeting at the town hall on {} {}.", month, (self.day + 7).min(28)),
                format!("The council will meet residents on {} {} to explain the response.", month, (self.day + 7).min(28)),
            ],
            [
                format!("Emergency shelters were opened in two schools and the sports centre in {town}."),
                "Two schools and the sports centre were turned into shelters overnight.".to_string(),
                "Those who could not stay with relatives slept in school halls and at the sports centre.".to_string(),
            ],
        ];
        texts[which % texts.len()][variant % 3].clone()
    }

    /// What the people of the story said: each quote in its words, and a
    /// second rendering (an outlet's own transcription) that differs a little.
    fn quote(&self, speaker: usize, which: usize, reworded: bool) -> String {
        let k = self.kind;
        let quotes: [(&str, &str); 6] = [
            (
                "We have never seen anything like this in",
                "We have not seen anything like this in",
            ),
            (
                "Our first job is to keep people safe, and then we will rebuild",
                "Our first task is keeping people safe, then we rebuild",
            ),
            (
                "The warning signs were there for years and nobody listened",
                "The warning signs were there for years, and no one listened",
            ),
            (
                "Every family that lost something will get help from us",
                "Every family that lost something will be helped",
            ),
            (
                "I do not know how long we can keep going like this",
                "I don't know how long we can go on like this",
            ),
            (
                "We will find out exactly what went wrong and who is responsible",
                "We will find out what went wrong and who is to blame",
            ),
        ];
        let (plain, other) = quotes[(speaker + which) % quotes.len()];
        let body = if reworded { other } else { plain };
        if body.ends_with(" in") {
            format!("{body} {}", self.town)
        } else if which % 3 == 2 {
            format!("{body}, especially after {}", k.harm)
        } else {
            body.to_string()
        }
    }

    /// One quote set in a sentence, attributed in one of several ways.
    fn quoted(&self, rng: &mut Rng, speaker: usize, which: usize, reworded: bool) -> String {
        let person = &self.people[speaker % self.people.len()];
        let words = self.quote(speaker, which, reworded);
        let (name, role, surname) = (&person.name, &person.role, person.surname);
        match rng.below(6) {
            0 => format!("“{words},” said {name}, {role}."),
            1 => format!("“{words},” {name}, {role}, told reporters."),
            2 => format!("{name}, {role}, said: “{words}.”"),
            3 => format!("“{words},” {surname} said on {}.", self.weekday),
            4 => format!("{name} said that {}.", reported(&words)),
            _ => format!("“{words},” {name} added."),
        }
    }

    fn wire_copy(&self, rng: &mut Rng) -> Vec<String> {
        let (_, month, day) = self.date(0);
        let dateline = format!(
            "{}, {} {day} ({}) –",
            self.town.to_uppercase(),
            MONTHS[month - 1],
            self.wire
        );
        let mut paragraphs = vec![format!("{dateline} {}", self.fact(0, 0))];
        paragraphs.push(format!("{} {}", self.fact(1, 0), self.fact(3, 0)));
        paragraphs.push(self.quoted(rng, 0, 0, false));
        paragraphs.push(format!("{} {}", self.fact(2, 0), self.fact(5, 0)));
        paragraphs.push(self.quoted(rng, 1, 1, false));
        paragraphs.push(format!("{} {}", self.fact(6, 0), self.fact(4, 0)));
        paragraphs.push(self.quoted(rng, 2, 2, false));
        paragraphs.push(format!("{} {}", self.fact(7, 0), self.fact(8, 0)));
        paragraphs
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn group_thousands(n: usize) -> String {
    if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

/// A quote told as reported speech: first person becomes third.
fn reported(words: &str) -> String {
    let third: Vec<&str> = words
        .split(' ')
        .map(|word| match word {
            "We" | "we" => "they",
            "I" => "he",
            "Our" | "our" => "their",
            "us" => "them",
            "have" => "had",
            "will" => "would",
            "can" => "could",
            "do" => "did",
            "is" => "was",
            "are" => "were",
            other => other,
        })
        .collect();
    let joined = third.join(" ");
    // The quote's first word opens the clause now: lower case, unless a name.
    match third.first() {
        Some(first) if ["The", "Every", "Our"].contains(first) => {
            let mut chars = joined.chars();
            chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect())
                .unwrap_or_default()
        }
        _ => joined,
    }
}

/// Background sentences any outlet may add in its own words.
fn background(rng: &mut Rng, story: &Story, used: &mut Vec<usize>) -> String {
    let k = story.kind;
    let (town, region, river) = (story.town, story.region, story.river);
    let person = &story.people[rng.below(story.people.len())];
    let other = rng.pick(TOWNS);
    let years = rng.range(3, 30);
    let count = rng.range(2, 19);
    let sentences = [
        format!("Residents said the first signs of trouble came late on {}, when {} began to give way.", story.weekday, k.site),
        format!("Volunteers from {other} arrived with food, blankets and pumps within hours."),
        format!("{} was last inspected {years} years ago, according to council records.", capitalized(k.site)),
        format!("Insurance companies have sent {count} assessors to the town to look at {}.", k.harm),
        "Local businesses on the main square said they had lost a week of trade.".to_string(),
        format!("The nearest hospital, in {other}, said it had extra staff on call overnight."),
        format!("Schools in {town} will remain closed until at least the end of the week."),
        format!("Police closed several roads around {} and asked drivers to avoid the area.", k.site),
        format!("Similar problems were reported in {other}, about {count}0 kilometres down the {river}."),
        format!("{} has been criticised in the past for cutting its maintenance budget.", capitalized(k.authority)),
        format!("Opposition councillors called for an independent inquiry into {}.", k.event),
        format!("The weather service said more rain could fall across {region} over the weekend."),
        format!("{} spent much of the day meeting families at the shelters.", person.name),
        format!("Engineers worked through the night, and a second team was due to arrive from {other}."),
        "Telephone lines were restored by the evening, but mobile coverage remained patchy.".to_string(),
        format!("The regional government released an emergency fund of {count} million dollars last year."),
        "Many older residents refused to leave until their neighbours came to fetch them.".to_string(),
        format!("A charity set up a collection point at the railway station, which was reopened on {}.", story.weekday),
        format!("Photographs shared online showed the damage around {} in daylight.", k.site),
        format!("The last comparable emergency in {region} was {years} years ago, residents recalled."),
        "Farmers on the edge of town said their fields would take months to recover.".to_string(),
        "Local radio stayed on air through the night, reading out messages from families.".to_string(),
        "The council's own offices were among the buildings that had to be cleared.".to_string(),
        format!("Buses were laid on to take evacuated residents to relatives in {other}."),
        "Some residents said the warnings had come too late for them to save their belongings.".to_string(),
        format!("A hotline for residents received more than {count}00 calls in its first day."),
        "Officials urged people not to return to their homes until engineers had checked them.".to_string(),
        "The town's football ground was turned into a depot for donated supplies.".to_string(),
    ];
    if used.len() >= sentences.len() {
        used.clear();
    }
    let mut pick = rng.below(sentences.len());
    while used.contains(&pick) {
        pick = (pick + 1) % sentences.len();
    }
    used.push(pick);
    sentences[pick].clone()
}

/// Site furniture: the lines every page of an outlet carries.
struct Furniture {
    menu: String,
    signup: &'static str,
    share: &'static str,
    footer: String,
}

fn furniture(rng: &mut Rng, outlet: &str, year: usize) -> Furniture {
    let sections: &[&str] = &[
        "Home", "News", "World", "Local", "Business", "Sport", "Opinion", "Weather", "Culture",
        "Video",
    ];
    let mut menu: Vec<&str> = sections.to_vec();
    menu.truncate(rng.range(5, sections.len()));
    Furniture {
        menu: menu.join(if rng.chance(50) { " | " } else { "  " }),
        signup: rng.pick(&[
            "Sign up for our morning newsletter",
            "Sign up to get the day's top stories in your inbox",
            "Subscribe now: your first month is free",
        ]),
        share: rng.pick(&[
            "Share this article",
            "Share on Facebook  Share on X  Email",
            "Share  Tweet  Email  Print",
        ]),
        footer: format!("© {year} {outlet}. All rights reserved."),
    }
}

/// One outlet's article about a story.
fn article(
    rng: &mut Rng,
    story: &Story,
    outlet: &str,
    is_wire: bool,
    copies_wire: bool,
    others: &[String],
) -> (String, String) {
    let days_later = if is_wire { 0 } else { rng.below(3) };
    let (year, month, day) = story.date(days_later);
    let date = format!("{year:04}-{month:02}-{day:02}");
    let furniture = furniture(rng, outlet, year);
    let variant = if is_wire || copies_wire {
        0
    } else {
        rng.range(1, 2)
    };
    let mut text = String::new();
    let _ = writeln!(text, "{outlet}");
    let _ = writeln!(text, "{}\n", furniture.menu);
    let headline = match variant {
        0 => format!(
            "{} {} from homes in {}",
            story.kind.headline_verb, story.evacuated, story.town
        ),
        1 => format!(
            "{}: {} hit by {}",
            story.town,
            group_thousands(story.population),
            &story.kind.event[4..]
        ),
        _ => format!(
            "What we know about {} in {}",
            &story.kind.event[4..],
            story.town
        ),
    };
    let _ = writeln!(text, "{headline}\n");
    let reporter = format!("{} {}", rng.pick(GIVEN), rng.pick(FAMILY));
    if is_wire {
        let _ = writeln!(text, "By {reporter}, {}\n", story.wire);
    } else {
        let _ = writeln!(text, "By {reporter}");
    }
    let _ = writeln!(text, "{} {day}, {year}\n", MONTHS[month - 1]);
    let target_words = rng.range(400, 900);
    let mut paragraphs: Vec<String> = Vec::new();
    if is_wire || copies_wire {
        // Wire copy as sent, or a run of it copied verbatim.
        let take = if is_wire {
            story.wire_paragraphs.len()
        } else {
            rng.range(3, story.wire_paragraphs.len())
        };
        let from = if is_wire {
            0
        } else {
            rng.below(story.wire_paragraphs.len() - take + 1)
        };
        paragraphs.extend(story.wire_paragraphs[from..from + take].iter().cloned());
        if !is_wire {
            paragraphs.push(format!(
                "Additional reporting by {} {}.",
                rng.pick(GIVEN),
                rng.pick(FAMILY)
            ));
            paragraphs.rotate_right(1);
            paragraphs.swap(0, 1);
        }
    } else {
        // The same facts and quotes in the outlet's own words and order.
        let mut facts: Vec<usize> = (0..10).collect();
        rng.shuffle(&mut facts[1..]);
        let mut quote_slots: Vec<(usize, usize)> = (0..4).map(|s| (s, rng.below(6))).collect();
        rng.shuffle(&mut quote_slots);
        let mut pending = String::new();
        for (i, &fact) in facts.iter().enumerate() {
            let sentence = story.fact(fact, rng.range(variant, 2));
            if pending.is_empty() {
                pending = sentence;
            } else {
                pending.push(' ');
                pending.push_str(&sentence);
            }
            if rng.chance(55) || i == 0 {
                paragraphs.push(std::mem::take(&mut pending));
            }
            if i % 3 == 1 {
                if let Some((speaker, which)) = quote_slots.pop() {
                    let reworded = rng.chance(40);
                    paragraphs.push(story.quoted(rng, speaker, which, reworded));
                }
            }
        }
        if !pending.is_empty() {
            paragraphs.push(pending);
        }
    }
    // Background and reactions up to the article's length, with promos between.
    let mut words: usize = paragraphs
        .iter()
        .map(|p| p.split_whitespace().count())
        .sum();
    let mut since_promo = 0;
    let mut used = Vec::new();
    while words < target_words {
        let mut paragraph = background(rng, story, &mut used);
        if rng.chance(50) {
            paragraph.push(' ');
            paragraph.push_str(&background(rng, story, &mut used));
        }
        if rng.chance(15) {
            let speaker = rng.below(4);
            let (which, reworded) = (rng.below(6), rng.chance(50));
            paragraph = story.quoted(rng, speaker, which, reworded);
        }
        let length = paragraph.split_whitespace().count();
        if words + length > 900 {
            break;
        }
        words += length;
        paragraphs.push(paragraph);
        since_promo += 1;
        if since_promo >= 4 && rng.chance(40) {
            since_promo = 0;
            let related = &others[rng.below(others.len())];
            paragraphs.push(match rng.below(3) {
                0 => format!("Related: {related}"),
                1 => "Advertisement".to_string(),
                _ => format!("Read more: {related}"),
            });
        }
    }
    for paragraph in &paragraphs {
        let _ = writeln!(text, "{paragraph}\n");
    }
    let _ = writeln!(text, "{}", furniture.share);
    let _ = writeln!(text, "{}\n", furniture.signup);
    let _ = writeln!(text, "Most read");
    for related in others.iter().take(3) {
        let _ = writeln!(text, "{related}");
    }
    let _ = writeln!(text, "\nComments ({})", rng.below(200));
    let _ = write!(text, "{}", furniture.footer);
    (text, date)
}

/// One generated article.
pub struct Article {
    pub id: String,
    pub story: String,
    pub text: String,
    pub outlet: String,
    pub date: String,
}

/// `count` articles across `stories` stories (about one story for every ten
/// articles when `None`), in story order. The same arguments always give the
/// same articles.
pub fn generate(count: usize, stories: Option<usize>, seed: u64) -> Vec<Article> {
    let mut rng = Rng::new(seed);
    let stories = stories.unwrap_or(count.div_ceil(10)).clamp(1, count.max(1));
    // Each story's share of the articles: at least one, the rest at random.
    let mut sizes = vec![1usize; stories];
    for _ in stories..count {
        let weights = rng.below(stories);
        // Favour a few big stories: half the extra articles go to the first third.
        let story = if rng.chance(50) {
            weights % stories.div_ceil(3)
        } else {
            weights
        };
        sizes[story] += 1;
    }
    let headlines: Vec<String> = (0..12)
        .map(|i| {
            format!(
                "{} council approves {} budget for {}",
                TOWNS[(i * 7 + seed as usize) % TOWNS.len()],
                ["new", "revised", "emergency", "annual"][i % 4],
                [
                    "schools",
                    "roads",
                    "parks",
                    "libraries",
                    "housing",
                    "clinics"
                ][i % 6]
            )
        })
        .collect();
    let mut articles = Vec::with_capacity(count);
    for (index, &size) in sizes.iter().enumerate() {
        let story = Story::new(&mut rng, index);
        let mut outlets: Vec<&str> = OUTLETS.to_vec();
        rng.shuffle(&mut outlets);
        for n in 0..size {
            let is_wire = n == 0;
            let outlet = if is_wire {
                story.wire.to_string()
            } else if n <= outlets.len() {
                outlets[n - 1].to_string()
            } else {
                // Big stories: each outlet writes again, a follow-up.
                format!(
                    "{} (update {})",
                    outlets[(n - 1) % outlets.len()],
                    (n - 1) / outlets.len()
                )
            };
            let copies_wire = !is_wire && rng.chance(40);
            let (text, date) = article(&mut rng, &story, &outlet, is_wire, copies_wire, &headlines);
            articles.push(Article {
                id: format!("{}-a{n:04}", story.id),
                story: story.id.clone(),
                text,
                outlet,
                date,
            });
        }
    }
    articles
}

/// The article as one JSON line.
pub fn json_line(article: &Article) -> String {
    serde_json::json!({
        "id": article.id,
        "story": article.story,
        "text": article.text,
        "outlet": article.outlet,
        "date": article.date,
    })
    .to_string()
}

const USAGE: &str = "usage: corpus [--articles N] [--stories K] [--seed S] [--order grouped|shuffled] > corpus.jsonl";

pub fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut count, mut stories, mut seed, mut shuffled) = (100usize, None, 1u64, false);
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let value = rest.next();
        let number = || value.and_then(|v| v.parse::<u64>().ok());
        match (flag.as_str(), value.map(String::as_str)) {
            ("--articles", _) if number().is_some() => count = number().unwrap() as usize,
            ("--stories", _) if number().is_some() => stories = number().map(|n| n as usize),
            ("--seed", _) if number().is_some() => seed = number().unwrap(),
            ("--order", Some("grouped")) => shuffled = false,
            ("--order", Some("shuffled")) => shuffled = true,
            _ => {
                eprintln!("{USAGE}");
                std::process::exit(2);
            }
        }
    }
    let mut articles = generate(count, stories, seed);
    if shuffled {
        Rng::new(seed ^ 0x5eed).shuffle(&mut articles);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for article in &articles {
        if writeln!(out, "{}", json_line(article)).is_err() {
            std::process::exit(1);
        }
    }
    if out.flush().is_err() {
        std::process::exit(1);
    }
}
