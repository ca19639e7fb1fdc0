"""The entry point of the console script: ``compare TOPIC...`` without typer, anything else by it.

``compare TOPIC...`` on an unchanged corpus is the command people run most, and the cache
makes its own work small: loading typer and click, and building the typer app, is then about
a quarter of its run (BENCHMARKS.md). So this entry point reads the few plain forms of that
command itself (``parse_show``), exactly as the typer app reads them, and runs them without
importing typer. Everything else, another command, ``--help``, an option it does not know, a
form it is not sure of (``--by=source``, ``-aFILE``, ``--``, an upper-case choice...), goes to
the typer app in ``comparator.cli`` untouched. tests/test_entry.py pins the two against each
other: for generated command lines, the same output bytes and the same exit code.

The rest of the CLI's edge that needs no typer lives here too, for both paths: the error
message and its exit code, a reader that went away, the GitHub Actions fence, the collector.
"""

from __future__ import annotations

import contextlib
import gc
import os
import stat
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from comparator import render
from comparator.errors import CompareError, CorpusInvalidError, ExitCode
from comparator.models import RESERVED_TOPIC_IDS
from comparator.views import By

#: The values of ``--by`` and ``--format`` this path takes, as typed (typer also takes them in
#: any case; those forms go to typer).
_BY = {member.value: member for member in By}
_FORMATS = frozenset(render.formats("show"))
#: Options that take a value, by every spelling this path reads, and the one flag each sets.
_VALUED = {
    "-a": "assertions",
    "--assertions": "assertions",
    "--by": "by",
    "-c": "claim",
    "--claim": "claim",
    "-f": "format",
    "--format": "format",
}
_FLAGS = {"--no-quotes": "no_quotes", "--context": "context"}


@dataclass(frozen=True, slots=True)
class ShowRequest:
    """``compare TOPIC...`` as the command line gave it, with typer's defaults."""

    topics: tuple[str, ...]
    by: By = By.OUTLET
    claims: tuple[str, ...] = ()
    quotes: bool = True
    context: bool = False
    fmt: str = "text"
    assertions: str | None = None


def parse_show(args: Sequence[str], environ: Mapping[str, str]) -> ShowRequest | None:
    """The request when ``args`` is a plain ``compare TOPIC...`` this path can serve, else None
    (typer then reads it).

    Served: topics that do not start with ``-`` (the first also not a command), and the
    options ``-a/--assertions FILE``, ``--by outlet|source``, ``-c/--claim CLAIM`` (repeated),
    ``-f/--format text|markdown|json``, ``--no-quotes`` and ``--context``, each value a separate
    word that does not start with ``-``, and each option but ``--claim`` given at most once.
    Never served: shell completion (typer answers it from its environment variable) and
    Windows, where click expands wildcards in the arguments first.
    """
    if not args or args[0].startswith("-") or args[0] in RESERVED_TOPIC_IDS:
        return None
    if os.name == "nt" or any(name.startswith("_COMPARE_COMPLETE") for name in environ):
        return None
    topics: list[str] = []
    claims: list[str] = []
    values: dict[str, str] = {}
    flags: set[str] = set()
    words = iter(args)
    for word in words:
        if not word.startswith("-"):
            topics.append(word)
            continue
        if word in _FLAGS:
            if _FLAGS[word] in flags:
                return None
            flags.add(_FLAGS[word])
            continue
        name = _VALUED.get(word)
        value = next(words, None)
        if name is None or not value or value.startswith("-"):
            return None
        if name == "claim":
            claims.append(value)
        elif name in values:
            return None
        else:
            values[name] = value
    by = _BY.get(values.get("by", By.OUTLET.value))
    fmt = values.get("format", "text")
    if by is None or fmt not in _FORMATS:
        return None
    return ShowRequest(
        topics=tuple(topics),
        by=by,
        claims=tuple(claims),
        quotes="no_quotes" not in flags,
        context="context" in flags,
        fmt=fmt,
        assertions=values.get("assertions"),
    )


