"""The command line: parse options, call the core, render. Nothing else lives here.

``compare TOPIC...`` is the main view; a first word that is not a command is taken as a topic.
Every error the core raises is turned into a message and an exit code at this edge only.
"""

import functools
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, TypeAlias, TypeVar, cast

import typer
from typer.core import TyperGroup

from comparator import __version__, render
from comparator.entry import before_exit, pause_collector, prepare_streams, report_error
from comparator.entry import quiet_stdout as _quiet_stdout
from comparator.entry import workflow_fence as _workflow_fence
from comparator.errors import CompareError, ExitCode, UsageError
from comparator.views import By

F = TypeVar("F", bound=Callable[..., Any])


class TopicFirstGroup(TyperGroup):
    """A command group where ``compare weapons`` means ``compare show weapons``."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not self._group_option(ctx, args[0]):
            args = ["show", *args]
        return super().parse_args(ctx, args)

    def _group_option(self, ctx: Any, arg: str) -> bool:
        """Whether ``arg`` is an option of compare itself (--help, --version, the shell
        completion options), not of ``show``."""
        name = arg.split("=", 1)[0]
        return any(name in param.opts for param in self.get_params(ctx))

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)


class FailLevel(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


app = typer.Typer(
    cls=TopicFirstGroup,
    name="compare",
    help="Show where articles agree and contradict, topic by topic, every position backed by "
    "a verbatim quote found in the article text.\n\n"
    "compare TOPIC... shows the sources side by side (the same as compare show TOPIC...).",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

AssertionsOption = Annotated[
    Path | None,
    typer.Option(
        "--assertions",
        "-a",
        metavar="FILE",
        help="The corpus file (default: $COMPARE_ASSERTIONS, else assertions.yaml in "
        "this folder or the nearest one above).",
        dir_okay=True,
        show_default=False,
    ),
]


def _format_choices(view: str) -> type[Enum]:
    """The ``--format`` choices of a view: the registry's formats, as the closed set typer
    lists in ``--help`` and matches case-insensitively."""
    make: Any = Enum  # the functional API, with a name made at run time
    return cast(
        "type[Enum]", make(f"{view.title()}Format", {f: f for f in render.formats(view)}, type=str)
    )


if TYPE_CHECKING:
    from comparator.models import Corpus

if TYPE_CHECKING:  # made at run time; to a type checker, any Enum
    ShowFormat: TypeAlias = Enum
    TopicsFormat: TypeAlias = Enum
    SourcesFormat: TypeAlias = Enum
    MatrixFormat: TypeAlias = Enum
    DiffFormat: TypeAlias = Enum
    ReportFormat: TypeAlias = Enum
    CheckFormat: TypeAlias = Enum
    SuggestFormat: TypeAlias = Enum
    IngestFormat: TypeAlias = Enum
    VoicesFormat: TypeAlias = Enum
else:
    ShowFormat = _format_choices("show")
    TopicsFormat = _format_choices("topics")
    SourcesFormat = _format_choices("sources")
    MatrixFormat = _format_choices("matrix")
    DiffFormat = _format_choices("diff")
    ReportFormat = _format_choices("report")
    CheckFormat = _format_choices("check")
    SuggestFormat = _format_choices("suggest")
    IngestFormat = _format_choices("ingest")
    VoicesFormat = _format_choices("voices")


def _format_option(help_text: str = "Output format.", *, show_default: bool = True) -> Any:
    return typer.Option(
        "--format", "-f", help=help_text, case_sensitive=False, show_default=show_default
    )


def _pairs_option() -> Any:
    return typer.Option(
        "--pairs",
        help="Under each relation (shown by outlet, with its count), list every pair of "
        "articles as well. JSON always lists them.",
    )


def _save_option(name: str, what: str) -> Any:
    return typer.Option(
        f"--save-{name}",
        metavar="FILE",
        help=f"Also save the text view as {what}.",
        show_default=False,
    )


SaveSvgOption = Annotated[Path | None, _save_option("svg", "SVG")]
SaveHtmlOption = Annotated[Path | None, _save_option("html", "HTML")]
ForceOption = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Write the output even over a file the corpus reads (assertions.yaml, an article).",
    ),
]


def _edge(function: F) -> F:
    """Turn the core's errors into a message on stderr and the error's exit code."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            try:
                return function(*args, **kwargs)
            finally:
                # Flushed here, not at exit: a reader that went away is then seen here.
                sys.stdout.flush()
        except CompareError as exc:
            report_error(exc)
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:
            # Caught before typer's own handler, which would exit 1 ("findings").
            _quiet_stdout()
            raise typer.Exit(ExitCode.BROKEN_PIPE) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"compare {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """compare: who says what, and where they clash, with the evidence one look away."""


def _check_save(fmt: str, save_svg: Path | None, save_html: Path | None) -> None:
    """A picture is of the text view only: say so before any work is done."""
    if (save_svg is not None or save_html is not None) and fmt != "text":
        raise UsageError(
            f"--save-svg and --save-html keep a picture of the text view; they "
            f"do not apply to --format {fmt}",
            hint="drop --format, or redirect the output to a file instead",
        )
    if save_svg is not None and save_html is not None and _same_file(save_svg, save_html):
        raise UsageError(
            f"--save-svg and --save-html name the same file ({save_svg}); the second picture "
            "would replace the first",
            hint="give each picture a file of its own",
        )


def _same_file(first: Path, second: Path) -> bool:
    """Whether two output paths lead to one file (a link, ``..`` or the same name)."""
    try:
        return first.resolve() == second.resolve() or first.samefile(second)
    except OSError:
        return False


def _refuse_saving_over_corpus(
    corpus: "Corpus", save_svg: Path | None, save_html: Path | None, force: bool
) -> None:
    """Refuse, before anything is written, a picture saved over a file the corpus reads."""
    if save_svg is None and save_html is None:
        return
    from comparator.workflow import refuse_overwriting_corpus

    outputs = {"--save-svg": save_svg, "--save-html": save_html}
    refuse_overwriting_corpus(corpus, outputs, force=force)


def _render(
    view: str,
    fmt: str,
    model: Any,
    *,
    save_svg: Path | None = None,
    save_html: Path | None = None,
    title: str = "",
    out: IO[str] | None = None,
) -> None:
    """Render the model to stdout (or ``out``); with ``save_svg``/``save_html`` also keep a
    picture of the text view, written atomically, each file announced on stderr."""
    renderer = render.get(view, fmt)  # type: ignore[call-overload]
    stream = sys.stdout if out is None else out
    if save_svg is None and save_html is None:
        with _workflow_fence(view, fmt, stream):
            renderer(model, stream)
        return
    from comparator.console import recording
    from comparator.fileio import atomic_write
    from comparator.safetext import visible_path

    with recording() as picture, _workflow_fence(view, fmt, stream):
        renderer(model, stream)
    # Atomically for a file, as a stream for a device, a FIFO or - (see atomic_writer).
    if save_svg is not None:
        atomic_write(save_svg, picture.export_svg(title=title))
        sys.stderr.write(f"wrote {visible_path(save_svg)}\n")
    if save_html is not None:
        atomic_write(save_html, picture.export_html())
        sys.stderr.write(f"wrote {visible_path(save_html)}\n")


@app.command("show")
@_edge
def show(
    topics: Annotated[
        list[str], typer.Argument(metavar="TOPIC...", help="Topic ids to show.", show_default=False)
    ],
    by: Annotated[
        By, typer.Option("--by", help="One column per outlet or per article.", case_sensitive=False)
    ] = By.OUTLET,
    claim: Annotated[
        list[str] | None,
        typer.Option(
            "--claim",
            "-c",
            metavar="CLAIM",
            help="Show only this claim (repeatable).",
            show_default=False,
        ),
    ] = None,
    no_quotes: Annotated[
        bool, typer.Option("--no-quotes", help="Compact view: stances and summaries only.")
    ] = False,
    context: Annotated[
        bool,
        typer.Option(
            "--context",
            help="Show each quote in its whole sentence, the quoted words marked «like this».",
        ),
    ] = False,
    pairs: Annotated[bool, _pairs_option()] = False,
    fmt: Annotated[ShowFormat, _format_option()] = ShowFormat("text"),  # noqa: B008 (an Enum member)
    save_svg: SaveSvgOption = None,
    save_html: SaveHtmlOption = None,
    force: ForceOption = False,
    assertions: AssertionsOption = None,
) -> None:
    """Sources side by side for each claim of TOPIC: stance, summary and quote with file:line."""
    from comparator.compare import compare_all
    from comparator.views.show import build_show
    from comparator.workflow import corpus_of, open_corpus, resolve_claims, resolve_topics

    _check_save(fmt.value, save_svg, save_html)
    result = open_corpus(assertions)
    corpus = corpus_of(result)
    _refuse_saving_over_corpus(corpus, save_svg, save_html, force)
    chosen = resolve_topics(corpus, topics)
    claims = resolve_claims(chosen, claim or [])
    comparisons = compare_all(corpus, result.anchors, [t.id for t in chosen])
    model = build_show(
        comparisons, by=by, claims=claims, quotes=not no_quotes, context=context, pairs=pairs
    )
    title = "compare " + " ".join(c.topic.id for c in comparisons)
    _render("show", fmt.value, model, save_svg=save_svg, save_html=save_html, title=title)


def _corpus_view(
    view: str, fmt: Enum, assertions: Path | None, *, force: bool = False, **save: Any
) -> None:
    """A view of the whole corpus: topics, sources or matrix."""
    from comparator.compare import compare_all
    from comparator.views.listing import build_sources, build_topics
    from comparator.views.matrix import build_matrix
    from comparator.workflow import corpus_of, open_corpus

    result = open_corpus(assertions)
    corpus = corpus_of(result)
    _refuse_saving_over_corpus(corpus, save.get("save_svg"), save.get("save_html"), force)
    comparisons = compare_all(corpus, result.anchors)
    model: Any
    if view == "topics":
        model = build_topics(comparisons, corpus.sources)
    elif view == "sources":
        model = build_sources(comparisons, corpus.sources, corpus.outlets)
    else:
        model = build_matrix(comparisons, corpus.sources, corpus.outlets)
    _render(view, fmt.value, model, title=f"compare {view}", **save)


@app.command("topics")
@_edge
def topics_command(
    fmt: Annotated[TopicsFormat, _format_option()] = TopicsFormat("text"),  # noqa: B008 (an Enum member)
    assertions: AssertionsOption = None,
) -> None:
    """The topics of the corpus, with their claims, coverage and verdicts."""
    _corpus_view("topics", fmt, assertions)


@app.command("sources")
@_edge
def sources_command(
    fmt: Annotated[SourcesFormat, _format_option()] = SourcesFormat("text"),  # noqa: B008 (an Enum member)
    assertions: AssertionsOption = None,
) -> None:
    """The articles of the corpus, by outlet, with how many topics each covers."""
    _corpus_view("sources", fmt, assertions)


@app.command("matrix")
@_edge
def matrix_command(
    fmt: Annotated[MatrixFormat, _format_option()] = MatrixFormat("text"),  # noqa: B008 (an Enum member)
    save_svg: SaveSvgOption = None,
    save_html: SaveHtmlOption = None,
    force: ForceOption = False,
    assertions: AssertionsOption = None,
) -> None:
    """Topics x outlets stance grid, and how often each pair of outlets agrees or contradicts."""
    _check_save(fmt.value, save_svg, save_html)
    _corpus_view("matrix", fmt, assertions, force=force, save_svg=save_svg, save_html=save_html)


@app.command("voices")
@_edge
def voices_command(
    voice: Annotated[
        str | None,
        typer.Argument(
            metavar="[VOICE]",
            help="One voice id (default: every reported voice).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[VoicesFormat, _format_option()] = VoicesFormat("text"),  # noqa: B008 (an Enum member)
    assertions: AssertionsOption = None,
) -> None:
    """Every voice the articles report: on which claims, by which articles, with what stance
    and treatment (endorses, relays, questions), beside each article's own stance."""
    from comparator.compare import compare_all
    from comparator.views.voices import build_voices
    from comparator.workflow import corpus_of, open_corpus

    result = open_corpus(assertions)
    corpus = corpus_of(result)
    model = build_voices(compare_all(corpus, result.anchors), corpus.voices, voice)
    _render("voices", fmt.value, model)


