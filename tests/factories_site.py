"""Factory functions for whitepapers, bloggers, promotions and the site details."""

import itertools
import time
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from articles.models import Whitepaper
from reuring.demo.pdf import minimal_pdf
from reuring.models import Promotion, SiteDetails
from tests.factories import image_upload, make_article, make_speaker

_counter = itertools.count(1)


def pdf_bytes(title="Whitepaper"):
    return minimal_pdf(title, ["Een regel tekst.", "Nog een regel."])


def pdf_upload(name="whitepaper.pdf", content=None):
    return SimpleUploadedFile(name, content or pdf_bytes(), content_type="application/pdf")


def make_whitepaper(title=None, *, published=True, publish_at=None, gated=False, tags=(), **fields):
    number = next(_counter)
    fields.setdefault("slug", f"whitepaper-{number}")
    fields.setdefault("teaser", f"De eerste zin van whitepaper {number}. En nog meer tekst.")
    fields.setdefault("audience", "Voor bestuurders, managers en veranderaars")
    fields.setdefault("pdf", pdf_upload())
    whitepaper = Whitepaper.objects.create(
        title=title or f"Whitepaper {number}",
        status=Whitepaper.Status.PUBLISHED if published else Whitepaper.Status.DRAFT,
        publish_at=publish_at or timezone.now() - timedelta(hours=number),
        access=Whitepaper.Access.FORM if gated else Whitepaper.Access.OPEN,
        **fields,
    )
    if tags:
        whitepaper.tags.add(*tags)
    return whitepaper


def make_blogger(name=None, **fields):
    fields.setdefault("bio", "Schrijft over de digitale overheid.")
    return make_speaker(name, is_blogger=True, **fields)


def make_blog_post(blogger, title=None, **fields):
    return make_article(title, blogger=blogger, **fields)


def make_site_details(**fields):
    values = {
        "organisation_name": "PBLQ",
        "visiting_street": "Muzenstraat 120",
        "visiting_postcode": "2511 WB",
        "visiting_city": "Den Haag",
        "postal_box": "Postbus 18607",
        "postal_postcode": "2502 EP",
        "postal_city": "Den Haag",
        "phone": "+31 70 376 36 36",
        "phone_display": "070- 376 36 36",
        "email": "info@pblq.nl",
        "website": "https://www.pblq.nl",
        "linkedin_url": "https://www.linkedin.com/company/pblq",
        "linkedin_followers": 59130,
        **fields,
    }
    return SiteDetails.objects.create(**values)


def make_promotion(title=None, *, placement=Promotion.Placement.SIDEBAR, **fields):
    number = next(_counter)
    fields.setdefault("link", f"/nieuws/promotie-{number}/")
    fields.setdefault("active_from", timezone.now() - timedelta(days=1))
    return Promotion.objects.create(
        title=title or f"Promotie {number}", placement=placement, **fields
    )


def full_site(articles=1):
    """Content for every block: site details, promotions, whitepapers, a blogger."""
    make_site_details()
    for placement in Promotion.Placement.values:
        make_promotion(placement=placement, image=image_upload(), text="Kort.")
    make_whitepaper(cover=image_upload(width=600, height=800), tags=["leren"])
    make_whitepaper(cover=image_upload(width=600, height=800), tags=["leren"], gated=True)
    blogger = make_blogger(photo=image_upload(), photo_alt="Portret")
    make_blog_post(blogger)
    return [make_article(tags=["leren"]) for _ in range(articles)]


WHITEPAPER_READER = {
    "name": "Sigrid van de Poel",
    "email": "sigrid@example.nl",
    "organisation": "Jeugdbescherming Regio Amsterdam",
    "consent": "on",
}


def whitepaper_request_data(whitepaper, /, *, age=10, **fields):
    """What a reader's browser sends with the whitepaper form, opened `age` seconds ago."""
    from articles.forms import whitepaper_guard

    signed = whitepaper_guard(whitepaper).fresh_fields(timestamp=int(time.time()) - age)
    return {**signed, "website": "", **WHITEPAPER_READER, **fields}


def promotion_form_data(**fields):
    """What the admin's "add promotion" form sends: a sidebar promotion from 1 December 2026."""
    return {
        "title": "Promotie",
        "link": "/nieuws/",
        "placement": "sidebar",
        "position": "0",
        "active_from_0": "01-12-2026",
        "active_from_1": "09:00:00",
        **fields,
    }
