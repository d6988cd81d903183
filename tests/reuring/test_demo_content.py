"""The demo content that `make run` loads with `manage.py load_demo_content`."""

import io
import os
import stat
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import Article, ArticleSpeaker, Series, Speaker
from reuring.demo import admin_user, content, images
from toolbox import focal
from toolbox.renditions import FORMATS, rendition_widths
from toolbox.renditions import rendition as rendition_file

pytestmark = pytest.mark.django_db

REURINGCAFE_TITLE = "Reuringcafé over leren en ontwikkelen"


def run_command() -> str:
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module", autouse=True)
def first_run(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo once for the whole module: it draws and resizes some thirty pictures.

    Like TestCase.setUpTestData: the load runs in a transaction that is rolled back after
    the module, and each test runs in its own savepoint inside it.
    """
    var_dir = tmp_path_factory.mktemp("var")
    with (
        django_db_blocker.unblock(),
        override_settings(DEBUG=False, VAR_DIR=var_dir),
        transaction.atomic(),
    ):
        yield run_command()
        transaction.set_rollback(True)


@pytest.fixture
def demo_settings(settings, tmp_path):
    """A development machine: DEBUG on, and a var folder of its own (never the real var/)."""
    settings.DEBUG = True
    settings.VAR_DIR = tmp_path
    return settings


def demo_articles():
    """The articles of this module's loader (other demo modules add their own)."""
    return Article.objects.filter(slug__in=[spec.slug for spec in content.article_specs()])


def demo_speakers():
    return Speaker.objects.filter(slug__in=[spec.slug for spec in content.SPEAKERS])


def media_files() -> set[Path]:
    root = Path(django_settings.MEDIA_ROOT)
    return {path.relative_to(root) for path in root.rglob("*") if path.is_file()}


def row_counts() -> dict[str, int]:
    models = [Article, Speaker, Series, ArticleSpeaker, Tag, TaggedItem, get_user_model()]
    return {model.__name__: model.objects.count() for model in models}


def test_it_creates_the_reuringcafe_report_with_its_five_speakers_in_order():
    article = Article.objects.for_page().get(title=REURINGCAFE_TITLE)

    speakers = [
        (role.speaker.name, role.shown_function, role.shown_organisation)
        for role in article.ordered_speakers
    ]

    assert article.is_published
    assert article.series.name == "Reuringcafé"
    assert speakers == [
        ("Leo Smits", "directeur", "PBLQ"),
        ("Martijn Aslander", "filosoof", ""),
        ("Sigrid van de Poel", "bestuurder", "Jeugdbescherming Regio Amsterdam"),
        ("Nico Versteeg", "gemeentesecretaris", "Gemeente Lelystad"),
        ("Hans Hillen", "oud minister en voorzitter van de NTRO", ""),
    ]


def test_the_hillen_function_is_an_override_for_this_article_only():
    hillen = Speaker.objects.get(name="Hans Hillen")
    role = ArticleSpeaker.objects.get(speaker=hillen, article__title=REURINGCAFE_TITLE)

    assert role.function == "oud minister en voorzitter van de NTRO"
    assert hillen.function != role.function


def test_the_reuringcafe_report_has_subheadings_paragraphs_a_list_and_a_link():
    body = Article.objects.get(title=REURINGCAFE_TITLE).body

    assert body.count("<h2>") >= 3
    assert body.count("<p>") >= 5
    assert "<ul>" in body or "<ol>" in body
    assert '<a href="' in body


def test_every_speaker_has_a_bio_and_a_portrait_with_a_description():
    speakers = demo_speakers()

    assert len(speakers) >= 5
    for speaker in speakers:
        assert speaker.bio
        assert speaker.photo
        assert speaker.photo_alt


def test_it_publishes_at_least_twelve_more_articles_spread_over_months():
    others = demo_articles().published().exclude(title=REURINGCAFE_TITLE)
    moments = sorted(article.publish_at for article in others)

    assert len(others) >= 12
    assert moments[-1] - moments[0] > timedelta(days=60)


def test_every_article_has_tags_and_a_described_credited_main_image():
    for article in demo_articles().prefetch_related("tags"):
        assert list(article.tags.all()), article.slug
        assert article.image_alt and article.image_caption and article.image_credit


def test_picture_sizes_are_stored_so_pages_need_not_open_the_files():
    article_sizes = set(demo_articles().values_list("image_width", "image_height"))
    speaker_sizes = set(demo_speakers().values_list("photo_width", "photo_height"))

    assert article_sizes == {(1600, 900)}
    assert speaker_sizes == {(640, 640)}


def test_news_pagination_tags_series_and_speakers_each_list_several_articles(settings):
    published = demo_articles().published()
    tag_counts = Counter(
        TaggedItem.objects.filter(object_id__in=published.values("pk")).values_list(
            "tag__name", flat=True
        )
    )
    series_counts = Counter(published.values_list("series__name", flat=True))

    assert published.count() > settings.REURING_ARTICLES_PER_PAGE
    assert len([name for name, count in tag_counts.items() if count > 1]) >= 5
    assert series_counts["Reuringcafé"] > 1
    assert series_counts["Digitale overheid"] > 1
    assert published.filter(article_speakers__isnull=False).distinct().count() >= 6


def test_readers_see_neither_the_draft_nor_the_scheduled_article(client):
    draft = demo_articles().get(status=Article.Status.DRAFT)
    scheduled = demo_articles().get(status=Article.Status.PUBLISHED, publish_at__gt=timezone.now())

    assert draft not in Article.objects.published()
    assert scheduled not in Article.objects.published()
    assert scheduled.is_scheduled
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(scheduled.get_absolute_url()).status_code == 404


def test_the_planning_shows_the_demo_article_waiting_for_review_and_the_one_going_offline(
    admin_client,
):
    waiting = demo_articles().get(status=Article.Status.REVIEW)
    leaving = demo_articles().get(unpublish_at__isnull=False)

    page = admin_client.get(reverse("admin:articles_article_planning")).text

    assert waiting not in Article.objects.published()
    assert leaving in Article.objects.published()
    assert waiting.title in page
    assert leaving.title in page


def test_the_scheduled_article_appears_by_itself_and_a_later_run_leaves_it_so():
    with time_machine.travel(timezone.now() + timedelta(days=30)):
        run_command()

        scheduled = Article.objects.get(title="Reuringcafé over vertrouwen in de overheid")
        assert scheduled.is_published


def test_article_bodies_survive_the_sanitiser_unchanged():
    for spec in content.article_specs():
        assert Article.objects.get(slug=spec.slug).body == spec.body


def test_every_picture_has_its_renditions_on_disk():
    pictures = [(article, "image") for article in demo_articles()]
    pictures += [(speaker, "photo") for speaker in demo_speakers()]

    for instance, field in pictures:
        source = getattr(instance, field)
        assert source.storage.exists(source.name)
        for width in rendition_widths(instance, field):
            for suffix, *_ in FORMATS:
                rendition = rendition_file(instance, field, width, suffix)
                assert str(rendition.name).startswith(django_settings.IMAGEKIT_CACHEFILE_DIR)
                assert rendition.storage.exists(str(rendition.name)), rendition.name


def test_the_cards_show_each_banners_whole_label_not_nformatiebeheer():
    # A card crops the 16:9 banner to 3:2 (object-fit: cover); the focal point at the
    # start of the label keeps its first letters in view, where the centre cut them off.
    for article in demo_articles():
        spec = next(spec for spec in content.article_specs() if spec.slug == article.slug)
        label_left, _, label_right, _ = images.label_box(spec.image_label)
        focus = (article.image_focus_x, article.image_focus_y)
        left, _, right, _ = focal.cover_box(*images.BANNER_SIZE, 3, 2, *focus)
        assert left <= images.LABEL_MARGIN and right >= label_right - images.LABEL_PADDING, (
            spec.image_label
        )
        centre_left, *_ = focal.cover_box(*images.BANNER_SIZE, 3, 2)
        assert centre_left > images.LABEL_MARGIN  # Without the focal point: "nformatie…"


def test_the_share_image_of_each_article_keeps_its_label():
    for article in demo_articles():
        spec = next(spec for spec in content.article_specs() if spec.slug == article.slug)
        _, label_top, _, label_bottom = images.label_box(spec.image_label)
        focus = (article.image_focus_x, article.image_focus_y)
        left, top, right, bottom = focal.crop_box(*images.BANNER_SIZE, 1200, 630, *focus)
        assert left == 0 and top <= label_top and bottom >= label_bottom


def test_running_it_twice_creates_no_duplicates_and_no_new_files():
    counts, files = row_counts(), media_files()
    pictures = dict(Article.objects.values_list("slug", "image"))

    output = run_command()

    assert row_counts() == counts
    assert media_files() == files
    assert dict(Article.objects.values_list("slug", "image")) == pictures
    assert f"Artikelen: 0 nieuw, {len(content.article_specs())} al aanwezig." in output
    assert f"Sprekers: 0 nieuw, {len(content.SPEAKERS)} al aanwezig." in output
    assert "Afbeeldingen: 0 gemaakt." in output


def test_a_second_run_keeps_what_an_editor_changed_in_the_demo():
    article = Article.objects.get(title=REURINGCAFE_TITLE)
    article.title = "Iets anders"
    article.save()
    article.tags.add("nieuwe tag")
    article.article_speakers.filter(speaker__name="Hans Hillen").delete()

    output = run_command()

    article.refresh_from_db()
    assert article.title == "Iets anders"
    assert "nieuwe tag" in article.tags.names()
    assert not article.article_speakers.filter(speaker__name="Hans Hillen").exists()
    assert "Artikelen: 0 nieuw" in output


def test_a_second_run_brings_back_a_deleted_demo_article_but_make_run_does_not():
    Article.objects.filter(title=REURINGCAFE_TITLE).delete()

    out = io.StringIO()
    call_command("load_demo_content", "--if-empty", stdout=out)
    assert not Article.objects.filter(title=REURINGCAFE_TITLE).exists()
    assert "de site heeft al artikelen" in out.getvalue()

    output = run_command()
    assert Article.objects.filter(title=REURINGCAFE_TITLE).exists()
    assert "Artikelen: 1 nieuw" in output


def test_it_draws_a_new_picture_when_the_old_file_is_gone():
    article = Article.objects.get(title=REURINGCAFE_TITLE)
    # A name without a file, as after wiping the media folder (but without touching the
    # files that the other tests share).
    Article.objects.filter(pk=article.pk).update(image="articles/gone.jpg")

    output = run_command()

    article.refresh_from_db()
    assert article.image.storage.exists(str(article.image.name))
    webp = rendition_file(article, "image", 800, "webp")
    assert webp.storage.exists(str(webp.name))
    assert "Afbeeldingen: 1 gemaakt." in output


def test_a_picture_an_editor_removed_is_not_drawn_again():
    article = Article.objects.get(title=REURINGCAFE_TITLE)
    Article.objects.filter(pk=article.pk).update(image="", image_alt="")

    output = run_command()

    article.refresh_from_db()
    assert not article.image
    assert "Afbeeldingen: 0 gemaakt." in output


def test_with_debug_off_it_loads_the_content_but_creates_no_admin(settings, tmp_path):
    settings.DEBUG = False
    settings.VAR_DIR = tmp_path

    output = run_command()

    assert "DEBUG staat uit" in output
    assert "Log in op" not in output
    assert not get_user_model().objects.filter(username=admin_user.USERNAME).exists()
    assert not admin_user.password_file().exists()
    assert Article.objects.published().exists()


def test_with_debug_on_it_creates_the_admin_and_prints_the_password_it_stored(demo_settings):
    output = run_command()

    password_file = admin_user.password_file()
    password = password_file.read_text().split("wachtwoord: ")[1].strip()
    user = get_user_model().objects.get(username=admin_user.USERNAME)
    assert user.is_superuser and user.is_staff and user.is_active
    assert user.check_password(password)
    assert f"gebruikersnaam redactie en wachtwoord {password}" in output
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600


def test_later_runs_print_the_same_password_and_keep_the_account(demo_settings):
    first = run_command()
    user = get_user_model().objects.get(username=admin_user.USERNAME)

    second = run_command()

    login_line = next(line for line in first.splitlines() if line.startswith("Log in op"))
    assert login_line in second
    assert get_user_model().objects.get(pk=user.pk).password == user.password


def test_it_resets_the_password_when_the_password_file_is_gone(demo_settings):
    run_command()
    old_password = admin_user.password_file().read_text()
    admin_user.password_file().unlink()

    output = run_command()

    password = admin_user.password_file().read_text().split("wachtwoord: ")[1].strip()
    assert password not in old_password
    assert get_user_model().objects.get(username="redactie").check_password(password)
    assert f"wachtwoord {password}" in output


def test_it_prints_no_stale_password_after_someone_changed_it(demo_settings):
    run_command()
    user = get_user_model().objects.get(username=admin_user.USERNAME)
    user.set_password("een eigen wachtwoord van de redactie")
    user.save()

    output = run_command()

    assert "Log in op" not in output
    assert "is gewijzigd" in output
    user.refresh_from_db()
    assert user.check_password("een eigen wachtwoord van de redactie")


def test_every_demo_item_starts_with_a_version_in_its_history(first_run):
    from reversion.models import Version

    from reuring.models import Promotion, SiteDetails

    assert "Eerste versies in de geschiedenis:" in first_run
    for model in (Article, Speaker, Series, Promotion, SiteDetails):
        for obj in model.objects.all():
            versions = Version.objects.get_for_object(obj)
            assert versions.count() == 1, obj
            assert versions.get().revision.get_comment() == "Demo-inhoud geladen"


def test_an_editor_restores_yesterdays_version_of_the_reuringcafe_article(client):
    from reversion.models import Revision, Version

    from tests.factories import make_user

    article = Article.objects.get(title=REURINGCAFE_TITLE)
    loaded = Version.objects.get_for_object(article).get()
    Revision.objects.filter(pk=loaded.revision_id).update(
        date_created=timezone.now() - timedelta(days=1)
    )
    speakers_before = [str(role) for role in article.ordered_speakers]
    editor = make_user("eindredacteur", is_staff=True, is_superuser=True)
    client.force_login(editor)
    Article.objects.filter(pk=article.pk).update(title="Weg ermee", body="<p>Oeps.</p>")

    history = client.get(f"/admin/articles/article/{article.pk}/history/")
    restore = f"/admin/articles/article/{article.pk}/history/{loaded.pk}/restore/"
    assert restore in history.content.decode()
    assert "Ja, deze versie terugzetten" in client.get(restore).content.decode()
    response = client.post(restore)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == REURINGCAFE_TITLE
    assert "Oeps" not in article.body
    assert [str(role) for role in article.ordered_speakers] == speakers_before


def test_it_prints_the_address_the_site_really_serves(demo_settings):
    # `make run PORT=8141` sets REURING_SITE_URL from its HOST and PORT (see the Makefile).
    with override_settings(REURING_SITE_URL="http://127.0.0.1:8141"):
        output = run_command()

    assert "Log in op http://127.0.0.1:8141/admin/ met gebruikersnaam redactie" in output
    assert ":8000" not in output


def test_make_run_hands_its_port_to_every_command_it_starts():
    """`make run PORT=8141`: the demo loader, the mail worker and the server all get the
    address it really serves (commands replaced by one that prints what it gets)."""
    import subprocess

    printing_python = 'PY=sh -c "echo site=$$REURING_SITE_URL" python'
    output = subprocess.run(
        ["make", "-s", "run", "PORT=8141", printing_python],
        capture_output=True,
        text=True,
        cwd=django_settings.BASE_DIR,
        timeout=60,
        env=_without_site_url(),
    ).stdout

    seen = [line for line in output.splitlines() if line.startswith("site=")]
    # migrate, the demo content and the server (and the worker, if it printed before the
    # server's quick exit stopped it; the images command's output goes to /dev/null)
    assert len(seen) >= 3
    assert set(seen) == {"site=http://127.0.0.1:8141"}
    assert "The site: http://127.0.0.1:8141/" in output
    assert "8000" not in output


def _without_site_url():
    return {name: value for name, value in os.environ.items() if name != "REURING_SITE_URL"}
