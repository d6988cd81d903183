from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles.models import Article, ArticleSpeaker, Series, Speaker


class ArticleSpeakerInline(admin.TabularInline):
    model = ArticleSpeaker
    autocomplete_fields = ["speaker"]
    extra = 1
    fields = ["position", "speaker", "function", "organisation"]


class PublicationStateFilter(admin.SimpleListFilter):
    title = _("visibility")
    parameter_name = "visibility"

    def lookups(self, request, model_admin):
        return [
            ("live", _("Visible to readers")),
            ("scheduled", _("Scheduled")),
            ("draft", _("Draft")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        published = queryset.filter(status=Article.Status.PUBLISHED)
        match self.value():
            case "live":
                return queryset.published()
            case "scheduled":
                return published.filter(publish_at__gt=now)
            case "draft":
                return queryset.filter(status=Article.Status.DRAFT)
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "visibility", "publish_at", "series", "tag_names", "author"]
    list_filter = [PublicationStateFilter, "status", "kind", "series", "tags", "publish_at"]
    list_select_related = ["series", "author"]
    search_fields = ["title", "lead", "body"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ArticleSpeakerInline]
    autocomplete_fields = ["related_whitepapers"]
    readonly_fields = ["author", "created_at", "updated_at"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (
            _("Main image"),
            {
                "fields": [
                    "image",
                    "image_alt",
                    "image_is_decorative",
                    "image_caption",
                    "image_credit",
                ]
            },
        ),
        (
            _("Publication"),
            {"fields": ["status", "publish_at", "series", "tags", "allow_comments"]},
        ),
        (_("Blog post and whitepapers"), {"fields": ["blogger", "related_whitepapers"]}),
        (_("History"), {"fields": ["author", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")

    @admin.display(description=_("tags"))
    def tag_names(self, article):
        return ", ".join(tag.name for tag in article.tags.all())

    @admin.display(description=_("visibility"), ordering="status")
    def visibility(self, article):
        if article.is_published:
            return _("Visible to readers")
        if article.is_scheduled:
            return _("Scheduled")
        return _("Draft")

    def view_on_site(self, article):
        # Staff see drafts and scheduled articles on the site as a preview.
        return article.get_absolute_url()

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "function", "organisation", "is_blogger", "photo_thumbnail"]
    list_filter = ["is_blogger"]
    search_fields = ["name", "organisation", "function"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "function", "organisation", "photo", "photo_alt", "bio", "is_blogger"]

    @admin.display(description=_("photo"))
    def photo_thumbnail(self, speaker):
        if not speaker.photo:
            return "–"
        return format_html(
            '<img src="{}" alt="" width="40">',
            speaker.photo_160_jpeg.url,
        )


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


# Whitepapers and their requests have their own module; importing it registers them.
from articles import admin_whitepapers  # noqa: E402, F401
