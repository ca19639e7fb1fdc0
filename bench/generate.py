"""Generate a synthetic corpus for the benchmark: N articles, their topics, claims and quotes.

The corpus looks like a real one to ``compare``: articles of 1,000-1,800 words of prose made
from a word and sentence grammar, hard-wrapped like saved web pages, with curly quotes,
apostrophes and em-dashes; several outlets; topics with claims; 20 assertions per article, each
with one or two quotes copied verbatim from its text (often across a line break, sometimes with
straight quotes and hyphens where the text has curly ones, as a copy from another browser
would). With ``--damaged`` a share of the quotes is damaged (a word swapped or its case changed)
so that ``compare check`` must explain the miss.

Everything follows from the seed: article ``i`` of a corpus is the same in every corpus size
and with or without damage, so sizes compare like with like. Stdlib only.

    python bench/generate.py OUT --articles 500 [--seed 1] [--damaged 0.05]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

#: Bump when the output changes, so cached corpora are regenerated.
GENERATOR_VERSION = "3"

# --------------------------------------------------------------------------- vocabulary

ACTORS = [
    "Russia",
    "Moscow",
    "the Kremlin",
    "Iran",
    "Tehran",
    "Turkey",
    "Ankara",
    "Qatar",
    "Doha",
    "Egypt",
    "Cairo",
    "Israel",
    "the United States",
    "Washington",
    "China",
    "Beijing",
    "the European Union",
    "Brussels",
    "Saudi Arabia",
    "Riyadh",
    "the United Arab Emirates",
    "Hamas",
    "Hezbollah",
    "the Palestinian Authority",
    "the Arab League",
    "NATO",
    "Ukraine",
    "Kyiv",
    "Syria",
    "Damascus",
    "Jordan",
    "Algeria",
    "India",
    "the Gulf states",
    "the UN Security Council",
    "the International Atomic Energy Agency",
]
PEOPLE = [
    "Sergey Lavrov",
    "Maria Zakharova",
    "Mikhail Bogdanov",
    "Dmitry Peskov",
    "Ismail Haniyeh",
    "Mousa Abu Marzouk",
    "Antony Blinken",
    "Josep Borrell",
    "Recep Tayyip Erdoğan",
    "Hakan Fidan",
    "Wang Yi",
    "Abdel Fattah el-Sisi",
    "Mohammed bin Abdulrahman Al Thani",
    "Ali Bagheri Kani",
    "Vasily Nebenzya",
    "Kyrylo Budanov",
    "Yair Lapid",
    "Benny Gantz",
]
ROLES = [
    "a senior diplomat",
    "Western officials",
    "regional analysts",
    "a former intelligence officer",
    "the deputy foreign minister",
    "a spokesperson for the ministry",
    "several European diplomats",
    "people familiar with the talks",
    "a Gulf official",
    "military observers",
    "independent researchers",
    "an adviser to the president",
    "opposition politicians",
    "local journalists",
    "a retired general",
]
NOUNS = [
    "arms shipments",
    "grain exports",
    "oil revenues",
    "sanctions",
    "drone deliveries",
    "military advisers",
    "diplomatic visits",
    "a ceasefire proposal",
    "humanitarian corridors",
    "naval patrols",
    "cyber operations",
    "state media coverage",
    "financial transfers",
    "crypto exchanges",
    "port access",
    "air defence systems",
    "prisoner exchanges",
    "security guarantees",
    "back-channel talks",
    "reconstruction contracts",
    "intelligence sharing",
    "border crossings",
    "refugee flows",
    "gas pipelines",
    "wheat deliveries",
    "shipping insurance",
    "election monitoring",
    "debt relief",
    "missile components",
    "the supply routes",
    "trade corridors",
    "nuclear talks",
    "the peace process",
    "the energy market",
    "the regional balance",
    "the arms trade",
]
ADJECTIVES = [
    "covert",
    "limited",
    "growing",
    "unprecedented",
    "symbolic",
    "pragmatic",
    "fragile",
    "sustained",
    "unverified",
    "indirect",
    "lucrative",
    "cautious",
    "opaque",
    "aggressive",
    "half-hearted",
    "long-standing",
    "tentative",
    "strategic",
    "informal",
    "costly",
]
VERBS_PAST = [
    "expanded",
    "questioned",
    "welcomed",
    "condemned",
    "financed",
    "brokered",
    "delayed",
    "negotiated",
    "accelerated",
    "defended",
    "criticised",
    "downplayed",
    "restricted",
    "encouraged",
    "monitored",
    "exploited",
    "resisted",
    "endorsed",
    "revived",
    "undermined",
]
VERBS_PRESENT = [
    "depends on",
    "benefits from",
    "cannot ignore",
    "keeps pushing for",
    "quietly supports",
    "openly rejects",
    "has little interest in",
    "continues to court",
    "tries to exploit",
    "publicly denies",
    "is unlikely to abandon",
    "is wary of",
    "insists on",
    "profits from",
]
SAY_VERBS = [
    "said",
    "told reporters",
    "argued",
    "wrote",
    "insisted",
    "noted",
    "warned",
    "added",
    "claimed",
    "conceded",
]
TIMES = [
    "in late January",
    "since 2014",
    "after the October attacks",
    "during the Cold War",
    "earlier this month",
    "in the spring of 2022",
    "over the past decade",
    "last week",
    "at the height of détente",
    "before the summit in Kazan",
    "in the weeks that followed",
    "throughout the autumn",
    "two years ago",
    "within days of the invasion",
]
PLACES = [
    "in Gaza",
    "in the Red Sea",
    "along the Syrian border",
    "in the Black Sea",
    "in Sinai",
    "across the Gulf",
    "in the eastern Mediterranean",
    "in the Caucasus",
    "in North Africa",
    "in the occupied territories",
    "on the Lebanese frontier",
    "in Central Asia",
]
CONNECTORS = ["but", "yet", "and", "while", "although", "because", "even as", "so"]
OPENERS = [
    "Still,",
    "Meanwhile,",
    "In practice,",
    "Even so,",
    "For now,",
    "At the same time,",
    "By contrast,",
    "Crucially,",
    "In other words,",
    "Put simply,",
    "Hence",
    "On paper,",
    "Unsurprisingly,",
    "Behind closed doors,",
]
FIGURES = [
    "12 percent",
    "$4 billion",
    "three times",
    "a fifth",
    "nearly half",
    "40 tonnes",
    "hundreds of millions of dollars",
    "two dozen",
    "1.3 million barrels a day",
]
SUBHEADINGS = [
    "A pattern with history",
    "What the Kremlin wants",
    "The view from the Gulf",
    "Money and influence",
    "Limits of the partnership",
    "The risk of escalation",
    "Diplomacy as theatre",
    "What comes next",
    "An uneasy balance",
    "The Western response",
]
CLUTTER = [
    "Related article: {title}",
    "Sign up for our weekly newsletter and get the analysis in your inbox.",
    "Check Also",
    "The views expressed in this article are the author’s own.",
]

OUTLETS = [
    ("Carnegie", "Carnegie Endowment for International Peace"),
    ("WINEP", "The Washington Institute for Near East Policy"),
    ("CEPA", "Center for European Policy Analysis"),
    ("Cradle", "The Cradle"),
    ("Chatham", "Chatham House"),
    ("ECFR", "European Council on Foreign Relations"),
    ("Riddle", "Riddle Russia"),
    ("Meduza", "Meduza"),
    ("Atlantic", "Atlantic Council"),
    ("Valdai", "Valdai Discussion Club"),
    ("Crisis", "International Crisis Group"),
    ("MEI", "Middle East Institute"),
]
FIRST_NAMES = [
    "Anna",
    "Ben",
    "Olga",
    "Milàn",
    "Dan",
    "Nikita",
    "Hanna",
    "Yusuf",
    "Leila",
    "Tomás",
    "Ingrid",
    "Karim",
    "Sofia",
    "Pavel",
    "Marta",
    "Omar",
    "Chloé",
    "Jakub",
]
LAST_NAMES = [
    "Borshchevskaya",
    "Dubow",
    "Lautman",
    "Czerny",
    "Storyev",
    "Smagin",
    "Haddad",
    "Kovalenko",
    "Nasser",
    "Ødegaard",
    "Fischer",
    "Rahimi",
    "Novak",
    "Brennan",
    "Ivanova",
    "Lindqvist",
    "Mansour",
    "Petrov",
]

#: (topic id, title, question, keywords, [(claim id, claim text)])
TOPIC_THEMES = [
    (
        "weapons",
        "Weapons supply",
        "Does Russia supply weapons to Hamas?",
        ["Kalashnikov", "munitions", "anti-tank rockets"],
        [
            ("direct-supply", "Russia directly supplies weapons to Hamas."),
            ("indirect-arms", "Russian-made weapons reach Hamas through third countries."),
            ("ammo-licence", "Russia licensed the local production of ammunition."),
            ("black-market", "Western weapons reach the region through the black market."),
        ],
    ),
    (
        "motive",
        "Motive",
        "Why does Moscow engage Hamas?",
        ["prestige", "great-power status"],
        [
            ("leverage", "Moscow engages Hamas to gain leverage against Washington."),
            ("status", "The outreach is about status in the Global South."),
            ("mediation", "Russia wants to be seen as a mediator."),
            ("distraction", "The war distracts the West from Ukraine."),
        ],
    ),
    (
        "chaos",
        "Regional chaos",
        "Does Russia want instability in the region?",
        ["destabilisation", "spillover"],
        [
            ("wants-chaos", "Russia benefits from regional chaos."),
            ("fears-chaos", "Russia fears that chaos spreads to its own territory."),
            ("spillover", "The conflict will spill over into the Caucasus."),
        ],
    ),
    (
        "finance",
        "Money flows",
        "Does money reach Hamas through Russia?",
        ["cryptocurrency", "Garantex", "hawala"],
        [
            ("crypto", "Hamas received funds through a Moscow-based crypto exchange."),
            ("sanctions-evasion", "Russia helps Hamas evade financial sanctions."),
            ("no-evidence", "There is no evidence of Russian state financing."),
        ],
    ),
    (
        "iran",
        "The Iran channel",
        "Does Iran act as a go-between?",
        ["Shahed", "IRGC"],
        [
            ("iran-conduit", "Iran passes Russian equipment to its proxies."),
            ("drone-swap", "Iranian drones are paid for with Russian technology."),
            ("iran-rivalry", "Moscow and Tehran compete for influence."),
        ],
    ),
    (
        "israel",
        "Ties with Israel",
        "Will Moscow protect its relationship with Israel?",
        ["deconfliction", "Netanyahu"],
        [
            ("keeps-ties", "Russia avoids breaking with Israel."),
            ("cooling", "Relations with Israel have cooled sharply."),
            ("deconfliction", "The Syrian deconfliction line still works."),
        ],
    ),
    (
        "propaganda",
        "Information war",
        "How does Russian media frame the war?",
        ["disinformation", "RT Arabic"],
        [
            ("double-standards", "State media accuse the West of double standards."),
            ("antisemitism", "Russian messaging tolerates antisemitic tropes."),
            ("restraint", "Official messaging is restrained."),
        ],
    ),
    (
        "diplomacy",
        "Diplomatic visits",
        "What do the visits to Moscow achieve?",
        ["delegation", "consular"],
        [
            ("legitimises", "The visits legitimise Hamas."),
            ("hostages", "Moscow helped to free hostages with Russian passports."),
            ("symbolic", "The visits are symbolic and achieve little."),
        ],
    ),
    (
        "energy",
        "Oil and gas",
        "Does the war help Russian energy exports?",
        ["OPEC", "Brent crude"],
        [
            ("price-windfall", "Higher oil prices are a windfall for Moscow."),
            ("opec", "Russia coordinates output with Riyadh."),
            ("no-windfall", "The price effect is small and temporary."),
        ],
    ),
    (
        "grain",
        "Food and grain",
        "Is grain a lever of influence?",
        ["fertiliser", "Grain Initiative"],
        [
            ("grain-lever", "Russia uses grain deliveries as a political lever."),
            ("free-grain", "Free grain shipments buy goodwill in Africa."),
            ("market-only", "Grain exports follow the market, not politics."),
        ],
    ),
    (
        "ukraine",
        "The Ukraine link",
        "How does Gaza relate to the war in Ukraine?",
        ["Zelensky", "Avdiivka"],
        [
            ("aid-diverted", "Western aid is diverted from Ukraine to Israel."),
            ("same-playbook", "Moscow uses the same playbook in both wars."),
            ("unrelated", "The two wars are largely unrelated."),
        ],
    ),
    (
        "un",
        "At the United Nations",
        "What does Russia do at the UN?",
        ["veto", "draft resolution"],
        [
            ("veto", "Russia vetoes Western resolutions."),
            ("ceasefire-draft", "Russia tables its own ceasefire drafts."),
            ("isolated", "Moscow is isolated at the Council."),
        ],
    ),
    (
        "syria",
        "Syria",
        "What role does Syria play?",
        ["Khmeimim", "Tartus"],
        [
            ("bases", "Russian bases in Syria matter for the region."),
            ("withdrawal", "Russian forces are thinning out in Syria."),
            ("assad", "Damascus follows Moscow's line."),
        ],
    ),
    (
        "turkey",
        "Turkey",
        "Where does Turkey stand?",
        ["Bosphorus", "Incirlik"],
        [
            ("ankara-mediates", "Ankara competes with Moscow as a mediator."),
            ("ankara-aligned", "Ankara and Moscow take similar positions."),
        ],
    ),
    (
        "gulf",
        "The Gulf states",
        "How do the Gulf states see Russia's role?",
        ["Abu Dhabi", "GCC"],
        [
            ("gulf-welcome", "Gulf states welcome a Russian role."),
            ("gulf-hedge", "Gulf states hedge between Moscow and Washington."),
            ("gulf-wary", "Gulf states are wary of Russian involvement."),
        ],
    ),
    (
        "china",
        "China",
        "Does Beijing follow Moscow's lead?",
        ["Belt and Road", "Xi Jinping"],
        [
            ("china-aligned", "Beijing and Moscow coordinate their positions."),
            ("china-distance", "Beijing keeps its distance from Moscow on Gaza."),
            ("china-benefits", "China benefits more than Russia from the crisis."),
        ],
    ),
    (
        "cyber",
        "Cyber operations",
        "Are Russian hackers involved?",
        ["ransomware", "Killnet"],
        [
            ("cyber-support", "Russian hacker groups support Hamas online."),
            ("cyber-none", "There is no sign of Russian cyber involvement."),
        ],
    ),
    (
        "refugees",
        "Refugees",
        "Does Moscow use migration as a weapon?",
        ["asylum", "Rafah crossing"],
        [
            ("weaponised", "Moscow encourages refugee flows to Europe."),
            ("evacuation", "Russia evacuated its citizens from Gaza."),
        ],
    ),
    (
        "nuclear",
        "Nuclear talks",
        "Does the war affect the nuclear file?",
        ["enrichment", "centrifuges"],
        [
            ("nuclear-shield", "Russia shields Iran's nuclear programme."),
            ("nuclear-deal", "A new nuclear deal is out of reach."),
        ],
    ),
    (
        "wagner",
        "Private military companies",
        "Are Russian mercenaries involved?",
        ["Wagner", "Africa Corps"],
        [
            ("wagner-training", "Russian mercenaries trained fighters in the region."),
            ("wagner-africa", "Mercenary networks in Africa move arms north."),
        ],
    ),
]

#: Wording an analyst reads as a hedge, a negation, or someone else's claim (compare's
#: stance-cue lint looks for the same).
_NEGATION = re.compile(r"(?i)\b(?:unverified|unproven|unlikely|denie[sd]|no evidence)\b")
_HEDGE = re.compile(
    r"(?i)\b(?:alleged(?:ly)?|reportedly|perhaps|possibly|might|apparently)\b"
    r"|\bmay\b"
)
_ATTRIBUTION = re.compile(
    r"(?i)\b(?:said|says|say|claimed|claiming|according to|told|stated"
    r"|insisted|insists|asserted)\b"
)

#: Words that, left out of a quote's sentence, could change what the quote says (compare's
#: quote-context lint looks for the same): a careful analyst quotes around them.
_CONTEXT = re.compile(
    r"(?i)\b(?:according to|message|said|says|say|claimed|claims|told|stated|insisted|insists"
    r"|added|wrote|argued|argues"
    r"|asserted|alleged|not|no|never|cannot|hardly|nor|without|whether|unlikely|unverified"
    r"|unproven|doubtful|unclear|propaganda|narrative|portrays?|purports?|critics)\b"
)

STANCES = ["affirms", "suggests", "neutral", "doubts", "denies"]
STANCE_WEIGHTS = [3, 3, 1, 3, 2]


# --------------------------------------------------------------------------- prose


class Prose:
    """A sentence grammar: real-looking prose with curly quotes, apostrophes and dashes."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, items: list[str]) -> str:
        return self.rng.choice(items)

    def actor(self) -> str:
        return self.pick(ACTORS)

    def possessive(self) -> str:
        name = self.actor()
        name = name[4:] if name.startswith("the ") and self.rng.random() < 0.5 else name
        return f"{name}’s" if not name.endswith("s") else f"{name}’"

    def noun_phrase(self) -> str:
        r = self.rng.random()
        noun = self.pick(NOUNS)
        bare = noun.removeprefix("the ").removeprefix("a ")
        if r < 0.35:
            return f"{self.pick(ADJECTIVES)} {bare}"
        if r < 0.55:
            return f"{self.possessive()} {bare}"
        if r < 0.7:
            return f"{noun} {self.pick(PLACES)}"
        return noun

    def clause(self) -> str:
        r = self.rng.random()
        if r < 0.4:
            text = f"{self.actor()} {self.pick(VERBS_PAST)} {self.noun_phrase()}"
        elif r < 0.75:
            text = f"{self.actor()} {self.pick(VERBS_PRESENT)} {self.noun_phrase()}"
        elif r < 0.9:
            text = (
                f"{self.noun_phrase()} {self.pick(['rose by', 'fell by', 'grew by'])} "
                f"{self.pick(FIGURES)}"
            )
        else:
            text = f"{self.pick(ROLES)} {self.pick(VERBS_PAST)} {self.noun_phrase()}"
        if self.rng.random() < 0.45:
            text += (
                f" {self.pick(TIMES)}" if " in " in text[-30:] else f" {self.pick(TIMES + PLACES)}"
            )
        return text

    def sentence(self) -> str:
        r = self.rng.random()
        if r < 0.25:
            body = f"{self.clause()}, {self.pick(CONNECTORS)} {self.clause()}"
        elif r < 0.4:
            body = f"{self.pick(OPENERS)} {self.clause()}"
        elif r < 0.52:
            speaker = self.pick(PEOPLE) if self.rng.random() < 0.6 else self.pick(ROLES)
            return f"“{_cap(self.clause())},” {speaker} {self.pick(SAY_VERBS)} {self.pick(TIMES)}."
        elif r < 0.62:
            dash = " — " if self.rng.random() < 0.7 else "—"
            body = (
                f"{self.clause()}{dash}{self.pick(['not least', 'let alone', 'or at least'])}"
                f" {self.noun_phrase()}"
            )
        elif r < 0.7:
            body = f"According to {self.pick(ROLES)}, {self.clause()}, and {self.clause()}"
        elif r < 0.76:
            body = (
                f"{self.possessive()} message is that {self.clause()}: a claim "
                f"{self.pick(PEOPLE)} called “{self.pick(ADJECTIVES)} "
                f"{self.pick(NOUNS)}”"
            )
        else:
            body = self.clause()
        return _cap(body) + ("?" if self.rng.random() < 0.03 else ".")

    def mention(self, keyword: str) -> str:
        """A sentence that uses a topic's keyword."""
        r = self.rng.random()
        if r < 0.4:
            body = f"{self.actor()} {self.pick(VERBS_PRESENT)} {keyword} {self.pick(TIMES)}"
        elif r < 0.7:
            body = f"the question of {keyword} came up {self.pick(TIMES)}, when {self.clause()}"
        else:
            body = f"{self.pick(ROLES)} {self.pick(VERBS_PAST)} {keyword} {self.pick(PLACES)}"
        return _cap(body) + "."

    def paragraph(self) -> list[str]:
        return [self.sentence() for _ in range(self.rng.randint(3, 7))]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1] != "“" else "“" + text[1:2].upper() + text[2:]


