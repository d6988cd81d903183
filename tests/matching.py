"""Finding things in pages in tests."""

import re


def search(pattern: str, text: str, flags: int = 0) -> re.Match[str]:
    """re.search that fails the test, naming the pattern, when nothing matches."""
    match = re.search(pattern, text, flags)
    assert match, f"{pattern!r} not found"
    return match
