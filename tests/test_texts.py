"""Reading article texts: what a finding says about a text that cannot be used."""

from __future__ import annotations

from pathlib import Path

from comparator.models import Corpus, Finding, Location, Source
from comparator.texts import ArticleText, read_text


def _source_with_text(tmp_path: Path, data: bytes) -> tuple[Corpus, Source]:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "alpha.txt").write_bytes(data)
    source = Source("alpha", "Alpha", "A title", "seeds/alpha.txt", Location("assertions.yaml", 3))
    corpus = Corpus(tmp_path / "assertions.yaml", tmp_path, "1", (source,))
    return corpus, source


def test_a_byte_that_is_not_utf8_is_named_by_line_and_column(tmp_path: Path) -> None:
    corpus, source = _source_with_text(tmp_path, "Line one\nthe caf\u00e9 here\n".encode("latin-1"))
    found = read_text(corpus, source)
    assert isinstance(found, Finding)
    assert found.rule == "source-unreadable"
    assert "is not UTF-8 (byte 0xe9 at line 2, column 8); save it as UTF-8" in found.message
    assert found.related == (Location("seeds/alpha.txt", 2, 8),)


def test_a_readable_text_carries_the_digest_sha256sum_prints(tmp_path: Path) -> None:
    corpus, source = _source_with_text(tmp_path, b"abc")
    article = read_text(corpus, source)
    assert isinstance(article, ArticleText)
    assert article.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
