"""``compare check --fix`` and ``--diff``: what they rewrite, what they never touch, and that
every other byte of assertions.yaml stays as it was."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from comparator.fileio import exclusive_lock

ARTICLE = (
    "Moscow and Hamas\n\n"
    "Russia directly supplies weapons to Hamas through Iran.\n"
    "Allegations that Russia transferred weapons to Hamas remain unproven.\n"
    "The Kremlin received a well-known Hamas delegation in Moscow in October.\n"
)

YAML = """\
# A corpus for --fix.   Odd spacing and comments are kept.
version: 1
sources:
  report:
    outlet: Alpha
    title: Moscow and Hamas
    file: seeds/report.txt
    sha256: {pin}   # pinned when read
topics:
  weapons:
    title: Weapons supply
    question: Does Russia supply weapons to Hamas?
    claims:
      direct-supply: Russia directly supplies weapons to Hamas.
      visit: Hamas visited Moscow.
    assertions:
      - id: weapons-report
        source: report
        claim: direct-supply
        stance: suggests
        summary: A summary.
        quotes:
          - {first}
          - 'Allegations that Russia transferred weapons to Hamas remain unproven'
      - id: visit-report
        source: report
        claim: visit
        stance: affirms
        summary: A summary.
        quotes:
          - {second}
"""

FIRST = "russia directly supplies weapons to hamas through Iran"
SECOND = "received a well known Hamas delegation in Moscow"
#: The same quotes as the article has them.
EXACT = {
    "first": "Russia directly supplies weapons to Hamas through Iran",
    "second": "received a well-known Hamas delegation in Moscow",
}


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make(
    folder: Path,
    *,
    article: str = ARTICLE,
    pin: str | None = None,
    first: str = FIRST,
    second: str = SECOND,
    yaml: str = YAML,
) -> Path:
    (folder / "seeds").mkdir(parents=True, exist_ok=True)
    (folder / "seeds" / "report.txt").write_text(article, encoding="utf-8")
    path = folder / "assertions.yaml"
    path.write_bytes(
        yaml.format(pin=pin or sha(article), first=first, second=second).encode("utf-8")
    )
    return path


def test_fix_copies_case_and_hyphenation_from_the_article(run_cli, tmp_path: Path) -> None:
    path = make(tmp_path)
    before = path.read_text(encoding="utf-8")
    result = run_cli(["check", "--fix"], cwd=tmp_path)
    after = path.read_text(encoding="utf-8")
    # Exactly the two scalars changed, each replaced whole by a quoted one; every other
    # character (comments, spacing, the other quotes) as it was.
    assert after == before.replace(
        f"- {FIRST}\n", '- "Russia directly supplies weapons to Hamas through Iran"\n'
    ).replace(f"- {SECOND}\n", '- "received a well-known Hamas delegation in Moscow"\n')
    assert "-          - russia directly supplies weapons to hamas through Iran" in result.stdout
    assert '+          - "Russia directly supplies weapons to Hamas through Iran"' in result.stdout
    assert (
        "assertions.yaml:23:13: fixed quote of assertion 'weapons-report' "
        "(case copied from the article)" in result.stdout
    )
    assert (
        "assertions.yaml:31:13: fixed quote of assertion 'visit-report' "
        "(hyphenation copied from the article)" in result.stdout
    )
    assert "fixed 2 values in assertions.yaml" in result.stdout
    # check runs again on the fixed file: its exit code is the fixed file's
    assert result.stdout.endswith("2 assertions, 3 quotes checked: 0 errors, 0 warnings, 0 info\n")
    assert result.exit_code == 0


def test_without_fix_the_same_file_fails(run_cli, tmp_path: Path) -> None:
    path = make(tmp_path)
    before = path.read_bytes()
    result = run_cli(["check"], cwd=tmp_path)
    assert result.exit_code == 1 and "differs only in case" in result.stdout
    assert path.read_bytes() == before


def _assert_patch_gives_what_fix_writes(run_cli, folder: Path, patch: bytes, before: bytes) -> None:
    """The diff is a patch: applied to the old file by git, it gives what --fix writes."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    path = folder / "assertions.yaml"
    path.write_bytes(before)
    (folder / "fix.patch").write_bytes(patch)
    subprocess.run(["git", "apply", "fix.patch"], cwd=folder, check=True)
    patched = path.read_bytes()
    path.write_bytes(before)
    run_cli(["check", "--fix"], cwd=folder)
    assert path.read_bytes() == patched


