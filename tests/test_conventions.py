"""What a shell, a terminal, an editor and an installer expect of compare (issue 17): a broken
pipe, FORCE_COLOR, the schema's path, shell completion, the distribution's name."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from fnmatch import fnmatch
from pathlib import Path

import pytest

from tests.conftest import ROOT

MINI = ROOT / "tests" / "fixtures" / "mini"


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", **extra}
    env.pop("GITHUB_ACTIONS", None)
    return env


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
@pytest.mark.parametrize(
    "args",
    [
        ["weapons"],
        ["weapons", "--format", "json"],
        ["report"],
        ["check"],
        ["check", "-a", "tests/cases/quote-not-found"],
        ["check", "-a", "tests/cases/quote-not-found", "--format", "sarif"],
        ["schema", "--print"],
    ],
    ids=lambda args: " ".join(args),
)
def test_a_reader_that_goes_away_is_a_broken_pipe_not_findings(args: list[str]) -> None:
    """``compare X | head``: the reader closes the pipe; compare exits 141 (128 + SIGPIPE) as
    a shell expects, with nothing on stderr, whatever its output would have been."""
    process = subprocess.Popen(
        [sys.executable, "-m", "comparator", *args],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # before compare writes a byte
    error = process.stderr.read()
    assert process.wait(timeout=60) == 141
    assert error == b""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell")
@pytest.mark.parametrize("reader", ["head -c 0", "true"])
def test_compare_piped_into_a_reader_that_exits_gives_141_in_a_shell(reader: str) -> None:
    """The reader exits before compare has started up, so compare's first write finds the
    pipe closed, whatever the size of its output and the load of the machine."""
    script = f'{sys.executable} -m comparator report | {reader}; echo "status=${{PIPESTATUS[0]}}"'
    done = subprocess.run(
        ["bash", "-c", script], cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "status=141"
    assert done.stderr == ""


@pytest.mark.parametrize(("value", "coloured"), [("0", False), ("false", False), ("1", True)])
def test_force_color_0_does_not_force_colour(run_cli, value: str, coloured: bool) -> None:
    env = {"NO_COLOR": "", "TERM": "xterm-256color", "FORCE_COLOR": value}
    result = run_cli(["weapons"], cwd=MINI, env=env)
    assert result.exit_code == 0
    assert ("\x1b[" in result.output) is coloured


def test_schema_prints_where_the_packaged_schema_is(run_cli, tmp_path: Path) -> None:
    result = run_cli(["schema"], cwd=tmp_path)  # no corpus needed
    assert result.exit_code == 0
    path = Path(result.stdout.strip())
    assert path.is_absolute() and path.name == "assertions.schema.json"
    assert json.loads(path.read_text(encoding="utf-8"))["type"] == "object"


def test_schema_print_prints_the_schema(run_cli, tmp_path: Path) -> None:
    result = run_cli(["schema", "--print"], cwd=tmp_path)
    assert result.exit_code == 0
    shipped = ROOT / "comparator" / "schema" / "assertions.schema.json"
    assert json.loads(result.stdout) == json.loads(shipped.read_text(encoding="utf-8"))


def test_schema_is_a_word_no_topic_may_take(tmp_path: Path, run_cli) -> None:
    from tests.test_hostile import VALID, corpus_with

    text = VALID.replace("  weapons:\n", "  schema:\n")
    corpus_with(tmp_path, text.format(quote="Allegations that Russia transferred weapons"))
    result = run_cli(["check"], cwd=tmp_path)
    assert result.exit_code == 1
    assert "'schema'" in result.output


def test_shell_completion_is_offered(run_cli) -> None:
    result = run_cli(["--help"])
    assert "--install-completion" in result.output and "--show-completion" in result.output
    completed = subprocess.run(
        [sys.executable, "-m", "comparator"],
        cwd=ROOT,
        env=_env(_COMPARE_COMPLETE="complete_bash", COMP_WORDS="compare che", COMP_CWORD="1"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.stdout.split() == ["check"]


def test_the_distribution_is_not_named_after_someone_elses_package() -> None:
    """``comparator`` on the public index is an unrelated package: installing it by that name
    would install someone else's code."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["name"] == "compare-claims"
    assert project["project"]["scripts"] == {"compare": "comparator.script:main"}
    from comparator.ingest import INSTALL_HINT

    assert "compare-claims[ingest]" in INSTALL_HINT


def test_every_subpackage_is_packaged() -> None:
    """A wheel holds only the packages pyproject.toml lists: one left out works in an editable
    install and is missing from a real one."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = project["tool"]["setuptools"]["packages"]["find"]["include"]
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "comparator").rglob("__init__.py")
    }
    assert "comparator.views" in found
    assert {name for name in found if any(fnmatch(name, p) for p in patterns)} == found


def test_the_completion_options_are_compares_not_shows(run_cli) -> None:
    """``compare --show-completion`` is not ``compare show --show-completion``: the options of
    compare itself are never taken for a topic."""
    shown = subprocess.run(
        [sys.executable, "-m", "comparator", "--show-completion", "bash"],
        cwd=ROOT,
        env=_env(SHELL="/bin/bash"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shown.returncode == 0, shown.stderr
    assert "_compare_completion" in shown.stdout and "complete_bash" in shown.stdout
