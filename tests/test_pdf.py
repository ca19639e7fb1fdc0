"""``compare ingest report.pdf``: a PDF report becomes a text with its pages, and every view
gives a quote's page besides its ``file:line``.

The PDFs are made here (tests/pdfmaker.py: Helvetica text pages, a running header and a page
number on each page, words broken by hyphenation at a line's and at a page's end), so each
case is exactly the file it needs.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from comparator.pdftext import PdfLine, assemble, broken_end, clean_line, is_page_number
from tests.conftest import ROOT, is_clean, write_corpus
from tests.pdfmaker import make_pdf

FIXTURES = ROOT / "tests/fixtures/pdf"
HEADER = "Moscow and Hamas | Policy Report | June 2024"
FOOTER = "Page {n}"
#: Two pages: a word broken at a line's end ("imple-mentation"), a compound broken at a line's
#: end that the report writes whole elsewhere ("state-sponsored"), a word broken across the
#: page break ("Eu-rope"), a paragraph running on to the next page.
REPORT = [
    [
        "Moscow and Hamas: A Think Tank Report",
        "",
        "Russia has hosted Hamas delegations in Moscow three times since October,",
        "and its diplomats describe the contacts as the normal imple-",
        "mentation of a long-standing policy of talking to every side.",
        "",
        "Western officials call these contacts a state-",
        "sponsored legitimisation of a group that many governments list as terrorist; the",
        "Kremlin answers that its state-sponsored critics ignore its mediation. Analysts",
        "say the visits gave the group a platform it could not have found elsewhere in Eu-",
    ],
    [
        "rope, and that Moscow gained leverage over the hostage talks in exchange.",
        "",
        "No evidence has been published that Russia supplied weapons to the group.",
    ],
]
REPORT_TEXT = (
    "Moscow and Hamas: A Think Tank Report\n"
    "\n"
    "Russia has hosted Hamas delegations in Moscow three times since October,\n"
    "and its diplomats describe the contacts as the normal implementation\n"
    "of a long-standing policy of talking to every side.\n"
    "\n"
    "Western officials call these contacts a state-sponsored\n"
    "legitimisation of a group that many governments list as terrorist; the\n"
    "Kremlin answers that its state-sponsored critics ignore its mediation. Analysts\n"
    "say the visits gave the group a platform it could not have found elsewhere in Europe,\n"
    "\fand that Moscow gained leverage over the hostage talks in exchange.\n"
    "\n"
    "No evidence has been published that Russia supplied weapons to the group.\n"
    "\f\n"
)


def report_pdf(**options: Any) -> bytes:
    return make_pdf(REPORT, header=HEADER, footer=FOOTER, **options)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A corpus folder with one plain-text source, to ingest the report beside."""
    write_corpus(
        tmp_path / "corpus",
        """\
        version: 2
        sources:
          plain:
            outlet: Plain
            title: A plain text
            file: seeds/plain.txt
        topics: {}
        """,
        {"seeds/plain.txt": "Russia hosts Hamas delegations in Moscow, a plain text says.\n"},
    )
    return tmp_path / "corpus"


def ingest(run_cli: Any, folder: Path, data: bytes, *args: str, name: str = "report.pdf") -> Any:
    pytest.importorskip("pypdf")
    page = folder.parent / name
    page.write_bytes(data)
    return run_cli(["ingest", str(page), "--id", "report", "--outlet", "TT", *args], cwd=folder)


# --------------------------------------------------------------------------- ingest


def test_a_pdf_becomes_a_text_with_its_pages_without_headers_footers_or_broken_words(
    run_cli: Any, folder: Path
) -> None:
    result = ingest(run_cli, folder, report_pdf())
    assert result.exit_code == 0, result.output
    assert (folder / "seeds/report.txt").read_text(encoding="utf-8") == REPORT_TEXT
    assert result.stdout.startswith(
        "# wrote seeds/report.txt (673 bytes, 14 lines): text of 2 page(s) extracted from"
    )
    assert f"# note: running headers and footers dropped from the pages: '{HEADER}'" in (
        result.stdout
    )
    assert "# note: page numbers dropped: 2" in result.stdout
    assert "# note: words broken across lines made whole: 3" in result.stdout
    assert '    title: "Moscow and Hamas: A Think Tank Report"\n' in result.stdout
    assert "# note: the PDF does not say: authors, published, outlet_name, url" in result.stdout


