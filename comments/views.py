from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from articles.models import Article
from comments.forms import CommentForm
from comments.models import Comment, CommentPolicy
from comments.moderation import moderator
from comments.own import remember_own_comment
from comments.rendering import comment_items_html
from comments.services import comment_create
from toolbox.formguard import FormReused
from toolbox.headers import wants_json
from toolbox.networks import request_network
from toolbox.ratelimit import Limit, register_post

MESSAGE_TAG = "comments"


def _form_context(request, article, form, **extra):
    return {
        "article": article,
        "form": form,
        # The comment being replied to, if that part of the form was valid.
        "reply_to": getattr(form, "cleaned_data", {}).get("parent"),
        "retention_days": settings.COMMENTS_ERASE_EMAIL_AFTER_DAYS,
        **extra,
    }


def _form_html(request, article, form, **extra) -> str:
    return render_to_string(
        "comments/_form.html", _form_context(request, article, form, **extra), request=request
    )


def _show_form_again(request, article, form, *, status, message="", json_status="invalid"):
    """The form with the reader's text still in it: as a page, or as JSON for the script."""
    if wants_json(request):
        return JsonResponse(
            {
                "status": json_status,
                "message": message,
                "form_html": _form_html(request, article, form, notice=message),
            },
            status=status,
        )
    context = _form_context(request, article, form, notice=message)
    return render(request, "comments/form_page.html", context, status=status)


def _bad_request(request, message=None):
    message = message or _(
        "Something went wrong with this form, so your comment was not sent. "
        "Please reload the article page and try again."
    )
    if wants_json(request):
        return JsonResponse({"status": "bad_request", "message": message}, status=400)
    return render(request, "comments/bad_request.html", {"message": message}, status=400)


REUSED_FORM_MESSAGE = gettext_lazy(
    "This form has already been used to send a comment. "
    "Please reload the article page to write another one."
)
RATE_LIMIT_MESSAGES = {
    Limit.FLOOD: gettext_lazy(
        "You have just sent a comment. Please wait a moment before you send another one."
    ),
    Limit.HOURLY: gettext_lazy(
        "You have sent many comments in the last hour. Please try again later."
    ),
}


@require_POST
def post_comment(request, article_id):
    article = get_object_or_404(
        moderator.with_own_rules(Article.objects.published()), pk=article_id
    )
    form = CommentForm(article, data=request.POST)
    if form.is_tampered():
        return _bad_request(request)
    if not moderator.allow(article).is_open():
        message = _("Comments on this article are closed. Your text was not sent.")
        return _show_form_again(
            request, article, form, status=403, message=message, json_status="closed"
        )
    if not form.is_valid():
        return _show_form_again(request, article, form, status=422 if wants_json(request) else 200)

    data = form.cleaned_data
    limit = register_post(
        scope="comments",
        network=request_network(request),
        email=data["email"],
        flood_seconds=settings.COMMENTS_FLOOD_SECONDS,
        hourly_limit=settings.COMMENTS_HOURLY_LIMIT_PER_NETWORK,
        form_id=form.form_id,
    )
    if limit:
        return _show_form_again(
            request,
            article,
            form,
            status=429,
            message=str(RATE_LIMIT_MESSAGES[limit]),
            json_status="rate_limited",
        )

    try:
        comment = comment_create(
            article=article,
            name=data["name"],
            email=data["email"],
            body=data["body"],
            parent=data["parent"],
            notify_on_approval=data["notify"],
            user=request.user,
            form_id=form.form_id,
        )
    except FormReused:
        return _bad_request(request, REUSED_FORM_MESSAGE)
    if comment.status == Comment.Status.APPROVED:
        thanks = _("Thank you! Your comment has been published.")
    else:
        thanks = _("Thank you! Your comment will appear once a moderator has approved it.")

    if wants_json(request):
        response: HttpResponse = JsonResponse(
            {
                "status": "posted",
                "message": thanks,
                "comment_html": comment_items_html([comment], own=True),
                "approved": comment.status == Comment.Status.APPROVED,
                "form_html": _form_html(request, article, CommentForm(article), notice=thanks),
            },
            status=201,
        )
    else:
        messages.success(request, thanks, extra_tags=MESSAGE_TAG)
        anchor = comment.anchor if comment.status == Comment.Status.APPROVED else "reageer"
        response = redirect(f"{article.get_absolute_url()}#{anchor}")
    if comment.status != Comment.Status.APPROVED:
        remember_own_comment(request, response, comment.pk)
    return response


def policy(request):
    context = {
        "policy": CommentPolicy.objects.first(),
        "retention_days": settings.COMMENTS_ERASE_EMAIL_AFTER_DAYS,
    }
    return render(request, "comments/policy.html", context)
