"""Warnings that catch a careless reading (issue: authoring lints).

Each lint returns (finding, assertion or None) pairs, so an assertion's ``ignore`` entries can
suppress its own findings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from comparator.models import Assertion, Corpus, Finding, QuoteAnchor

if TYPE_CHECKING:
    from comparator.texts import ArticleText


def lint_findings(corpus: Corpus, texts: Mapping[str, ArticleText],
                  anchors: Mapping[tuple[str, int], QuoteAnchor]
                  ) -> list[tuple[Finding, Assertion | None]]:
    """Every lint's findings; none are defined yet."""
    return []
