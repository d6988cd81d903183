"""Responsive renditions of uploaded images, made by django-imagekit.

Each source image gets a WebP and a JPEG copy at a few widths. With the
Optimistic cache-file strategy (see settings) they are written once, when the
source is saved, and a page only computes their URLs: no file check, no query.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.apps import apps
from django.db.models import Model
from django.db.models.fields.files import FieldFile
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFill, ResizeToFit

FORMATS = (
    ("webp", "WEBP", {"quality": 80}),
    ("jpeg", "JPEG", {"quality": 82, "progressive": True}),
)


# The widths offered per (model label, image field), as add_renditions declared them.
_WIDTHS: dict[tuple[str, str], tuple[int, ...]] = {}


def add_renditions(model: type[Model], source: str, widths: tuple[int, ...]) -> None:
    """Attach one ImageSpecField per width and format to `model` for field `source`."""
    _WIDTHS[(model._meta.label, source)] = widths
    for width in widths:
        for suffix, image_format, options in FORMATS:
            spec = ImageSpecField(
                source=source,
                processors=[ResizeToFit(width=width, upscale=False)],
                format=image_format,
                options=options,
            )
            model.add_to_class(f"{source}_{width}_{suffix}", spec)


@dataclass(frozen=True)
class Picture:
    """What a <picture> element needs: srcsets per format and the intrinsic size."""

    webp_srcset: str
    jpeg_srcset: str
    fallback_url: str
    width: int
    height: int


def rendition_widths(model: type[Model] | Model, source: str) -> tuple[int, ...]:
    return _WIDTHS[(model._meta.label, source)]


def rendition(instance: Model, source: str, width: int, suffix: str) -> FieldFile:
    """One rendition file of `instance`'s image field `source`, e.g. (article, "image", 800,
    "webp"): the attribute that add_renditions made."""
    return getattr(instance, f"{source}_{width}_{suffix}")


def picture_for(instance: Model, source: str) -> Picture | None:
    image = getattr(instance, source)
    width = getattr(instance, f"{source}_width")
    height = getattr(instance, f"{source}_height")
    if not image or not width or not height:
        return None
    return _picture(instance._meta.label, source, image.name, width, height)


# Rendition names are a pure function of the (randomly named, never reused) source
# file, but imagekit hashes its processors for every URL, about 1 ms each: compute
# each picture once per process.
@lru_cache(maxsize=4096)
def _picture(model_label: str, source: str, name: str, width: int, height: int) -> Picture:
    model = apps.get_model(model_label)
    instance = model(**{source: name, f"{source}_width": width, f"{source}_height": height})
    # Widths wider than the original would be the original again (no upscaling).
    offered = rendition_widths(model, source)
    widths = [w for w in offered if w <= width] or [offered[0]]

    def srcset(suffix: str) -> str:
        return ", ".join(
            f"{rendition(instance, source, w, suffix).url} {min(w, width)}w" for w in widths
        )

    fallback = rendition(instance, source, widths[-1], "jpeg").url
    return Picture(srcset("webp"), srcset("jpeg"), fallback, width, height)


# --- Share images ---------------------------------------------------------------------
# The size LinkedIn, Facebook, X and others show as a large preview card (1.91:1).
SHARE_WIDTH, SHARE_HEIGHT = 1200, 630
SHARE_MAT = (255, 255, 255)


@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int
    height: int


def add_share_rendition(model: type[Model], source: str, *, crop: bool = True) -> None:
    """A 1200x630 JPEG of `source` for preview cards, made once when the image is saved.

    `crop` fills the card and cuts off what sticks out (photos); without it the whole
    image is fitted in and the rest of the card is white (covers, portraits).
    """
    if crop:
        processor = ResizeToFill(SHARE_WIDTH, SHARE_HEIGHT)
    else:
        processor = ResizeToFit(SHARE_WIDTH, SHARE_HEIGHT, upscale=False, mat_color=SHARE_MAT)
    spec = ImageSpecField(
        source=source, processors=[processor], format="JPEG", options={"quality": 85}
    )
    model.add_to_class(f"{source}_share", spec)


def share_image_for(instance: Model, source: str) -> ShareImage | None:
    """The share rendition of `instance`'s image field `source`, if it has an image."""
    image = getattr(instance, source)
    if not image:
        return None
    return _share_image(instance._meta.label, source, image.name)


@lru_cache(maxsize=4096)
def _share_image(model_label: str, source: str, name: str) -> ShareImage:
    # As with _picture: the name is a pure function of the never-reused source name.
    instance = apps.get_model(model_label)(**{source: name})
    url = getattr(instance, f"{source}_share").url
    return ShareImage(url, SHARE_WIDTH, SHARE_HEIGHT)
