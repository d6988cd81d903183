"""Renditions: AVIF, WebP and JPEG made once when the image is saved, in that order in
the <picture>; the share image cropped around the focal point."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image, features

from tests.factories import image_upload, make_article
from toolbox.renditions import AVIF_SUPPORTED, FORMATS, rendition, rendition_widths

pytestmark = pytest.mark.django_db

RED, BLUE = (220, 0, 0), (0, 60, 200)


def rendition_files() -> dict[Path, int]:
    root = Path(settings.MEDIA_ROOT) / settings.IMAGEKIT_CACHEFILE_DIR
    return {path: path.stat().st_mtime_ns for path in root.rglob("*") if path.is_file()}


def test_avif_is_offered_exactly_when_this_pillow_can_write_it():
    suffixes = [suffix for suffix, *_ in FORMATS]
    assert features.check("avif") == AVIF_SUPPORTED
    assert suffixes == (["avif", "webp", "jpeg"] if AVIF_SUPPORTED else ["webp", "jpeg"])


def test_every_rendition_is_on_disk_once_the_article_is_saved():
    article = make_article(image=image_upload(width=1600, height=900), image_alt="Beeld")

    for width in rendition_widths(article, "image"):
        for suffix, image_format, _ in FORMATS:
            path = Path(rendition(article, "image", width, suffix).path)
            assert path.exists(), path
            with Image.open(path) as made:
                assert made.format == image_format
                assert made.width == width


def test_rendition_addresses_are_short_and_never_shared_between_files():
    # The same picture uploaded twice is two sources: each gets its own files.
    first, second = (
        make_article(image=image_upload(width=1600, height=900), image_alt="Beeld") for _ in "12"
    )

    urls = [
        rendition(article, "image", width, suffix).url
        for article in (first, second)
        for width in rendition_widths(article, "image")
        for suffix, *_ in FORMATS
    ]

    assert len(set(urls)) == len(urls)
    assert max(len(url) for url in urls) <= len("/media/renditions/ab/0123456789abcdef.avif")


def test_pages_make_no_renditions_and_saving_again_makes_none_anew(client):
    article = make_article(image=image_upload(width=1600, height=900), image_alt="Beeld")
    made = rendition_files()
    assert made

    for _ in range(2):
        assert client.get(article.get_absolute_url()).status_code == 200
        assert client.get("/").status_code == 200
    article.title = "Nieuwe titel"
    article.save()

    assert rendition_files() == made


def picture_elements(html: str) -> list[str]:
    return re.findall(r"<picture>.*?</picture>", html, flags=re.S)


def test_the_picture_offers_avif_then_webp_then_the_jpeg(client):
    article = make_article(image=image_upload(width=1600, height=900), image_alt="Beeld")

    html = client.get(article.get_absolute_url()).text

    (picture,) = [p for p in picture_elements(html) if 'alt="Beeld"' in p]
    types = re.findall(r'<source type="([^"]+)"', picture)
    assert types == (["image/avif", "image/webp"] if AVIF_SUPPORTED else ["image/webp"])
    assert picture.index("<source") < picture.index("<img")
    assert re.search(r'<img src="[^"]+\.jpg" srcset="[^"]+\.jpg 400w', picture)
    if AVIF_SUPPORTED:
        assert ".avif 400w" in picture


def test_cards_and_pages_carry_the_focal_point_as_object_position_classes(client):
    make_article(
        image=image_upload(width=1600, height=900),
        image_alt="Beeld",
        image_focus_x=10,
        image_focus_y=80,
    )

    html = client.get("/").text

    assert 'class="focus-x-10 focus-y-80"' in html
    assert "toolbox/focal-point.css" in html


def two_colour_portrait() -> SimpleUploadedFile:
    """900x1600: red in the top fifth, blue below it."""
    image = Image.new("RGB", (900, 1600), BLUE)
    image.paste(RED, (0, 0, 900, 320))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return SimpleUploadedFile("portret.png", buffer.getvalue(), content_type="image/png")


def share_colour(article) -> tuple[int, int, int]:
    share = article.shared_image
    with Image.open(Path(settings.MEDIA_ROOT) / share.url.removeprefix(settings.MEDIA_URL)) as made:
        assert made.size == (1200, 630)
        colour = made.convert("RGB").getpixel((600, 100))
        assert isinstance(colour, tuple)
        return colour[0], colour[1], colour[2]


def near(colour, expected) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(colour, expected, strict=True))


def test_the_share_image_is_cropped_around_the_focal_point_and_follows_it():
    article = make_article(image=two_colour_portrait(), image_alt="Beeld")
    centred = article.shared_image.url
    assert near(share_colour(article), BLUE)

    article.image_focus_y = 5
    article.save()

    assert article.shared_image.url != centred
    assert near(share_colour(article), RED)


def test_renditions_missing_after_an_upgrade_are_made_by_generateimages():
    article = make_article(image=two_colour_portrait(), image_alt="Beeld", image_focus_y=5)
    share = Path(settings.MEDIA_ROOT) / article.shared_image.url.removeprefix(settings.MEDIA_URL)
    smallest = Path(rendition(article, "image", 400, FORMATS[0][0]).path)
    share.unlink()
    smallest.unlink()
    # imagekit remembers in the cache which files exist; files that a new version names
    # were never made, so they are not in it.
    cache.clear()

    call_command("generateimages", stdout=io.StringIO())

    assert share.exists() and smallest.exists()
    assert near(share_colour(article), RED)
