"""Admin for articles, speakers and series."""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from articles.admin.addresses import KeepsOldAddressesAdmin
from articles.admin.extensions import article_panels
from articles.admin.history import ARTICLE_RELATIONS
from articles.admin.planning import planning
from articles.admin.publishing import PublicationStateFilter, PublishingAdmin, visibility
from articles.admin.sharing import (
    SHARE_FIELDS,
    SHARE_FIELDSET_DESCRIPTION,
    SHARE_FIELDSET_TITLE,
    ShareFieldsAdmin,
)
from articles.models import Article, ArticleSpeaker, PreviewLink, Series, Speaker
from toolbox.autosave import AutosaveAdminMixin
from toolbox.history import HistoryAdminMixin
from toolbox.tags import TagLinesField


class ArticleSpeakerInline(admin.TabularInline):
    """Shown right after the body (see render_change_form); with the script, rows are
    reordered by dragging or with the up and down buttons, which renumber `position`."""

    model = ArticleSpeaker
    autocomplete_fields = ["speaker"]
    extra = 1
    fields = ["position", "speaker", "function", "organisation"]


class PreviewLinkInline(admin.TabularInline):
    """Links that show the draft to someone without an account (see models.previews)."""

    model = PreviewLink
    extra = 0
    fields = ["note", "expires_at", "revoked", "link", "created_by"]
    readonly_fields = ["link", "created_by"]
    verbose_name_plural = _("preview links for people without an account")

    @admin.display(description=_("link"))
    def link(self, preview):
        if not preview.pk:
            return _("Appears after saving.")
        url = settings.REURING_SITE_URL.rstrip("/") + preview.get_absolute_url()
        if preview.article.is_published:
            state = _("no longer works: the article is published")
        elif not preview.works_at(timezone.now()):
            state = _("no longer works: revoked or expired")
        else:
            state = _("works")
        return format_html('<a href="{}">{}</a><br><span class="help">{}</span>', url, url, state)


class ArticleKindFilter(admin.SimpleListFilter):
    """News or blog post, which follows from whether the article has a blogger."""

    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return Article.Kind.choices

    def queryset(self, request, queryset):
        match self.value():
            case Article.Kind.BLOG:
                return queryset.blog_posts()
            case Article.Kind.NEWS:
                return queryset.filter(blogger__isnull=True)
        return queryset


@admin.register(Article)
class ArticleAdmin(
    AutosaveAdminMixin,
    HistoryAdminMixin,
    ShareFieldsAdmin,
    PublishingAdmin,
    KeepsOldAddressesAdmin,
):
    history_relations = ARTICLE_RELATIONS
    list_display = ["title", visibility, "publish_at", "series", "tag_names", "author"]
    list_filter = [
        PublicationStateFilter,
        "status",
        ArticleKindFilter,
        "series",
        "tags",
        "publish_at",
    ]
    list_select_related = ["series", "author"]
    search_fields = ["title", "lead", "body"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ArticleSpeakerInline, PreviewLinkInline]
    # One tag per line, never taggit's quoting syntax.
    formfield_overrides = {TaggableManager: {"form_class": TagLinesField}}
    autocomplete_fields = ["related_articles", "related_whitepapers"]
    readonly_fields = ["publication_state", "author", "created_at", "updated_at"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (
            _("Main image"),
            {
                "fields": [
                    "image",
                    ("image_focus_x", "image_focus_y"),
                    "image_alt",
                    "image_is_decorative",
                    "image_caption",
                    "image_credit",
                ]
            },
        ),
        (
            _("Publication"),
            {
                "fields": [
                    "publication_state",
                    "status",
                    "publish_at",
                    "unpublish_at",
                    "series",
                    "tags",
                    "allow_comments",
                ]
            },
        ),
        (_("Blog post"), {"fields": ["blogger"]}),
        (_("Related"), {"fields": ["related_articles", "related_whitepapers"]}),
        (
            SHARE_FIELDSET_TITLE,
            {"fields": SHARE_FIELDS, "description": SHARE_FIELDSET_DESCRIPTION},
        ),
        (_("History"), {"fields": ["author", "created_at", "updated_at", "old_addresses"]}),
    ]

    class Media:
        js = ["articles/length-hint.js", "articles/speaker-order.js"]
        css = {"all": ["articles/speaker-order.css"]}

    # --- What other apps add (see articles.admin.extensions)

    def get_inlines(self, request, obj):
        added = [inline for panel in article_panels() for inline in panel.inlines]
        return [*super().get_inlines(request, obj), *added]

    def get_readonly_fields(self, request, obj=None):
        displays = [display for panel in article_panels() for display in panel.displays]
        return [*super().get_readonly_fields(request, obj), *displays]

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None:
            for panel in article_panels():
                if panel.displays:
                    # Django shows read-only callables in fieldsets; django-stubs types names only.
                    fields = list(panel.displays)
                    fieldsets.append((panel.title, {"fields": fields}))  # type: ignore[typeddict-item]
        return fieldsets

    def render_change_form(self, request, context, *args, **kwargs):
        # The speakers belong with the text: the template puts their table right after the
        # body, and every other inline at the end.
        formsets = context.get("inline_admin_formsets", [])
        context["inline_admin_formsets_after_text"] = [
            formset for formset in formsets if isinstance(formset.opts, ArticleSpeakerInline)
        ]
        context["inline_admin_formsets_at_end"] = [
            formset for formset in formsets if not isinstance(formset.opts, ArticleSpeakerInline)
        ]
        return super().render_change_form(request, context, *args, **kwargs)

    # ---

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")

    @admin.display(description=_("tags"))
    def tag_names(self, article):
        return ", ".join(tag.name for tag in article.tags.all())

    def view_on_site(self, article):
        # Staff see drafts and scheduled articles on the site as a preview.
        return article.get_absolute_url()

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        # Who made a preview link, for whoever later wonders whom it was for.
        for preview in formset.save(commit=False):
            if isinstance(preview, PreviewLink) and preview.created_by_id is None:
                preview.created_by = request.user
            preview.save()
        for removed in formset.deleted_objects:
            removed.delete()
        formset.save_m2m()

    # --- The planning: what goes online and offline soon, what waits for review

    def get_urls(self):
        return [
            path(
                "planning/",
                self.admin_site.admin_view(self.planning_view),
                name="articles_article_planning",
            ),
            *super().get_urls(),
        ]

    def planning_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            **planning(),
            "title": _("Planning"),
            "opts": self.opts,
        }
        return TemplateResponse(request, "admin/articles/planning.html", context)


@admin.register(Speaker)
class SpeakerAdmin(HistoryAdminMixin, KeepsOldAddressesAdmin):
    list_display = ["name", "function", "organisation", "is_blogger", "photo_thumbnail"]
    list_filter = ["is_blogger"]
    search_fields = ["name", "organisation", "function"]
    prepopulated_fields = {"slug": ["name"]}
    fields = [
        "name",
        "slug",
        "function",
        "organisation",
        "photo",
        ("photo_focus_x", "photo_focus_y"),
        "photo_alt",
        "bio",
        "is_blogger",
        "old_addresses",
    ]

    @admin.display(description=_("photo"))
    def photo_thumbnail(self, speaker):
        if not speaker.photo:
            return "–"
        return format_html(
            '<img src="{}" alt="" width="40">',
            speaker.photo_160_jpeg.url,
        )


@admin.register(Series)
class SeriesAdmin(HistoryAdminMixin, KeepsOldAddressesAdmin):
    list_display = ["name", "slug"]
    fields = ["name", "slug", "description", "old_addresses"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
