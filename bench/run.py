"""Benchmark ``compare``: start-up, ``compare check`` at growing corpus sizes, views, memory.

Every command runs as a fresh subprocess through the ``compare`` console script, which is what
users run, interleaved with its baseline in the same loop so a ratio holds on a noisy machine.
Each figure is the median of ``--repeat`` runs, with the spread (min, max). Peak memory is the
child's own ``ru_maxrss`` from ``os.wait4``. The corpora come from ``bench/generate.py`` with a
fixed seed and are cached under ``bench/results/corpora``.

    python bench/run.py                      # the full run (sizes 500, 1000, 2000)
    python bench/run.py --quick              # a smoke run: small sizes, 3 repeats

Prints a table with PASS/FAIL per target and writes it as JSON (``--out``). Exit status 1 when
a target fails, 2 when a command could not be run. Stdlib only.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import GENERATOR_VERSION, generate  # noqa: E402
from hostile import HOSTILE_VERSION, write_hostile_corpus  # noqa: E402

#: The targets of issue 6, each a ratio from one run.
STARTUP_MAX = 10.0  # compare weapons / python -c pass
CHECK_MAX = 3.0  # compare check / floor, at every size
CHECK_DAMAGED_MAX = 5.0  # the same with damaged quotes
DOUBLING_MAX = 2.2  # time at 2N / time at N
#: compare check on the hostile corpus (bench/hostile.py: quotes of 1,000 and 4,000 words and
#: of 1 MB, a short quote over 2 MB of one repeated word) / the same articles with quotes that
#: are found: what the near-miss search may cost, whatever the quotes are.
HOSTILE_MAX = 6.0
MEMORY_FACTOR = 3.0  # peak RSS above the interpreter's own, per byte of corpus text

#: The Python that runs bench/launch.py (set in main: the one the compare script uses).
LAUNCHER_PYTHON = sys.executable


# --------------------------------------------------------------------------- running


@dataclass
class Run:
    seconds: float
    rss_kb: int
    code: int


@dataclass
class Series:
    """Repeated runs of one command."""

    name: str
    argv: list[str]
    runs: list[Run] = field(default_factory=list)
    expect: tuple[int, ...] = (0,)
    error: str = ""
    #: Variables set for this command only (COMPARE_NO_CACHE, COMPARE_CACHE_DIR).
    env: dict[str, str] = field(default_factory=dict)
    #: A folder emptied before every run: the cache of a command measured on a cache miss.
    fresh: Path | None = None

    @property
    def times(self) -> list[float]:
        return [r.seconds for r in self.runs]

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def rss_mb(self) -> float:
        return max(r.rss_kb for r in self.runs) / 1024

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"name": self.name, "argv": [_shown(a) for a in self.argv]}
        if self.env:
            out["env"] = {k: _shown(v) for k, v in self.env.items()}
        if self.error:
            out["error"] = self.error
        if self.runs:
            times = self.times
            out.update(
                median_s=round(self.median, 4),
                min_s=round(min(times), 4),
                max_s=round(max(times), 4),
                times_s=[round(t, 4) for t in times],
                peak_rss_mb=round(self.rss_mb, 1),
            )
        return out


def _shown(arg: str) -> str:
    for base, name in ((str(ROOT), "."), (tempfile.gettempdir(), "$TMP")):
        if arg.startswith(base):
            return name + arg[len(base) :]
    return arg


def run_once(argv: list[str], env: dict[str, str], series: Series | None = None) -> tuple[Run, str]:
    """One fresh process, started by bench/launch.py: wall time, its own peak RSS, exit code."""
    if series is not None:
        env = {**env, **series.env}
        if series.fresh is not None:
            shutil.rmtree(series.fresh, ignore_errors=True)
    with tempfile.TemporaryFile() as err:
        done = subprocess.run(
            [LAUNCHER_PYTHON, str(HERE / "launch.py"), *argv],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=err,
            env=env,
            cwd=ROOT,
            check=True,
        )
        err.seek(0)
        tail = err.read()[-2000:].decode("utf-8", "replace")
    got = json.loads(done.stdout)
    return Run(got["seconds"], got["rss_kb"], got["code"]), tail


def measure(groups: list[Series], repeat: int, env: dict[str, str], warmup: bool = True) -> None:
    """Run each series ``repeat`` times, interleaved, rotating the order on every round."""
    if warmup:
        for series in groups:
            _, tail = _checked(series, env)
            if series.error:
                print(f"  ! {series.name}: {series.error}", file=sys.stderr)
    live = [s for s in groups if not s.error]
    for round_ in range(repeat):
        shift = round_ % max(1, len(live))
        for series in live[shift:] + live[:shift]:
            run, tail = run_once(series.argv, env, series)
            if run.code not in series.expect:
                series.error = f"exit {run.code}: {tail.strip()[-500:]}"
                break
            series.runs.append(run)
        print(".", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)


def _checked(series: Series, env: dict[str, str]) -> tuple[Run, str]:
    run, tail = run_once(series.argv, env, series)
    if run.code not in series.expect:
        series.error = (
            f"exit {run.code} (expected {'/'.join(map(str, series.expect))}): {tail.strip()[-500:]}"
        )
    return run, tail


# --------------------------------------------------------------------------- setup


def find_compare(explicit: str | None) -> Path:
    """The ``compare`` console script: next to this Python, else on PATH."""
    candidates = (
        [explicit]
        if explicit
        else [str(Path(sys.executable).parent / "compare"), shutil.which("compare")]
    )
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    sys.exit(
        "bench: no 'compare' script next to this Python or on PATH; install the package "
        "(pip install -e .) or pass --compare"
    )


def interpreter_of(script: Path) -> str:
    """The Python a console script runs with (its shebang), so baselines use the same one."""
    with script.open("rb") as handle:
        first = handle.readline().decode("utf-8", "replace").strip()
    if first.startswith("#!"):
        candidate = first[2:].strip().split()[0]
        if Path(candidate).is_file():
            return candidate
    return sys.executable


#: The console script pip writes for ``compare = "comparator.script:main"`` (pyproject.toml).
PIP_SCRIPT = """# -*- coding: utf-8 -*-
import re
import sys
from comparator.script import main
if __name__ == "__main__":
    sys.argv[0] = re.sub(r"(-script\\.pyw|\\.exe)?$", "", sys.argv[0])
    sys.exit(main())