def test_diff_prints_the_patch_and_writes_nothing(run_cli, tmp_path: Path) -> None:
    path = make(tmp_path)
    before = path.read_bytes()
    stamp = path.stat().st_mtime_ns
    result = run_cli(["check", "--diff"], cwd=tmp_path)
    assert result.exit_code == 1  # there is something to fix
    assert path.read_bytes() == before and path.stat().st_mtime_ns == stamp
    assert result.stdout.startswith("--- a/assertions.yaml\n+++ b/assertions.yaml\n@@ ")
    assert "would fix 2 values in assertions.yaml; nothing was written" in result.stderr
    assert "checked" not in result.stdout  # only the diff
    _assert_patch_gives_what_fix_writes(run_cli, tmp_path, result.stdout_bytes, before)


def test_the_diff_of_a_crlf_file_keeps_its_line_ends_and_applies(run_cli, tmp_path: Path) -> None:
    path = make(tmp_path)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    before = path.read_bytes()
    result = run_cli(["check", "--diff"], cwd=tmp_path)
    assert result.exit_code == 1
    patch = result.stdout_bytes  # click's .stdout turns CRLF into LF
    assert b"\\x0d" not in patch  # a CRLF's CR is the file's line end, not a control
    assert b'+          - "received a well-known Hamas delegation in Moscow"\r\n' in patch
    assert b"+++ b/assertions.yaml\n" in patch  # the diff's own lines end as diff's do
    _assert_patch_gives_what_fix_writes(run_cli, tmp_path, patch, before)


def test_the_diff_of_a_cr_only_file_applies(run_cli, tmp_path: Path) -> None:
    # A classic Mac file is one line to git: its CRs are bytes of that line, kept raw.
    path = make(tmp_path)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    before = path.read_bytes()
    result = run_cli(["check", "--diff"], cwd=tmp_path)
    assert result.exit_code == 1
    patch = result.stdout_bytes
    assert b"\\x0d" not in patch
    _assert_patch_gives_what_fix_writes(run_cli, tmp_path, patch, before)


