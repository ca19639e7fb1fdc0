"""Benchmark ``compare``: start-up, every command a user waits for at growing sizes, memory.

Every command runs as a fresh subprocess through the ``compare`` console script, which is what
users run, interleaved with its baseline in the same loop so a ratio holds on a noisy machine.
Each figure is the median of ``--repeat`` runs, with the spread (min, max). Peak memory is the
child's own ``ru_maxrss`` from ``os.wait4``; the output size is the bytes it wrote to stdout.
The corpora come from ``bench/generate.py`` with a fixed seed and are cached under
``bench/results/corpora``.

At each size, ``compare check`` (against its floor) and every view (``compare TOPIC``, ``diff``
of two outlets, ``report``, ``matrix``, ``suggest``), each with a warm cache and without one,
are measured in ONE interleaved run over all the sizes, so the ratios between views and
``check`` and between sizes compare runs taken side by side, never minutes apart. A ratio is
the median of the per-round ratios. Each command has a time limit (``--limit-factor`` times the
untimed first ``check`` at the same size, within ``--timeout``): a command over it is killed
and reported as failed, and not run at the larger sizes.

    python bench/run.py                              # the full run: sizes 500, 2000, 10000
                                                     # (20 minutes on 2 shared cores, --repeat 2)
    python bench/run.py --quick                      # a smoke run: sizes 100, 200, 3 repeats
    python bench/run.py --sizes 500,1000 --only check,report --repeat 3   # a partial run

At 10,000 articles the generated assertions.yaml is 69 MiB: compare reads a corpus file of up to
256 MiB (``comparator.fileio.MAX_CORPUS_FILE_BYTES``), an article of up to 64 MiB.

Prints a table with PASS/FAIL per target and writes it as JSON (``--out``). Exit status 1 when
a target fails (a command stopped by its time limit included), 2 when a command could not be
run. Stdlib only.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
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

from generate import (  # noqa: E402
    GENERATOR_VERSION,
    OUTLETS,
    TOPIC_THEMES,
    generate,
    source_id,
)
from hostile import HOSTILE_VERSION, write_hostile_corpus  # noqa: E402

#: The targets of issue 6, each a ratio from one run.
STARTUP_MAX = 10.0  # compare weapons / python -c pass
CHECK_MAX = 3.0  # compare check / floor, at every size
CHECK_DAMAGED_MAX = 5.0  # the same with damaged quotes
DOUBLING_MAX = 2.2  # time (and output size) at 2N / at N
#: compare check on the hostile corpus (bench/hostile.py: quotes of 1,000 and 4,000 words and
#: of 1 MB, a short quote over 2 MB of one repeated word) / the same articles with quotes that
#: are found: what the near-miss search may cost, whatever the quotes are.
HOSTILE_MAX = 6.0
MEMORY_FACTOR = 3.0  # peak RSS above the interpreter's own, per byte of corpus text
#: The targets of issue 16: a view is never much slower than verifying the corpus (check),
#: and with a warm cache it is much faster.
VIEW_NO_CACHE_MAX = 1.5  # a view without the cache / check, same corpus, same round
VIEW_WARM_MAX = 0.5  # a view with a warm cache / check

#: Every view a user waits for; "topic" is ``compare TOPIC``.
VIEWS = ("topic", "diff", "report", "matrix", "suggest")
#: What ``--only`` may name.
PARTS = ("startup", "check", "damaged", "hostile", *VIEWS)
#: A view has no time limit below this, however fast its check was.
LIMIT_FLOOR_S = 60.0

#: The Python that runs bench/launch.py (set in main: the one the compare script uses).
LAUNCHER_PYTHON = sys.executable


# --------------------------------------------------------------------------- running


@dataclass
class Run:
    seconds: float
    rss_kb: int
    code: int
    out_bytes: int = 0
    timed_out: bool = False
    #: Which round of its measurement this run was in (-1: the untimed warm-up).
    round: int = -1


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
    #: The same command at the next smaller size: when that one failed, this one is not run.
    smaller: Series | None = None
    #: The series whose untimed first run sets this one's time limit (check at the same size).
    paced_by: Series | None = None
    #: The time limit in seconds (0: none), set before the first run.
    limit: float = 0.0
    #: The untimed first run.
    warmup: Run | None = None
    #: Stopped by its time limit, or not run because a smaller size was (a failed target).
    too_slow: bool = False

    @property
    def times(self) -> list[float]:
        return [r.seconds for r in self.runs]

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def rss_mb(self) -> float:
        return max(r.rss_kb for r in self.runs) / 1024

    @property
    def out_bytes(self) -> int | None:
        done = [r for r in ([self.warmup] if self.warmup else []) + self.runs if r.code >= 0]
        return done[-1].out_bytes if done else None

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"name": self.name, "argv": [_shown(a) for a in self.argv]}
        if self.env:
            out["env"] = {k: _shown(v) for k, v in self.env.items()}
        if self.limit:
            out["limit_s"] = round(self.limit, 1)
        if self.error:
            out["error"] = self.error
        if self.out_bytes is not None:
            out["out_bytes"] = self.out_bytes
        if self.runs:
            times = self.times
            out.update(
                median_s=round(self.median, 4),
                min_s=round(min(times), 4),
                max_s=round(max(times), 4),
                times_s=[round(t, 4) for t in times],
                rounds=[r.round for r in self.runs],
                peak_rss_mb=round(self.rss_mb, 1),
            )
        return out


def _shown(arg: str) -> str:
    for base, name in ((str(ROOT), "."), (tempfile.gettempdir(), "$TMP")):
        if arg.startswith(base):
            return name + arg[len(base) :]
    return arg


def run_once(argv: list[str], env: dict[str, str], series: Series | None = None) -> tuple[Run, str]:
    """One fresh process, started by bench/launch.py: wall time, its own peak RSS, exit code,
    output size; killed by the launcher when it runs past the series' time limit."""
    limit = 0.0
    if series is not None:
        env = {**env, **series.env}
        limit = series.limit
        if series.fresh is not None:
            shutil.rmtree(series.fresh, ignore_errors=True)
    timeout = ["--timeout", f"{limit:.3f}"] if limit else []
    with tempfile.TemporaryFile() as err:
        done = subprocess.run(
            [LAUNCHER_PYTHON, str(HERE / "launch.py"), *timeout, *argv],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=err,
            env=env,
            cwd=ROOT,
            check=True,
            # The launcher kills the command at the limit; this only guards the launcher.
            timeout=limit + 120 if limit else None,
        )
        err.seek(0)
        tail = err.read()[-2000:].decode("utf-8", "replace")
    got = json.loads(done.stdout)
    return Run(got["seconds"], got["rss_kb"], got["code"], got["out_bytes"], got["timed_out"]), tail


