"""Output formats, one module each, chosen from a registry whose keys are the ``--format``
choices.

The registry names modules as strings so that choosing a format imports only that format's
module (and rich only when the format needs it). Every renderer takes its view's model and a
stream, and only serialises the model: ``Renderer[M]``.
"""

from __future__ import annotations

import importlib
from typing import IO, TYPE_CHECKING, Any, Literal, Protocol, TypeVar, cast, overload

from comparator.errors import UsageError

if TYPE_CHECKING:
    from comparator.authoring import AddResult
    from comparator.fixing import FixPlan
    from comparator.ingest import IngestResult
    from comparator.scaffold import InitResult
    from comparator.suggest import SuggestResult
    from comparator.views.check import CheckView
    from comparator.views.diff import DiffView
    from comparator.views.listing import SourcesView, TopicsView
    from comparator.views.matrix import MatrixView
    from comparator.views.report import ReportView
    from comparator.views.show import ShowView
    from comparator.views.voices import VoicesView

M = TypeVar("M", contravariant=True)


class Renderer(Protocol[M]):
    """Writes a view's model to a stream in one format."""

    def __call__(self, model: M, out: IO[str], /) -> None: ...


#: view -> format -> "module:function"; the first format of a view is its default.
REGISTRY: dict[str, dict[str, str]] = {
    "check": {
        "text": "comparator.render.check_text:render",
        "github": "comparator.render.check_github:render",
        "json": "comparator.render.check_json:render",
        "sarif": "comparator.render.check_sarif:render",
    },
    "show": {
        "text": "comparator.render.show_text:render",
        "markdown": "comparator.render.show_markdown:render",
        "json": "comparator.render.show_json:render",
    },
    "topics": {
        "text": "comparator.render.listing_text:render_topics",
        "markdown": "comparator.render.listing_markdown:render_topics",
        "json": "comparator.render.listing_json:render_topics",
    },
    "sources": {
        "text": "comparator.render.listing_text:render_sources",
        "markdown": "comparator.render.listing_markdown:render_sources",
        "json": "comparator.render.listing_json:render_sources",
    },
    "matrix": {
        "text": "comparator.render.matrix_text:render",
        "markdown": "comparator.render.matrix_markdown:render",
        "json": "comparator.render.matrix_json:render",
    },
    "diff": {
        "text": "comparator.render.diff_text:render",
        "markdown": "comparator.render.diff_markdown:render",
        "json": "comparator.render.diff_json:render",
    },
    "report": {
        "markdown": "comparator.render.report_markdown:render",
        "json": "comparator.render.report_json:render",
    },
    "voices": {
        "text": "comparator.render.voices_text:render",
        "markdown": "comparator.render.voices_markdown:render",
        "json": "comparator.render.voices_json:render",
    },
    "suggest": {
        "text": "comparator.render.suggest_text:render",
        "json": "comparator.render.suggest_json:render",
    },
    "ingest": {
        "text": "comparator.render.ingest_text:render",
        "json": "comparator.render.ingest_json:render",
    },
    "init": {"text": "comparator.render.init_text:render"},
    "add": {"text": "comparator.render.add_text:render"},
    # ``check --fix`` and ``--diff``: the diff and the notes are printed apart (see fix_text).
    "fix-diff": {"text": "comparator.render.fix_text:render_diff"},
    "fix-notes": {"text": "comparator.render.fix_text:render_notes"},
}


def formats(view: str) -> list[str]:
    """The formats a view can be rendered in, in registry order."""
    return list(REGISTRY.get(view, {}))


@overload
def get(view: Literal["show"], fmt: str) -> Renderer[ShowView]: ...
@overload
def get(view: Literal["topics"], fmt: str) -> Renderer[TopicsView]: ...
@overload
def get(view: Literal["sources"], fmt: str) -> Renderer[SourcesView]: ...
@overload
def get(view: Literal["matrix"], fmt: str) -> Renderer[MatrixView]: ...
@overload
def get(view: Literal["report"], fmt: str) -> Renderer[ReportView]: ...
@overload
def get(view: Literal["diff"], fmt: str) -> Renderer[DiffView]: ...
@overload
def get(view: Literal["voices"], fmt: str) -> Renderer[VoicesView]: ...
@overload
def get(view: Literal["check"], fmt: str) -> Renderer[CheckView]: ...
@overload
def get(view: Literal["suggest"], fmt: str) -> Renderer[SuggestResult]: ...
@overload
def get(view: Literal["ingest"], fmt: str) -> Renderer[IngestResult]: ...
@overload
def get(view: Literal["init"], fmt: str) -> Renderer[InitResult]: ...
@overload
def get(view: Literal["add"], fmt: str) -> Renderer[AddResult]: ...
@overload
def get(view: Literal["fix-diff", "fix-notes"], fmt: str) -> Renderer[FixPlan]: ...


def get(view: str, fmt: str) -> Renderer[Any]:
    """The render function for a view in a format; a clear error for an unknown format."""
    target = REGISTRY.get(view, {}).get(fmt)
    if target is None:
        raise UsageError(
            f"'{fmt}' is not a format of {view}; choose one of: {', '.join(formats(view))}"
        )
    module_name, _, function = target.partition(":")
    return cast("Renderer[Any]", getattr(importlib.import_module(module_name), function))
