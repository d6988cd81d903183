"""Checking and cleaning uploaded images, with Pillow only (no Django).

An upload is inspected from its header before any pixels are decoded, so a
small file that claims billions of pixels is refused without using memory.
"""

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

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


def clean_image(data: bytes) -> CleanImage:
    """Check an upload and return it without EXIF metadata (GPS position included).

    The picture is turned upright first, since dropping EXIF also drops the
    orientation flag that cameras use instead of rotating pixels.
    """
    fmt, _, _ = inspect_image(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                if fmt == "GIF":
                    # Re-encoding would flatten animations; GIFs carry no EXIF.
                    return CleanImage(data, "gif", *image.size)
                upright = ImageOps.exif_transpose(image)
                output = io.BytesIO()
                save_options = {"quality": 90} if fmt in {"JPEG", "WEBP"} else {}
                upright.save(output, format=fmt, **save_options)
                return CleanImage(output.getvalue(), ALLOWED_FORMATS[fmt], *upright.size)
    except (OSError, SyntaxError, ValueError):
        raise ImageRejected("not_an_image") from None
