"""Bad and hostile input: each gives a clear message and exit 2, or a finding; never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from comparator.loader import load_corpus
from tests.conftest import write_corpus

TEXT = "Allegations that Russia transferred weapons to Hamas remain unproven, officials say.\n"

VALID = """\
version: 1
sources:
  alpha:
    outlet: Alpha
    title: A piece
    file: seeds/alpha.txt
topics:
  weapons:
    title: Weapons
    question: Does Russia supply weapons?
    claims:
      direct: Russia supplies weapons to Hamas.
    assertions:
      - id: weapons-alpha
        source: alpha
        claim: direct
        stance: doubts
        summary: Unproven.
        quotes:
          - {quote}
"""


def corpus_with(
    tmp_path: Path, yaml_text: str, texts: dict[str, str | bytes] | None = None
) -> Path:
    return write_corpus(tmp_path, yaml_text, {"seeds/alpha.txt": TEXT} if texts is None else texts)


def check(run_cli, folder: Path, *args: str):
    result = run_cli(["check", *args], cwd=folder)
    assert "Traceback" not in result.output
    return result


# --------------------------------------------------------------------------- unreadable YAML


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"version: 1\nsources: [\n", "assertions.yaml:3:1: YAML syntax error"),
        (b"version: 1\nsources:\n\talpha: {}\n", "assertions.yaml:3:1: a tab in the indentation"),
        (b"version: 1\n# caf\xe9\n", "assertions.yaml:2:6: not UTF-8 (byte 0xe9)"),
        (b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", "assertions.yaml:1:"),
        (b"\x00\x01\x02", "is a binary file, not YAML"),
    ],
    ids=["syntax", "tab", "latin-1", "5000-deep", "binary"],
)
def test_unreadable_yaml_exits_2_naming_file_line_column(
    tmp_path: Path, run_cli, content: bytes, expected: str
) -> None:
    (tmp_path / "assertions.yaml").write_bytes(content)
    result = check(run_cli, tmp_path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert expected in result.stderr
    assert result.stderr.startswith("compare: error: ")


def test_missing_corpus_file_exits_2(tmp_path: Path, run_cli) -> None:
    result = check(run_cli, tmp_path, "--assertions", "nope.yaml")
    assert result.exit_code == 2
    assert "nope.yaml: no such file" in result.stderr


def test_no_corpus_anywhere_exits_2_with_a_hint(tmp_path: Path, run_cli) -> None:
    result = check(run_cli, tmp_path)
    assert result.exit_code == 2
    assert "no assertions.yaml in" in result.stderr
    assert "--assertions" in result.stderr


# --------------------------------------------------------------------------- schema findings


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "assertions.yaml:1:1: error schema the file is empty"),
        ("- a\n- b\n", "assertions.yaml:1:1: error schema the document must be a mapping"),
        (
            "version: 3\nsources: {}\ntopics: {}\n",
            "assertions.yaml:1:10: error schema version 3 is not supported",
        ),
        (
            'a: &a ["lol","lol"]\nb: &b [*a,*a,*a]\nc: [*b,*b,*b]\n',
            "assertions.yaml:1:4: error schema anchors (&a) are not allowed",
        ),
        (
            'a: &a ["lol","lol"]\nb: [*a,*a]\n',
            "assertions.yaml:2:5: error schema aliases (*a) are not allowed",
        ),
        (
            "version: !!int 1\nsources: {}\ntopics: {}\n",
            "assertions.yaml:1:10: error schema tags (!!int) are not allowed",
        ),
        (
            "version: 1\nsources: {}\ntopics: {}\n---\nversion: 1\n",
            "error schema more than one YAML document",
        ),
    ],
    ids=["empty", "top-level-list", "version-3", "billion-laughs", "alias", "tag", "two-docs"],
)
def test_structural_problems_are_schema_findings(
    tmp_path: Path, run_cli, content: str, expected: str
) -> None:
    (tmp_path / "assertions.yaml").write_text(content)
    result = check(run_cli, tmp_path)
    assert result.exit_code == 1
    assert expected in result.stdout


def test_duplicate_topic_id_names_both_lines(tmp_path: Path, run_cli) -> None:
    yaml_text = (
        VALID.format(quote="x")
        + """\
  weapons:
    title: Again
    question: Again?
    claims: {c: C.}
