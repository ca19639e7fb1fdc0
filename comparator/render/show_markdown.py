"""``compare TOPIC --format markdown``: the side-by-side view for issue threads and notes.

Markdown tables cannot hold a column per outlet with quotes in it and stay legible in their
source, so each claim gets a table with one row per article, grouped by outlet in corpus
order (``--by`` changes nothing here): outlet, source, stance, summary and the evidence. The
verdict and each relation (its sides by outlet and its count of pairs; the pairs themselves
with ``--pairs``) follow each table. Every value from the
corpus is escaped with ``markdown_util``; the only raw markup is the tool's own.
"""

from __future__ import annotations

from typing import IO

from comparator.models import AnchorStatus, Relation
from comparator.render.markdown_util import code_span, escape_cell, escape_inline, table
from comparator.render.style import (
    CONTRADICT_MARK,
    DIVERGE_MARK,
    ELLIPSIS,
    REPORT_MARK,
    legend,
    own_stance_plain,
    pick,
    report_plain,
)
from comparator.views.rivals import AnswerGroup
from comparator.views.show import (
    Entry,
    Evidence,
    Piece,
    ReportStand,
    ShowClaim,
    ShowTopic,
    ShowView,
    Stand,
)


def render(model: ShowView, out: IO[str]) -> None:
    blocks: list[str] = []
    for topic in model.topics:
        blocks.extend(
            topic_blocks(topic, quotes=model.quotes, context=model.context, pairs=model.pairs)
        )
    if blocks:
        blocks.append("_" + escape_inline("; ".join(legend(reports=model.has_reports))) + "_")
    out.write("\n\n".join(blocks) + "\n" if blocks else "")


def topic_blocks(
    shown: ShowTopic,
    *,
    quotes: bool = True,
    level: int = 2,
    context: bool = False,
    pairs: bool = False,
) -> list[str]:
    """The markdown blocks of one topic (headings at ``level``), joined by blank lines."""
    topic = shown.topic
    hashes = "#" * level
    blocks = [
        f"{hashes} {escape_inline(topic.id)}: {escape_inline(topic.title)}",
        f"_{escape_inline(topic.question)}_",
    ]
    blocks += [answers_block(group, pairs=pairs) for group in shown.answers]
    if not shown.claims:
        blocks.append("This topic has no claims yet.")
    for claim in shown.claims:
        blocks.extend(
            claim_blocks(claim, quotes=quotes, level=level + 1, context=context, pairs=pairs)
        )
    absent = []
    for kind, group in (("Silent", shown.silent), ("Unreviewed", shown.unreviewed)):
        if group.labels:
            absent.append(f"**{kind}:** {', '.join(escape_inline(n) for n in group.labels)}")
    if absent:
        blocks.append("  \n".join(absent))
    return blocks


def answers_block(group: AnswerGroup, *, pairs: bool = False) -> str:
    """The topic as a question: which of the rival answers each article gives, then who gives
    none and each pair of rivals."""
    claims = ", ".join(code_span(c.id) for c in group.claims)
    lines = [f"**Answers** (rival claims {claims}): {escape_inline(group.sentence)}"]
    if group.unanswered_labels:
        lines.append(f"None of these answers: {escape_inline(', '.join(group.unanswered_labels))}")
    if group.rival_count:
        lines.append(
            f"{escape_inline(pick(CONTRADICT_MARK))} rival, {group.pair_words}: "
            f"{escape_inline(group.sides_sentence)}"
        )
    if pairs:
        lines += [
            f"{escape_inline(pick(CONTRADICT_MARK))} {escape_inline(r.sentence)}"
            for r in group.rivals
        ]
    return "  \n".join(lines)


def claim_blocks(
    claim: ShowClaim,
    *,
    quotes: bool = True,
    level: int = 3,
    context: bool = False,
    pairs: bool = False,
) -> list[str]:
    hashes = "#" * level
    blocks = [
        f"{hashes} {escape_inline(claim.claim.id)}: {escape_inline(claim.claim.text)}",
        f"**Verdict: {claim.verdict.value}** — {escape_inline(claim.summary)}",
    ]
    header = ["Outlet", "Source", "Stance", "Summary"] + (["Evidence"] if quotes else [])
    blocks.append(table(header, [_row(entry, quotes, context) for entry in claim.rows]))
    lines = relation_bullets(claim, pairs=pairs)
    if lines:
        blocks.append("\n".join(lines))
    return blocks