def measure(
    groups: list[Series], repeat: int, env: dict[str, str], *, timeout: float, factor: float
) -> None:
    """Run each series once untimed (in the order given: smaller sizes first), then
    ``repeat`` times, interleaved, rotating the order on every round.

    The untimed run fills the cache of the warm series, compiles bytecode, and sets the time
    limits: a series paced by another gets ``factor`` times that one's untimed run (at least
    ``LIMIT_FLOOR_S``), never more than ``timeout``. A series over its limit is killed and
    stops; a series whose smaller size failed is not run at all."""
    for series in groups:
        if series.smaller is not None and series.smaller.error:
            series.error = f"not run: {series.smaller.name} failed ({series.smaller.error[:80]})"
            series.too_slow = series.smaller.too_slow
            print(f"  ! {series.name}: {series.error}", file=sys.stderr)
            continue
        series.limit = timeout
        pace = series.paced_by
        if pace is not None and pace.warmup is not None:
            series.limit = min(timeout, max(LIMIT_FLOOR_S, factor * pace.warmup.seconds))
        series.warmup = _checked(series, env)
        if series.error:
            print(f"  ! {series.name}: {series.error}", file=sys.stderr)
    live = [s for s in groups if not s.error]
    for round_ in range(repeat):
        shift = round_ % max(1, len(live))
        for series in live[shift:] + live[:shift]:
            if series.error:
                continue
            run = _checked(series, env)
            if series.error:
                print(f"\n  ! {series.name}: {series.error}", file=sys.stderr)
                continue
            run.round = round_
            series.runs.append(run)
        print(".", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)


