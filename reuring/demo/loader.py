"""Load the demo content: create what is missing, never change what exists.

Every row is found by a fixed key (a slug; a promotion's title; the one site-details
record). A row that exists is left exactly as it is, so what an editor changed stays
changed. Only a picture whose file has gone (a wiped media folder) is drawn again.
"""

from collections import Counter
from collections.abc import Callable
from datetime import datetime, time, timedelta
from functools import partial

from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from articles.models import Article, ArticleSpeaker, Series, Speaker, Whitepaper
from reuring.demo import content, images, statements
from reuring.demo.pdf import minimal_pdf
from reuring.models import Promotion, SiteDetails
from toolbox.history import add_first_versions

PUBLISH_HOUR = time(9, 0)


class Summary:
    """What a run created, per kind, for the lines the command prints."""

    def __init__(self) -> None:
        self.created: Counter[str] = Counter()
        self.present: Counter[str] = Counter()
        self.pictures = 0
        self.versions = 0

    def count(self, kind: str, created: bool) -> None:
        (self.created if created else self.present)[kind] += 1

    def lines(self) -> list[str]:
        kinds = dict.fromkeys([*self.created, *self.present])
        lines = [
            f"{kind}: {self.created[kind]} nieuw, {self.present[kind]} al aanwezig."
            for kind in kinds
        ]
        return [
            *lines,
            f"Afbeeldingen: {self.pictures} gemaakt.",
            f"Eerste versies in de geschiedenis: {self.versions}.",
        ]


def load(*, stdout, style) -> None:
    summary = Summary()
    with transaction.atomic():
        series = {spec.slug: _series(spec, summary) for spec in content.SERIES}
        speakers = {spec.slug: _speaker(spec, summary) for spec in content.SPEAKERS}
        for article in content.article_specs():
            _article(article, series=series, speakers=speakers, summary=summary)
        _site_details(summary)
        for title, text, link, position in content.promotions():
            _promotion(title, text, link, position, summary)
        for whitepaper in content.WHITEPAPERS:
            _whitepaper(whitepaper, summary)
        blogger = _speaker(content.BLOGGER, summary, kind="Bloggers", is_blogger=True)
        for post in content.BLOG_POSTS:
            _blog_post(post, blogger, summary)
        statements.load(summary.count)
        _first_versions(summary)
    for line in summary.lines():
        stdout.write(line)


def _first_versions(summary: Summary) -> None:
    """Each item gets its first version in the history, so an editor can always go
    back to the text as it was loaded."""
    kinds = (Article, Speaker, Series, Whitepaper, Promotion, SiteDetails)
    objects = (obj for model in kinds for obj in model._default_manager.order_by("pk"))
    summary.versions = add_first_versions(objects, comment="Demo-inhoud geladen")


def _existing[M: models.Model](model: type[M], **key) -> M | None:
    return model._default_manager.filter(**key).first()


def _series(spec: content.SeriesSpec, summary: Summary) -> Series:
    series = _existing(Series, slug=spec.slug)
    summary.count("Series", series is None)
    return series or Series.objects.create(
        slug=spec.slug, name=spec.name, description=spec.description
    )


def _speaker(
    spec: content.SpeakerSpec, summary: Summary, *, kind="Sprekers", is_blogger=False
) -> Speaker:
    speaker = _existing(Speaker, slug=spec.slug)
    summary.count(kind, speaker is None)
    portrait = partial(images.portrait, spec.slug, spec.initials, images.palette_for(spec.slug))
    if speaker is not None:
        _redraw_if_gone(speaker, "photo", portrait, summary)
        return speaker
    speaker = Speaker(
        slug=spec.slug,
        name=spec.name,
        function=spec.function,
        organisation=spec.organisation,
        bio=spec.bio,
        is_blogger=is_blogger,
        photo_alt=(
            f"Plaatsvervangend portret van {spec.name}: "
            f"een silhouet met de initialen {spec.initials}"
        ),
    )
    speaker.photo_focus_x, speaker.photo_focus_y = images.PORTRAIT_FOCUS
    _attach(speaker.photo, portrait(), f"{spec.slug}.jpg", summary)
    speaker.save()
    return speaker


