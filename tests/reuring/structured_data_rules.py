"""The rules share previews and search engines apply, as checks for the tests.

OpenGraph (ogp.me): og:title, og:type, og:image and og:url are required; og:url and
og:image are absolute addresses; og:image:width/height are whole numbers; og:locale is
language_TERRITORY; an og:type "article" dates itself with ISO 8601 moments.
schema.org, as Google reads it: each type only with properties schema.org defines for
it; NewsArticle and BlogPosting with headline (at most 110 characters), image, author
and publisher with a name, ISO 8601 dates; Person with a name; BreadcrumbList with
ListItems numbered 1, 2, 3... each with a name and an absolute item address.
"""

import json
import re
from html.parser import HTMLParser

ABSOLUTE = re.compile(r"^https?://[^\s/]+(/\S*)?$")
LOCALE = re.compile(r"^[a-z]{2}_[A-Z]{2}$")
ISO_MOMENT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")
OG_TYPES = {"website", "article", "profile", "book", "music.song", "video.movie"}
TWITTER_CARDS = {"summary", "summary_large_image", "app", "player"}

# The properties schema.org defines (directly or inherited) that our pages may use.
CREATIVE_WORK = {
    "@context", "@type", "@id", "url", "mainEntityOfPage", "headline", "description",
    "datePublished", "dateModified", "inLanguage", "author", "publisher", "image",
    "mentions", "keywords", "isPartOf", "name", "contributor",
}  # fmt: skip
PROPERTIES = {
    "NewsArticle": CREATIVE_WORK,
    "BlogPosting": CREATIVE_WORK,
    "Person": {"@context", "@type", "name", "url", "jobTitle", "worksFor", "image", "description"},
    "Organization": {
        "@context",
        "@type",
        "@id",
        "name",
        "url",
        "email",
        "telephone",
        "address",
        "sameAs",
        "logo",
    },  # fmt: skip
    "PostalAddress": {
        "@type",
        "streetAddress",
        "postalCode",
        "addressLocality",
        "addressCountry",
        "postOfficeBoxNumber",
    },  # fmt: skip
    "ImageObject": {"@type", "url", "width", "height"},
    "CreativeWorkSeries": {"@type", "name", "url"},
    "BreadcrumbList": {"@context", "@type", "itemListElement"},
    "ListItem": {"@type", "position", "name", "item"},
}


class _HeadReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.json_ld: list[dict] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta":
            key = attributes.get("property") or attributes.get("name")
            if key:
                self.meta.setdefault(key, []).append(attributes.get("content") or "")
        self._in_json_ld = tag == "script" and attributes.get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))


def read_head(html: str) -> _HeadReader:
    reader = _HeadReader()
    reader.feed(html)
    return reader


def open_graph_problems(meta: dict[str, list[str]]) -> list[str]:
    def one(key):
        values = meta.get(key, [])
        return values[0] if len(values) == 1 else None

    problems = [
        f"{key} missing" for key in ("og:title", "og:type", "og:image", "og:url") if not one(key)
    ]
    for key in ("og:url", "og:image", "twitter:image"):
        if one(key) and not ABSOLUTE.match(one(key)):
            problems.append(f"{key} is not absolute: {one(key)}")
    for key in ("og:image:width", "og:image:height"):
        if not (one(key) or "").isdigit():
            problems.append(f"{key} is not a whole number")
    if one("og:type") not in OG_TYPES:
        problems.append(f"og:type {one('og:type')!r} is not an OpenGraph type")
    if not LOCALE.match(one("og:locale") or ""):
        problems.append("og:locale is not language_TERRITORY")
    if one("og:type") == "article":
        for key in ("article:published_time", "article:modified_time"):
            if not ISO_MOMENT.match(one(key) or ""):
                problems.append(f"{key} is not an ISO 8601 moment")
    if one("twitter:card") not in TWITTER_CARDS:
        problems.append("twitter:card missing or unknown")
    # X (Twitter) falls back to og:title, og:description and og:image for its card.
    if not (one("twitter:title") or one("og:title")):
        problems.append("no title for X's card (twitter:title or og:title)")
    return problems


def schema_problems(data, path="$") -> list[str]:
    """What breaks the rules in one JSON-LD block (and everything nested in it)."""
    if isinstance(data, list):
        return [
            problem
            for index, item in enumerate(data)
            for problem in schema_problems(item, f"{path}[{index}]")
        ]
    if not isinstance(data, dict):
        return []
    kind = data.get("@type")
    if kind not in PROPERTIES:
        return [f"{path}: unknown @type {kind!r}"]
    problems = [
        f"{path}: {kind} has no property {name!r}" for name in data if name not in PROPERTIES[kind]
    ]
    if "@context" in data and data["@context"] != "https://schema.org":
        problems.append(f"{path}: @context is not https://schema.org")
    problems += _required(kind, data, path)
    for name, value in data.items():
        if isinstance(value, (dict, list)):
            problems += schema_problems(value, f"{path}.{name}")
    return problems


def _required(kind, data, path) -> list[str]:
    problems = []
    if kind in ("NewsArticle", "BlogPosting"):
        for name in ("headline", "image", "author", "publisher", "datePublished", "dateModified"):
            if not data.get(name):
                problems.append(f"{path}: {kind} needs {name}")
        if len(data.get("headline", "")) > 110:
            problems.append(f"{path}: headline longer than 110 characters")
        for name in ("datePublished", "dateModified"):
            if data.get(name) and not ISO_MOMENT.match(data[name]):
                problems.append(f"{path}: {name} is not ISO 8601")
        authors = data.get("author") or []
        for author in authors if isinstance(authors, list) else [authors]:
            if not author.get("name"):
                problems.append(f"{path}: an author without a name")
    if kind in ("Person", "Organization") and not data.get("name"):
        problems.append(f"{path}: {kind} needs a name")
    if kind == "ImageObject" and not ABSOLUTE.match(data.get("url", "")):
        problems.append(f"{path}: image url is not absolute")
    if kind == "BreadcrumbList":
        items = data.get("itemListElement", [])
        if [item.get("position") for item in items] != list(range(1, len(items) + 1)):
            problems.append(f"{path}: positions are not 1, 2, 3...")
        for item in items:
            if not item.get("name") or not ABSOLUTE.match(item.get("item", "")):
                problems.append(f"{path}: a ListItem without a name or absolute item")
    for name in ("url", "@id", "mainEntityOfPage"):
        if name in data and isinstance(data[name], str) and not ABSOLUTE.match(data[name]):
            problems.append(f"{path}: {name} is not absolute")
    return problems
