"""Hostile and careless file handling: outputs never replace what the corpus reads, devices and
pipes are streams, concurrent edits are never lost, and nothing hangs on a FIFO or a device.

Every case runs in a temporary folder; FIFOs and devices only where the platform has them.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from comparator import fileio
from tests.conftest import ROOT

MINI = ROOT / "tests/fixtures/mini"
PAGES = ROOT / "tests/fixtures/pages"
has_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX devices and PIDs")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(MINI, folder)
    return folder


def _article(corpus: Path) -> str:
    return sorted(p.name for p in (corpus / "seeds").iterdir())[0]


def _compare(args: list[str], cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """compare in a real process: devices, FIFOs and concurrency need real file descriptors."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "COMPARE_NO_CACHE": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "comparator", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


# --------------------------------------------------------------------------- outputs


@pytest.mark.parametrize(
    ("args", "target"),
    [
        (["report", "-o", "{target}"], "assertions.yaml"),
        (["report", "-o", "{target}"], "seeds/../seeds/{article}"),
        (["report", "-o", "{target}"], "./seeds/{article}"),
        (["matrix", "--save-svg", "{target}"], "assertions.yaml"),
        (["matrix", "--save-html", "{target}"], "seeds/{article}"),
        (["topic-one", "--save-html", "{target}"], "assertions.yaml"),
        (["diff", "{a}", "{b}", "--save-svg", "{target}"], "assertions.yaml"),
    ],
    ids=["report-yaml", "report-dotdot-article", "report-article", "matrix-svg-yaml",
         "matrix-html-article", "show-html-yaml", "diff-svg-yaml"],
)  # fmt: skip
def test_an_output_naming_a_file_the_corpus_reads_is_refused(
    run_cli, corpus: Path, args: list[str], target: str
) -> None:
    from comparator.loader import load_corpus

    loaded = load_corpus(corpus / "assertions.yaml")
    assert loaded.corpus is not None
    sources = loaded.corpus.sources
    topic = loaded.corpus.topics[0].id
    target = target.format(article=_article(corpus))
    args = [
        a.format(target=target, a=sources[0].id, b=sources[1].id).replace("topic-one", topic)
        for a in args
    ]
    before = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    result = run_cli(args, cwd=corpus)
    assert result.exit_code == 2, result.output
    assert "a file the corpus reads" in result.stderr
    assert "--force" in result.stderr
    assert {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()} == before


def test_a_symlink_or_hard_link_to_the_corpus_file_is_refused_too(run_cli, corpus: Path) -> None:
    (corpus / "link.md").symlink_to(corpus / "assertions.yaml")
    os.link(corpus / "assertions.yaml", corpus / "hard.md")
    before = (corpus / "assertions.yaml").read_bytes()
    for name in ("link.md", "hard.md"):
        result = run_cli(["report", "-o", name], cwd=corpus)
        assert result.exit_code == 2 and "a file the corpus reads" in result.stderr
    assert (corpus / "assertions.yaml").read_bytes() == before
    assert (corpus / "link.md").is_symlink()


def test_force_writes_over_the_corpus_file(run_cli, corpus: Path) -> None:
    result = run_cli(["report", "-o", "assertions.yaml", "--force"], cwd=corpus)
    assert result.exit_code == 0
    assert (corpus / "assertions.yaml").read_text().startswith("# Comparison report")


def test_o_link_writes_where_the_link_points_and_keeps_the_link(run_cli, corpus: Path) -> None:
    (corpus / "out").mkdir()
    (corpus / "out" / "report.md").write_text("old\n")
    (corpus / "report.md").symlink_to(corpus / "out" / "report.md")
    result = run_cli(["report", "-o", "report.md"], cwd=corpus)
    assert result.exit_code == 0, result.output
    assert (corpus / "report.md").is_symlink()
    assert (corpus / "out" / "report.md").read_text().startswith("# Comparison report")


def test_dash_means_stdout(run_cli, corpus: Path) -> None:
    result = run_cli(["report", "-o", "-"], cwd=corpus)
    assert result.exit_code == 0
    assert result.stdout.startswith("# Comparison report")
    assert not (corpus / "-").exists()


@posix_only
def test_a_character_device_is_written_to_not_replaced(corpus: Path) -> None:
    if not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null")
    result = _compare(["report", "-o", "/dev/null"], corpus)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    result = _compare(["report", "-o", "/dev/stdout"], corpus)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Comparison report")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@has_fifo
