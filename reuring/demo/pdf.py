"""A small PDF writer for the demo whitepapers, so the demo needs no PDF library."""


def minimal_pdf(title: str, lines: list[str]) -> bytes:
    """A small, valid one-page PDF with `title` and `lines` in Helvetica (for demo content).

    Written by hand so the demo needs no PDF library: objects, then a cross-reference
    table with the byte offset of each object, then the trailer.
    """

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    def encode(text: str) -> bytes:
        # WinAnsiEncoding covers the Dutch letters (é, ë, ï) and the quotes we use.
        return escape(text).encode("cp1252", errors="replace")

    content = b"BT /F1 20 Tf 72 770 Td (" + encode(title) + b") Tj /F1 11 Tf"
    for line in lines:
        content += b" 0 -18 Td (" + encode(line) + b") Tj"
    content += b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Title (" + encode(title) + b") >>",
    ]
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(output)
    output += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        output += f"{offset:010d} 00000 n \n".encode()
    output += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref_at}\n%%EOF\n"
    ).encode()
    return bytes(output)
