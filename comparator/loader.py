"""Find and read ``assertions.yaml`` strictly, and turn it into the data model.

This is the only module that imports yaml. It reads the YAML event stream itself instead of
letting PyYAML construct objects, so that every scalar stays a string (``no`` is "no", not
False), anchors, aliases and tags are refused before they can expand, duplicate keys are
caught with both positions, and deep nesting cannot exhaust the Python stack. Problems are
collected as findings instead of stopping at the first; only a file that cannot be read as
YAML at all raises.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from comparator.errors import InputError
from comparator.fileio import read_input
from comparator.models import (
    RESERVED_TOPIC_IDS,
    Assertion,
    Claim,
    Corpus,
    Finding,
    IgnoreEntry,
    LoadResult,
    Location,
    QuoteRef,
    Severity,
    Source,
    Stance,
    Topic,
)

ASSERTIONS_FILENAME = "assertions.yaml"
ENV_VAR = "COMPARE_ASSERTIONS"
SUPPORTED_VERSIONS = ("1",)
MAX_DEPTH = 32
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
SHA256 = re.compile(r"[0-9a-f]{64}\Z")


# --------------------------------------------------------------------------- finding the file


def find_assertions(
    explicit: str | os.PathLike[str] | None = None,
    *,
    cwd: Path | None = None,
    environ: dict[str, str] | None = None,
) -> Path:
    """Return the corpus file: ``--assertions``, else ``$COMPARE_ASSERTIONS``, else walk up."""
    env = os.environ if environ is None else environ
    start = Path.cwd() if cwd is None else cwd
    if explicit is None and env.get(ENV_VAR):
        explicit = env[ENV_VAR]
    if explicit is not None:
        path = Path(explicit)
        if not path.is_absolute():
            path = start / path
        if path.is_dir():
            path = path / ASSERTIONS_FILENAME
        if not path.is_file():
            raise InputError(
                f"{display_path(path)}: no such file",
                hint="give the path of an assertions.yaml with --assertions/-a",
            )
        return path
    for folder in (start, *start.parents):
        candidate = folder / ASSERTIONS_FILENAME
        if candidate.is_file():
            return candidate
    raise InputError(
        f"no {ASSERTIONS_FILENAME} in {display_path(start)} or any folder above it",
        hint=f"run compare inside a corpus folder, or pass --assertions/-a FILE or set ${ENV_VAR}",
    )


def display_path(path: Path) -> str:
    """The path as a user would type it: relative to the cwd when it is below it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------- the YAML tree


class Node:
    """A YAML node with its position: a str, a list of Nodes, or a dict of key -> (key, value)."""

    __slots__ = ("column", "kind", "line", "value")

    def __init__(self, kind: str, value: Any, line: int, column: int) -> None:
        # "str", "seq", "map", "bad" (an alias or too-deep node we refused) or "done" (an
        # assertion validated while parsing: its model and findings)
        self.kind = kind
        self.value = value
        self.line = line
        self.column = column


