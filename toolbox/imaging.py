"""Checking and cleaning uploaded images, with Pillow only (no Django).

An upload is inspected from its header before any pixels are decoded, so a
small file that claims billions of pixels is refused without using memory.
"""

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, ImageSequence

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


class ImageRejected(ValueError):
    """The upload is not an image we accept; `code` says why."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    extension: str
    width: int
    height: int


def inspect_image(data: bytes) -> tuple[str, int, int]:
    """Return (format, width, height) from the header, or raise ImageRejected."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImageRejected("too_large_file")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                fmt, (width, height) = image.format, image.size
    except Image.DecompressionBombError:
        raise ImageRejected("too_many_pixels") from None
    except Exception:
        raise ImageRejected("not_an_image") from None
    if fmt not in ALLOWED_FORMATS:
        raise ImageRejected("unsupported_format")
    if width * height > MAX_PIXELS:
        raise ImageRejected("too_many_pixels")
    return fmt, width, height


# What a re-encoded image keeps of its source's metadata: what it needs to look the same
# (colour profile, transparency, timing of animation frames). Everything else goes: EXIF
# (camera, GPS position), XMP, comments, text chunks and whatever trails the image data.
KEPT_INFO = {"icc_profile", "transparency", "background", "duration", "loop", "disposal"}
SAVE_OPTIONS = {"JPEG": {"quality": 90}, "WEBP": {"quality": 90}}


def _without_metadata(image: Image.Image) -> Image.Image:
    image.info = {key: value for key, value in image.info.items() if key in KEPT_INFO}
    return image


def _frames(image: Image.Image) -> list[Image.Image]:
    return [_without_metadata(frame.copy()) for frame in ImageSequence.Iterator(image)]


def clean_image(data: bytes) -> CleanImage:
    """Check an upload and return it re-encoded from its pixels alone, without metadata.

    Every format is re-encoded, GIFs included, so nothing of the uploaded file but its
    pixels survives: no EXIF (GPS position included), XMP, comment block or bytes
    smuggled behind the image. Animations stay animated. A still picture is turned
    upright first, since dropping EXIF also drops the orientation flag that cameras use
    instead of rotating pixels.
    """
    fmt, width, height = inspect_image(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                frame_count = getattr(image, "n_frames", 1)
                if frame_count * width * height > MAX_PIXELS:
                    raise ImageRejected("too_many_pixels")
                output = io.BytesIO()
                if frame_count > 1:
                    first, *others = _frames(image)
                    first.save(
                        output,
                        format=fmt,
                        save_all=True,
                        append_images=others,
                        duration=[frame.info.get("duration", 100) for frame in (first, *others)],
                        loop=image.info.get("loop", 0),
                        **SAVE_OPTIONS.get(fmt, {}),
                    )
                    size = first.size
                else:
                    image.load()
                    upright = _without_metadata(ImageOps.exif_transpose(image))
                    upright.save(output, format=fmt, **SAVE_OPTIONS.get(fmt, {}))
                    size = upright.size
                return CleanImage(output.getvalue(), ALLOWED_FORMATS[fmt], *size)
    except ImageRejected:
        raise
    except (OSError, SyntaxError, ValueError, EOFError):
        raise ImageRejected("not_an_image") from None
