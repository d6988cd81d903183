"""Admin pieces shared by everything that is published: the state filter and column, and
review before publishing (the status choices, the form's rules, the actions).

Who may publish is the model's rule (`Publishable.check_publishing`); the form applies it to
every save, and offers writers only the statuses they may choose.
"""

import copy
from typing import TYPE_CHECKING, cast

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from articles.models import Publishable
from articles.models.publishing import WRITER_STATUSES, PublicationStatus, can_publish
from articles.review import (
    announce_submission,
    item_publish,
    item_send_back,
    item_submit,
    mark_submitted,
)
from toolbox.users import display_name

if TYPE_CHECKING:
    from django.contrib.admin.options import _FieldsetSpec

MOMENT_FIELDS = ("status", "publish_at", "unpublish_at")


class PublicationStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "visibility"

    def lookups(self, request, model_admin):
        return [
            ("live", _("Online")),
            ("scheduled", _("Scheduled")),
            ("review", _("Waiting for review")),
            ("sent_back", _("Sent back")),
            ("draft", _("Draft")),
            ("offline", _("Offline")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "live":
                return queryset.published()
            case "scheduled":
                return queryset.scheduled()
            case "review":
                return queryset.waiting_for_review()
            case "sent_back":
                return queryset.sent_back()
            case "draft":
                return queryset.drafts()
            case "offline":
                return queryset.offline()
        return queryset


@admin.display(description=_("state"), ordering="status")
def visibility(item: Publishable):
    return item.state_label()


class PublishingForm(forms.ModelForm):
    """Applies the publishing rules for the user who saves (set by PublishingAdmin)."""

    acting_user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # As stored, before this form changes it: what the rules compare with.
        self.stored = copy.copy(self.instance) if self.instance.pk else None
        if can_publish(self.acting_user):
            return
        if self.stored is not None and self.stored.status == PublicationStatus.PUBLISHED:
            # Writers may correct a published text, not take it back or move its moments.
            for name in MOMENT_FIELDS:
                if name in self.fields:
                    self.fields[name].disabled = True
        elif "status" in self.fields:
            status = cast(forms.ChoiceField, self.fields["status"])
            status.choices = [
                (value, label)
                for value, label in PublicationStatus.choices
                if value in WRITER_STATUSES
            ]

    def clean(self):
        cleaned = super().clean() or {}
        # The item as this save would leave it, for the model's rules.
        candidate = copy.copy(self.instance)
        for name in MOMENT_FIELDS:
            field = self.fields.get(name)
            if field is not None and not field.disabled and name in cleaned:
                setattr(candidate, name, cleaned[name])
            elif self.stored is not None:
                setattr(candidate, name, getattr(self.stored, name))
        for message in candidate.publishing_errors(user=self.acting_user, stored=self.stored):
            self.add_error("status" if "status" in self.fields else None, message)
        return cleaned


class SendBackForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it sent back?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The writer sees this on the edit page."),
    )


class PublishingAdmin(admin.ModelAdmin):
    """Review before publishing for ArticleAdmin and WhitepaperAdmin."""

    actions = ["submit_selected", "publish_selected"]

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def restore_refusal(self, request, obj):
        """A restored version is a change like any other: a writer cannot publish, schedule
        or take back by restoring (asked by toolbox.history with the old values applied)."""
        errors = obj.publishing_errors(user=request.user, stored=obj.stored_copy())
        return " ".join(errors) or None

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (PublishingForm, form), {"acting_user": request.user})

    def save_model(self, request, obj, form, change):
        stored = getattr(form, "stored", None)
        if stored is not None:
            # A locked field comes back as its initial value, without microseconds.
            for name in MOMENT_FIELDS:
                if name in form.fields and form.fields[name].disabled:
                    setattr(obj, name, getattr(stored, name))
        entering_review = obj.status == PublicationStatus.REVIEW and (
            stored is None or stored.status != PublicationStatus.REVIEW
        )
        if entering_review:
            mark_submitted(obj, user=request.user)
        elif obj.status == PublicationStatus.PUBLISHED:
            obj.review_note = ""
        super().save_model(request, obj, form, change)
        if entering_review:
            announce_submission(item=obj, user=request.user)

    # --- The state on the edit page, with the way to send it back

    @admin.display(description=_("state"))
    def publication_state(self, obj):
        if obj is None or obj.pk is None:
            return _("Draft")
        state = obj.state_label()
        if obj.status == PublicationStatus.DRAFT and obj.review_note:
            return format_html(
                '{}<div class="review-note"><strong>{}</strong> {}</div>',
                state,
                _("Sent back by the final editors:"),
                obj.review_note,
            )
        return state

    @admin.display(description=_("state"))
    def publication_state_for_publishers(self, obj):
        """The state, with the way to send back what waits for review (final editors)."""
        state = self.publication_state(obj)
        if obj is None or obj.pk is None or obj.status != PublicationStatus.REVIEW:
            return state
        send_back = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_send_back", args=[obj.pk]
        )
        return format_html(
            '{} <a class="button" href="{}">{}</a><div class="help">{}</div>',
            state,
            send_back,
            _("Send back to the writer"),
            _("Or choose Published and save to publish it."),
        )

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "publication_state_for_publishers"]

    def get_fieldsets(self, request, obj=None) -> "_FieldsetSpec":
        fieldsets = super().get_fieldsets(request, obj)
        if not self.has_publish_permission(request):
            return fieldsets
        # Final editors see the state with the send-back button.
        swapped: list = []
        for title, options in fieldsets:
            fields = [
                "publication_state_for_publishers" if name == "publication_state" else name
                for name in options.get("fields", ())
            ]
            swapped.append((title, {**options, "fields": fields}))
        return swapped

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<int:pk>/terugsturen/",
                self.admin_site.admin_view(self.send_back_view),
                name="{}_{}_send_back".format(*info),
            ),
            *super().get_urls(),
        ]

    def send_back_view(self, request, pk):
        if not self.has_publish_permission(request):
            raise PermissionDenied
        item = get_object_or_404(self.model, pk=pk)
        change_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[item.pk]
        )
        form = SendBackForm(request.POST or None)
        if item.status != PublicationStatus.REVIEW:
            self.message_user(request, _("Only what waits for review can be sent back."))
            return HttpResponseRedirect(change_url)
        if request.method == "POST" and form.is_valid():
            item_send_back(item=item, user=request.user, reason=form.cleaned_data["reason"])
            self.message_user(request, self._sent_back_message(item), messages.SUCCESS)
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Send back: %(title)s") % {"title": item.title},
            "item": item,
            "form": form,
            "opts": self.opts,
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/articles/send_back.html", context)

    def _sent_back_message(self, item) -> str:
        writer = item.writer_to_tell()
        if writer is None:
            return gettext("Sent back to the writer as a draft, with your reason.")
        return gettext(
            "Sent back to the writer as a draft, with your reason. %(writer)s gets it by e-mail."
        ) % {"writer": display_name(writer)}

    # --- Actions

    @admin.action(permissions=["change"], description=_("Submit selected for review"))
    def submit_selected(self, request, queryset):
        count = 0
        with transaction.atomic():
            for item in queryset.filter(status=PublicationStatus.DRAFT):
                item_submit(item=item, user=request.user)
                count += 1
        message = ngettext("%d item submitted for review.", "%d items submitted for review.", count)
        self.message_user(request, message % count, messages.SUCCESS)

    @admin.action(permissions=["publish"], description=_("Publish selected (or schedule them)"))
    def publish_selected(self, request, queryset):
        count = 0
        with transaction.atomic():
            for item in queryset.exclude(status=PublicationStatus.PUBLISHED):
                item_publish(item=item, user=request.user)
                count += 1
        message = ngettext(
            "%d item published or scheduled.", "%d items published or scheduled.", count
        )
        self.message_user(request, message % count, messages.SUCCESS)
