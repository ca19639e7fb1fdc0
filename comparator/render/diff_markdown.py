"""``compare diff A B --format markdown``: two parties claim by claim, for a pull request.

Tables for what both address and what only one does; per shared claim a ``diff`` block that
GitHub colours, with the two summaries and quotes line by line and word by word
(``[-only in A-] {+only in B+}``, as ``git diff --word-diff`` writes it). Article text inside
a code block is not markdown, so only the fence needs guarding (``code_block``).
"""

from __future__ import annotations

from typing import IO

from comparator.diffing import marked
from comparator.models import Claim, Party
from comparator.render.diff_text import more_pairs
from comparator.render.markdown_util import code_block, code_span, escape_cell, escape_inline, table
from comparator.render.style import own_stance_plain, report_plain, stance_plain
from comparator.views.diff import (
    DiffView,
    Framing,
    OneSidedSection,
    PairView,
    SharedClaimView,
    Side,
)

BR = "<br>"


def render(view: DiffView, out: IO[str]) -> None:
    out.write(document(view))


def document(view: DiffView) -> str:
    """The whole markdown document."""
    blocks = [
        f"# {escape_inline(view.a.name)} vs {escape_inline(view.b.name)}",
        f"Comparing {escape_inline(view.describe(view.a))} with "
        f"{escape_inline(view.describe(view.b))}: {escape_inline(view.summary)}.",
        "## Both address",
    ]
    if view.shared:
        blocks.append(_shared_table(view))
        if view.word_by_word:
            blocks.append(
                f"Word by word, `[-…-]` is only in {escape_inline(view.a.name)}'s text "
                f"and `{{+…+}}` only in {escape_inline(view.b.name)}'s."
            )
        for item in view.shared:
            blocks.extend(_shared_section(item))
    else:
        blocks.append("No claim is addressed by both.")
    if view.rivals:
        blocks += ["## Rival answers", _rivals_table(view)]
    for section in view.one_sided:
        blocks.append(f"## Only {escape_inline(section.party.name)} addresses")
        blocks.append(_one_sided_table(section) if section.claims else "No claim.")
    return "\n\n".join(blocks) + "\n"


def _stances(sides: tuple[Side, ...], party: Party) -> str:
    """A party's stances in one cell, the source id when the party has several articles;
    then the voices each reports, marked as reported."""
    lines = []
    for s in sides:
        line = escape_inline(stance_plain(s.position.stance)) if s.position.stance else " "
        if len(party.sources) > 1:
            line += f" ({escape_inline(s.position.source.id)})"
        lines.append(line)
        lines.extend(
            f"_{escape_inline(report_plain(r.name, r.treatment, r.stance))}_"
            for r in s.position.reports
        )
    return BR.join(lines) or " "


def _shared_table(view: DiffView) -> str:
    rows = []
    for item in view.shared:
        relation = escape_inline(item.relation_words)
        if item.split:
            relation += " (split)"
        rows.append(
            [
                escape_cell(item.topic.title),
                code_span(item.claim.id, cell=True),
                _stances(item.a, view.a),
                _stances(item.b, view.b),
                relation,
            ]
        )
    return table(
        ["Topic", "Claim", escape_cell(view.a.name), escape_cell(view.b.name), "Relation"], rows
    )


def _rivals_table(view: DiffView) -> str:
    """Each pair of articles giving rival answers: the topic, and each side's claim."""

    def answer(side: Side, claim: Claim) -> str:
        stance = escape_inline(own_stance_plain(side.position.stance))
        who = (
            f" ({escape_inline(side.position.source.id)})"
            if side.label != side.position.outlet
            else ""
        )
        return f"{code_span(claim.id, cell=True)} {stance}{who}"

    rows = [
        [
            escape_cell(r.topic.title),
            answer(r.a, r.a_claim),
            escape_cell(r.a_claim.text),
            answer(r.b, r.b_claim),
            escape_cell(r.b_claim.text),
        ]
        for r in view.rivals
    ]
    a, b = escape_cell(view.a.name), escape_cell(view.b.name)
    text = table(["Topic", f"{a}'s answer", "Text", f"{b}'s answer", "Text"], rows)
    notes = [
        f"{escape_inline(r.topic.title)}: _{escape_inline(more_pairs(r.more))}_"
        for r in view.rivals
        if r.more
    ]
    return "\n\n".join([text, *notes])


def _pair_block(pair: PairView) -> str:
    """The two framings of one claim as a diff: summaries, then quotes, each word by word."""
    # One line each: a line break in a label or text would forge a diff line.
    la, lb = (" ".join(side.label.split()) for side in (pair.a, pair.b))
    lines = []
    for text in pair.texts:
        a, b = (" ".join(t.split()) for t in (text.a, text.b))
        if text.framing is Framing.QUOTE:
            a, b = f"“{a}”", f"“{b}”"
        lines += [f"@@ {text.framing.value} @@", f"- {la}: {a}", f"+ {lb}: {b}"]
        if text.word_by_word:
            lines += [f"@@ {text.framing.value}, word by word @@", f"  {marked(text.diff)}"]
    return code_block("\n".join(lines), "diff")


def _shared_section(item: SharedClaimView) -> list[str]:
    blocks = [f"### {escape_inline(item.topic.title)}: {escape_inline(item.claim.text)}"]
    if item.pair_count > 1:
        blocks.append(escape_inline(item.sides_sentence))
    for pair in item.pairs:
        blocks.append(
            f"**{escape_inline(pair.relation_words)}**: "
            f"{escape_inline(pair.a.label)} "
            f"({escape_inline(own_stance_plain(pair.a.position.stance))}) vs "
            f"{escape_inline(pair.b.label)} "
            f"({escape_inline(own_stance_plain(pair.b.position.stance))})"
        )
        blocks.append(_pair_block(pair))
    if item.hidden:
        blocks.append(f"_{escape_inline(more_pairs(item.hidden))}_")
    return blocks


def _one_sided_table(section: OneSidedSection) -> str:
    by_source = len(section.other.sources) > 1
    rows = []
    for item in section.claims:
        absent = BR.join(
            escape_inline(a.absence.words) + (f" ({escape_inline(a.source)})" if by_source else "")
            for a in item.absences
        )
        rows.append(
            [
                escape_cell(item.topic.title),
                code_span(item.claim.id, cell=True),
                escape_cell(item.claim.text),
                _stances(item.positions, section.party),
                absent or " ",
            ]
        )
    return table(
        [
            "Topic",
            "Claim",
            "Text",
            escape_cell(section.party.name),
            escape_cell(section.other.name),
        ],
        rows,
    )
