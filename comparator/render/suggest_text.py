"""``compare suggest --format text``: the best sentences with file:line, the claim each bears
on and why, and the ``compare add`` line recording it; or a plain "looks silent"."""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.text import Text

from comparator.console import data_text, make_console
from comparator.safetext import visible_path
from comparator.suggest import STANCE_PLACEHOLDER, STANCES, SuggestResult, shell_line


def _say(console: Console, text: str, style: str = "", indent: str = "") -> None:
    console.print(Text(indent).append_text(data_text(text, style, one_line=True)), soft_wrap=True)


def _reasons(claim_words: tuple[str, ...], evidence_words: tuple[str, ...]) -> str:
    reasons = []
    if claim_words:
        reasons.append(f"shares {', '.join(claim_words)}")
    if evidence_words:
        reasons.append(
            f"{'as' if claim_words else 'shares'} other sources' quotes on it: "
            f"{', '.join(evidence_words)}"
        )
    return "; ".join(reasons)


def _silent(result: SuggestResult, console: Console) -> None:
    topic, source = result.topic, result.source
    searched = ", ".join(result.terms) or "its claims and question"
    _say(
        console,
        f"{source.id} ({result.file}) looks silent on '{topic.id}' ({topic.title}): none of its "
        f"{result.sentences} sentences uses the topic's words ({searched}).",
    )
    if result.already == "silent":
        _say(console, f"It is already listed under topics.{topic.id}.silent.")
    elif result.already == "asserted":
        _say(
            console,
            f"Yet it has assertions on '{topic.id}': read them again with "
            f"compare {topic.id} --source {source.id}.",
        )
    elif result.add_silent is not None:
        _say(console, "If reading it confirms that, record it:")
        _say(console, shell_line(result.add_silent), "cyan")


def render(result: SuggestResult, out: IO[str]) -> None:
    console = make_console(out)
    topic, source = result.topic, result.source
    if not result.suggestions:
        _silent(result, console)
        return
    header = Text()
    header.append_text(data_text(f"{source.id} ({result.file})", "bold", one_line=True))
    header.append_text(
        data_text(
            f": {len(result.suggestions)} of its {result.sentences} sentences that bear most on "
            f"'{topic.id}' ({topic.title}), best first",
            one_line=True,
        )
    )
    console.print(header, soft_wrap=True)
    if result.listed_silent:
        _say(
            console,
            f"{source.id} is listed under topics.{topic.id}.silent: if one of these sentences "
            "bears on the topic, take it off that list.",
        )
    for item in result.suggestions:
        console.print()
        line = Text(f"{item.rank}. ")
        line.append(visible_path(item.location), style="bold")
        line.append(item.location.page_note, style="bold")
        line.append(f"  score {item.score:.2f}", style="dim")
        console.print(line, soft_wrap=True)
        _say(console, item.sentence.text, indent="   ")
        if item.claim:
            why = f"bears on claim {item.claim}: {_reasons(item.claim_words, item.evidence_words)}"
        else:
            why = "bears on no claim in particular"
        shown = {*item.claim_words, *item.evidence_words}
        others = [w for w in item.matched if w not in shown]
        if others:
            why += f"; other words of the topic: {', '.join(others)}"
        _say(console, why, indent="   ")
        for other in item.also:
            how = (
                f"the same line with --claim {other.claim}"
                if item.add is not None
                else f"compare add with --claim {other.claim} and this sentence as --quote"
            )
            _say(
                console,
                f"may also bear on claim {other.claim}: "
                f"{_reasons(other.claim_words, other.evidence_words)} ({how})",
                indent="   ",
            )
        facts = []
        for kind, found in item.cues.items():
            if found:
                facts.append(f"{kind} cue: {', '.join(found)}")
        if item.quoted_by:
            facts.append(f"already quoted by {item.quoted_by}")
        if item.recorded_by:
            facts.append(
                f"{source.id}'s stance on {item.claim} is in {item.recorded_by}: if this "
                "sentence bears it out, add it to that assertion's quotes"
            )
        if item.occurrences > 1:
            facts.append(f"occurs {item.occurrences} times: lengthen the quote")
        if facts:
            _say(console, "; ".join(facts), "dim", indent="   ")
        if item.add is not None:
            _say(console, shell_line(item.add), "cyan", indent="   ")
    console.print()
    first = (
        f"Read each passage, then run its line with {STANCE_PLACEHOLDER} replaced by your "
        f"reading ({', '.join(STANCES)})"
        if any(item.add is not None for item in result.suggestions)
        else f"Read each passage ({source.id}'s stance on each of these claims is recorded)"
    )
    _say(
        console,
        f"{first}; a sentence that relays someone else's claim is a report: --report-voice, "
        "--report-stance, --report-treatment, --report-quote.",
    )
