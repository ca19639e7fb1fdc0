"""``compare ingest``: a saved web page becomes a clean text in ``seeds/`` and a source entry.

HTML goes through trafilatura (an optional extra, imported only here, only when needed); a PDF
through ``comparator.pdftext`` (the ``pdf`` extra), whose text keeps its pages; a ``.txt`` is
copied byte for byte. Nothing existing is replaced without ``force``. With
``write`` the entry is inserted as text at the end of the ``sources:`` block, so every other
byte of ``assertions.yaml`` (comments, order, quoting) stays as the analyst left it; the new
file is re-read by the loader before it replaces the old one, atomically.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType

from comparator.errors import InputError, UsageError
from comparator.fileio import (
    RefusedFile,
    atomic_write,
    exclusive_lock,
    read_input,
    read_regular,
    refuse_read_only,
    utf8_error_position,
)
from comparator.loader import SLUG, display_path, load_corpus_text
from comparator.models import Corpus
from comparator.safetext import hidden_character, without_hidden
from comparator.texts import sha256_hex
from comparator.yamledit import fill_into, newline_of, split_lines, without_break
from comparator.yamlparse import NodeKind, outline
from comparator.yamltext import flow_list, quoted, scalar

INSTALL_HINT = "pip install 'compare-claims[ingest]'"
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".mhtml"})
SEEDS = "seeds"
#: The longest source id ingest accepts: it becomes a file name (seeds/ID.txt) and a YAML key.
MAX_ID_LENGTH = 64
#: Fewer words than this is not an article: a consent wall, a paywall, an index page.
MIN_WORDS = 20
#: How notes name what was read.
_WHAT = {"html": "page", "pdf": "PDF", "text": "text"}
_HTML_SNIFF = re.compile(rb"<!doctype\s+html|<html[\s>]|<body[\s>]|<article[\s>]", re.IGNORECASE)


@dataclass(frozen=True)
class PageMetadata:
    """What the page says about itself; every field may be missing."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    site: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class IngestResult:
    """What ingest did and the entry it made, for the renderers."""

    source_id: str
    page: str
    kind: str  # "html", "pdf" or "text"
    file: str  # as the entry names it: seeds/ID.txt
    sha256: str
    size: int
    lines: int
    metadata: PageMetadata
    #: The entry as it goes under ``sources:`` (indented, ending in a newline).
    entry: str
    #: "written", "replaced" or "unchanged": what happened to the text file.
    text_action: str
    yaml_path: str
    #: The line of assertions.yaml the entry was inserted at (0 when it was not written).
    yaml_line: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)
    #: How many pages the text has (a PDF's); 0 for a page or a text without pages.
    pages: int = 0


# --------------------------------------------------------------------------- reading the page


def _trafilatura() -> ModuleType:
    """The trafilatura module, or a UsageError that says how to install it."""
    try:
        import trafilatura
    except ImportError as exc:
        raise UsageError(
            f"reading HTML needs trafilatura, which is not installed ({exc})",
            hint=f"install the ingest extra: {INSTALL_HINT} (or save the article as .txt "
            "and ingest that)",
        ) from None
    return trafilatura


def extract_html(data: bytes, shown: str) -> tuple[str, PageMetadata]:
    """The article's main text (paragraphs separated by blank lines) and its metadata."""
    trafilatura = _trafilatura()
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    text = trafilatura.extract(
        data,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        deduplicate=False,
    )
    if not text or not text.strip():
        raise InputError(
            f"{shown}: no article text found in the page",
            hint="open the page in a browser, copy the article's text into a "
            ".txt file and ingest that",
        )
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    clean = "\n\n".join(p for p in paragraphs if p) + "\n"
    count = len(clean.split())
    if count < MIN_WORDS:
        raise InputError(
            f"{shown}: only {count} word(s) of text found in the page; it may be "
            "a cookie or paywall page, or an index page, not the article",
            hint="open the page in a browser, copy the article's text into a "
            ".txt file and ingest that",
        )
    meta = trafilatura.extract_metadata(data)
    return clean, _metadata(meta)


