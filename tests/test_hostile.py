"""Bad and hostile input: each gives a clear message and exit 2, or a finding; never a crash."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from comparator import cache as cache_module
from comparator.loader import find_assertions, load_corpus
from comparator.workflow import open_corpus
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
    stray = [p for p in tmp_path.parents if (p / "assertions.yaml").exists()]
    if stray:  # compare looks up the folders, as it should: a stray file there is found
        pytest.skip(f"a stray {stray[0] / 'assertions.yaml'} is above the test folder")
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
        ('"seeds/al\\0pha.txt"', {}, "schema", "contains a NUL byte"),
        ("seeds/alpha.txt/", {"seeds/alpha.txt": TEXT}, "schema", "ends with a slash"),
        ("~/alpha.txt", {}, "schema", "starts with '~'"),
        ("seeds/" + "a" * 300 + ".txt", {}, "schema", "has a name longer than 255 bytes"),
        ("seeds/" + "a/" * 2100 + "x.txt", {}, "schema", "a path may have at most 4096"),
    ],
    ids=[
        "directory",
        "missing",
        "binary",
        "latin-1",
        "dot-dot",
        "absolute",
        "nul-byte",
        "trailing-slash",
        "tilde",
        "long-name",
        "long-path",
    ],
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


# --------------------------------------------------------------------------- the cache (issue 17)
#
# Each test has a cache folder of its own (the ``own_cache`` fixture) and a copy of the mini
# corpus; a view run once leaves one entry, and the next view should use it only when it is
# the user's own, unedited, in a private folder.

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
SUMMARY = "Arms-transfer allegations are unproven."
FORGED = "Arms-transfer allegations are PROVEN!!."


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COMPARE_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(MINI, target)
    return target


def cache_entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("compare-*.entry"))


def run_in_subprocess(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``compare ARGS`` as a separate process, killed after 60 s: a hang fails the test."""
    merged = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", **env}
    merged.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "comparator", *args],
        cwd=cwd,
        env=merged,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_cache_entry_with_an_edited_body_is_never_used(own_cache, mini_copy, run_cli) -> None:
    expected = run_cli(["weapons"], cwd=mini_copy, width=400).output
    assert SUMMARY in expected
    (entry,) = cache_entries(own_cache)
    body = entry.read_bytes()
    assert SUMMARY.encode() in body and len(FORGED) == len(SUMMARY)
    entry.write_bytes(body.replace(SUMMARY.encode(), FORGED.encode()))
    result = run_cli(["weapons"], cwd=mini_copy, width=400)
    assert result.exit_code == 0
    assert FORGED not in result.output
    assert result.output == expected