def _checked(series: Series, env: dict[str, str]) -> Run:
    """One run of the series; sets its error when the command timed out or failed."""
    try:
        run, tail = run_once(series.argv, env, series)
    except subprocess.TimeoutExpired:
        run, tail = Run(series.limit, 0, -9, timed_out=True), ""
    if run.timed_out:
        series.too_slow = True
        series.error = f"stopped by its time limit after {series.limit:.0f} s"
    elif run.code not in series.expect:
        series.error = (
            f"exit {run.code} (expected {'/'.join(map(str, series.expect))}): {tail.strip()[-500:]}"
        )
    return run


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


def view_argv(compare: str, view: str, folder: Path, names: dict[str, str]) -> list[str]:
    """The command line of ``view`` on the corpus in ``folder``; ``names`` gives the topic, the
    two outlets and the source it names."""
    corpus_args = ["-a", str(folder)]
    if view == "topic":
        return [compare, names["topic"], *corpus_args]
    if view == "diff":
        return [compare, "diff", names["a"], names["b"], *corpus_args]
    if view == "suggest":
        return [compare, "suggest", names["topic"], "-s", names["source"], *corpus_args]
    return [compare, view, *corpus_args]


#: What the views name on the seed corpus and on a generated one (see generate.py).
SEED_NAMES = {"topic": "weapons", "a": "Carnegie", "b": "WINEP", "source": "carnegie"}