@app.command("diff")
@_edge
def diff_command(
    first: Annotated[str, typer.Argument(metavar="A", help="An outlet label or a source id.")],
    second: Annotated[str, typer.Argument(metavar="B", help="An outlet label or a source id.")],
    all_pairs: Annotated[
        bool,
        typer.Option(
            "--all-pairs",
            help="Word-diff every pair of articles on each claim, not a representative few "
            "(JSON always lists every pair).",
        ),
    ] = False,
    fmt: Annotated[DiffFormat, _format_option()] = DiffFormat("text"),  # noqa: B008 (an Enum member)
    save_svg: SaveSvgOption = None,
    save_html: SaveHtmlOption = None,
    force: ForceOption = False,
    assertions: AssertionsOption = None,
) -> None:
    """Where two outlets or sources agree and contradict, claim by claim, with a word diff."""
    from comparator.compare import compare_all
    from comparator.views.diff import build_diff_view
    from comparator.workflow import corpus_of, open_corpus, resolve_party

    _check_save(fmt.value, save_svg, save_html)
    result = open_corpus(assertions)
    corpus = corpus_of(result)
    _refuse_saving_over_corpus(corpus, save_svg, save_html, force)
    a, b = (resolve_party(corpus, name) for name in (first, second))
    comparisons = compare_all(corpus, result.anchors)
    model = build_diff_view(comparisons, a, b, corpus.sources, all_pairs=all_pairs)
    title = f"compare diff {first} {second}"
    _render("diff", fmt.value, model, save_svg=save_svg, save_html=save_html, title=title)


