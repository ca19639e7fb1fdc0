"""How stances, verdicts and relations look, shared by every text and markdown view.

Each stance has a symbol *and* a word, so a view reads the same without colour (NO_COLOR,
a pipe, a printout) as with it; colour only adds emphasis. rich is imported lazily, inside the
functions that build ``Text``, so the markdown views never load it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from comparator.models import Relation, Source, Stance, Verdict

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from comparator.compare import ClaimComparison, PairRelation, TopicComparison

#: Stance -> (unicode symbol, ASCII symbol for consoles that cannot encode the unicode one).
SYMBOLS: dict[Stance, tuple[str, str]] = {
    Stance.AFFIRMS: ("✔✔", "++"),
    Stance.SUGGESTS: ("✔", "+"),
    Stance.NEUTRAL: ("○", "o"),
    Stance.DOUBTS: ("✘", "-"),
    Stance.DENIES: ("✘✘", "--"),
}

STANCE_STYLES: dict[Stance, str] = {
    Stance.AFFIRMS: "bold green",
    Stance.SUGGESTS: "green",
    Stance.NEUTRAL: "yellow",
    Stance.DOUBTS: "red",
    Stance.DENIES: "bold red",
}

VERDICT_STYLES: dict[Verdict, str] = {
    Verdict.CONSENSUS: "bold green",
    Verdict.CONTESTED: "bold magenta",
    Verdict.MIXED: "bold yellow",
    Verdict.SINGLE_SOURCE: "bold",
    Verdict.UNADDRESSED: "dim",
}

#: What each verdict means, in the words the views print after it.
VERDICT_MEANING: dict[Verdict, str] = {
    Verdict.CONSENSUS: "no source contradicts or diverges from another",
    Verdict.CONTESTED: "sources contradict each other",
    Verdict.MIXED: "some take no side, none contradict",
    Verdict.SINGLE_SOURCE: "only one source addresses it",
    Verdict.UNADDRESSED: "no source takes a position on it",
}

#: Relation marks: contradiction and divergence are what an analyst looks for first.
CONTRADICT_MARK = ("≠", "!=")
DIVERGE_MARK = ("~", "~")
CONTRADICT_STYLE = "bold magenta"
DIVERGE_STYLE = "yellow"
OPEN_QUOTE = ("“", '"')
CLOSE_QUOTE = ("”", '"')
NO_POSITION = ("·", ".")
DOT = (" · ", " - ")
DASH = ("—", "-")

#: What a source without a position on a claim is, by its coverage of the topic.
ABSENT_WORDS = {
    "silent": "silent on this topic",
    "unreviewed": "unreviewed",
    "covered": "no position on this claim",
    "unknown": "not in the corpus",
}
ABSENT_STYLES = {"silent": "dim", "unreviewed": "yellow", "covered": "dim", "unknown": "red"}


def pick(pair: tuple[str, str], unicode: bool = True) -> str:
    """The unicode or the ASCII form of a mark."""
    return pair[0] if unicode else pair[1]


def can_encode(console: Console) -> bool:
    """Whether the console's encoding takes the unicode marks (else ASCII ones are used)."""
    return console.encoding.lower().replace("-", "").startswith("utf")


def stance_plain(stance: Stance, unicode: bool = True) -> str:
    """Symbol and word, e.g. ``✘✘ denies``: what markdown and plain lines print."""
    return f"{pick(SYMBOLS[stance], unicode)} {stance.value}"


def stance_text(stance: Stance, unicode: bool = True) -> Text:
    """The stance as coloured rich Text, symbol and word."""
    from rich.text import Text

    return Text(stance_plain(stance, unicode), style=STANCE_STYLES[stance])


def verdict_text(verdict: Verdict) -> Text:
    from rich.text import Text

    return Text(verdict.value, style=VERDICT_STYLES[verdict])


def multi_source_outlets(sources: Iterable[Source]) -> frozenset[str]:
    """Outlets with more than one article: their articles need the source id to be told apart."""
    seen: dict[str, int] = {}
    for source in sources:
        seen[source.outlet] = seen.get(source.outlet, 0) + 1
    return frozenset(o for o, n in seen.items() if n > 1)


def source_label(source: Source, shared: frozenset[str]) -> str:
    """How a sentence names a source: its outlet, plus its id when the outlet has several."""
    return f"{source.outlet}/{source.id}" if source.outlet in shared else source.outlet


def labels(comparison: TopicComparison) -> dict[str, str]:
    """Source id -> label, for every source of the comparison."""
    shared = multi_source_outlets(comparison.sources)
    return {s.id: source_label(s, shared) for s in comparison.sources}


def by_outlet_order(comparison: TopicComparison, ids: Iterable[str]) -> list[str]:
    """Source ids grouped by outlet (outlets in corpus order), as the columns show them."""
    outlet_rank = {o: i for i, o in enumerate(comparison.outlets)}
    rank = {
        s.id: (outlet_rank.get(s.outlet, len(outlet_rank)), i)
        for i, s in enumerate(comparison.sources)
    }
    return sorted(ids, key=lambda i: rank.get(i, (len(outlet_rank), len(rank))))