def test_an_entry_moved_to_another_corpus_name_is_refused(own_cache, mini_copy, monkeypatch):
    """Entries are signed with their name: one corpus's entry linked or copied under another
    corpus's name is a miss, even when everything its header records still holds."""
    monkeypatch.chdir(mini_copy)
    (mini_copy / "alias.yaml").symlink_to("assertions.yaml")
    open_corpus("assertions.yaml")
    (first,) = cache_entries(own_cache)
    open_corpus("alias.yaml")
    (second,) = (e for e in cache_entries(own_cache) if e != first)
    assert cache_module.lookup(find_assertions("alias.yaml")) is not None
    second.unlink()
    second.symlink_to(first.name)
    assert cache_module.lookup(find_assertions("alias.yaml")) is None
    second.unlink()
    shutil.copyfile(first, second)
    os.chmod(second, 0o600)
    assert cache_module.lookup(find_assertions("alias.yaml")) is None
    assert cache_module.lookup(find_assertions("assertions.yaml")) is not None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_planted_as_a_cache_entry_does_not_hang_a_view(own_cache, mini_copy) -> None:
    first = run_in_subprocess(["weapons"], mini_copy, COMPARE_CACHE_DIR=str(own_cache))
    assert first.returncode == 0
    (entry,) = cache_entries(own_cache)
    entry.unlink()
    os.mkfifo(entry, 0o600)
    second = run_in_subprocess(["weapons"], mini_copy, COMPARE_CACHE_DIR=str(own_cache))
    assert second.returncode == 0
    assert second.stdout == first.stdout and second.stderr == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_planted_as_the_signing_key_does_not_hang_a_view(own_cache, mini_copy) -> None:
    first = run_in_subprocess(["weapons"], mini_copy, COMPARE_CACHE_DIR=str(own_cache))
    key = own_cache / cache_module.KEY_NAME
    key.unlink()
    os.mkfifo(key, 0o600)
    second = run_in_subprocess(["weapons"], mini_copy, COMPARE_CACHE_DIR=str(own_cache))
    assert second.returncode == 0 and second.stdout == first.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_an_article_replaced_by_a_fifo_after_caching_is_a_cache_miss(own_cache, mini_copy):
    """Checking the entry reads the article again: a FIFO there is a miss, not a hang (what
    the verification then makes of the FIFO is the reading's business)."""
    first = run_in_subprocess(["weapons"], mini_copy, COMPARE_CACHE_DIR=str(own_cache))
    assert first.returncode == 0
    article = mini_copy / "seeds" / "north-times.txt"
    article.unlink()
    os.mkfifo(article)
    probe = (
        "from comparator import cache; from comparator.loader import find_assertions; "
        "print(cache.lookup(find_assertions(None)))"
    )
    looked = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=mini_copy,
        env={**os.environ, "COMPARE_CACHE_DIR": str(own_cache)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert looked.stdout.strip() == "None", looked.stderr


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="needs POSIX owners")
@pytest.mark.parametrize("unsafe", ["world-writable", "group-readable", "another-owner", "symlink"])
def test_a_cache_folder_that_is_not_private_is_skipped(
    own_cache, mini_copy, run_cli, monkeypatch, unsafe: str
) -> None:
    """Nothing is read from or written to it; under COMPARE_DEBUG=1 one line says why."""
    expected = run_cli(["weapons"], cwd=mini_copy).output
    (entry,) = cache_entries(own_cache)
    body = entry.read_bytes()
    entry.write_bytes(body.replace(SUMMARY.encode(), FORGED.encode()))
    if unsafe == "world-writable":
        os.chmod(own_cache, 0o777)
    elif unsafe == "group-readable":
        os.chmod(own_cache, 0o750)
    elif unsafe == "another-owner":
        uid = os.getuid()
        monkeypatch.setattr(os, "getuid", lambda: uid + 1)
    else:
        real = own_cache.with_name("real-cache")
        own_cache.rename(real)
        own_cache.symlink_to(real)
    before = {p.name: p.read_bytes() for p in own_cache.iterdir()}
    quiet = run_cli(["weapons"], cwd=mini_copy)
    assert quiet.exit_code == 0 and quiet.output == expected and quiet.stderr == ""
    told = run_cli(["weapons"], cwd=mini_copy, env={"COMPARE_DEBUG": "1"})
    assert told.stdout == expected
    (line,) = told.stderr.splitlines()
    assert line.startswith("compare: cache not used: ") and str(own_cache) in line
    assert {p.name: p.read_bytes() for p in own_cache.iterdir()} == before, "cache written"


def test_pruning_removes_only_files_compare_wrote(
    own_cache, tmp_path, run_cli, monkeypatch
) -> None:
    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 2)
    own_cache.mkdir(mode=0o700)
    old = time.time() - 7200
    foreign = {
        "other.pickle": b"another program's pickle",
        "session.tmp": b"another program's temporary file",
        f"compare-{'a' * 32}.entry": b"not signed by compare",
        f"compare-{'b' * 32}.entry.12.0badcafe.compare-tmp": b"not written by compare",
    }
    for name, content in foreign.items():
        (own_cache / name).write_bytes(content)
        os.utime(own_cache / name, (old, old))
    crashed = own_cache / f"compare-{'c' * 32}.entry.99.deadbeef.compare-tmp"
    crashed.write_bytes(cache_module.MAGIC + b"\0" * 40)
    crashed_key = own_cache / f"{cache_module.KEY_NAME}.98.feedface.compare-tmp"
    crashed_key.write_bytes(os.urandom(cache_module.KEY_SIZE))
    for path in (crashed, crashed_key):
        os.chmod(path, 0o600)
        os.utime(path, (old, old))
    for index in range(4):
        copy = tmp_path / f"corpus-{index}"
        shutil.copytree(MINI, copy)
        assert run_cli(["topics"], cwd=copy).exit_code == 0
    left = {p.name for p in own_cache.iterdir()}
    assert set(foreign) <= left
    assert crashed.name not in left and crashed_key.name not in left
    ours = [n for n in left if n not in foreign and n != cache_module.KEY_NAME]
    assert len(ours) == 2 and all(n.startswith("compare-") and n.endswith(".entry") for n in ours)


