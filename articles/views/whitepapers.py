"""Whitepaper pages, the request form and the downloads."""

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import DetailView, ListView

from articles.forms import WhitepaperRequestForm
from articles.models import (
    DownloadLinkExpired,
    DownloadLinkInvalid,
    Whitepaper,
    lead_for_download_token,
)


class WhitepaperListView(ListView):
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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.is_gated:
            context["form"] = WhitepaperRequestForm()
            context["lead_days"] = settings.REURING_WHITEPAPER_LEAD_DAYS
        return context


def whitepaper_detail_context(whitepaper, form):
    return {
        "whitepaper": whitepaper,
        "form": form,
        "lead_days": settings.REURING_WHITEPAPER_LEAD_DAYS,
    }


@require_POST
def request_whitepaper(request, slug):
    whitepaper = get_object_or_404(
        Whitepaper.objects.published(), slug=slug, access=Whitepaper.Access.FORM
    )
    form = WhitepaperRequestForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "articles/whitepaper_detail.html",
            whitepaper_detail_context(whitepaper, form),
        )
    lead = form.save(whitepaper=whitepaper)
    return redirect("articles:whitepaper_thanks", slug=whitepaper.slug, token=lead.download_token())


def _lead_or_expired_page(request, whitepaper, token):
    """(lead, None) for a good link, (None, response) for an expired one; 404 otherwise."""
    try:
        return lead_for_download_token(token, whitepaper=whitepaper), None
    except DownloadLinkExpired:
        page = render(
            request, "articles/whitepaper_link_expired.html", {"whitepaper": whitepaper}, status=410
        )
        return None, page
    except DownloadLinkInvalid:
        raise Http404 from None


@require_GET
def whitepaper_thanks(request, slug, token):
    whitepaper = get_object_or_404(Whitepaper.objects.published(), slug=slug)
    lead, expired_page = _lead_or_expired_page(request, whitepaper, token)
    if expired_page:
        return expired_page
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
    """An open whitepaper's PDF; staff may also fetch drafts and gated ones (not counted)."""
    whitepaper = get_object_or_404(Whitepaper.objects.visible_to(request.user), slug=slug)
    is_staff = request.user.is_authenticated and request.user.is_staff
    if whitepaper.is_gated and not is_staff:
        raise Http404
    response = _pdf_response(whitepaper)
    if not is_staff:
        whitepaper.record_download()
    return response


@require_GET
def download_requested_whitepaper(request, slug, token):
    """A gated whitepaper's PDF, through the signed link the form gave."""
    whitepaper = get_object_or_404(Whitepaper.objects.published(), slug=slug)
    lead, expired_page = _lead_or_expired_page(request, whitepaper, token)
    if expired_page:
        return expired_page
    response = _pdf_response(whitepaper)
    whitepaper.record_download()
    return response
