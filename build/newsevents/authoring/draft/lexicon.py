"""Words the drafting rules read: titles, kinds of bodies and groups, and the states behind adjectives
('Iranian', 'Israeli') and capitals ('Kinshasa broke off relations with Kigali')."""
from __future__ import annotations

import re
from functools import cache
from os.path import commonprefix

from newsevents.authoring.draft.places import gazetteer

TITLE_WORDS = {
    "Minister", "Ministers", "Foreign", "Prime", "President", "Presidents", "Vice", "Deputy", "Secretary",
    "General", "Spokesman", "Spokeswoman", "Spokesperson", "Ambassador", "Ambassadors", "Envoy", "Envoys",
    "Special", "Representative", "Chief", "Commander", "Governor", "Mayor", "King", "Queen", "Prince", "Sheikh",
    "Emir", "Senator", "Chairman", "Chair", "Director", "Head", "Defense", "Defence", "Interior", "Colonel",
    "Major", "Supreme", "Leader", "Ayatollah", "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Sen", "Caretaker",
    "Interim", "Acting", "Former", "State", "Director-General", "Chancellor", "Sultan", "Crown", "Lieutenant",
    "Brigadier", "Admiral", "Justice", "Health", "Finance", "Army", "Military", "Pope", "Premier", "Speaker",
    "Constable", "Inspector", "Commissioner", "Superintendent",
}
# the last word of a title that stands right before a name ("Prime Minister Najib Mikati", "Gen. X")
PERSON_TITLES = {
    "Minister", "Ministers", "President", "Secretary", "Spokesman", "Spokeswoman", "Spokesperson", "Ambassador",
    "Envoy", "Representative", "Commander", "Governor", "Mayor", "King", "Queen", "Prince", "Sheikh", "Emir",
    "Senator", "Chairman", "Chair", "Director", "Director-General", "Secretary-General", "Colonel", "Major",
    "General", "Leader", "Ayatollah", "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Sen", "Chancellor", "Sultan",
    "Premier", "Speaker", "Pope", "Lieutenant", "Brigadier", "Admiral", "Chief", "Mufti", "Cardinal",
    "Constable", "Inspector", "Commissioner", "Superintendent",
}
ROLE_NOUNS = ("head", "chief", "leader", "spokesman", "spokeswoman", "spokesperson", "director", "president",
              "secretary-general", "director-general", "commander", "foreign minister", "defence minister",
              "prime minister", "envoy", "ambassador")
TITLE_LEVELS = [  # title words → meeting level
    ("head_of_state", {"President", "Presidents", "Prime", "King", "Queen", "Emir", "Sultan", "Chancellor",
                       "Premier"}),
    ("minister", {"Minister", "Ministers", "Secretary"}),
    ("special_envoy", {"Envoy", "Envoys", "Representative"}),
    ("ambassador", {"Ambassador", "Ambassadors"}),
]
BODY_NOUNS = ("foreign ministry", "foreign office", "defence ministry", "defense ministry", "interior ministry",
              "health ministry", "finance ministry", "information ministry", "justice ministry",
              "presidential administration", "presidency", "armed forces", "army", "military", "government",
              "parliament", "police", "navy", "air force", "embassy", "security forces", "state television",
              "state media", "news agency", "cabinet", "emergency service", "emergency services",
              "emergencies ministry", "border guard", "coast guard", "national guard", "intelligence service",
              "security service", "health authorities", "military spokesman")
ARMED_WORDS = {"Liberation", "Lashkar", "Brigade", "Brigades", "Militia", "Mujahideen", "Jihad", "Harakat",
               "Tehrik", "Ansar", "Jamaat", "Battalion", "Battalions", "Army", "Forces", "Front"}
GOVERNMENT_WORDS = {"Ministry", "Office", "Department", "Parliament", "Senate", "Assembly", "Cabinet", "Court",
                    "Police", "Guard", "Guards", "Commission", "Embassy", "Government", "Directorate", "Corps",
                    "Ombudsman", "House", "Palace"}
INTERGOVERNMENTAL_WORDS = {"Nations", "Union", "Organization", "Organisation", "Alliance", "Council",
                           "Cooperation", "League", "Community", "Court"}
MOVEMENT_WORDS = {"Party", "Movement"}
OTHER_ORG_WORDS = {"Forum", "Bank", "Fund", "Committee", "Association", "Foundation", "Institute", "University",
                   "Group", "Company", "Agency", "Network", "Press", "News", "Times", "Red", "Cross", "Crescent",
                   "International", "Watch", "Rights", "Frontieres", "Frontières", "Crisis", "Pool", "Society",
                   "Centre", "Center", "Service", "Services", "Trust"}
