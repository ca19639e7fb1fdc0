"""How much start-up does typer itself cost? A hello-world typer app that prints a rich table,
timed against ``python -c pass`` under each interpreter given (each with its own typer).

This is the measurement behind the ``typer<0.29`` pin in pyproject.toml (see BENCHMARKS.md):

    python -m venv /tmp/t28 && /tmp/t28/bin/pip install 'typer==0.28.*' rich
    python -m venv /tmp/t29 && /tmp/t29/bin/pip install 'typer==0.29.*' rich
    python bench/typer_startup.py /tmp/t28/bin/python /tmp/t29/bin/python

Stdlib only; interleaved runs, medians.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

HELLO = """
import typer

app = typer.Typer(add_completion=False)


@app.command()
def hello(name: str = "world", count: int = 3, loud: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("n", "greeting")
    for n in range(count):
        table.add_row(str(n), f"hello {name}" + ("!" if loud else ""))
    Console().print(table)


app()
"""


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main(pythons: list[str], repeat: int = 15) -> None:
    for python in pythons:
        version = subprocess.run(
            [python, "-c", "import importlib.metadata as m; print(m.version('typer'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        base_argv = [python, "-c", "pass"]
        app_argv = [python, "-c", HELLO]
        timed(base_argv), timed(app_argv)  # warm the file cache and the bytecode
        base, app = [], []
        for _ in range(repeat):
            base.append(timed(base_argv))
            app.append(timed(app_argv))
        b, a = statistics.median(base), statistics.median(app)
        print(
            f"typer {version:<8} python -c pass {b * 1000:6.1f} ms   hello app {a * 1000:6.1f} ms"
            f"   ratio {a / b:5.1f}x   ({python})"
        )


if __name__ == "__main__":
    main(sys.argv[1:] or [sys.executable])
