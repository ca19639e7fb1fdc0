"""Output formats, one module each, chosen from a registry.

The registry names modules as strings so that choosing a format imports only that format's
module (and rich only when the format needs it).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from comparator.errors import UsageError

if TYPE_CHECKING:
    from comparator.check import CheckResult
    from comparator.compare import TopicComparison


@dataclass(frozen=True)
class ViewOptions:
    """What the command line asked of a view; each renderer uses the fields it needs."""

    by: str = "outlet"
    claims: frozenset[str] = frozenset()
    quotes: bool = True
    save_svg: Path | None = None
    save_html: Path | None = None
    #: ``compare diff``: the two parties, as (name, kind, source ids).
    parties: tuple[tuple[str, str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class RenderContext:
    """Everything a renderer may show: the verified corpus and the comparisons asked for."""

    result: CheckResult
    comparisons: tuple[TopicComparison, ...] = ()
    options: ViewOptions = field(default_factory=ViewOptions)


#: (view, format) -> "module:function"
REGISTRY: dict[tuple[str, str], str] = {
    ("check", "text"): "comparator.render.check_text:render",
    ("check", "github"): "comparator.render.check_github:render",
    ("check", "json"): "comparator.render.check_json:render",
    ("check", "sarif"): "comparator.render.check_sarif:render",
    ("show", "text"): "comparator.render.show_text:render",
    ("show", "markdown"): "comparator.render.show_markdown:render",
    ("show", "json"): "comparator.render.show_json:render",
    ("topics", "text"): "comparator.render.listing_text:render_topics",
    ("topics", "markdown"): "comparator.render.listing_markdown:render_topics",
    ("topics", "json"): "comparator.render.listing_json:render_topics",
    ("sources", "text"): "comparator.render.listing_text:render_sources",
    ("sources", "markdown"): "comparator.render.listing_markdown:render_sources",
    ("sources", "json"): "comparator.render.listing_json:render_sources",
    ("matrix", "text"): "comparator.render.matrix_text:render",
    ("matrix", "markdown"): "comparator.render.matrix_markdown:render",
    ("matrix", "json"): "comparator.render.matrix_json:render",
    ("diff", "text"): "comparator.render.diff_text:render",
    ("diff", "markdown"): "comparator.render.diff_markdown:render",
    ("diff", "json"): "comparator.render.diff_json:render",
    ("report", "markdown"): "comparator.render.report_markdown:render",
    ("report", "json"): "comparator.render.report_json:render",
    ("suggest", "text"): "comparator.render.suggest_text:render",
    ("suggest", "json"): "comparator.render.suggest_json:render",
    ("ingest", "text"): "comparator.render.ingest_text:render",
    ("ingest", "json"): "comparator.render.ingest_json:render",
}


def formats(view: str) -> list[str]:
    """The formats a view can be rendered in, in registry order."""
    return [fmt for (v, fmt) in REGISTRY if v == view]


def get(view: str, fmt: str) -> Callable[..., Any]:
    """The render function for a view in a format; a clear error for an unknown format."""
    target = REGISTRY.get((view, fmt))
    if target is None:
        raise UsageError(
            f"'{fmt}' is not a format of {view}; choose one of: {', '.join(formats(view))}"
        )
    module_name, _, function = target.partition(":")
    return getattr(importlib.import_module(module_name), function)  # type: ignore[no-any-return]
