from django.urls import path

from articles import views, views_bloggers, views_whitepapers
from articles.feeds import LatestArticlesFeed

app_name = "articles"

urlpatterns = [
    path("nieuws/", views.ArticleListView.as_view(), name="list"),
    path("nieuws/feed/", LatestArticlesFeed(), name="feed"),
    path("nieuws/tag/<slug:slug>/", views.TagArticleListView.as_view(), name="tag"),
    path("nieuws/serie/<slug:slug>/", views.SeriesArticleListView.as_view(), name="series"),
    path("nieuws/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("sprekers/<slug:slug>/", views.SpeakerDetailView.as_view(), name="speaker"),
    path("whitepapers/", views_whitepapers.WhitepaperListView.as_view(), name="whitepapers"),
    path(
        "whitepapers/<slug:slug>/",
        views_whitepapers.WhitepaperDetailView.as_view(),
        name="whitepaper",
    ),
    path(
        "whitepapers/<slug:slug>/aanvragen/",
        views_whitepapers.request_whitepaper,
        name="whitepaper_request",
    ),
    path(
        "whitepapers/<slug:slug>/bedankt/<str:token>/",
        views_whitepapers.whitepaper_thanks,
        name="whitepaper_thanks",
    ),
    path(
        "whitepapers/<slug:slug>/download/",
        views_whitepapers.download_open_whitepaper,
        name="whitepaper_download",
    ),
    path(
        "whitepapers/<slug:slug>/download/<str:token>/",
        views_whitepapers.download_requested_whitepaper,
        name="whitepaper_lead_download",
    ),
    path("bloggers/", views_bloggers.BloggerListView.as_view(), name="bloggers"),
    path("bloggers/<slug:slug>/", views_bloggers.BloggerDetailView.as_view(), name="blogger"),
    path("", views.HomeView.as_view(), name="home"),
]
