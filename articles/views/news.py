from django.conf import settings
from django.db.models import Exists, Model, OuterRef
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from articles.models import Article, Series, Speaker
from articles.views.offline import get_or_gone
from toolbox.params import ParsedPageMixin

MORE_NEWS_COUNT = 5
HOME_LATEST_COUNT = 6


class ArticleListView(ParsedPageMixin, ListView):
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = settings.REURING_ARTICLES_PER_PAGE

    def get_queryset(self):
        return Article.objects.published().for_cards()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Per series one indexed look-up that stops at its first published article (a join
        # with every published article grew with the archive: 79 ms at 50,000 articles).
        published = Article.objects.published().filter(series=OuterRef("pk"))
        context["all_series"] = Series.objects.filter(Exists(published))
        return context


class SelectedArticleListView(ArticleListView):
    """The articles of one tag or series, found by the slug in the address."""

    selected_model: type[Model]
    selected_name: str  # in the template
    article_field: str  # to filter the articles on

    def get_queryset(self):
        self.selected = get_object_or_404(self.selected_model, slug=self.kwargs["slug"])
        return super().get_queryset().filter(**{self.article_field: self.selected})

    def get_context_data(self, **kwargs):
        return super().get_context_data(**{self.selected_name: self.selected}, **kwargs)


class TagArticleListView(SelectedArticleListView):
    template_name = "articles/tag_detail.html"
    selected_model = Tag
    selected_name = "tag"
    article_field = "tags"


class SeriesArticleListView(SelectedArticleListView):
    template_name = "articles/series_detail.html"
    selected_model = Series
    selected_name = article_field = "series"


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        # Staff may preview drafts and scheduled articles; readers see published ones.
        return Article.objects.visible_to(self.request.user).for_page()

    def get_object(self, queryset=None):
        return get_or_gone(
            self.get_queryset(), slug=self.kwargs["slug"], every=Article.objects.all()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        others = Article.objects.published().exclude(pk=self.object.pk)
        context["more_news"] = others[:MORE_NEWS_COUNT]
        return context


class SpeakerDetailView(DetailView):
    model = Speaker
    template_name = "articles/speaker_detail.html"
    context_object_name = "speaker"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = Article.objects.published().with_speaker(self.object).for_cards()
        return context


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The newest is the lead article; the template shows the rest as the latest news.
        context["articles"] = Article.objects.published().for_cards()[: HOME_LATEST_COUNT + 1]
        return context
