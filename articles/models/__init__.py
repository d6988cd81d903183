"""The articles app's models, split by feature; import them from here."""

from articles.models.addresses import KeepsOldSlugs, OldSlug
from articles.models.news import Article, ArticleQuerySet, ArticleSpeaker, Series, Speaker
from articles.models.previews import PreviewLink
from articles.models.publishing import (
    PublicationStatus,
    Publishable,
    PublishableQuerySet,
    published_condition,
    scheduled_condition,
)
from articles.models.search import SearchDocument
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
    "KeepsOldSlugs",
    "OldSlug",
    "PreviewLink",
    "PublicationStatus",
    "Publishable",
    "PublishableQuerySet",
    "SearchDocument",
    "Series",
    "Speaker",
    "Whitepaper",
    "WhitepaperLead",
    "WhitepaperQuerySet",
    "latest_of",
    "lead_for_download_token",
    "published_condition",
    "scheduled_condition",
]