def test_a_fifo_is_written_to_as_a_stream(corpus: Path) -> None:
    fifo = corpus / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    result = _compare(["matrix", "--save-html", "pipe"], corpus)
    received, _ = reader.communicate(timeout=30)
    assert result.returncode == 0, result.stderr
    assert "<html" in received.lower()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_read_only_output_is_not_replaced(run_cli, corpus: Path) -> None:
    out = corpus / "report.md"
    out.write_text("keep me\n")
    out.chmod(0o444)
    try:
        if os.access(out, os.W_OK) and os.geteuid() == 0:
            pass  # root may write anything; the mode still says read-only
        result = run_cli(["report", "-o", "report.md"], cwd=corpus)
        assert result.exit_code == 2
        assert "read-only" in result.stderr
        assert out.read_text() == "keep me\n"
    finally:
        out.chmod(0o644)


# --------------------------------------------------------------------------- temporary files


@posix_only
def test_a_killed_runs_temporary_file_is_removed_by_the_next_write(run_cli, corpus: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    target = corpus / "report.md"
    stale = corpus / fileio.temporary_name(target, pid=dead.pid)
    stale.write_text("half a report")
    live = corpus / fileio.temporary_name(target, pid=os.getppid())
    live.write_text("someone is writing this")
    foreign = [corpus / ".report.md.tmp", corpus / "report.md.compare-tmp-1", corpus / "x.pickle"]
    for path in foreign:
        path.write_text("not ours")
    result = run_cli(["report", "-o", "report.md"], cwd=corpus)
    assert result.exit_code == 0
    assert not stale.exists()
    assert live.exists()
    assert all(path.exists() for path in foreign)
    leftovers = {p for p in corpus.iterdir() if fileio.TEMP_MARK in p.name}
    assert leftovers == {live, foreign[1]}


# --------------------------------------------------------------------------- ingest --write


INGEST = [sys.executable, "-m", "comparator", "ingest"]


def _ingest_round(corpus: Path, ids: tuple[str, str]) -> list[subprocess.Popen[str]]:
    env = {**os.environ, "NO_COLOR": "1", "COMPARE_NO_CACHE": "1"}
    return [
        subprocess.Popen(
            [*INGEST, str(corpus / f"{i}.page.txt"), "--id", i, "--outlet", "C", "--write"],
            cwd=corpus,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in ids
    ]


@pytest.mark.skipif(os.name != "posix", reason="the edit lock is flock")
def test_two_concurrent_ingest_writes_both_land(corpus: Path) -> None:
    from comparator.loader import load_corpus

    expected: list[str] = []
    for round_ in range(10):
        ids = (f"left-{round_}", f"right-{round_}")
        for i in ids:
            (corpus / f"{i}.page.txt").write_text(f"Text {i}\n\n" + "word " * 40 + "\n")
        procs = _ingest_round(corpus, ids)
        for proc in procs:
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
        expected += ids
    loaded = load_corpus(corpus / "assertions.yaml")
    assert loaded.corpus is not None
    ids_now = [s.id for s in loaded.corpus.sources]
    assert sorted(i for i in ids_now if i.startswith(("left-", "right-"))) == sorted(expected)


def test_ingest_write_refuses_a_read_only_assertions_file(run_cli, corpus: Path) -> None:
    yaml_path = corpus / "assertions.yaml"
    before = yaml_path.read_bytes()
    yaml_path.chmod(0o444)
    try:
        result = run_cli(
            ["ingest", str(PAGES / "notes.txt"), "--id", "notes", "--outlet", "F", "--write"],
            cwd=corpus,
        )
    finally:
        yaml_path.chmod(0o644)
    assert result.exit_code == 2
    assert "read-only" in result.stderr
    assert yaml_path.read_bytes() == before
    assert not (corpus / "seeds" / "notes.txt").exists()


# --------------------------------------------------------------------------- ingest's input


@has_fifo
def test_ingest_from_a_fifo_exits_2_without_hanging(corpus: Path) -> None:
    os.mkfifo(corpus / "page.txt")
    result = _compare(["ingest", "page.txt", "--id", "piped", "--outlet", "F"], corpus)
    assert result.returncode == 2
    assert "page.txt: is not a regular file (a named pipe (FIFO))" in result.stderr
    assert "Traceback" not in result.stderr


@posix_only
def test_ingest_from_dev_zero_exits_2_without_reading_it(corpus: Path) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    result = _compare(["ingest", "/dev/zero", "--id", "zeros", "--outlet", "F"], corpus)
    assert result.returncode == 2
    assert "is not a regular file (a device)" in result.stderr
    assert "MemoryError" not in result.stderr and "Traceback" not in result.stderr


def test_ingest_refuses_a_page_over_the_size_limit(run_cli, corpus: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:  # sparse: no disk is used
        handle.truncate(fileio.MAX_FILE_BYTES + 1)
    result = run_cli(["ingest", str(big), "--id", "big", "--outlet", "F"], cwd=corpus)
    assert result.exit_code == 2
    assert "is too large (64.0 MiB" in result.stderr


@pytest.mark.parametrize("bad_id", ["a" * 65, "a" * 300, "x-" * 40 + "y"])
def test_ingest_id_of_insane_length_exits_2(run_cli, corpus: Path, bad_id: str) -> None:
    result = run_cli(
        ["ingest", str(PAGES / "notes.txt"), "--id", bad_id, "--outlet", "F"], cwd=corpus
    )
    assert result.exit_code == 2
    assert "at most 64 characters" in result.stderr
    assert "Traceback" not in result.output


def test_ingest_id_of_64_characters_is_fine(run_cli, corpus: Path) -> None:
    result = run_cli(
        ["ingest", str(PAGES / "notes.txt"), "--id", "a" * 64, "--outlet", "F"], cwd=corpus
    )
    assert result.exit_code == 0, result.output


def test_a_txt_title_drops_the_byte_order_mark(run_cli, corpus: Path, tmp_path: Path) -> None:
    page = tmp_path / "bom.txt"
    page.write_bytes(b"\xef\xbb\xbfThe Title Line\n\n" + b"word " * 30 + b"\n")
    result = run_cli(["ingest", str(page), "--id", "bom", "--outlet", "F"], cwd=corpus)
    assert result.exit_code == 0, result.output
    assert "title: The Title Line" in result.stdout
    assert "\ufeff" not in result.stdout


# --------------------------------------------------------------------------- narrow terminals


@pytest.mark.parametrize("width", [20, 24, 34, 40, 60])
def test_matrix_fits_the_terminal_or_says_it_is_too_narrow(run_cli, width: int) -> None:
    from rich.cells import cell_len

    result = run_cli(["matrix"], cwd=ROOT, width=width)
    assert result.exit_code == 0
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= width
    if width < 30:
        said = " ".join(result.stdout.split())
        assert f"The terminal is {width} columns wide; the matrix needs at least 31." in said
    else:
        assert "Outlet pairs" in result.stdout


# --------------------------------------------------------------------------- assertions.yaml


@has_fifo
def test_an_assertions_file_that_is_a_fifo_exits_2_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "assertions.yaml")
    result = _compare(["check", "-a", "assertions.yaml"], tmp_path)
    assert result.returncode == 2
    assert "assertions.yaml: is not a regular file" in result.stderr


def test_an_assertions_file_over_the_size_limit_exits_2(tmp_path: Path, run_cli) -> None:
    with open(tmp_path / "assertions.yaml", "wb") as handle:  # sparse: no disk used
        handle.truncate(fileio.MAX_CORPUS_FILE_BYTES + 1)
    result = run_cli(["check"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "assertions.yaml: is too large (256.0 MiB" in result.stderr


def test_an_assertions_file_larger_than_an_article_may_be_is_read(tmp_path: Path, run_cli) -> None:
    # A corpus of thousands of articles has a reading larger than any one article may be.
    comment = b"# " + b"x" * 1000 + b"\n"
    with open(tmp_path / "assertions.yaml", "wb") as handle:
        handle.write(b"version: 1\nsources: {}\ntopics: {}\n")
        handle.write(comment * (fileio.MAX_FILE_BYTES // len(comment) + 10))
    result = run_cli(["check"], cwd=tmp_path)
    assert result.exit_code == 0, result.output


def test_ingest_beside_a_source_whose_file_has_a_nul_byte_is_no_traceback(
    run_cli, corpus: Path
) -> None:
    yaml_path = corpus / "assertions.yaml"
    text = yaml_path.read_text()
    first_file = next(line for line in text.splitlines() if line.strip().startswith("file:"))
    yaml_path.write_text(text.replace(first_file, first_file.split("file:")[0] + 'file: "a\\0b"'))
    result = run_cli(
        ["ingest", str(PAGES / "notes.txt"), "--id", "notes", "--outlet", "F"], cwd=corpus
    )
    assert result.exit_code == 0, result.output