"""
    )
    corpus_with(tmp_path, yaml_text)
    result = check(run_cli, tmp_path)
    assert result.exit_code == 1
    assert (
        "assertions.yaml:21:3: error schema duplicate key 'weapons' (first at line 8)"
        in result.stdout
    )


def test_every_scalar_stays_a_string(tmp_path: Path) -> None:
    yaml_text = (
        VALID.format(quote="no")
        .replace("summary: Unproven.", "summary: yes")
        .replace("title: A piece", "title: 2023-10-01\n    published: 2023-10")
    )
    path = corpus_with(tmp_path, yaml_text)
    result = load_corpus(path)
    assert result.findings == ()
    corpus = result.corpus
    assert corpus is not None
    assertion = corpus.topics[0].assertions[0]
    assert assertion.quotes[0].text == "no"
    assert assertion.summary == "yes"
    assert corpus.sources[0].title == "2023-10-01"
    assert corpus.sources[0].published == "2023-10"
    assert corpus.version == "1"


def test_a_one_word_quote_is_too_short_and_not_found_inside_a_word(tmp_path: Path, run_cli) -> None:
    corpus_with(tmp_path, VALID.format(quote="no"))
    result = check(run_cli, tmp_path)
    assert result.exit_code == 1
    assert "assertions.yaml:20:13: warning quote-too-short" in result.stdout
    assert "assertions.yaml:20:13: error quote-not-found" in result.stdout


def test_markup_and_escape_sequences_in_a_quote_are_shown_literally(
    tmp_path: Path, run_cli
) -> None:
    corpus_with(
        tmp_path,
        VALID.format(
            quote='"Allegations that [bold red]Russia[/bold red] transferred \\e[31m weapons"'
        ),
    )
    result = run_cli(["check"], cwd=tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert result.exit_code == 1
    assert "[bold red]Russia[/bold red]" in result.stdout
    assert "\\x1b[31m" in result.stdout
    assert "\x1b[31m weapons" not in result.stdout


# --------------------------------------------------------------------------- article files


@pytest.mark.parametrize(
    ("file", "texts", "rule", "message"),
    [
        ("seeds", {"seeds/other.txt": TEXT}, "source-missing", "is not a regular file"),
        ("seeds/gone.txt", {}, "source-missing", "does not exist"),
        (
            "seeds/alpha.txt",
            {"seeds/alpha.txt": b"\x89PNG\r\n\x1a\n\x00\x00"},
            "source-unreadable",
            "is a binary file",
        ),
        (
            "seeds/alpha.txt",
            {"seeds/alpha.txt": "caf\u00e9".encode("latin-1")},
            "source-unreadable",
            "is not UTF-8",
        ),
        ("../outside.txt", {}, "source-outside-root", "is outside the corpus folder"),
        ("/etc/hostname", {}, "source-outside-root", "is outside the corpus folder"),
    ],
    ids=["directory", "missing", "binary", "latin-1", "dot-dot", "absolute"],
)
def test_bad_article_files_are_findings_on_the_file_field(
    tmp_path: Path, run_cli, file: str, texts: dict[str, str | bytes], rule: str, message: str
) -> None:
    folder = tmp_path / "corpus"
    (tmp_path / "outside.txt").write_text(TEXT)
    corpus_with(folder, VALID.format(quote="x").replace("seeds/alpha.txt", file), texts)
    result = check(run_cli, folder)
    assert result.exit_code == 1
    assert f"assertions.yaml:6:11: error {rule} " in result.stdout
    assert message in result.stdout


def test_a_symlink_out_of_the_folder_is_refused(tmp_path: Path, run_cli) -> None:
    folder = tmp_path / "corpus"
    (tmp_path / "secret.txt").write_text(TEXT)
    corpus_with(folder, VALID.format(quote="Allegations that Russia transferred weapons"), {})
    (folder / "seeds").mkdir()
    (folder / "seeds" / "alpha.txt").symlink_to(tmp_path / "secret.txt")
    result = check(run_cli, folder)
    assert result.exit_code == 1
    assert "error source-outside-root" in result.stdout


def test_a_symlink_inside_the_folder_is_fine(tmp_path: Path, run_cli) -> None:
    corpus_with(
        tmp_path,
        VALID.format(quote="Allegations that Russia transferred weapons"),
        {"texts/real.txt": TEXT},
    )
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "alpha.txt").symlink_to(tmp_path / "texts" / "real.txt")
    result = check(run_cli, tmp_path)
    assert result.exit_code == 0, result.stdout