def relation_bullets(claim: ShowClaim, *, pairs: bool = False) -> list[str]:
    """A bullet per relation on the claim, its sides by outlet and its count of pairs; with
    ``pairs``, each pair as a bullet under it."""
    lines = []
    for summary in claim.summaries:
        opposed = summary.relation in (Relation.CONTRADICT, Relation.RIVAL)
        mark = escape_inline(pick(CONTRADICT_MARK if opposed else DIVERGE_MARK))
        lines.append(
            f"- {mark} {summary.relation.value}, {summary.count_words}: "
            f"{escape_inline(summary.sentence)}"
        )
        if pairs:
            lines += [f"  - {escape_inline(p.sentence)}" for p in claim.lines_of(summary.relation)]
    return lines


def _row(entry: Entry, quotes: bool, context: bool) -> list[str]:
    source = entry.source
    cells = [escape_cell(source.outlet), escape_cell(source.id)]
    stand = entry.stand
    if stand is None:
        assert entry.absence is not None
        cells += [f"_{escape_inline(entry.absence.words)}_", " "]
        return cells + ([" "] if quotes else [])
    stance = escape_cell(own_stance_plain(stand.stance))
    if stand.contradicted:
        stance += f" {escape_inline(pick(CONTRADICT_MARK))}"
    cells += [f"**{stance}**", _summary(stand)]
    if quotes:
        own = [_quote(e, context) for e in stand.evidence]
        reported = [
            f"_{escape_inline(pick(REPORT_MARK))} {escape_inline(r.name)}:_ {_quote(e, context)}"
            for r in stand.reports
            for e in r.evidence
        ]
        cells.append("<br>".join(own + reported) or " ")
    return cells


def _summary(stand: Stand) -> str:
    """The summary, then each reported voice on a line of its own, marked as reported."""
    return "<br>".join(
        [escape_cell(stand.summary)] + [f"_{report_line(r)}_" for r in stand.reports]
    )


def report_line(report: ReportStand) -> str:
    """``↳ reports Kyrylo Budanov (questions): ✔✔ affirms``, escaped for markdown."""
    return escape_inline(report_plain(report.name, report.treatment, report.stance))


def shown_quote(evidence: Evidence) -> str:
    """The quote as written, an elided one's parts joined by an ellipsis (escaped)."""
    if not evidence.parts:
        return escape_inline(evidence.text)
    return f" {pick(ELLIPSIS)} ".join(escape_inline(p.text) for p in evidence.parts)


def sentence_markdown(pieces: tuple[Piece, ...]) -> str:
    """A quote's sentence with the quoted words in bold (escaped): the left-out words read
    plain around them."""
    out = []
    for piece in pieces:
        lead = " " if piece.text[:1].isspace() else ""
        trail = " " if piece.text[-1:].isspace() and piece.text.strip() else ""
        words = escape_inline(piece.text)
        out.append(lead + (f"**{words}**" if piece.quoted else words) + trail)
    return "".join(out)


def part_lines(evidence: Evidence) -> str:
    """``, parts at lines 3, 5`` for an elided quote that was found (else nothing)."""
    lines = [str(p.place.line) for p in evidence.parts if p.place is not None]
    return f", parts at lines {', '.join(lines)}" if len(lines) > 1 else ""


def _quote(evidence: Evidence, context: bool = False) -> str:
    if context and evidence.sentence:
        quote = f"“{sentence_markdown(evidence.sentence)}”"
    else:
        quote = f"“{shown_quote(evidence)}”"
    where = evidence.place
    if where is not None:
        place = escape_inline(f"{where.file}:{where.line}{where.page_note}{part_lines(evidence)}")
        if evidence.state is AnchorStatus.AMBIGUOUS:
            place += escape_inline(f" (1 of {evidence.occurrences} places)")
        return f"{quote} — {place}"
    if evidence.state is AnchorStatus.NO_TEXT:
        return f"{quote} — **{escape_inline(f'article text unavailable: {evidence.file}')}**"
    return f"{quote} — **{escape_inline(f'not found in {evidence.file}')}**"