def test_diff_with_nothing_to_fix_exits_0(run_cli, tmp_path: Path) -> None:
    make(tmp_path, first="Russia directly supplies weapons to Hamas through Iran")
    path = tmp_path / "assertions.yaml"
    path.write_text(
        path.read_text().replace(SECOND, "received a well-known Hamas delegation in Moscow")
    )
    result = run_cli(["check", "--diff"], cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "nothing to fix in assertions.yaml" in result.stderr


def test_fix_repins_a_changed_text_whose_quotes_all_anchor(run_cli, tmp_path: Path) -> None:
    old_article = ARTICLE
    new_article = ARTICLE + "A paragraph added later.\n"
    path = make(tmp_path, article=new_article, pin=sha(old_article), **EXACT)
    before = path.read_text(encoding="utf-8")
    result = run_cli(["check", "--fix"], cwd=tmp_path)
    # every quote anchors in the changed text, so the pin follows the text
    assert f"sha256: {sha(new_article)}   # pinned when read\n" in path.read_text()
    assert path.read_text().replace(sha(new_article), sha(old_article)).count("\n") == (
        before.count("\n")
    )
    assert (
        "assertions.yaml:8:13: fixed source 'report' (sha256 re-pinned to the changed text)"
        in result.stdout
    )
    assert result.exit_code == 0, result.stdout


def test_fix_never_copies_a_changed_articles_words_over_a_quote(run_cli, tmp_path: Path) -> None:
    # The article's case changed after it was read: copying it over the quotes and re-pinning
    # would accept the change unread.
    changed = ARTICLE.replace("Hamas", "hamas")
    path = make(tmp_path, article=changed, pin=sha(ARTICLE), **EXACT)
    before = path.read_bytes()
    result = run_cli(["check", "--fix"], cwd=tmp_path)
    assert path.read_bytes() == before
    assert "changed and 3 of its quotes no longer anchor" in result.stdout
    assert "case copied" not in result.stdout
    assert result.exit_code == 1


def test_fix_keeps_a_quoted_pin_quoted(run_cli, tmp_path: Path) -> None:
    yaml = YAML.replace("sha256: {pin}", "sha256: '{pin}'")
    path = make(tmp_path, article=ARTICLE + "More.\n", pin=sha(ARTICLE), yaml=yaml, **EXACT)
    run_cli(["check", "--fix"], cwd=tmp_path)
    assert f"sha256: '{sha(ARTICLE + 'More.' + chr(10))}'   # pinned" in path.read_text()


def test_fix_never_repins_when_a_quote_is_lost(run_cli, tmp_path: Path) -> None:
    changed = ARTICLE.replace("remain unproven", "are unproven")
    path = make(
        tmp_path,
        article=changed,
        pin=sha(ARTICLE),
        first="Russia directly supplies weapons to Hamas through Iran",
        second="received a well-known Hamas delegation in Moscow",
    )
    before = path.read_bytes()
    result = run_cli(["check", "--fix"], cwd=tmp_path)
    assert path.read_bytes() == before
    assert (
        "assertions.yaml:4:3: not fixed source 'report': seeds/report.txt changed and 1 of its "
        "quotes no longer anchor (assertions.yaml:24:13); sha256 not re-pinned: fix those "
        "quotes first" in result.stdout
    )
    assert "nothing to fix in assertions.yaml" in result.stdout
    assert "error source-changed" in result.stdout and result.exit_code == 1


def test_fix_never_rewrites_a_quote_that_is_not_found(run_cli, tmp_path: Path) -> None:
    path = make(tmp_path, first="Russia openly supplies weapons to Hamas through Iran")
    result = run_cli(["check", "--fix"], cwd=tmp_path)
    text = path.read_text()
    assert "- Russia openly supplies weapons to Hamas through Iran\n" in text
    assert "error quote-not-found quote of assertion 'weapons-report'" in result.stdout
    assert result.exit_code == 1


def test_fix_leaves_a_quote_that_could_mean_two_passages(run_cli, tmp_path: Path) -> None:
    article = ARTICLE + "RUSSIA DIRECTLY SUPPLIES WEAPONS TO HAMAS THROUGH IRAN, they wrote.\n"
    path = make(tmp_path, article=article)
    result = run_cli(["check", "--fix"], cwd=tmp_path)
    assert f"- {FIRST}\n" in path.read_text()  # left as it was
    assert (
        "assertions.yaml:23:13: not fixed quote of assertion 'weapons-report' differs only in "
        "case from more than one passage of seeds/report.txt; not fixed: copy the one you mean"
        in result.stdout
    )
    assert "fixed 1 value in assertions.yaml" in result.stdout  # the other fix still made
    assert result.exit_code == 1


def test_fix_leaves_a_near_miss_inside_a_word(run_cli, tmp_path: Path) -> None:
    article = ARTICLE.replace("Russia directly", "NotRussia directly")
    path = make(tmp_path, article=article, first="Russia directly supplies weapons to Hamas")
    result = run_cli(["check", "--fix"], cwd=tmp_path)
    assert "- Russia directly supplies weapons to Hamas\n" in path.read_text()
    assert "would not be found there as a quote of their own" in result.stdout


def test_fix_leaves_an_elided_quote(run_cli, tmp_path: Path) -> None:
    path = make(tmp_path, first="russia directly supplies ... hamas through Iran")
    run_cli(["check", "--fix"], cwd=tmp_path)
    assert "- russia directly supplies ... hamas through Iran\n" in path.read_text()


ALLEGATIONS = "'Allegations that Russia transferred weapons to Hamas remain unproven'"
QUOTES = f"        quotes:\n          - {{first}}\n          - {ALLEGATIONS}\n"


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        (
            "- >-\n            russia directly supplies\n            weapons to hamas through"
            " Iran\n\n",
            '- "Russia directly supplies weapons to Hamas through Iran"\n\n',
        ),
        (
            "- 'russia directly supplies\n            weapons to hamas through Iran'\n",
            "- 'Russia directly supplies weapons to Hamas through Iran'\n",
        ),
        (
            '- "russia directly supplies weapons to hamas through Iran"  # a comment\n',
            '- "Russia directly supplies weapons to Hamas through Iran"  # a comment\n',
        ),
        (
            "- |\n            russia directly supplies weapons to hamas through Iran\n",
            '- "Russia directly supplies weapons to Hamas through Iran"\n',
        ),
        (
            "- russia directly supplies\n            weapons to hamas through Iran\n",
            '- "Russia directly supplies weapons to Hamas through Iran"\n',
        ),
    ],
    ids=[
        "folded",
        "single-quoted-on-two-lines",
        "double-quoted-with-comment",
        "literal",
        "plain-on-two-lines",
    ],
)
def test_fix_replaces_the_whole_scalar_whatever_its_style(
    run_cli, tmp_path: Path, written: str, fixed: str
) -> None:
    yaml = YAML.replace("- {first}\n", written)
    path = make(tmp_path, yaml=yaml, second="received a well-known Hamas delegation in Moscow")
    before = path.read_text()
    result = run_cli(["check", "--fix"], cwd=tmp_path)
    assert result.exit_code == 0, result.stdout
    assert path.read_text() == before.replace(written, fixed)


