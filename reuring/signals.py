"""Clearing the cached site-wide blocks and pages when staff save or delete what they show.

Connected in ReuringConfig.ready(). Signals are the documented extension point here:
the articles app knows nothing about the site's blocks (imports run one way).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from articles.models import Article, Speaker, Whitepaper
from comments.models import Comment
from reuring import blocks, page_cache
from reuring.models import Promotion, SiteDetails

BLOCKS_OF_MODEL = {
    SiteDetails: (blocks.SITE,),
    Promotion: (blocks.PROMOTIONS,),
    Whitepaper: (blocks.WHITEPAPERS,),
    Article: (blocks.BLOGGERS,),
    Speaker: (blocks.BLOGGERS,),
}


def _clear_blocks(sender, **kwargs):
    blocks.clear(*BLOCKS_OF_MODEL[sender])


# Any change in these apps may show on a public page (tags and comment counts included)...
CONTENT_APPS = {"articles", "reuring", "comments", "taggit"}
# ...except these, which no page shows: preview links, the search index (search pages are
# never cached), readers' whitepaper requests and the moderators' records and word lists.
NOT_ON_ANY_PAGE = {
    "articles.previewlink",
    "articles.searchdocument",
    "articles.whitepaperlead",
    "comments.moderationaction",
    "comments.wordrule",
}


def changes_a_page(sender, instance=None, **kwargs) -> bool:
    """Whether this save or delete changes what some public page shows: the one rule for
    clearing cached pages. A comment changes pages only while it is approved or when it
    stops being approved; a new comment that waits for a moderator changes none."""
    label = sender._meta.label_lower
    if sender._meta.app_label not in CONTENT_APPS or label in NOT_ON_ANY_PAGE:
        return False
    if label == "comments.comment" and instance is not None:
        return Comment.Status.APPROVED in (instance.status, instance.loaded_status)
    return True


def _forget_pages(sender, **kwargs):
    if changes_a_page(sender, **kwargs):
        page_cache.content_changed()


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_forget_pages, dispatch_uid=f"reuring.pages.{id(signal)}")
    for model in BLOCKS_OF_MODEL:
        uid = f"reuring.blocks.{model._meta.label_lower}"
        post_save.connect(_clear_blocks, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(_clear_blocks, sender=model, dispatch_uid=f"{uid}.delete")
