"""The cache of verified corpora: a view is as fast as the cache allows and never stale.

Each test runs with its own cache folder, so what one test leaves cannot answer another.
"""

from __future__ import annotations

import io
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparator import cache as cache_module
from comparator.loader import find_assertions
from comparator.models import (
    AnchorStatus,
    Assertion,
    Finding,
    Location,
    QuoteAnchor,
    QuoteKey,
    QuoteRef,
    Source,
    TextDigest,
    Topic,
)
from comparator.workflow import open_corpus
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
    return sorted(folder.glob("compare-*.entry")) if folder.exists() else []


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


# --------------------------------------------------------------------------- the tricks, pinned
#
# Each trick of the cache against the simple version it stands for.

RECORDS = st.one_of(
    st.from_type(Location),
    st.from_type(Finding),
    st.from_type(Source),
    st.from_type(Assertion),
    st.from_type(Topic),
    st.from_type(QuoteKey),
    st.from_type(TextDigest),
    st.builds(
        QuoteAnchor,
        st.from_type(QuoteRef),
        st.text(max_size=8),
        st.sampled_from(AnchorStatus),
        st.none() | st.from_type(Location),
        st.integers(-1, 99),
        st.integers(-1, 99),
        st.lists(st.from_type(Location), max_size=3).map(tuple),
    ),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(RECORDS, max_size=4).map(tuple), st.dictionaries(st.from_type(QuoteKey), RECORDS))
def test_records_read_back_from_an_entry_as_a_plain_pickle_gives_them(
    records: tuple[object, ...], by_key: dict[QuoteKey, object]
) -> None:
    """The cache pickles records as their field values; what it reads back is what the
    default pickling would give, field for field and type for type."""
    value = (records, by_key)
    written = io.BytesIO()
    cache_module._dump(written, value)
    written.seek(0)
    read = cache_module._load(written)
    assert read == pickle.loads(pickle.dumps(value)) == value
    assert [type(r) for r in read[0]] == [type(r) for r in records]


MODULE_PATHS = st.sampled_from(
    ["a.py", "b.py", "sub/c.py", "sub/deeper/d.py", "notes.txt", "__pycache__/e.py"]
)
PACKAGES = st.dictionaries(MODULE_PATHS, st.binary(max_size=30), max_size=5)


def _sources(files: dict[str, bytes]) -> list[tuple[str, bytes]]:
    """The simple version of the stamp: the source of every module, by its path."""
    return sorted(
        (name, data)
        for name, data in files.items()
        if name.endswith(".py") and not name.startswith("__pycache__/")
    )


def _write_package(folder: Path, files: dict[str, bytes]) -> Path:
    """The files, every one with the same modification time: only their content differs."""
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    return folder


@st.composite
def _package_and_edit(draw: st.DrawFn) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """A package and another state of it: the same, a same-size edit of one file, or any."""
    first = draw(PACKAGES)
    second = dict(first)
    choice = draw(st.sampled_from(["same", "same-size edit", "any"]))
    if choice == "same-size edit" and first:
        name = draw(st.sampled_from(sorted(first)))
        size = len(first[name])
        second[name] = draw(st.binary(min_size=size, max_size=size))
    elif choice == "any":
        second = draw(PACKAGES)
    return first, second


@settings(max_examples=150, deadline=None)
@given(_package_and_edit())
def test_the_code_stamp_changes_exactly_when_a_module_source_does(
    states: tuple[dict[str, bytes], dict[str, bytes]],
) -> None:
    first, second = states
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as two:
        stamp_one = cache_module._code_stamp(_write_package(Path(one), first))
        stamp_two = cache_module._code_stamp(_write_package(Path(two), second))
    assert stamp_one is not None and stamp_two is not None
    assert (stamp_one == stamp_two) == (_sources(first) == _sources(second))


def test_another_version_of_compare_or_python_is_another_stamp(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stamp = cache_module._code_stamp()
    assert stamp is not None and stamp == cache_module._code_stamp()
    monkeypatch.setattr(cache_module, "__version__", "0.0.0-other")
    assert cache_module._code_stamp() != stamp
    monkeypatch.undo()
    monkeypatch.setattr(cache_module.sys, "version", "3.99.0 (other)")
    assert cache_module._code_stamp() != stamp


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="needs POSIX owners")
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(group_and_others=st.integers(0, 0o77), owned=st.booleans())
def test_an_entry_is_read_only_when_the_user_owns_it_in_a_private_folder(
    cache: Path, mini: Path, monkeypatch: pytest.MonkeyPatch, group_and_others: int, owned: bool
) -> None:
    monkeypatch.chdir(mini)
    assertions = find_assertions("assertions.yaml")
    if not entries(cache):
        open_corpus("assertions.yaml")  # writes the entry
    uid = os.getuid()
    os.chmod(cache, 0o700 | group_and_others)
    try:
        with mock.patch.object(os, "getuid", return_value=uid if owned else uid + 1):
            read = cache_module.lookup(assertions)
    finally:
        os.chmod(cache, 0o700)
    # The simple version: the user owns the entry and its folder, which no one else may enter.
    simple = (
        owned
        and os.stat(entries(cache)[0]).st_uid == uid
        and os.stat(cache).st_uid == uid
        and group_and_others == 0
    )
    assert (read is not None) == simple


# -- the cache's own digests, against the standard library's ----------------------------------


@given(data=st.binary(max_size=3000))
def test_the_caches_sha256_is_hashlibs(data: bytes) -> None:
    import hashlib

    assert cache_module.digest_hex(data) == hashlib.sha256(data).hexdigest()


@given(key=st.binary(max_size=200), pieces=st.lists(st.binary(max_size=500), max_size=5))
def test_the_caches_signature_is_hmac_sha256(key: bytes, pieces: list[bytes]) -> None:
    """Fed in pieces, as an entry is signed while it is written and read."""
    import hmac

    signature = cache_module._Hmac(key)
    for piece in pieces:
        signature.update(piece)
    assert signature.digest() == hmac.new(key, b"".join(pieces), "sha256").digest()


@settings(max_examples=30, deadline=None)
@given(st.binary(max_size=3000))
def test_the_code_stamps_digest_is_hashlibs_blake2b(data: bytes) -> None:
    import hashlib

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "module.py"
        path.write_bytes(data)
        assert cache_module._source_hex(path) == hashlib.blake2b(data).hexdigest()


def test_without_a_built_in_blake2b_the_stamp_uses_sha256(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "_blake2", None)  # as a Python built without it
    assert cache_module._builtin_blake2b() is cache_module._sha256


def test_a_warm_view_loads_neither_hashlib_nor_hmac(tmp_path: Path) -> None:
    """The point of the cache's own digests: OpenSSL stays unloaded on a warm view."""
    code = (
        "import sys; from comparator.cli import main\n"
        "try:\n    main(['topics'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('hashlib', 'hmac', '_hashlib') if m in sys.modules))"
    )
    env = {**os.environ, "COMPARE_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "80"}
    mini = Path(__file__).resolve().parent / "fixtures" / "mini"
    for _ in range(2):  # the first run fills the cache, the second is warm
        run = subprocess.run(
            [sys.executable, "-c", code], cwd=mini, env=env, capture_output=True, text=True
        )
    assert run.stdout.strip().splitlines()[-1] == "[]", run.stdout + run.stderr
