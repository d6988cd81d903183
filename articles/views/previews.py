"""A draft shown through a preview link, to someone without an account (models.previews)."""

from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from articles.models import Article, PreviewLink
from articles.views.news import ArticleDetailView
from toolbox.gone import Gone


class ArticlePreviewView(ArticleDetailView):
    template_name = "articles/article_preview.html"

    def get_object(self, queryset=None):
        link = PreviewLink.objects.for_token(self.kwargs["token"])
        article = Article.objects.for_page().filter(slug=self.kwargs["slug"]).first()
        # A guess, a tampered token, or a link made for another article.
        if link is None or article is None or link.article_id != article.pk:
            raise Http404
        if not link.works_at(timezone.now()):
            raise Gone("preview")
        self.link = link
        return article

    def get_context_data(self, **kwargs):
        return super().get_context_data(link_expires=self.link.expires_at, **kwargs)

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.is_published:
            # The link has done its work: its holder sees what every reader sees.
            return redirect(self.object)
        if self.object.is_offline:
            raise Gone("preview")
        context = self.get_context_data(object=self.object)
        response = self.render_to_response(context)
        # Never in a search engine, and never in a cache (ours or a proxy's).
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


preview_article = require_GET(never_cache(ArticlePreviewView.as_view()))
