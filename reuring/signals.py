"""Clearing the cached site-wide blocks and pages when staff save or delete what they show.

Connected in ReuringConfig.ready(). Signals are the documented extension point here:
the articles app knows nothing about the site's blocks (imports run one way).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from articles.models import Article, Speaker, Whitepaper, WhitepaperLead
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


# Any change in these apps may show on a public page (tags and comment counts included).
CONTENT_APPS = {"articles", "reuring", "comments", "taggit"}
# ...except these, which no page shows: a reader's whitepaper request must not empty the cache.
NOT_ON_ANY_PAGE = {WhitepaperLead}


def _forget_pages(sender, **kwargs):
    if sender._meta.app_label in CONTENT_APPS and sender not in NOT_ON_ANY_PAGE:
        page_cache.content_changed()


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_forget_pages, dispatch_uid=f"reuring.pages.{id(signal)}")
    for model in BLOCKS_OF_MODEL:
        uid = f"reuring.blocks.{model._meta.label_lower}"
        post_save.connect(_clear_blocks, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(_clear_blocks, sender=model, dispatch_uid=f"{uid}.delete")
