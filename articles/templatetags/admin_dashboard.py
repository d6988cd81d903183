from django import template

from articles.admin.extensions import dashboard_panels

register = template.Library()


@register.inclusion_tag("admin/articles/dashboard.html", takes_context=True)
def admin_dashboard(context):
    """The panels the apps registered, each built for this user (see extensions)."""
    request = context["request"]
    shown = []
    for panel in dashboard_panels():
        content = panel.build(request)
        if content is not None:
            shown.append((panel, content))
    return {"panels": shown}
