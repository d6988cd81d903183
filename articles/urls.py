from django.urls import path

from articles import views
from articles.feeds import LatestArticlesFeed

app_name = "articles"

urlpatterns = [
    path("nieuws/", views.ArticleListView.as_view(), name="list"),
    path("nieuws/feed/", LatestArticlesFeed(), name="feed"),
    path("nieuws/tag/<slug:slug>/", views.TagArticleListView.as_view(), name="tag"),
    path("nieuws/serie/<slug:slug>/", views.SeriesArticleListView.as_view(), name="series"),
    path("nieuws/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("sprekers/<slug:slug>/", views.SpeakerDetailView.as_view(), name="speaker"),
    path("", views.HomeView.as_view(), name="home"),
]
