"""Unit tests of the image checks; no database, no Django forms."""

import io
import struct
import zlib

import pytest
from PIL import Image

from tests.factories import png_bytes
from toolbox import imaging


def png_claiming(width: int, height: int) -> bytes:
    """A tiny, valid-looking PNG whose header claims width x height pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), (200, 40, 40))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90 degrees to display
    gps = {1: "N", 2: (52.0, 4.0, 48.0), 3: "E", 4: (4.0, 18.0, 0.0)}
    exif[0x8825] = gps
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def test_a_decompression_bomb_is_rejected_before_decoding():
    bomb = png_claiming(10_000, 10_000)
    assert len(bomb) < 1024

    with pytest.raises(imaging.ImageRejected) as rejection:
        imaging.clean_image(bomb)

    assert rejection.value.code == "too_many_pixels"


def test_an_image_just_over_40_megapixels_is_rejected():
    with pytest.raises(imaging.ImageRejected) as rejection:
        imaging.inspect_image(png_claiming(8000, 5001))
    assert rejection.value.code == "too_many_pixels"


def test_an_html_file_renamed_to_jpg_is_rejected():
    with pytest.raises(imaging.ImageRejected) as rejection:
        imaging.clean_image(b"<!DOCTYPE html><html><script>alert(1)</script></html>")
    assert rejection.value.code == "not_an_image"


def test_a_file_over_10_megabytes_is_rejected():
    with pytest.raises(imaging.ImageRejected) as rejection:
        imaging.inspect_image(b"\0" * (imaging.MAX_UPLOAD_BYTES + 1))
    assert rejection.value.code == "too_large_file"


def test_an_unsupported_image_format_is_rejected():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="BMP")
    with pytest.raises(imaging.ImageRejected) as rejection:
        imaging.clean_image(buffer.getvalue())
    assert rejection.value.code == "unsupported_format"


def test_exif_and_gps_data_are_removed_and_the_image_is_turned_upright():
    cleaned = imaging.clean_image(jpeg_with_gps())

    with Image.open(io.BytesIO(cleaned.content)) as image:
        exif = image.getexif()
        assert 0x8825 not in exif
        assert 0x0112 not in exif
        assert image.size == (30, 40)
    assert (cleaned.width, cleaned.height) == (30, 40)
    assert cleaned.extension == "jpg"


def test_a_normal_png_is_accepted_with_its_size():
    cleaned = imaging.clean_image(png_bytes(120, 80))
    assert (cleaned.extension, cleaned.width, cleaned.height) == ("png", 120, 80)
