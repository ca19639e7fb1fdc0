"""Lints for a growing corpus: an article file no source reads (``orphan-article``) and two
sources whose texts are one article (``same-article``: the same text, or a republication that
holds most of the other).

Both stay linear in the corpus: no two texts are ever compared whole. Each text leaves, while
``check`` has it in memory, a hash of its normalised text and a set of fingerprints, one per
sentence of at least ``MIN_SENTENCE_CHARS`` characters. Sentences are the shingles: a republication
keeps them, whatever clutter it adds around them, and a sentence boundary does not depend on
what precedes it, so two copies align without any search. An inverted index from fingerprint
to the texts holding it gives, for each pair that shares sentences, how many; a sentence in
more than ``MAX_COMMON_TEXTS`` texts is an outlet's boilerplate (a newsletter box, a footer),
not evidence, and counts for no pair.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from itertools import compress, repeat
from operator import le
from pathlib import Path

from comparator.models import Corpus, Finding, Location, Source
from comparator.rules import finding

#: A sentence shorter than this ("Related article", "Read more", "Mr", the end of "U.S")
#: says nothing about which article holds it; some six words.
MIN_SENTENCE_CHARS = 40
#: A text of fewer fingerprints than this is too short to be said to contain another.
MIN_SENTENCES = 3
#: The share of the shorter text's sentences the other must hold: "most of it".
MIN_CONTAINED = 0.6
#: A sentence found in more texts than this is boilerplate, not a sign of one article.
MAX_COMMON_TEXTS = 20
#: The article files ``compare ingest`` writes, besides whatever suffixes the sources use.
ARTICLE_SUFFIXES = frozenset({".txt"})


def fingerprints(normalised: str) -> set[int]:
    """The fingerprints of a normalised text: one hash per sentence long enough.

    Sentences end at ". " (a heading with no full stop joins the sentence after it, in every
    copy alike); the filter runs in C (``compress``), as it runs over every sentence of every
    article ``check`` reads.
    """
    sentences = normalised.split(". ")
    long_enough = map(le, repeat(MIN_SENTENCE_CHARS), map(len, sentences))
    return set(map(hash, compress(sentences, long_enough)))


@dataclass(frozen=True, slots=True)
class SameArticle:
    """Two texts found to be one article: ``first`` and ``second`` index the texts in the
    order added; ``contained`` is the share of the sentences of the ``shorter`` one (of the
    two numbers) the other holds (1.0 for the same text)."""

    first: int
    second: int
    identical: bool
    contained: float
    shorter: int


class SameTextIndex:
    """Texts added one at a time (their fingerprints kept, never the texts), then every pair
    that is one article."""

    def __init__(self) -> None:
        self._whole: dict[int, list[int]] = {}
        self._identical: list[tuple[int, int]] = []
        #: fingerprint -> the first text holding it; fingerprints of several texts go to
        #: ``_shared`` with every text holding them.
        self._owner: dict[int, int] = {}
        self._shared: dict[int, list[int]] = {}
        self._sizes: list[int] = []

    def add(self, normalised: str) -> int:
        """Index a text; returns its number."""
        number = len(self._sizes)
        if normalised:
            same = self._whole.setdefault(hash(normalised), [])
            self._identical.extend((first, number) for first in same)
            same.append(number)
        units = fingerprints(normalised)
        new = units.difference(self._owner)
        if len(new) != len(units):
            for unit in units - new:
                posting = self._shared.get(unit)
                if posting is None:
                    self._shared[unit] = [self._owner[unit], number]
                else:
                    posting.append(number)
        self._owner.update(dict.fromkeys(new, number))
        self._sizes.append(len(units))
        return number

    def pairs(self) -> list[SameArticle]:
        """Every pair of texts that is one article, in the order of their second text."""
        together: Counter[tuple[int, int]] = Counter()
        common = [0] * len(self._sizes)  # each text's boilerplate sentences
        for posting in self._shared.values():
            if len(posting) > MAX_COMMON_TEXTS:
                for number in posting:
                    common[number] += 1
                continue
            for index, second in enumerate(posting):
                for first in posting[:index]:
                    together[(first, second)] += 1
        found: dict[tuple[int, int], SameArticle] = {
            pair: SameArticle(*pair, True, 1.0, pair[1]) for pair in self._identical
        }
        for (first, second), shared in together.items():
            if (first, second) in found:
                continue
            sizes = {n: self._sizes[n] - common[n] for n in (second, first)}
            shorter = min(sizes, key=sizes.__getitem__)
            if sizes[shorter] >= MIN_SENTENCES and shared / sizes[shorter] >= MIN_CONTAINED:
                found[(first, second)] = SameArticle(
                    first, second, False, shared / sizes[shorter], shorter
                )
        return sorted(found.values(), key=lambda p: (p.second, p.first))


def same_article_findings(
    index: SameTextIndex, read: list[tuple[Source, str]]
) -> list[tuple[Finding, None]]:
    """A finding for each pair of sources that is one article; ``read`` holds each indexed
    text's source and file as shown, in the order added."""
    out: list[tuple[Finding, None]] = []
    for pair in index.pairs():
        (first, first_file), (second, second_file) = read[pair.first], read[pair.second]
        if first_file == second_file:
            what = f"both read {first_file}"
        elif pair.identical:
            what = f"{first_file} and {second_file} hold the same text"
        else:
            shorter, longer = (
                (first_file, second_file)
                if pair.shorter == pair.first
                else (second_file, first_file)
            )
            what = f"{longer} holds {pair.contained:.0%} of the sentences of {shorter}"
        out.append(
            (
                finding(
                    "same-article",
                    f"sources '{first.id}' and '{second.id}' are the same article ({what}); a "
                    "republication counts once: keep one source and name the other outlet in "
                    "its via:, or check that the files are the texts you meant",
                    second.location,
                    related=(first.location, Location(first_file), Location(second_file)),
                ),
                None,
            )
        )
    return out


