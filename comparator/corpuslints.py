"""Lints for a growing corpus: an article file no source reads (``orphan-article``) and two
sources whose texts are one article (``same-article``: the same text, or a republication that
holds most of the other).

Both stay linear in the corpus: no two texts are ever compared whole. Each text leaves, while
``check`` has it in memory, a hash of its normalised text and a set of fingerprints, one per
sentence of at least ``MIN_SENTENCE_WORDS`` words. Sentences are the shingles: a republication
keeps them, whatever clutter it adds around them, and a sentence boundary does not depend on
what precedes it, so two copies align without any search. An inverted index from fingerprint
to the texts holding it gives, for each pair that shares sentences, how many; a sentence in
more than ``MAX_COMMON_TEXTS`` texts is an outlet's boilerplate (a newsletter box, a footer),
not evidence, and counts for no pair.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from comparator.models import Corpus, Finding, Location, Source
from comparator.rules import finding

#: A sentence this short ("Related article", "Read more") says nothing about which article
#: holds it.
MIN_SENTENCE_WORDS = 6
#: A text of fewer fingerprints than this is too short to be said to contain another.
MIN_SENTENCES = 3
#: The share of the shorter text's sentences the other must hold: "most of it".
MIN_CONTAINED = 0.6
#: A sentence found in more texts than this is boilerplate, not a sign of one article.
MAX_COMMON_TEXTS = 20
#: The article files ``compare ingest`` writes, besides whatever suffixes the sources use.
ARTICLE_SUFFIXES = frozenset({".txt"})


def fingerprints(normalised: str) -> set[int]:
    """The fingerprints of a normalised text: one hash per sentence of enough words."""
    return {
        hash(sentence)
        for sentence in normalised.split(". ")
        if sentence.count(" ") >= MIN_SENTENCE_WORDS - 1
    }


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
    in; an article file there is one of the suffixes the sources' files have (``.txt`` at
    least), not hidden, and not a README or LICENSE.
    """
    from comparator.texts import shown_path, source_path

    root = corpus.root.resolve()
    named: set[Path] = set()
    suffixes = set(ARTICLE_SUFFIXES)
    folders = {root / "seeds"}
    for source in corpus.sources:
        path = source_path(corpus, source)
        if path is None:
            continue
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError, ValueError):
            continue
        named.add(resolved)
        suffixes.add(resolved.suffix.lower())
        folders.add(resolved.parent)
    out: list[tuple[Finding, None]] = []
    for folder in sorted(folders):
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            if not _article_file(entry, suffixes) or entry in named or entry.resolve() in named:
                continue
            shown = shown_path(corpus, entry)
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


def _article_file(entry: Path, suffixes: set[str]) -> bool:
    name = entry.name
    if name.startswith(".") or name.upper().startswith(("README", "LICENSE")):
        return False
    if entry.suffix.lower() not in suffixes:
        return False
    try:
        return entry.is_file()
    except OSError:
        return False