def test_the_header_drawn_last_and_the_compressed_content_read_the_same(
    run_cli: Any, folder: Path
) -> None:
    """Where the header is drawn in the page's content, and whether the content is
    compressed, changes nothing: the header is found by its place on the page."""
    result = ingest(run_cli, folder, report_pdf(header_last=True, compress=True))
    assert result.exit_code == 0, result.output
    assert (folder / "seeds/report.txt").read_text(encoding="utf-8") == REPORT_TEXT


def test_the_json_output_counts_the_pages(run_cli: Any, folder: Path) -> None:
    result = ingest(run_cli, folder, report_pdf(), "--format", "json")
    document = json.loads(result.stdout)
    assert (document["kind"], document["pages"], document["lines"]) == ("pdf", 2, 14)
    assert result.exit_code == 0


def test_the_pdfs_properties_fill_the_entry(run_cli: Any, folder: Path) -> None:
    info = {
        "Title": "Moscow's Hamas Policy",
        "Author": "Ann Analyst; Bo Scholar",
        "CreationDate": "D:20240605120000Z",
    }
    result = ingest(run_cli, folder, report_pdf(info=info))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "    title: Moscow's Hamas Policy" in lines
    assert "    authors: [Ann Analyst, Bo Scholar]" in lines
    assert '    published: "2024-06-05"' in lines
    assert "# note: published: the PDF's creation date; check it against the report" in lines


def test_a_file_name_as_title_is_not_taken_for_the_title(run_cli: Any, folder: Path) -> None:
    result = ingest(run_cli, folder, report_pdf(info={"Title": "Microsoft Word - draft7.docx"}))
    assert '    title: "Moscow and Hamas: A Think Tank Report"\n' in result.stdout
    assert "draft7" not in result.stdout
    assert result.exit_code == 0


def test_a_pdf_is_known_by_its_content_whatever_its_name(run_cli: Any, folder: Path) -> None:
    result = ingest(run_cli, folder, report_pdf(), name="download")
    assert result.exit_code == 0, result.output
    assert (folder / "seeds/report.txt").read_text(encoding="utf-8") == REPORT_TEXT


def test_pages_numbered_otherwise_by_the_pdf_are_counted_from_its_first(
    run_cli: Any, folder: Path
) -> None:
    result = ingest(run_cli, folder, report_pdf(roman_front=1))
    assert (
        "# note: the PDF prints its own page numbers (i, 1, ...); views count pages from the "
        "file's first page"
    ) in result.stdout
    assert result.exit_code == 0