def run_show(request: ShowRequest) -> None:
    """What ``compare show`` does without ``--save-svg``/``--save-html`` (cli.show)."""
    # Imported here, not at the top: every other command goes to typer and needs none of them.
    from comparator.compare import compare_all
    from comparator.views.show import build_show
    from comparator.workflow import corpus_of, open_corpus, resolve_claims, resolve_topics

    result = open_corpus(None if request.assertions is None else Path(request.assertions))
    corpus = corpus_of(result)
    chosen = resolve_topics(corpus, request.topics)
    claims = resolve_claims(chosen, request.claims)
    comparisons = compare_all(corpus, result.anchors, [t.id for t in chosen])
    model = build_show(
        comparisons, by=request.by, claims=claims, quotes=request.quotes, context=request.context
    )
    with workflow_fence("show", request.fmt, sys.stdout):
        render.get("show", request.fmt)(model, sys.stdout)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: ``compare TOPIC...`` here, everything else by typer."""
    request = parse_show(sys.argv[1:] if argv is None else argv, os.environ)
    if request is None:
        from comparator.cli import main as typer_main

        typer_main(argv)
        return
    prepare_streams()
    pause_collector()
    try:
        code = _at_edge(request)
    except BrokenPipeError:
        quiet_stdout()
        code = ExitCode.BROKEN_PIPE
    except KeyboardInterrupt:
        code = ExitCode.INTERRUPTED
    finally:
        before_exit()
    sys.exit(code)


def _at_edge(request: ShowRequest) -> int:
    """Run the request; the core's errors become a message and their exit code, as cli._edge
    does for every typer command."""
    try:
        try:
            run_show(request)
        finally:
            # Flushed here, not at exit: a reader that went away is then seen here.
            sys.stdout.flush()
    except CompareError as exc:
        report_error(exc)
        return exc.exit_code
    except BrokenPipeError:
        quiet_stdout()
        return ExitCode.BROKEN_PIPE
    return ExitCode.OK


# --------------------------------------------------------------------------- the edge


def prepare_streams() -> None:
    """Article text is full of curly quotes and dashes: on a terminal that cannot encode them,
    show an escape instead of crashing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def report_error(exc: CompareError) -> None:
    """The message of a core error on stderr: what went wrong, the findings behind it, and
    how to fix it, every piece of corpus text made visible on one line."""
    from comparator.safetext import visible

    lines = [f"compare: error: {visible(exc.message, one_line=True)}"]
    if isinstance(exc, CorpusInvalidError):
        shown = exc.findings[:20]
        for finding in shown:
            lines.append(f"  {visible(str(finding), one_line=True)}")
        if len(exc.findings) > len(shown):
            lines.append(f"  ... and {len(exc.findings) - len(shown)} more")
    if exc.hint:
        lines.append(f"hint: {visible(exc.hint, one_line=True)}")
    sys.stderr.write("\n".join(lines) + "\n")


def quiet_stdout() -> None:
    """The reader of stdout (head, less) went away: exit as a shell expects for a broken pipe
    (128 + SIGPIPE), with nothing on stderr; whatever is still buffered goes nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


#: Formats whose every line starts with JSON punctuation or a quoted string, never with
#: ``::``: they are data for programs (``| jq``, a SARIF upload) and are never fenced.
DATA_FORMATS = frozenset({"json", "sarif"})


@contextlib.contextmanager
def workflow_fence(view: str, fmt: str, stream: IO[str]) -> Iterator[None]:
    """In GitHub Actions, stop the runner from reading workflow commands in the output.

    The runner takes every line of a step's output that starts with ``::`` as a command
    (``::error``, ``::add-mask::``...). Corpus data can start a line so, by a line break in a
    YAML value or a label wrapped at a narrow width, so under ``GITHUB_ACTIONS=true`` the
    output on stdout is fenced with ``::stop-commands::TOKEN`` ... ``::TOKEN::``, a fresh random
    token each run that no corpus can guess. Not fenced: ``check --format github``, whose
    commands are the point; JSON and SARIF (see ``DATA_FORMATS``); and stdout redirected to
    a regular file, which no runner reads (``>> $GITHUB_STEP_SUMMARY`` stays plain markdown).
    """
    if (
        os.environ.get("GITHUB_ACTIONS") != "true"
        or (view == "check" and fmt == "github")
        or fmt in DATA_FORMATS
        or stream is not sys.stdout
        or is_regular_file(stream)
    ):
        yield
        return
    token = os.urandom(16).hex()
    stream.write(f"::stop-commands::{token}\n")
    try:
        yield
    except BrokenPipeError:
        raise  # no one is reading any more
    except BaseException:
        stream.write(f"::{token}::\n")
        raise
    stream.write(f"::{token}::\n")


def is_regular_file(stream: IO[str]) -> bool:
    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is an OSError
        return False


def pause_collector() -> None:
    """Keep the cyclic garbage collector out of a command's run.

    Loading and verifying a corpus builds hundreds of thousands of small records that hold no
    cycles: each of the collector's passes over them (triggered every few hundred allocations)
    frees nothing and costs a share of ``compare check`` (measured in BENCHMARKS.md). A command
    is a short process whose memory is bounded by the benchmark's targets, so the collector is
    paused once, here, for the whole run; reference counting still frees everything that is not
    in a cycle. Only the console script does this, never the library.
    """
    gc.disable()


def before_exit() -> None:
    """Spare the interpreter's exit a sweep over every object typer and rich created.

    At exit Python runs the cyclic garbage collector over everything still alive, several
    times: with typer, click and rich loaded that is a fifth of the run of ``compare weapons``
    (measured in BENCHMARKS.md). Freezing moves them out of the collector's sight; they are
    still freed as the interpreter tears its modules down. Nothing depends on the collector by
    then: every file compare writes is closed by its ``with`` block, and the interpreter flushes
    stdout and stderr itself. Only the console script does this: a program that calls ``app``
    itself keeps its collector as it was.
    """
    gc.freeze()
