import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache, so cached blocks never leak between tests."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()
    yield


@pytest.fixture
def editor(db):
    from tests.factories import make_user

    return make_user(
        "redacteur",
        is_staff=True,
        permissions=[
            "articles.add_article",
            "articles.change_article",
            "articles.view_article",
            "articles.add_articlespeaker",
            "articles.change_articlespeaker",
            "articles.delete_articlespeaker",
            "articles.view_articlespeaker",
            "articles.view_speaker",
            "articles.view_series",
            "articles.preview_unpublished",
            # These tests publish from the form: since review before publishing, that
            # takes the Eindredactie's permission (tests/articles/test_review.py has both).
            "articles.publish_content",
        ],
    )
