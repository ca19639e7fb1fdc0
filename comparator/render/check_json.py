"""``compare check --format json``: the findings and the summary, for scripts."""

from __future__ import annotations

import json
from typing import IO

from comparator.check import CheckResult
from comparator.models import Location, Severity


def _location(loc: Location) -> dict[str, object]:
    return {"file": loc.file, "line": loc.line, "column": loc.column}


def render(result: CheckResult, out: IO[str]) -> None:
    document = {
        "summary": {
            "assertions": result.assertions,
            "quotes": result.quotes,
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "info": result.count(Severity.INFO),
            "suppressed": result.suppressed,
            "text": result.summary(),
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
            for f in result.findings
        ],
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