"""


def plain_install(python: str, where: Path) -> tuple[str, str] | None:
    """A venv where this checkout and the packages of ``python``'s environment are plain
    sys.path entries, with the console script pip would write: start-up as a regular install
    has it. (An editable install's finder imports pathlib and more in every process of its
    venv, ``python -c pass`` included, which flatters the start-up ratio.)"""
    venv = where / "plain-venv"
    try:
        if not (venv / "bin" / "python").exists():
            subprocess.run(
                [python, "-m", "venv", "--without-pip", str(venv)], check=True, capture_output=True
            )
        plain_python = str(venv / "bin" / "python")
        probe = ["-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]

        def purelib(py: str) -> Path:
            return Path(
                subprocess.run(
                    [py, *probe], check=True, capture_output=True, text=True
                ).stdout.strip()
            )

        (purelib(plain_python) / "compare_bench.pth").write_text(f"{ROOT}\n{purelib(python)}\n")
        script = venv / "bin" / "compare"
        script.write_text(f"#!{plain_python}\n{PIP_SCRIPT}")
        script.chmod(0o755)
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"  ! no plain install for the start-up measurement: {exc}", file=sys.stderr)
        return None
    return plain_python, str(script)


def corpus(cache: Path, size: int, seed: int, damaged: float) -> tuple[Path, dict[str, int]]:
    """A generated corpus, from the cache when the same generator made it."""
    folder = cache / f"n{size}-seed{seed}-damaged{damaged:g}-v{GENERATOR_VERSION}"
    marker = folder / "stats.json"
    if marker.is_file():
        return folder, json.loads(marker.read_text())
    if folder.exists():
        shutil.rmtree(folder)
    print(
        f"  generating {size} articles (damaged {damaged:g}) in {_shown(str(folder))}",
        file=sys.stderr,
    )
    stats = generate(folder, size, seed=seed, damaged=damaged).as_dict()
    marker.write_text(json.dumps(stats))
    return folder, stats


def hostile_corpus(cache: Path, ordinary: bool) -> Path:
    """The hostile corpus of bench/hostile.py (or its ordinary twin), made once."""
    folder = cache / f"hostile{'-ordinary' if ordinary else ''}-v{HOSTILE_VERSION}"
    if not (folder / "assertions.yaml").is_file():
        shutil.rmtree(folder, ignore_errors=True)
        write_hostile_corpus(folder, ordinary=ordinary)
    return folder


def corpus_bytes(folder: Path) -> int:
    """What the command reads: assertions.yaml and every article text."""
    return (folder / "assertions.yaml").stat().st_size + sum(
        p.stat().st_size for p in (folder / "seeds").iterdir() if p.is_file()
    )


def machine(python: str) -> dict[str, object]:
    info: dict[str, object] = {"platform": platform.platform(), "nproc": os.cpu_count()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        info["memory_gb"] = round(int(mem) / 1024 / 1024, 1)
    except OSError:
        pass
    probe = (
        "import json, platform, importlib.metadata as m\n"
        "def v(p):\n"
        "    try:\n"
        "        return m.version(p)\n"
        "    except m.PackageNotFoundError:\n"
        "        return None\n"
        "import yaml\n"
        "print(json.dumps({'python': platform.python_version(),\n"
        "                  'yaml_c_loader': hasattr(yaml, 'CSafeLoader'),\n"
        "                  'packages': {p: v(p) for p in ('typer', 'click', 'rich',\n"
        "                               'PyYAML', 'comparator')}}))"
    )
    out = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=True)
    info.update(json.loads(out.stdout))
    return info


# --------------------------------------------------------------------------- the run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="500,1000,2000",
        help="corpus sizes in articles, comma-separated (default 500,1000,2000)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per command")
    parser.add_argument(
        "--damaged",
        type=float,
        default=0.05,
        help="share of damaged quotes in the damaged corpora (default 0.05)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a smoke run: sizes 100,200, 3 repeats (targets still judged)",
    )
    parser.add_argument("--out", type=Path, default=HERE / "results" / "latest.json")
    parser.add_argument("--cache", type=Path, default=HERE / "results" / "corpora")
    parser.add_argument("--compare", help="path of the compare script (default: next to python)")
    parser.add_argument(
        "--views-size",
        type=int,
        default=0,
        help="corpus size for report and matrix (default: the largest size)",
    )
    parser.add_argument(
        "--markdown",
        type=Path,
        metavar="JSON",
        help="print the tables of a results file as markdown (for BENCHMARKS.md) and exit",
    )
    args = parser.parse_args()
    if args.markdown:
        print(markdown(json.loads(args.markdown.read_text())))
        return 0
    sizes = [100, 200] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    repeat = 3 if args.quick else args.repeat
    sizes.sort()

    compare = str(find_compare(args.compare))
    python = interpreter_of(Path(compare))
    global LAUNCHER_PYTHON
    LAUNCHER_PYTHON = python
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("GITHUB_ACTIONS", "COMPARE_ASSERTIONS", "FORCE_COLOR", "COMPARE_NO_CACHE")
    }
    # The views' cache of verified corpora lives here, emptied at the start: the untimed
    # warm-up run of each view fills it, as a user's first run does, and the timed runs are
    # the runs that follow. Series marked "no cache" run without it, "cache miss" with an
    # empty one every time (verify, then write the entry).
    cache_dir = args.out.parent / "cache"
    shutil.rmtree(cache_dir, ignore_errors=True)
    env.update(NO_COLOR="1", COLUMNS="100", COMPARE_CACHE_DIR=str(cache_dir))
    no_cache = {"COMPARE_NO_CACHE": "1"}
    miss_dir = args.out.parent / "cache-miss"
    miss = {"COMPARE_CACHE_DIR": str(miss_dir)}
    # Users run compiled bytecode (pip writes it at install time): let the warm-up run write
    # it here too, or every timed run would compile the package from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    facts = machine(python)
    print(
        f"bench: {facts.get('cpu', '?')} x{facts['nproc']}, Python {facts['python']}, "
        f"typer {facts['packages'].get('typer')}, repeat {repeat}",
        file=sys.stderr,
    )

    corpora: dict[str, dict[str, object]] = {}
    folders: dict[tuple[int, float], Path] = {}
    for size in sizes:
        for share in (0.0, args.damaged):
            folder, stats = corpus(args.cache, size, args.seed, share)
            folders[(size, share)] = folder
            corpora[f"{size}" + ("-damaged" if share else "")] = {
                **stats,
                "path": _shown(str(folder)),
                "corpus_bytes": corpus_bytes(folder),
            }

    results: dict[str, Series] = {}
    targets: list[dict[str, object]] = []

    def series(
        name: str,
        argv: list[str],
        expect: tuple[int, ...] = (0,),
        env: dict[str, str] | None = None,
        fresh: Path | None = None,
    ) -> Series:
        results[name] = Series(name, argv, expect=expect, env=env or {}, fresh=fresh)
        return results[name]

    # 1. start-up: compare weapons on the seed corpus against python -c pass, as a plain
    #    install runs it (the target) and in this environment.
    print("start-up", file=sys.stderr)
    seed_yaml = str(ROOT / "assertions.yaml")
    plain = plain_install(python, args.cache.parent)
    if plain is not None:
        measure(
            [
                series("python -c pass (plain install)", [plain[0], "-c", "pass"]),
                series("compare weapons (plain install)", [plain[1], "weapons", "-a", seed_yaml]),
                series(
                    "compare weapons (plain install, no cache)",
                    [plain[1], "weapons", "-a", seed_yaml],
                    env=no_cache,
                ),
                series(
                    "compare weapons (plain install, cache miss)",
                    [plain[1], "weapons", "-a", seed_yaml],
                    env=miss,
                    fresh=miss_dir,
                ),
            ],
            repeat * 2,
            env,
        )
    views = ("report", "matrix")
    measure(
        [
            series("python -c pass", [python, "-c", "pass"]),
            series("compare --version", [compare, "--version"]),
            series("compare weapons (seed corpus)", [compare, "weapons", "-a", seed_yaml]),
            series(
                "compare check (seed corpus)", [compare, "check", "-a", seed_yaml], expect=(0, 1)
            ),
            *(
                series(f"compare {view} (seed corpus)", [compare, view, "-a", seed_yaml])
                for view in views
            ),
            *(
                series(
                    f"compare {view} (seed corpus, no cache)",
                    [compare, view, "-a", seed_yaml],
                    env=no_cache,
                )
                for view in views
            ),
        ],
        repeat * 2,
        env,
    )

    # 2-3. compare check at every size, clean and damaged, each against its floor.
    floor_py = str(HERE / "floor.py")
    for size in sizes:
        print(f"check at {size} articles", file=sys.stderr)
        clean, damaged = folders[(size, 0.0)], folders[(size, args.damaged)]
        measure(
            [
                series(f"floor {size}", [python, floor_py, str(clean / "assertions.yaml")]),
                series(f"check {size}", [compare, "check", "-a", str(clean)]),
                series(
                    f"floor {size} damaged", [python, floor_py, str(damaged / "assertions.yaml")]
                ),
                series(
                    f"check {size} damaged", [compare, "check", "-a", str(damaged)], expect=(1,)
                ),
            ],
            repeat,
            env,
        )

    # 3b. the hostile corpus: quotes no one would write, each once minutes of near-miss search.
    print("check on hostile quotes", file=sys.stderr)
    hostile = hostile_corpus(args.cache, ordinary=False)
    twin = hostile_corpus(args.cache, ordinary=True)
    measure(
        [
            series("floor hostile", [python, floor_py, str(hostile / "assertions.yaml")]),
            series("check hostile", [compare, "check", "-a", str(hostile)], expect=(1,)),
            series("check hostile (ordinary quotes)", [compare, "check", "-a", str(twin)]),
        ],
        repeat,
        env,
    )

    # 4. report and matrix on the largest corpus, with the floor interleaved again.
    largest = args.views_size or sizes[-1]
    if args.views_size and (largest, 0.0) not in folders:
        folders[(largest, 0.0)], stats = corpus(args.cache, largest, args.seed, 0.0)
        corpora[f"{largest}"] = {
            **stats,
            "path": _shown(str(folders[(largest, 0.0)])),
            "corpus_bytes": corpus_bytes(folders[(largest, 0.0)]),
        }
    print(f"views at {largest} articles", file=sys.stderr)
    big = folders[(largest, 0.0)]
    measure(
        [
            series(f"floor {largest} (views)", [python, floor_py, str(big / "assertions.yaml")]),
            *(series(f"{view} {largest}", [compare, view, "-a", str(big)]) for view in views),
            *(
                series(
                    f"{view} {largest} (no cache)", [compare, view, "-a", str(big)], env=no_cache
                )
                for view in views
            ),
            *(
                series(
                    f"{view} {largest} (cache miss)",
                    [compare, view, "-a", str(big)],
                    env=miss,
                    fresh=miss_dir,
                )
                for view in views
            ),
        ],
        repeat,
        env,
    )

    # ---------------------------------------------------------------- targets

    def ratio(name: str, base: str) -> float | None:
        a, b = results.get(name), results.get(base)
        if a is None or b is None or not a.runs or not b.runs:
            return None
        return a.median / b.median

    def target(
        name: str, value: float | None, limit: float, detail: str, info: bool = False
    ) -> None:
        """A target; ``info`` rows are measured against the same limit but do not fail."""
        result = "NOT MEASURED" if value is None else ("PASS" if value <= limit else "FAIL")
        if info and value is not None:
            result = "info: within" if value <= limit else "info: over"
        targets.append(
            {
                "target": name,
                "value": None if value is None else round(value, 2),
                "limit": limit,
                "detail": detail,
                "result": result,
            }
        )

    if plain is not None:
        target(
            "start-up",
            ratio("compare weapons (plain install)", "python -c pass (plain install)"),
            STARTUP_MAX,
            "compare weapons on the seed corpus / python -c pass, plain install",
        )
        target(
            "start-up, no cache",
            ratio("compare weapons (plain install, no cache)", "python -c pass (plain install)"),
            STARTUP_MAX,
            "the same with COMPARE_NO_CACHE=1: load and verify the corpus every time",
            info=True,
        )
        target(
            "start-up, cache miss",
            ratio("compare weapons (plain install, cache miss)", "python -c pass (plain install)"),
            STARTUP_MAX,
            "the same with an empty cache: verify, then write the entry",
            info=True,
        )
    target(
        "start-up" if plain is None else "start-up (this environment)",
        ratio("compare weapons (seed corpus)", "python -c pass"),
        STARTUP_MAX,
        "compare weapons on the seed corpus / python -c pass, in this environment",
    )
    for size in sizes:
        target(
            f"check {size}",
            ratio(f"check {size}", f"floor {size}"),
            CHECK_MAX,
            "compare check / floor (parse YAML with the C loader, read every text)",
        )
        target(
            f"check {size} damaged",
            ratio(f"check {size} damaged", f"floor {size} damaged"),
            CHECK_DAMAGED_MAX,
            f"the same with {args.damaged:.0%} of quotes damaged",
        )
    target(
        "check hostile",
        ratio("check hostile", "check hostile (ordinary quotes)"),
        HOSTILE_MAX,
        "compare check with hostile quotes / the same articles with quotes that are found",
    )
    target(
        "check hostile / floor",
        ratio("check hostile", "floor hostile"),
        HOSTILE_MAX,
        "the same / its floor (a 2 MB article and 1 MB of YAML read, nothing verified)",
        info=True,
    )
    for small, large in itertools.pairwise(sizes):
        if large == 2 * small:
            for suffix in ("", " damaged"):
                target(
                    f"doubling {small}->{large}{suffix}",
                    ratio(f"check {large}{suffix}", f"check {small}{suffix}"),
                    DOUBLING_MAX,
                    "compare check time at 2N / at N",
                )
    # Memory: the peak above what the same command takes on the (tiny) seed corpus, which is
    # the interpreter with the program's code loaded, per byte of corpus text read.
    for name, s in results.items():
        command, size = name.split()[0], name.split()[1]
        if command not in ("check", "report", "matrix") or not size.isdigit() or not s.runs:
            continue
        # The same command on the seed corpus, the same way (with or without the cache).
        cached = "(no cache)" not in name and "(cache miss)" not in name
        own = results.get(f"compare {command} (seed corpus{'' if cached else ', no cache'})")
        if own is None or not own.runs:
            continue
        size_key = size + ("-damaged" if name.endswith("damaged") else "")
        text_mb = int(corpora[size_key]["corpus_bytes"]) / 2**20  # type: ignore[call-overload]
        target(
            f"memory: {name}",
            (s.rss_mb - own.rss_mb) / text_mb,
            MEMORY_FACTOR,
            f"(peak {s.rss_mb:.0f} MB - {own.rss_mb:.0f} MB on the seed corpus) / corpus "
            f"text {text_mb:.1f} MB",
        )

    # ---------------------------------------------------------------- output

    print_table(results, targets)
    report = {
        "generated": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": facts,
        "settings": {
            "sizes": sizes,
            "repeat": repeat,
            "damaged": args.damaged,
            "seed": args.seed,
            "generator": GENERATOR_VERSION,
            "compare": _shown(compare),
            "python": _shown(python),
        },
        "corpora": corpora,
        "measurements": [s.as_dict() for s in results.values()],
        "targets": targets,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nwrote {_shown(str(args.out.resolve()))}")
    if any(s.error for s in results.values()):
        return 2
    return 1 if any(t["result"] == "FAIL" for t in targets) else 0


def print_table(results: dict[str, Series], targets: list[dict[str, object]]) -> None:
    print(f"\n{'measurement':<46} {'median s':>9} {'min':>8} {'max':>8} {'peak MB':>8}")
    for s in results.values():
        if s.error:
            print(f"{s.name:<46} ERROR {s.error[:200]}")
            continue
        print(
            f"{s.name:<46} {s.median:>9.3f} {min(s.times):>8.3f} {max(s.times):>8.3f} "
            f"{s.rss_mb:>8.1f}"
        )
    print(f"\n{'target':<34} {'value':>7} {'limit':>6}  result  how")
    for t in targets:
        value = "-" if t["value"] is None else f"{t['value']:.2f}"
        print(
            f"{t['target']!s:<34} {value:>7} {t['limit']!s:>6}  {t['result']!s:<6}  {t['detail']}"
        )


def markdown(report: dict[str, object]) -> str:
    """The measurements and targets of a results file as GitHub-flavoured markdown tables."""
    lines = ["| measurement | median s | min | max | peak MB |", "|---|---:|---:|---:|---:|"]
    for m in report["measurements"]:  # type: ignore[attr-defined]
        if "error" in m:
            lines.append(f"| {m['name']} | error | | | |")
            continue
        lines.append(
            f"| {m['name']} | {m['median_s']:.3f} | {m['min_s']:.3f} | "
            f"{m['max_s']:.3f} | {m['peak_rss_mb']:.0f} |"
        )
    lines += ["", "| target | value | limit | result |", "|---|---:|---:|---|"]
    for t in report["targets"]:  # type: ignore[attr-defined]
        value = "-" if t["value"] is None else f"{t['value']:.2f}"
        lines.append(f"| {t['target']} | {value} | {t['limit']} | {t['result']} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
