"""The YAML parser on its own: duplicate keys, the generic conversion path, the outline."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from comparator.loader import load_corpus_text
from comparator.models import Severity
from comparator.yamlparse import Node, NodeKind, Step, outline, parse_yaml
from comparator.yamltext import quoted

KEYS = st.sampled_from(["a", "b", "sources", "x-y", "id"])
VALUES = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
#: Key/value pairs in the order written, at least one key repeated.
PAIRS = st.lists(st.tuples(KEYS, VALUES), min_size=2, max_size=12).filter(
    lambda pairs: len({key for key, _ in pairs}) < len(pairs)
)


def _first_lines(pairs: list[tuple[str, str]], first_line: int) -> dict[str, int]:
    """The simple version: where each key is first written (1-based lines)."""
    lines: dict[str, int] = {}
    for offset, (key, _) in enumerate(pairs):
        lines.setdefault(key, first_line + offset)
    return lines


@settings(max_examples=200, deadline=None)
@given(PAIRS, st.integers(min_value=0, max_value=3))
def test_the_first_value_of_a_duplicate_key_wins_and_each_repeat_is_a_finding(
    pairs: list[tuple[str, str]], depth: int
) -> None:
    # The mapping stands ``depth`` levels down (under keys n0, n1, ...).
    head = "".join(f"{'  ' * level}n{level}:\n" for level in range(depth))
    pad = "  " * depth
    text = head + "".join(f"{pad}{key}: {quoted(value)}\n" for key, value in pairs)
    root, findings = parse_yaml(text, "f.yaml")

    node = root
    for level in range(depth):
        assert node is not None and node.kind is NodeKind.MAPPING
        node = node.value[f"n{level}"][1]
    assert node is not None and node.kind is NodeKind.MAPPING
    first_values = dict(reversed(pairs))  # the first of each key is the last one written here
    assert {key: value.value for key, (_, value) in node.value.items()} == first_values
    assert list(node.value) == list(dict.fromkeys(key for key, _ in pairs))

    first_line = _first_lines(pairs, depth + 1)
    repeats = [
        (depth + 1 + offset, key)
        for offset, (key, _) in enumerate(pairs)
        if first_line[key] != depth + 1 + offset
    ]
    assert [(f.location.line, f.location.column) for f in findings] == [
        (line, depth * 2 + 1) for line, _ in repeats
    ]
    assert [f.message for f in findings] == [
        f"duplicate key '{key}' (first at line {first_line[key]}); keep one of them"
        for _, key in repeats
    ]
    assert all(f.severity is Severity.ERROR for f in findings)


CORPUS = """\
version: 1
sources:
{sources}topics:
  weapons:
    title: W
    question: Q?
    claims: {{direct: D.}}
"""


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["First", "Second", "Third"]), min_size=2, max_size=4))
def test_a_duplicate_source_loads_its_first_entry_and_the_file_fails(titles: list[str]) -> None:
    entries = "".join(
        f"  alpha:\n    outlet: O{index}\n    title: {title}\n    file: a{index}.txt\n"
        for index, title in enumerate(titles)
    )
    result = load_corpus_text(CORPUS.format(sources=entries), Path("/c/assertions.yaml"), "a.yaml")
    assert result.corpus is not None
    [source] = result.corpus.sources
    assert (source.title, source.outlet, source.file) == (titles[0], "O0", "a0.txt")
    assert source.location.line == 3
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    assert [str(f) for f in errors] == [
        f"a.yaml:{3 + 4 * index}:3: error schema duplicate key 'alpha' (first at line 3); "
        "keep one of them"
        for index in range(1, len(titles))
    ]


def test_collections_at_the_given_path_are_converted_as_soon_as_they_end() -> None:
    text = """\
groups:
  one:
    items:
      - {name: a}
      - [not, a, mapping]
      - plain
  two:
    other:
      - {name: b}
items:
  - {name: c}
"""
    seen: list[tuple[tuple[str, ...], int]] = []

    def convert(keys: tuple[str, ...], node: Node) -> Node:
        seen.append((keys, node.line))
        return Node(NodeKind.CONVERTED, keys, node.line, node.column)

    root, findings = parse_yaml(
        text, "f.yaml", convert=convert, convert_at=("groups", Step.ANY_KEY, "items", Step.ITEM)
    )
    assert findings == []
    assert seen == [(("groups", "one", "items"), 3), (("groups", "one", "items"), 4)]
    assert root is not None
    items = root.value["groups"][1].value["one"][1].value["items"][1].value
    assert [item.kind for item in items] == [
        NodeKind.CONVERTED,
        NodeKind.CONVERTED,
        NodeKind.SCALAR,
    ]
    # Elsewhere the tree is left as read.
    assert root.value["items"][1].value[0].kind is NodeKind.MAPPING


def test_the_outline_gives_where_each_key_and_value_stand() -> None:
    text = "# c\nversion: 1\nsources:\n  alpha:\n    title: T\n  beta: {}\ntopics: {}\nsources: x\n"
    entries = outline(text, "f.yaml", depth=2)
    assert entries is not None
    assert [(e.key, e.key_line, e.kind) for e in entries] == [
        ("version", 1, NodeKind.SCALAR),
        ("sources", 2, NodeKind.MAPPING),
        ("topics", 6, NodeKind.MAPPING),
    ]
    sources = entries[1]
    assert [(e.key, e.key_line, e.key_column, e.line, e.column) for e in sources.entries] == [
        ("alpha", 3, 2, 4, 4),
        ("beta", 5, 2, 5, 8),
    ]
    assert sources.entries[0].entries == ()  # deeper than asked
    assert outline("- a\n", "f.yaml") is None


def test_repeated_words_are_one_string_and_text_is_kept_as_written() -> None:
    """A large corpus names the same source and claim thousands of times: each distinct short
    word is held once, while the values read stay exactly what the file says."""
    text = (
        "- {source: east-one, claim: supply, summary: 'a b c'}\n"
        "- {source: east-one, claim: supply, summary: 'a b c'}\n"
    )
    root, findings = parse_yaml(text, "x.yaml")
    assert not findings and root is not None
    first, second = (item.value for item in root.value)
    for key in ("source", "claim"):
        assert first[key][1].value == second[key][1].value
        assert first[key][1].value is second[key][1].value
    assert first["summary"][1].value == second["summary"][1].value == "a b c"
