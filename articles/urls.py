from django.urls import path

from articles.feeds import LatestArticlesFeed
from articles.views import bloggers, news, search, whitepapers

app_name = "articles"

urlpatterns = [
    path("nieuws/", news.ArticleListView.as_view(), name="list"),
    path("nieuws/feed/", LatestArticlesFeed(), name="feed"),
    path("nieuws/tag/<slug:slug>/", news.TagArticleListView.as_view(), name="tag"),
    path("nieuws/serie/<slug:slug>/", news.SeriesArticleListView.as_view(), name="series"),
    path("nieuws/<slug:slug>/", news.ArticleDetailView.as_view(), name="detail"),
    path("sprekers/<slug:slug>/", news.SpeakerDetailView.as_view(), name="speaker"),
    path("whitepapers/", whitepapers.WhitepaperListView.as_view(), name="whitepapers"),
    path(
        "whitepapers/<slug:slug>/",
        whitepapers.WhitepaperDetailView.as_view(),
        name="whitepaper",
    ),
    path(
        "whitepapers/<slug:slug>/aanvragen/",
        whitepapers.request_whitepaper,
        name="whitepaper_request",
    ),
    path(
        "whitepapers/<slug:slug>/bedankt/<str:token>/",
        whitepapers.whitepaper_thanks,
        name="whitepaper_thanks",
    ),
    path(
        "whitepapers/<slug:slug>/download/",
        whitepapers.download_open_whitepaper,
        name="whitepaper_download",
    ),
    path(
        "whitepapers/<slug:slug>/download/<str:token>/",
        whitepapers.download_requested_whitepaper,
        name="whitepaper_lead_download",
    ),
    path("zoeken/", search.search_page, name="search"),
    path("bloggers/", bloggers.BloggerListView.as_view(), name="bloggers"),
    path("bloggers/<slug:slug>/", bloggers.BloggerDetailView.as_view(), name="blogger"),
    path("", news.HomeView.as_view(), name="home"),
]
