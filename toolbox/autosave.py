"""Text is never lost: the admin form keeps what an editor types on the server.

`static/toolbox/autosave.js` posts the form every few seconds while it changes (to
`<object>/autosave/`, CSRF-protected, per editor and item). A failed save (a validation
error) keeps what was posted the same way. Opening the form again shows a message with
"Terugzetten", which fills the form with what was typed, inline rows (speakers) included.
If the session expired, the script keeps the text in the tab
(sessionStorage) and sends it as soon as the editor is logged in again. Saving the item
deletes the draft; drafts are deleted after `REURING_AUTOSAVE_DAYS` days in any case
(on every autosave, and by `manage.py delete_expired_drafts`).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponseRedirect, JsonResponse, QueryDict
from django.urls import path
from django.utils import formats, timezone
from django.utils.datastructures import MultiValueDict
from django.utils.html import format_html
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from toolbox.models import Draft
from toolbox.params import TextParameter

RESTORE_PARAMETER = TextParameter("concept", max_length=20)
RESTORE_VALUE = "terugzetten"
# Form fields that say how to save, not what was typed.
_NOT_TYPED = {"csrfmiddlewaretoken", "_save", "_continue", "_addanother", "_saveasnew"}


def expiry_moment():
    return timezone.now() - timedelta(days=settings.REURING_AUTOSAVE_DAYS)


def delete_expired_drafts() -> int:
    deleted, _ = Draft.objects.filter(saved_at__lt=expiry_moment()).delete()
    return deleted


def typed_data(post: QueryDict) -> dict[str, list[str]]:
    return {key: post.getlist(key) for key in post if key not in _NOT_TYPED}


class AutosaveAdminMixin(admin.ModelAdmin):
    """Autosave, and a restore prompt, for the add and change forms of a model admin."""

    class Media:
        js = ["toolbox/autosave.js"]

    def get_urls(self):
        opts = self.opts
        name = f"{opts.app_label}_{opts.model_name}_autosave"
        view = csrf_protect(require_POST(self.autosave_view))
        return [
            path("add/autosave/", view, name=name + "_new"),
            path("<path:object_id>/autosave/", view, name=name),
            *super().get_urls(),
        ]

    # --- Which draft

    def _draft_key(self, request, object_id) -> dict:
        return {
            "user": request.user,
            "content_type": ContentType.objects.get_for_model(self.model),
            "object_id": str(object_id or ""),
        }

    def _draft(self, request, object_id) -> Draft | None:
        return (
            Draft.objects.filter(**self._draft_key(request, object_id))
            .filter(saved_at__gte=expiry_moment())
            .first()
        )

    def _keep(self, request, object_id, data: dict) -> Draft:
        draft, _ = Draft.objects.update_or_create(
            **self._draft_key(request, object_id), defaults={"data": data}
        )
        return draft

    # --- The endpoint the script posts to

    def autosave_view(self, request, object_id=None):
        # Not behind admin_view: a script needs JSON, not a redirect to the login page.
        if not (request.user.is_active and request.user.is_staff):
            return JsonResponse({"error": "login"}, status=401)
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        allowed = (
            self.has_change_permission(request, obj)
            if object_id
            else self.has_add_permission(request)
        )
        if (object_id and obj is None) or not allowed:
            return JsonResponse({"error": "forbidden"}, status=403)
        delete_expired_drafts()
        draft = self._keep(request, object_id, typed_data(request.POST))
        moment = formats.time_format(timezone.localtime(draft.saved_at), "H:i:s")
        return JsonResponse(
            {"message": gettext("Unsaved text kept at %(moment)s.") % {"moment": moment}}
        )

    # --- The form: keep on a failed save, forget on success, offer to restore

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "GET" and RESTORE_PARAMETER.read(request) == RESTORE_VALUE:
            request._autosave_restore = self._draft(request, object_id)
        response = super().changeform_view(request, object_id, form_url, extra_context)
        if request.method == "POST" and isinstance(response, HttpResponseRedirect):
            Draft.objects.filter(**self._draft_key(request, object_id)).delete()
        elif request.method == "POST" and response.status_code == 200:
            self._keep(request, object_id, typed_data(request.POST))
        elif request.method == "GET" and not getattr(request, "_autosave_restore", None):
            self._offer_restore(request, object_id)
        return response

    def _offer_restore(self, request, object_id) -> None:
        draft = self._draft(request, object_id)
        if draft is None:
            return
        moment = formats.date_format(timezone.localtime(draft.saved_at), "DATETIME_FORMAT")
        messages.warning(
            request,
            format_html(
                '{} <a class="autosave-restore" href="?{}={}">{}</a>',
                gettext("You have unsaved text from %(moment)s.") % {"moment": moment},
                RESTORE_PARAMETER.name,
                RESTORE_VALUE,
                gettext("Restore it"),
            ),
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        draft = getattr(request, "_autosave_restore", None)
        if draft is None:
            return form_class
        messages.info(
            request, gettext("The text you typed is back. Check it, then save to keep it.")
        )
        return _restoring(form_class, draft.data)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        """Inline rows come back as typed: the formset is bound to the draft, so added,
        changed, reordered and deleted rows show as they were (with any mistakes marked)."""
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        draft = getattr(request, "_autosave_restore", None)
        # A draft kept before this inline was on the form has no rows for it.
        if request.method == "GET" and draft and f"{prefix}-TOTAL_FORMS" in draft.data:
            kwargs["data"] = MultiValueDict(draft.data)
        return kwargs


def _restoring(form_class, data: dict[str, list[str]]):
    """`form_class`, showing `data` (posted form values) instead of the stored ones."""
    posted = MultiValueDict(data)

    class RestoringForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if self.is_bound:
                return
            for name, field in self.fields.items():
                if getattr(field.widget, "input_type", None) == "file":
                    continue
                key = self.add_prefix(name)
                if not any(k == key or k.startswith(key + "_") for k in data):
                    continue
                self.initial[name] = field.widget.value_from_datadict(posted, {}, key)

    return RestoringForm
