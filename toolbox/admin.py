"""Admin building blocks shared by the apps."""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse

from toolbox.singleton import SINGLETON_PK


class RecordAdminMixin:
    """For records of what happened (a moderator's decision, a reader's request): staff may
    look at them and, where the admin allows it, erase them, but never add or change one."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class SingletonAdmin(admin.ModelAdmin):
    """For a SingletonModel: the list goes straight to the one record (or to adding it, the
    first time); it can be changed, not removed, and never added twice."""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and self.model.current() is None

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        opts = self.model._meta
        if self.model.current() is not None:
            name = f"admin:{opts.app_label}_{opts.model_name}_change"
            return redirect(reverse(name, args=[SINGLETON_PK]))
        return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