def test_without_pypdf_the_message_says_how_to_install_it(
    run_cli: Any, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = report_pdf()
    monkeypatch.setitem(sys.modules, "pypdf", None)  # makes `import pypdf` fail
    page = folder.parent / "report.pdf"
    page.write_bytes(data)
    result = run_cli(["ingest", str(page), "--id", "report", "--outlet", "TT"], cwd=folder)
    assert "compare: error: reading PDF needs pypdf, which is not installed" in result.stderr
    assert "pip install 'compare-claims[pdf]'" in result.stderr
    assert "Traceback" not in result.output
    assert not (folder / "seeds/report.txt").exists()
    assert result.exit_code == 2


def test_a_pdf_encrypted_with_a_password_is_refused(run_cli: Any, folder: Path) -> None:
    from tests.pdfmaker import encrypt

    result = ingest(run_cli, folder, encrypt(report_pdf(), "secret"))
    assert "report.pdf: is encrypted with a password" in result.stderr
    assert "save an unprotected copy" in result.stderr
    assert not (folder / "seeds/report.txt").exists()
    assert result.exit_code == 2


def test_a_pdf_protected_only_against_editing_is_read(run_cli: Any, folder: Path) -> None:
    from tests.pdfmaker import encrypt

    result = ingest(run_cli, folder, encrypt(report_pdf(), ""))
    assert result.exit_code == 0, result.output
    assert (folder / "seeds/report.txt").read_text(encoding="utf-8") == REPORT_TEXT


@pytest.mark.parametrize("name", ["aes-128.pdf", "aes-256.pdf"])
def test_an_aes_encrypted_pdf_is_read_or_says_what_to_install(
    run_cli: Any, folder: Path, name: str
) -> None:
    """Protected reports use AES, with no password to read: pypdf deciphers it with a compiled
    library the pure-Python pdf extra leaves out. AES-256 needs it to check the password,
    AES-128 only when a page is read; either way the message says what to install. (The two
    files were written by pypdf with cryptography, a short text in them, no password.)"""
    result = ingest(run_cli, folder, (FIXTURES / name).read_bytes())
    if importlib.util.find_spec("cryptography") or importlib.util.find_spec("Crypto"):
        assert result.exit_code == 0, result.output
        assert "AES encrypted report text" in (folder / "seeds/report.txt").read_text("utf-8")
        return
    assert "report.pdf: is encrypted and cannot be opened here" in result.stderr
    assert "install a cipher library for pypdf: pip install cryptography" in result.stderr
    assert not (folder / "seeds/report.txt").exists()
    assert result.exit_code == 2


def test_a_scanned_pdf_is_refused_with_a_word_about_ocr(run_cli: Any, folder: Path) -> None:
    result = ingest(run_cli, folder, make_pdf([[], []], image_pages=(0, 1)))
    assert "report.pdf: no text in its 2 page(s); it is probably scanned images" in result.stderr
    assert "run OCR on it first" in result.stderr
    assert result.exit_code == 2


def test_a_pdf_with_too_few_words_is_refused(run_cli: Any, folder: Path) -> None:
    result = ingest(run_cli, folder, make_pdf([["Cover page"]]))
    assert "report.pdf: only 2 word(s) of text in its 1 page(s)" in result.stderr
    assert result.exit_code == 2


def test_a_scanned_page_among_text_pages_is_named(run_cli: Any, folder: Path) -> None:
    pages = [REPORT[0], [], REPORT[1]]
    result = ingest(run_cli, folder, make_pdf(pages, image_pages=(1,)))
    assert result.exit_code == 0, result.output
    assert "# note: pages with no text (images or scans; run OCR to have their words): 2" in (
        result.stdout
    )
    assert (folder / "seeds/report.txt").read_text(encoding="utf-8").count("\f") == 3


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"%PDF-1.4\n",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>",
        b"<html><body>Not found</body></html>",
        b"\x00\xff" * 500,
    ],
    ids=["empty", "header-only", "no-pages", "an-error-page", "binary"],
)
def test_a_broken_pdf_is_refused_without_a_traceback(
    run_cli: Any, folder: Path, data: bytes
) -> None:
    result = ingest(run_cli, folder, data)
    assert result.stderr.startswith("compare: error: ")
    assert "report.pdf" in result.stderr
    assert "Traceback" not in result.output
    assert not (folder / "seeds/report.txt").exists()
    assert result.exit_code == 2


