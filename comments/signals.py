"""Giving an article's cached comment thread a new version when what it shows changes.

The thread (counts, the page of approved comments, their HTML) is cached per article
(comments.thread); any saved or deleted comment of the article, or a change to its
comment settings, renews it. Connected in CommentsConfig.ready().
"""

from django.db.models.signals import post_delete, post_save

from comments.models import ArticleCommentSettings, Comment
from comments.thread import forget_thread


def _forget_thread(sender, instance, created=False, **kwargs):
    # A new comment that waits for a moderator is not on the thread yet: its reader sees
    # it through their own-comments cookie, which is never cached.
    if created and sender is Comment and instance.status != Comment.Status.APPROVED:
        return
    forget_thread(instance.article_id)


def connect():
    for model in (Comment, ArticleCommentSettings):
        uid = f"comments.thread.{model._meta.label_lower}"
        post_save.connect(_forget_thread, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(_forget_thread, sender=model, dispatch_uid=f"{uid}.delete")
