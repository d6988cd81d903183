"""Dutch words for the site search: split, fold, stem and highlight (no Django).

Index and query go through the same `stems()`: lower case, accents folded ("café" is
"cafe"), common words dropped, and each word reduced to its stem by Snowball's Dutch
stemmer (version 3, which knows that "ontwikkelde" and "ontwikkelen" are one verb, and
"ambtenaren" and "ambtenaar" one noun). The stemmer is imported directly, so the stems
never change because another package (PyStemmer) happens to be installed.
"""

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from snowballstemmer.dutch_stemmer import DutchStemmer

# Letters and digits, with an apostrophe or hyphen inside a word ("zzp'ers", "e-mail").
WORD = re.compile(r"\w+(?:['’-]\w+)*")
MAX_QUERY_WORDS = 10

# The most common Dutch words, which say nothing about what a text is about.
STOP_WORDS = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door
    dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun
    iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar
    niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit
    uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich
    zij zijn zo zonder zou
    """.split()  # noqa: SIM905 - a paragraph of words reads better than 100 quoted strings
)

_stemmer = DutchStemmer()
# Sentinels that the database puts around matched words in a headline (see backends).
MARK_START, MARK_END = "\x02", "\x03"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def fold(word: str) -> str:
    """Lower case without accents: "Reuringcafé" -> "reuringcafe", "creëren" -> "creeren"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one word; "" for a common word that is not worth indexing."""
    folded = fold(word).replace("’", "'")
    if folded in STOP_WORDS:
        return ""
    return _stemmer.stemWord(folded)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def stems(text: str) -> str:
    """The stems of a text, space-separated: what the index stores and the query asks."""
    return " ".join(filter(None, (stem(word) for word in words(text))))


def plain_text(rich_text: str) -> str:
    """Rich text (sanitised HTML) as words: tags become spaces, entities characters."""
    without_tags = re.sub(r"<[^>]*>", " ", rich_text)
    return clean(html.unescape(without_tags))


def clean(text: str) -> str:
    """Text without control characters (the headline sentinels among them), spaces tidied."""
    return re.sub(r"\s+", " ", _CONTROL.sub(" ", text)).strip()


@dataclass(frozen=True)
class Query:
    """What a reader typed, as the words and stems the search asks for."""

    text: str
    words: tuple[str, ...]
    stems: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not self.stems


def parse_query(text: str) -> Query:
    """The distinct meaningful words of a query (common words dropped), at most ten."""
    seen: dict[str, str] = {}
    for word in words(text):
        word_stem = stem(word)
        if word_stem and word_stem not in seen:
            seen[word_stem] = word
    chosen = list(seen.items())[:MAX_QUERY_WORDS]
    return Query(
        text=text,
        words=tuple(word for _stem, word in chosen),
        stems=tuple(word_stem for word_stem, _word in chosen),
    )


@dataclass(frozen=True)
class Segment:
    """A piece of a title or snippet; `match` marks a word the reader searched for."""

    text: str
    match: bool = False


def marked_segments(marked: str) -> list[Segment]:
    """Text with matches between MARK_START and MARK_END (as the database returns it)."""
    segments = []
    for part in re.split(f"({MARK_START}[^{MARK_END}]*{MARK_END})", marked):
        if part.startswith(MARK_START):
            segments.append(Segment(part.strip(MARK_START + MARK_END), match=True))
        elif part:
            segments.append(Segment(part))
    return segments


def highlight(text: str, query_stems, *, max_words: int | None = None) -> list[Segment]:
    """`text` with the words whose stem was searched for marked; with `max_words`, only
    the stretch of that many words with the most matches, "…" where it was cut."""
    stem_set = set(query_stems)
    tokens = re.split(f"({WORD.pattern})", text)
    # tokens alternate: separator, word, separator, word, ..., separator
    word_positions = list(range(1, len(tokens), 2))
    start, end = 0, len(tokens)
    if max_words is not None and len(word_positions) > max_words:
        hits = [stem(tokens[index]) in stem_set for index in word_positions]
        best = _best_window(hits, max_words)
        # Start a little before the first match of the stretch, so it has some context.
        first_hit = next((i for i in range(best, best + max_words) if hits[i]), best)
        best = max(0, min(first_hit - 3, len(hits) - max_words))
        start = word_positions[best]
        end = word_positions[best + max_words - 1] + 1
    segments = [Segment("… ")] if start > 0 else []
    for index in range(start, end):
        token = tokens[index]
        if index % 2 and stem(token) in stem_set:
            segments.append(Segment(token, match=True))
        elif token:
            segments.append(Segment(token))
    if end < len(tokens) - 1:
        segments.append(Segment(" …"))
    return _merged(segments)


def _best_window(hits: list[bool], size: int) -> int:
    """The first position of the `size` words with the most hits (a sliding count)."""
    count = best_count = sum(hits[:size])
    best = 0
    for first in range(1, len(hits) - size + 1):
        count += hits[first + size - 1] - hits[first - 1]
        if count > best_count:
            best, best_count = first, count
    return best


def _merged(segments: list[Segment]) -> list[Segment]:
    """Neighbouring pieces of the same kind as one, so templates render few nodes."""
    merged: list[Segment] = []
    for segment in segments:
        if merged and merged[-1].match == segment.match and not segment.match:
            merged[-1] = Segment(merged[-1].text + segment.text)
        else:
            merged.append(segment)
    return merged
