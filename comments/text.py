"""Text rules for reader comments that need no Django: line endings, networks, word matching.

Kept plain so they can be tested without a database, like healthchecks' hc/lib modules.
"""

import ipaddress
import re

# Browsers send line breaks as CRLF but count them as one character in maxlength
# and in our counter; store them as LF so the limit means the same everywhere.
_LINE_ENDINGS = re.compile(r"\r\n?")


def normalise_newlines(text: str) -> str:
    return _LINE_ENDINGS.sub("\n", text)


def client_network(address: str) -> str:
    """The network an address belongs to: IPv4 cut to /24, IPv6 to /48.

    Only this truncated form is ever kept: it is enough to tell floods apart and
    does not point at one person's connection. Unreadable input gives "".
    """
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return ""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def forwarded_client(remote_addr: str, forwarded_for: str, proxy_count: int) -> str:
    """The reader's address behind `proxy_count` trusted reverse proxies.

    Each proxy appends the address it received the request from, so the
    reader's address is the proxy_count-th entry from the right; anything left
    of it was sent by the reader and cannot be trusted.
    """
    if proxy_count <= 0:
        return remote_addr
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    if len(hops) < proxy_count:
        return remote_addr
    return hops[-proxy_count]


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
