"""``compare check --format sarif``: SARIF 2.1.0, for code-scanning dashboards."""

from __future__ import annotations

import json
from typing import IO, Any

from comparator import __version__
from comparator.models import Location, Severity
from comparator.views.check import CheckView, ReportedFinding

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(view: CheckView, out: IO[str]) -> None:
    json.dump(document(view), out, indent=2, ensure_ascii=False)
    out.write("\n")


def document(view: CheckView) -> dict[str, Any]:
    """The SARIF log as Python data."""
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "compare",
                        "version": __version__,
                        "rules": [
                            {
                                "id": rule.id,
                                "shortDescription": {"text": rule.description},
                                "defaultConfiguration": {"level": LEVELS[rule.severity]},
                            }
                            for rule in view.rules
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(reported) for reported in view.findings],
            }
        ],
    }


def _physical(loc: Location) -> dict[str, object]:
    physical: dict[str, object] = {"artifactLocation": {"uri": loc.file}}
    if loc.line > 0:
        physical["region"] = {"startLine": loc.line, "startColumn": max(loc.column, 1)}
    return {"physicalLocation": physical}


def _result(reported: ReportedFinding) -> dict[str, object]:
    finding = reported.finding
    text = finding.message
    if finding.detail:
        text += "\n" + "\n".join(finding.detail)
    entry: dict[str, object] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [_physical(finding.location)],
    }
    if reported.rule_index is not None:
        entry["ruleIndex"] = reported.rule_index
    if finding.related:
        entry["relatedLocations"] = [
            {"id": i, **_physical(r)} for i, r in enumerate(finding.related)
        ]
    return entry
