"""Text rules for what readers type, without Django: is there anything to see?

Kept plain so they can be tested without a database, like healthchecks' hc/lib modules.
"""

import unicodedata

# Control and format characters (zero-width spaces and joiners, direction marks and
# overrides, the byte-order mark, tag characters), spaces and line separators, marks that
# only decorate another character, private-use and unassigned code points.
INVISIBLE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me"}
# Letters and symbols that fonts draw as nothing at all.
INVISIBLE_CHARACTERS = {
    "\u115f",  # HANGUL CHOSEONG FILLER
    "\u1160",  # HANGUL JUNGSEONG FILLER
    "\u3164",  # HANGUL FILLER
    "\uffa0",  # HALFWIDTH HANGUL FILLER
    "\u2800",  # BRAILLE PATTERN BLANK
}


def is_visible(character: str) -> bool:
    return (
        character not in INVISIBLE_CHARACTERS
        and unicodedata.category(character) not in INVISIBLE_CATEGORIES
    )


def has_visible_text(text: str) -> bool:
    """Whether `text` holds at least one character a reader can see."""
    return any(is_visible(character) for character in text)