REGIONAL_ADJECTIVES = {"European", "African", "Arab", "Asian", "Western", "Eastern", "Northern", "Southern",
                       "Latin", "Caribbean", "Gulf", "Middle", "Central", "International", "Regional", "Global",
                       "Nordic", "Baltic", "Balkan", "Pacific", "Atlantic", "Islamic", "Muslim", "Christian"}
IRREGULAR_DEMONYMS = {
    "American": "USA", "U.S.": "USA", "US": "USA", "British": "GBR", "French": "FRA", "Spanish": "ESP",
    "Dutch": "NLD", "Swiss": "CHE", "Greek": "GRC", "Danish": "DNK", "Swedish": "SWE", "Finnish": "FIN",
    "Polish": "POL", "Thai": "THA", "Filipino": "PHL", "Emirati": "ARE", "Congolese": "COD", "Welsh": "GBR",
    "Scottish": "GBR", "Irish": "IRL", "Belgian": "BEL", "Kosovar": "XKX", "Kosovo": "XKX", "Palestinian": "PSE",
    "Burmese": "MMR", "Malagasy": "MDG", "Yemeni": "YEM", "Omani": "OMN", "Qatari": "QAT", "Bahraini": "BHR",
    "Kuwaiti": "KWT", "Saudi": "SAU", "Israeli": "ISR", "Iraqi": "IRQ", "Pakistani": "PAK", "Afghan": "AFG",
    "Bangladeshi": "BGD", "Nepali": "NPL", "Nepalese": "NPL", "Sri Lankan": "LKA", "Turkish": "TUR",
    "Chinese": "CHN", "Japanese": "JPN", "Vietnamese": "VNM", "Lebanese": "LBN", "Sudanese": "SDN",
    "Senegalese": "SEN", "Togolese": "TGO", "Beninese": "BEN", "Guyanese": "GUY", "Maltese": "MLT",
    "Portuguese": "PRT", "Taiwanese": "TWN", "Somali": "SOM", "Tajik": "TJK", "Uzbek": "UZB", "Turkmen": "TKM",
    "Kyrgyz": "KGZ", "Kazakh": "KAZ", "Azerbaijani": "AZE", "Azeri": "AZE", "Tigrayan": "ETH",
}


@cache
def _countries() -> dict[str, tuple[str, str]]:
    """Country name → (ISO3, name) for every GeoNames country, and the common short names people use."""
    found = {name: (c["iso3"], name) for name, c in gazetteer().countries.items()}
    for short, long in (("Congo", "Democratic Republic of the Congo"), ("Britain", "United Kingdom"),
                        ("U.S.", "United States"), ("US", "United States"), ("Russia", "Russia"), ("Syria", "Syria"),
                        ("Kosovo", "Kosovo")):
        if long in found:
            found[short] = found[long]
    return found


def country(name: str) -> tuple[str, str] | None:
    """(ISO3, name) of a country named in full or by its common short name."""
    return _countries().get(name)


def demonym(word: str) -> tuple[str, str] | None:
    """(ISO3, country name) of a nationality adjective ('Iranian', 'Israeli', 'Lebanese', 'South Sudanese')."""
    word = word.removesuffix("s") if word not in IRREGULAR_DEMONYMS and word.endswith("ns") else word
    iso3 = IRREGULAR_DEMONYMS.get(word)
    if iso3:
        name = next((n for n, (code, _) in _countries().items() if code == iso3), word)
        return iso3, name
    if not re.fullmatch(r"(?:[A-Z][a-z]+ )?[A-Z][a-z]+", word) or not word.endswith(("an", "ian", "i", "ese", "ish")):
        return None
    first = word.split()[0] + " " if " " in word else ""  # 'South Sudanese', 'Sri Lankan': a name of two words
    best, best_shared = None, 0
    for name, (iso3, full) in _countries().items():
        if not name.startswith(first):
            continue
        shared = len(commonprefix([word, name]))
        if shared >= 4 and shared >= min(len(word), len(name)) - 2 and shared > best_shared:
            best, best_shared = (iso3, full), shared
    return best


@cache
def capitals() -> dict[str, str]:
    """Capital city → ISO3 of its country (a capital often stands for its government)."""
    return {c["capital"]: c["iso3"] for c in gazetteer().countries.values() if c.get("capital")}


def level_of(title_words: set[str]) -> str | None:
    return next((level for level, words in TITLE_LEVELS if title_words & words), None)
