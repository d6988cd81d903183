"""Load the demo whitepapers (with a generated PDF and cover) and a blogger with posts.

"Smart city" and "Safe in cyberspace" are the two whitepapers in the seed page's block; their
PDFs are written by articles.pdfcheck.minimal_pdf, their covers drawn with Pillow. The blogger
is invented for the demo and says so. Rows are found by slug: a second run adds nothing.
"""

import io
import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from articles.models import Article, Whitepaper
from articles.pdfcheck import minimal_pdf
from reuring.demo import content, images
from reuring.demo.articles import load_speaker
from reuring.demo.loading import Tally, assign, attach_picture, needs_picture, save_if_changed

COVER_SIZE = (600, 848)  # A4 proportions.


@dataclass(frozen=True)
class WhitepaperSpec:
    slug: str
    title: str
    audience: str
    teaser: str
    summary: str
    tags: tuple[str, ...]
    access: str
    days_ago: int
    pages: tuple[str, ...]


WHITEPAPERS = (
    WhitepaperSpec(
        slug="smart-city",
        title="Smart city",
        audience="",
        teaser=(
            "‘Smart’ lijkt wel een nieuw toverwoord. Net zoals innovatie dat ook al enige jaren "
            "is. Maar wat maakt een stad slim, en wat vraagt dat van de gemeente?"
        ),
        summary=(
            "<p>Sensoren, open data en slimme verkeerslichten: steden proberen veel. "
            "Deze whitepaper laat zien welke keuzes een gemeente eerst moet maken.</p>"
            "<h2>Wat u leest</h2><ul><li>Wat een slimme stad is, en wat niet.</li>"
            "<li>Welke gegevens u nodig hebt, en wie ze beheert.</li>"
            "<li>Hoe u inwoners betrekt en hun privacy beschermt.</li></ul>"
        ),
        tags=("digitalisering", "data", "gemeenten"),
        access=Whitepaper.Access.OPEN,
        days_ago=20,
        pages=(
            "Een slimme stad begint bij een goede vraag, niet bij techniek.",
            "Deze demo-pdf is gemaakt voor de Reuring-demo.",
        ),
    ),
    WhitepaperSpec(
        slug="safe-in-cyberspace",
        title="Safe in cyberspace",
        audience="Voor bestuurders, managers en veranderaars",
        teaser=(
            "Met de digitalisering van onze samenleving is het belang van digitale veiligheid "
            "sterk gegroeid. Wat kunt u als bestuurder doen?"
        ),
        summary=(
            "<p>Een datalek of een aanval met gijzelsoftware raakt niet alleen de ICT-afdeling. "
            "Deze whitepaper helpt bestuurders de goede vragen te stellen.</p>"
            "<h2>Wat u leest</h2><ul><li>De grootste risico's voor overheden.</li>"
            "<li>Vijf vragen voor uw eerstvolgende overleg.</li></ul>"
        ),
        tags=("cybersecurity", "informatiebeveiliging", "leiderschap"),
        access=Whitepaper.Access.FORM,
        days_ago=5,
        pages=(
            "Digitale veiligheid is een bestuurlijke verantwoordelijkheid.",
            "Deze demo-pdf is gemaakt voor de Reuring-demo.",
        ),
    ),
)

BLOGGER = content.SpeakerSpec(
    slug="annemiek-jansen",
    name="Annemiek Jansen",
    initials="AJ",
    function="adviseur informatiemanagement",
    organisation="Gemeente Zuiderveld",
    bio=(
        "Annemiek schrijft over informatiebeheer in de praktijk: wat werkt, en wat niet. "
        + content.INVENTED
    ),
)
BLOG_POSTS = (
    (
        "drie-lessen-uit-een-jaar-informatiebeheer",
        "Drie lessen uit een jaar informatiebeheer",
        "Een jaar lang hielp ik collega's hun documenten op orde te brengen. Dit leerde ik.",
        ("informatiemanagement", "archief"),
        3,
    ),
    (
        "open-data-begint-bij-goede-afspraken",
        "Open data begint bij goede afspraken",
        "Gegevens openbaar maken is makkelijk. Ze bruikbaar maken vraagt om afspraken.",
        ("data", "openbaarheid"),
        12,
    ),
)
# The Reuringcafé on digitalisation names both whitepapers; other articles use their tags.
RELATED = {
    "reuringcafe-wat-vraagt-digitalisering-van-bestuurders": ("safe-in-cyberspace", "smart-city")
}


