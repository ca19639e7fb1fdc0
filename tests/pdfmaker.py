"""A minimal PDF writer for the tests: text pages in the standard Helvetica font.

Real reports are typeset by programs the tests cannot run; what matters to ``compare ingest``
is the same in these small files: lines of text placed top to bottom, a running header and
footer repeated on each page, page numbers, words broken by hyphenation at a line's or a
page's end. Each page is a list of lines; an empty string leaves a blank line (a paragraph's
gap). No library is needed to write one, so the tests can make exactly the file a case needs.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

#: A US Letter page, in points, and where the text sits on it.
WIDTH, HEIGHT = 612, 792
TOP = 720
LEADING = 14
HEADER_Y = 760
FOOTER_Y = 40


def _string(text: str) -> str:
    """A PDF literal string: WinAnsi (Latin-1 for the letters the tests use), escaped."""
    raw = text.encode("cp1252").decode("latin-1")
    return "(" + raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def _text_at(x: int, y: int, text: str, size: int = 11) -> str:
    return f"BT /F1 {size} Tf {x} {y} Td {_string(text)} Tj ET\n"


def page_content(
    lines: Sequence[str],
    *,
    header: str | None = None,
    footer: str | None = None,
    header_last: bool = False,
) -> str:
    """The content stream of one page: its lines from the top, then header and footer."""
    body = []
    y = TOP
    for line in lines:
        if line:
            body.append(_text_at(72, y, line))
        y -= LEADING
    running = []
    if header is not None:
        running.append(_text_at(72, HEADER_Y, header, 9))
    if footer is not None:
        running.append(_text_at(290, FOOTER_Y, footer, 9))
    parts = body + running if header_last else running + body
    return "".join(parts)


def make_pdf(
    pages: Sequence[Sequence[str]],
    *,
    header: str | None = None,
    footer: str | None = None,
    header_last: bool = False,
    compress: bool = False,
    image_pages: Sequence[int] = (),
    raw_contents: Sequence[bytes] | None = None,
    info: dict[str, str] | None = None,
    roman_front: int = 0,
) -> bytes:
    """A PDF of ``pages``; ``header`` and ``footer`` may hold ``{n}``, the page's number.

    ``image_pages`` (0-based) hold a small grey image and no text, as a scanned page does;
    ``raw_contents`` replaces every page's content stream by the bytes given; ``info`` is the
    document information dictionary (``{"Title": ..., "Author": ..., "CreationDate": ...}``);
    ``roman_front`` pages are labelled i, ii... before the others are labelled 1, 2...
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below, once the page tree's number is known
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream"
    )
    kids = []
    for number, lines in enumerate(pages, 1):
        if raw_contents is not None:
            content = raw_contents[number - 1]
        elif number - 1 in image_pages:
            content = b"q 200 0 0 200 72 400 cm /Im1 Do Q\n"
        else:
            content = page_content(
                lines,
                header=header.format(n=number) if header is not None else None,
                footer=footer.format(n=number) if footer is not None else None,
                header_last=header_last,
            ).encode("latin-1")
        extra = b""
        if compress:
            content = zlib.compress(content)
            extra = b" /Filter /FlateDecode"
        stream = add(
            b"<< /Length %d%s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"
        )
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                % (tree, WIDTH, HEIGHT, stream, font, image)
            )
        )
    info_number = 0
    if info:
        entries = " ".join(f"/{key} {_string(value)}" for key, value in info.items())
        info_number = add(f"<< {entries} >>".encode("latin-1"))
    labels = b""
    if roman_front:
        labels = b" /PageLabels << /Nums [0 << /S /r >> %d << /S /D >>] >>" % roman_front
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R%s >>" % (tree, labels)
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        b" /Info %d 0 R" % info_number if info_number else b"",
        xref,
    )
    return bytes(out)


def encrypt(data: bytes, user_password: str, owner_password: str = "owner") -> bytes:
    """The same PDF encrypted (RC4, which pypdf writes without a cipher library): with an
    empty ``user_password`` anyone may read it, as many published reports are protected."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password, owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
