"""``compare ingest``: a saved page becomes seeds/ID.txt and a source entry; nothing is lost.

The pages under tests/fixtures/pages/ were made for these tests: a full article page with
metadata, a bare one, one with no article, one whose title carries markup, quotes and an
escape character, and a CRLF text.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

import pytest

from comparator.loader import load_corpus
from tests.conftest import ROOT, is_clean

PAGES = ROOT / "tests/fixtures/pages"
MINI = ROOT / "tests/fixtures/mini"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the mini corpus (its YAML has comments) to ingest into."""
    folder = tmp_path / "corpus"
    shutil.copytree(MINI, folder)
    return folder


def _ingest(run_cli, corpus: Path, page: str, *args: str):
    return run_cli(["ingest", str(PAGES / page), *args], cwd=corpus)


# --------------------------------------------------------------------------- HTML pages


def test_a_page_becomes_clean_text_and_an_entry_with_its_metadata(run_cli, corpus: Path) -> None:
    pytest.importorskip("trafilatura")
    result = _ingest(run_cli, corpus, "westward.html", "--id", "westward", "--outlet", "West")
    saved = corpus / "seeds/westward.txt"
    text = saved.read_text(encoding="utf-8")
    assert text.startswith(
        "Moscow's quiet bargain with Hamas\n\nRussia has hosted Hamas "
        "delegations in Moscow three times since October"
    )
    for chrome in ("Subscribe", "Cookie", "Sanctions explained", "By Dana Example"):
        assert chrome not in text  # navigation, footer, related links and byline are gone
    sha = hashlib.sha256(saved.read_bytes()).hexdigest()
    assert result.stdout.splitlines()[2:11] == [
        "  westward:",
        "    outlet: West",
        "    outlet_name: The Westward Review",
        "    title: Moscow's quiet bargain with Hamas",
        "    authors: [Dana Example, Eli Sample]",
        '    published: "2024-03-05"',
        '    url: "https://westward.example/analysis/moscow-hamas"',
        "    file: seeds/westward.txt",
        f"    sha256: {sha}",
    ]
    assert result.stdout.startswith("# wrote seeds/westward.txt (")
    assert result.exit_code == 0
    # without --write the corpus file is untouched
    assert (corpus / "assertions.yaml").read_bytes() == (MINI / "assertions.yaml").read_bytes()


def test_json_output_carries_the_metadata(run_cli, corpus: Path) -> None:
    pytest.importorskip("trafilatura")
    result = _ingest(
        run_cli, corpus, "westward.html", "--id", "westward", "--outlet", "West", "--format", "json"
    )
    document = json.loads(result.stdout)
    assert document["metadata"] == {
        "title": "Moscow's quiet bargain with Hamas",
        "authors": ["Dana Example", "Eli Sample"],
        "published": "2024-03-05",
        "site": "The Westward Review",
        "url": "https://westward.example/analysis/moscow-hamas",
    }
    assert document["file"] == "seeds/westward.txt" and document["kind"] == "html"
    assert document["assertions"]["written"] is False
    assert result.exit_code == 0


def test_a_page_without_metadata_says_what_is_missing(run_cli, corpus: Path) -> None:
    pytest.importorskip("trafilatura")
    result = _ingest(
        run_cli, corpus, "bare.html", "--id", "bare", "--outlet", "X", "--title", "Talks in Moscow"
    )
    assert "# note: the page does not say: authors, published, outlet_name, url" in result.stdout
    assert "    title: Talks in Moscow\n" in result.stdout
    assert result.exit_code == 0


def test_a_page_with_no_article_is_refused(run_cli, corpus: Path) -> None:
    pytest.importorskip("trafilatura")
    result = _ingest(run_cli, corpus, "nothing.html", "--id", "nothing", "--outlet", "X")
    assert "word(s) of text found in the page" in result.stderr
    assert "copy the article's text into a .txt file" in result.stderr
    assert not (corpus / "seeds/nothing.txt").exists()
    assert result.exit_code == 2


