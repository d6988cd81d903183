"""The site's stylesheets parse as written: one unclosed brace swallows every rule after it
(it once made the honeypot of the public forms visible)."""

import re
from pathlib import Path

import pytest

CSS_FILES = sorted((Path(__file__).resolve().parents[1] / "static").rglob("*.css"))


def unclosed_braces(css: str) -> list[int]:
    """Line numbers of braces that are opened and never closed (comments and strings skipped)."""
    css = re.sub(
        r"/\*.*?\*/|\"[^\"]*\"|'[^']*'", lambda m: "\n" * m[0].count("\n"), css, flags=re.S
    )
    opened: list[int] = []
    for number, line in enumerate(css.splitlines(), start=1):
        for char in line:
            if char == "{":
                opened.append(number)
            elif char == "}":
                assert opened, f"line {number} closes a brace that was never opened"
                opened.pop()
    return opened


@pytest.mark.parametrize("path", CSS_FILES, ids=lambda path: path.name)
def test_every_brace_in_the_stylesheet_is_closed(path):
    assert unclosed_braces(path.read_text()) == []


def test_the_check_finds_an_unclosed_rule():
    assert unclosed_braces("a {\n  color: red;\n\n.form-trap { display: none; }\n") == [1]
