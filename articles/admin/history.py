"""What the articles app keeps versions of, and the rules for restoring an article.

The generic history (versions, the history page, restoring) is toolbox.history; this
module names the models and the relations kept with them.
"""

from django.utils.translation import gettext_lazy as _

from articles.models import Article, ArticleSpeaker, Series, Speaker, Whitepaper
from toolbox.history import register_history

# The speakers of an article are kept with each version of it (the tags by themselves).
ARTICLE_RELATIONS = {"article_speakers": _("speakers")}

register_history(ArticleSpeaker)
register_history(Article, follow=list(ARTICLE_RELATIONS))
register_history(Speaker)
register_history(Series)
register_history(Whitepaper)
