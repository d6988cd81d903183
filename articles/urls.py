from django.urls import path

from articles import feeds
from articles.models import Article, Series, Speaker, Whitepaper
from articles.views import bloggers, news, previews, search, whitepapers
from articles.views.addresses import follows_old_slugs

# Views found by an item's slug; an old slug of that item redirects to its address today.
article_view = follows_old_slugs(Article)
series_view = follows_old_slugs(Series)
speaker_view = follows_old_slugs(Speaker)
whitepaper_view = follows_old_slugs(Whitepaper)

app_name = "articles"

urlpatterns = [
    path("nieuws/", news.ArticleListView.as_view(), name="list"),
    path("nieuws/feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("nieuws/feed/atom/", feeds.LatestArticlesAtomFeed(), name="feed_atom"),
    path("nieuws/tag/<slug:slug>/", news.TagArticleListView.as_view(), name="tag"),
    path("nieuws/tag/<slug:slug>/feed/", feeds.TagFeed(), name="tag_feed"),
    path("nieuws/tag/<slug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag_feed_atom"),
    path(
        "nieuws/serie/<slug:slug>/",
        series_view(news.SeriesArticleListView.as_view()),
        name="series",
    ),
    path("nieuws/serie/<slug:slug>/feed/", series_view(feeds.SeriesFeed()), name="series_feed"),
    path(
        "nieuws/serie/<slug:slug>/feed/atom/",
        series_view(feeds.SeriesAtomFeed()),
        name="series_feed_atom",
    ),
    path("nieuws/<slug:slug>/", article_view(news.ArticleDetailView.as_view()), name="detail"),
    path("nieuws/<slug:slug>/voorbeeld/<str:token>/", previews.preview_article, name="preview"),
    path("sprekers/<slug:slug>/", speaker_view(news.SpeakerDetailView.as_view()), name="speaker"),
    path("whitepapers/", whitepapers.WhitepaperListView.as_view(), name="whitepapers"),
    path(
        "whitepapers/<slug:slug>/",
        whitepaper_view(whitepapers.WhitepaperDetailView.as_view()),
        name="whitepaper",
    ),
    path(
        "whitepapers/<slug:slug>/aanvragen/",
        whitepaper_view(whitepapers.request_whitepaper),
        name="whitepaper_request",
    ),
    path(
        "whitepapers/<slug:slug>/bedankt/<str:token>/",
        whitepaper_view(whitepapers.whitepaper_thanks),
        name="whitepaper_thanks",
    ),
    path(
        "whitepapers/<slug:slug>/download/",
        whitepaper_view(whitepapers.download_open_whitepaper),
        name="whitepaper_download",
    ),
    path(
        "whitepapers/<slug:slug>/download/<str:token>/",
        whitepaper_view(whitepapers.download_requested_whitepaper),
        name="whitepaper_lead_download",
    ),
    path("zoeken/", search.search_page, name="search"),
    path("bloggers/", bloggers.BloggerListView.as_view(), name="bloggers"),
    path(
        "bloggers/<slug:slug>/", speaker_view(bloggers.BloggerDetailView.as_view()), name="blogger"
    ),
    path("bloggers/<slug:slug>/feed/", speaker_view(feeds.BloggerFeed()), name="blogger_feed"),
    path(
        "bloggers/<slug:slug>/feed/atom/",
        speaker_view(feeds.BloggerAtomFeed()),
        name="blogger_feed_atom",
    ),
    path("", news.HomeView.as_view(), name="home"),
]
