"""The console script's fast path for ``compare TOPIC...`` (comparator/entry.py), pinned
against the typer app it stands in for: the same output bytes and exit code for any command
line, and typer never loaded when the fast path serves it."""

from __future__ import annotations

import gc
import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparator import cli, entry
from comparator.entry import ShowRequest, parse_show
from comparator.models import RESERVED_TOPIC_IDS
from comparator.views import By

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "assertions.yaml")
MINI = str(Path(__file__).resolve().parent / "fixtures" / "mini")


def _run(main: Callable[[list[str]], None], argv: list[str]) -> tuple[int, bytes, bytes]:
    """Run an entry point as the console script would: its exit code, stdout and stderr."""
    out, err = io.BytesIO(), io.BytesIO()
    streams = io.TextIOWrapper(out, encoding="utf-8"), io.TextIOWrapper(err, encoding="utf-8")
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = streams
    code: int | str | None = 0
    try:
        main(argv)
    except SystemExit as exc:
        code = exc.code
    finally:
        sys.stdout, sys.stderr = saved
        gc.unfreeze()  # the entry points pause and freeze the collector for a process
        gc.enable()
    for stream in streams:
        stream.flush()
    return (0 if code is None else int(code)), out.getvalue(), err.getvalue()


_VALUES = {
    "--by": ["outlet", "source", "OUTLET", "article", ""],
    "-c": ["direct-supply", "indirect-arms", "nope", "-x"],
    "--claim": ["direct-supply", "no-claim"],
    "-f": ["text", "markdown", "json", "JSON", "svg", ""],
    "--format": ["json", "markdown"],
    "-a": [SEED, MINI, str(ROOT / "missing.yaml"), "-f"],
    "--assertions": [SEED],
}
_WORDS = [
    "weapons",
    "motive",
    "iran",
    "nope",
    "weapon",
    "check",
    "topics",
    "",
    "-",
    "--",
    "-x",
    "-h",
    "--help",
    "--version",
    "--no-quotes",
    "--context",
    "--by=source",
    f"-a{SEED}",
    f"--assertions={SEED}",
    "-a",
]
#: Words of the forms the fast path serves, drawn more often than the rest so that most
#: command lines are served by it and compared.
_PLAIN = [
    ["weapons"],
    ["iran"],
    ["--no-quotes"],
    ["--context"],
    ["--by", "source"],
    ["--by", "outlet"],
    ["-c", "direct-supply"],
    ["--claim", "indirect-arms"],
    ["-f", "json"],
    ["-f", "markdown"],
    ["--format", "text"],
    ["-a", SEED],
    ["--assertions", SEED],
    ["-a", MINI],
]
_plain = st.sampled_from(_PLAIN)
_option = st.sampled_from(sorted(_VALUES)).flatmap(
    lambda name: st.sampled_from(_VALUES[name]).map(lambda value: [name, value])
)
_odd = st.one_of(_option, st.sampled_from(_WORDS).map(lambda w: [w]))
_argv = st.lists(st.one_of(_plain, _plain, _plain, _odd), max_size=5).map(
    lambda groups: [word for group in groups for word in group]
)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(first=st.sampled_from(["weapons", "weapons", "iran", "nope", "check", "-a"]), rest=_argv)
def test_the_fast_path_answers_every_command_line_as_typer_does(
    monkeypatch: pytest.MonkeyPatch, first: str, rest: list[str]
) -> None:
    monkeypatch.chdir(ROOT)
    argv = [first, *rest]
    assert _run(entry.main, argv) == _run(cli.main, argv), argv


@pytest.mark.parametrize(
    "argv",
    [
        ["weapons"],
        ["weapons", "iran", "--by", "source", "-c", "direct-supply", "--no-quotes"],
        ["weapons", "-f", "json", "--context", "-a", SEED],
        ["iran", "--context"],
        ["weapons", "-f", "markdown", "--assertions", SEED],
        ["nope", "-a", SEED],
        ["weapons", "-a", str(ROOT / "missing.yaml")],
    ],
)
def test_the_plain_forms_are_served_and_agree(
    monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    monkeypatch.chdir(ROOT)
    assert parse_show(argv, {}) is not None
    assert _run(entry.main, argv) == _run(cli.main, argv)


def test_parse_show_reads_what_typer_would() -> None:
    request = parse_show(
        ["weapons", "--by", "source", "iran", "-c", "a", "--claim", "b", "--context", "-a", "x"],
        {},
    )
    assert request == ShowRequest(
        topics=("weapons", "iran"),
        by=By.SOURCE,
        claims=("a", "b"),
        quotes=True,
        context=True,
        fmt="text",
        assertions="x",
    )
    assert parse_show(["weapons", "--no-quotes", "-f", "json"], {}) == ShowRequest(
        topics=("weapons",), quotes=False, fmt="json"
    )


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["check"],
        ["show", "weapons"],
        ["--version"],
        ["weapons", "--help"],
        ["weapons", "--by=source"],
        ["weapons", "--by", "SOURCE"],
        ["weapons", "-f", "svg"],
        ["weapons", "-f", "json", "-f", "text"],
        ["weapons", "--context", "--context"],
        ["weapons", "-a"],
        ["weapons", "-a", ""],
        ["weapons", "-a", "-f"],
        ["weapons", "--", "-x"],
        ["weapons", "--save-svg", "out.svg"],
    ],
)
def test_anything_else_goes_to_typer(argv: list[str]) -> None:
    assert parse_show(argv, {}) is None


def test_shell_completion_goes_to_typer() -> None:
    assert parse_show(["weapons"], {"_COMPARE_COMPLETE": "bash_complete"}) is None


def test_no_command_of_the_app_is_taken_for_a_topic() -> None:
    """A command added to the typer app must be reserved, or the fast path would read
    ``compare NEWCOMMAND`` as a topic."""
    commands = {command.name for command in cli.app.registered_commands}
    assert commands <= RESERVED_TOPIC_IDS


def test_the_warm_view_never_loads_typer(tmp_path: Path) -> None:
    code = (
        "import sys; from comparator.entry import main\n"
        "try:\n    main(['weapons'])\nexcept SystemExit as exc:\n    print('exit', exc.code)\n"
        "print(sorted(m for m in ('typer', 'click') if m in sys.modules))"
    )
    env = {**os.environ, "COMPARE_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "80"}
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert run.stdout.strip().splitlines()[-2:] == ["exit 0", "[]"], run.stdout + run.stderr


def test_the_console_script_pauses_the_collector_before_loading_anything() -> None:
    """Loading compare is most of a warm view: the collector is paused before it starts, and
    the script's own module loads nothing of compare."""
    code = (
        "import gc, sys\n"
        "import comparator.script\n"
        "print(sorted(m for m in sys.modules if m.startswith('comparator.')))\n"
        "class Probe:\n"
        "    @staticmethod\n"
        "    def main(argv):\n"
        "        print('collector', gc.isenabled(), argv)\n"
        "sys.modules['comparator.entry'] = Probe\n"
        "comparator.script.main(['weapons'])\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert run.stdout.splitlines() == ["['comparator.script']", "collector False ['weapons']"], (
        run.stdout + run.stderr
    )