def test_a_truncated_download_is_refused(run_cli: Any, folder: Path) -> None:
    data = report_pdf(compress=True)
    result = ingest(run_cli, folder, data[: len(data) // 3])
    assert result.stderr.startswith("compare: error: ")
    assert "Traceback" not in result.output
    assert result.exit_code == 2


def test_a_pdf_over_the_size_limit_is_not_read(run_cli: Any, folder: Path) -> None:
    page = folder.parent / "huge.pdf"
    with page.open("wb") as out:
        out.write(b"%PDF-1.4\n")
        out.truncate(64 * 1024 * 1024 + 1)  # sparse: costs no disk
    result = run_cli(["ingest", str(page), "--id", "huge", "--outlet", "F"], cwd=folder)
    assert "huge.pdf: is too large" in result.stderr
    assert result.exit_code == 2


def test_too_many_pages_are_refused(
    run_cli: Any, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("comparator.pdftext.MAX_PAGES", 1)
    result = ingest(run_cli, folder, report_pdf())
    assert "report.pdf: has 2 pages; ingest reads at most 1" in result.stderr
    assert result.exit_code == 2


def test_a_content_stream_bomb_is_stopped_by_the_clock(
    run_cli: Any, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hundred thousand drawing operators in a 2 KB file: ingest stops at its clock (made
    short here; pypdf's own limit on a stream's operators stops a larger one) and says why."""
    monkeypatch.setattr("comparator.pdftext.MAX_SECONDS", 0.25)
    content = b"BT /F1 11 Tf 72 720 Td " + b"(x) Tj " * 100_000 + b"ET\n"
    data = make_pdf([[]], raw_contents=[content], compress=True)
    assert len(data) < 3000
    started = time.monotonic()
    result = ingest(run_cli, folder, data)
    assert time.monotonic() - started < 30
    assert "report.pdf: reading its text took longer than 0.25 seconds" in result.stderr
    assert "Traceback" not in result.output
    assert result.exit_code == 2


def test_the_clock_runs_between_pages(
    run_cli: Any, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("comparator.pdftext.MAX_SECONDS", -1)
    result = ingest(run_cli, folder, report_pdf())
    assert "took longer than -1 seconds" in result.stderr
    assert result.exit_code == 2


def test_a_page_of_one_endless_word_is_read_in_time() -> None:
    """A crafted line of half a million letters, ending in a hyphen, before a page of the
    same: the broken-word search walks it once."""
    started = time.monotonic()
    text = assemble([[PdfLine("x" * 500_000 + "-")], [PdfLine("y" * 500_000)]]).text
    assert time.monotonic() - started < 5
    assert text == "x" * 500_000 + "y" * 500_000 + "\n\f\f\n"


# --------------------------------------------------------------------------- the text


def lines(*texts: str, y: float = 700, step: float = 14) -> list[PdfLine]:
    return [PdfLine(text, y - n * step, 11) for n, text in enumerate(texts)]


def test_a_compound_keeps_its_hyphen_a_broken_word_loses_it() -> None:
    page = lines(
        "a well-known fact is that the pro-",
        "posal and the well-",
        "known anti-",
        "American line are one, as the soft\u00ad",
        "ware shows -",
        "a dash, and 1990-",
        "2000 a range.",
    )
    assert assemble([page]).text == (
        "a well-known fact is that the proposal\n"
        "and the well-known\n"
        "anti-American\n"
        "line are one, as the software\n"
        "shows -\n"
        "a dash, and 1990-2000\n"
        "a range.\n\f\n"
    )


def test_a_word_in_capitals_broken_across_lines_is_made_whole_when_written_whole() -> None:
    page = lines("the OPTIONAL field and the non-", "commercial use of an OP-", "TIONAL one.")
    assert assemble([page]).text == (
        "the OPTIONAL field and the non-commercial\nuse of an OPTIONAL\none.\n\f\n"
    )


def test_a_running_line_is_noted_once_whatever_its_number() -> None:
    pages = [
        lines(f"Chapter 4: Functions {n}", f"text of page {word}.", f"more {word} text.")
        for n, word in ((9, "one"), (10, "two"))
    ]
    result = assemble(pages)
    assert result.running == ("Chapter 4: Functions 9",)
    assert (
        result.text
        == "text of page one.\nmore one text.\n\ftext of page two.\nmore two text.\n\f\n"
    )


def test_both_halves_being_words_of_the_report_keep_the_hyphen() -> None:
    page = lines("the state here and the one sponsored there; a state-", "sponsored group.")
    assert "a state-sponsored\ngroup." in assemble([page]).text


def test_a_hyphen_before_a_paragraph_break_is_left_alone() -> None:
    page = [*lines("A list of", "items ends with a-"), PdfLine("new paragraph.", 600, 11)]
    assert assemble([page]).text == "A list of\nitems ends with a-\n\nnew paragraph.\n\f\n"


def test_a_line_that_recurs_in_the_body_is_kept() -> None:
    """Only the lines at a page's top and bottom can be running: a heading that recurs in the
    middle of each page stays."""
    pages = [
        lines("Report", "first body line.", "Key findings", "more body.", "last body line."),
        lines("Report", "second page line.", "Key findings", "more text.", "closing line."),
    ]
    text = assemble(pages).text
    assert "Report" not in text
    assert text.count("Key findings") == 2


def test_a_header_on_two_pages_of_many_stays_a_header_on_three() -> None:
    body = ["one line of body text.", "another line of text.", "a third line of text."]
    pages = [lines("Chapter One", *body) for _ in range(3)] + [lines(*body) for _ in range(3)]
    assert "Chapter One" not in assemble(pages).text
    pages = [lines("Chapter One", *body) for _ in range(2)] + [lines(*body) for _ in range(4)]
    assert assemble(pages).text.count("Chapter One") == 2


def test_a_gap_or_a_heading_ends_a_paragraph() -> None:
    page = [
        PdfLine("Findings", 720, 16),
        PdfLine("The first paragraph runs", 700, 11),
        PdfLine("over two lines.", 686, 11),
        PdfLine("The second one follows a gap.", 650, 11),
    ]
    assert assemble([page]).text == (
        "Findings\n\nThe first paragraph runs\nover two lines.\n\n"
        "The second one follows a gap.\n\f\n"
    )


def test_a_paragraph_ending_with_its_page_is_ended() -> None:
    pages = [
        lines("A long line of the first page, as wide as the text block is", "It ends here."),
        lines("Then a new paragraph starts the page."),
    ]
    assert assemble(pages).text == (
        "A long line of the first page, as wide as the text block is\nIt ends here.\n"
        "\n\fThen a new paragraph starts the page.\n\f\n"
    )


def test_characters_the_fonts_do_not_name_are_counted() -> None:
    from comparator.pdftext import pdf_notes

    result = assemble([lines("Moscow\ufffds policy and the \ufffd\ufffdvoy\ufffd")])
    assert (
        "characters the PDF's fonts do not name, saved as \ufffd: 4; a quote holding one will "
        "not anchor (compare the text with the PDF)"
    ) in pdf_notes(result)
    assert not any("\ufffd" in note for note in pdf_notes(assemble([lines("clean text")])))


def test_ligatures_controls_and_spacing_are_cleaned() -> None:
    assert clean_line("the \ufb01rst  e\ufb00ort\x07 of\tthe   o\ufb03ce") == (
        "the first effort of the office"
    )
    assert clean_line("soft\u00adly said, hyphen\u00ad") == "softly said, hyphen\u00ad"


@pytest.mark.parametrize(
    "text", ["7", "Page 7", "p. 7", "7 of 30", "- 7 -", "vii", "XIV", "| 12 |", "Page ix"]
)
def test_page_numbers_are_known(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["7 days", "Chapter 7", "Iran", "civil", "", "--", "iiii"])
def test_other_short_lines_are_not_page_numbers(text: str) -> None:
    assert not is_page_number(text)


@pytest.mark.parametrize(
    ("line", "half"),
    [("normal imple-", "imple"), ("a so-called-", "so-called"), ("a dash -", None), ("--", None)],
)
def test_the_first_half_of_a_broken_word(line: str, half: str | None) -> None:
    assert broken_end(line) == half


# --------------------------------------------------------------------------- the views

CORPUS = """\
version: 2
sources:
  report:
    outlet: TT
    title: Moscow and Hamas
    file: seeds/report.txt
voices:
  analysts:
    name: Analysts
    kind: expert
topics:
  hosting:
    title: Hosting Hamas
    question: Why does Moscow host Hamas?
    claims:
      leverage: Moscow gains leverage from hosting Hamas.
      arms: Russia arms Hamas.
    assertions:
      - id: hosting-report-leverage
        source: report
        claim: leverage
        stance: affirms
        summary: Hosting Hamas gave Moscow leverage in the hostage talks.
        quotes:
          - >-
            could not have found elsewhere in Europe, and that Moscow gained leverage over
            the hostage talks
        reports:
          - voice: analysts
            stance: affirms
            treatment: endorses
            quotes:
              - Moscow gained leverage over the hostage talks in exchange
      - id: hosting-report-arms
        source: report
        claim: arms
        stance: doubts
        summary: No evidence of weapons.
        quotes:
          - {quote}
"""


def paged_corpus(root: Path, quote: str = "No evidence has been published that Russia") -> Path:
    return write_corpus(
        root / "paged", CORPUS.replace("{quote}", quote), {"seeds/report.txt": REPORT_TEXT}
    )


def view(run_cli: Any, corpus: Path, *args: str) -> Any:
    result = run_cli([*args, "-a", str(corpus)], width=200)
    assert is_clean(result.stdout) and "\f" not in result.stdout
    assert "\\x0c" not in result.stdout  # a page break is never shown as a code
    return result


def test_a_quote_across_a_page_break_anchors_and_the_views_give_its_page(
    run_cli: Any, tmp_path: Path
) -> None:
    corpus = paged_corpus(tmp_path)
    text = view(run_cli, corpus, "show", "hosting")
    assert text.exit_code == 0, text.output
    assert "seeds/report.txt:10 (p. 1)" in text.stdout
    assert "seeds/report.txt:13 (p. 2)" in text.stdout
    markdown = view(run_cli, corpus, "show", "hosting", "--format", "markdown")
    assert "seeds/report.txt:10 (p. 1)" in markdown.stdout
    assert "seeds/report.txt:13 (p. 2)" in markdown.stdout
    (topic,) = json.loads(view(run_cli, corpus, "show", "hosting", "--format", "json").stdout)
    quotes = {
        quote["text"][:20]: quote
        for claim in topic["claims"]
        for position in claim["positions"]
        for quote in position["quotes"]
        + [q for report in position["reports"] for q in report["quotes"]]
    }
    assert quotes["could not have found"]["page"] == 1
    assert quotes["could not have found"]["parts"][0]["page"] == 1
    assert (quotes["could not have found"]["line"], quotes["could not have found"]["status"]) == (
        10,
        "found",
    )
    assert quotes["Moscow gained levera"]["page"] == 2
    assert quotes["No evidence has been"]["page"] == 2


def test_the_quotes_sentence_reads_across_the_page_break(run_cli: Any, tmp_path: Path) -> None:
    corpus = paged_corpus(tmp_path)
    result = view(run_cli, corpus, "show", "hosting", "--context")
    assert "elsewhere in Europe, and that Moscow gained leverage" in result.stdout
    (topic,) = json.loads(view(run_cli, corpus, "show", "hosting", "--format", "json").stdout)
    sentence = topic["claims"][0]["positions"][0]["quotes"][0]["sentence"]["text"]
    assert sentence.startswith("Analysts say the visits gave the group a platform")
    assert "Europe, and that Moscow" in sentence and "\f" not in sentence


def test_report_and_voices_give_the_page(run_cli: Any, tmp_path: Path) -> None:
    corpus = paged_corpus(tmp_path)
    report = view(run_cli, corpus, "report")
    assert report.exit_code == 0, report.output
    assert "`seeds/report.txt:13` (p. 2)" in report.stdout
    assert "`seeds/report.txt:10` (p. 1)" in report.stdout
    voices = view(run_cli, corpus, "voices")
    assert "seeds/report.txt:11 (p. 2)" in voices.stdout
    markdown = view(run_cli, corpus, "voices", "--format", "markdown")
    assert "seeds/report.txt:11 (p. 2)" in markdown.stdout


def test_check_gives_the_page_of_the_closest_passage(run_cli: Any, tmp_path: Path) -> None:
    corpus = paged_corpus(tmp_path, quote="No evidence was ever published that Russia")
    text = view(run_cli, corpus, "check")
    assert "closest passage at 13:1 (p. 2)" in text.stdout
    assert text.exit_code == 1
    document = json.loads(view(run_cli, corpus, "check", "--format", "json").stdout)
    (miss,) = [f for f in document["findings"] if f["rule"] == "quote-not-found"]
    assert miss["related"] == [{"file": "seeds/report.txt", "line": 13, "column": 1, "page": 2}]
    assert "page" not in miss  # the finding is in assertions.yaml, which has no pages
    sarif = json.loads(view(run_cli, corpus, "check", "--format", "sarif").stdout)
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "quote-not-found"]
    assert result["relatedLocations"][0]["properties"] == {"page": 2}
    assert "properties" not in result["locations"][0]

    from tests.test_sarif import errors_of

    assert errors_of(sarif) == []


def test_an_ambiguous_quote_names_the_page_of_each_place(run_cli: Any, tmp_path: Path) -> None:
    corpus = paged_corpus(tmp_path, quote="Russia has hosted Hamas delegations in Moscow")
    text = REPORT_TEXT.replace(
        "Russia supplied weapons to the group", "Russia has hosted Hamas delegations in Moscow"
    )
    (corpus.parent / "seeds/report.txt").write_text(text, encoding="utf-8")
    result = view(run_cli, corpus, "check")
    assert "occurs 2 times in seeds/report.txt (at 3:1 (p. 1), 13:37 (p. 2))" in result.stdout
    shown = view(run_cli, corpus, "show", "hosting")
    assert "seeds/report.txt:3 (p. 1)" in shown.stdout
    assert "(first of 2 places)" in shown.stdout


def test_a_text_saved_by_pdftotext_has_its_pages_too(run_cli: Any, tmp_path: Path) -> None:
    """Pages come from the form feeds, whoever wrote them: a .txt from ``pdftotext`` is
    paged like a PDF that ingest read."""
    corpus = paged_corpus(tmp_path)
    result = view(run_cli, corpus, "show", "hosting")
    plain = REPORT_TEXT.replace("\f", "")
    (corpus.parent / "seeds/report.txt").write_text(plain, encoding="utf-8")
    unpaged = view(run_cli, corpus, "show", "hosting")
    assert "(p. 2)" in result.stdout and "(p. " not in unpaged.stdout


def test_the_seed_corpus_shows_no_pages(run_cli: Any) -> None:
    result = run_cli(["show", "weapons", "-a", str(ROOT / "assertions.yaml")], width=200)
    assert result.exit_code == 0 and "(p. " not in result.stdout


def test_a_silent_source_mentioning_a_keyword_is_shown_the_right_line(
    run_cli: Any, tmp_path: Path
) -> None:
    """The line a lint names is the line it shows, after a page break too (a form feed is no
    line break)."""
    corpus = paged_corpus(tmp_path)
    text = corpus.read_text(encoding="utf-8") + (
        "  weapons:\n"
        "    title: Weapons\n"
        "    question: Does Russia arm Hamas?\n"
        "    keywords: [weapons]\n"
        "    claims:\n"
        "      supply: Russia supplies weapons to Hamas.\n"
        "    silent: [report]\n"
    )
    corpus.write_text(text, encoding="utf-8")
    result = view(run_cli, corpus, "check")
    assert (
        "    seeds/report.txt:13: No evidence has been published that Russia supplied weapons "
        "to the group.\n"
    ) in result.stdout


def test_a_pdf_ingested_with_write_is_a_source_that_checks_clean(
    run_cli: Any, tmp_path: Path
) -> None:
    """The whole route: the entry lands in assertions.yaml with the text's sha256, and check
    finds the text and its pin in order."""
    import shutil

    pytest.importorskip("pypdf")
    corpus = tmp_path / "mini"
    shutil.copytree(ROOT / "tests/fixtures/mini", corpus)
    page = tmp_path / "report.pdf"
    page.write_bytes(report_pdf(info={"CreationDate": "D:20240605"}))
    result = run_cli(
        ["ingest", str(page), "--id", "tt-report", "--outlet", "TT", "--write"], cwd=corpus
    )
    assert result.exit_code == 0, result.output
    yaml_text = (corpus / "assertions.yaml").read_text(encoding="utf-8")
    assert '    published: "2024-06-05"\n    file: seeds/tt-report.txt\n    sha256: ' in yaml_text
    checked = run_cli(["check", "--format", "json"], cwd=corpus)
    findings = json.loads(checked.stdout)["findings"]
    assert not [f for f in findings if f["severity"] == "error"]
    assert not [f for f in findings if f["rule"].startswith("source-")]


def test_suggest_gives_the_page_of_each_sentence(run_cli: Any, tmp_path: Path) -> None:
    corpus = paged_corpus(tmp_path)
    text = view(run_cli, corpus, "suggest", "hosting", "--source", "report", "-n", "10")
    assert text.exit_code == 0, text.output
    assert "seeds/report.txt:13:1 (p. 2)" in text.stdout
    document = json.loads(
        view(
            run_cli,
            corpus,
            "suggest",
            "hosting",
            "--source",
            "report",
            "-n",
            "10",
            "--format",
            "json",
        ).stdout
    )
    pages = {s["line"]: s.get("page") for s in document["suggestions"]}
    assert pages[13] == 2
