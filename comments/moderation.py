"""The comment policy, in one place: who may comment where, what is held, what is shown.

Shaped like django-contrib-comments' `CommentModerator`: `allow()` says whether an article
takes comments now, `moderate()` what happens to a new comment before a moderator sees it,
`close_after` when comments close. The views, the thread, the form and the template tag
ask the one `moderator` below; none of them decides by itself.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypedDict

from django.conf import settings
from django.db.models import F, QuerySet
from django.utils import timezone
from django_stubs_ext import WithAnnotations

from articles.models import Article
from comments.models import Comment, WordRule
from comments.rendering import link_count
from comments.text import find_word


class OwnRules(TypedDict):
    """What `CommentModerator.with_own_rules` adds to each article."""

    comments_close_after_days: int | None


@dataclass(frozen=True)
class Verdict:
    """What the site decides about a new comment: its status and, if held, why."""

    status: str
    reason: str = Comment.HeldReason.NONE
    detail: str = ""


@dataclass(frozen=True)
class Discussion:
    """Whether an article takes comments, worked out once per request."""

    allowed: bool
    closes_at: datetime

    def is_open(self, now: datetime | None = None) -> bool:
        return self.allowed and (now or timezone.now()) < self.closes_at


class CommentModerator:
    # Two links or more: the usual shape of link spam.
    link_limit = 2
    # Statuses a reader sees of their own comments, marked as waiting: spam looks the same,
    # so a spammer learns nothing.
    own_waiting_statuses = (Comment.Status.PENDING, Comment.Status.SPAM)

    @property
    def close_after(self) -> int:
        """Days after publication that comments stay open, unless an article says otherwise."""
        return settings.COMMENTS_CLOSE_AFTER_DAYS

    @property
    def trust_after(self) -> int:
        """Approved comments after which an author skips the queue; 0 switches it off."""
        return settings.COMMENTS_TRUST_AFTER_APPROVED

    # --- Where comments are allowed

    def with_own_rules(
        self, articles: QuerySet[Article]
    ) -> "QuerySet[WithAnnotations[Article, OwnRules]]":
        """The articles, each with `comments_close_after_days` (its own rule, or None)."""
        return articles.annotate(comments_close_after_days=F("comment_settings__close_after_days"))

    def discussion(self, article: Article, own_close_after_days: int | None) -> Discussion:
        days = self.close_after if own_close_after_days is None else own_close_after_days
        return Discussion(
            allowed=article.allow_comments and article.is_published,
            closes_at=article.publish_at + timedelta(days=days),
        )

    def allow(self, article: "WithAnnotations[Article, OwnRules]") -> Discussion:
        """The discussion of an article fetched through `with_own_rules` (no query)."""
        return self.discussion(article, article.comments_close_after_days)

    # --- What happens to a new comment

    def moderate(self, *, name: str, body: str, email: str) -> Verdict:
        """Block words send a comment to spam; links and moderation words hold it."""
        text = f"{name}\n{body}"
        rules = list(WordRule.objects.values_list("word", "action"))
        blocked = find_word(
            text, [word for word, action in rules if action == WordRule.Action.BLOCK]
        )
        if blocked:
            return Verdict(Comment.Status.SPAM, Comment.HeldReason.BLOCK_WORD, blocked)
        links = link_count(body) + link_count(name)
        if links >= self.link_limit:
            return Verdict(Comment.Status.PENDING, Comment.HeldReason.LINKS, str(links))
        held = find_word(text, [word for word, action in rules if action == WordRule.Action.HOLD])
        if held:
            return Verdict(Comment.Status.PENDING, Comment.HeldReason.MODERATION_WORD, held)
        if self.trusts(email):
            return Verdict(Comment.Status.APPROVED)
        return Verdict(Comment.Status.PENDING)

    def trusts(self, email: str) -> bool:
        if self.trust_after <= 0:
            return False
        approved = Comment.objects.approved().by_email(email)[: self.trust_after]
        return approved.count() >= self.trust_after

    # --- What is shown

    def shown_top_level(self, article: Article) -> QuerySet[Comment]:
        """The comments every reader sees under an article, and may reply to: approved
        and top-level (replies are shown under them)."""
        return Comment.objects.approved().top_level().filter(article=article)


moderator = CommentModerator()
