"""The extension point of the article admin: what other apps add to an article's page.

The articles app knows nothing of the apps built on it (comments, for one). Such an app
describes what it shows on the change page of an article as an `ArticlePanel` and hands
it to `register_article_panel` from its own admin module; `ArticleAdmin` reads the panels
on every request. That keeps one registration of the article admin, defined here.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.contrib.admin.options import InlineModelAdmin
from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class ArticlePanel:
    """Inlines, and read-only displays of the article shown as a fieldset of their own.

    Each display is a callable taking the article, decorated with `@admin.display` for
    its label. The fieldset appears once the article exists.
    """

    title: StrOrPromise
    inlines: Sequence[type[InlineModelAdmin]] = ()
    displays: Sequence[Callable] = field(default_factory=tuple)


_panels: list[ArticlePanel] = []


def register_article_panel(panel: ArticlePanel) -> None:
    if panel not in _panels:
        _panels.append(panel)


def article_panels() -> tuple[ArticlePanel, ...]:
    return tuple(_panels)
