"""The comments under one article, one page at a time, in a fixed number of queries.

Two queries, however many comments there are: one for the counts and the
article's own closing rule, one for the page (top-level comments, their replies
and the reader's own comments that still wait for a moderator).

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

from django.db.models import Count, Q

from articles.models import Article
from comments.models import COMMENTS_PER_PAGE, Comment, newest_first
from comments.moderation import Discussion, moderator


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

    @property
    def with_replies(self) -> list[tuple[Comment, list[Comment]]]:
        """Each top-level comment on this page with its approved replies, in order."""
        return [(comment, self.replies.get(comment.pk, [])) for comment in self.comments]

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


def thread_page(*, article: Article, page: int | None = None, own_comment_ids=()) -> ThreadPage:
    approved = Q(comments__status=Comment.Status.APPROVED)
    stats = (
        Article.objects.filter(pk=article.pk)
        .annotate(
            approved_total=Count("comments", filter=approved),
            top_level_total=Count("comments", filter=approved & Q(comments__parent__isnull=True)),
        )
        .values("approved_total", "top_level_total", "comment_settings__close_after_days")
        .get()
    )
    result = ThreadPage(
        article=article,
        number=1,
        total=stats["approved_total"],
        top_level_total=stats["top_level_total"],
        discussion=moderator.discussion(article, stats["comment_settings__close_after_days"]),
        newest_first=newest_first(),
    )
    # Readers land where the newest discussion is: page 1 when the newest come first,
    # else the last page.
    landing = 1 if result.newest_first else result.page_count
    result.number = min(landing if page is None else max(1, page), result.page_count)

    start = (result.number - 1) * COMMENTS_PER_PAGE
    order = ("-created_at", "-pk") if result.newest_first else ("created_at", "pk")
    page_ids = (
        moderator.shown_top_level(article)
        .order_by(*order)
        .values("pk")[start : start + COMMENTS_PER_PAGE]
    )
    shown = Q(status=Comment.Status.APPROVED) & (Q(pk__in=page_ids) | Q(parent_id__in=page_ids))
    own = [int(pk) for pk in own_comment_ids][:50]
    if own:
        shown |= Q(pk__in=own, status__in=moderator.own_waiting_statuses)
    rows = (
        Comment.objects.filter(article=article)
        .filter(shown)
        .select_related("parent")
        .order_by("created_at", "pk")
    )

    for comment in rows:
        if comment.status in moderator.own_waiting_statuses:
            result.own_waiting.append(comment)
        elif comment.parent_id is None:
            result.comments.append(comment)
    if result.newest_first:
        result.comments.reverse()  # replies stay in the order of the conversation
    on_page = {comment.pk for comment in result.comments}
    for comment in rows:
        if comment.status == Comment.Status.APPROVED and comment.parent_id in on_page:
            result.replies.setdefault(comment.parent_id, []).append(comment)
    return result
