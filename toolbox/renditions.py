"""Responsive renditions of uploaded images, made by django-imagekit.

Each source image gets an AVIF (where this Pillow can write it), a WebP and a JPEG
copy at a few widths. With the Optimistic cache-file strategy (see settings) they are
written once, when the source is saved, and a page only computes their URLs: no file
check, no query.

An image field `x` may have a focal point, the model fields `x_focus_x` and `x_focus_y`
(percentages, see toolbox.focal): the share image is cropped around it, and pictures
that the browser crops carry it as object-position classes.
"""

from dataclasses import dataclass, replace
from functools import lru_cache

from django.apps import apps
from django.conf import settings
from django.db.models import Model
from django.db.models.fields.files import FieldFile
from django.db.models.signals import post_save
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit
from imagekit.specs import ImageSpec
from imagekit.utils import format_to_extension, get_field_info
from PIL import Image, features

from toolbox import focal

# AVIF needs a Pillow built with libavif (the wheels of Pillow 11.3 and later are); it is
# smallest, so browsers that read it take it first. `speed` 8 of 10 encodes about three
# times faster than the default for files some 10 % larger.
AVIF_SUPPORTED = features.check("avif")
FORMATS = (
    *((("avif", "AVIF", {"quality": 60, "speed": 8}),) if AVIF_SUPPORTED else ()),
    ("webp", "WEBP", {"quality": 80}),
    ("jpeg", "JPEG", {"quality": 82, "progressive": True}),
)
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp"}


def short_name(generator) -> str:
    """A rendition's file name: renditions/3f/a1b2c3d4e5f60718.webp (IMAGEKIT_SPEC_CACHEFILE_NAMER).

    imagekit's default repeats the source's path and adds a 32-digit hash, about 95
    characters per address: a page with ten pictures and their srcsets carries 79 of them.
    64 bits of the same hash (of the source's never-reused name, the processors, format
    and options) name a file as surely at 40 characters; the first two digits spread the
    files over 256 folders.
    """
    digest = generator.get_hash()
    extension = format_to_extension(generator.format)
    return f"{settings.IMAGEKIT_CACHEFILE_DIR}/{digest[:2]}/{digest[2:16]}{extension}"


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
class Source:
    """One <source> of a <picture>: a format the browser may pick before the JPEG."""

    mime_type: str
    srcset: str


@dataclass(frozen=True)
class Picture:
    """What a <picture> element needs: the sources, best first, the JPEG srcset, the
    intrinsic size and the focal point as object-position classes."""

    sources: tuple[Source, ...]
    jpeg_srcset: str
    fallback_url: str
    width: int
    height: int
    position_class: str = ""


def focus_of(instance: Model, source: str) -> tuple[int, int]:
    """The focal point of `instance`'s image field `source`; the centre if it has none."""
    return (
        focal.clamp_percent(getattr(instance, f"{source}_focus_x", None)),
        focal.clamp_percent(getattr(instance, f"{source}_focus_y", None)),
    )


def has_focal_point(model: type[Model] | Model, source: str) -> bool:
    return hasattr(model, f"{source}_focus_x") and hasattr(model, f"{source}_focus_y")


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
    picture = _picture(instance._meta.label, source, image.name, width, height)
    if has_focal_point(instance, source):
        # Not part of the cached picture: the focal point changes without a new file.
        position = focal.position_class(*focus_of(instance, source))
        picture = replace(picture, position_class=position)
    return picture


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

    sources = tuple(
        Source(MIME_TYPES[suffix], srcset(suffix)) for suffix, *_ in FORMATS if suffix != "jpeg"
    )
    fallback = rendition(instance, source, widths[-1], "jpeg").url
    return Picture(sources, srcset("jpeg"), fallback, width, height)


def preview_url(instance: Model, source: str, *, at_least: int = 320) -> str | None:
    """A small JPEG of the image for the admin: the narrowest rendition at least
    `at_least` pixels wide, else the widest there is; the file itself without renditions."""
    image = getattr(instance, source)
    if not image:
        return None
    widths = _WIDTHS.get((instance._meta.label, source))
    if not widths:
        return image.url
    width = next((w for w in widths if w >= at_least), widths[-1])
    return rendition(instance, source, width, "jpeg").url


# --- Share images ---------------------------------------------------------------------
# The size LinkedIn, Facebook, X and others show as a large preview card (1.91:1).
SHARE_WIDTH, SHARE_HEIGHT = 1200, 630
SHARE_MAT = (255, 255, 255)


@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int
    height: int


class FocalFill:
    """An imagekit processor: fill width x height, cropping around the focal point."""

    def __init__(self, width: int, height: int, focus_x: int, focus_y: int):
        self.width, self.height = width, height
        self.focus_x, self.focus_y = focus_x, focus_y

    def process(self, image: Image.Image) -> Image.Image:
        box = focal.crop_box(*image.size, self.width, self.height, self.focus_x, self.focus_y)
        return image.resize((self.width, self.height), Image.Resampling.LANCZOS, box=box)


class FocalShareSpec(ImageSpec):
    """The share image cropped around the source's focal point. The focal point is part of
    the processors, so of the file name: moving it makes a new file, never a stale one."""

    format = "JPEG"
    options = {"quality": 85}

    def __init__(self, source):
        instance, attname = get_field_info(source)
        self.processors = [FocalFill(SHARE_WIDTH, SHARE_HEIGHT, *focus_of(instance, attname))]
        super().__init__(source)


def add_share_rendition(model: type[Model], source: str, *, crop: bool = True) -> None:
    """A 1200x630 JPEG of `source` for preview cards, made once when the image is saved.

    `crop` fills the card and cuts off what sticks out (photos), keeping the focal point
    in frame; without it the whole image is fitted in and the rest of the card is white
    (covers, portraits).
    """
    name = f"{source}_share"
    if crop:
        spec = ImageSpecField(source=source, spec=FocalShareSpec)
    else:
        processor = ResizeToFit(SHARE_WIDTH, SHARE_HEIGHT, upscale=False, mat_color=SHARE_MAT)
        spec = ImageSpecField(
            source=source, processors=[processor], format="JPEG", options={"quality": 85}
        )
    model.add_to_class(name, spec)
    if crop:

        def make_after_a_new_focal_point(sender, instance, raw=False, **kwargs):
            # imagekit makes renditions when the file changes; a focal point moved on the
            # same file needs a new share image too. An existing one is not made again.
            if not raw and getattr(instance, source):
                getattr(instance, name).generate()

        post_save.connect(
            make_after_a_new_focal_point,
            sender=model,
            weak=False,
            dispatch_uid=f"focal-share-{model._meta.label}-{source}",
        )


def share_image_for(instance: Model, source: str) -> ShareImage | None:
    """The share rendition of `instance`'s image field `source`, if it has an image."""
    image = getattr(instance, source)
    if not image:
        return None
    return _share_image(instance._meta.label, source, image.name, focus_of(instance, source))


@lru_cache(maxsize=4096)
def _share_image(model_label: str, source: str, name: str, focus: tuple[int, int]) -> ShareImage:
    # As with _picture: the name is a pure function of the never-reused source name and
    # the focal point.
    fields: dict[str, str | int] = {source: name}
    if focus != (focal.CENTRE, focal.CENTRE):
        fields |= {f"{source}_focus_x": focus[0], f"{source}_focus_y": focus[1]}
    instance = apps.get_model(model_label)(**fields)
    url = getattr(instance, f"{source}_share").url
    return ShareImage(url, SHARE_WIDTH, SHARE_HEIGHT)
