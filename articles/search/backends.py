"""The engine-specific half of the site search, behind one small interface.

A backend installs its full-text structures (`install`), brings one index row's
full-text data up to date after rows were saved (`refresh`), narrows a queryset of
index rows to those matching a query (`matching`), ranks them (`ranked` annotates `rank`,
higher is better), and adds highlighted titles and snippets to the rows of one page (`headlines`).

PostgreSQL: a weighted tsvector column with a GIN index, built with the "dutch" text
search configuration (title A, lead B, text C), `SearchRank` and `SearchHeadline`.
PostgreSQL 15's Dutch stemmer is Snowball's older one, which keeps "ontwikkelde" apart
from "ontwikkelen" and folds only some accents, so the vector also holds the stems of
articles.search.text with the "simple" configuration, and each query word matches
either form.

SQLite: an FTS5 table over the stem columns (Snowball's Dutch stemmer applied in Python
to both index and query), kept in step by triggers, ranked with bm25 (title 10, lead 4,
text 1); snippets are cut and highlighted in Python (articles.search.text.highlight).
"""

import operator
from functools import reduce

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection
from django.db.models import F, FloatField, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat

from articles.models import SearchDocument
from articles.search.text import (
    MARK_END,
    MARK_START,
    Query,
    Segment,
    highlight,
    marked_segments,
)

SNIPPET_WORDS = 30
FTS_TABLE = "articles_search_fts"


class PostgresBackend:
    WEIGHTED_FIELDS = (("title", "A"), ("lead", "B"), ("body", "C"))
    GIN_INDEX = "articles_search_vector_gin"

    def install(self, schema_editor=None) -> None:
        with connection.cursor() as cursor:
            # Asked first: CREATE INDEX refuses to run, even as a no-op, in a transaction
            # with pending constraint checks.
            cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [self.GIN_INDEX])
            if cursor.fetchone() is None:
                cursor.execute(
                    f"CREATE INDEX {self.GIN_INDEX} "
                    f"ON {SearchDocument._meta.db_table} USING gin (vector)"
                )

    def refresh(self, documents: QuerySet) -> None:
        parts = [
            SearchVector(source, weight=weight, config=config)
            for field, weight in self.WEIGHTED_FIELDS
            for source, config in ((field, "dutch"), (f"{field}_stems", "simple"))
        ]
        documents.update(vector=reduce(operator.add, parts))

    def _tsquery(self, query: Query) -> SearchQuery:
        combined = None
        for word, word_stem in zip(query.words, query.stems, strict=True):
            either = SearchQuery(word, config="dutch", search_type="plain") | SearchQuery(
                word_stem, config="simple", search_type="plain"
            )
            combined = either if combined is None else combined & either
        assert combined is not None, "an empty query matches nothing; check is_empty first"
        return combined

    def matching(self, documents: QuerySet, query: Query) -> QuerySet:
        return documents.filter(vector=self._tsquery(query))

    def ranked(self, documents: QuerySet, query: Query) -> QuerySet:
        return documents.annotate(rank=SearchRank(F("vector"), self._tsquery(query)))

    def headlines(self, documents: QuerySet, query: Query) -> QuerySet:
        tsquery = self._tsquery(query)
        return documents.annotate(
            title_marked=SearchHeadline(
                "title",
                tsquery,
                config="dutch",
                start_sel=MARK_START,
                stop_sel=MARK_END,
                highlight_all=True,
            ),
            snippet_marked=SearchHeadline(
                Concat("lead", Value(" "), "body", output_field=TextField()),
                tsquery,
                config="dutch",
                start_sel=MARK_START,
                stop_sel=MARK_END,
                min_words=15,
                max_words=SNIPPET_WORDS,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )

    def segments(self, document: SearchDocument, query: Query):
        # Both are annotated by headlines().
        title_marked: str = document.title_marked  # type: ignore[attr-defined]
        snippet = marked_segments(document.snippet_marked)  # type: ignore[attr-defined]
        # The headline is cut from the text without saying so: mark where it was.
        shown = "".join(segment.text for segment in snippet).strip()
        full = f"{document.lead} {document.body}".strip()
        if not full.startswith(shown[:40]):
            snippet.insert(0, Segment("… "))
        if not full.endswith(shown[-40:]):
            snippet.append(Segment(" …"))
        return marked_segments(title_marked), snippet


class SqliteBackend:
    COLUMNS = ("title_stems", "lead_stems", "body_stems")
    # bm25 weights per column: a word in the title counts most, in the text least.
    WEIGHTS = "10.0, 4.0, 1.0"

    def install(self, schema_editor=None) -> None:
        table = SearchDocument._meta.db_table
        columns = ", ".join(self.COLUMNS)
        new = ", ".join(f"new.{column}" for column in self.COLUMNS)
        old = ", ".join(f"old.{column}" for column in self.COLUMNS)
        # Only constant names go into these statements (S608): no reader text.
        delete_old = (
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {columns}) "  # noqa: S608
            f"VALUES ('delete', old.id, {old});"
        )
        insert_new = f"INSERT INTO {FTS_TABLE}(rowid, {columns}) VALUES (new.id, {new});"  # noqa: S608
        statements = [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5({columns}, "
            f"content='{table}', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
            f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert AFTER INSERT ON {table} "
            f"BEGIN {insert_new} END",
            f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete AFTER DELETE ON {table} "
            f"BEGIN {delete_old} END",
            f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_update AFTER UPDATE ON {table} "
            f"BEGIN {delete_old} {insert_new} END",
            # Rows that existed before the triggers (the table was rebuilt) are indexed again.
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",  # noqa: S608
        ]
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    def refresh(self, documents: QuerySet) -> None:
        """Nothing to do: the triggers updated the FTS table with the rows."""

    def _match_expression(self, query: Query) -> str:
        # Every stem as a quoted FTS5 string (all must occur); stems are letters and digits.
        return " ".join('"{}"'.format(word_stem.replace('"', '""')) for word_stem in query.stems)

    def matching(self, documents: QuerySet, query: Query) -> QuerySet:
        expression = self._match_expression(query)
        # The query is a parameter; only constant names are formatted in (S608, S611).
        matches = RawSQL(  # noqa: S611
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
            [expression],
        )
        return documents.filter(pk__in=matches)

    def ranked(self, documents: QuerySet, query: Query) -> QuerySet:
        expression = self._match_expression(query)
        table = SearchDocument._meta.db_table
        # bm25 is lower for better matches; the rank is its negation, higher is better.
        rank = RawSQL(  # noqa: S611 - as above
            f"(SELECT -bm25({FTS_TABLE}, {self.WEIGHTS}) FROM {FTS_TABLE} "  # noqa: S608
            f'WHERE {FTS_TABLE} MATCH %s AND rowid = "{table}"."id")',
            [expression],
            output_field=FloatField(),
        )
        return documents.annotate(rank=rank)

    def headlines(self, documents: QuerySet, query: Query) -> QuerySet:
        return documents

    def segments(self, document: SearchDocument, query: Query):
        title = highlight(document.title, query.stems)
        snippet = highlight(
            f"{document.lead} {document.body}", query.stems, max_words=SNIPPET_WORDS
        )
        return title, snippet


def backend() -> PostgresBackend | SqliteBackend:
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SqliteBackend()
    raise NotImplementedError(f"The site search has no backend for {connection.vendor}.")


def install(apps=None, schema_editor=None) -> None:
    """Create the engine's full-text structures (a migration step; safe to repeat)."""
    backend().install(schema_editor)