@app.command("report")
@_edge
def report_command(
    topics: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[TOPIC]...", help="Topics to report (default: all).", show_default=False
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report to FILE (atomically; a device, a FIFO or - as a stream) "
            "instead of stdout.",
            show_default=False,
        ),
    ] = None,
    pairs: Annotated[bool, _pairs_option()] = False,
    fmt: Annotated[ReportFormat, _format_option()] = ReportFormat("markdown"),  # noqa: B008 (an Enum member)
    force: ForceOption = False,
    assertions: AssertionsOption = None,
) -> None:
    """The markdown report (GitHub-flavoured): sources, summary grid, contradictions, evidence."""
    from comparator.compare import compare_all
    from comparator.fileio import atomic_writer
    from comparator.views.report import build_report
    from comparator.workflow import (
        corpus_of,
        open_corpus,
        refuse_overwriting_corpus,
        resolve_topics,
    )

    result = open_corpus(assertions)
    corpus = corpus_of(result)
    if output is not None:
        refuse_overwriting_corpus(corpus, {"-o": output}, force=force)
    chosen = resolve_topics(corpus, topics) if topics else list(corpus.topics)
    comparisons = compare_all(corpus, result.anchors, [t.id for t in chosen])
    model = build_report(result, comparisons, pairs=pairs)
    if output is None or str(output) == "-":
        _render("report", fmt.value, model)
        return
    from comparator.safetext import visible_path

    with atomic_writer(output) as handle:
        _render("report", fmt.value, model, out=handle)
    sys.stderr.write(f"wrote {visible_path(output)}\n")


