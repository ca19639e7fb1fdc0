"""``compare ingest --format json``: what ingest did and the entry it made, for scripts.

``{"id", "page", "kind" ("html"|"pdf"|"text"), "file", "sha256", "bytes", "lines", "pages"
(a PDF's page count, else 0), "text_action" ("written"|"replaced"|"unchanged"), "metadata":
{"title", "authors", "published", "site", "url"}, "entry", "assertions": {"file", "written",
"line"}, "notes"}``; metadata the page does not give is null (authors: []).
"""

from __future__ import annotations

import json
from typing import IO

from comparator.ingest import IngestResult


def render(result: IngestResult, out: IO[str]) -> None:
    meta = result.metadata
    document = {
        "id": result.source_id,
        "page": result.page,
        "kind": result.kind,
        "file": result.file,
        "sha256": result.sha256,
        "bytes": result.size,
        "lines": result.lines,
        "pages": result.pages,
        "text_action": result.text_action,
        "metadata": {
            "title": meta.title,
            "authors": list(meta.authors),
            "published": meta.published,
            "site": meta.site,
            "url": meta.url,
        },
        "entry": result.entry.replace("\r\n", "\n"),
        "assertions": {
            "file": result.yaml_path,
            "written": bool(result.yaml_line),
            "line": result.yaml_line or None,
        },
        "notes": list(result.notes),
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
