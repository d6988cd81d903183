"""Word-level differences between two texts, for people rather than programmers.

Rich text is compared as the words a reader sees, not as HTML: `readable_text` turns the
markup into plain text (one line per paragraph, heading or list item) and `word_diff`
marks what was removed and added, word by word, as escaped HTML with <del> and <ins>.
"""

import difflib
import re
from html import unescape
from html.parser import HTMLParser

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Elements after which a reader sees a new line.
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "br", "tr"}
# Each word with the whitespace after it, so joining the tokens gives the text back and a
# run of changed words stays one run (spaces between them do not count as "unchanged").
_TOKENS = re.compile(r"^\s+|\S+\s*")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self.parts.append("\n• ")
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def readable_text(html: str) -> str:
    """The text of `html` as a reader sees it: tags gone, one line per block."""
    collector = _TextCollector()
    collector.feed(html or "")
    collector.close()
    text = unescape("".join(collector.parts))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def _mark(tag: str, tokens: list[str]) -> str:
    text = "".join(tokens)
    words = text.rstrip()
    if not words:
        return escape(text)
    return f"<{tag}>{escape(words)}</{tag}>{escape(text[len(words) :])}"


def word_diff(old: str, new: str) -> SafeString:
    """`new` as escaped HTML, with the words removed since `old` in <del> and the words
    added in <ins>. Line breaks stay line breaks (render inside white-space: pre-line)."""
    before, after = _tokens(old), _tokens(new)
    # Compared as words, shown with their own spacing. autojunk off: in long texts common
    # words would otherwise be ignored as "junk".
    matcher = difflib.SequenceMatcher(
        a=[t.strip() for t in before], b=[t.strip() for t in after], autojunk=False
    )
    out: list[str] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape("".join(after[b1:b2])))
            continue
        if op == "replace":
            # Removed words directly before the added ones, separated by one space.
            out.append(_mark("del", before[a1:a2]).rstrip() + " ")
        elif op == "delete":
            out.append(_mark("del", before[a1:a2]))
        if op in ("insert", "replace"):
            out.append(_mark("ins", after[b1:b2]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped
