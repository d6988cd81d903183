"""Review before publishing: the Redactie writes and submits, the Eindredactie publishes.

Who may publish is a permission the model's rules enforce, so the admin form, its actions
and any other way in all refuse a writer who tries."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article, Whitepaper
from articles.review import item_publish, item_send_back, item_submit
from articles.tasks import notify_final_editors, tell_writer_sent_back
from tests.articles.test_admin import article_form as admin_article_form
from tests.factories import make_article, make_user
from tests.factories_site import make_whitepaper

pytestmark = pytest.mark.django_db


def member_of(*groups, **fields):
    user = make_user(is_staff=True, **fields)
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def writer():
    return member_of("Redactie", username="schrijver", email="schrijver@example.nl")


@pytest.fixture
def final_editor():
    return member_of("Redactie", "Eindredactie", username="eindredacteur", email="eind@example.nl")


def article_form(**overrides):
    """The article form as posted, with the inlines a member of the Redactie sees."""
    data = admin_article_form(**overrides)
    for prefix in ("preview_links", "comment_settings"):
        data[f"{prefix}-TOTAL_FORMS"] = data[f"{prefix}-INITIAL_FORMS"] = "0"
    return data


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_the_roles_come_from_the_data_migration():
    assert (
        Group.objects.get(name="Eindredactie")
        .permissions.filter(codename="publish_content")
        .exists()
    )
    assert (
        not Group.objects.get(name="Redactie")
        .permissions.filter(codename="publish_content")
        .exists()
    )


def test_a_writer_is_offered_only_draft_and_review(client, writer):
    client.force_login(writer)

    form = client.get(reverse("admin:articles_article_add")).context["adminform"].form

    assert [value for value, _label in form.fields["status"].choices] == ["draft", "review"]


def test_a_writer_cannot_publish_even_by_posting_the_status(client, writer):
    client.force_login(writer)

    response = client.post(reverse("admin:articles_article_add"), article_form())

    assert response.status_code == 200
    assert not Article.objects.exists()
    assert "Alleen de eindredactie mag publiceren" in response.text or (
        "Selecteer een geldige keuze" in response.text
    )


def test_the_model_rules_refuse_a_writer_who_publishes_another_way(writer, final_editor):
    article = make_article("Concept", published=False)
    article.status = Article.Status.PUBLISHED

    with pytest.raises(ValidationError) as refused:
        article.check_publishing(user=writer, stored=article.stored_copy())
    assert "eindredactie" in str(refused.value).lower()
    with pytest.raises(ValidationError):
        item_publish(item=Article.objects.get(pk=article.pk), user=writer)
    article.check_publishing(user=final_editor, stored=article.stored_copy())


def test_a_writer_submits_and_the_final_editors_get_a_mail_through_the_worker(
    client, writer, final_editor
):
    article = make_article("Reuringcafé", published=False)
    client.force_login(writer)

    response = client.post(change_url(article), article_form(status="review", slug=article.slug))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert article.submitted_at is not None
    queued = DBTaskResult.objects.get(task_path__endswith="notify_final_editors")
    assert mail.outbox == []  # saving only queued it

    assert notify_final_editors.call(*queued.args_kwargs["args"]) == 1

    (message,) = mail.outbox
    assert message.to == ["eind@example.nl"]
    assert "Reuringcafé over leren" in message.subject
    assert change_url(article) in message.body
    assert "schrijver" in message.body


def test_a_final_editor_publishes_from_the_form(client, final_editor):
    article = make_article("Klaar", published=False)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.REVIEW)
    client.force_login(final_editor)

    response = client.post(change_url(article), article_form(slug=article.slug))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_published


def test_a_final_editor_publishes_with_the_action_and_a_writer_has_no_such_action(
    client, writer, final_editor
):
    article = make_article("Klaar", published=False, publish_at=timezone.now() - timedelta(days=9))
    changelist = reverse("admin:articles_article_changelist")
    client.force_login(writer)
    assert "publish_selected" not in client.get(changelist).text
    client.post(changelist, {"action": "publish_selected", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT

    client.force_login(final_editor)
    client.post(changelist, {"action": "publish_selected", "_selected_action": [article.pk]})

    article.refresh_from_db()
    assert article.is_published
    # Published now, not at the moment the draft was started.
    assert timezone.now() - article.publish_at < timedelta(minutes=1)


def test_a_writer_may_correct_a_published_text_but_not_take_it_back_or_move_it(client, writer):
    article = make_article("Online stuk")
    moment = article.publish_at
    client.force_login(writer)

    response = client.post(
        change_url(article),
        article_form(
            title="Online stuk, verbeterd",
            slug=article.slug,
            status="draft",
            publish_at_0="2030-01-01",
        ),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.title == "Online stuk, verbeterd"
    assert article.status == Article.Status.PUBLISHED
    assert article.publish_at == moment


def test_sending_back_asks_a_reason_that_the_writer_sees(client, writer, final_editor):
    article = make_article("Te kort", published=False)
    item_submit(item=article, user=writer)
    send_back = reverse("admin:articles_article_send_back", args=[article.pk])

    client.force_login(writer)
    assert client.get(send_back).status_code == 403

    client.force_login(final_editor)
    assert "Terugsturen naar de schrijver" in client.get(change_url(article)).text
    empty = client.post(send_back, {"reason": "  "})
    assert empty.status_code == 200
    assert "Dit veld is verplicht" in empty.text
    client.post(send_back, {"reason": "Graag een citaat van de wethouder erbij."})

    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    client.force_login(writer)
    page = client.get(change_url(article)).text
    assert "Teruggestuurd door de eindredactie" in page
    assert "Graag een citaat van de wethouder erbij." in page


def run_queued(task):
    """Run what the worker would run of `task`; returns what each run returned."""
    queued = DBTaskResult.objects.filter(task_path=task.module_path).order_by("enqueued_at")
    return [task.call(*result.args_kwargs["args"]) for result in queued]


def test_the_writer_who_submitted_gets_the_reason_by_mail(client, writer, final_editor):
    article = make_article("Te kort", published=False)
    client.force_login(writer)
    client.post(change_url(article), article_form(status="review", slug=article.slug))
    client.force_login(final_editor)

    response = client.post(
        reverse("admin:articles_article_send_back", args=[article.pk]),
        {"reason": "Graag een citaat van de wethouder erbij."},
        follow=True,
    )

    assert "schrijver krijgt die ook per e-mail" in response.text
    assert mail.outbox == []  # queued for the worker, not sent while the page waits
    assert run_queued(tell_writer_sent_back) == [1]
    (message,) = mail.outbox
    assert message.to == ["schrijver@example.nl"]
    assert message.subject == "Teruggestuurd: Reuringcafé over leren"
    assert "Graag een citaat van de wethouder erbij." in message.body
    assert "Teruggestuurd door eindredacteur, met deze reden:" in message.body
    assert change_url(article) in message.body


def test_no_mail_when_it_was_submitted_again_or_the_writer_has_no_address(writer, final_editor):
    article = make_article("Te kort", published=False)
    item_submit(item=article, user=writer)
    item_send_back(item=article, user=final_editor, reason="Een citaat erbij, graag.")
    item_submit(item=article, user=writer)  # before the worker got to the mail
    quiet = member_of("Redactie", username="zonder-adres", email="")
    other = make_article("Ook te kort", published=False)
    item_submit(item=other, user=quiet)
    item_send_back(item=other, user=final_editor, reason="Nog niet.")

    assert run_queued(tell_writer_sent_back) == [0, 0]
    assert mail.outbox == []


def test_only_final_editors_send_back(writer):
    article = make_article("Iets", published=False)
    item_submit(item=article, user=writer)
    with pytest.raises(PermissionDenied):
        item_send_back(item=article, user=writer, reason="Nee")


def test_whitepapers_follow_the_same_rules(client, writer, final_editor):
    paper = make_whitepaper("Smart city", published=False)
    paper.status = Whitepaper.Status.PUBLISHED
    with pytest.raises(ValidationError):
        paper.check_publishing(user=writer, stored=paper.stored_copy())
    client.force_login(writer)
    form = client.get(reverse("admin:articles_whitepaper_change", args=[paper.pk]))
    choices = form.context["adminform"].form.fields["status"].choices
    assert [value for value, _label in choices] == ["draft", "review"]

    item_submit(item=Whitepaper.objects.get(pk=paper.pk), user=writer)
    item_publish(item=Whitepaper.objects.get(pk=paper.pk), user=final_editor)
    assert Whitepaper.objects.get(pk=paper.pk).is_published


def test_the_state_shows_on_the_edit_page_and_in_the_list(client, final_editor):
    waiting = make_article("Wachtend", published=False)
    Article.objects.filter(pk=waiting.pk).update(status=Article.Status.REVIEW)
    make_article("Later", publish_at=timezone.now() + timedelta(days=2))
    client.force_login(final_editor)

    listing = client.get(reverse("admin:articles_article_changelist")).text
    page = client.get(change_url(waiting)).text

    assert '<td class="field-visibility">Ter beoordeling</td>' in listing
    assert "Ingepland: online vanaf" in listing
    assert "Ter beoordeling" in page
