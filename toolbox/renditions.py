"""Responsive renditions of uploaded images, made by django-imagekit.

Each source image gets a WebP and a JPEG copy at a few widths. With the
Optimistic cache-file strategy (see settings) they are written once, when the
source is saved, and a page only computes their URLs: no file check, no query.
"""

from dataclasses import dataclass
from functools import lru_cache

from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit

FORMATS = (
    ("webp", "WEBP", {"quality": 80}),
    ("jpeg", "JPEG", {"quality": 82, "progressive": True}),
)


def add_renditions(model, source: str, widths: tuple[int, ...]) -> None:
    """Attach one ImageSpecField per width and format to `model` for field `source`."""
    model.rendition_widths = {**getattr(model, "rendition_widths", {}), source: widths}
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


def picture_for(instance, source: str) -> Picture | None:
    image = getattr(instance, source)
    width = getattr(instance, f"{source}_width")
    height = getattr(instance, f"{source}_height")
    if not image or not width or not height:
        return None
    return _picture(type(instance), source, image.name, width, height)


# Rendition names are a pure function of the (randomly named, never reused) source
# file, but imagekit hashes its processors for every URL, about 1 ms each: compute
# each picture once per process.
@lru_cache(maxsize=4096)
def _picture(model, source: str, name: str, width: int, height: int) -> Picture:
    instance = model(**{source: name, f"{source}_width": width, f"{source}_height": height})
    # Widths wider than the original would be the original again (no upscaling).
    widths = [w for w in model.rendition_widths[source] if w <= width] or [
        model.rendition_widths[source][0]
    ]

    def srcset(suffix):
        return ", ".join(
            f"{getattr(instance, f'{source}_{w}_{suffix}').url} {min(w, width)}w" for w in widths
        )

    fallback = getattr(instance, f"{source}_{widths[-1]}_jpeg").url
    return Picture(srcset("webp"), srcset("jpeg"), fallback, width, height)