def test_without_trafilatura_the_message_says_how_to_install_it(
    run_cli, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes `import trafilatura` fail
    result = _ingest(run_cli, corpus, "westward.html", "--id", "westward", "--outlet", "West")
    assert "compare: error: reading HTML needs trafilatura, which is not installed" in result.stderr
    assert "pip install 'compare-claims[ingest]'" in result.stderr
    assert result.stdout == ""
    assert not (corpus / "seeds/westward.txt").exists()
    assert result.exit_code == 2


def test_a_text_needs_no_trafilatura(
    run_cli, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    result = _ingest(run_cli, corpus, "notes.txt", "--id", "notes", "--outlet", "X")
    assert result.exit_code == 0


# --------------------------------------------------------------------------- text files


def test_a_text_is_copied_byte_for_byte(run_cli, corpus: Path) -> None:
    result = _ingest(run_cli, corpus, "notes.txt", "--id", "field-notes", "--outlet", "Field")
    original = (PAGES / "notes.txt").read_bytes()
    assert b"\r\n" in original and "café".encode() in original  # CRLF and UTF-8 kept as-is
    assert (corpus / "seeds/field-notes.txt").read_bytes() == original
    assert f"    sha256: {hashlib.sha256(original).hexdigest()}" in result.stdout
    assert '    title: "Field notes, Gaza"' in result.stdout  # from the first line, quoted
    assert "# note: title: taken from the text's first line" in result.stdout
    assert result.exit_code == 0


def test_a_binary_or_non_utf8_text_is_refused(run_cli, corpus: Path, tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9 and more words".encode("latin-1"))
    result = run_cli(["ingest", str(latin), "--id", "latin", "--outlet", "X"], cwd=corpus)
    assert "is not UTF-8" in result.stderr and result.exit_code == 2
    assert not (corpus / "seeds/latin.txt").exists()


# --------------------------------------------------------------------------- never overwrite


def test_existing_text_is_not_replaced_without_force(run_cli, corpus: Path) -> None:
    target = corpus / "seeds/notes.txt"
    target.write_text("the analyst's own text\n")
    result = _ingest(run_cli, corpus, "notes.txt", "--id", "notes", "--outlet", "X")
    assert "seeds/notes.txt already exists with other text; nothing was changed" in result.stderr
    assert "pass --force" in result.stderr
    assert target.read_text() == "the analyst's own text\n"
    assert result.exit_code == 2
    forced = _ingest(run_cli, corpus, "notes.txt", "--id", "notes", "--outlet", "X", "--force")
    assert forced.stdout.startswith("# replaced seeds/notes.txt")
    assert target.read_bytes() == (PAGES / "notes.txt").read_bytes()
    assert forced.exit_code == 0


def test_the_same_text_again_needs_no_force(run_cli, corpus: Path) -> None:
    _ingest(run_cli, corpus, "notes.txt", "--id", "notes", "--outlet", "X")
    again = _ingest(run_cli, corpus, "notes.txt", "--id", "notes", "--outlet", "X", "--write")
    assert again.stdout.startswith("# kept (same text) seeds/notes.txt")
    assert again.exit_code == 0


def test_another_sources_text_is_never_replaced(run_cli, corpus: Path) -> None:
    (corpus / "seeds/north.txt").write_text("x\n")
    yaml_path = corpus / "assertions.yaml"
    yaml_path.write_text(yaml_path.read_text().replace("seeds/south-post.txt", "seeds/north.txt"))
    result = _ingest(run_cli, corpus, "notes.txt", "--id", "north", "--outlet", "X", "--force")
    assert "seeds/north.txt is the text of source 'south'" in result.stderr
    assert (corpus / "seeds/north.txt").read_text() == "x\n"
    assert result.exit_code == 2


@pytest.mark.parametrize("bad_id", ["../escape", "North", "a b", ""])
def test_the_id_must_be_a_slug(run_cli, corpus: Path, bad_id: str) -> None:
    result = _ingest(run_cli, corpus, "notes.txt", "--id", bad_id, "--outlet", "X")
    assert "is not valid: expected a lowercase slug" in result.stderr
    assert result.exit_code == 2
    assert sorted(p.name for p in (corpus / "seeds").iterdir()) == sorted(
        p.name for p in (MINI / "seeds").iterdir()
    )


def test_a_seeds_folder_leading_outside_the_corpus_is_refused(run_cli, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(MINI, corpus)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.rmtree(corpus / "seeds")
    (corpus / "seeds").symlink_to(outside)
    result = _ingest(run_cli, corpus, "notes.txt", "--id", "notes", "--outlet", "X")
    assert "leads outside the corpus folder" in result.stderr
    assert list(outside.iterdir()) == []
    assert result.exit_code == 2


def test_a_missing_seeds_folder_is_made(run_cli, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(MINI, corpus)
    shutil.rmtree(corpus / "seeds")
    result = _ingest(run_cli, corpus, "notes.txt", "--id", "notes", "--outlet", "X")
    assert (corpus / "seeds/notes.txt").is_file() and result.exit_code == 0


# --------------------------------------------------------------------------- --write


def _without(new: bytes, entry: bytes) -> bytes:
    assert new.count(entry) == 1
    return new.replace(entry, b"", 1)


def test_write_inserts_the_entry_and_keeps_every_other_byte(run_cli, corpus: Path) -> None:
    yaml_path = corpus / "assertions.yaml"
    before = yaml_path.read_bytes()
    assert b"# A small corpus for tests" in before  # the comments we must keep
    result = _ingest(
        run_cli, corpus, "notes.txt", "--id", "field-notes", "--outlet", "Field", "--write"
    )
    after = yaml_path.read_bytes()
    entry = "".join(
        line + "\n" for line in result.stdout.splitlines() if not line.startswith("#")
    ).encode()
    assert _without(after, entry) == before
    # at the end of the sources block, before voices: (then topics:)
    assert after.index(entry) < after.index(b"\nvoices:") < after.index(entry) + len(entry) + 1
    assert "# added source 'field-notes' to assertions.yaml at line 29:" in result.stdout
    loaded = load_corpus(yaml_path)
    assert loaded.findings == ()
    assert [s.id for s in loaded.corpus.sources][-1] == "field-notes"
    assert result.exit_code == 0
    # and the corpus still checks: the new source only waits to be read
    check = run_cli(["check", "--format", "json"], cwd=corpus)
    rules = {f["rule"] for f in json.loads(check.stdout)["findings"]}
    assert rules == {"unreviewed"} and check.exit_code == 0


def test_write_keeps_crlf_line_endings_and_a_byte_order_mark(run_cli, corpus: Path) -> None:
    yaml_path = corpus / "assertions.yaml"
    crlf = b"\xef\xbb\xbf" + yaml_path.read_bytes().replace(b"\n", b"\r\n")
    yaml_path.write_bytes(crlf)
    result = _ingest(run_cli, corpus, "notes.txt", "--id", "notes", "--outlet", "X", "--write")
    after = yaml_path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in after.replace(b"\r\n", b"")  # no bare LF crept in
    entry = b"  notes:\r\n    outlet: X\r\n"
    assert entry in after
    assert result.exit_code == 0


def test_write_keeps_cr_only_line_endings_and_prints_the_entry_on_lines(
    run_cli, corpus: Path
) -> None:
    # A classic Mac file: YAML reads a CR alone as a line break, and so must the insertion.
    yaml_path = corpus / "assertions.yaml"
    yaml_path.write_bytes(yaml_path.read_bytes().replace(b"\n", b"\r"))
    result = _ingest(run_cli, corpus, "notes.txt", "--id", "notes", "--outlet", "X", "--write")
    assert result.exit_code == 0, result.output
    after = yaml_path.read_bytes()
    assert b"\n" not in after
    assert b"  notes:\r    outlet: X\r" in after
    assert "\r" not in result.stdout and "  notes:\n    outlet: X\n" in result.stdout
    assert run_cli(["check"], cwd=corpus).exit_code == 0


def test_write_follows_the_files_own_indentation(run_cli, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(MINI, corpus)
    yaml_path = corpus / "assertions.yaml"
    lines = yaml_path.read_text().splitlines(keepends=True)
    start = lines.index("sources:\n")
    end = lines.index("topics:\n")
    # indent the sources block by 4 and 4 instead of 2 and 2
    lines[start + 1 : end] = [
        " " * (len(line) - len(line.lstrip(" "))) + line for line in lines[start + 1 : end]
    ]
    yaml_path.write_text("".join(lines))
    result = _ingest(run_cli, corpus, "notes.txt", "--id", "notes", "--outlet", "X", "--write")
    assert "    notes:\n        outlet: X\n" in yaml_path.read_text()
    assert load_corpus(yaml_path).findings == ()
    assert result.exit_code == 0


def test_write_after_a_block_scalar_keeps_it_whole(run_cli, tmp_path: Path) -> None:
    """A '#' line inside a block scalar is text, not a comment: the entry goes after it."""
    corpus = tmp_path / "c"
    (corpus / "seeds").mkdir(parents=True)
    (corpus / "seeds/a.txt").write_text("Some text of the first article.\n")
    yaml_path = corpus / "assertions.yaml"
    yaml_path.write_text(
        "version: 1\nsources:\n  a:\n    outlet: A\n    file: seeds/a.txt\n"
        "    title: |\n      A long title\n      # with a hash line\n"
        "# topics follow\ntopics: {}\n"
    )
    result = _ingest(run_cli, corpus, "notes.txt", "--id", "notes", "--outlet", "X", "--write")
    corpus_model = load_corpus(yaml_path).corpus
    assert corpus_model.source("a").title == "A long title\n# with a hash line\n"
    assert yaml_path.read_text().endswith(
        "      # with a hash line\n  notes:\n    outlet: X\n"
        '    title: "Field notes, Gaza"\n'
        "    file: seeds/notes.txt\n"
        f"    sha256: {corpus_model.source('notes').sha256}\n"
        "# topics follow\ntopics: {}\n"
    )
    assert result.exit_code == 0


def test_write_refuses_an_insertion_that_would_change_anything_else(
    run_cli, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new file is re-read before it is written: if it reads differently, nothing changes."""
    import comparator.ingest as ingest_module

    real = ingest_module.insert_entry

    def careless(yaml_text: str, *args: object) -> tuple[str, int, str]:
        text, line, entry = real(yaml_text, *args)
        return text.replace("title: A murky picture", "title: A clear picture"), line, entry

    monkeypatch.setattr(ingest_module, "insert_entry", careless)
    yaml_path = corpus / "assertions.yaml"
    before = yaml_path.read_bytes()
    result = _ingest(run_cli, corpus, "notes.txt", "--id", "notes", "--outlet", "X", "--write")
    assert "would not be safe (the rest of the file would not read back as before)" in result.stderr
    assert yaml_path.read_bytes() == before
    assert not (corpus / "seeds/notes.txt").exists()
    assert result.exit_code == 2


def test_write_refuses_a_duplicate_id_and_changes_nothing(run_cli, corpus: Path) -> None:
    yaml_path = corpus / "assertions.yaml"
    before = yaml_path.read_bytes()
    result = _ingest(run_cli, corpus, "notes.txt", "--id", "south", "--outlet", "X", "--write")
    assert "source 'south' is already in assertions.yaml (line 12)" in result.stderr
    assert yaml_path.read_bytes() == before
    assert not (corpus / "seeds/south.txt").exists()
    assert result.exit_code == 2


def test_without_write_an_existing_id_gets_the_new_pin(run_cli, corpus: Path) -> None:
    result = _ingest(run_cli, corpus, "notes.txt", "--id", "south", "--outlet", "South")
    sha = hashlib.sha256((PAGES / "notes.txt").read_bytes()).hexdigest()
    assert "source 'south' is already in assertions.yaml (line 12)" in result.stdout
    assert f"set its sha256 to {sha}" in result.stdout
    assert result.exit_code == 0


def test_write_refuses_a_flow_style_sources_block(run_cli, tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    yaml_path = corpus / "assertions.yaml"
    # an empty {} (what compare init writes) is filled: see test_init.py; a flow mapping with
    # entries is not rewritten
    text = "version: 1\nsources: {x: {outlet: X, title: T, file: x.txt}}\ntopics: {}\n"
    yaml_path.write_text(text)
    result = _ingest(run_cli, corpus, "notes.txt", "--id", "notes", "--outlet", "X", "--write")
    assert "is not a block mapping" in result.stderr
    assert "paste the entry printed without --write" in result.stderr
    assert yaml_path.read_text() == text
    assert not (corpus / "seeds/notes.txt").exists()
    assert result.exit_code == 2


def test_write_with_hostile_metadata_reads_back_exactly(run_cli, corpus: Path) -> None:
    """A title with markup, quotes, '#' and ': ' is quoted so the loader reads it back as is."""
    pytest.importorskip("trafilatura")
    result = _ingest(
        run_cli, corpus, "hostile.html", "--id", "hostile", "--outlet", "Loud: [b]", "--write"
    )
    assert result.exit_code == 0
    assert is_clean(result.stdout)
    source = load_corpus(corpus / "assertions.yaml").corpus.source("hostile")
    assert source.outlet == "Loud: [b]"
    assert source.title.startswith('A [bold red]loud[/bold red] headline: "quoted", with #hash')
    check = run_cli(["check"], cwd=corpus)
    assert check.exit_code == 0


def test_the_walk_through_ends_in_a_comparison(run_cli, corpus: Path) -> None:
    """ingest --write, suggest, record its line, check, compare: the README's walk-through."""
    pytest.importorskip("trafilatura")
    assert (
        _ingest(
            run_cli, corpus, "westward.html", "--id", "westward", "--outlet", "West", "--write"
        ).exit_code
        == 0
    )
    suggested = run_cli(
        ["suggest", "weapons", "--source", "westward", "--format", "json"], cwd=corpus
    )
    best = json.loads(suggested.stdout)["suggestions"][0]
    assert best["sentence"].startswith("There is no evidence that Russia supplies weapons")
    options = dict(zip(best["add"][3::2], best["add"][4::2], strict=True))
    assert (options["--claim"], options["--stance"]) == ("direct-supply", "STANCE")
    stub = (  # what the add line records, STANCE replaced by the analyst's reading
        f"      - id: weapons-westward-direct-supply\n"
        f"        source: westward\n"
        f"        claim: direct-supply\n"
        f"        stance: doubts\n"
        f"        summary: s\n"
        f"        quotes:\n"
        f"          - {json.dumps(options['--quote'])}\n"
    )
    yaml_path = corpus / "assertions.yaml"
    text = yaml_path.read_text()
    anchor = "  motive:\n"
    yaml_path.write_text(text.replace(anchor, stub + anchor, 1))
    check = run_cli(["check", "--format", "json"], cwd=corpus)
    assert not [f for f in json.loads(check.stdout)["findings"] if f["rule"].startswith("quote")]
    shown = run_cli(["weapons", "--by", "source", "--format", "json"], cwd=corpus)
    [topic] = json.loads(shown.stdout)
    positions = {p["source"]: p for c in topic["claims"] for p in c["positions"]}
    assert positions["westward"]["stance"] == "doubts"
    assert positions["westward"]["quotes"][0]["file"] == "seeds/westward.txt"
    assert shown.exit_code == 0
    # The README's second assertion: officials' claim, which the article only relays.
    reported = (
        "      - id: weapons-westward-indirect-arms\n"
        "        source: westward\n"
        "        claim: indirect-arms\n"
        "        summary: Relays Israeli officials' word that the rifles came through Iran and "
        "Syria.\n"
        "        reports:\n"
        "          - voice: jerusalem-officials\n"
        "            stance: affirms\n"
        "            treatment: relays\n"
        "            quotes:\n"
        '              - "Officials in Jerusalem said the rifles reached Hamas through Iran and '
        'Syria."\n'
    )
    text = yaml_path.read_text()
    text = text.replace(
        "voices:\n",
        "voices:\n  jerusalem-officials:\n    name: Officials in Jerusalem\n    kind: government\n",
        1,
    )
    yaml_path.write_text(text.replace(anchor, reported + anchor, 1))
    check = run_cli(["check", "--format", "json"], cwd=corpus)
    assert [f for f in json.loads(check.stdout)["findings"] if f["severity"] == "error"] == []
    shown = run_cli(["weapons", "--format", "json"], cwd=corpus)
    [topic] = json.loads(shown.stdout)
    [indirect] = [c for c in topic["claims"] if c["id"] == "indirect-arms"]
    [westward] = [p for p in indirect["positions"] if p["source"] == "westward"]
    assert westward["stance"] is None
    assert [r["name"] for r in westward["reports"]] == ["Officials in Jerusalem"]