def test_fix_in_a_flow_sequence(run_cli, tmp_path: Path) -> None:
    flow = f"        quotes: [{FIRST}, {ALLEGATIONS}]\n"
    path = make(
        tmp_path, yaml=YAML.replace(QUOTES, flow), second=SECOND.replace(" known", "-known")
    )
    before = path.read_text()
    result = run_cli(["check", "--fix"], cwd=tmp_path)
    assert result.exit_code == 0, result.stdout
    assert path.read_text() == before.replace(
        FIRST + ",", '"Russia directly supplies weapons to Hamas through Iran",'
    )


def test_fix_keeps_crlf_line_ends_and_a_byte_order_mark(run_cli, tmp_path: Path) -> None:
    path = make(tmp_path)
    original = "\ufeff" + path.read_text().replace("\n", "\r\n")
    path.write_bytes(original.encode("utf-8"))
    result = run_cli(["check", "--fix"], cwd=tmp_path)
    assert result.exit_code == 0, result.stdout
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == original.count("\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert data.decode("utf-8") == original.replace(
        f"- {FIRST}\r\n", '- "Russia directly supplies weapons to Hamas through Iran"\r\n'
    ).replace(f"- {SECOND}\r\n", '- "received a well-known Hamas delegation in Moscow"\r\n')


def test_fix_with_json_or_sarif_keeps_stdout_for_the_data(run_cli, tmp_path: Path) -> None:
    make(tmp_path)
    result = run_cli(["check", "--fix", "--format", "json"], cwd=tmp_path)
    report = json.loads(result.stdout)  # stdout is the fixed file's check, nothing else
    assert report["summary"]["errors"] == 0
    assert "+++ b/assertions.yaml" in result.stderr
    assert "fixed 2 values in assertions.yaml" in result.stderr
    assert result.exit_code == 0
    result = run_cli(["check", "--fix", "--format", "sarif"], cwd=tmp_path)
    assert json.loads(result.stdout)["version"] == "2.1.0"
    assert "nothing to fix in assertions.yaml" in result.stderr


