"""Shared test helpers: run the CLI as a user would, at a pinned width and without colour."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from comparator.cli import app

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"

#: What every CLI test runs under: a fixed width, no colour, no CI environment leaking in.
PINNED_ENV = {
    "COLUMNS": "100",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "GITHUB_ACTIONS": "",
    "COMPARE_ASSERTIONS": "",
    "FORCE_COLOR": "",
}


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the whole run: views reuse verified corpora across tests, as they
    do across a user's commands, and never touch the user's own cache."""
    return tmp_path_factory.mktemp("compare-cache")


@pytest.fixture(autouse=True)
def _pinned_environment(monkeypatch: pytest.MonkeyPatch, session_cache: Path) -> Iterator[None]:
    for key, value in PINNED_ENV.items():
        if value:
            monkeypatch.setenv(key, value)
        else:
            monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("COMPARE_CACHE_DIR", str(session_cache))
    monkeypatch.delenv("COMPARE_NO_CACHE", raising=False)
    yield


RunCli = Callable[..., "object"]


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., object]:
    """Run ``compare ARGS`` in a folder through CliRunner; returns click's Result."""

    def run(
        args: list[str],
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
        width: int = 100,
    ) -> object:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        merged = {**PINNED_ENV, "COLUMNS": str(width), **(env or {})}
        runner = CliRunner()
        return runner.invoke(
            app, args, env={k: (v or None) for k, v in merged.items()}, catch_exceptions=False
        )

    return run


def write_corpus(folder: Path, yaml_text: str, texts: dict[str, str | bytes] | None = None) -> Path:
    """Lay out a corpus: assertions.yaml (dedented) and article files; returns the YAML path."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in (texts or {}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    target = folder / "assertions.yaml"
    target.write_text(textwrap.dedent(yaml_text).lstrip("\n"), encoding="utf-8")
    return target


@pytest.fixture
def seed_corpus() -> Path:
    """The project's own corpus (assertions.yaml and seeds/ at the repository root)."""
    path = ROOT / "assertions.yaml"
    if not path.exists():
        pytest.fail("the seed corpus assertions.yaml is missing from the repository root")
    return path


def is_clean(text: str) -> bool:
    """No escape codes: what piped output and NO_COLOR promise."""
    return "\x1b" not in text


os.environ.setdefault("HYPOTHESIS_PROFILE", "default")
