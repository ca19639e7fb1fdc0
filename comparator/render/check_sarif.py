"""``compare check --format sarif``: SARIF 2.1.0, for code-scanning dashboards."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

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


def artifact_uri(file: str) -> str:
    """A file as SARIF wants it, an RFC 3986 URI reference: a relative path stays relative
    (to the folder compare ran in, as every path it shows), with '/' between folders and
    every other character but the unreserved ones percent-encoded as UTF-8 (a space, '%',
    ',', a line break, a non-ASCII letter); an absolute path becomes a ``file:`` URI. A byte
    that is not UTF-8 in a POSIX file name is encoded as the byte it is."""
    if os.path.isabs(file):
        return Path(file).as_uri()
    if os.sep != "/":
        file = file.replace(os.sep, "/")
    return quote(file, safe="/", errors="surrogateescape")


def _physical(loc: Location) -> dict[str, object]:
    physical: dict[str, object] = {"artifactLocation": {"uri": artifact_uri(loc.file)}}
    if loc.line > 0:
        physical["region"] = {"startLine": loc.line, "startColumn": max(loc.column, 1)}
    # SARIF has no pages: a place in a paged article carries its page in the property bag.
    return {
        "physicalLocation": physical,
        **({"properties": {"page": loc.page}} if loc.page else {}),
    }


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
