"""Uploads: nothing past the largest accepted size is kept while a file streams in, and
every image is stored re-encoded, without EXIF, XMP, comments or trailing bytes, in the
stored file and in every rendition."""

import io
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.http import HttpRequest
from django.urls import reverse
from PIL import Image, ImageSequence, PngImagePlugin

from reuring.models import Promotion
from tests.factories import make_user
from tests.factories_site import promotion_form_data
from toolbox import imaging
from toolbox.renditions import rendition, rendition_widths
from toolbox.uploads import MAX_FILE_BYTES, OversizedUpload, SizeLimitedUploadHandler

SECRET = b"GPS 52.0815 N 4.3128 E"
SCRIPT = b"<script>alert(1)</script>"


def exif_with_gps() -> Image.Exif:
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (52.0, 4.0, 48.0), 3: "E", 4: (4.0, 18.0, 0.0)}
    return exif


def jpeg_with_metadata() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 40, 40)).save(
        buffer, "JPEG", comment=SECRET, exif=exif_with_gps(), xmp=b"<x:xmpmeta>" + SECRET + b"</x>"
    )
    return buffer.getvalue()


def gif_with_script(frames=1) -> bytes:
    images = [Image.new("RGB", (40, 30), (60 * n, 90, 20)) for n in range(frames)]
    buffer = io.BytesIO()
    images[0].save(
        buffer,
        "GIF",
        save_all=frames > 1,
        append_images=images[1:],
        duration=[100 + 50 * n for n in range(frames)] if frames > 1 else 100,
        loop=0,
        comment=SCRIPT,
    )
    return buffer.getvalue() + SCRIPT  # and something smuggled behind the image


def png_with_text() -> bytes:
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", SECRET.decode())
    text.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>" + SECRET.decode() + "</x:xmpmeta>")
    buffer = io.BytesIO()
    Image.new("RGBA", (50, 50), (0, 0, 0, 0)).save(buffer, "PNG", pnginfo=text)
    return buffer.getvalue()


def webp_with_metadata() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50)).save(buffer, "WEBP", exif=exif_with_gps(), xmp=SECRET)
    return buffer.getvalue()


# --- The handler


class Recorder(TemporaryFileUploadHandler):
    """Stands for the handlers after ours: records how much data reached them."""

    def receive_data_chunk(self, raw_data, start):
        self.kept = getattr(self, "kept", 0) + len(raw_data)
        return super().receive_data_chunk(raw_data, start)


def handlers():
    """Our handler and one that keeps what reaches it, as Django sets them up per request."""
    request = cast(HttpRequest, SimpleNamespace())
    request.upload_handlers = [SizeLimitedUploadHandler(request), Recorder(request)]
    return request.upload_handlers


def stream(handlers, total: int, chunk=64 * 1024):
    for handler in handlers:
        handler.new_file("image", "groot.jpg", "image/jpeg", total)
    for start in range(0, total, chunk):
        data = b"\xff" * min(chunk, total - start)
        for handler in handlers:
            data = handler.receive_data_chunk(data, start)
            if data is None:
                break
    return next(file for handler in handlers if (file := handler.file_complete(total)))


def test_past_the_limit_no_more_of_an_upload_is_kept():
    limiter, keeper = handlers()

    upload = stream([limiter, keeper], MAX_FILE_BYTES + 5 * 1024 * 1024)

    assert isinstance(upload, OversizedUpload)
    assert upload.size == MAX_FILE_BYTES + 5 * 1024 * 1024
    assert upload.read() == b""
    assert keeper.kept <= MAX_FILE_BYTES
    assert keeper.file.closed  # the partial temporary file is let go of at once


def test_a_file_within_the_limit_passes_through_whole():
    upload = stream(handlers(), 3 * 1024 * 1024)

    assert not isinstance(upload, OversizedUpload)
    assert upload.size == 3 * 1024 * 1024


@pytest.mark.django_db
def test_an_upload_larger_than_any_field_takes_is_refused_with_a_message(client, monkeypatch):
    reached = []
    original = TemporaryFileUploadHandler.receive_data_chunk

    def recording(handler, raw_data, start):
        reached.append(len(raw_data))
        return original(handler, raw_data, start)

    monkeypatch.setattr(TemporaryFileUploadHandler, "receive_data_chunk", recording)
    client.force_login(make_user(is_staff=True, is_superuser=True))
    huge = SimpleUploadedFile("groot.jpg", b"\xff" * (MAX_FILE_BYTES + 4 * 1024 * 1024))

    response = client.post(
        reverse("admin:reuring_promotion_add"),
        promotion_form_data(title="Groot", image=huge),
    )

    assert response.status_code == 200
    assert "Dit bestand is groter dan 10 MB." in response.text
    assert sum(reached) <= MAX_FILE_BYTES
    assert not Promotion.objects.exists()


def test_an_image_over_its_limit_is_refused_before_it_is_read(monkeypatch):
    from toolbox.uploads import CleanImageFormField

    oversized = OversizedUpload("groot.png", "image/png", imaging.MAX_UPLOAD_BYTES + 1)
    monkeypatch.setattr(OversizedUpload, "chunks", lambda self, *a: pytest.fail("read"))

    with pytest.raises(Exception, match="groter dan 10 MB|larger than 10 MB"):
        CleanImageFormField().clean(oversized)


# --- Re-encoding


@pytest.mark.parametrize(
    ("upload", "hidden"),
    [
        (jpeg_with_metadata, SECRET),
        (png_with_text, SECRET),
        (webp_with_metadata, SECRET),
        (gif_with_script, SCRIPT),
    ],
    ids=["jpeg", "png", "webp", "gif"],
)
def test_every_image_is_re_encoded_without_its_metadata(upload, hidden):
    raw = upload()
    assert hidden in raw

    cleaned = imaging.clean_image(raw)

    assert hidden not in cleaned.content
    assert b"Exif" not in cleaned.content
    assert b"xmpmeta" not in cleaned.content
    with Image.open(io.BytesIO(cleaned.content)) as image:
        assert not {"exif", "xmp", "comment", "XML:com.adobe.xmp", "Comment"} & set(image.info)


def test_an_animated_gif_stays_animated_with_its_timing_and_without_its_comment():
    cleaned = imaging.clean_image(gif_with_script(frames=3))

    with Image.open(io.BytesIO(cleaned.content)) as image:
        durations = [frame.info["duration"] for frame in ImageSequence.Iterator(image)]
    assert durations == [100, 150, 200]
    assert SCRIPT not in cleaned.content


def test_an_animation_with_too_many_pixels_in_all_is_refused(monkeypatch):
    monkeypatch.setattr(imaging, "MAX_PIXELS", 40 * 30 * 2)

    with pytest.raises(imaging.ImageRejected) as rejection:
        imaging.clean_image(gif_with_script(frames=3))

    assert rejection.value.code == "too_many_pixels"


@pytest.mark.django_db
def test_the_stored_image_and_every_rendition_carry_no_metadata(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    upload = SimpleUploadedFile("foto.jpg", jpeg_with_metadata(), content_type="image/jpeg")

    response = client.post(
        reverse("admin:reuring_promotion_add"),
        promotion_form_data(title="Met foto", image=upload),
    )

    assert response.status_code == 302
    promotion = Promotion.objects.get()
    files = [Path(promotion.image.path)] + [
        Path(rendition(promotion, "image", width, suffix).path)
        for width in rendition_widths(Promotion, "image")
        for suffix in ("webp", "jpeg")
    ]
    for path in files:
        content = path.read_bytes()
        assert SECRET not in content, path.name
        assert b"Exif" not in content, path.name
