"""``compare init``: a new corpus that passes check at once, and never a corpus overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from comparator.schema import SCHEMA_PATH

FILES = (
    "assertions.yaml",
    "assertions.schema.json",
    "seeds/README.md",
    ".github/workflows/compare-check.yml",
    ".pre-commit-config.yaml",
    ".gitignore",
    "README.md",
)


def test_init_makes_a_corpus_that_check_and_topics_accept(run_cli, tmp_path: Path) -> None:
    result = run_cli(["init", "mine"], cwd=tmp_path)
    assert result.exit_code == 0, result.output
    folder = tmp_path / "mine"
    for name in FILES:
        assert (folder / name).is_file(), name
        assert f"created mine/{name}" in result.stdout
    assert "  cd mine" in result.stdout
    checked = run_cli(["check"], cwd=folder)
    assert checked.exit_code == 0, checked.output
    assert "0 errors, 0 warnings, 0 info" in checked.stdout
    topics = run_cli(["topics"], cwd=folder)
    assert topics.exit_code == 0
    assert topics.stdout.splitlines() == [
        "The corpus has no topics yet.",
        "Start one: compare add TOPIC --title TITLE --question QUESTION --claim CLAIM "
        "--claim-text TEXT",
    ]
    sources = run_cli(["sources"], cwd=folder)
    assert sources.exit_code == 0
    assert "Add one: compare ingest PAGE.html --id ID --outlet LABEL --write" in sources.stdout
    shown = run_cli(["weapons"], cwd=folder)
    assert shown.exit_code == 2
    assert "topics: (none yet); start one with compare add TOPIC --title" in shown.stderr


def test_the_cd_line_for_a_folder_named_like_an_option_is_safe(run_cli, tmp_path: Path) -> None:
    result = run_cli(["init", "--", "-rf"], cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "-rf" / "assertions.yaml").is_file()
    assert "  cd -- -rf\n" in result.stdout  # "cd -rf" would read it as options
    spaced = run_cli(["init", "--", "-r f"], cwd=tmp_path)
    assert spaced.exit_code == 0, spaced.output
    assert "  cd -- '-r f'\n" in spaced.stdout


def test_the_schema_modeline_names_a_copy_beside_the_file(run_cli, tmp_path: Path) -> None:
    run_cli(["init"], cwd=tmp_path)
    first = (tmp_path / "assertions.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=assertions.schema.json"
    copy = tmp_path / "assertions.schema.json"
    assert json.loads(copy.read_text(encoding="utf-8")) == json.loads(
        SCHEMA_PATH.read_text(encoding="utf-8")
    )
    assert "version: 2" in (tmp_path / "assertions.yaml").read_text(encoding="utf-8")


def test_the_workflow_and_pre_commit_run_compare_check(run_cli, tmp_path: Path) -> None:
    run_cli(["init"], cwd=tmp_path)
    workflow = (tmp_path / ".github/workflows/compare-check.yml").read_text(encoding="utf-8")
    assert "run: compare check --format github" in workflow
    assert "pull_request:" in workflow
    hooks = (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "repo: local" in hooks
    assert "entry: compare check" in hooks


def test_a_folder_with_a_corpus_is_refused_and_left_alone(run_cli, tmp_path: Path) -> None:
    (tmp_path / "assertions.yaml").write_text("mine\n", encoding="utf-8")
    result = run_cli(["init"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "already holds a corpus: assertions.yaml already exists" in result.stderr
    assert "compare init NEW-FOLDER" in result.stderr
    assert (tmp_path / "assertions.yaml").read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "seeds").exists()


def test_a_seeds_folder_with_files_is_refused(run_cli, tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds/a.txt").write_text("text\n", encoding="utf-8")
    result = run_cli(["init", str(tmp_path)], cwd=tmp_path)
    assert result.exit_code == 2
    assert "seeds/ already holds 1 file(s)" in result.stderr
    assert not (tmp_path / "assertions.yaml").exists()


def test_an_empty_seeds_folder_is_fine(run_cli, tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    assert run_cli(["init"], cwd=tmp_path).exit_code == 0


def test_a_file_of_the_same_name_is_kept_not_replaced(run_cli, tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# my project\n", encoding="utf-8")
    result = run_cli(["init"], cwd=tmp_path)
    assert result.exit_code == 0
    assert "kept    README.md (already there; not replaced)" in result.stdout
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# my project\n"
    assert (tmp_path / "assertions.yaml").exists()


def test_a_file_given_as_the_folder_is_refused(run_cli, tmp_path: Path) -> None:
    (tmp_path / "x").write_text("", encoding="utf-8")
    result = run_cli(["init", "x"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "x is a file, not a folder" in result.stderr


def test_ingest_write_fills_the_new_corpus_sources(run_cli, tmp_path: Path) -> None:
    run_cli(["init"], cwd=tmp_path)
    before = (tmp_path / "assertions.yaml").read_text(encoding="utf-8")
    page = Path(__file__).parent / "fixtures/pages/notes.txt"
    result = run_cli(
        ["ingest", str(page), "--id", "notes", "--outlet", "Notes", "--write"], cwd=tmp_path
    )
    assert result.exit_code == 0, result.output
    after = (tmp_path / "assertions.yaml").read_text(encoding="utf-8")
    assert "sources: {}" not in after
    head, _, tail = before.partition("sources: {}\n")
    assert after.startswith(head + "sources:\n  notes:\n    outlet: Notes\n")
    assert after.endswith(tail)
    assert run_cli(["check"], cwd=tmp_path).exit_code == 0


def test_a_file_made_meanwhile_is_not_replaced(
    run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    real_link = os.link

    def someone_else_first(src: str, dst: str) -> None:
        if str(dst).endswith("README.md") and "seeds" not in str(dst):
            Path(dst).write_text("# theirs\n", encoding="utf-8")
        real_link(src, dst)

    monkeypatch.setattr(os, "link", someone_else_first)
    result = run_cli(["init"], cwd=tmp_path)
    assert result.exit_code == 0
    assert "kept    README.md" in result.stdout
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# theirs\n"
    assert [p.name for p in tmp_path.iterdir() if "compare-tmp" in p.name] == []


def test_without_hard_links_files_are_still_made_whole(
    run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    def no_links(src: str, dst: str) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    assert run_cli(["init"], cwd=tmp_path).exit_code == 0
    assert (
        (tmp_path / "assertions.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=assertions.schema.json\n")
    )
    assert run_cli(["check"], cwd=tmp_path).exit_code == 0


def test_the_lock_file_of_an_edit_is_ignored_by_git(run_cli, tmp_path: Path) -> None:
    import fnmatch

    run_cli(["init"], cwd=tmp_path)
    run_cli(["add", "t", "--title", "T", "--question", "Q", "--claim", "c", "--claim-text", "C."],
            cwd=tmp_path)  # fmt: skip
    patterns = [
        line
        for line in (tmp_path / ".gitignore").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    made = [p.name for p in tmp_path.iterdir() if "compare-" in p.name]
    assert made == [".assertions.yaml.compare-lock"]
    assert all(any(fnmatch.fnmatch(name, p) for p in patterns) for name in made)
    assert fnmatch.fnmatch(".assertions.yaml.compare-tmp-12-ab12cd34", patterns[1])
