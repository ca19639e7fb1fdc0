"""What every command does before it renders: find, load and verify the corpus, pick topics.

Kept out of cli.py so the CLI only parses options, and out of the renderers so they only
render.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from comparator import cache
from comparator.check import CheckResult, verify
from comparator.errors import CorpusInvalidError, UsageError, did_you_mean
from comparator.loader import find_assertions
from comparator.models import RESERVED_TOPIC_IDS, Corpus, Party, PartyKind, Severity, Source, Topic

#: Rules whose findings make a comparison untrustworthy: views refuse to run on them.
BLOCKING_RULES = frozenset(
    {
        "schema",
        "unknown-source",
        "unknown-claim",
        "unknown-voice",
        "duplicate-id",
        "duplicate-position",
        "source-outside-root",
    }
)


def open_corpus(
    assertions: str | os.PathLike[str] | None = None, *, keep_texts: bool = False
) -> CheckResult:
    """Load and verify the corpus; raise CorpusInvalidError when it cannot be compared.

    ``keep_texts`` keeps the article texts in the result (``compare suggest`` reads them).
    An unchanged corpus comes from the cache (see cache.py) instead of being verified again.
    """
    path = find_assertions(assertions)
    result = None if keep_texts else cache.lookup(path)
    digest = None
    if result is None:
        # A cache hit never parses YAML: the parser (and yaml) stay off the warm path.
        from comparator.loader import load_corpus, read_corpus_bytes

        data = read_corpus_bytes(path)
        digest = cache.digest_hex(data)  # of the very bytes verified, for the cache
        loaded = load_corpus(path, data)
        del data  # a large YAML is not kept while its articles are verified
        result = verify(loaded.corpus, loaded.findings, lints=False, keep_texts=keep_texts)
    blocking = tuple(
        f for f in result.findings if f.rule in BLOCKING_RULES and f.severity is Severity.ERROR
    )
    if blocking or result.corpus is None:
        count = len(blocking)
        raise CorpusInvalidError(
            f"{result.corpus.display_path if result.corpus else 'assertions.yaml'} has "
            f"{count} error{'s' * (count != 1)} that must be fixed before comparing",
            blocking,
            hint="run 'compare check' to see every finding",
        )
    if digest is not None and not keep_texts:
        cache.store(path, digest, result)
    return result


def corpus_files(corpus: Corpus) -> tuple[Path, ...]:
    """Every file the corpus reads: assertions.yaml and each source's article, the files an
    output (``-o``, ``--save-svg``, ``--save-html``) must not replace."""
    from comparator.texts import file_value_problem

    files = [corpus.path]
    files += [
        corpus.root / source.file
        for source in corpus.sources
        if source.file.strip() and file_value_problem(source.file) is None
    ]
    return tuple(files)


def refuse_overwriting_corpus(
    corpus: Corpus, outputs: Mapping[str, Path | None], *, force: bool
) -> None:
    """UsageError (nothing written) when an output names a file the corpus reads, unless
    ``force``; ``outputs`` maps each option to the path given for it."""
    if force:
        return
    from comparator.fileio import refuse_overwriting

    files = corpus_files(corpus)
    for option, path in outputs.items():
        if path is not None:
            refuse_overwriting(path, files, option=option)


def corpus_of(result: CheckResult) -> Corpus:
    assert result.corpus is not None
    return result.corpus


def resolve_topics(corpus: Corpus, wanted: Sequence[str]) -> list[Topic]:
    """The topics named on the command line, or a clear error naming the ones there are."""
    topics = []
    known = [t.id for t in corpus.topics]
    for tid in wanted:
        topic = corpus.topic(tid)
        if topic is None:
            close = did_you_mean(tid, known, prefix=True)
            hint = f"did you mean '{close}'? " if close else ""
            command = did_you_mean(tid, sorted(RESERVED_TOPIC_IDS))
            if command and not close:
                hint = f"did you mean the command 'compare {command}'? "
            listed = ", ".join(known) or (
                "(none yet); start one with compare add TOPIC --title TITLE --question "
                "QUESTION --claim CLAIM --claim-text TEXT"
            )
            raise UsageError(
                f"no topic '{tid}' in {corpus.display_path}", hint=f"{hint}topics: {listed}"
            )
        if topic not in topics:
            topics.append(topic)
    return topics


def resolve_source(corpus: Corpus, source_id: str) -> Source:
    """The source named on the command line, or a clear error naming the ones there are."""
    source = corpus.source(source_id)
    if source is None:
        known = [s.id for s in corpus.sources]
        close = did_you_mean(source_id, known, prefix=True)
        hint = f"did you mean '{close}'? " if close else ""
        raise UsageError(
            f"no source '{source_id}' in {corpus.display_path}",
            hint=f"{hint}sources: {', '.join(known) or '(none)'}",
        )
    return source


def resolve_claims(topics: Sequence[Topic], wanted: Sequence[str]) -> frozenset[str]:
    """Claim ids to show; each must exist in at least one of the topics."""
    known = sorted({c.id for t in topics for c in t.claims})
    for cid in wanted:
        if cid not in known:
            close = did_you_mean(cid, known, prefix=True)
            hint = f"did you mean '{close}'? " if close else ""
            raise UsageError(
                f"no claim '{cid}' in topic(s) {', '.join(t.id for t in topics)}",
                hint=f"{hint}claims: {', '.join(known)}",
            )
    return frozenset(wanted)


def resolve_party(corpus: Corpus, name: str) -> Party:
    """An outlet label or a source id, as ``compare diff`` takes them, with its source ids."""
    by_outlet = tuple(s.id for s in corpus.sources if s.outlet == name)
    if by_outlet:
        return Party(name, PartyKind.OUTLET, by_outlet)
    if corpus.source(name) is not None:
        return Party(name, PartyKind.SOURCE, (name,))
    folded = tuple(s.id for s in corpus.sources if s.outlet.casefold() == name.casefold())
    if folded:
        return Party(name, PartyKind.OUTLET, folded)
    close = did_you_mean(name, [*corpus.outlets, *(s.id for s in corpus.sources)])
    hint = f"did you mean '{close}'? " if close else ""
    raise UsageError(
        f"'{name}' is neither an outlet nor a source id",
        hint=f"{hint}outlets: {', '.join(corpus.outlets)}; sources: "
        f"{', '.join(s.id for s in corpus.sources)}",
    )
