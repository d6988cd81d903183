"""Small factory functions for test data (no fixtures files)."""

import io
import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import Article, ArticleSpeaker, Series, Speaker

_counter = itertools.count(1)


def png_bytes(width=64, height=48, color=(30, 110, 160), image_format="PNG", **save_options):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format=image_format, **save_options)
    return buffer.getvalue()


def image_upload(name="photo.png", width=64, height=48, image_format="PNG"):
    return SimpleUploadedFile(
        name, png_bytes(width, height, image_format=image_format), content_type="image/png"
    )


def make_user(username=None, *, is_staff=False, is_superuser=False, permissions=(), **extra):
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user(
        username=username or f"user{next(_counter)}",
        password="correct horse battery staple",
        is_staff=is_staff,
        is_superuser=is_superuser,
        **extra,
    )
    for codename in permissions:
        app_label, _, name = codename.partition(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=name)
        )
    return user


def make_speaker(name=None, **fields):
    number = next(_counter)
    name = name or f"Spreker {number}"
    fields.setdefault("slug", f"spreker-{number}")
    fields.setdefault("function", "directeur")
    fields.setdefault("organisation", "Gemeente Voorbeeld")
    return Speaker.objects.create(name=name, **fields)


def make_series(name=None):
    number = next(_counter)
    return Series.objects.create(name=name or f"Serie {number}", slug=f"serie-{number}")


def make_article(title=None, *, published=True, publish_at=None, tags=(), speakers=(), **fields):
    number = next(_counter)
    fields.setdefault("slug", f"artikel-{number}")
    fields.setdefault("lead", f"De inleiding van artikel {number}.")
    fields.setdefault("body", f"<h2>Tussenkop {number}</h2><p>Tekst van artikel {number}.</p>")
    article = Article.objects.create(
        title=title or f"Artikel {number}",
        status=Article.Status.PUBLISHED if published else Article.Status.DRAFT,
        publish_at=publish_at or timezone.now() - timedelta(seconds=number),
        **fields,
    )
    if tags:
        article.tags.add(*tags)
    for position, speaker in enumerate(speakers):
        ArticleSpeaker.objects.create(article=article, speaker=speaker, position=position)
    return article
