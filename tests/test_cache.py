"""The cache of verified corpora: a view is as fast as the cache allows and never stale.

Each test runs with its own cache folder, so what one test leaves cannot answer another.
"""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"

VIEWS = [
    ["weapons"],
    ["weapons", "motive", "--by", "source"],
    ["weapons", "--format", "json"],
    ["weapons", "--format", "markdown"],
    ["topics"],
    ["sources", "--format", "json"],
    ["matrix"],
    ["report"],
    ["diff", "North", "East"],
]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COMPARE_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the mini corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(MINI, target)
    return target


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle")) if folder.exists() else []


def edit_keeping_size_and_time(path: Path, old: str, new: str) -> None:
    """Change a file as an editor could, with neither its size nor its mtime giving it away."""
    assert len(old.encode()) == len(new.encode())
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


@pytest.mark.parametrize("args", VIEWS, ids=lambda a: " ".join(a))
def test_a_cached_view_prints_what_a_fresh_one_prints(
    args, cache, mini, run_cli, monkeypatch
) -> None:
    first = run_cli(args, cwd=mini)
    assert len(entries(cache)) == 1, "the first run keeps the verified corpus"
    second = run_cli(args, cwd=mini)
    monkeypatch.setenv("COMPARE_NO_CACHE", "1")
    fresh = run_cli(args, cwd=mini)
    assert first.exit_code == second.exit_code == fresh.exit_code == 0, first.output
    assert second.output == first.output == fresh.output


def test_the_seed_corpus_reads_the_same_from_the_cache(cache, run_cli) -> None:
    first = run_cli(["weapons", "motive", "chaos", "--format", "json"], cwd=ROOT)
    second = run_cli(["weapons", "motive", "chaos", "--format", "json"], cwd=ROOT)
    assert entries(cache) and first.output == second.output
    assert "seeds/carnegie-czerny-storyev.txt" in second.output


def statuses(output: str) -> list[str]:
    """The status of every quote in ``compare TOPIC --format json`` output."""
    import json

    return [
        quote["status"]
        for topic in json.loads(output)
        for claim in topic["claims"]
        for position in claim["positions"]
        for quote in position["quotes"]
    ]


def test_an_edited_article_is_noticed_even_with_the_same_size_and_time(
    cache, mini, run_cli
) -> None:
    before = run_cli(["weapons", "--format", "json"], cwd=mini).output
    assert set(statuses(before)) == {"found"}
    edit_keeping_size_and_time(
        mini / "seeds" / "north-times.txt", "directly supplies weapons", "directly supplies rockets"
    )
    result = run_cli(["weapons", "--format", "json"], cwd=mini)
    assert result.exit_code == 0
    assert statuses(result.output).count("not-found") == 1


def test_an_edited_assertions_file_is_noticed_even_with_the_same_size_and_time(
    cache, mini, run_cli
) -> None:
    import json

    def north_stance(output: str) -> str:
        claim = json.loads(output)[0]["claims"][0]
        return next(p["stance"] for p in claim["positions"] if p["source"] == "north")

    assert north_stance(run_cli(["weapons", "--format", "json"], cwd=mini).output) == "affirms"
    edit_keeping_size_and_time(mini / "assertions.yaml", "stance: affirms", "stance: denies ")
    result = run_cli(["weapons", "--format", "json"], cwd=mini)
    assert result.exit_code == 0
    assert north_stance(result.output) == "denies"


def test_a_removed_article_is_noticed(cache, mini, run_cli) -> None:
    run_cli(["weapons", "--format", "json"], cwd=mini)
    (mini / "seeds" / "south-post.txt").unlink()
    result = run_cli(["weapons", "--format", "json"], cwd=mini)
    assert result.exit_code == 0
    assert statuses(result.output).count("no-text") == 2


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs symlinks")
def test_a_link_moved_out_of_the_corpus_is_refused_even_with_the_same_text(
    cache, mini, tmp_path, run_cli
) -> None:
    article = mini / "seeds" / "south-post.txt"
    inside = mini / "seeds" / "south-post.original"
    article.rename(inside)
    article.symlink_to(inside.name)
    assert run_cli(["weapons"], cwd=mini).exit_code == 0
    outside = tmp_path / "elsewhere.txt"
    shutil.copyfile(inside, outside)
    article.unlink()
    article.symlink_to(outside)
    result = run_cli(["weapons"], cwd=mini)
    assert result.exit_code == 2
    assert "outside the corpus folder" in result.output


def test_paths_are_shown_from_where_the_command_runs(cache, mini, run_cli) -> None:
    run_cli(["weapons"], cwd=mini)
    result = run_cli(["nosuch", "-a", "corpus/assertions.yaml"], cwd=mini.parent)
    assert result.exit_code == 2
    assert "no topic 'nosuch' in corpus/assertions.yaml" in result.output


def test_a_damaged_entry_is_ignored_and_replaced(cache, mini, run_cli) -> None:
    expected = run_cli(["weapons"], cwd=mini).output
    (entry,) = entries(cache)
    entry.write_bytes(entry.read_bytes()[:200])
    result = run_cli(["weapons"], cwd=mini)
    assert result.exit_code == 0 and result.output == expected
    assert entry.stat().st_size > 200, "the damaged entry was written again"


class _Planted:
    def __reduce__(self):  # what a hostile entry would do on load: run a command
        return (os.system, ("touch planted-by-cache",))


def test_an_entry_that_would_run_code_is_refused(cache, mini, run_cli) -> None:
    expected = run_cli(["weapons"], cwd=mini).output
    (entry,) = entries(cache)
    entry.write_bytes(pickle.dumps(_Planted()))
    result = run_cli(["weapons"], cwd=mini)
    assert result.exit_code == 0 and result.output == expected
    assert not (mini / "planted-by-cache").exists()


def test_no_cache_writes_nothing(cache, mini, run_cli, monkeypatch) -> None:
    monkeypatch.setenv("COMPARE_NO_CACHE", "1")
    assert run_cli(["weapons"], cwd=mini).exit_code == 0
    assert not cache.exists()


def test_a_cache_that_cannot_be_written_does_not_fail_a_view(cache, mini, run_cli) -> None:
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("a file where the cache folder should be")
    result = run_cli(["weapons"], cwd=mini)
    assert result.exit_code == 0
    assert "direct-supply" in result.output


def test_old_entries_are_pruned(cache, tmp_path, run_cli) -> None:
    from comparator.cache import MAX_ENTRIES

    for index in range(MAX_ENTRIES + 3):
        copy = tmp_path / f"corpus-{index}"
        shutil.copytree(MINI, copy)
        assert run_cli(["topics"], cwd=copy).exit_code == 0
    assert len(entries(cache)) == MAX_ENTRIES