def generated_names(seed: int) -> dict[str, str]:
    return {
        "topic": TOPIC_THEMES[0][0],
        "a": OUTLETS[0][0],
        "b": OUTLETS[1][0],
        "source": source_id(0, seed),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="500,2000,10000",
        help="corpus sizes in articles, comma-separated (default 500,2000,10000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per command")
    parser.add_argument(
        "--only",
        default=",".join(PARTS),
        help=f"what to run, comma-separated, of: {', '.join(PARTS)} (default: all). check "
        "and its floor run at every size whenever a command does: they are the yardstick",
    )
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
    parser.add_argument(
        "--timeout",
        type=float,
        default=600.0,
        help="the most any one command may take, in seconds (default 600)",
    )
    parser.add_argument(
        "--limit-factor",
        type=float,
        default=10.0,
        help="a command is stopped after this many times the first check at its size, "
        f"and never before {LIMIT_FLOOR_S:.0f} s (default 10)",
    )
    parser.add_argument("--out", type=Path, default=HERE / "results" / "latest.json")
    parser.add_argument("--cache", type=Path, default=HERE / "results" / "corpora")
    parser.add_argument("--compare", help="path of the compare script (default: next to python)")
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
    sizes = sorted(set(sizes))
    only = [part.strip() for part in args.only.split(",") if part.strip()]
    unknown = sorted(set(only) - set(PARTS))
    if unknown:
        parser.error(f"--only: unknown {', '.join(unknown)}; choose from {', '.join(PARTS)}")
    views = [v for v in VIEWS if v in only]
    # check at every size is the yardstick of every view and of the time limits.
    commands = ["check", *views] if views or "check" in only or "damaged" in only else []
    damaged_too = "damaged" in only

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
        f"typer {facts['packages'].get('typer')}, repeat {repeat}, sizes "
        f"{', '.join(map(str, sizes)) if commands else '-'}, {', '.join(only)}",
        file=sys.stderr,
    )
    began = time.perf_counter()
    limits = {"timeout": args.timeout, "factor": args.limit_factor}

    corpora: dict[str, dict[str, object]] = {}
    folders: dict[tuple[int, float], Path] = {}
    shares = (0.0, args.damaged) if damaged_too else (0.0,)
    for size in sizes if commands else []:
        for share in shares:
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
        smaller: Series | None = None,
        paced_by: Series | None = None,
    ) -> Series:
        results[name] = Series(
            name,
            argv,
            expect=expect,
            env=env or {},
            fresh=fresh,
            smaller=smaller,
            paced_by=paced_by,
        )
        return results[name]

    # 1. start-up: compare weapons on the seed corpus against python -c pass, as a plain
    #    install runs it (the target) and in this environment; every command on the seed
    #    corpus, which is also what each command's memory is measured above.
    seed_yaml = ROOT / "assertions.yaml"
    plain = None
    if "startup" in only:
        print("start-up", file=sys.stderr)
        plain = plain_install(python, args.cache.parent)
    if plain is not None:
        measure(
            [
                series("python -c pass (plain install)", [plain[0], "-c", "pass"]),
                series(
                    "compare weapons (plain install)", [plain[1], "weapons", "-a", str(seed_yaml)]
                ),
                series(
                    "compare weapons (plain install, no cache)",
                    [plain[1], "weapons", "-a", str(seed_yaml)],
                    env=no_cache,
                ),
                series(
                    "compare weapons (plain install, cache miss)",
                    [plain[1], "weapons", "-a", str(seed_yaml)],
                    env=miss,
                    fresh=miss_dir,
                ),
            ],
            repeat * 2,
            env,
            **limits,
        )
    seed_runs: list[Series] = []
    if "startup" in only:
        seed_runs += [
            series("python -c pass", [python, "-c", "pass"]),
            series("compare --version", [compare, "--version"]),
        ]
    for command in commands:
        argv = view_argv(compare, command, seed_yaml, SEED_NAMES)
        seed_runs.append(series(f"{command} seed", argv, expect=(0, 1)))
        if command != "check":
            seed_runs.append(series(f"{command} seed (no cache)", argv, env=no_cache))
    if seed_runs:
        print("the seed corpus", file=sys.stderr)
        measure(seed_runs, repeat * 2, env, **limits)

    # 2. every command at every size, in one interleaved run: check and its floor (clean and
    #    damaged), each view with a warm cache and without one.
    floor_py = str(HERE / "floor.py")
    at_sizes: list[Series] = []
    previous: dict[str, Series] = {}

    def sized(name: str, key: str, argv: list[str], **kw: object) -> None:
        made = series(name, argv, smaller=previous.get(key), **kw)  # type: ignore[arg-type]
        previous[key] = made
        at_sizes.append(made)

    for size in sizes if commands else []:
        clean = folders[(size, 0.0)]
        sized(f"floor {size}", "floor", [python, floor_py, str(clean / "assertions.yaml")])
        sized(f"check {size}", "check", view_argv(compare, "check", clean, {}))
        pace = results[f"check {size}"]
        if damaged_too:
            damaged = folders[(size, args.damaged)]
            sized(
                f"floor {size} damaged",
                "floor damaged",
                [python, floor_py, str(damaged / "assertions.yaml")],
            )
            sized(
                f"check {size} damaged",
                "check damaged",
                view_argv(compare, "check", damaged, {}),
                expect=(1,),
                paced_by=pace,
            )
        names = generated_names(args.seed)
        for view in views:
            argv = view_argv(compare, view, clean, names)
            sized(f"{view} {size}", view, argv, paced_by=pace)
            sized(
                f"{view} {size} (no cache)", f"{view} (no cache)", argv, env=no_cache, paced_by=pace
            )
    if at_sizes:
        print(f"every command at {', '.join(map(str, sizes))} articles", file=sys.stderr)
        measure(at_sizes, repeat, env, **limits)

    # 3. the hostile corpus: quotes no one would write, each once minutes of near-miss search.
    if "hostile" in only:
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
            **limits,
        )

    # ---------------------------------------------------------------- targets

    def ratio(name: str, base: str) -> float | None:
        """The median of the per-round ratios of two series measured in the same run."""
        a, b = results.get(name), results.get(base)
        if a is None or b is None or a.error or b.error:
            return None
        paired = {r.round: r.seconds for r in b.runs}
        ratios = [r.seconds / paired[r.round] for r in a.runs if r.round in paired]
        return statistics.median(ratios) if ratios else None

    def why_not(*names: str) -> str:
        """Why a target over these series has no value: the first one's error."""
        for name in names:
            found = results.get(name)
            if found is not None and found.error:
                return f"{name}: {found.error[:120]}"
        return ""

    def target(
        name: str,
        value: float | None,
        limit: float,
        detail: str,
        info: bool = False,
        over: tuple[str, ...] = (),
    ) -> None:
        """A target; ``info`` rows are measured against the same limit but do not fail. A
        target over a command that was stopped by its time limit fails."""
        result = "NOT MEASURED" if value is None else ("PASS" if value <= limit else "FAIL")
        if info and value is not None:
            result = "info: within" if value <= limit else "info: over"
        reason = why_not(*over) if value is None else ""
        if reason:
            slow = any(results[n].too_slow for n in over if n in results)
            result = "FAIL" if slow and not info else "NOT MEASURED"
            detail = f"{detail}; {reason}"
        targets.append(
            {
                "target": name,
                "value": None if value is None else round(value, 2),
                "limit": limit,
                "detail": detail,
                "result": result,
            }
        )

    def ratio_target(
        name: str, a: str, b: str, limit: float, detail: str, info: bool = False
    ) -> None:
        if a in results or b in results:
            target(name, ratio(a, b), limit, detail, info=info, over=(a, b))

    if plain is not None:
        ratio_target(
            "start-up",
            "compare weapons (plain install)",
            "python -c pass (plain install)",
            STARTUP_MAX,
            "compare weapons on the seed corpus / python -c pass, plain install",
        )
        ratio_target(
            "start-up, no cache",
            "compare weapons (plain install, no cache)",
            "python -c pass (plain install)",
            STARTUP_MAX,
            "the same with COMPARE_NO_CACHE=1: load and verify the corpus every time",
            info=True,
        )
        ratio_target(
            "start-up, cache miss",
            "compare weapons (plain install, cache miss)",
            "python -c pass (plain install)",
            STARTUP_MAX,
            "the same with an empty cache: verify, then write the entry",
            info=True,
        )
    if "startup" in only and "topic seed" in results:
        ratio_target(
            "start-up" if plain is None else "start-up (this environment)",
            "topic seed",
            "python -c pass",
            STARTUP_MAX,
            "compare weapons on the seed corpus / python -c pass, in this environment",
        )
    for size in sizes if commands else []:
        ratio_target(
            f"check {size}",
            f"check {size}",
            f"floor {size}",
            CHECK_MAX,
            "compare check / floor (parse YAML with the C loader, collector off, read every text)",
        )
        if damaged_too:
            ratio_target(
                f"check {size} damaged",
                f"check {size} damaged",
                f"floor {size} damaged",
                CHECK_DAMAGED_MAX,
                f"the same with {args.damaged:.0%} of quotes damaged",
            )
        for view in views:
            ratio_target(
                f"{view} {size} (no cache) / check",
                f"{view} {size} (no cache)",
                f"check {size}",
                VIEW_NO_CACHE_MAX,
                f"{' '.join(_shown(a) for a in results[f'{view} {size}'].argv[1:-2])} without the "
                "cache / compare check, same corpus",
            )
            ratio_target(
                f"{view} {size} / check",
                f"{view} {size}",
                f"check {size}",
                VIEW_WARM_MAX,
                "the same with a warm cache / compare check",
            )
    if "hostile" in only:
        ratio_target(
            "check hostile",
            "check hostile",
            "check hostile (ordinary quotes)",
            HOSTILE_MAX,
            "compare check with hostile quotes / the same articles with quotes that are found",
        )
        ratio_target(
            "check hostile / floor",
            "check hostile",
            "floor hostile",
            HOSTILE_MAX,
            "the same / its floor (a 2 MB article and 1 MB of YAML read, nothing verified)",
            info=True,
        )
    # Doubling: each command's time and output size at the larger size over the smaller, as
    # a factor per doubling of the corpus (sizes need not be powers of two apart).
    keys = ["check", *(["check damaged"] if damaged_too else [])]
    keys += [f"{view}{mode}" for view in views for mode in ("", " (no cache)")]
    for small, large in itertools.pairwise(sizes):
        doublings = math.log2(large / small)
        for key in keys:
            command, _, mode = key.partition(" ")
            a = f"{command} {large}" + (f" {mode}" if mode else "")
            b = f"{command} {small}" + (f" {mode}" if mode else "")
            value = ratio(a, b)
            target(
                f"doubling {key} {small}->{large}",
                None if value is None else value ** (1 / doublings),
                DOUBLING_MAX,
                f"time per doubling: (time at {large} / at {small}) ** (1 / {doublings:.2f})",
                over=(a, b),
            )
            if mode:  # the output is the same with and without the cache
                continue
            out_a, out_b = results[a].out_bytes, results[b].out_bytes
            target(
                f"output doubling {key} {small}->{large}",
                (out_a / out_b) ** (1 / doublings) if out_a and out_b else None,
                DOUBLING_MAX,
                f"stdout bytes per doubling ({out_b or 0:,} at {small}, {out_a or 0:,} at {large})",
                over=(a, b),
            )
    # Memory: the peak above what the same command takes on the (tiny) seed corpus, which is
    # the interpreter with the program's code loaded, per byte of corpus text read.
    for name, s in results.items():
        command, articles = name.split()[0], name.split()[1]
        if command not in ("check", *VIEWS) or not articles.isdigit() or not s.runs:
            continue
        cached = "(no cache)" not in name
        own = results.get(f"{command} seed{'' if cached or command == 'check' else ' (no cache)'}")
        if own is None or not own.runs:
            continue
        size_key = articles + ("-damaged" if name.endswith("damaged") else "")
        text_mb = int(corpora[size_key]["corpus_bytes"]) / 2**20  # type: ignore[call-overload]
        target(
            f"memory: {name}",
            (s.rss_mb - own.rss_mb) / text_mb,
            MEMORY_FACTOR,
            f"(peak {s.rss_mb:.0f} MB - {own.rss_mb:.0f} MB on the seed corpus) / corpus "
            f"text {text_mb:.1f} MB",
        )

    # ---------------------------------------------------------------- output

    took = time.perf_counter() - began
    print_table(results, targets)
    report = {
        "generated": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": facts,
        "settings": {
            "sizes": sizes,
            "repeat": repeat,
            "only": only,
            "damaged": args.damaged,
            "seed": args.seed,
            "timeout_s": args.timeout,
            "limit_factor": args.limit_factor,
            "generator": GENERATOR_VERSION,
            "compare": _shown(compare),
            "python": _shown(python),
        },
        "took_s": round(took, 1),
        "corpora": corpora,
        "measurements": [s.as_dict() for s in results.values()],
        "targets": targets,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nwrote {_shown(str(args.out.resolve()))} (the run took {took / 60:.1f} min)")
    if any(s.error and not s.too_slow for s in results.values()):
        return 2
    return 1 if any(t["result"] == "FAIL" for t in targets) else 0


def _kb(out_bytes: object) -> str:
    return "-" if out_bytes is None else f"{int(out_bytes) / 1024:.0f}"  # type: ignore[call-overload]


def print_table(results: dict[str, Series], targets: list[dict[str, object]]) -> None:
    print(
        f"\n{'measurement':<40} {'median s':>9} {'min':>8} {'max':>8} {'peak MB':>8} {'out KB':>8}"
    )
    for s in results.values():
        if s.error and not s.runs:
            print(f"{s.name:<40} ERROR {s.error[:200]}")
            continue
        print(
            f"{s.name:<40} {s.median:>9.3f} {min(s.times):>8.3f} {max(s.times):>8.3f} "
            f"{s.rss_mb:>8.1f} {_kb(s.out_bytes):>8}"
            + (f"  ERROR {s.error[:100]}" if s.error else "")
        )
    print(f"\n{'target':<40} {'value':>7} {'limit':>6}  result  how")
    for t in targets:
        value = "-" if t["value"] is None else f"{t['value']:.2f}"
        print(
            f"{t['target']!s:<40} {value:>7} {t['limit']!s:>6}  {t['result']!s:<6}  {t['detail']}"
        )


def markdown(report: dict[str, object]) -> str:
    """The measurements and targets of a results file as GitHub-flavoured markdown tables."""
    lines = [
        "| measurement | median s | min | max | peak MB | out KB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for m in report["measurements"]:  # type: ignore[attr-defined]
        if "median_s" not in m:
            lines.append(f"| {m['name']} | {m.get('error', 'error')} | | | | |")
            continue
        lines.append(
            f"| {m['name']} | {m['median_s']:.3f} | {m['min_s']:.3f} | "
            f"{m['max_s']:.3f} | {m['peak_rss_mb']:.0f} | {_kb(m.get('out_bytes'))} |"
        )
    lines += ["", "| target | value | limit | result |", "|---|---:|---:|---|"]
    for t in report["targets"]:  # type: ignore[attr-defined]
        value = "-" if t["value"] is None else f"{t['value']:.2f}"
        lines.append(f"| {t['target']} | {value} | {t['limit']} | {t['result']} |")
    took = report.get("took_s")
    if took is not None:
        lines += ["", f"The run took {float(took) / 60:.0f} minutes."]  # type: ignore[arg-type]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
