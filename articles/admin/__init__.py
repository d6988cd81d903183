"""The articles app's admin, one module per feature; importing this package registers them.

Other apps add to the article's change page through `register_article_panel` (see
articles.admin.extensions), never by registering the article admin again.
"""

from articles.admin import dashboard, news, whitepapers
from articles.admin.extensions import ArticlePanel, register_article_panel

__all__ = ["ArticlePanel", "dashboard", "news", "register_article_panel", "whitepapers"]
