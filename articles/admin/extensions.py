"""The extension point of the article admin: what other apps add to an article's page.

The articles app knows nothing of the apps built on it (comments, for one). Such an app
describes what it shows on the change page of an article as an `ArticlePanel` and hands
it to `register_article_panel` from its own admin module; `ArticleAdmin` reads the panels
on every request. That keeps one registration of the article admin, defined here.

The admin index works the same way: each app hands `register_dashboard_panel` what the
redactie should see first (waiting comments, articles waiting for review, ...).
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


# --- The admin index: the redactie's start page


@dataclass(frozen=True)
class DashboardLine:
    text: StrOrPromise
    url: str
    detail: StrOrPromise = ""


@dataclass(frozen=True)
class DashboardContent:
    """What one panel shows: a headline linking to its list, and a few lines."""

    headline: StrOrPromise
    list_url: str
    lines: Sequence[DashboardLine] = ()
    urgent: bool = False


@dataclass(frozen=True)
class DashboardPanel:
    """A panel on the admin index. `build(request)` returns its content, or None when it
    is not for this user (no permission)."""

    key: str
    title: StrOrPromise
    build: Callable[..., DashboardContent | None]
    order: int = 100


_dashboard: dict[str, DashboardPanel] = {}


def register_dashboard_panel(panel: DashboardPanel) -> None:
    """Add a panel to the admin index (again with the same key replaces it)."""
    _dashboard[panel.key] = panel


def dashboard_panels() -> tuple[DashboardPanel, ...]:
    return tuple(sorted(_dashboard.values(), key=lambda panel: (panel.order, panel.key)))