def _article(spec: content.ArticleSpec, *, series, speakers, summary: Summary) -> None:
    palette = images.palette_for(spec.slug)
    banner = partial(images.banner, spec.slug, spec.image_label, palette)
    article = _existing(Article, slug=spec.slug)
    summary.count("Artikelen", article is None)
    if article is not None:
        _redraw_if_gone(article, "image", banner, summary)
        return
    article = Article(
        slug=spec.slug,
        title=spec.title,
        lead=spec.lead,
        body=spec.body,
        status=_status(spec),
        publish_at=_moment(days=spec.days_from_now),
        unpublish_at=_moment(days=spec.offline_in_days) if spec.offline_in_days else None,
        submitted_at=timezone.now() if spec.in_review else None,
        series=series[spec.series] if spec.series else None,
        image_alt=(
            f"Abstracte illustratie in {palette.description} met de tekst '{spec.image_label}'"
        ),
        image_caption=spec.image_caption,
        image_credit=content.IMAGE_CREDIT,
    )
    article.image_focus_x, article.image_focus_y = images.banner_focus(spec.image_label)
    _attach(article.image, banner(), f"{spec.slug}.jpg", summary)
    article.save()
    article.tags.set(list(spec.tags))
    ArticleSpeaker.objects.bulk_create(
        ArticleSpeaker(
            article=article,
            speaker=speakers[role.speaker],
            position=position,
            function=role.function,
            organisation=role.organisation,
        )
        for position, role in enumerate(spec.speakers)
    )


def _status(spec: content.ArticleSpec) -> str:
    if spec.in_review:
        return Article.Status.REVIEW
    return Article.Status.PUBLISHED if spec.published else Article.Status.DRAFT


def _site_details(summary: Summary) -> None:
    exists = SiteDetails.current() is not None
    summary.count("Contactgegevens", not exists)
    if not exists:
        SiteDetails.objects.create(**content.SITE_DETAILS)


def _promotion(title: str, text: str, link: str, position: int, summary: Summary) -> None:
    exists = Promotion.objects.filter(title=title).exists()
    summary.count("Promoties", not exists)
    if not exists:
        Promotion.objects.create(
            title=title,
            text=text,
            link=link,
            position=position,
            placement=Promotion.Placement.SIDEBAR,
            active_from=_moment(days=0, at=time(0, 0)),
        )


def _whitepaper(spec: content.WhitepaperSpec, summary: Summary) -> None:
    whitepaper = _existing(Whitepaper, slug=spec.slug)
    summary.count("Whitepapers", whitepaper is None)
    cover = partial(images.cover, spec.slug, spec.title)
    if whitepaper is not None:
        _redraw_if_gone(whitepaper, "cover", cover, summary)
        return
    pdf = minimal_pdf(spec.title, [spec.audience, *spec.pages])
    whitepaper = Whitepaper(
        slug=spec.slug,
        title=spec.title,
        audience=spec.audience,
        teaser=spec.teaser,
        summary=spec.summary,
        access=spec.access,
        pdf_size=len(pdf),
        status=Whitepaper.Status.PUBLISHED,
        publish_at=_moment(days=-spec.days_ago),
    )
    whitepaper.pdf.save(f"{spec.slug}.pdf", ContentFile(pdf, name=f"{spec.slug}.pdf"), save=False)
    _attach(whitepaper.cover, cover(), f"{spec.slug}.jpg", summary)
    whitepaper.save()
    whitepaper.tags.set(list(spec.tags))
    articles = [slug for slug, papers in content.RELATED.items() if spec.slug in papers]
    for article in Article.objects.filter(slug__in=articles):
        article.related_whitepapers.add(whitepaper)


def _blog_post(spec: content.BlogPostSpec, blogger: Speaker, summary: Summary) -> None:
    exists = Article.objects.filter(slug=spec.slug).exists()
    summary.count("Blogs", not exists)
    if exists:
        return
    post = Article.objects.create(
        slug=spec.slug,
        title=spec.title,
        lead=spec.lead,
        body=spec.body,
        blogger=blogger,
        status=Article.Status.PUBLISHED,
        publish_at=_moment(days=-spec.days_ago),
    )
    post.tags.set(list(spec.tags))


def _moment(*, days: int | None, at: time = PUBLISH_HOUR) -> datetime:
    """`days` from today at `at`; None is now (what a fresh draft gets)."""
    if days is None:
        return timezone.now()
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, at))


def _attach(field_file: FieldFile, picture: bytes, name: str, summary: Summary) -> None:
    """Store the picture; saving the model afterwards makes its renditions."""
    # The name matters twice: upload_to takes its extension, and Django reads the new
    # width and height only from a named file.
    field_file.save(name, ContentFile(picture, name=name), save=False)
    summary.pictures += 1


def _redraw_if_gone(
    instance: Article | Speaker | Whitepaper,
    field: str,
    draw: Callable[[], bytes],
    summary: Summary,
) -> None:
    """Draw a picture again only when its file is gone, not when an editor removed it."""
    picture = getattr(instance, field)
    if not picture or picture.storage.exists(picture.name):
        return
    _attach(picture, draw(), f"{instance.slug}.jpg", summary)
    instance.save(update_fields=[field, f"{field}_width", f"{field}_height"])
