"""How long ``compare suggest`` takes against a full ``compare check`` of the same corpus.

Both run as fresh subprocesses of the ``compare`` next to this Python, interleaved in one loop
(check, then suggest for each of a few topic and source pairs); each figure is the median of
``--repeat`` rounds. Wall time and CPU time (user + system, from ``os.wait4``) are both given;
the target is judged on CPU time, which a machine busy with other work barely moves. The corpus
is the benchmark's (``bench/generate.py``, seed 1), made once under ``--cache``. The target of
issue 15: suggest at most a fifth of check.

    python bench/suggest_speed.py [--articles 2000] [--repeat 5] [--cache DIR] [--src TREE]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import GENERATOR_VERSION, generate  # noqa: E402

TARGET = 0.2


def _corpus(cache: Path, size: int) -> Path:
    folder = cache / f"n{size}-seed1-damaged0-v{GENERATOR_VERSION}"
    if not (folder / "stats.json").is_file():
        shutil.rmtree(folder, ignore_errors=True)
        print(f"generating {size} articles in {folder}", file=sys.stderr)
        stats = generate(folder, size, seed=1, damaged=0.0).as_dict()
        (folder / "stats.json").write_text(json.dumps(stats))
    return folder


def _time(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of ``argv``. On a machine shared
    with other work the CPU time of a one-threaded command barely moves, the wall time does."""
    start = time.perf_counter()
    child = subprocess.Popen(
        argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    child.stderr.close()
    if child.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed: {errors.decode()}")
    return elapsed, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=HERE / "results" / "corpora")
    parser.add_argument(
        "--src", type=Path, help="run the comparator package of this tree (e.g. an older commit)"
    )
    args = parser.parse_args()
    folder = _corpus(args.cache, args.articles)
    compare = [str(Path(sys.executable).with_name("compare"))]
    extra_env = {}
    if args.src is not None:
        compare = [sys.executable, "-m", "comparator"]
        extra_env["PYTHONPATH"] = str(args.src.resolve())
    yaml_path = str(folder / "assertions.yaml")
    sources = sorted(p.stem for p in (folder / "seeds").glob("*.txt"))
    pairs = [
        ("weapons", sources[1]),
        ("motive", sources[len(sources) // 2]),
        ("china", sources[-1]),
    ]
    with tempfile.TemporaryDirectory() as cache_dir:
        env = {**os.environ, **extra_env, "COMPARE_CACHE_DIR": cache_dir, "NO_COLOR": "1"}
        check_times: list[tuple[float, float]] = []
        suggest_times: list[tuple[float, float]] = []
        for round_ in range(args.repeat + 1):  # the first round warms the disk cache
            # In the corpus folder: "python -m comparator" would import a comparator/ below
            # the working folder (this tree's) before the one --src names.
            check = _time([*compare, "check", "-a", yaml_path], env, folder)
            suggest = [
                _time([*compare, "suggest", t, "--source", s, "-a", yaml_path], env, folder)
                for t, s in pairs
            ]
            if round_:
                check_times.append(check)
                suggest_times.extend(suggest)
    print(f"{args.articles} articles, {args.repeat} interleaved rounds, medians (min-max)")
    ratios = {}
    for index, kind in enumerate(("wall", "CPU")):
        checks = [t[index] for t in check_times]
        suggests = [t[index] for t in suggest_times]
        ratios[kind] = statistics.median(suggests) / statistics.median(checks)
        print(
            f"  {kind:4}  check {statistics.median(checks):6.2f} s ({min(checks):.2f}-"
            f"{max(checks):.2f})  suggest {statistics.median(suggests):6.2f} s "
            f"({min(suggests):.2f}-{max(suggests):.2f})  suggest/check {ratios[kind]:.3f}"
        )
    verdict = "PASS" if ratios["CPU"] <= TARGET else "FAIL"
    print(f"  target: suggest/check <= {TARGET} (CPU): {verdict}")
    return 0 if ratios["CPU"] <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
