"""History and rollback in the admin: every save keeps a version, the history page says
what changed, and an editor restores an earlier version after a confirmation."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains
from reversion.models import Version

from articles.models import Article, ArticleSpeaker
from tests.articles.test_admin import article_form, with_speakers
from tests.factories import make_article, make_series, make_speaker, make_user

pytestmark = pytest.mark.django_db

CHANGE_PERMISSIONS = ["articles.change_article", "articles.view_article"]


def save_in_admin(client, article, **changes):
    data = article_form(
        title=article.title, slug=article.slug, lead=article.lead, body=article.body
    )
    data.update(changes)
    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    return article


def history_url(article):
    return reverse("admin:articles_article_history", args=[article.pk])


def restore_url(article, version):
    return reverse("admin:articles_article_restore", args=[article.pk, version.pk])


def versions_of(obj):
    return list(Version.objects.get_for_object(obj).order_by("revision__date_created", "pk"))


def tamper(version, **fields):
    """Change a stored version, as an older release of the site might have stored it."""
    data = json.loads(version.serialized_data)
    data[0]["fields"].update(fields)
    version.serialized_data = json.dumps(data)
    version.save()


@pytest.fixture
def article(client, editor):
    """A Reuringcafé article saved in the admin yesterday, with two speakers and tags."""
    leo, sigrid = make_speaker("Leo Smits"), make_speaker("Sigrid van de Poel")
    client.force_login(editor)
    with time_machine.travel(timezone.now() - timedelta(days=1), tick=False):
        data = with_speakers(
            article_form(
                title="Reuringcafé over leren",
                body="<p>Mensen leren de hele dag door.</p>",
            ),
            leo,
            sigrid,
        )
        response = client.post(reverse("admin:articles_article_add"), data)
        assert response.status_code == 302, response.context["adminform"].form.errors
    return Article.objects.get(slug="reuringcafe-over-leren")


def test_every_admin_save_keeps_a_version_with_who_and_when(client, editor, article):
    save_in_admin(client, article, body="<p>Mensen leren soms.</p>")

    first, second = versions_of(article)
    assert first.revision.user == editor
    assert second.revision.user == editor
    assert first.revision.date_created < timezone.now() - timedelta(hours=23)
    assert second.revision.get_comment() == "Gewijzigd"


def test_the_history_shows_the_changed_words_of_the_text_not_its_html(client, editor, article):
    save_in_admin(client, article, body="<p>Mensen leren <strong>elke</strong> dag door.</p>")

    response = client.get(history_url(article))

    assertContains(response, "<del>de hele</del> <ins>elke</ins>", html=False)
    assertNotContains(response, "&lt;strong&gt;")
    assertContains(response, "Gewijzigd")
    assertContains(response, "redacteur")


def test_the_history_shows_changed_speakers_tags_and_fields(client, editor, article):
    save_in_admin(client, article, title="Reuringcafé: leren", tags="leren, AI")

    response = client.get(history_url(article))

    assertContains(response, "Reuringcafé over leren")
    assertContains(response, "Reuringcafé: leren")
    assertContains(response, "Tags")
    assertContains(response, "AI")
    # Speakers were not changed by that save, so they are not listed as a change.
    assertNotContains(response, '<th scope="row">Sprekers</th>', html=True)


def test_the_history_page_reads_the_same_few_tables_however_many_versions(
    client, editor, article, django_assert_max_num_queries
):
    series = make_series("Reuringcafés")
    for number in range(12):
        save_in_admin(
            client,
            article,
            body=f"<p>Versie {number} van de tekst.</p>",
            series=str(series.pk) if number % 2 else "",
        )

    # Session, user, permissions, the article, its speakers and tags now, the versions
    # with their revisions' rows, and once each: the speakers, the series, the authors.
    with django_assert_max_num_queries(14):
        response = client.get(history_url(article))

    assertContains(response, "<del>10</del> <ins>11</ins>", html=False)
    assertContains(response, "Reuringcafés", count=11)  # one per change of series


def test_an_editor_restores_yesterdays_version_in_two_clicks(client, editor, article):
    yesterday = versions_of(article)[0]
    save_in_admin(
        client,
        article,
        title="Reuringcafé (verkeerd)",
        body="<p>Per ongeluk alles weg.</p>",
        tags="fout",
        **{"article_speakers-TOTAL_FORMS": "0"},
    )
    ArticleSpeaker.objects.filter(article=article).delete()  # as a second save might have

    history = client.get(history_url(article))
    assertContains(history, restore_url(article, yesterday))
    confirmation = client.get(restore_url(article, yesterday))
    assertContains(confirmation, "Ja, deze versie terugzetten")
    assertContains(confirmation, "<del>Per ongeluk alles weg.</del>")
    assert Article.objects.get(pk=article.pk).title == "Reuringcafé (verkeerd)"

    response = client.post(restore_url(article, yesterday))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Reuringcafé over leren"
    assert article.body == "<p>Mensen leren de hele dag door.</p>"
    assert sorted(article.tags.names()) == ["leren", "ontwikkelen"]
    assert [str(role) for role in article.ordered_speakers] == ["Leo Smits", "Sigrid van de Poel"]
    latest = versions_of(article)[-1]
    assert latest.revision.user == editor
    assert latest.revision.get_comment().startswith("De versie van")
    assert len(versions_of(article)) == 3


def test_a_restore_is_sanitised_like_every_save(client, editor, article):
    version = versions_of(article)[0]
    # A version stored before the sanitiser allowed less (or tampered with in the database).
    tamper(version, body='<p>Mensen<script>alert(1)</script> <a href="javascript:x">leren</a></p>')
    save_in_admin(client, article, body="<p>Nieuw.</p>")

    client.post(restore_url(article, version))

    article.refresh_from_db()
    assert "<script" not in article.body
    assert "javascript:" not in article.body
    assert "Mensen" in article.body


def test_a_restore_that_breaks_the_models_rules_is_refused_with_a_reason(client, editor, article):
    version = versions_of(article)[0]
    tamper(version, lead="")

    response = client.post(restore_url(article, version))

    assert response.status_code == 200
    assertContains(response, "Deze versie kan niet zo worden teruggezet")
    assertContains(response, "Inleiding")
    article.refresh_from_db()
    assert article.lead == "Wat moeten ambtenaren leren?"
    assert len(versions_of(article)) == 1


def test_a_restore_needs_the_change_permission(client, article):
    reader = make_user("meelezer", is_staff=True, permissions=["articles.view_article"])
    client.force_login(reader)
    version = versions_of(article)[0]

    assert client.get(history_url(article)).status_code == 200
    assertNotContains(client.get(history_url(article)), "Deze versie terugzetten")
    assert client.get(restore_url(article, version)).status_code == 403
    assert client.post(restore_url(article, version)).status_code == 403


def test_a_version_of_another_article_is_not_found(client, editor, article):
    other = make_article("Ander artikel")
    client.force_login(editor)
    save_in_admin(client, other)
    version = versions_of(other)[0]

    assert client.get(restore_url(article, version)).status_code == 404


def test_the_history_of_an_article_without_versions_says_so(client, editor):
    article = make_article("Oud artikel")
    client.force_login(editor)

    response = client.get(history_url(article))

    assertContains(response, "Er zijn nog geen versies bewaard")


def test_series_speakers_whitepapers_promotions_and_site_details_keep_versions(client):
    from tests.factories_site import make_promotion, make_site_details, make_whitepaper

    admin = make_user("beheerder", is_staff=True, is_superuser=True)
    client.force_login(admin)
    series = make_series("Reuringcafé")
    items = [
        ("articles", "series", series),
        ("articles", "speaker", make_speaker("Leo Smits")),
        ("articles", "whitepaper", make_whitepaper("Leren")),
        ("reuring", "promotion", make_promotion("Lees meer")),
        ("reuring", "sitedetails", make_site_details()),
    ]
    for app, model, obj in items:
        change = reverse(f"admin:{app}_{model}_change", args=[obj.pk])
        form = client.get(change).context["adminform"].form
        data = {name: value for name, value in _form_data(form).items() if value is not None}
        response = client.post(change, data)
        assert response.status_code == 302, (model, response.context["adminform"].form.errors)
        assert len(versions_of(obj)) == 1, model
        history = client.get(reverse(f"admin:{app}_{model}_history", args=[obj.pk]))
        assertContains(history, "De eerste bewaarde versie.")


def _form_data(form):
    """What a browser sends for an unchanged admin form."""
    data = {}
    for name, field in form.fields.items():
        bound = form[name]
        widget = field.widget
        value = bound.value()
        if getattr(widget, "input_type", None) == "file":
            continue
        if hasattr(widget, "widgets"):  # split date and time
            for index, part in enumerate(widget.decompress(value)):
                data[f"{form.add_prefix(name)}_{index}"] = part
            continue
        if isinstance(value, bool):
            if value:
                data[form.add_prefix(name)] = "on"
            continue
        if isinstance(value, (list, tuple)):
            data[form.add_prefix(name)] = [str(v) for v in value]
            continue
        data[form.add_prefix(name)] = "" if value is None else value
    return data


def test_the_restore_url_only_accepts_a_number():
    with pytest.raises(NoReverseMatch):
        reverse("admin:articles_article_restore", args=[1, "x"])


def test_the_site_details_go_back_to_an_earlier_version(client):
    from tests.factories_site import make_site_details

    admin = make_user("beheerder", is_staff=True, is_superuser=True)
    client.force_login(admin)
    details = make_site_details()
    change = reverse("admin:reuring_sitedetails_change", args=[details.pk])
    data = _form_data(client.get(change).context["adminform"].form)
    assert client.post(change, data).status_code == 302
    assert client.post(change, {**data, "phone_display": "070 - 000 00 00"}).status_code == 302
    first = versions_of(details)[0]

    restore = reverse("admin:reuring_sitedetails_restore", args=[details.pk, first.pk])
    assertContains(client.get(restore), "070 - 000 00 00")
    assert client.post(restore).status_code == 302

    details.refresh_from_db()
    assert details.phone_display == "070- 376 36 36"


def test_a_writer_cannot_publish_by_restoring_a_published_version(client, editor, article):
    published = versions_of(article)[0]
    save_in_admin(client, article, status="draft")  # the Eindredactie takes it back
    writer = make_user(
        "schrijver", is_staff=True, permissions=[*CHANGE_PERMISSIONS, "articles.view_speaker"]
    )
    client.force_login(writer)

    response = client.post(restore_url(article, published))

    assert response.status_code == 200
    assertContains(response, "Alleen de eindredactie")
    article.refresh_from_db()
    assert article.status == "draft"

    client.force_login(editor)
    assert client.post(restore_url(article, published)).status_code == 302
    article.refresh_from_db()
    assert article.status == "published"