def test_the_signing_key_is_private_and_made_once(own_cache, mini_copy, run_cli) -> None:
    assert run_cli(["weapons"], cwd=mini_copy).exit_code == 0
    key = own_cache / cache_module.KEY_NAME
    made = key.read_bytes()
    assert len(made) == 32
    if hasattr(os, "getuid"):
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert run_cli(["topics"], cwd=mini_copy).exit_code == 0
    assert key.read_bytes() == made


# --------------------------------------------------------------------------- invisible text (17)

INVISIBLES = {
    "\u061c": "U+061C ARABIC LETTER MARK",
    "\u200b": "U+200B ZERO WIDTH SPACE",
    "\u200d": "U+200D ZERO WIDTH JOINER",
    "\u200e": "U+200E LEFT-TO-RIGHT MARK",
    "\u202e": "U+202E RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "U+2066 LEFT-TO-RIGHT ISOLATE",
    "\ufeff": "U+FEFF ZERO WIDTH NO-BREAK SPACE",
}


def test_every_format_character_of_this_python_is_made_visible() -> None:
    import unicodedata

    from comparator.safetext import visible

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.category(char) == "Cf":
            shown = visible(f"a{char}b")
            assert char not in shown and shown.startswith("a\\") and shown.endswith("b"), hex(code)


def with_label(field: str, value: str) -> str:
    """The VALID corpus with ``field`` of the source (or the assertion) set to ``value``."""
    if field == "attributed_to":
        return VALID.replace(
            "        summary: Unproven.",
            f'        summary: Unproven.\n        attributed_to: "{value}"',
        )
    if field == "authors":
        return VALID.replace("    title: A piece", f'    title: A piece\n    authors: ["{value}"]')
    if field == "name":  # a voice's name (version 2)
        return VALID.replace("version: 1", "version: 2").replace(
            "topics:\n", f'voices:\n  ukraine:\n    name: "{value}"\ntopics:\n'
        )
    return VALID.replace("    outlet: Alpha", f'    {field}: "{value}"')


@pytest.mark.parametrize("char", list(INVISIBLES))
@pytest.mark.parametrize("field", ["outlet", "outlet_name", "authors", "attributed_to", "name"])
def test_a_name_hiding_an_invisible_character_is_refused_naming_it(
    tmp_path: Path, run_cli, field: str, char: str
) -> None:
    text = with_label(field, f"CE{char}PA")
    if field == "outlet_name":
        text = text.replace("    title: A piece", "    outlet: Alpha\n    title: A piece")
    corpus_with(tmp_path, text.format(quote="Allegations that Russia transferred weapons"))
    result = check(run_cli, tmp_path)
    assert result.exit_code == 1, result.output
    line = next(line for line in result.output.splitlines() if INVISIBLES[char] in line)
    assert re.match(rf"assertions\.yaml:\d+:\d+: error schema .*{field}", line), line
    assert char not in result.output
    view = run_cli(["topics"], cwd=tmp_path)
    assert view.exit_code == 2 and INVISIBLES[char] in view.stderr and char not in view.output