def relation_lines(
    comparison: TopicComparison, claim: ClaimComparison
) -> list[tuple[Relation, PairRelation, str]]:
    """One plain sentence per contradiction, then per divergence, naming who and how, in
    the order of the columns (outlets as the corpus lists them).

    The words are plain strings of untrusted labels: callers escape or wrap them in Text.
    """
    names = labels(comparison)
    order = {sid: i for i, sid in enumerate(by_outlet_order(comparison, names))}
    out: list[tuple[Relation, PairRelation, str]] = []
    for relation, pairs in (
        (Relation.CONTRADICT, claim.contradictions),
        (Relation.DIVERGE, claim.divergences),
    ):
        ranked = []
        for pair in pairs:
            first, second = sorted((pair.a, pair.b), key=lambda i: order.get(i, len(order)))
            ranked.append(((order.get(first, 0), order.get(second, 0)), first, second, pair))
        for _, first, second, pair in sorted(ranked, key=lambda r: r[0]):
            a, b = claim.position(first), claim.position(second)
            if a is None or b is None:
                continue
            sentence = (
                f"{names.get(first, first)} ({a.stance.value}) vs "
                f"{names.get(second, second)} ({b.stance.value})"
            )
            if pair.same_outlet:
                sentence += f", inside {a.outlet}"
            out.append((relation, pair, sentence))
    return out


#: The word for a claim no source takes a position on.
UNADDRESSED = Verdict.UNADDRESSED.value


def verdict_word(claim: ClaimComparison) -> str:
    """The verdict as views print it."""
    return claim.verdict.value


def verdict_tally(claims: Iterable[ClaimComparison]) -> dict[str, int]:
    """Claims per verdict word, every verdict present (maybe 0), "unaddressed" last."""
    counts = {v.value: 0 for v in Verdict}
    for claim in claims:
        counts[verdict_word(claim)] += 1
    return counts


def tally_phrase(counts: dict[str, int]) -> str:
    """``2 contested, 1 consensus``: the non-zero counts, in a fixed order."""
    return ", ".join(f"{n} {word}" for word, n in counts.items() if n) or "no claims"


def claim_summary(claim: ClaimComparison) -> str:
    """The verdict explained in a few words: what a reader needs before the table."""
    count = len(claim.positions)
    if count == 0:
        return "no source takes a position on it"
    what = VERDICT_MEANING[claim.verdict]
    if claim.verdict is Verdict.CONTESTED:
        n = len(claim.contradictions)
        what += f" ({n} contradiction{'s' * (n != 1)})"
    if claim.verdict is Verdict.CONSENSUS and any(
        r.relation is Relation.AGREE_DIFFERENT_CERTAINTY for r in claim.relations
    ):
        what += ", though with different certainty"
    return f"{count} position{'s' * (count != 1)}: {what}"


def legend(unicode: bool = True, *, no_position: bool = False) -> list[str]:
    """The key to every symbol a view uses, printed once at the end: two short lines, so
    that even a 60-column terminal shows each on one line."""
    marks = f"{pick(CONTRADICT_MARK, unicode)} contradict  {pick(DIVERGE_MARK, unicode)} diverge"
    if no_position:
        marks += f"  {pick(NO_POSITION, unicode)} no position"
    return ["  ".join(stance_plain(s, unicode) for s in Stance), marks]


#: Matrix marks for a source with no stance on a claim, by its coverage of the topic.
GRID_ABSENT = {
    "covered": NO_POSITION,
    "silent": ("–", "-"),
    "unreviewed": ("?", "?"),
    "unknown": ("?", "?"),
}


def grid_lines(comparison: TopicComparison, outlet: str, unicode: bool = True) -> list[str]:
    """The matrix cell of one outlet on one topic: a line per claim.

    Each line holds one mark per article of the outlet (in corpus order, padded so they line
    up): the stance symbol, ``·`` no position on that claim, ``–`` silent on the topic,
    ``?`` unreviewed. Marks, not words, so a cell stays narrow and level with its claim.
    """
    sources = comparison.sources_of(outlet)
    lines = []
    for index, _claim in enumerate(comparison.claims):
        marks = []
        for source in sources:
            stance = comparison.stances_of(source.id)[index]
            if stance is not None:
                marks.append(pick(SYMBOLS[stance], unicode))
            else:
                marks.append(pick(GRID_ABSENT[comparison.coverage(source.id)], unicode))
        lines.append(" ".join(m.ljust(2) for m in marks).rstrip())
    return lines


def grid_legend(unicode: bool = True) -> str:
    return (
        f"{pick(NO_POSITION, unicode)} no position  "
        f"{pick(GRID_ABSENT['silent'], unicode)} silent on the topic  "
        f"{pick(GRID_ABSENT['unreviewed'], unicode)} unreviewed"
    )
