"""The demo content for the site-wide blocks: the seed's details, teasers and whitepapers."""

import io

import pytest
from django.core.management import call_command

from articles.models import Article, Speaker, Whitepaper
from reuring.demo import loader
from reuring.models import Promotion, SiteDetails
from toolbox.pdfcheck import check_pdf

pytestmark = pytest.mark.django_db

SEED_TEASERS = [
    "Informatiemanagement Traineeship",
    "Opleiding Informatiemanagement voor verbinders",
    "Metropool opleiding",
    "Weten hoe het is om bij PBLQ te werken?",
    "Blijf effectief in de informatiesamenleving van morgen!",
]


def load_twice():
    for _ in range(2):
        loader.load(stdout=io.StringIO(), style=None)


def test_the_demo_has_the_seeds_contact_details_and_teasers_once(client):
    load_twice()

    details = SiteDetails.objects.get()
    assert details.visiting_street == "Muzenstraat 120"
    assert details.postal_box == "Postbus 18607"
    assert details.phone_uri == "tel:+31703763636"
    assert details.shown_phone == "070- 376 36 36"
    assert details.linkedin_followers == 59130
    assert [promotion.title for promotion in Promotion.objects.order_by("position")] == SEED_TEASERS

    html = client.get("/nieuws/").text
    for title in SEED_TEASERS:
        assert title in html
    assert "59130 volgers op LinkedIn" in html


def test_the_demo_whitepapers_have_real_pdfs_and_covers():
    load_twice()

    papers = {paper.title: paper for paper in Whitepaper.objects.published()}
    assert set(papers) == {"Smart city", "Safe in cyberspace"}
    assert papers["Safe in cyberspace"].audience == "Voor bestuurders, managers en veranderaars"
    assert papers["Safe in cyberspace"].is_gated
    for paper in papers.values():
        with paper.pdf.open("rb") as pdf:
            check_pdf(pdf, paper.pdf.size)
        assert paper.pdf_size == paper.pdf.size
        assert paper.picture is not None


def test_the_demo_has_a_blogger_with_posts():
    load_twice()

    blogger = Speaker.objects.bloggers().get()
    posts = Article.objects.published().blog_posts().filter(blogger=blogger)
    assert posts.count() == 2
    assert blogger.picture is not None


def test_the_command_runs_all_loaders():
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert "Whitepapers: 2 nieuw" in out.getvalue()
    assert "Promoties: 5 nieuw" in out.getvalue()