def load(*, stdout, style) -> None:
    tally = Tally()
    for spec in WHITEPAPERS:
        _load_whitepaper(spec, tally)
    blogger = load_speaker(BLOGGER, tally, is_blogger=True, kind="Bloggers")
    for slug, title, lead, tags, days_ago in BLOG_POSTS:
        _load_blog_post(blogger, slug, title, lead, tags, days_ago, tally)
    for article_slug, whitepaper_slugs in RELATED.items():
        article = Article.objects.filter(slug=article_slug).first()
        if article is not None:
            wanted = list(Whitepaper.objects.filter(slug__in=whitepaper_slugs))
            if set(article.related_whitepapers.all()) != set(wanted):
                article.related_whitepapers.set(wanted)
    for line in tally.lines():
        stdout.write(line)


def _moment(days_ago: int) -> datetime:
    day = timezone.localdate() - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def _load_whitepaper(spec: WhitepaperSpec, tally: Tally) -> None:
    with transaction.atomic():
        whitepaper = Whitepaper.objects.filter(slug=spec.slug).first()
        created = whitepaper is None
        whitepaper = whitepaper or Whitepaper(slug=spec.slug, publish_at=_moment(spec.days_ago))
        changed = assign(
            whitepaper,
            {
                "title": spec.title,
                "audience": spec.audience,
                "teaser": spec.teaser,
                "summary": spec.summary,
                "access": spec.access,
                "status": Whitepaper.Status.PUBLISHED,
            },
        )
        if needs_picture(whitepaper.pdf):
            pdf = minimal_pdf(spec.title, [spec.audience, *spec.pages])
            whitepaper.pdf.save(
                f"{spec.slug}.pdf", ContentFile(pdf, name=f"{spec.slug}.pdf"), save=False
            )
            whitepaper.pdf_size = len(pdf)
            changed |= {"pdf", "pdf_size"}
        if needs_picture(whitepaper.cover):
            attach_picture(whitepaper.cover, cover(spec.slug, spec.title), f"{spec.slug}.jpg")
            changed |= {"cover", "cover_width", "cover_height"}
            tally.pictures += 1
        tally.count("Whitepapers", save_if_changed(whitepaper, created=created, changed=changed))
        if set(whitepaper.tags.names()) != set(spec.tags):
            whitepaper.tags.set(list(spec.tags))


def _load_blog_post(blogger, slug, title, lead, tags, days_ago, tally: Tally) -> None:
    post = Article.objects.filter(slug=slug).first()
    created = post is None
    post = post or Article(slug=slug, publish_at=_moment(days_ago))
    body = (
        f"<p>{lead}</p><h2>Wat ik anders zou doen</h2>"
        "<p>Begin klein, spreek af wie wat bewaart, en vier wat lukt.</p>"
    )
    changed = assign(
        post,
        {
            "title": title,
            "lead": lead,
            "body": body,
            "blogger_id": blogger.pk,
            "kind": Article.Kind.BLOG,
            "status": Article.Status.PUBLISHED,
        },
    )
    tally.count("Blogs", save_if_changed(post, created=created, changed=changed))
    if set(post.tags.names()) != set(tags):
        post.tags.set(list(tags))


def cover(seed: str, title: str) -> bytes:
    """A portrait JPEG cover: a two-colour field, a band of dots and the title."""
    palette = images.palette_for(seed)
    rng = random.Random(seed)
    width, height = COVER_SIZE
    image = Image.new("RGB", COVER_SIZE, palette.start)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, int(height * 0.62), width, height), fill=palette.end)
    draw.ellipse(
        (width - 340, -120 + rng.randint(0, 80), width + 140, 360), fill=palette.accents[0]
    )
    for column in range(8):
        for row in range(3):
            x, y = 60 + column * 30, int(height * 0.68) + row * 30
            draw.ellipse((x - 5, y - 5, x + 5, y + 5), fill=palette.accents[-1])
    draw.text(
        (60, int(height * 0.42)), "WHITEPAPER", font=ImageFont.load_default(size=28), fill="white"
    )
    draw.text((60, int(height * 0.48)), title, font=ImageFont.load_default(size=56), fill="white")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=88)
    return buffer.getvalue()
