"""``compare suggest --format text``: the best sentences with file:line, each with its stub."""

from __future__ import annotations

from typing import IO

from rich.text import Text

from comparator.console import data_text, make_console
from comparator.safetext import visible_path
from comparator.suggest import SuggestResult


def render(result: SuggestResult, out: IO[str]) -> None:
    console = make_console(out)
    topic, source = result.topic, result.source
    if not result.suggestions:
        console.print(
            data_text(
                f"No sentence of {source.id} ({result.file}) uses the words of topic '{topic.id}' "
                f"({topic.title}). If it says nothing on it, list {source.id} under "
                f"topics.{topic.id}.silent.",
                one_line=True,
            ),
            soft_wrap=True,
        )
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
    for item in result.suggestions:
        console.print()
        line = Text(f"{item.rank}. ")
        line.append(visible_path(item.location), style="bold")
        line.append(f"  claim {item.claim}  score {item.score:.2f}", style="dim")
        console.print(line, soft_wrap=True)
        console.print(
            Text("   ").append_text(data_text(item.sentence.text, one_line=True)), soft_wrap=True
        )
        facts = [f"matches: {', '.join(item.matched)}"]
        for kind, found in item.cues.items():
            if found:
                facts.append(f"{kind} cue: {', '.join(found)}")
        if item.quoted_by:
            facts.append(f"already quoted by {item.quoted_by}")
        if item.occurrences > 1:
            facts.append(f"occurs {item.occurrences} times: lengthen the quote")
        console.print(
            Text("   ").append_text(data_text("; ".join(facts), "dim", one_line=True)),
            soft_wrap=True,
        )
        console.print()
        for stub_line in item.stub.rstrip("\n").split("\n"):
            console.print(data_text(stub_line, "cyan"), soft_wrap=True)
    console.print()
    console.print(
        data_text(
            f"Paste a stub under topics.{topic.id}.assertions, set its stance and summary from "
            "your reading, then run: compare check",
            one_line=True,
        ),
        soft_wrap=True,
    )