@app.command("check")
@_edge
def check_command(
    fmt: Annotated[
        CheckFormat | None,
        _format_option(
            "Output format (default: github when GITHUB_ACTIONS=true, else text).",
            show_default=False,
        ),
    ] = None,
    fail_level: Annotated[
        FailLevel,
        typer.Option(
            "--fail-level",
            case_sensitive=False,
            help="Exit 1 when a finding is at this severity or above.",
        ),
    ] = FailLevel.error,
    assertions: AssertionsOption = None,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Re-pin a changed text's sha256 when all its quotes still anchor, and copy the "
            "article's exact words over a quote that differs only in case or hyphenation (in a "
            "text unchanged since it was pinned); print the diff, then check the fixed file.",
        ),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="Print the diff --fix would make and change nothing (exit 1 if there is one).",
        ),
    ] = False,
) -> None:
    """The CI gate: every quote found verbatim, every reference valid, every pair reviewed."""
    from comparator.check import verify
    from comparator.loader import find_assertions, load_corpus
    from comparator.models import Severity
    from comparator.views.check import build_check_view

    path = find_assertions(assertions)
    if diff or fix:
        _fix(path, fmt.value if fmt is not None else None, dry_run=diff)
    loaded = load_corpus(path)
    view = build_check_view(verify(loaded.corpus, loaded.findings), Severity(fail_level.value))
    if fmt is None:
        github = os.environ.get("GITHUB_ACTIONS") == "true"
        fmt = CheckFormat("github" if github else "text")
    _render("check", fmt.value, view)
    raise typer.Exit(view.exit_code)


