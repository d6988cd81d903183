"""Demo content for `manage.py load_demo_content` (what `make run` shows).

Each loader is a function `load(*, stdout, style)` that creates or updates its part of the
demo, idempotently (a second run adds nothing), and writes a short summary to `stdout`
(a Django OutputWrapper; `style` is the command's style, e.g. `style.WARNING`).
The command calls them in this order: add a module here and append its `load` to extend the
demo (comments after articles, since they need articles to hang on).
"""

from reuring.demo import admin_user, articles, site, whitepapers

LOADERS = [
    articles.load,
    site.load,
    whitepapers.load,
    admin_user.load,
]
