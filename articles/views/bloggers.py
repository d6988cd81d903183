"""Blogger pages: the bloggers, and one blogger with their posts."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from articles.models import Article, Speaker
from toolbox.params import ParsedPageMixin


class BloggerListView(ListView):
    template_name = "articles/blogger_list.html"
    context_object_name = "bloggers"

    def get_queryset(self):
        return Speaker.objects.bloggers()


class BloggerDetailView(ParsedPageMixin, ListView):
    template_name = "articles/blogger_detail.html"
    context_object_name = "posts"
    paginate_by = settings.REURING_ARTICLES_PER_PAGE

    def get_queryset(self):
        self.blogger = get_object_or_404(Speaker.objects.bloggers(), slug=self.kwargs["slug"])
        return Article.objects.published().blog_posts().filter(blogger=self.blogger).for_cards()

    def get_context_data(self, **kwargs):
        return super().get_context_data(blogger=self.blogger, **kwargs)
