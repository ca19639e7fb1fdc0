"""The benchmark's synthetic corpus is a fair one: clean where it should be, damaged where asked.

Benchmark numbers mean something only if the generated corpus is what an analyst would keep:
every quote found exactly once, no warning, and with ``damaged`` the damaged quotes reported
as not found, nothing else. No timings here; those live in bench/.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from generate import generate


def test_a_generated_corpus_passes_compare_check_with_nothing_to_report(
    tmp_path: Path, run_cli
) -> None:
    stats = generate(tmp_path, 4, seed=3)
    result = run_cli(["check", "-a", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (
        f"{stats.assertions} assertions, {stats.quotes} quotes checked: 0 errors, "
        "0 warnings, 0 info"
    ) in result.output


def test_damaged_quotes_are_exactly_the_findings(tmp_path: Path, run_cli) -> None:
    stats = generate(tmp_path, 4, seed=3, damaged=0.5)
    result = run_cli(["check", "-a", str(tmp_path)])
    assert result.exit_code == 1
    assert stats.damaged > 0
    assert result.output.count(" error quote-not-found ") == stats.damaged
    assert f"{stats.damaged} errors" in result.output


@pytest.mark.parametrize("damaged", [0.0, 0.2])
def test_the_same_seed_gives_the_same_corpus(tmp_path: Path, damaged: float) -> None:
    generate(tmp_path / "a", 3, seed=9, damaged=damaged)
    generate(tmp_path / "b", 3, seed=9, damaged=damaged)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.*"))
    assert files
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_damage_leaves_the_texts_alone(tmp_path: Path) -> None:
    generate(tmp_path / "clean", 3, seed=2)
    generate(tmp_path / "damaged", 3, seed=2, damaged=0.3)
    clean = sorted((tmp_path / "clean" / "seeds").iterdir())
    assert [p.read_bytes() for p in clean] == [
        (tmp_path / "damaged" / "seeds" / p.name).read_bytes() for p in clean
    ]