def _decode(data: bytes, shown: str) -> str:
    """Decode strict UTF-8, naming line and column of the first bad byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise InputError(
            f"{shown}:{line}:{column}: not UTF-8 (byte 0x{data[exc.start]:02x})",
            hint="save the file as UTF-8",
        ) from None


def _events(text: str | bytes) -> Iterator[Any]:
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()


#: Turns a finished assertion mapping into a "done" Node: (topic id, mapping) -> Node.
Converter = Callable[[str, Node], Node]


def parse_yaml(
    text: str | bytes, shown: str, convert: Converter | None = None
) -> tuple[Node | None, list[Finding]]:
    """Build a Node tree from YAML text; structural problems become findings.

    With ``convert``, each mapping under ``topics: TOPIC: assertions:`` is handed over as soon
    as it is complete and replaced by what it returns: the tree of a large corpus is never
    held whole (an assertion's nodes weigh some ten times its model).
    """
    import yaml

    findings: list[Finding] = []

    def problem(message: str, line: int, column: int) -> None:
        findings.append(
            Finding("schema", Severity.ERROR, message, Location(shown, line + 1, column + 1))
        )

    # Tabs in indentation are the classic copy-paste accident; YAML forbids them and the
    # parser's own message is cryptic, so say it plainly. (Lines are split only when there
    # is a tab at all: a large corpus need not be copied line by line.)
    if isinstance(text, bytes):
        lines = text.decode("utf-8-sig").splitlines() if b"\t" in text else []
    else:
        lines = text.splitlines() if "\t" in text else []
    for number, line_text in enumerate(lines, start=1):
        stripped = line_text.lstrip(" ")
        if stripped.startswith("\t"):
            column = len(line_text) - len(stripped) + 1
            raise InputError(
                f"{shown}:{number}:{column}: a tab in the indentation",
                hint="YAML indents with spaces only; replace the tab with spaces",
            )

    root: Node | None = None
    # Each frame: [node, pending key Node or None, the key this node is the value of (None
    # for list items, the root, and values of duplicate keys)]
    stack: list[list[Any]] = []
    skipping = 0
    documents = 0

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        frame = stack[-1]
        parent: Node = frame[0]
        if parent.kind == "seq":
            parent.value.append(node)
        elif frame[1] is None:
            if node.kind != "str":
                problem("a mapping key must be a plain string", node.line, node.column)
                node = Node(
                    "str",
                    f"<invalid key at {node.line + 1}:{node.column + 1}>",
                    node.line,
                    node.column,
                )
            if node.value in parent.value:
                first = parent.value[node.value][0]
                problem(
                    f"duplicate key '{node.value}' (first at line {first.line + 1}); "
                    "keep one of them",
                    node.line,
                    node.column,
                )
                frame[1] = Node("str", None, node.line, node.column)  # value will be dropped
            else:
                frame[1] = node
        else:
            key: Node = frame[1]
            if key.value is not None:
                parent.value[key.value] = (key, node)
            frame[1] = None

    try:
        for event in _events(text):
            name = type(event).__name__
            line = event.start_mark.line
            column = event.start_mark.column
            if skipping:
                if name in ("MappingStartEvent", "SequenceStartEvent"):
                    skipping += 1
                elif name in ("MappingEndEvent", "SequenceEndEvent"):
                    skipping -= 1
                continue
            if name == "DocumentStartEvent":
                documents += 1
                if documents > 1:
                    problem("more than one YAML document; keep the corpus in one", line, column)
                    break
                continue
            if name in ("StreamStartEvent", "StreamEndEvent", "DocumentEndEvent"):
                continue
            if name == "AliasEvent":
                problem(
                    f"aliases (*{event.anchor}) are not allowed; write the value out", line, column
                )
                attach(Node("bad", None, line, column))
                continue
            if getattr(event, "anchor", None) is not None:
                problem(
                    f"anchors (&{event.anchor}) are not allowed; write the value out", line, column
                )
            tag = getattr(event, "tag", None)
            if tag is not None:
                shown_tag = tag.replace("tag:yaml.org,2002:", "!!")
                problem(
                    f"tags ({shown_tag}) are not allowed; every value is read as a string",
                    line,
                    column,
                )
            if name == "ScalarEvent":
                attach(Node("str", event.value, line, column))
            elif name in ("MappingStartEvent", "SequenceStartEvent"):
                if len(stack) >= MAX_DEPTH:
                    problem(f"nested deeper than {MAX_DEPTH} levels", line, column)
                    attach(Node("bad", None, line, column))
                    skipping = 1
                    continue
                kind = "map" if name == "MappingStartEvent" else "seq"
                node = Node(kind, {} if kind == "map" else [], line, column)
                pending = stack[-1][1] if stack else None
                attach(node)
                stack.append([node, None, pending.value if pending is not None else None])
            elif name in ("MappingEndEvent", "SequenceEndEvent"):
                done = stack.pop()[0]
                if (
                    convert is not None
                    and len(stack) == 4
                    and done.kind == "map"
                    and stack[3][2] == "assertions"
                    and stack[3][0].kind == "seq"
                    and stack[2][2] is not None
                    and stack[2][0].kind == "map"
                    and stack[1][2] == "topics"
                    and stack[1][0].kind == "map"
                    and stack[0][0].kind == "map"
                ):
                    stack[3][0].value[-1] = convert(stack[2][2], done)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark else shown
        what = exc.problem or exc.context or "not valid YAML"
        raise InputError(
            f"{where}: YAML syntax error: {what}",
            hint="fix the YAML at that position (a missing quote, colon or "
            "indentation is the usual cause)",
        ) from None
    except yaml.YAMLError as exc:  # e.g. a reader error on a control character
        raise InputError(f"{shown}: not valid YAML: {exc}") from None
    return root, findings


# --------------------------------------------------------------------------- validation


class _Validator:
    """Turns a Node tree into the model, collecting every schema problem it meets."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.findings: list[Finding] = []

    def loc(self, node: Node) -> Location:
        return Location(self.shown, node.line + 1, node.column + 1)

    def assertion_now(self, tid: str, node: Node) -> Node:
        """Validate an assertion while the file is still being parsed (see parse_yaml).

        Its model and findings wait in a "done" Node; ``topic`` takes them in the same order
        as if the assertion were validated there and then.
        """
        saved, self.findings = self.findings, []
        made = self.assertion(tid, node)
        found, self.findings = self.findings, saved
        return Node("done", (made, found), node.line, node.column)

    def error(self, node: Node, message: str) -> None:
        self.findings.append(Finding("schema", Severity.ERROR, message, self.loc(node)))

    def fields(
        self, node: Node, what: str, allowed: dict[str, bool], key: Node | None = None
    ) -> dict[str, Node] | None:
        """Check a mapping's keys: required ones present, no unknown ones.

        A missing field is reported at the mapping's own key (``key``) when it has one.
        """
        if node.kind != "map":
            if node.kind != "bad":
                self.error(node, f"{what} must be a mapping (key: value lines), not {_kind(node)}")
            return None
        values: dict[str, Node] = {}
        for field_name, (key_node, value_node) in node.value.items():
            if field_name not in allowed:
                import difflib

                close = difflib.get_close_matches(field_name, list(allowed), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                self.error(
                    key_node,
                    f"unknown field '{field_name}' in {what}; expected one "
                    f"of: {', '.join(allowed)}{hint}",
                )
                continue
            values[field_name] = value_node
        for name, required in allowed.items():
            if required and name not in values:
                self.error(key or node, f"{what} is missing the required field '{name}'")
        return values

    def string(
        self,
        node: Node | None,
        what: str,
        *,
        pattern: re.Pattern[str] | None = None,
        expected: str = "",
    ) -> str | None:
        if node is None:
            return None
        if node.kind != "str":
            if node.kind != "bad":
                self.error(node, f"{what} must be a string, not {_kind(node)}")
            return None
        value: str = node.value
        if not value.strip():
            self.error(node, f"{what} must not be empty")
            return None
        if pattern is not None and not pattern.match(value):
            self.error(node, f"{what} '{value}' is not valid: expected {expected}")
            return None
        return value

    def strings(self, node: Node | None, what: str) -> tuple[str, ...]:
        return tuple(value for value, _ in self.located_strings(node, what))

    def located_strings(self, node: Node | None, what: str) -> list[tuple[str, Location]]:
        if node is None:
            return []
        if node.kind != "seq":
            if node.kind != "bad":
                self.error(node, f"{what} must be a list ([a, b] or '- ' lines), not {_kind(node)}")
            return []
        out = []
        for item in node.value:
            value = self.string(item, f"each item of {what}")
            if value is not None:
                out.append((value, self.loc(item)))
        return out

    def id_map(self, node: Node | None, what: str) -> list[tuple[str, Node, Node]]:
        """Items of a mapping keyed by slugs, with invalid keys reported and dropped."""
        if node is None:
            return []
        if node.kind != "map":
            if node.kind != "bad":
                self.error(node, f"{what} must be a mapping of ids, not {_kind(node)}")
            return []
        items = []
        for key, (key_node, value_node) in node.value.items():
            if not SLUG.match(key):
                self.error(
                    key_node,
                    f"id '{key}' in {what} is not valid: expected a lowercase "
                    "slug (a-z, 0-9 and single hyphens, e.g. 'cepa-dubow')",
                )
                continue
            items.append((key, key_node, value_node))
        return items

    # -- the document ------------------------------------------------------------------

    def corpus(self, root: Node | None, path: Path) -> Corpus | None:
        if root is None:
            self.findings.append(
                Finding(
                    "schema",
                    Severity.ERROR,
                    "the file is empty; expected a mapping with version, sources and topics",
                    Location(self.shown, 1, 1),
                )
            )
            return None
        top = self.fields(root, "the document", {"version": True, "sources": True, "topics": True})
        if top is None:
            return None
        version = self.string(top.get("version"), "version")
        if version is not None and version not in SUPPORTED_VERSIONS:
            self.error(
                top["version"],
                f"version {version} is not supported; this compare "
                f"reads version {', '.join(SUPPORTED_VERSIONS)}",
            )
        sources = tuple(
            filter(
                None,
                (
                    self.source(sid, key, value)
                    for sid, key, value in self.id_map(top.get("sources"), "sources")
                ),
            )
        )
        topics = tuple(
            filter(
                None,
                (
                    self.topic(tid, key, value)
                    for tid, key, value in self.id_map(top.get("topics"), "topics")
                ),
            )
        )
        return Corpus(
            path=path,
            root=path.parent,
            version=version or "",
            sources=sources,
            topics=topics,
            display_path=self.shown,
        )

    def source(self, sid: str, key: Node, node: Node) -> Source | None:
        what = f"source '{sid}'"
        f = self.fields(
            node,
            what,
            {
                "outlet": True,
                "outlet_name": False,
                "title": True,
                "authors": False,
                "published": False,
                "via": False,
                "url": False,
                "file": True,
                "sha256": False,
            },
            key,
        )
        if f is None:
            return None
        outlet = self.string(f.get("outlet"), f"{what}: outlet")
        title = self.string(f.get("title"), f"{what}: title")
        file = self.string(f.get("file"), f"{what}: file")
        sha = self.string(
            f.get("sha256"),
            f"{what}: sha256",
            pattern=SHA256,
            expected="64 lowercase hex digits (sha256sum FILE)",
        )
        # A source with a bad field is still kept (its problems are already findings), so
        # that assertions naming it do not add "unknown source" noise.
        return Source(
            id=sid,
            outlet=outlet or "",
            title=title or "",
            file=file or "",
            location=self.loc(key),
            outlet_name=self.string(f.get("outlet_name"), f"{what}: outlet_name"),
            authors=self.strings(f.get("authors"), f"{what}: authors"),
            published=self.string(f.get("published"), f"{what}: published"),
            via=self.string(f.get("via"), f"{what}: via"),
            url=self.string(f.get("url"), f"{what}: url"),
            sha256=sha,
            file_location=self.loc(f["file"]) if "file" in f else None,
        )

    def topic(self, tid: str, key: Node, node: Node) -> Topic | None:
        what = f"topic '{tid}'"
        if tid in RESERVED_TOPIC_IDS:
            self.error(
                key,
                f"topic id '{tid}' is a command name (compare {tid} would run the "
                "command); choose another id",
            )
        f = self.fields(
            node,
            what,
            {
                "title": True,
                "question": True,
                "keywords": False,
                "claims": True,
                "assertions": False,
                "silent": False,
                "ignore": False,
            },
            key,
        )
        if f is None:
            return None
        claims = []
        for cid, ckey, cnode in self.id_map(f.get("claims"), f"{what}: claims"):
            text = self.string(cnode, f"{what}: claim '{cid}'")
            if text is not None:
                claims.append(Claim(cid, text, self.loc(ckey)))
        if "claims" in f and f["claims"].kind == "map" and not f["claims"].value:
            self.error(f["claims"], f"{what} has no claims; add at least one")
        assertions: list[Assertion] = []
        anode = f.get("assertions")
        if anode is not None:
            if anode.kind != "seq":
                if anode.kind != "bad":
                    self.error(
                        anode,
                        f"{what}: assertions must be a list of '- id: ...' "
                        f"entries, not {_kind(anode)}",
                    )
            else:
                for item in anode.value:
                    if item.kind == "done":
                        made, found = item.value
                        self.findings.extend(found)
                    else:
                        made = self.assertion(tid, item)
                    if made is not None:
                        assertions.append(made)
        silent = self.located_strings(f.get("silent"), f"{what}: silent")
        title = self.string(f.get("title"), f"{what}: title")
        question = self.string(f.get("question"), f"{what}: question")
        return Topic(
            id=tid,
            title=title or tid,
            question=question or "",
            location=self.loc(key),
            keywords=self.strings(f.get("keywords"), f"{what}: keywords"),
            claims=tuple(claims),
            assertions=tuple(assertions),
            silent=tuple(value for value, _ in silent),
            silent_locations=tuple(where for _, where in silent),
            ignore=self.topic_ignores(f.get("ignore"), what),
        )

    def assertion(self, tid: str, node: Node) -> Assertion | None:
        what = f"an assertion of topic '{tid}'"
        if node.kind == "map" and "id" in node.value and node.value["id"][1].kind == "str":
            what = f"assertion '{node.value['id'][1].value}'"
        f = self.fields(
            node,
            what,
            {
                "id": True,
                "source": True,
                "claim": True,
                "stance": True,
                "summary": True,
                "quotes": False,
                "attributed_to": False,
                "note": False,
                "ignore": False,
            },
        )
        if f is None:
            return None
        aid = self.string(
            f.get("id"),
            f"{what}: id",
            pattern=SLUG,
            expected="a lowercase slug, e.g. 'weapons-carnegie-direct'",
        )
        source = self.string(f.get("source"), f"{what}: source")
        claim = self.string(f.get("claim"), f"{what}: claim")
        summary = self.string(f.get("summary"), f"{what}: summary")
        stance_text = self.string(f.get("stance"), f"{what}: stance")
        stance = None
        if stance_text is not None:
            try:
                stance = Stance(stance_text)
            except ValueError:
                import difflib

                close = difflib.get_close_matches(stance_text, [s.value for s in Stance], n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                self.error(
                    f["stance"],
                    f"{what}: stance '{stance_text}' is not one of "
                    f"{', '.join(s.value for s in Stance)}{hint}",
                )
        quotes: list[QuoteRef] = []
        qnode = f.get("quotes")
        if qnode is not None:
            if qnode.kind == "str" and qnode.value.strip():
                self.error(qnode, f"{what}: quotes must be a list; write '- ' before the quote")
            elif qnode.kind == "seq":
                for item in qnode.value:
                    text = self.string(item, f"{what}: each quote")
                    if text is not None:
                        quotes.append(QuoteRef(text, self.loc(item)))
            elif not (qnode.kind == "str" and not qnode.value.strip()) and qnode.kind != "bad":
                self.error(qnode, f"{what}: quotes must be a list of strings, not {_kind(qnode)}")
        ignore = self.ignores(f.get("ignore"), what)
        if aid is None or source is None or claim is None:
            return None
        # A bad stance or summary is already a finding; keep the assertion so coverage and
        # references are still checked (views refuse a corpus with schema errors).
        return Assertion(
            id=aid,
            topic=tid,
            source=source,
            claim=claim,
            stance=stance or Stance.NEUTRAL,
            summary=summary or "",
            quotes=tuple(quotes),
            location=self.loc(node),
            attributed_to=self.string(f.get("attributed_to"), f"{what}: attributed_to"),
            note=self.string(f.get("note"), f"{what}: note"),
            ignore=ignore,
        )

    def ignores(self, node: Node | None, what: str) -> tuple[IgnoreEntry, ...]:
        """An assertion's ignore entries."""
        return self.ignore_entries(node, what, scoped=False)

    def topic_ignores(self, node: Node | None, what: str) -> tuple[IgnoreEntry, ...]:
        """A topic's ignore entries, each for any silent source or the one it names."""
        return self.ignore_entries(node, what, scoped=True)

    def ignore_entries(
        self, node: Node | None, what: str, *, scoped: bool
    ) -> tuple[IgnoreEntry, ...]:
        """Ignore entries, each with a rule and a required reason; ``scoped`` entries (a
        topic's) may also name the one silent source they are about."""
        if node is None:
            return ()
        if node.kind != "seq":
            self.error(node, f"{what}: ignore must be a list of '- rule: ... reason: ...' entries")
            return ()
        allowed = {"rule": True, "reason": True, **({"source": False} if scoped else {})}
        out = []
        for item in node.value:
            f = self.fields(item, f"{what}: an ignore entry", allowed)
            if f is None:
                continue
            rule = self.string(f.get("rule"), f"{what}: ignore rule")
            reason = self.string(f.get("reason"), f"{what}: ignore reason")
            source = self.string(f.get("source"), f"{what}: ignore source")
            if rule and reason and (source is not None or "source" not in f):
                out.append(IgnoreEntry(rule, reason, self.loc(item), source))
        return tuple(out)


def _kind(node: Node) -> str:
    return {"str": f"the string '{_short(node.value)}'", "seq": "a list", "map": "a mapping"}.get(
        node.kind, "an invalid value"
    )


def _short(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


# --------------------------------------------------------------------------- entry points


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a corpus is built.

    Loading and verifying a corpus allocates hundreds of thousands of small objects and no
    reference cycles; the collector, woken every few hundred allocations, would walk them all
    again and again: a third of the time of ``compare check`` on 2,000 articles.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def load_corpus_text(text: str | bytes, path: Path, shown: str | None = None) -> LoadResult:
    """Parse and validate YAML text as if it were the file at ``path``.

    ``text`` may be the file's bytes, once they are known to be UTF-8: the parser reads them as
    they are, without a decoded copy of a large corpus beside them.
    """
    shown = shown if shown is not None else display_path(path)
    with gc_paused():
        validator = _Validator(shown)
        root, findings = parse_yaml(text, shown, validator.assertion_now)
        corpus = validator.corpus(root, path)
    return LoadResult(corpus, tuple(findings + validator.findings))


def read_corpus_bytes(path: Path) -> bytes:
    """The bytes of ``assertions.yaml``, or an InputError that says why they cannot be had."""
    return read_input(
        path,
        display_path(path),
        folder_hint=f"point --assertions at the {ASSERTIONS_FILENAME} inside it",
    )


def load_corpus(path: Path, data: bytes | None = None) -> LoadResult:
    """Read ``assertions.yaml`` (or parse ``data``, its bytes as already read); raises
    InputError only when it cannot be read as YAML."""
    shown = display_path(path)
    if data is None:
        data = read_corpus_bytes(path)
    if b"\x00" in data:
        raise InputError(f"{shown}: is a binary file, not YAML")
    _decode(data, shown)  # only to refuse bad UTF-8 with its line and column
    return load_corpus_text(data, path.resolve(), shown)


def load(explicit: str | os.PathLike[str] | None = None) -> LoadResult:
    """Find and load the corpus the way every command does."""
    return load_corpus(find_assertions(explicit))