def _metadata(meta: object) -> PageMetadata:
    if meta is None:
        return PageMetadata()

    def text(name: str) -> str | None:
        value = getattr(meta, name, None)
        if not isinstance(value, str):
            return None
        value = " ".join(value.split())
        return value or None

    authors_text = text("author")
    authors = tuple(a.strip() for a in authors_text.split(";") if a.strip()) if authors_text else ()
    return PageMetadata(
        title=text("title"),
        authors=authors,
        published=text("date"),
        site=text("sitename"),
        url=text("url"),
    )


def read_page(page: Path, notes: list[str] | None = None) -> tuple[str, bytes, PageMetadata]:
    """(kind, the text's bytes to save, metadata) for a saved page, a PDF or a text; what
    the reading took out of a PDF is added to ``notes``."""
    shown = display_path(page)
    data = read_input(page, shown, folder_hint="give the saved page's file")
    suffix = page.suffix.lower()
    if suffix == ".pdf" or (suffix not in (".txt", *HTML_SUFFIXES) and b"%PDF-" in data[:1024]):
        from comparator.pdftext import pdf_notes, read_pdf

        paged = read_pdf(data, shown)
        if notes is not None:
            notes += pdf_notes(paged)
        info = paged.info
        meta = PageMetadata(title=info.title, authors=info.authors, published=info.created)
        return "pdf", paged.text.encode("utf-8"), meta
    if suffix in HTML_SUFFIXES or (suffix != ".txt" and _HTML_SNIFF.search(data[:4096])):
        text, meta = extract_html(data, shown)
        return "html", text.encode("utf-8"), meta
    if b"\x00" in data:
        raise InputError(
            f"{shown}: is a binary file, not a text or an HTML page",
            hint="save the article as HTML or as UTF-8 text",
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, _ = utf8_error_position(data, exc)
        raise InputError(
            f"{shown}: is not UTF-8 (byte 0x{data[exc.start]:02x} at line {line})",
            hint="save the text as UTF-8",
        ) from None
    return "text", data, PageMetadata()


# --------------------------------------------------------------------------- the entry


def _first_line(data: bytes) -> str | None:
    """The first non-blank line, as a title: without a byte-order mark, spaces squeezed."""
    for line in data.decode("utf-8", "replace").removeprefix("\ufeff").splitlines():
        words = " ".join(line.split())
        if words:
            return words if len(words) <= 120 else words[:117] + "..."
    return None


def render_entry(
    source_id: str,
    fields: list[tuple[str, str]],
    *,
    key_indent: int = 2,
    step: int = 2,
    newline: str = "\n",
) -> str:
    """The source entry as YAML text: ``fields`` are (key, rendered value) pairs."""
    pad = " " * key_indent
    inner = " " * (key_indent + step)
    lines = [f"{pad}{source_id}:"] + [f"{inner}{key}: {value}" for key, value in fields]
    return newline.join(lines) + newline


def _names_shown_as_they_are(meta: PageMetadata, notes: list[str]) -> PageMetadata:
    """The page's site name and authors without invisible or control characters, which the
    loader refuses in names (two names differing only in one look the same); each removal is
    noted, so the entry ingest writes always loads."""
    site, removed_site = without_hidden(meta.site) if meta.site else (meta.site, ())
    authors = [without_hidden(a) for a in meta.authors]
    for field_name, removed in (
        ("outlet_name", removed_site),
        ("authors", tuple(d for _, r in authors for d in r)),
    ):
        if removed:
            notes.append(
                f"{field_name}: removed {', '.join(dict.fromkeys(removed))} from the page's value"
            )
    return replace(meta, site=site, authors=tuple(a for a, _ in authors))


def entry_fields(
    outlet: str, title: str, meta: PageMetadata, file: str, sha256: str
) -> list[tuple[str, str]]:
    """The fields of a source entry, values already rendered as YAML scalars."""
    fields = [("outlet", scalar(outlet))]
    if meta.site:
        fields.append(("outlet_name", scalar(meta.site)))
    fields.append(("title", scalar(title)))
    if meta.authors:
        fields.append(("authors", flow_list(meta.authors)))
    if meta.published:
        fields.append(("published", quoted(meta.published)))
    if meta.url:
        fields.append(("url", scalar(meta.url)))
    fields.append(("file", scalar(file)))
    fields.append(("sha256", sha256))
    return fields


# --------------------------------------------------------------------------- inserting it


def insert_entry(
    yaml_text: str, source_id: str, fields: list[tuple[str, str]], shown: str
) -> tuple[str, int, str]:
    """Insert the entry at the end of the ``sources:`` block; (new text, line, entry).

    Only text is added: every byte before and after the insertion point stays as it was.
    """
    bom = "\ufeff" if yaml_text.startswith("\ufeff") else ""
    body = yaml_text[len(bom) :]
    top = outline(body, shown, depth=2)
    sources = next((entry for entry in top or () if entry.key == "sources"), None)
    if sources is None:
        raise InputError(
            f"{shown}: has no 'sources:' mapping to add the entry to",
            hint="add 'sources:' at the top level, then run again",
        )
    lines = split_lines(body)
    if sources.kind is NodeKind.MAPPING and not sources.entries:
        # a new corpus (compare init) says sources: {}; the entry takes its place
        return fill_into(body, "sources", source_id, fields, shown, bom)
    if (
        sources.kind is not NodeKind.MAPPING
        or not sources.entries
        or sources.line == sources.key_line
        or lines[sources.line][sources.column : sources.column + 1] in ("{", "[")
    ):
        raise InputError(
            f"{shown}: 'sources:' is not a block mapping with at least one "
            "source (one 'id:' line per source), so there is no place to insert "
            "the entry as text",
            hint="paste the entry printed without --write under sources: by hand",
        )
    key_indent = sources.column
    first = sources.entries[0]
    step = (
        first.column - key_indent
        if first.kind is NodeKind.MAPPING
        and first.line > sources.line
        and first.column > key_indent
        else 2
    )
    later = [entry.key_line for entry in top or () if entry.key_line > sources.key_line]
    stop = min(later) if later else len(lines)
    last = None
    # The block ends at its last indented line: a comment there may be the text of a block
    # scalar, so it counts; a comment at column 0 belongs to what follows.
    for index in range(stop - 1, sources.key_line, -1):
        indent = len(lines[index]) - len(lines[index].lstrip(" "))
        if lines[index].strip() and indent > 0:
            last = index
            break
    if last is None:
        raise InputError(
            f"{shown}: could not find the end of the 'sources:' block",
            hint="paste the entry printed without --write by hand",
        )
    newline = newline_of(lines)
    entry = render_entry(source_id, fields, key_indent=key_indent, step=step, newline=newline)
    before = "".join(lines[: last + 1])
    if without_break(lines[last]) == lines[last]:
        before += newline
    after = "".join(lines[last + 1 :])
    return bom + before + entry + after, last + 2, entry


def _validate_insert(
    old_text: str,
    new_text: str,
    path: Path,
    shown: str,
    source_id: str,
    expected: dict[str, object],
) -> None:
    """The new file must load exactly as the old one did, plus the one new source."""
    old = load_corpus_text(old_text.removeprefix("\ufeff"), path, shown)
    new = load_corpus_text(new_text.removeprefix("\ufeff"), path, shown)
    problem = None
    if new.corpus is None or old.corpus is None:
        problem = "the file no longer loads"
    elif [s.id for s in new.corpus.sources] != [s.id for s in old.corpus.sources] + [source_id]:
        problem = "the sources did not come out as expected"
    elif len(new.findings) != len(old.findings):
        problem = (
            f"it would change the schema findings: {len(old.findings)} before, "
            f"{len(new.findings)} after"
        )
    else:
        made = new.corpus.sources[-1]
        for name, value in expected.items():
            if getattr(made, name) != value:
                problem = f"its {name} would read back as {getattr(made, name)!r}"
                break
        if problem is None and (
            _content(new.corpus.sources[:-1]) != _content(old.corpus.sources)
            or _content(new.corpus.topics) != _content(old.corpus.topics)
        ):
            problem = "the rest of the file would not read back as before"
    if problem is not None:
        raise InputError(
            f"{shown}: inserting the entry for '{source_id}' would not be safe "
            f"({problem}); the file was not changed",
            hint="paste the entry printed without --write under sources: by hand",
        )


def _content(value: object) -> object:
    """What the model says, without where it says it: locations shift below an insertion."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _content(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if "location" not in f.name
        }
    if isinstance(value, (tuple, list)):
        return [_content(v) for v in value]
    return value


# --------------------------------------------------------------------------- the command


def _target(corpus_root: Path, source_id: str) -> Path:
    """seeds/ID.txt below the corpus folder, refusing a seeds/ that leads elsewhere."""
    root = corpus_root.resolve()
    folder = root / SEEDS
    target = folder / f"{source_id}.txt"
    for path in (folder, target):
        if path.is_symlink() or path.exists():
            try:
                resolved = path.resolve()
            except (OSError, RuntimeError):
                resolved = None
            if resolved is None or not resolved.is_relative_to(root):
                raise UsageError(
                    f"{display_path(path)} leads outside the corpus folder "
                    f"{display_path(root)}; refusing to write there",
                    hint=f"make {SEEDS}/ a real folder below assertions.yaml",
                )
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{display_path(folder)} is not a folder")
    if target.is_dir():
        raise UsageError(f"{display_path(target)} is a folder")
    return target


def _same_file(root: Path, file: str, target: Path) -> bool:
    """True when a source's ``file`` value names ``target``; a value no path can have (a NUL
    byte, a name too long: already a finding of check) names nothing."""
    from comparator.texts import file_value_problem

    if not file.strip() or file_value_problem(file) is not None:
        return False
    try:
        return (root / file).resolve() == target.resolve()
    except (OSError, RuntimeError, ValueError):
        return False


def ingest(
    page: Path,
    source_id: str,
    outlet: str,
    yaml_path: Path,
    *,
    title: str | None = None,
    force: bool = False,
    write: bool = False,
) -> IngestResult:
    """Save the page's text as seeds/ID.txt and make (and with ``write``, add) its entry.

    With ``write`` the whole edit (read assertions.yaml, insert, write) holds an exclusive lock,
    so two ingests at once are serialised: the second reads the file the first wrote.
    """
    if len(source_id) > MAX_ID_LENGTH or not SLUG.match(source_id):
        shown_id = source_id if len(source_id) <= MAX_ID_LENGTH else source_id[:40] + "..."
        raise UsageError(
            f"source id '{shown_id}' is not valid: expected a lowercase slug "
            f"(a-z, 0-9 and single hyphens, e.g. 'cepa-dubow') of at most {MAX_ID_LENGTH} "
            "characters"
        )
    if not write:
        return _ingest(page, source_id, outlet, yaml_path, title=title, force=force, write=False)
    refuse_read_only(yaml_path, display_path(yaml_path))
    with exclusive_lock(yaml_path.resolve()):
        return _ingest(page, source_id, outlet, yaml_path, title=title, force=force, write=True)


def _ingest(
    page: Path,
    source_id: str,
    outlet: str,
    yaml_path: Path,
    *,
    title: str | None,
    force: bool,
    write: bool,
) -> IngestResult:
    if not outlet.strip():
        raise UsageError("--outlet must not be empty")
    hidden = hidden_character(outlet)
    if hidden is not None:
        raise UsageError(
            f"--outlet is not valid: character {hidden[0] + 1} is {hidden[1]}, invisible or "
            "a control",
            hint="retype the outlet without it",
        )
    if title is not None and not title.strip():
        raise UsageError("--title must not be empty")
    shown_yaml = display_path(yaml_path)
    yaml_bytes = read_input(
        yaml_path, shown_yaml, folder_hint="point --assertions at the assertions.yaml inside it"
    )
    try:
        yaml_text = yaml_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = utf8_error_position(yaml_bytes, exc)
        raise InputError(
            f"{shown_yaml}:{line}:{column}: not UTF-8 (byte 0x{yaml_bytes[exc.start]:02x})",
            hint="save the file as UTF-8",
        ) from None
    loaded = load_corpus_text(yaml_text.removeprefix("\ufeff"), yaml_path.resolve(), shown_yaml)
    corpus: Corpus | None = loaded.corpus
    notes: list[str] = []

    target = _target(yaml_path.parent, source_id)
    file = f"{SEEDS}/{target.name}"
    existing = corpus.source(source_id) if corpus is not None else None
    if corpus is not None:
        for other in corpus.sources:
            if other.id != source_id and _same_file(corpus.root, other.file, target):
                raise UsageError(f"{file} is the text of source '{other.id}'; choose another id")
    if write and existing is not None:
        raise UsageError(
            f"source '{source_id}' is already in {shown_yaml} (line "
            f"{existing.location.line}); --write only adds new sources",
            hint="choose another --id, or run without --write and update that "
            "entry's sha256 by hand",
        )

    kind, data, meta = read_page(page, notes)
    meta = _names_shown_as_they_are(meta, notes)
    sha256 = sha256_hex(data)
    text_action = "written"
    if target.exists():
        try:
            same = read_regular(target) == data
        except (RefusedFile, OSError) as exc:
            reason = exc.reason if isinstance(exc, RefusedFile) else (exc.strerror or str(exc))
            raise UsageError(
                f"{display_path(target)}: {reason}; nothing was changed",
                hint="remove it or choose another --id",
            ) from None
        if same:
            text_action = "unchanged"
        elif not force:
            raise UsageError(
                f"{display_path(target)} already exists with other text; nothing was changed",
                hint="pass --force to replace it",
            )
        else:
            text_action = "replaced"

    if kind == "text" and title is None:
        title = _first_line(data)
        notes.append("title: taken from the text's first line; check it (or pass --title)")
    elif title is None:
        title = meta.title
        if title is None:
            title = _first_line(data)
            notes.append(f"title: the {_WHAT[kind]} names none; taken from the text's first line")
    if not title:
        raise InputError(f"{display_path(page)}: the text is empty")
    fields = entry_fields(outlet, title, meta, file, sha256)
    if kind in ("html", "pdf"):
        missing = [
            name
            for name, value in (
                ("authors", meta.authors),
                ("published", meta.published),
                ("outlet_name", meta.site),
                ("url", meta.url),
            )
            if not value
        ]
        if missing:
            notes.append(
                f"the {_WHAT[kind]} does not say: {', '.join(missing)}; add them if you know"
            )

    yaml_line = 0
    new_yaml: str | None = None
    if write:
        new_yaml, yaml_line, entry = insert_entry(yaml_text, source_id, fields, shown_yaml)
        expected: dict[str, object] = {
            "outlet": outlet,
            "outlet_name": meta.site,
            "title": title,
            "authors": meta.authors,
            "published": meta.published,
            "url": meta.url,
            "file": file,
            "sha256": sha256,
        }
        _validate_insert(yaml_text, new_yaml, yaml_path.resolve(), shown_yaml, source_id, expected)
    else:
        entry = render_entry(source_id, fields)
        if existing is not None:
            notes.append(
                f"source '{source_id}' is already in {shown_yaml} (line "
                f"{existing.location.line}); if you re-read the new text, set its "
                f"sha256 to {sha256}"
            )

    if text_action != "unchanged":
        target.parent.mkdir(exist_ok=True)
        atomic_write(target, data.decode("utf-8"))  # valid UTF-8: decoding round-trips exactly
    if new_yaml is not None:
        atomic_write(yaml_path, new_yaml)
    return IngestResult(
        source_id=source_id,
        page=display_path(page),
        kind=kind,
        file=file,
        sha256=sha256,
        size=len(data),
        lines=data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1),
        metadata=meta,
        entry=entry,
        text_action=text_action,
        yaml_path=shown_yaml,
        yaml_line=yaml_line,
        notes=tuple(notes),
        pages=data.count(b"\f") if kind == "pdf" else 0,
    )
