"""``compare init [DIR]``: a new corpus of one's own, ready for ``compare check`` at once.

It lays out what this repository has and a corpus repository needs: ``assertions.yaml``
(version 2, empty), the JSON Schema beside it for editors, ``seeds/`` for the article texts,
a GitHub workflow and a pre-commit config that run ``compare check``, a ``.gitignore`` for
compare's lock and temporary files, and a short README.

The schema is copied into the corpus (``assertions.schema.json``) and the modeline names it by
a path relative to ``assertions.yaml``: yaml-language-server resolves such a path from the YAML
file's own folder, so completion and checking work offline, in any clone, in any editor that
runs that server, without knowing where (or whether) compare is installed on that machine. A
path into the installed package would break in a teammate's clone or after a new venv. The
copy is of the version that made the corpus; ``compare schema --print`` refreshes it.

A folder that already holds a corpus is refused, and nothing that exists is ever replaced:
a file of the same name already there (a README of the repository) is kept and said so.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from comparator import __version__
from comparator.errors import UsageError
from comparator.fileio import atomic_write, temporary_name
from comparator.loader import ASSERTIONS_FILENAME, display_path
from comparator.schema import SCHEMA_PATH

SCHEMA_NAME = "assertions.schema.json"
SEEDS = "seeds"
WORKFLOW = ".github/workflows/compare-check.yml"
PRE_COMMIT = ".pre-commit-config.yaml"

ASSERTIONS_TEXT = f"""\
# yaml-language-server: $schema={SCHEMA_NAME}
# The reading of the corpus: one entry per article under sources, the people and offices the
# articles report under voices, and per topic the claims and each article's position on them,
# every position backed by a verbatim quote. `compare check` verifies all of it.
version: 2

# Add an article: compare ingest PAGE.html --id ID --outlet LABEL --write
sources: {{}}

# Start a topic: compare add TOPIC --title TITLE --question QUESTION --claim CLAIM --claim-text TEXT
# Record a position: compare add TOPIC --source ID --claim CLAIM --stance STANCE --quote TEXT
topics: {{}}
"""

SEEDS_README = """\
# seeds/: the article texts

One plain-text file per article, UTF-8, named after its source id (`seeds/ID.txt`). Each is
named by a source's `file:` in `../assertions.yaml`, and every quote of that source must be
found in it word for word (whitespace, quote marks and dashes may differ).

`compare ingest PAGE.html --id ID --outlet LABEL --write` saves a web page's article text here
and adds its source entry. Keep the texts as they were read: a changed text fails its `sha256`
pin in `compare check` until its quotes are checked again.
"""

WORKFLOW_TEXT = f"""\
# The corpus gate: every quote found verbatim in its article, every reference valid, every
# article reviewed for every topic. Findings appear as annotations on assertions.yaml.
name: compare check

on:
  push:
  pull_request:

permissions:
  contents: read

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - name: Install compare
        # The version that made this corpus; or pip install git+URL-OF-COMPARE@COMMIT
        run: pip install "compare-claims=={__version__}"
      - name: compare check
        run: compare check --format github
      - name: Add the report to the run summary
        if: success()
        run: compare report >> "$GITHUB_STEP_SUMMARY"
"""

PRE_COMMIT_TEXT = """\
# pre-commit (https://pre-commit.com): run the corpus gate before each commit that changes the
# reading or a text. Uses the compare installed where git runs (pip install compare-claims).
repos:
  - repo: local
    hooks:
      - id: compare-check
        name: compare check
        entry: compare check
        language: system
        pass_filenames: false
        require_serial: true
        files: (^|/)(assertions\\.yaml|seeds/.+)$
"""

GITIGNORE_TEXT = """\
# compare's lock file (held while add or ingest edits assertions.yaml) and the temporary
# files of its atomic writes
.*.compare-lock
.*.compare-tmp-*
"""

README_TEXT = f"""\
# A compare corpus

Where articles agree and contradict, topic by topic, every position backed by a verbatim quote.
Made with `compare init`; `compare --help` lists the commands.

- `assertions.yaml`: the reading. Sources (one per article), voices, topics with their claims,
  and each article's position on each claim with its quotes.
- `seeds/`: the article texts the quotes are checked against.
- `{SCHEMA_NAME}`: the schema editors use to check and complete `assertions.yaml`
  (refresh it after upgrading compare: `compare schema --print > {SCHEMA_NAME}`).

## Working on it

    compare ingest PAGE.html --id ID --outlet LABEL --write      # an article into seeds/
    compare add TOPIC --title TITLE --question QUESTION --claim CLAIM --claim-text TEXT
    compare suggest TOPIC --source ID                            # sentences worth reading
    compare add TOPIC --source ID --claim CLAIM --stance STANCE --quote "..."
    compare add TOPIC --source ID --silent --reason "..."        # read, says nothing on it
    compare check                                                # the gate, as CI runs it
    compare TOPIC                                                # the sources side by side

`compare check` runs on every push and pull request (`{WORKFLOW}`) and, with
pre-commit installed (`pre-commit install`), before every commit (`{PRE_COMMIT}`).
"""


@dataclass(frozen=True)
class MadeFile:
    """One file init made, or kept because it was already there."""

    path: str
    #: Whether init wrote it (False: a file of that name was there and was kept as it was).
    written: bool


@dataclass(frozen=True)
class InitResult:
    """What ``compare init`` made, for the renderer."""

    folder: str
    files: tuple[MadeFile, ...]
    #: The folder to ``cd`` into before the next commands; empty when it is the current one.
    enter: str


def _holds_corpus(folder: Path) -> str | None:
    """What in ``folder`` makes it a corpus already, or None."""
    yaml_path = folder / ASSERTIONS_FILENAME
    if yaml_path.exists() or yaml_path.is_symlink():
        return f"{display_path(yaml_path)} already exists"
    seeds = folder / SEEDS
    if seeds.is_dir():
        try:
            entries = os.listdir(seeds)
        except OSError:
            entries = ["?"]
        if entries:
            return f"{display_path(seeds)}/ already holds {len(entries)} file(s)"
    elif seeds.exists() or seeds.is_symlink():
        return f"{display_path(seeds)} exists and is not a folder"
    return None


def _create(target: Path, text: str) -> bool:
    """Write a new file whole, never over one that exists (even one made a moment ago by
    someone else): the text goes to a temporary file that is then linked to its name, which
    fails if the name is taken. False when it was taken."""
    if target.exists() or target.is_symlink():
        return False
    temp = target.with_name(temporary_name(target))
    try:
        atomic_write(temp, text)
        try:
            os.link(temp, target)
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links: exclusive creation instead
            try:
                with open(target, "x", encoding="utf-8", newline="") as handle:
                    handle.write(text)
            except FileExistsError:
                return False
    except OSError as exc:
        raise UsageError(f"{display_path(target)}: cannot write ({exc.strerror or exc})") from None
    finally:
        temp.unlink(missing_ok=True)
    return True


def init_corpus(folder: Path) -> InitResult:
    """Make a new corpus in ``folder`` (created if need be); UsageError when it holds one."""
    shown = display_path(folder) if str(folder) not in ("", ".") else "."
    if folder.exists() and not folder.is_dir():
        raise UsageError(
            f"{shown} is a file, not a folder", hint="give a folder for the new corpus"
        )
    found = _holds_corpus(folder)
    if found is not None:
        raise UsageError(
            f"{shown} already holds a corpus: {found}; nothing was changed",
            hint="work on it there (compare check shows its state), or give another folder: "
            "compare init NEW-FOLDER",
        )
    try:
        (folder / SEEDS).mkdir(parents=True, exist_ok=True)
        (folder / WORKFLOW).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            f"{shown}: cannot create the corpus folders ({exc.strerror or exc})"
        ) from None
    contents = (
        (ASSERTIONS_FILENAME, ASSERTIONS_TEXT),
        (SCHEMA_NAME, SCHEMA_PATH.read_text(encoding="utf-8")),
        (f"{SEEDS}/README.md", SEEDS_README),
        (WORKFLOW, WORKFLOW_TEXT),
        (PRE_COMMIT, PRE_COMMIT_TEXT),
        (".gitignore", GITIGNORE_TEXT),
        ("README.md", README_TEXT),
    )
    made = []
    for name, text in contents:
        target = folder / name
        written = _create(target, text)
        made.append(MadeFile(display_path(target), written=written))
    enter = "" if folder.resolve() == Path.cwd().resolve() else display_path(folder)
    return InitResult(shown, tuple(made), enter)
