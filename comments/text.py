"""Text rules for reader comments that need no Django: line endings, word matching.

Kept plain so they can be tested without a database, like healthchecks' hc/lib modules.
"""

import re
import unicodedata

# Browsers send line breaks as CRLF but count them as one character in maxlength
# and in our counter; store them as LF so the limit means the same everywhere.
_LINE_ENDINGS = re.compile(r"\r\n?")


def normalise_newlines(text: str) -> str:
    return _LINE_ENDINGS.sub("\n", text)


# The address of a link as typed: an optional scheme, the host, and what follows it.
_LINK_HOST = re.compile(
    r"(?P<scheme>[a-z][a-z0-9+.-]*://)?(?P<host>[^/?#:]*)(?P<rest>.*)", re.I | re.S
)
# Dots that browsers read as the dot between the labels of a domain name.
_LABEL_DOTS = re.compile("[\u3002\uff0e\uff61]")


def _ascii_label(label: str) -> str:
    if label.isascii():
        return label
    return "xn--" + label.encode("punycode").decode("ascii")


def punycode_link_text(text: str) -> str:
    """A link's text with an international domain name shown as browsers resolve it
    (punycode, "xn--..."), so "pаypal.com" with a Cyrillic "а" cannot pass for the real one.

    The host is normalised as browsers do first (compatibility forms, lower case,
    ideographic dots), so the text names the same address the link goes to.
    """
    match = _LINK_HOST.fullmatch(text)
    if match is None or match["host"].isascii():
        return text
    host = _LABEL_DOTS.sub(".", unicodedata.normalize("NFKC", match["host"]).lower())
    ascii_host = ".".join(_ascii_label(label) for label in host.split("."))
    return f"{match['scheme'] or ''}{ascii_host}{match['rest']}"


def _word_pattern(word: str) -> re.Pattern:
    # Whole words only, so "spam" does not catch "spamgevoelig" and "ass" not "klasse".
    return re.compile(rf"(?<!\w){re.escape(word.casefold())}(?!\w)")


def find_word(text: str, words) -> str:
    """The first of `words` that occurs in `text` as a whole word, ignoring case; else ""."""
    folded = text.casefold()
    for word in words:
        word = word.strip()
        if word and _word_pattern(word).search(folded):
            return word
    return ""