@dataclass
class Article:
    """One generated article: its file text and the sentences quotes may come from."""

    text: str
    sentences: list[str]
    flat: str  # the text with whitespace collapsed, to test a quote's uniqueness


def write_article(rng: random.Random, title: str, byline: str, mentions: list[str]) -> Article:
    """1,000-1,800 words in wrapped paragraphs, with a headline, subheadings and page clutter.

    ``mentions`` are the keywords of the topics the article addresses: each gets a sentence or
    two somewhere in the text, and no other topic's keywords appear (so a source listed as
    silent on a topic really is silent on it).
    """
    prose = Prose(rng)
    target = rng.randint(1000, 1800) - 15 * len(mentions)  # a mention is some 15 words
    width = rng.choice([72, 76, 80, 90, 96, 0])  # 0: one line per paragraph, as some pages save
    blocks: list[str | list[str]] = []
    words = 0
    while words < target:
        if words and rng.random() < 0.08:
            blocks.append(rng.choice(SUBHEADINGS))
        if words and rng.random() < 0.04:
            blocks.append(rng.choice(CLUTTER).format(title=prose.noun_phrase().capitalize()))
        paragraph = prose.paragraph()
        words += sum(len(s.split()) for s in paragraph)
        blocks.append(paragraph)
    paragraphs = [b for b in blocks if isinstance(b, list)]
    for keyword in mentions:
        paragraph = rng.choice(paragraphs)
        paragraph.insert(rng.randint(0, len(paragraph)), prose.mention(keyword))
    lines: list[str] = [title, "", byline, ""]
    sentences: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            lines += [block, ""]
            continue
        sentences += block
        joined = " ".join(block)
        wrapped = textwrap.wrap(joined, width, break_on_hyphens=False) if width else [joined]
        # A trailing space on some lines, as saved pages have.
        lines += [line + (" " if rng.random() < 0.05 else "") for line in wrapped] + [""]
    lines.append("This article was originally published by the outlet named above.")
    text = "\n".join(lines) + "\n"
    return Article(text, sentences, _flatten(text))


