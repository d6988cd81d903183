"""Only real PDFs of at most 25 MB become whitepapers; others get a Dutch message."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from articles.models import Whitepaper
from reuring.demo.pdf import minimal_pdf
from tests.factories import make_user, png_bytes
from tests.factories_site import pdf_bytes, pdf_upload
from toolbox.pdfcheck import MAX_PDF_BYTES, PdfRejected, check_pdf


@pytest.fixture
def whitepaper_editor(db):
    return make_user(
        "whitepaperredacteur",
        is_staff=True,
        permissions=[
            "articles.add_whitepaper",
            "articles.change_whitepaper",
            "articles.view_whitepaper",
            "articles.publish_content",  # the form publishes (review before publishing)
        ],
    )


def whitepaper_form(**overrides):
    return {
        "title": "Smart city",
        "slug": "smart-city",
        "audience": "Voor bestuurders",
        "teaser": "‘Smart’ lijkt wel een nieuw toverwoord.",
        "summary": "<p>Wat een slimme stad is.</p>",
        "status": "published",
        "publish_at_0": "01-11-2026",
        "publish_at_1": "10:00:00",
        "access": "open",
        "tags": "",
        **overrides,
    }


def post_whitepaper(client, editor, upload):
    client.force_login(editor)
    return client.post(reverse("admin:articles_whitepaper_add"), whitepaper_form(pdf=upload))


def test_it_accepts_a_real_pdf_and_stores_it_under_a_generated_name_outside_media(
    client, whitepaper_editor
):
    response = post_whitepaper(client, whitepaper_editor, pdf_upload("Mijn whitepaper.pdf"))

    assert response.status_code == 302
    whitepaper = Whitepaper.objects.get()
    assert str(whitepaper.pdf.name).startswith("whitepapers/")
    assert "Mijn" not in str(whitepaper.pdf.name)
    stored = Path(whitepaper.pdf.path)
    assert stored.read_bytes() == pdf_bytes()
    assert Path(settings.MEDIA_ROOT) not in stored.parents
    assert whitepaper.pdf_size == len(pdf_bytes())


def test_it_rejects_an_image_renamed_to_pdf_with_a_dutch_message(client, whitepaper_editor):
    response = post_whitepaper(client, whitepaper_editor, pdf_upload("foto.pdf", png_bytes()))

    assert response.status_code == 200
    assert "Dit bestand is geen pdf" in response.text
    assert not Whitepaper.objects.exists()


def test_it_rejects_an_html_file_with_a_dutch_message(client, whitepaper_editor):
    html = b"<!DOCTYPE html><html><body><script>alert(1)</script>%PDF-1.4</body></html>"
    response = post_whitepaper(client, whitepaper_editor, pdf_upload("pagina.pdf", html))

    assert "Dit bestand is geen pdf" in response.text
    assert not Whitepaper.objects.exists()


def test_it_rejects_a_file_over_25_mb_with_a_dutch_message(client, whitepaper_editor):
    pdf = minimal_pdf("Groot", ["x"])
    oversized = pdf[:9] + b"%" + b"0" * (MAX_PDF_BYTES - len(pdf)) + b"\n" + pdf[9:]
    assert len(oversized) > MAX_PDF_BYTES

    response = post_whitepaper(client, whitepaper_editor, pdf_upload("groot.pdf", oversized))

    assert "groter dan 25 MB" in response.text
    assert not Whitepaper.objects.exists()


def test_it_rejects_a_truncated_pdf_as_damaged(client, whitepaper_editor):
    truncated = pdf_bytes()[:-60]
    response = post_whitepaper(client, whitepaper_editor, pdf_upload("half.pdf", truncated))

    assert "onvolledig of beschadigd" in response.text
    assert not Whitepaper.objects.exists()


def test_it_keeps_what_the_editor_typed_when_the_pdf_is_rejected(client, whitepaper_editor):
    response = post_whitepaper(client, whitepaper_editor, pdf_upload("foto.pdf", png_bytes()))

    assert 'value="Smart city"' in response.text
    assert "‘Smart’ lijkt wel een nieuw toverwoord." in response.text


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "not_a_pdf"),
        (b"%PDF-1.7\n" + b"1 0 obj\n<<>>\nendobj\n", "damaged"),
        (b"%PDF-1.7\nxref\nstartxref\n999999\n%%EOF\n", "damaged"),
        (b"%PDF-1.7\n1 0 obj\nstartxref\n17\n%%EOF\n", "damaged"),
        (b"GIF89a%PDF-1.4", "not_a_pdf"),
    ],
    ids=["empty", "no-trailer", "offset-beyond-end", "offset-not-at-xref", "gif-header"],
)
def test_the_check_reads_the_structure_not_just_the_first_bytes(content, code):
    with pytest.raises(PdfRejected) as rejection:
        check_pdf(io.BytesIO(content), len(content))
    assert rejection.value.code == code


def test_the_demo_pdf_passes_the_check():
    content = minimal_pdf("Safe in cyberspace", ["Voor bestuurders, managers en veranderaars"])
    check_pdf(io.BytesIO(content), len(content))