@pytest.mark.parametrize("char", list(INVISIBLES))
def test_an_id_hiding_an_invisible_character_is_refused_naming_it(
    tmp_path: Path, run_cli, char: str
) -> None:
    text = VALID.replace("  alpha:", f"  al{char}pha:").replace(
        "source: alpha", f"source: al{char}pha"
    )
    corpus_with(tmp_path, text.format(quote="Allegations that Russia transferred weapons"))
    result = check(run_cli, tmp_path)
    assert result.exit_code == 1
    assert "assertions.yaml:3:3: error schema id 'al\\u" in result.output
    assert INVISIBLES[char] in result.output and char not in result.output


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("char", list(INVISIBLES))
def test_invisible_characters_in_values_are_visible_in_text_and_markdown(
    tmp_path: Path, run_cli, fmt: str, char: str
) -> None:
    text = VALID.replace("summary: Unproven.", f"summary: Un{char}proven.").replace(
        "title: Weapons", f"title: Wea{char}pons"
    )
    corpus_with(tmp_path, text.format(quote="Allegations that Russia transferred weapons"))
    result = run_cli(["weapons", "--format", fmt], cwd=tmp_path, width=200)
    assert result.exit_code == 0, result.output
    assert char not in result.output
    code = f"{ord(char):04x}"
    shown = result.output.replace("\\\\", "\\")  # markdown escapes the backslash itself
    assert f"Un\\u{code}proven" in shown and f"Wea\\u{code}pons" in shown


def test_json_keeps_invisible_characters_as_data(tmp_path: Path, run_cli) -> None:
    """JSON is data for programs: the value comes through unchanged, JSON-escaped."""
    import json

    text = VALID.replace("summary: Unproven.", "summary: Un\u200dproven.")
    corpus_with(tmp_path, text.format(quote="Allegations that Russia transferred weapons"))
    result = run_cli(["weapons", "--format", "json"], cwd=tmp_path)
    assert result.exit_code == 0
    assert "Un\u200dproven." in json.dumps(json.loads(result.output), ensure_ascii=False)


def test_ingest_refuses_an_outlet_hiding_a_bidi_override(tmp_path: Path, run_cli) -> None:
    page = tmp_path / "page.txt"
    page.write_text("A title\n\n" + TEXT * 3, encoding="utf-8")
    corpus_with(tmp_path / "corpus", VALID.format(quote="Allegations that Russia transferred"))
    result = run_cli(
        ["ingest", str(page), "--id", "beta", "--outlet", "Evil\u202etxt.exe"],
        cwd=tmp_path / "corpus",
    )
    assert result.exit_code == 2
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in result.stderr and "--outlet" in result.stderr
    assert "\u202e" not in result.output
    assert not (tmp_path / "corpus" / "seeds" / "beta.txt").exists()


# --------------------------------------------------------------------------- workflow commands (17)
#
# In GitHub Actions a line of a step's output that starts with "::" (after leading spaces) is a
# command to the runner. Corpus values carry such lines; none may reach the runner.

PLANTED = "\\n::error::planted\\n::add-mask::secret"
HOSTILE_COMMANDS = (
    VALID.replace("title: Weapons", f'title: "Weapons{PLANTED}"')
    .replace("question: Does Russia supply weapons?", f'question: "Supply?{PLANTED}"')
    .replace("direct: Russia supplies weapons to Hamas.", f'direct: "Russia supplies.{PLANTED}"')
    .replace("summary: Unproven.", f'summary: "Unproven.{PLANTED}"')
    .replace("title: A piece", f'title: "A piece{PLANTED}"')
)
TEXT_VIEWS = [
    ["weapons"],
    ["weapons", "--format", "markdown"],
    ["topics"],
    ["topics", "--format", "markdown"],
    ["sources"],
    ["sources", "--format", "markdown"],
    ["matrix"],
    ["report"],
    ["check", "--format", "text"],  # plain check is --format github in GitHub Actions
]
DATA_VIEWS = [
    ["weapons", "--format", "json"],
    ["matrix", "--format", "json"],
    ["report", "--format", "json"],
    ["check", "--format", "json"],
    ["check", "--format", "sarif"],
]


def commands_in(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.lstrip().startswith("::")]