def test_diff_refuses_a_format_for_programs(run_cli, tmp_path: Path) -> None:
    path = make(tmp_path)
    before = path.read_bytes()
    result = run_cli(["check", "--diff", "--format", "sarif"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "--diff prints a unified diff; it has no --format sarif" in result.stderr
    assert path.read_bytes() == before


def test_fix_refuses_a_read_only_file(run_cli, tmp_path: Path) -> None:
    path = make(tmp_path)
    path.chmod(0o444)
    try:
        result = run_cli(["check", "--fix"], cwd=tmp_path)
    finally:
        path.chmod(0o644)
    assert result.exit_code == 2
    assert "is read-only; nothing was changed" in result.stderr


def test_fix_waits_for_a_concurrent_edit_and_keeps_it(tmp_path: Path) -> None:
    """Another compare editing the file holds its lock: --fix waits, then reads the file the
    other one wrote, so neither edit is lost."""
    path = make(tmp_path)
    entered = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with exclusive_lock(path.resolve()):
            entered.set()
            release.wait(30)
            text = path.read_text()
            path.write_text(text.replace("title: Moscow and Hamas", "title: Edited meanwhile"))

    holder = threading.Thread(target=hold)
    holder.start()
    assert entered.wait(10)
    fixer = subprocess.Popen(
        [sys.executable, "-m", "comparator", "check", "--fix"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.0)
    assert fixer.poll() is None  # waiting for the lock
    release.set()
    holder.join()
    out, err = fixer.communicate(timeout=60)
    assert fixer.returncode == 0, out + err
    text = path.read_text()
    assert "title: Edited meanwhile" in text
    assert '- "Russia directly supplies weapons to Hamas through Iran"' in text


def test_fix_writes_nothing_when_the_file_changes_under_it(
    run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor that takes no lock saves between the read and the write: its text stays."""
    from comparator import fixing

    path = make(tmp_path)
    real = fixing._plan

    def plan_then_edit(where: Path) -> fixing.FixPlan:
        made = real(where)
        where.write_text(where.read_text() + "# saved by an editor\n")
        return made

    monkeypatch.setattr(fixing, "_plan", plan_then_edit)
    result = run_cli(["check", "--fix"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "changed while it was being fixed" in result.stderr
    assert path.read_text().endswith("# saved by an editor\n")
    assert f"- {FIRST}\n" in path.read_text()


def test_fix_writes_nothing_when_the_result_would_not_load_back(
    run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from comparator import fixing

    path = make(tmp_path)
    before = path.read_bytes()
    real = fixing.apply_fixes
    monkeypatch.setattr(
        fixing, "apply_fixes", lambda text, fixes: real(text, fixes).replace("claim: visit", "")
    )
    result = run_cli(["check", "--fix"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "the fixes would not be safe" in result.stderr and "nothing was changed" in result.stderr
    assert path.read_bytes() == before


def test_fix_on_a_last_line_without_a_line_break(run_cli, tmp_path: Path) -> None:
    path = make(tmp_path)
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    result = run_cli(["check", "--diff"], cwd=tmp_path)
    assert result.stdout.endswith(
        "-          - received a well known Hamas delegation in Moscow\n"
        "\\ No newline at end of file\n"
        '+          - "received a well-known Hamas delegation in Moscow"\n'
        "\\ No newline at end of file\n"
    )
    run_cli(["check", "--fix"], cwd=tmp_path)
    assert path.read_text().endswith('- "received a well-known Hamas delegation in Moscow"')


def test_the_diff_is_coloured_on_a_terminal(run_cli, tmp_path: Path) -> None:
    make(tmp_path)
    result = run_cli(
        ["check", "--diff"], cwd=tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": "", "TERM": "xterm"}
    )
    removed = "-          - russia directly supplies weapons to hamas through Iran"
    assert f"\x1b[31m{removed}\x1b[0m" in result.stdout


def test_fix_writes_nothing_when_a_value_is_not_where_it_was_read(
    run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from comparator import fixing

    path = make(tmp_path, article=ARTICLE + "More.\n", pin=sha(ARTICLE), **EXACT)
    before = path.read_bytes()
    monkeypatch.setattr(fixing, "sha256_places", lambda text, shown: {})
    result = run_cli(["check", "--fix"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "the value to fix is not where the file was read; nothing was changed" in result.stderr
    assert path.read_bytes() == before


def test_fix_copies_the_case_of_a_quote_under_reports(run_cli, tmp_path: Path) -> None:
    case = Path(__file__).parent / "cases" / "report-treatment"
    shutil.copytree(case, tmp_path / "corpus")
    path = tmp_path / "corpus" / "assertions.yaml"
    before = path.read_text()
    wrong = "- officials in Moscow deny any role in the attack"
    path.write_text(before.replace(wrong, "- Officials In Moscow deny any role in the attack"))
    result = run_cli(["check", "--fix"], cwd=tmp_path / "corpus")
    assert "(report by 'moscow-officials') (case copied from the article)" in result.stdout
    assert path.read_text() == before.replace(wrong, f'- "{wrong[2:]}"')


def test_fix_repins_a_changed_text_no_assertion_quotes(run_cli, tmp_path: Path) -> None:
    """Nothing quotes the text, so nothing can be lost: the pin follows it, as source-drift
    advises."""
    yaml = YAML.replace(
        "topics:",
        "  spare:\n    outlet: Beta\n    title: Spare\n"
        "    file: seeds/spare.txt\n    sha256: {spare}\ntopics:",
    )
    yaml = yaml.replace("    claims:", "    silent: [spare]\n    claims:", 1)
    yaml = yaml.replace("{spare}", "0" * 64)
    path = make(
        tmp_path,
        yaml=yaml,
        first="Russia directly supplies weapons to Hamas through Iran",
        second="received a well-known Hamas delegation in Moscow",
    )
    (tmp_path / "seeds" / "spare.txt").write_text("A spare text.\n")
    result = run_cli(["check", "--fix"], cwd=tmp_path)
    assert f"sha256: {sha('A spare text.' + chr(10))}\n" in path.read_text()
    assert "fixed source 'spare' (sha256 re-pinned to the changed text)" in result.stdout
    assert result.exit_code == 0, result.stdout


def test_fix_on_a_file_that_does_not_load_changes_nothing(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "assertions.yaml"
    path.write_text("- just a list\n")
    result = run_cli(["check", "--fix"], cwd=tmp_path)
    assert path.read_text() == "- just a list\n"
    assert "nothing to fix in assertions.yaml" in result.stdout
    assert "error schema" in result.stdout and result.exit_code == 1


@pytest.mark.parametrize(
    ("in_article", "written"),
    [
        # the matcher ignores a soft hyphen: the fixed quote leaves it out
        ("Russia directly sup\u00adplies weapons", "'Russia directly supplies weapons"),
        # it does not ignore a direction mark: the fixed quote keeps it, escaped
        ("Russia directly\u200e supplies weapons", '"Russia directly\\u200e supplies weapons'),
        # an apostrophe in a single-quoted quote is doubled
        ("Russia's directly supplies weapons", "'Russia''s directly supplies weapons"),
    ],
    ids=["soft-hyphen", "direction-mark", "apostrophe"],
)
def test_fix_writes_what_the_matcher_reads(
    run_cli, tmp_path: Path, in_article: str, written: str
) -> None:
    article = ARTICLE.replace("Russia directly supplies weapons", in_article)
    quote = in_article.replace("\u00ad", "").lower() + " to hamas through Iran"
    yaml = YAML.replace("- {first}", "- '" + quote.replace("'", "''") + "'")
    path = make(tmp_path, yaml=yaml, article=article, second=SECOND.replace(" known", "-known"))
    result = run_cli(["check", "--fix"], cwd=tmp_path)
    assert result.exit_code == 0, result.stdout
    assert f"- {written} to Hamas through Iran" in path.read_text()


def test_fix_with_diff_is_still_a_dry_run(run_cli, tmp_path: Path) -> None:
    path = make(tmp_path)
    before = path.read_bytes()
    result = run_cli(["check", "--fix", "--diff"], cwd=tmp_path)
    assert path.read_bytes() == before
    assert result.exit_code == 1 and "would fix 2 values" in result.stderr


def test_fix_in_github_format_keeps_annotations_alone_on_stdout(run_cli, tmp_path: Path) -> None:
    make(tmp_path, first="Russia openly supplies weapons to Hamas through Iran")
    result = run_cli(["check", "--fix", "--format", "github"], cwd=tmp_path)
    *annotations, summary = result.stdout.splitlines()
    assert all(line.startswith("::error ") for line in annotations) and annotations
    assert summary == "2 assertions, 3 quotes checked: 1 error, 0 warnings, 0 info"
    assert "fixed 1 value in assertions.yaml" in result.stderr
    assert result.exit_code == 1
