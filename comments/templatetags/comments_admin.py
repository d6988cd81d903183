from django import template
from django.urls import reverse

from comments.models import Comment

register = template.Library()


@register.inclusion_tag("admin/comments/pending_notice.html", takes_context=True)
def pending_comments_notice(context):
    """How many comments wait for a moderator, for those who may see comments."""
    user = context["request"].user
    if not user.has_perm("comments.view_comment"):
        return {"show": False}
    return {
        "show": True,
        "count": Comment.objects.pending().count(),
        "queue_url": reverse("admin:comments_comment_changelist") + "?status__exact=pending",
    }
