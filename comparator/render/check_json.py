"""``compare check --format json``: the findings and the summary, for scripts."""

from __future__ import annotations

import json
from typing import IO, Any

from comparator.models import Location, Severity
from comparator.views.check import CheckView


def render(view: CheckView, out: IO[str]) -> None:
    json.dump(document(view), out, indent=2, ensure_ascii=False)
    out.write("\n")


def document(view: CheckView) -> dict[str, Any]:
    """The JSON document as Python data."""
    return {
        "summary": {
            "assertions": view.assertions,
            "quotes": view.quotes,
            "errors": view.count(Severity.ERROR),
            "warnings": view.count(Severity.WARNING),
            "info": view.count(Severity.INFO),
            "suppressed": view.suppressed,
            "text": view.summary,
        },
        "findings": [
            {
                **_location(f.location),
                "severity": f.severity.value,
                "rule": f.rule,
                "message": f.message,
                "detail": list(f.detail),
                "related": [_location(r) for r in f.related],
            }
            for f in (reported.finding for reported in view.findings)
        ],
    }


def _location(loc: Location) -> dict[str, object]:
    page = {"page": loc.page} if loc.page else {}
    return {"file": loc.file, "line": loc.line, "column": loc.column, **page}
