"""Keeping the search index in step with the content.

Saving an article, speaker or whitepaper (re)writes its index row in the same
transaction (connected in ArticlesConfig.ready); deleting one deletes its row through
the foreign key. `rebuild` indexes everything again, for after bulk changes made with
QuerySet.update(), which sends no signal (`manage.py rebuild_search_index`).
"""

from django.db import transaction
from django.db.models.signals import post_save

from articles.models import Article, SearchDocument, Speaker, Whitepaper
from articles.search.backends import backend
from articles.search.text import clean, plain_text, stems

SEARCHABLE = ("Article", "Speaker", "Whitepaper")
SEARCHABLE_MODELS = (Article, Speaker, Whitepaper)


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def document_fields(item) -> dict:
    """The index row's columns for an article, speaker or whitepaper. By model name, so a
    migration can pass its historical models."""
    match item._meta.model_name:
        case "article":
            kind = SearchDocument.Kind.BLOG if item.blogger_id else SearchDocument.Kind.NEWS
            title, lead, body = item.title, clean(item.lead), plain_text(item.body)
        case "speaker":
            kind = SearchDocument.Kind.SPEAKER
            title, lead, body = item.name, _join(item.function, item.organisation), clean(item.bio)
        case "whitepaper":
            kind = SearchDocument.Kind.WHITEPAPER
            title = item.title
            lead, body = clean(_join(item.audience, item.teaser)), plain_text(item.summary)
        case _:
            raise TypeError(f"{type(item).__name__} is not searchable")
    return {
        "kind": kind,
        "title": clean(title),
        "lead": lead,
        "body": body,
        "title_stems": stems(title),
        "lead_stems": stems(lead),
        "body_stems": stems(body),
    }


def index(item, *, documents=SearchDocument.objects):
    """Write the index row of `item` (in `documents`: a historical model's manager in a
    migration)."""
    with transaction.atomic():
        document, _created = documents.update_or_create(
            **{item._meta.model_name: item}, defaults=document_fields(item)
        )
        backend().refresh(documents.filter(pk=document.pk))
    return document


def rebuild(apps=None) -> int:
    """Index every item again; returns how many rows the index has. With `apps` (in a
    migration), the historical models."""
    models = (
        [apps.get_model("articles", name) for name in SEARCHABLE] if apps else SEARCHABLE_MODELS
    )
    documents = (
        apps.get_model("articles", "SearchDocument").objects if apps else SearchDocument.objects
    )
    with transaction.atomic():
        for model in models:
            for item in model._default_manager.iterator():
                index(item, documents=documents)
    return documents.count()


def _index_saved(sender, instance, raw=False, **kwargs):
    if not raw:  # Fixtures load rows as they are; rebuild the index afterwards.
        index(instance)


def connect() -> None:
    for model in SEARCHABLE_MODELS:
        post_save.connect(
            _index_saved, sender=model, dispatch_uid=f"search.{model._meta.label_lower}"
        )