# --------------------------------------------------------------------------- orphan-article


def orphan_findings(corpus: Corpus) -> list[tuple[Finding, None]]:
    """Article files in the corpus's article folders that no source names.

    The article folders are ``seeds/`` beside the YAML and every folder a source's file is
    in; an article file there has one of the suffixes the sources' files have (``.txt`` at
    least), is not hidden, and is not a README or LICENSE. Names are compared as written
    (normalised, no system call per source); only a file that matches none is resolved, in
    case a link or another spelling names it.
    """
    from comparator.texts import shown_path

    root = os.path.normpath(corpus.root.resolve())
    named: set[str] = set()
    suffixes = set(ARTICLE_SUFFIXES)
    folders = {os.path.join(root, "seeds")}
    for source in corpus.sources:
        if not source.file.strip() or "\x00" in source.file:
            continue
        path = os.path.normpath(os.path.join(root, source.file))
        named.add(path)
        suffixes.add(os.path.splitext(path)[1].lower())
        folders.add(os.path.dirname(path))
    unmatched: list[str] = []
    for folder in sorted(folders):
        if folder != root and not folder.startswith(root + os.sep):
            continue  # source-outside-root says it; compare lists no folder outside the corpus
        try:
            with os.scandir(folder) as entries:
                unmatched += [
                    entry.path
                    for entry in entries
                    if entry.path not in named and _article_file(entry, suffixes)
                ]
        except OSError:
            continue
    if unmatched:
        resolved = {os.path.realpath(p) for p in named}
        unmatched = [p for p in unmatched if os.path.realpath(p) not in resolved]
    out: list[tuple[Finding, None]] = []
    for path in sorted(unmatched):
        shown = shown_path(corpus, Path(path))
        out.append(
            (
                finding(
                    "orphan-article",
                    f"{shown} is in the corpus's article folder but no source names it; "
                    "add its source (compare ingest), or move it out of the folder",
                    Location(shown),
                ),
                None,
            )
        )
    return out


def _article_file(entry: os.DirEntry[str], suffixes: set[str]) -> bool:
    name = entry.name
    if name.startswith(".") or name.upper().startswith(("README", "LICENSE")):
        return False
    if os.path.splitext(name)[1].lower() not in suffixes:
        return False
    try:
        return entry.is_file()
    except OSError:
        return False
