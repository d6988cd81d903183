"""The articles app's models, split by feature; import them from here."""

from articles.models.news import Article, ArticleQuerySet, ArticleSpeaker, Series, Speaker
from articles.models.publishing import PublicationMixin, PublicationQuerySet, PublicationStatus
from articles.models.whitepapers import (
    DownloadLinkExpired,
    DownloadLinkInvalid,
    Whitepaper,
    WhitepaperLead,
    WhitepaperQuerySet,
    latest_of,
    lead_for_download_token,
)

__all__ = [
    "Article",
    "ArticleQuerySet",
    "ArticleSpeaker",
    "DownloadLinkExpired",
    "DownloadLinkInvalid",
    "PublicationMixin",
    "PublicationQuerySet",
    "PublicationStatus",
    "Series",
    "Speaker",
    "Whitepaper",
    "WhitepaperLead",
    "WhitepaperQuerySet",
    "latest_of",
    "lead_for_download_token",
]
