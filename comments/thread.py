"""The comments under one article, one page at a time, in a fixed number of queries.

Two queries, however many comments there are: one for the counts and the
article's own closing rule, one for the page (top-level comments and their replies),
and both are cached per article under a version that every change to its comments
renews (forget_thread); a reader with comments of their own that still wait for a
moderator costs one more, never cached.

Readers look at the top of the comments first, so that is where the newest discussion
is (COMMENTS_ORDER): by default the newest top-level comments come first, each with its
replies in the order they were written, so a new comment on a busy article is seen
at once and a conversation under a comment still reads from top to bottom. With
"oldest", the comments keep the order of the conversation and the page opens on the
last page, where the newest ones are.
"""

import math
from dataclasses import dataclass, field
from functools import cached_property

from django.core.cache import cache
from django.db.models import Count, Q

from articles.models import Article
from comments.models import COMMENTS_PER_PAGE, Comment, newest_first
from comments.moderation import Discussion, moderator
from toolbox.cache_versions import bump_versions, current_version

# A safety net only: every change to a thread gives it a new version (forget_thread).
THREAD_CACHE_SECONDS = 24 * 60 * 60


@dataclass
class ThreadPage:
    article: Article
    number: int
    total: int
    top_level_total: int
    discussion: Discussion
    newest_first: bool = True
    comments: list[Comment] = field(default_factory=list)
    replies: dict[int, list[Comment]] = field(default_factory=dict)
    own_waiting: list[Comment] = field(default_factory=list)
    version: str = ""

    @cached_property
    def is_open(self) -> bool:
        """Worked out once per page: the template asks for every comment's reply link."""
        return self.discussion.is_open()

    @property
    def page_count(self) -> int:
        return max(1, math.ceil(self.top_level_total / COMMENTS_PER_PAGE))

    @property
    def has_next(self) -> bool:
        return self.number < self.page_count

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    def find(self, pk) -> Comment | None:
        """A top-level comment on this page (for "reply to"), without a query."""
        return next((comment for comment in self.comments if comment.pk == pk), None)


def thread_version(article_id: int) -> str:
    """The name of the version every cached part of one article's thread carries."""
    return f"comments:thread:{article_id}"


def forget_thread(article_id: int) -> None:
    """After a comment under the article changes (posted, moderated, deleted) or its
    comment settings do: the next reader gets the thread rebuilt."""
    bump_versions(thread_version(article_id))


def _stats(article: Article, version: str) -> dict:
    """The counts and the article's own closing rule, the same for every reader."""
    key = f"comments:stats:{article.pk}:{version}"
    found = cache.get(key)
    if found is None:
        approved = Q(comments__status=Comment.Status.APPROVED)
        top_level = approved & Q(comments__parent__isnull=True)
        found = (
            Article.objects.filter(pk=article.pk)
            .annotate(
                approved_total=Count("comments", filter=approved),
                top_level_total=Count("comments", filter=top_level),
            )
            .values("approved_total", "top_level_total", "comment_settings__close_after_days")
            .get()
        )
        cache.set(key, found, THREAD_CACHE_SECONDS)
    return found


def _shown(article: Article, number: int, newest: bool, version: str):
    """The approved comments on page `number`: (top-level comments, replies per parent)."""
    key = f"comments:page:{article.pk}:{version}:{number}:{int(newest)}"
    found = cache.get(key)
    if found is None:
        start = (number - 1) * COMMENTS_PER_PAGE
        order = ("-created_at", "-pk") if newest else ("created_at", "pk")
        page_ids = (
            moderator.shown_top_level(article)
            .order_by(*order)
            .values("pk")[start : start + COMMENTS_PER_PAGE]
        )
        rows = list(
            Comment.objects.filter(article=article, status=Comment.Status.APPROVED)
            .filter(Q(pk__in=page_ids) | Q(parent_id__in=page_ids))
            .order_by("created_at", "pk")
        )
        comments = [comment for comment in rows if comment.parent_id is None]
        if newest:
            comments.reverse()  # replies stay in the order of the conversation
        replies: dict[int, list[Comment]] = {}
        for comment in rows:
            if comment.parent_id is not None:
                replies.setdefault(comment.parent_id, []).append(comment)
        found = (comments, replies)
        cache.set(key, found, THREAD_CACHE_SECONDS)
    return found


def _own_waiting(article: Article, own_comment_ids) -> list[Comment]:
    """This reader's own comments that wait for a moderator: never cached, never shared."""
    own = [int(pk) for pk in own_comment_ids][:50]
    if not own:
        return []
    return list(
        Comment.objects.filter(
            article=article, pk__in=own, status__in=moderator.own_waiting_statuses
        )
        .select_related("parent")
        .order_by("created_at", "pk")
    )


def thread_page(*, article: Article, page: int | None = None, own_comment_ids=()) -> ThreadPage:
    """The page of comments every reader sees (cached per article, version and page),
    plus this reader's own waiting comments."""
    version = current_version(thread_version(article.pk))
    stats = _stats(article, version)
    result = ThreadPage(
        article=article,
        number=1,
        total=stats["approved_total"],
        top_level_total=stats["top_level_total"],
        discussion=moderator.discussion(article, stats["comment_settings__close_after_days"]),
        newest_first=newest_first(),
        version=version,
    )
    # Readers land where the newest discussion is: page 1 when the newest come first,
    # else the last page.
    landing = 1 if result.newest_first else result.page_count
    result.number = min(landing if page is None else max(1, page), result.page_count)
    result.comments, result.replies = _shown(article, result.number, result.newest_first, version)
    result.own_waiting = _own_waiting(article, own_comment_ids)
    return result