@pytest.fixture
def hostile_commands(tmp_path: Path) -> Path:
    corpus_with(tmp_path, HOSTILE_COMMANDS.format(quote="Allegations that Russia transferred"))
    return tmp_path


@pytest.mark.parametrize("args", TEXT_VIEWS + DATA_VIEWS, ids=" ".join)
def test_no_value_starts_a_line_of_its_own(hostile_commands: Path, run_cli, args) -> None:
    """Line breaks inside one-line values are folded: at an ordinary width nothing a corpus
    holds starts a line, in any format."""
    result = run_cli(args, cwd=hostile_commands)
    assert result.exit_code in (0, 1), result.output
    assert "planted" in result.output or args[0] in ("matrix", "check")  # ids, findings only
    assert commands_in(result.output) == []


@pytest.mark.parametrize("args", TEXT_VIEWS, ids=" ".join)
def test_under_github_actions_output_is_fenced_with_a_fresh_token(
    hostile_commands: Path, run_cli, args
) -> None:
    """At COLUMNS=20 wrapping alone can start a line with '::'; the runner ignores commands
    between ::stop-commands::TOKEN and ::TOKEN::, with a token no corpus can guess."""
    tokens = []
    for _ in range(2):
        result = run_cli(args, cwd=hostile_commands, env={"GITHUB_ACTIONS": "true"}, width=20)
        assert result.exit_code in (0, 1), result.output
        lines = result.stdout.splitlines()
        start = re.fullmatch(r"::stop-commands::([0-9a-f]{32})", lines[0])
        assert start is not None, lines[0]
        token = start.group(1)
        assert lines[-1] == f"::{token}::"
        assert f"::{token}::" not in lines[1:-1]
        tokens.append(token)
    assert tokens[0] != tokens[1]


@pytest.mark.parametrize("args", DATA_VIEWS, ids=" ".join)
def test_data_formats_are_never_fenced_and_never_start_a_command(
    hostile_commands: Path, run_cli, args
) -> None:
    """JSON and SARIF stay valid for the program reading them: every line starts with
    JSON punctuation or a quoted string, so the runner sees no command in them anyway."""
    import json

    result = run_cli(args, cwd=hostile_commands, env={"GITHUB_ACTIONS": "true"}, width=20)
    json.loads(result.stdout)
    assert commands_in(result.stdout) == []


def test_check_github_is_not_fenced(hostile_commands: Path, run_cli) -> None:
    result = run_cli(
        ["check", "--format", "github"], cwd=hostile_commands, env={"GITHUB_ACTIONS": "true"}
    )
    assert "stop-commands" not in result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX redirection")
def test_output_redirected_to_a_file_is_not_fenced(hostile_commands: Path, tmp_path) -> None:
    """``compare report --format markdown >> $GITHUB_STEP_SUMMARY`` stays plain markdown."""
    target = tmp_path / "summary.md"
    with target.open("w") as handle:
        subprocess.run(
            [sys.executable, "-m", "comparator", "report", "--format", "markdown"],
            cwd=hostile_commands,
            env={**os.environ, "GITHUB_ACTIONS": "true", "COMPARE_NO_CACHE": "1"},
            stdout=handle,
            timeout=60,
            check=True,
        )
    text = target.read_text(encoding="utf-8")
    assert "stop-commands" not in text and text.startswith("#")


def test_a_corpus_folder_named_with_escape_and_line_break_is_shown_visibly(
    tmp_path: Path, run_cli
) -> None:
    folder = tmp_path / "c\x1b[31m\n::error::x"
    corpus_with(folder, VALID.format(quote="Allegations that Russia transferred tanks"))
    result = run_cli(["check", "-a", str(folder.relative_to(tmp_path))], cwd=tmp_path)
    assert result.exit_code == 1
    assert "\x1b" not in result.output
    assert commands_in(result.output) == []
    assert "c\\x1b[31m\\x0a::error::x/assertions.yaml:" in result.output


