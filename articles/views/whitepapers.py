"""Whitepaper pages, the request form and the downloads."""

from functools import wraps

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import DetailView, ListView

from articles.forms import WhitepaperRequestForm
from articles.models import (
    DownloadLinkExpired,
    DownloadLinkInvalid,
    Whitepaper,
    lead_for_download_token,
)
from articles.models.publishing import can_preview
from articles.views.offline import get_or_gone
from toolbox.formguard import FormReused
from toolbox.networks import request_network
from toolbox.params import ParsedPageMixin
from toolbox.ratelimit import Limit, register_post


class WhitepaperListView(ParsedPageMixin, ListView):
    template_name = "articles/whitepaper_list.html"
    context_object_name = "whitepapers"
    paginate_by = settings.REURING_ARTICLES_PER_PAGE

    def get_queryset(self):
        return Whitepaper.objects.published()


class WhitepaperDetailView(DetailView):
    template_name = "articles/whitepaper_detail.html"
    context_object_name = "whitepaper"

    def get_queryset(self):
        return Whitepaper.objects.visible_to(self.request.user).prefetch_related("tags")

    def get_object(self, queryset=None):
        return get_or_gone(
            self.get_queryset(), slug=self.kwargs["slug"], every=Whitepaper.objects.all()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.is_gated:
            context["form"] = WhitepaperRequestForm(whitepaper=self.object)
            context["lead_days"] = settings.REURING_WHITEPAPER_LEAD_DAYS
        return context


def whitepaper_detail_context(whitepaper, form):
    return {
        "whitepaper": whitepaper,
        "form": form,
        "lead_days": settings.REURING_WHITEPAPER_LEAD_DAYS,
    }


RATE_LIMIT_MESSAGES = {
    Limit.FLOOD: _(
        "You have just asked for a whitepaper. Please wait a moment before you ask again."
    ),
    Limit.HOURLY: _(
        "Many requests came from your network in the last hour. Please try again later."
    ),
}


@require_POST
def request_whitepaper(request, slug):
    whitepaper = get_object_or_404(
        Whitepaper.objects.published(), slug=slug, access=Whitepaper.Access.FORM
    )
    form = WhitepaperRequestForm(request.POST, whitepaper=whitepaper)
    if form.is_tampered():
        raise BadRequest("whitepaper request form tampered with or incomplete")
    if not form.is_valid():
        return _show_form_again(request, whitepaper, form)
    limit = register_post(
        scope="whitepapers",
        network=request_network(request),
        email=form.cleaned_data["email"].lower(),
        flood_seconds=settings.REURING_WHITEPAPER_FLOOD_SECONDS,
        hourly_limit=settings.REURING_WHITEPAPER_HOURLY_LIMIT_PER_NETWORK,
        form_id=form.form_id,
    )
    if limit:
        form.add_error(None, RATE_LIMIT_MESSAGES[limit])
        return _show_form_again(request, whitepaper, form, status=429)
    try:
        lead = form.save_once()
    except FormReused:
        raise BadRequest("whitepaper request form used twice") from None
    return redirect("articles:whitepaper_thanks", slug=whitepaper.slug, token=lead.download_token())


def _show_form_again(request, whitepaper, form, status=200):
    """The whitepaper page with the form, what the reader typed and what was wrong."""
    context = whitepaper_detail_context(whitepaper, form)
    return render(request, "articles/whitepaper_detail.html", context, status=status)


def with_download_link(view):
    """For views behind a signed download link: a published whitepaper and a genuine,
    current link for it, else 404, or 410 with an explanation when the link has expired."""

    @wraps(view)
    def checked(request, slug, token):
        whitepaper = get_object_or_404(Whitepaper.objects.published(), slug=slug)
        try:
            lead_for_download_token(token, whitepaper=whitepaper)
        except DownloadLinkExpired:
            context = {"whitepaper": whitepaper}
            return render(request, "articles/whitepaper_link_expired.html", context, status=410)
        except DownloadLinkInvalid:
            raise Http404 from None
        return view(request, whitepaper, token)

    return checked


@require_GET
@with_download_link
def whitepaper_thanks(request, whitepaper, token):
    return render(
        request,
        "articles/whitepaper_thanks.html",
        {
            "whitepaper": whitepaper,
            "token": token,
            "link_hours": settings.REURING_WHITEPAPER_LINK_HOURS,
            "lead_days": settings.REURING_WHITEPAPER_LEAD_DAYS,
        },
    )


def _pdf_response(whitepaper):
    try:
        pdf = whitepaper.pdf.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        pdf,
        as_attachment=True,
        filename=whitepaper.download_filename,
        content_type="application/pdf",
    )


@require_GET
def download_open_whitepaper(request, slug):
    """An open whitepaper's PDF; staff who may preview also fetch drafts and gated ones
    (not counted)."""
    whitepaper = get_object_or_404(Whitepaper.objects.visible_to(request.user), slug=slug)
    previewer = can_preview(request.user)
    if whitepaper.is_gated and not previewer:
        raise Http404
    response = _pdf_response(whitepaper)
    if not previewer:
        whitepaper.record_download()
    return response


@require_GET
@with_download_link
def download_requested_whitepaper(request, whitepaper, token):
    """A gated whitepaper's PDF, through the signed link the form gave."""
    response = _pdf_response(whitepaper)
    whitepaper.record_download()
    return response