# --------------------------------------------------------------------------- quotes


def _ascii_copy(quote: str) -> str:
    """The quote as copied from a browser that straightens quotes and dashes."""
    return (
        quote.replace("’", "'")
        .replace("“", '"')
        .replace("”", '"')
        .replace(" — ", " - ")
        .replace("—", "--")
    )


def pick_quote(rng: random.Random, article: Article) -> str:
    """A verbatim run of 6-24 words from one sentence, found exactly once in the text, that
    leaves out no negation or frame of its sentence."""
    for _ in range(50):
        words = rng.choice(article.sentences).split()
        if len(words) < 6:
            continue
        size = rng.randint(6, min(24, len(words)))
        start = rng.randint(0, len(words) - size)
        quote = " ".join(words[start : start + size])
        # The checker counts "a — b" as two words; keep every quote above its minimum of 5.
        if (
            len(quote.replace(" — ", "—").split()) < 6
            or quote.startswith("—")
            or quote.endswith("—")
        ):
            continue
        # Nothing left out before it, nor just after it (nor in a short tail such as
        # "..., a minister added."), that negates or frames it.
        tail = words[start + size :]
        if _CONTEXT.search(" ".join(words[:start])) or _CONTEXT.search(
            " ".join(tail if len(tail) <= 12 else tail[:4])
        ):
            continue
        if _occurrences(article.flat, quote) == 1:
            return quote
    raise RuntimeError("no unique quote found in an article; the grammar is too repetitive")


