"""``compare check`` on case folders: each a small broken corpus and the findings it must give.

A case folder holds ``assertions.yaml``, ``seeds/``, ``expected.txt`` (the exact text output)
and ``expected-exit``; an optional ``args`` file adds command-line arguments.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CASES

CASE_DIRS = sorted(p for p in CASES.iterdir() if (p / "assertions.yaml").is_file())


@pytest.mark.parametrize("case", CASE_DIRS, ids=[p.name for p in CASE_DIRS])
def test_check_case(case: Path, run_cli) -> None:
    extra = (case / "args").read_text().split() if (case / "args").exists() else []
    result = run_cli(["check", *extra], cwd=case)
    assert result.stdout == (case / "expected.txt").read_text(encoding="utf-8")
    assert result.exit_code == int((case / "expected-exit").read_text())


def test_every_rule_has_a_case() -> None:
    """Each rule of DESIGN.md is shown failing in a case folder of its own name."""
    from comparator.rules import RULES

    covered = {p.name for p in CASE_DIRS}
    for rule in RULES:
        if rule in {"source-unreadable"}:  # covered by the hostile-input tests
            continue
        assert any(name == rule or name.startswith(rule + "-") for name in covered), rule
