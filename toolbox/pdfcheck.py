"""Checking that an upload really is a PDF, from its bytes only (no Django).

A file's name and the browser's content type say nothing: a renamed image or HTML page
must be refused. We read the header and the end of the file, where every PDF keeps the
offset of its cross-reference table, and check that the offset points at one. That catches
other files, truncated uploads and most damaged PDFs without reading the whole file.
"""

import re
from typing import BinaryIO

MAX_PDF_BYTES = 25 * 1024 * 1024
_HEADER = re.compile(rb"%PDF-[12]\.\d")
_TRAILER = re.compile(rb"startxref\s+(\d+)\s+%%EOF")
# A classic "xref" table, or (PDF 1.5+) a cross-reference stream object "12 0 obj".
_XREF = re.compile(rb"(xref|\d+\s+\d+\s+obj)")
TAIL_BYTES = 2048


class PdfRejected(ValueError):
    """The upload is not a PDF we accept; `code` says why."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def check_pdf(stream: BinaryIO, size: int) -> None:
    """Raise PdfRejected unless `stream` (of `size` bytes) looks like a whole PDF file."""
    if size > MAX_PDF_BYTES:
        raise PdfRejected("too_large")
    stream.seek(0)
    if not _HEADER.match(stream.read(8)):
        raise PdfRejected("not_a_pdf")
    stream.seek(max(0, size - TAIL_BYTES))
    matches = list(_TRAILER.finditer(stream.read()))
    if not matches:
        raise PdfRejected("damaged")
    offset = int(matches[-1].group(1))
    if offset >= size:
        raise PdfRejected("damaged")
    stream.seek(offset)
    if not _XREF.match(stream.read(32)):
        raise PdfRejected("damaged")
    stream.seek(0)