def _flatten(text: str) -> str:
    """Roughly what the checker compares: straight quotes, dashes without spaces, one space."""
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s*(?:—|--| - )\s*", "-", " ".join(text.split()))


def _occurrences(flat: str, quote: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(_flatten(quote)) + r"(?!\w)", flat))


def damage(rng: random.Random, quote: str, article: Article) -> str:
    """A quote that is not in the text: one word swapped, or one word's case changed."""
    words = quote.split()
    for _ in range(20):
        index = rng.randrange(len(words))
        word = words[index]
        changed = list(words)
        if rng.random() < 0.5 and word[:1].isalpha():
            changed[index] = word.swapcase()
        else:
            changed[index] = rng.choice(ADJECTIVES + VERBS_PAST)
        damaged = " ".join(changed)
        if damaged != quote and _occurrences(article.flat, damaged) == 0:
            return damaged
    return quote + " indeed"


# --------------------------------------------------------------------------- YAML


_PLAIN = re.compile(r"[A-Za-z0-9“][A-Za-z0-9 ,.;’'()\-—–%/$“”?àèéçğöøØ]*\Z")


def scalar(value: str) -> str:
    """A YAML scalar as an analyst would write it: plain when safe, else double-quoted."""
    if (
        _PLAIN.match(value)
        and ": " not in value
        and " #" not in value
        and not value.endswith((" ", ":"))
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


@dataclass
class Stats:
    articles: int
    topics: int
    assertions: int
    quotes: int
    damaged: int
    text_bytes: int
    yaml_bytes: int

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def _voice_id(name: str) -> str:
    """A voice id for a speaker's name: its lowercase slug."""
    return "-".join(re.findall(r"[a-z0-9]+", name.lower()))


def _source_id(outlet: str, index: int) -> str:
    return f"{outlet.lower()}-{index + 1:05d}"


def source_id(index: int, seed: int = 1) -> str:
    """The id of article ``index`` (from 0) of every corpus made with ``seed``, whatever its
    size: what the benchmark names in ``compare suggest TOPIC --source ID``."""
    meta = random.Random(f"{seed}:meta:{index}")
    return _source_id(OUTLETS[meta.randrange(len(OUTLETS))][0], index)


def generate(
    out: Path,
    articles: int,
    *,
    seed: int = 1,
    damaged: float = 0.0,
    topics: int = 16,
    per_article: int = 20,
) -> Stats:
    """Write ``out/assertions.yaml`` and ``out/seeds/*.txt``; return what was written."""
    if not 1 <= topics <= len(TOPIC_THEMES):
        raise ValueError(f"topics must be between 1 and {len(TOPIC_THEMES)}")
    themes = TOPIC_THEMES[:topics]
    all_claims = [(tid, cid) for tid, _, _, _, claims in themes for cid, _ in claims]
    if per_article > len(all_claims):
        raise ValueError(f"at most {len(all_claims)} assertions per article with {topics} topics")
    seeds = out / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    sources: list[str] = []
    by_topic: dict[str, list[str]] = {tid: [] for tid, *_ in themes}
    covered: dict[str, set[str]] = {tid: set() for tid, *_ in themes}
    voices: dict[str, str] = {}
    source_ids: list[str] = []
    n_quotes = n_damaged = text_bytes = 0
    for i in range(articles):
        meta = random.Random(f"{seed}:meta:{i}")
        outlet, outlet_name = OUTLETS[meta.randrange(len(OUTLETS))]
        sid = _source_id(outlet, i)
        title = _cap(Prose(meta).clause()).replace("’", "'")
        authors = [
            f"{meta.choice(FIRST_NAMES)} {meta.choice(LAST_NAMES)}"
            for _ in range(meta.choice([1, 1, 1, 2]))
        ]
        # The article's reading: per_article distinct claims, grouped in a few topics.
        reading = random.Random(f"{seed}:reading:{i}")
        harm = random.Random(f"{seed}:damage:{i}")
        chosen = reading.sample(all_claims, per_article)
        addressed = {tid for tid, _ in chosen}
        mentions = [k for tid, _, _, keywords, _ in themes if tid in addressed for k in keywords]
        article = write_article(
            random.Random(f"{seed}:text:{i}"), title, "By " + " and ".join(authors), mentions
        )
        data = article.text.encode("utf-8")
        (seeds / f"{sid}.txt").write_bytes(data)
        text_bytes += len(data)
        published = f"{meta.randint(2022, 2024)}-{meta.randint(1, 12):02d}"
        entry = [
            f"  {sid}:",
            f"    outlet: {outlet}",
            f"    outlet_name: {scalar(outlet_name)}",
            f"    title: {scalar(title)}",
            f"    authors: [{', '.join(scalar(a) for a in authors)}]",
            f'    published: "{published}"',
            f"    url: https://example.org/{outlet.lower()}/{i + 1}",
            f"    file: seeds/{sid}.txt",
            f"    sha256: {hashlib.sha256(data).hexdigest()}",
        ]
        sources.append("\n".join(entry))
        source_ids.append(sid)
        for tid, cid in sorted(chosen, key=all_claims.index):
            covered[tid].add(sid)
            quotes = []
            originals = []
            for _ in range(reading.choice([1, 1, 2])):
                quote = pick_quote(reading, article)
                if reading.random() < 0.1:
                    quote = _ascii_copy(quote)
                originals.append(quote)
                if damaged and harm.random() < damaged:
                    quote = damage(harm, quote, article)
                    n_damaged += 1
                quotes.append(quote)
            n_quotes += len(quotes)
            # A careful reading: hedged or negated wording is not read as 'affirms', and a
            # quote that reports someone's words says whose claim it is.
            said = " ".join(originals)  # the reading is the same with or without damage
            stance = reading.choices(STANCES, STANCE_WEIGHTS)[0]
            if stance == "affirms" and _NEGATION.search(said):
                stance = "doubts"
            elif stance == "affirms" and _HEDGE.search(said):
                stance = "suggests"
            lines = [
                f"      - id: {tid}-{sid}-{cid}",
                f"        source: {sid}",
                f"        claim: {cid}",
            ]
            summary = f"        summary: {scalar(_cap(Prose(reading).clause()) + '.')}"
            if reading.random() < 0.05 or _ATTRIBUTION.search(said):
                # Someone else's words: a report by that voice, no stance of the article's own.
                person = reading.choice(PEOPLE)
                voices[_voice_id(person)] = person
                lines += [
                    summary,
                    "        reports:",
                    f"          - voice: {_voice_id(person)}",
                    f"            stance: {stance}",
                    "            treatment: relays",
                    "            quotes:",
                ]
                lines += [f"              - {scalar(q)}" for q in quotes]
            else:
                lines += [f"        stance: {stance}", summary, "        quotes:"]
                lines += [f"          - {scalar(q)}" for q in quotes]
            if reading.random() < 0.05:
                lines.append(f"        note: {scalar(Prose(reading).sentence())}")
            by_topic[tid].append("\n".join(lines))
    parts = [
        "# A synthetic corpus for the benchmark: generated by bench/generate.py "
        f"(seed {seed}, {articles} articles, damaged share {damaged}).",
        "version: 2",
        "",
        "sources:",
        *sources,
        "",
        *(["voices:"] if voices else []),
        *(f"  {vid}: {{name: {scalar(name)}}}" for vid, name in sorted(voices.items())),
        "",
        "topics:",
    ]
    for tid, title, question, keywords, claims in themes:
        parts += [
            f"  {tid}:",
            f"    title: {scalar(title)}",
            f"    question: {scalar(question)}",
            f"    keywords: [{', '.join(scalar(k) for k in keywords)}]",
            "    claims:",
        ]
        parts += [f"      {cid}: {scalar(text)}" for cid, text in claims]
        if by_topic[tid]:
            parts.append("    assertions:")
            parts += by_topic[tid]
        silent = [s for s in source_ids if s not in covered[tid]]
        if silent:
            parts.append("    silent:")
            parts += [f"      - {s}" for s in silent]
    yaml_text = "\n".join(parts) + "\n"
    (out / "assertions.yaml").write_text(yaml_text, encoding="utf-8")
    return Stats(
        articles,
        len(themes),
        articles * per_article,
        n_quotes,
        n_damaged,
        text_bytes,
        len(yaml_text.encode("utf-8")),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write assertions.yaml and seeds/ in")
    parser.add_argument("--articles", "-n", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--damaged",
        type=float,
        default=0.0,
        help="share of quotes to damage so they are not found (e.g. 0.05)",
    )
    parser.add_argument(
        "--topics", type=int, default=16, help=f"number of topics (1-{len(TOPIC_THEMES)})"
    )
    parser.add_argument("--assertions", type=int, default=20, help="assertions per article")
    args = parser.parse_args()
    stats = generate(
        args.out,
        args.articles,
        seed=args.seed,
        damaged=args.damaged,
        topics=args.topics,
        per_article=args.assertions,
    )
    print(json.dumps(stats.as_dict()))


if __name__ == "__main__":
    main()
