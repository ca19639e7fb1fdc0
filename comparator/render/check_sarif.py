"""``compare check --format sarif``: SARIF 2.1.0, for code-scanning dashboards."""

from __future__ import annotations

import json
from typing import IO

from comparator import __version__
from comparator.check import RULES, CheckResult
from comparator.models import Location, Severity

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _physical(loc: Location) -> dict[str, object]:
    physical: dict[str, object] = {"artifactLocation": {"uri": loc.file}}
    if loc.line > 0:
        physical["region"] = {"startLine": loc.line, "startColumn": max(loc.column, 1)}
    return {"physicalLocation": physical}


def render(result: CheckResult, out: IO[str]) -> None:
    rule_ids = list(RULES)
    results = []
    for finding in result.findings:
        text = finding.message
        if finding.detail:
            text += "\n" + "\n".join(finding.detail)
        entry: dict[str, object] = {
            "ruleId": finding.rule,
            "level": LEVELS[finding.severity],
            "message": {"text": text},
            "locations": [_physical(finding.location)],
        }
        if finding.rule in RULES:
            entry["ruleIndex"] = rule_ids.index(finding.rule)
        if finding.related:
            entry["relatedLocations"] = [
                {"id": i, **_physical(r)} for i, r in enumerate(finding.related)
            ]
        results.append(entry)
    document = {
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
                                "id": rule,
                                "shortDescription": {"text": text},
                                "defaultConfiguration": {"level": LEVELS[severity]},
                            }
                            for rule, (severity, text) in RULES.items()
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