def test_a_saved_file_named_with_a_line_break_is_announced_on_one_line(
    tmp_path: Path, run_cli
) -> None:
    corpus_with(tmp_path, VALID.format(quote="Allegations that Russia transferred weapons"))
    name = "out\n::error::x.md"
    result = run_cli(["report", "-o", name], cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stderr == "wrote out\\x0a::error::x.md\n"
    assert (tmp_path / name).exists()


def test_ingest_removes_invisible_characters_from_the_pages_names() -> None:
    """The page's site name and authors become outlet_name and authors, which the loader
    refuses with a hidden character: ingest removes it and notes it, so the entry it writes
    loads. (trafilatura already drops most of them; this holds whatever the extractor does.)"""
    from comparator.ingest import PageMetadata, _names_shown_as_they_are

    notes: list[str] = []
    meta = _names_shown_as_they_are(
        PageMetadata(site="CE\u200dPA", authors=("Dana\u202e Example", "Eli")), notes
    )
    assert meta.site == "CEPA" and meta.authors == ("Dana Example", "Eli")
    assert notes == [
        "outlet_name: removed U+200D ZERO WIDTH JOINER from the page's value",
        "authors: removed U+202E RIGHT-TO-LEFT OVERRIDE from the page's value",
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_an_article_that_is_a_fifo_is_a_finding_not_a_hang(tmp_path: Path, run_cli) -> None:
    corpus_with(tmp_path, VALID.format(quote="x"), {})
    (tmp_path / "seeds").mkdir()
    os.mkfifo(tmp_path / "seeds" / "alpha.txt")
    result = check(run_cli, tmp_path)
    assert result.exit_code == 1
    assert "assertions.yaml:6:11: error source-missing " in result.stdout
    assert "is not a regular file (a named pipe (FIFO))" in result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_cached_view_does_not_hang_when_an_article_becomes_a_fifo(
    tmp_path: Path, run_cli
) -> None:
    quote = "Allegations that Russia transferred weapons to Hamas remain unproven"
    corpus_with(tmp_path, VALID.format(quote=quote))
    first = run_cli(["weapons"], cwd=tmp_path)
    assert first.exit_code == 0, first.output
    article = tmp_path / "seeds" / "alpha.txt"
    article.unlink()
    os.mkfifo(article)
    again = run_cli(["weapons"], cwd=tmp_path)  # the cache validates, then verification reads
    assert "Traceback" not in again.output
    assert again.exit_code == 0, again.output


def test_an_article_over_the_size_limit_is_a_finding_with_its_size(tmp_path: Path, run_cli) -> None:
    from comparator.fileio import MAX_FILE_BYTES

    corpus_with(tmp_path, VALID.format(quote="x"), {})
    (tmp_path / "seeds").mkdir()
    with open(tmp_path / "seeds" / "alpha.txt", "wb") as handle:  # sparse: no disk used
        handle.truncate(MAX_FILE_BYTES + 1)
    result = check(run_cli, tmp_path)
    assert result.exit_code == 1
    assert "error source-unreadable " in result.stdout
    assert "is too large (64.0 MiB; compare reads files of at most 64.0 MiB)" in result.stdout


def test_a_symlinked_corpus_file_outside_is_not_quoted_in_the_error(
    tmp_path: Path, run_cli
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN the rest of someone's file\n")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "assertions.yaml").symlink_to(secret)
    result = check(run_cli, folder)
    assert "TOP-SECRET" not in result.output
    assert "the document must be a mapping (key: value lines), not a string" in result.stdout


# --------------------------------------------------------------------------- near-miss search


def test_hostile_quotes_give_their_findings_with_bounded_closest_passages(
    tmp_path: Path, run_cli
) -> None:
    """Quotes of 1,000 and 4,000 words and of 1 MB, short quotes over 2 MB of one repeated
    word (bench/hostile.py): each is a quote-not-found finding, none a hang; bench/run.py
    times the same corpus."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from hostile import write_hostile_corpus

    write_hostile_corpus(tmp_path)
    result = check(run_cli, tmp_path, "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    missing = [f for f in findings if f["rule"] == "quote-not-found"]
    assert len(missing) == 6
    assert len(result.stdout) < 200_000  # no finding repeats a megabyte of quote