def _fix(path: Path, fmt: str | None, *, dry_run: bool) -> None:
    """``check --fix``: fix the file and report it (on stdout before the text check, on stderr
    beside a format for programs); ``--diff``: the diff alone on stdout, and exit."""
    from comparator.fixing import fix_file

    if dry_run and fmt not in (None, "text"):
        raise UsageError(
            f"--diff prints a unified diff; it has no --format {fmt}",
            hint="drop --format, or use --fix --format " + fmt + " (the diff then goes to stderr)",
        )
    plan = fix_file(path, write=not dry_run)
    if dry_run:
        _render("fix-diff", "text", plan)
        _render("fix-notes", "text", plan, out=sys.stderr)
        raise typer.Exit(ExitCode.FINDINGS if plan.fixes else ExitCode.OK)
    stream = sys.stdout if fmt in (None, "text") else sys.stderr
    _render("fix-diff", "text", plan, out=stream)
    _render("fix-notes", "text", plan, out=stream)


@app.command("ingest")
@_edge
def ingest_command(
    page: Annotated[
        Path,
        typer.Argument(
            metavar="PAGE",
            show_default=False,
            help="A saved web page (.html), a PDF report (.pdf) or a text (.txt).",
        ),
    ],
    source_id: Annotated[
        str,
        typer.Option(
            "--id",
            metavar="ID",
            show_default=False,
            help="The new source's id (a lowercase slug); the text goes to seeds/ID.txt.",
        ),
    ],
    outlet: Annotated[
        str,
        typer.Option(
            "--outlet", metavar="LABEL", show_default=False, help="The outlet label it belongs to."
        ),
    ],
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            metavar="TEXT",
            show_default=False,
            help="The title, when the page's own is wrong or missing.",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace an existing seeds/ID.txt that holds other text."),
    ] = False,
    write: Annotated[
        bool,
        typer.Option(
            "--write", help="Also add the entry to assertions.yaml (nothing else in it changes)."
        ),
    ] = False,
    fmt: Annotated[IngestFormat, _format_option()] = IngestFormat("text"),  # noqa: B008 (an Enum member)
    assertions: AssertionsOption = None,
) -> None:
    """Turn a saved page into seeds/ID.txt and print its source entry (reading HTML needs the
    optional 'ingest' extra, reading PDF the 'pdf' extra; a PDF's text keeps its pages)."""
    from comparator.ingest import ingest
    from comparator.loader import find_assertions

    result = ingest(
        page, source_id, outlet, find_assertions(assertions), title=title, force=force, write=write
    )
    _render("ingest", fmt.value, result)


@app.command("suggest")
@_edge
def suggest_command(
    topic: Annotated[
        str, typer.Argument(metavar="TOPIC", show_default=False, help="The topic id.")
    ],
    source_id: Annotated[
        str,
        typer.Option(
            "--source",
            "-s",
            metavar="ID",
            show_default=False,
            help="The source whose text to search.",
        ),
    ],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=50, help="How many sentences to show.")
    ] = 5,
    fmt: Annotated[SuggestFormat, _format_option()] = SuggestFormat("text"),  # noqa: B008 (an Enum member)
    assertions: AssertionsOption = None,
) -> None:
    """The sentences of a source most likely to bear on TOPIC, each with file:line, the
    claim it bears on and why, and the 'compare add' line that records it."""
    from comparator.suggest import run_suggest

    _render("suggest", fmt.value, run_suggest(assertions, topic, source_id, limit=limit))


@app.command("init")
@_edge
def init_command(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="[DIR]",
            help="The folder of the new corpus (made if need be).",
            show_default=False,
        ),
    ] = Path("."),
) -> None:
    """Start a corpus of your own: assertions.yaml, seeds/, a README, and compare check wired
    into GitHub Actions and pre-commit. Refuses a folder that already holds a corpus."""
    from comparator.scaffold import init_corpus

    _render("init", "text", init_corpus(folder))


def _text_option(name: str, help_text: str, metavar: str = "TEXT") -> Any:
    return typer.Option(name, metavar=metavar, help=help_text, show_default=False)


