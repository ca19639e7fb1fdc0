"""``compare TOPIC --format markdown``: the side-by-side view for issue threads and notes.

Markdown tables cannot hold a column per outlet with quotes in it and stay legible in their
source, so each claim gets a table with one row per article, grouped by outlet in corpus
order (``--by`` changes nothing here): outlet, source, stance, summary and the evidence. The
verdict and the pairs that contradict or diverge follow each table. Every value from the
corpus is escaped with ``markdown_util``; the only raw markup is the tool's own.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from comparator.render import RenderContext
from comparator.render.markdown_util import escape_cell, escape_inline, table
from comparator.render.style import (
    ABSENT_WORDS,
    CONTRADICT_MARK,
    DIVERGE_MARK,
    by_outlet_order,
    claim_summary,
    labels,
    legend,
    pick,
    relation_lines,
    stance_plain,
    verdict_word,
)

if TYPE_CHECKING:
    from comparator.compare import ClaimComparison, Position, TopicComparison
    from comparator.models import QuoteAnchor, Source


def render(context: RenderContext, out: IO[str]) -> None:
    blocks: list[str] = []
    wanted = context.options.claims
    for comparison in context.comparisons:
        claims = [c for c in comparison.claims if not wanted or c.claim.id in wanted]
        if wanted and not claims:
            continue
        blocks.extend(topic_blocks(comparison, claims, quotes=context.options.quotes))
    if blocks:
        blocks.append("_" + escape_inline("; ".join(legend())) + "_")
    out.write("\n\n".join(blocks) + "\n" if blocks else "")


def topic_blocks(
    comparison: TopicComparison,
    claims: list[ClaimComparison],
    *,
    quotes: bool = True,
    level: int = 2,
) -> list[str]:
    """The markdown blocks of one topic (headings at ``level``), joined by blank lines."""
    topic = comparison.topic
    hashes = "#" * level
    blocks = [
        f"{hashes} {escape_inline(topic.id)}: {escape_inline(topic.title)}",
        f"_{escape_inline(topic.question)}_",
    ]
    if not claims:
        blocks.append("This topic has no claims yet.")
    for claim in claims:
        blocks.extend(claim_blocks(comparison, claim, quotes=quotes, level=level + 1))
    names = labels(comparison)
    absent = []
    for kind, ids in (("Silent", comparison.silent), ("Unreviewed", comparison.unreviewed)):
        if ids:
            who = ", ".join(
                escape_inline(names.get(i, i)) for i in by_outlet_order(comparison, ids)
            )
            absent.append(f"**{kind}:** {who}")
    if absent:
        blocks.append("  \n".join(absent))
    return blocks


def claim_blocks(
    comparison: TopicComparison, claim: ClaimComparison, *, quotes: bool = True, level: int = 3
) -> list[str]:
    hashes = "#" * level
    verdict = verdict_word(claim)
    blocks = [
        f"{hashes} {escape_inline(claim.claim.id)}: {escape_inline(claim.claim.text)}",
        f"**Verdict: {verdict}** — {escape_inline(claim_summary(claim))}",
    ]
    header = ["Outlet", "Source", "Stance", "Summary"] + (["Evidence"] if quotes else [])
    rows = []
    by_id = {s.id: s for s in comparison.sources}
    for source_id in by_outlet_order(comparison, by_id):
        rows.append(_row(comparison, claim, by_id[source_id], quotes))
    blocks.append(table(header, rows))
    lines = []
    for relation, _pair, sentence in relation_lines(comparison, claim):
        mark = CONTRADICT_MARK if relation.value == "contradict" else DIVERGE_MARK
        lines.append(f"- {escape_inline(pick(mark))} {relation.value}: {escape_inline(sentence)}")
    if lines:
        blocks.append("\n".join(lines))
    return blocks


def _row(
    comparison: TopicComparison, claim: ClaimComparison, source: Source, quotes: bool
) -> list[str]:
    position = claim.position(source.id)
    cells = [escape_cell(source.outlet), escape_cell(source.id)]
    if position is None:
        cells += [f"_{escape_inline(ABSENT_WORDS[comparison.coverage(source.id)])}_", " "]
        return cells + ([" "] if quotes else [])
    stance = escape_cell(stance_plain(position.stance))
    if claim.contradictions and any(source.id in (r.a, r.b) for r in claim.contradictions):
        stance += f" {escape_inline(pick(CONTRADICT_MARK))}"
    cells += [f"**{stance}**", _summary(position)]
    if quotes:
        cells.append("<br>".join(_quote(a, source) for a in position.anchors) or " ")
    return cells


def _summary(position: Position) -> str:
    text = escape_cell(position.assertion.summary)
    if position.assertion.attributed_to:
        text += f" _(per {escape_inline(position.assertion.attributed_to)})_"
    return text


def _quote(anchor: QuoteAnchor, source: Source) -> str:
    quote = f"“{escape_inline(anchor.quote.text)}”"
    where = anchor.location
    if anchor.found and where is not None:
        place = escape_inline(f"{where.file}:{where.line}")
        if anchor.status == "ambiguous":
            place += escape_inline(f" (1 of {len(anchor.occurrences)} places)")
        return f"{quote} — {place}"
    if anchor.status == "no-text":
        return f"{quote} — **{escape_inline(f'article text unavailable: {source.file}')}**"
    return f"{quote} — **{escape_inline(f'not found in {source.file}')}**"
