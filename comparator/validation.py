"""Validation: a Node tree from the YAML parser becomes the data model, every schema problem a
finding.

Here, and only here, live the keys ``assertions.yaml`` may hold: the ``*_FIELDS`` constants
below are what the loader accepts, and the shipped JSON Schema (for editors) is tested
against them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import replace
from enum import Enum
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from comparator.errors import did_you_mean
from comparator.loader import SLUG
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
    Report,
    RivalGroup,
    Severity,
    Source,
    Stance,
    Topic,
    Treatment,
    Voice,
    VoiceKind,
)
from comparator.safetext import hidden_character
from comparator.yamlparse import (
    CONVERTED,
    MAPPING,
    REFUSED,
    SCALAR,
    SEQUENCE,
    KeyPath,
    Node,
    Step,
    parse_yaml,
)

SUPPORTED_VERSIONS = ("1", "2")
#: The first version whose files may declare rival answers.
RIVALS_VERSION = "2"
SHA256 = re.compile(r"[0-9a-f]{64}\Z")

REQUIRED = True
OPTIONAL = False

#: The fields each mapping may hold, in the order messages list them: name -> required.
DOCUMENT_FIELDS: Mapping[str, bool] = MappingProxyType(
    {"version": REQUIRED, "sources": REQUIRED, "voices": OPTIONAL, "topics": REQUIRED}
)
#: A voice of the ``voices:`` registry (version 2).
VOICE_FIELDS: Mapping[str, bool] = MappingProxyType(
    {"name": REQUIRED, "role": OPTIONAL, "kind": OPTIONAL}
)
#: An entry of an assertion's ``reports`` (version 2).
REPORT_FIELDS: Mapping[str, bool] = MappingProxyType(
    {"voice": REQUIRED, "stance": REQUIRED, "treatment": REQUIRED, "quotes": REQUIRED}
)
SOURCE_FIELDS: Mapping[str, bool] = MappingProxyType(
    {
        "outlet": REQUIRED,
        "outlet_name": OPTIONAL,
        "title": REQUIRED,
        "authors": OPTIONAL,
        "published": OPTIONAL,
        "via": OPTIONAL,
        "url": OPTIONAL,
        "file": REQUIRED,
        "sha256": OPTIONAL,
    }
)
TOPIC_FIELDS: Mapping[str, bool] = MappingProxyType(
    {
        "title": REQUIRED,
        "question": REQUIRED,
        "keywords": OPTIONAL,
        "claims": REQUIRED,
        "assertions": OPTIONAL,
        "silent": OPTIONAL,
        "ignore": OPTIONAL,
        "rivals": OPTIONAL,
    }
)
ASSERTION_FIELDS: Mapping[str, bool] = MappingProxyType(
    {
        "id": REQUIRED,
        "source": REQUIRED,
        "claim": REQUIRED,
        # An own stance, reports, or both: which is there is checked once the version is known.
        "stance": OPTIONAL,
        "summary": REQUIRED,
        "quotes": OPTIONAL,
        "reports": OPTIONAL,
        "attributed_to": OPTIONAL,
        "note": OPTIONAL,
        "ignore": OPTIONAL,
    }
)
#: An entry of an assertion's ``ignore`` list.
IGNORE_FIELDS: Mapping[str, bool] = MappingProxyType({"rule": REQUIRED, "reason": REQUIRED})
#: An entry of a topic's ``ignore`` list, which may name the one silent source it is about.
TOPIC_IGNORE_FIELDS: Mapping[str, bool] = MappingProxyType({**IGNORE_FIELDS, "source": OPTIONAL})

#: Where the assertions stand: each is validated as soon as the parser has read it.
ASSERTIONS_AT: KeyPath = ("topics", Step.ANY_KEY, "assertions", Step.ITEM)


def _hidden(value: str) -> str:
    """The part of a message that names a hidden character of ``value``, if it has one."""
    found = hidden_character(value)
    if found is None:
        return ""
    index, described = found
    return (
        f": character {index + 1} is {described}, invisible or a control; "
        "retype the value without it"
    )


def validate_text(text: str | bytes, path: Path, shown: str) -> LoadResult:
    """Parse and validate YAML text as the corpus file at ``path`` (named ``shown``).

    Each assertion is validated as soon as it is read, so the node tree of a large corpus is
    never held whole; the findings come out in the order of a validation after parsing.
    """
    validator = _Validator(shown)
    root, findings = parse_yaml(
        text, shown, convert=validator.assertion_now, convert_at=ASSERTIONS_AT
    )
    corpus = validator.corpus(root, path)
    return LoadResult(corpus, tuple(findings + validator.findings))


_Choice = TypeVar("_Choice", bound=Enum)


class _Validator:
    """Turns a Node tree into the model, collecting every schema problem it meets."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.findings: list[Finding] = []
        #: The file's version, once read: what its topics may hold depends on it.
        self.version: str | None = None

    def loc(self, node: Node) -> Location:
        return Location(self.shown, node.line + 1, node.column + 1)

    def assertion_now(self, keys: tuple[str, ...], node: Node) -> Node:
        """Validate an assertion while the file is still being parsed (see parse_yaml).

        Its model and findings wait in a CONVERTED Node; ``topic`` takes them in the same order
        as if the assertion were validated there and then.
        """
        saved, self.findings = self.findings, []
        made = self.assertion(keys[1], node)  # keys: topics, the topic's id, assertions
        found, self.findings = self.findings, saved
        # Thousands wait at once, most without a finding: those share one empty tuple.
        return Node(CONVERTED, (made, tuple(found)), node.line, node.column)

    def error(self, node: Node, message: str) -> None:
        self.findings.append(Finding("schema", Severity.ERROR, message, self.loc(node)))

    def fields(
        self, node: Node, what: str, allowed: Mapping[str, bool], key: Node | None = None
    ) -> dict[str, Node] | None:
        """Check a mapping's keys: required ones present, no unknown ones.

        A missing field is reported at the mapping's own key (``key``) when it has one.
        """
        if node.kind is not MAPPING:
            if node.kind is not REFUSED:
                # The whole document is never quoted: it may be another file, reached
                # through a symlinked assertions.yaml, whose text is not the corpus's to show.
                kind = _kind(node, quote=what != "the document")
                self.error(node, f"{what} must be a mapping (key: value lines), not {kind}")
            return None
        values: dict[str, Node] = {}
        for field_name, (key_node, value_node) in node.value.items():
            if field_name not in allowed:
                hint = _guess(field_name, allowed)
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
        name: bool = False,
    ) -> str | None:
        """A scalar's string, or None with a finding. A ``name`` (an outlet, an author, a
        voice) must not hide a control or format character: two names differing only in one
        look identical in every view."""
        if node is None:
            return None
        if node.kind is not SCALAR:
            if node.kind is not REFUSED:
                self.error(node, f"{what} must be a string, not {_kind(node)}")
            return None
        value: str = node.value
        if not value.strip():
            self.error(node, f"{what} must not be empty")
            return None
        if pattern is not None and not pattern.match(value):
            self.error(node, f"{what} '{value}' is not valid: expected {expected}{_hidden(value)}")
            return None
        if name and hidden_character(value) is not None:
            self.error(node, f"{what} '{value}' is not valid{_hidden(value)}")
            return None
        return value

    def strings(self, node: Node | None, what: str, *, name: bool = False) -> tuple[str, ...]:
        return tuple(value for value, _ in self.located_strings(node, what, name=name))

    def located_strings(
        self, node: Node | None, what: str, *, name: bool = False
    ) -> list[tuple[str, Location]]:
        if node is None:
            return []
        if node.kind is not SEQUENCE:
            if node.kind is not REFUSED:
                self.error(node, f"{what} must be a list ([a, b] or '- ' lines), not {_kind(node)}")
            return []
        out = []
        for item in node.value:
            value = self.string(item, f"each item of {what}", name=name)
            if value is not None:
                out.append((value, self.loc(item)))
        return out

    def id_map(self, node: Node | None, what: str) -> list[tuple[str, Node, Node]]:
        """Items of a mapping keyed by slugs, with invalid keys reported and dropped."""
        if node is None:
            return []
        if node.kind is not MAPPING:
            if node.kind is not REFUSED:
                none = "; write {} for none" if _empty(node) else ""
                self.error(node, f"{what} must be a mapping of ids, not {_kind(node)}{none}")
            return []
        items = []
        for key, (key_node, value_node) in node.value.items():
            if not SLUG.match(key):
                self.error(
                    key_node,
                    f"id '{key}' in {what} is not valid: expected a lowercase "
                    f"slug (a-z, 0-9 and single hyphens, e.g. 'cepa-dubow'){_hidden(key)}",
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
        top = self.fields(root, "the document", DOCUMENT_FIELDS)
        if top is None:
            return None
        version = self.string(top.get("version"), "version")
        if version is not None and version not in SUPPORTED_VERSIONS:
            self.error(
                top["version"],
                f"version {version} is not supported; this compare "
                f"reads version {', '.join(SUPPORTED_VERSIONS)}",
            )
        self.version = version
        sources = tuple(
            filter(
                None,
                (
                    self.source(sid, key, value)
                    for sid, key, value in self.id_map(top.get("sources"), "sources")
                ),
            )
        )
        voices = tuple(
            filter(
                None,
                (
                    self.voice(vid, key, value)
                    for vid, key, value in self.id_map(top.get("voices"), "voices")
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
        if version == "1":
            if "voices" in top:
                self.error(top["voices"], VERSION_2_ONLY.format(what="voices"))
            topics, made = self.read_version_1(topics)
            voices += tuple(v for v in made if v.id not in {w.id for w in voices})
        elif version == "2":
            self.check_version_2(topics)
        return Corpus(
            path=path,
            root=path.parent,
            version=version or "",
            sources=sources,
            topics=topics,
            display_path=self.shown,
            voices=voices,
        )

    def read_version_1(
        self, topics: tuple[Topic, ...]
    ) -> tuple[tuple[Topic, ...], tuple[Voice, ...]]:
        """Version 1 read as version 2: an assertion with ``attributed_to`` is a report by that
        voice (treatment ``relays``) and has no own stance, so it is never the outlet's view.

        ``attributed_to`` stays on the assertion for ``compare check``'s attributed-v1 warning.
        """
        voices: dict[str, Voice] = {}
        out = []
        for topic in topics:
            assertions = []
            for a in topic.assertions:
                if a.reports:
                    self.findings.append(
                        Finding(
                            "schema",
                            Severity.ERROR,
                            VERSION_2_ONLY.format(what=f"assertion '{a.id}': reports"),
                            a.reports[0].location,
                        )
                    )
                if a.stance is None:
                    self.findings.append(
                        Finding(
                            "schema",
                            Severity.ERROR,
                            f"assertion '{a.id}' is missing the required field 'stance'",
                            a.location,
                        )
                    )
                if a.attributed_to is None or a.stance is None:
                    assertions.append(a)
                    continue
                vid = voice_id(a.attributed_to)
                voices.setdefault(vid, Voice(vid, a.attributed_to, a.location))
                report = Report(
                    vid, a.stance, Treatment.RELAYS, a.quotes, a.attributed_location or a.location
                )
                assertions.append(replace(a, stance=None, quotes=(), reports=(report,)))
            out.append(replace(topic, assertions=tuple(assertions)))
        return tuple(out), tuple(voices.values())

    def check_version_2(self, topics: tuple[Topic, ...]) -> None:
        """Version 2's rules for an assertion's voices: own stance, reports, or both."""
        for topic in topics:
            for a in topic.assertions:
                if a.attributed_to is not None:
                    self.findings.append(
                        Finding(
                            "schema",
                            Severity.ERROR,
                            f"assertion '{a.id}': attributed_to is not allowed in version 2; "
                            "write the reported claim under reports: (see the detail), and give "
                            "the article's own stance and quotes only if it takes a position",
                            a.attributed_location or a.location,
                            detail=reports_form(a.attributed_to, a.stance),
                        )
                    )
                elif a.stance is None and not a.reports:
                    self.findings.append(
                        Finding(
                            "schema",
                            Severity.ERROR,
                            f"assertion '{a.id}' has neither a stance nor reports; give the "
                            "article's own stance with quotes, or the reports it relays "
                            "(or both)",
                            a.location,
                        )
                    )
                elif a.stance is None and a.quotes:
                    self.findings.append(
                        Finding(
                            "schema",
                            Severity.ERROR,
                            f"assertion '{a.id}' has quotes but no stance; quotes are the "
                            "article's own voice: give its stance, or move them into a report",
                            a.quotes[0].location,
                        )
                    )

    def voice(self, vid: str, key: Node, node: Node) -> Voice | None:
        what = f"voice '{vid}'"
        f = self.fields(node, what, VOICE_FIELDS, key)
        if f is None:
            return None
        name = self.string(f.get("name"), f"{what}: name", name=True)
        kind = self.choice(f.get("kind"), f"{what}: kind", VoiceKind)
        return Voice(
            vid,
            name or vid,
            self.loc(key),
            self.string(f.get("role"), f"{what}: role"),
            kind,
        )

    def source(self, sid: str, key: Node, node: Node) -> Source | None:
        what = f"source '{sid}'"
        f = self.fields(node, what, SOURCE_FIELDS, key)
        if f is None:
            return None
        outlet = self.string(f.get("outlet"), f"{what}: outlet", name=True)
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
            outlet_name=self.string(f.get("outlet_name"), f"{what}: outlet_name", name=True),
            authors=self.strings(f.get("authors"), f"{what}: authors", name=True),
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
        f = self.fields(node, what, TOPIC_FIELDS, key)
        if f is None:
            return None
        claims = []
        for cid, ckey, cnode in self.id_map(f.get("claims"), f"{what}: claims"):
            text = self.string(cnode, f"{what}: claim '{cid}'")
            if text is not None:
                claims.append(Claim(cid, text, self.loc(ckey)))
        if "claims" in f and f["claims"].kind is MAPPING and not f["claims"].value:
            self.error(f["claims"], f"{what} has no claims; add at least one")
        assertions: list[Assertion] = []
        anode = f.get("assertions")
        if anode is not None:
            if anode.kind is not SEQUENCE:
                if anode.kind is not REFUSED:
                    self.error(
                        anode,
                        f"{what}: assertions must be a list of '- id: ...' "
                        f"entries, not {_kind(anode)}",
                    )
            else:
                for item in anode.value:
                    if item.kind is CONVERTED:
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
            rivals=self.rivals(f.get("rivals"), what),
        )

    def rivals(self, node: Node | None, what: str) -> tuple[RivalGroup, ...]:
        """A topic's rival groups: lists of at least two claim ids, each claim in one group.

        Whether the ids name claims of the topic is check's (``unknown-claim``, with a guess),
        so that a view never runs on a group naming a claim that does not exist.
        """
        if node is None or (node.kind is SCALAR and not node.value.strip()):
            return ()  # an empty ``rivals:`` declares none, as an empty ``quotes:`` quotes none
        if self.version is not None and self.version != RIVALS_VERSION:
            self.error(
                node,
                f"{what}: rivals needs version {RIVALS_VERSION}; write 'version: "
                f"{RIVALS_VERSION}' at the top of the file",
            )
        if node.kind is not SEQUENCE:
            if node.kind is not REFUSED:
                self.error(
                    node,
                    f"{what}: rivals must be a list of groups of claim ids, e.g. "
                    f"'- [status, spoiler]', not {_kind(node)}",
                )
            return ()
        groups = []
        first_group: dict[str, int] = {}  # claim id -> line of the group that has it
        for item in node.value:
            if item.kind is not SEQUENCE:
                if item.kind is not REFUSED:
                    self.error(
                        item,
                        f"{what}: each rival group must be a list of claim ids, e.g. "
                        f"[status, spoiler], not {_kind(item)}",
                    )
                continue
            claims: list[str] = []
            places: list[Location] = []
            written: set[str] = set()
            unreadable = False
            for entry in item.value:
                cid = self.string(entry, f"{what}: each claim of a rival group")
                if cid is None:
                    unreadable = True  # already a finding of its own
                    continue
                written.add(cid)
                if cid in claims:
                    self.error(entry, f"{what}: claim '{cid}' is twice in one rival group")
                    continue
                if cid in first_group:
                    self.error(
                        entry,
                        f"{what}: claim '{cid}' is already in the rival group at line "
                        f"{first_group[cid]}; a claim belongs to one group (merge the groups "
                        "if all their answers exclude each other)",
                    )
                    continue
                claims.append(cid)
                places.append(self.loc(entry))
            for cid in claims:
                first_group[cid] = item.line + 1
            if len(written) < 2 and not unreadable:
                self.error(
                    item,
                    f"{what}: a rival group needs at least two claims (answers that exclude "
                    f"each other); it has {len(written)}",
                )
            if len(claims) < 2:
                continue  # a claim of another group is already a finding
            groups.append(RivalGroup(tuple(claims), self.loc(item), tuple(places)))
        return tuple(groups)

    def assertion(self, tid: str, node: Node) -> Assertion | None:
        what = f"an assertion of topic '{tid}'"
        if node.kind is MAPPING and "id" in node.value and node.value["id"][1].kind is SCALAR:
            what = f"assertion '{node.value['id'][1].value}'"
        f = self.fields(node, what, ASSERTION_FIELDS)
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
        stance = self.stance(f.get("stance"), what)
        quotes = self.quotes(f.get("quotes"), what)
        reports = self.reports(f.get("reports"), what)
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
            stance=stance,
            summary=summary or "",
            quotes=quotes,
            location=self.loc(node),
            attributed_to=self.string(f.get("attributed_to"), f"{what}: attributed_to", name=True),
            note=self.string(f.get("note"), f"{what}: note"),
            ignore=ignore,
            reports=reports,
            attributed_location=self.loc(f["attributed_to"]) if "attributed_to" in f else None,
        )

    def choice(self, node: Node | None, what: str, vocabulary: type[_Choice]) -> _Choice | None:
        """A value of a closed vocabulary (an Enum of strings), or None when absent or wrong; a
        wrong one is a finding that lists the choices and guesses the one meant."""
        text = self.string(node, what)
        if text is None or node is None:
            return None
        try:
            return vocabulary(text)
        except ValueError:
            choices = [member.value for member in vocabulary]
            self.error(
                node,
                f"{what} '{text}' is not one of {', '.join(choices)}{_guess(text, choices)}",
            )
            return None

    def stance(self, node: Node | None, what: str) -> Stance | None:
        """The stance written, or None when absent; a bad one is a finding, read as neutral
        so that the assertion still counts as having one."""
        stance_text = self.string(node, f"{what}: stance")
        if node is not None and stance_text is None:
            return Stance.NEUTRAL  # present but empty or not a string: already a finding
        if stance_text is None or node is None:
            return None
        try:
            return Stance(stance_text)
        except ValueError:
            hint = _guess(stance_text, [s.value for s in Stance])
            self.error(
                node,
                f"{what}: stance '{stance_text}' is not one of "
                f"{', '.join(s.value for s in Stance)}{hint}",
            )
            return Stance.NEUTRAL

    def quotes(self, qnode: Node | None, what: str) -> tuple[QuoteRef, ...]:
        quotes: list[QuoteRef] = []
        if qnode is not None:
            if qnode.kind is SCALAR and qnode.value.strip():
                self.error(qnode, f"{what}: quotes must be a list; write '- ' before the quote")
            elif qnode.kind is SEQUENCE:
                for item in qnode.value:
                    text = self.string(item, f"{what}: each quote")
                    if text is not None:
                        quotes.append(QuoteRef(text, self.loc(item)))
            elif (
                not (qnode.kind is SCALAR and not qnode.value.strip()) and qnode.kind is not REFUSED
            ):
                self.error(qnode, f"{what}: quotes must be a list of strings, not {_kind(qnode)}")
        return tuple(quotes)

    def reports(self, node: Node | None, what: str) -> tuple[Report, ...]:
        """An assertion's reports: each a voice, its stance, the treatment and the quotes."""
        if node is None:
            return ()
        if node.kind is not SEQUENCE:
            if node.kind is not REFUSED:
                self.error(
                    node,
                    f"{what}: reports must be a list of '- voice: ... stance: ... "
                    f"treatment: ... quotes: ...' entries, not {_kind(node)}",
                )
            return ()
        out = []
        for item in node.value:
            f = self.fields(item, f"{what}: a report", REPORT_FIELDS)
            if f is None:
                continue
            voice = self.string(
                f.get("voice"),
                f"{what}: report voice",
                pattern=SLUG,
                expected="the id of a voice under voices, e.g. 'budanov'",
            )
            stance = self.stance(f.get("stance"), f"{what}: report")
            treatment = self.choice(f.get("treatment"), f"{what}: treatment", Treatment)
            quotes = self.quotes(f.get("quotes"), f"{what}: report")
            if voice is None:
                continue
            out.append(
                Report(
                    voice,
                    stance or Stance.NEUTRAL,
                    treatment or Treatment.RELAYS,
                    quotes,
                    self.loc(item),
                )
            )
        return tuple(out)

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
        if node.kind is not SEQUENCE:
            self.error(node, f"{what}: ignore must be a list of '- rule: ... reason: ...' entries")
            return ()
        allowed = TOPIC_IGNORE_FIELDS if scoped else IGNORE_FIELDS
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


VERSION_2_ONLY = "{what} needs version 2 of the format; write version: 2 at the top of the file"


def voice_id(name: str) -> str:
    """A voice id made from version 1's free-text ``attributed_to``: its lowercase slug."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = "-".join(re.findall(r"[a-z0-9]+", plain.lower()))
    return slug or "voice"


def reports_form(name: str, stance: Stance | None) -> tuple[str, ...]:
    """The version 2 form of an ``attributed_to`` assertion, one flow-style line per place
    (a detail line keeps no indentation), to copy into the file."""
    vid = voice_id(name)
    said = stance.value if stance is not None else "<its stance>"
    return (
        f"under voices: {vid}: {{name: {json.dumps(name, ensure_ascii=False)}}}",
        f"on the assertion, instead of stance, attributed_to and quotes: reports: [{{voice: "
        f"{vid}, stance: {said}, treatment: relays, quotes: [<its quotes>]}}]",
        "then stance and quotes again only for what the article itself says",
    )


def _kind(node: Node, *, quote: bool = True) -> str:
    """What a value is, as a message names it (with its first characters when ``quote``)."""
    if _empty(node):
        return "empty"
    if node.kind is SCALAR:
        return f"the string '{_short(node.value)}'" if quote else "a string"
    if node.kind is SEQUENCE:
        return "a list"
    if node.kind is MAPPING:
        return "a mapping"
    return "an invalid value"


def _empty(node: Node) -> bool:
    """A key with nothing after it (``topics:``), which YAML reads as an empty string."""
    return node.kind is SCALAR and node.value == ""


def _short(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


def _guess(name: str, known: Iterable[str]) -> str:
    close = did_you_mean(name, known)
    return f"; did you mean '{close}'?" if close else ""
