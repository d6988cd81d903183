"""Load the demo series, speakers and articles, with generated pictures.

Every row is found by its slug, so a second run updates what changed in reuring.demo.content
and leaves the rest alone. A picture is drawn only when a row has none (or its file is gone):
re-running never writes new files, and django-imagekit makes renditions only for new pictures.
"""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from articles.models import Article, ArticleSpeaker, Series, Speaker
from reuring.demo import content, images
from reuring.demo.loading import (
    Outcome,
    Tally,
    assign,
    attach_picture,
    needs_picture,
    save_if_changed,
)

PUBLISH_HOUR = time(9, 0)


def load(*, stdout, style) -> None:
    tally = Tally()
    series = {spec.slug: _load_series(spec, tally) for spec in content.SERIES}
    speakers = {spec.slug: load_speaker(spec, tally) for spec in content.SPEAKERS}
    for spec in content.article_specs():
        _load_article(spec, series=series, speakers=speakers, tally=tally)
    for line in tally.lines():
        stdout.write(line)


def _load_series(spec: content.SeriesSpec, tally: Tally) -> Series:
    series = Series.objects.filter(slug=spec.slug).first()
    created = series is None
    series = series or Series(slug=spec.slug)
    changed = assign(series, {"name": spec.name, "description": spec.description})
    tally.count("Series", save_if_changed(series, created=created, changed=changed))
    return series


def load_speaker(
    spec: content.SpeakerSpec, tally: Tally, *, is_blogger: bool = False, kind: str = "Sprekers"
) -> Speaker:
    speaker = Speaker.objects.filter(slug=spec.slug).first()
    created = speaker is None
    speaker = speaker or Speaker(slug=spec.slug)
    changed = assign(
        speaker,
        {
            "name": spec.name,
            "function": spec.function,
            "organisation": spec.organisation,
            "bio": spec.bio,
            "is_blogger": is_blogger,
            "photo_alt": (
                f"Plaatsvervangend portret van {spec.name}: "
                f"een silhouet met de initialen {spec.initials}"
            ),
        },
    )
    # The description names what the picture shows: when it changes, so must the picture.
    if needs_picture(speaker.photo) or "photo_alt" in changed:
        picture = images.portrait(spec.slug, spec.initials, images.palette_for(spec.slug))
        attach_picture(speaker.photo, picture, f"{spec.slug}.jpg")
        changed |= {"photo", "photo_width", "photo_height"}
        tally.pictures += 1
    tally.count(kind, save_if_changed(speaker, created=created, changed=changed))
    return speaker


def _load_article(
    spec: content.ArticleSpec,
    *,
    series: dict[str, Series],
    speakers: dict[str, Speaker],
    tally: Tally,
) -> None:
    palette = images.palette_for(spec.slug)
    with transaction.atomic():
        article = Article.objects.filter(slug=spec.slug).first()
        created = article is None
        article = article or Article(slug=spec.slug)
        changed = assign(
            article,
            {
                "title": spec.title,
                "lead": spec.lead,
                "body": spec.body,
                "status": Article.Status.PUBLISHED if spec.published else Article.Status.DRAFT,
                "series_id": series[spec.series].pk if spec.series else None,
                "image_alt": (
                    f"Abstracte illustratie in {palette.description} "
                    f"met de tekst '{spec.image_label}'"
                ),
                "image_is_decorative": False,
                "image_caption": spec.image_caption,
                "image_credit": content.IMAGE_CREDIT,
            },
        )
        if created or _schedule_has_passed(spec, article):
            # Dates count from the first load, so the demo news stays recent on a new install
            # but a second run does not move every article.
            changed |= assign(article, {"publish_at": _publish_moment(spec)})
        # The description names colours and text: when it changes, so must the picture.
        if needs_picture(article.image) or "image_alt" in changed:
            picture = images.banner(spec.slug, spec.image_label, palette)
            attach_picture(article.image, picture, f"{spec.slug}.jpg")
            changed |= {"image", "image_width", "image_height"}
            tally.pictures += 1
        outcome = save_if_changed(article, created=created, changed=changed)
        related_changed = _set_tags(article, spec.tags)
        related_changed |= _set_speakers(article, spec.speakers, speakers)
    if outcome is Outcome.UNCHANGED and related_changed:
        outcome = Outcome.UPDATED
    tally.count("Artikelen", outcome)


def _publish_moment(spec: content.ArticleSpec) -> datetime:
    if spec.days_from_now is None:
        return timezone.now()
    day = timezone.localdate() + timedelta(days=spec.days_from_now)
    return timezone.make_aware(datetime.combine(day, PUBLISH_HOUR))


def _schedule_has_passed(spec: content.ArticleSpec, article: Article) -> bool:
    """A scheduled demo article whose moment came stays scheduled: staff preview it."""
    is_scheduled = spec.published and spec.days_from_now is not None and spec.days_from_now > 0
    return is_scheduled and article.publish_at <= timezone.now()


def _set_tags(article: Article, names: tuple[str, ...]) -> bool:
    if set(article.tags.names()) == set(names):
        return False
    article.tags.set(list(names))
    return True


def _set_speakers(
    article: Article, roles: tuple[content.Role, ...], speakers: dict[str, Speaker]
) -> bool:
    existing = {role.speaker_id: role for role in article.article_speakers.all()}
    wanted = [speakers[role.speaker].pk for role in roles]
    changed = False
    for position, (speaker_id, role) in enumerate(zip(wanted, roles, strict=True)):
        values = {
            "position": position,
            "function": role.function,
            "organisation": role.organisation,
        }
        current = existing.get(speaker_id)
        if current is None:
            ArticleSpeaker.objects.create(article=article, speaker_id=speaker_id, **values)
            changed = True
        elif fields := assign(current, values):
            current.save(update_fields=fields)
            changed = True
    stale = [role.pk for speaker_id, role in existing.items() if speaker_id not in wanted]
    if stale:
        ArticleSpeaker.objects.filter(pk__in=stale).delete()
        changed = True
    return changed