@app.command("add")
@_edge
def add_command(
    topic: Annotated[
        str, typer.Argument(metavar="TOPIC", show_default=False, help="The topic id.")
    ],
    source: Annotated[
        str | None, _text_option("--source", "The source (article) id.", "SOURCE")
    ] = None,
    claim: Annotated[str | None, _text_option("--claim", "The claim id.", "CLAIM")] = None,
    stance: Annotated[
        str | None,
        _text_option(
            "--stance",
            "The article's own stance: affirms|suggests|neutral|doubts|denies.",
            "STANCE",
        ),
    ] = None,
    quote: Annotated[
        list[str] | None,
        _text_option("--quote", "A verbatim passage for the stance (repeatable)."),
    ] = None,
    summary: Annotated[
        str | None, _text_option("--summary", "The article's point in a sentence.")
    ] = None,
    assertion_id: Annotated[
        str | None,
        _text_option("--id", "The new assertion's id (default TOPIC-SOURCE-CLAIM).", "ID"),
    ] = None,
    report_voice: Annotated[
        str | None, _text_option("--report-voice", "Whose claim the article reports.", "VOICE")
    ] = None,
    report_stance: Annotated[
        str | None,
        _text_option("--report-stance", "That voice's stance toward the claim.", "STANCE"),
    ] = None,
    report_treatment: Annotated[
        str | None,
        _text_option(
            "--report-treatment",
            "How the article handles it: endorses|relays|questions.",
            "TREATMENT",
        ),
    ] = None,
    report_quote: Annotated[
        list[str] | None,
        _text_option("--report-quote", "A verbatim passage that reports it (repeatable)."),
    ] = None,
    voice_name: Annotated[
        str | None, _text_option("--voice-name", "Add the report's voice with this name.", "NAME")
    ] = None,
    voice_role: Annotated[
        str | None, _text_option("--voice-role", "The new voice's role.", "ROLE")
    ] = None,
    voice_kind: Annotated[
        str | None,
        _text_option("--voice-kind", "official|government|group|expert|media|other.", "KIND"),
    ] = None,
    silent: Annotated[
        bool, typer.Option("--silent", help="Record that the article says nothing on TOPIC.")
    ] = False,
    reason: Annotated[
        str | None, _text_option("--reason", "Why it is silent (with --silent).")
    ] = None,
    claim_text: Annotated[
        str | None, _text_option("--claim-text", "Add CLAIM to the topic with this text.")
    ] = None,
    title: Annotated[
        str | None, _text_option("--title", "Start TOPIC with this title (with --question).")
    ] = None,
    question: Annotated[str | None, _text_option("--question", "The new topic's question.")] = None,
    keyword: Annotated[
        list[str] | None,
        _text_option("--keyword", "A new topic's keyword (repeatable).", "WORD"),
    ] = None,
    assertions: AssertionsOption = None,
) -> None:
    """Add to assertions.yaml what you read: a position with its quotes, a report in another
    voice, a silent source, a claim or a topic. Every quote is checked against the article
    first; nothing else in the file changes."""
    from comparator.authoring import AddRequest, add
    from comparator.loader import find_assertions

    request = AddRequest(
        topic=topic,
        source=source,
        claim=claim,
        stance=stance,
        quotes=tuple(quote or ()),
        summary=summary,
        assertion_id=assertion_id,
        report_voice=report_voice,
        report_stance=report_stance,
        report_treatment=report_treatment,
        report_quotes=tuple(report_quote or ()),
        voice_name=voice_name,
        voice_role=voice_role,
        voice_kind=voice_kind,
        silent=silent,
        reason=reason,
        claim_text=claim_text,
        title=title,
        question=question,
        keywords=tuple(keyword or ()),
    )
    result = add(request, find_assertions(assertions))
    _render("add", "text", result)
    if not result.written:
        raise typer.Exit(ExitCode.FINDINGS)


@app.command("schema")
@_edge
def schema_command(
    print_schema: Annotated[
        bool,
        typer.Option("--print", help="Print the schema itself instead of where it is."),
    ] = False,
) -> None:
    """Where the JSON Schema of assertions.yaml is installed, for editors.

    A corpus kept in its own repository starts its assertions.yaml with the line
    '# yaml-language-server: $schema=PATH', PATH as this command prints it.
    """
    from comparator.schema import SCHEMA_PATH

    if print_schema:
        sys.stdout.write(SCHEMA_PATH.read_text(encoding="utf-8"))
    else:
        from comparator.safetext import visible_path

        sys.stdout.write(visible_path(SCHEMA_PATH) + "\n")


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    prepare_streams()
    pause_collector()
    try:
        app(args=argv, prog_name="compare")
    except BrokenPipeError:
        # The reader (head, less) went away outside a command: not worth a traceback either.
        _quiet_stdout()
        sys.exit(ExitCode.BROKEN_PIPE)
    except KeyboardInterrupt:
        sys.exit(ExitCode.INTERRUPTED)
    finally:
        before_exit()
