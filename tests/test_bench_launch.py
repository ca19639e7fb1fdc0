"""The benchmark's launcher stops a command that runs past its time limit and measures what
it printed: a view that grows with the square of the corpus must not hang the benchmark."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

LAUNCH = Path(__file__).resolve().parent.parent / "bench" / "launch.py"


def _launch(*argv: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, str(LAUNCH), *argv], capture_output=True, text=True, check=True
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_a_command_past_its_time_limit_is_killed_and_reported() -> None:
    got = _launch("--timeout", "0.5", sys.executable, "-c", "import time; time.sleep(60)")
    assert got["timed_out"] is True
    assert got["code"] == -9
    assert 0.5 <= float(got["seconds"]) < 30  # type: ignore[arg-type]


def test_a_command_within_its_limit_reports_its_exit_code_and_output_size() -> None:
    got = _launch("--timeout", "60", sys.executable, "-c", "print('x' * 999); raise SystemExit(3)")
    assert got == {**got, "timed_out": False, "code": 3, "out_bytes": 1000}
    assert int(got["rss_kb"]) > 0  # type: ignore[call-overload]
