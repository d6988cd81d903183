"""History and rollback for what staff edit in the admin, on django-reversion.

Every save in an admin that uses `HistoryAdminMixin` stores a version of the object,
with the rows it follows (an article's speakers, its tags), the user and the moment.
The history page lists the versions newest first, each with a readable list of what
changed (long texts word by word, see toolbox.textdiff); "Terugzetten" opens a
confirmation page showing what the restore will change, and confirming saves the old
values through the model's own rules: `full_clean()` and `save()` (so rich text is
sanitised again), plus whatever the admin refuses in `restore_refusal`.

Register a model with `register_history` (not `reversion.register`): it leaves tag
managers out of the serialised fields and follows them instead, which is how the tags
of a version are kept.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django_stubs_ext import StrOrPromise
from reversion.models import Version
from taggit.managers import TaggableManager

from toolbox.richtext import RichTextField
from toolbox.textdiff import readable_text, word_diff

# The history page shows this many versions; older ones stay stored.
SHOWN_VERSIONS = 50


def _tag_fields(model: type[models.Model]) -> list[TaggableManager]:
    return [f for f in model._meta.get_fields() if isinstance(f, TaggableManager)]


def register_history(model: type[models.Model], *, follow: Sequence[str] = ()) -> None:
    """Keep versions of `model`, with the related rows named in `follow` (reverse
    foreign keys, whose models must be registered too). Tags are followed by themselves."""
    tags = _tag_fields(model)
    for field in tags:
        tag_model = field.remote_field.model
        if not reversion.is_registered(tag_model):
            reversion.register(tag_model)
    if not reversion.is_registered(model):
        reversion.register(
            model,
            exclude=[field.name for field in tags],
            follow=[*follow, *(field.name for field in tags)],
        )


def add_first_versions(objects: Iterable[models.Model], *, comment: str) -> int:
    """A first version for each object that has none (content loaded by a script),
    one revision per object so that its followed rows are its own."""
    added = 0
    for obj in objects:
        if Version.objects.get_for_object(obj).exists():
            continue
        with reversion.create_revision(manage_manually=True):
            reversion.add_to_revision(obj)
            reversion.set_comment(comment)
        added += 1
    return added


# --- Turning stored values into what people read --------------------------------------


@dataclass(frozen=True)
class Value:
    label: str
    text: str
    is_long: bool = False


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str
    diff: str = ""  # a word-level diff for long texts, as safe HTML


def shown_fields(model: type[models.Model]) -> list:
    """The fields an editor changes: editable, not the key, not a timestamp."""
    return [
        field
        for field in model._meta.get_fields()
        if getattr(field, "editable", False)
        and getattr(field, "concrete", False)
        and not getattr(field, "primary_key", False)
        and not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
        and not isinstance(field, TaggableManager)
    ]


class NameBook:
    """The names of related objects (a series, a user) for one page of versions: each
    object is read once, however many versions point at it."""

    def __init__(self):
        self._known: dict[tuple[type[models.Model], object], str | None] = {}

    def names(self, model: type[models.Model], pks: Iterable) -> list[str]:
        pks = list(pks)
        missing = [pk for pk in pks if (model, pk) not in self._known]
        if missing:
            self._known.update(dict.fromkeys(((model, pk) for pk in missing), None))
            for obj in model._default_manager.filter(pk__in=missing):
                self._known[(model, obj.pk)] = str(obj)
        found = (self._known[(model, pk)] for pk in pks)
        return sorted(name for name in found if name is not None)


def _display(field: models.Field, value, book: NameBook) -> Value:
    label = str(field.verbose_name)
    if isinstance(field, models.ManyToManyField):
        return Value(label, ", ".join(book.names(field.related_model, value or [])))
    if value in (None, ""):
        return Value(label, "")
    if isinstance(field, models.ForeignKey):
        names = book.names(field.related_model, [value])
        return Value(label, names[0] if names else gettext("(deleted)"))
    if field.choices:
        return Value(label, str(dict(field.flatchoices).get(value, value)))
    if isinstance(field, models.BooleanField):
        return Value(label, gettext("yes") if value else gettext("no"))
    if isinstance(field, models.DateTimeField) and isinstance(value, datetime):
        return Value(label, formats.date_format(timezone.localtime(value), "DATETIME_FORMAT"))
    if isinstance(value, FieldFile):
        return Value(label, value.name.rsplit("/", 1)[-1] if value.name else "")
    if isinstance(field, RichTextField):
        return Value(label, readable_text(value), is_long=True)
    if isinstance(field, models.TextField):
        return Value(label, str(value), is_long=True)
    if isinstance(value, (list, dict)):
        return Value(label, ", ".join(map(str, value)) if isinstance(value, list) else str(value))
    return Value(label, str(value))


def _row_text(obj: models.Model, parent_field: str) -> str:
    """A followed row as one line: its name, then its other short values."""
    details = [
        str(getattr(obj, field.attname))
        for field in shown_fields(type(obj))
        if isinstance(field, models.CharField) and field.attname != parent_field
        if getattr(obj, field.attname)
    ]
    return f"{obj} ({', '.join(details)})" if details else str(obj)


@dataclass
class Snapshot:
    """An object's values as people read them, keyed by field name, in form order."""

    values: dict[str, Value]

    def changes_to(self, other: "Snapshot") -> list[Change]:
        changes = []
        for key, new in other.values.items():
            old = self.values.get(key, Value(new.label, ""))
            if old.text == new.text:
                continue
            diff = word_diff(old.text, new.text) if new.is_long or old.is_long else ""
            changes.append(Change(new.label, old.text, new.text, diff))
        return changes


class Versioned:
    """The values of one stored version of `obj`, and of its followed rows."""

    def __init__(self, obj: models.Model, version: Version, follow: Sequence[str]):
        self.obj, self.version, self.follow = obj, version, follow

    def fields(self) -> dict:
        return self.version.field_dict

    def rows(self, name: str) -> list[models.Model]:
        """The rows of relation `name` stored with this version, in their order (from the
        revision's versions, prefetched by the history page)."""
        manager = getattr(self.obj, name)
        related = _related_model(self.obj, name)
        content_type = ContentType.objects.get_for_model(related)
        stored = self.version.revision.version_set.all()
        rows = [v._object_version.object for v in stored if v.content_type_id == content_type.pk]
        parent = _parent_field(manager)
        if parent:
            rows = [row for row in rows if getattr(row, parent) == self.obj.pk]
        ordering = related._meta.ordering or ["pk"]
        key = str(ordering[0]).lstrip("-")
        return sorted(rows, key=lambda row: (getattr(row, key, 0) or 0, row.pk or 0))


def _related_model(obj: models.Model, name: str) -> type[models.Model]:
    """The model of the rows in relation `name` (a tag manager's `.model` is the owner)."""
    field = next((f for f in _tag_fields(type(obj)) if f.name == name), None)
    if field is not None:
        return field.remote_field.model
    return getattr(obj, name).model


def _parent_field(manager) -> str | None:
    """The attname of the foreign key back to the object, for reverse foreign keys."""
    field = getattr(manager, "field", None)
    return field.attname if field is not None else None


def current_fields(obj: models.Model) -> dict:
    """The object's values as they are now, keyed like a version's `field_dict`."""
    values = {}
    for field in shown_fields(type(obj)):
        if isinstance(field, models.ManyToManyField):
            values[field.attname] = list(getattr(obj, field.name).values_list("pk", flat=True))
        else:
            values[field.attname] = getattr(obj, field.attname)
    return values


def load_foreign_keys(rows: Iterable[models.Model]) -> None:
    """Read what the rows' foreign keys point at in one query per key (a speaker row's
    speaker), instead of one per row when they are shown."""
    by_field: dict[models.ForeignKey, list[models.Model]] = {}
    for row in rows:
        for field in row._meta.concrete_fields:
            if isinstance(field, models.ForeignKey) and not field.is_cached(row):
                by_field.setdefault(field, []).append(row)
    for field, pointing in by_field.items():
        targets = field.related_model._default_manager.in_bulk(
            {getattr(row, field.attname) for row in pointing} - {None}
        )
        for row in pointing:
            target = targets.get(getattr(row, field.attname))
            if target is not None:
                field.set_cached_value(row, target)


def snapshot(
    model: type[models.Model],
    fields: dict,
    rows: dict[str, tuple[str, list[str]]],
    book: NameBook | None = None,
) -> Snapshot:
    book = book or NameBook()
    values = {}
    for field in shown_fields(model):
        if field.attname in fields:
            values[field.name] = _display(field, fields[field.attname], book)
    for name, (label, lines) in rows.items():
        values[name] = Value(label, "\n".join(lines))
    return Snapshot(values)


# --- The admin ------------------------------------------------------------------------


@dataclass
class Entry:
    version: Version
    changes: list[Change]
    is_first: bool
    is_current: bool = False  # the object is still exactly as this version


class HistoryAdminMixin(admin.ModelAdmin):
    """Versions on every save, the history page with what changed, and restoring a
    version after a confirmation. Register the model with `register_history` first."""

    # Followed relations shown and restored with the object: {name: label}.
    history_relations: Mapping[str, StrOrPromise] = {}
    object_history_template = "toolbox/admin/history.html"
    restore_template = "toolbox/admin/restore.html"

    def get_urls(self):
        opts = self.opts
        name = f"{opts.app_label}_{opts.model_name}_restore"
        restore = path(
            "<path:object_id>/history/<int:version_id>/restore/",
            self.admin_site.admin_view(self.restore_view),
            name=name,
        )
        return [restore, *super().get_urls()]

    # Every save in the admin keeps a version: the object with its followed rows, taken
    # after the inlines and many-to-many fields were saved (manage_manually: not earlier).
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with reversion.create_revision(manage_manually=True):
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        with reversion.create_revision(manage_manually=True):
            reversion.set_user(request.user)
            return super().changelist_view(request, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if reversion.is_active():
            reversion.add_to_revision(form.instance)
            reversion.set_comment(gettext("Changed") if change else gettext("Added"))

    # --- Reading versions

    def _tag_relations(self) -> dict[str, str]:
        return {f.name: str(f.verbose_name) for f in _tag_fields(self.model)}

    def _relations(self) -> dict[str, str]:
        return {**{k: str(v) for k, v in self.history_relations.items()}, **self._tag_relations()}

    def version_snapshots(
        self, obj, versions: Sequence[Version], book: NameBook | None = None
    ) -> list[Snapshot]:
        """What each version held, as people read it; a fixed number of queries however
        many versions (their revisions' rows prefetched, names read once)."""
        relations = self._relations()
        stored = [Versioned(obj, version, list(relations)) for version in versions]
        rows = [{name: versioned.rows(name) for name in relations} for versioned in stored]
        load_foreign_keys(row for held in rows for kept in held.values() for row in kept)
        book = book or NameBook()
        return [
            snapshot(
                self.model,
                versioned.fields(),
                {
                    name: (label, self._row_lines(obj, name, held[name]))
                    for name, label in relations.items()
                },
                book,
            )
            for versioned, held in zip(stored, rows, strict=True)
        ]

    def version_snapshot(self, obj, version: Version) -> Snapshot:
        return self.version_snapshots(obj, [version])[0]

    def current_snapshot(self, obj, book: NameBook | None = None) -> Snapshot:
        relations = self._relations()
        held = {name: list(getattr(obj, name).all()) for name in relations}
        load_foreign_keys(row for kept in held.values() for row in kept)
        rows = {
            name: (label, self._row_lines(obj, name, held[name]))
            for name, label in relations.items()
        }
        return snapshot(self.model, current_fields(obj), rows, book)

    def _row_lines(self, obj, name: str, rows: list) -> list[str]:
        manager = getattr(obj, name)
        if name in self._tag_relations():
            return sorted(str(row) for row in rows)
        parent = _parent_field(manager) or ""
        return [_row_text(row, parent) for row in rows]

    def history_entries(self, obj) -> list[Entry]:
        versions = list(
            Version.objects.get_for_object(obj)
            .select_related("revision__user")
            .prefetch_related("revision__version_set")
            .order_by("-revision__date_created", "-pk")[: SHOWN_VERSIONS + 1]
        )
        book = NameBook()
        snapshots = self.version_snapshots(obj, versions, book)
        # Saved without the admin (a script, an import) since the newest version?
        newest_is_current = bool(snapshots) and not self.current_snapshot(obj, book).changes_to(
            snapshots[0]
        )
        entries = []
        for index, version in enumerate(versions[:SHOWN_VERSIONS]):
            older = snapshots[index + 1] if index + 1 < len(snapshots) else None
            changes = older.changes_to(snapshots[index]) if older else []
            is_current = index == 0 and newest_is_current
            entries.append(Entry(version, changes, is_first=older is None, is_current=is_current))
        return entries

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)  # type: ignore[attr-defined]
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("History of “%s”") % obj,
            "subtitle": None,
            "opts": self.opts,
            "object": obj,
            "entries": self.history_entries(obj),
            "can_restore": self.has_change_permission(request, obj),
            "restore_url_name": f"admin:{self.opts.app_label}_{self.opts.model_name}_restore",
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_template, context)

    # --- Restoring

    def restore_refusal(self, request, obj) -> str | None:
        """Why this user may not save `obj` as restored (a Dutch sentence), or None.
        Admins with extra rules (who may publish) define `restore_refusal` in a base
        class after this mixin; it is asked too."""
        if not self.has_change_permission(request, obj):
            return gettext("You may not change this item.")
        further = getattr(super(), "restore_refusal", None)
        return further(request, obj) if further else None

    def restore_view(self, request, object_id, version_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)  # type: ignore[attr-defined]
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_for_object(obj), pk=version_id)
        changes = self.current_snapshot(obj).changes_to(self.version_snapshot(obj, version))
        errors: list[str] = []
        if request.method == "POST" and changes:
            errors = self.restore(request, obj, version)
            if not errors:
                moment = formats.date_format(
                    timezone.localtime(version.revision.date_created), "DATETIME_FORMAT"
                )
                self.message_user(
                    request,
                    gettext("The version of %(moment)s is back; the history keeps the one before.")
                    % {"moment": moment},
                    messages.SUCCESS,
                )
                info = (self.opts.app_label, self.opts.model_name)
                return HttpResponseRedirect(
                    reverse("admin:{}_{}_change".format(*info), args=[obj.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Restore an earlier version"),
            "subtitle": None,
            "opts": self.opts,
            "object": obj,
            "version": version,
            "changes": changes,
            "errors": errors,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.restore_template, context)

    def restore(self, request, obj, version: Version) -> list[str]:
        """Save `obj` with the values of `version`, through the model's rules. Returns
        the reasons it was refused (nothing is changed then), or an empty list."""
        stored = Versioned(obj, version, list(self._relations()))
        fields = stored.fields()
        moment = formats.date_format(
            timezone.localtime(version.revision.date_created), "DATETIME_FORMAT"
        )
        try:
            with reversion.create_revision(manage_manually=True):
                skipped = _apply_fields(obj, fields)
                obj.full_clean(exclude=skipped)
                refusal = self.restore_refusal(request, obj)
                if refusal:
                    raise ValidationError(refusal)
                obj.save()
                _apply_many_to_many(obj, fields)
                for name in self._relations():
                    self._restore_rows(obj, name, stored.rows(name))
                comment = gettext("Restored the version of %(moment)s") % {"moment": moment}
                reversion.add_to_revision(obj)
                reversion.set_user(request.user)
                reversion.set_comment(comment)
        except ValidationError as error:
            obj.refresh_from_db()
            return _messages_of(error, type(obj))
        self.log_change(request, obj, comment)
        return []

    def _restore_rows(self, obj, name: str, rows: list[models.Model]) -> None:
        manager = getattr(obj, name)
        if name in self._tag_relations():
            manager.set([str(row) for row in rows])
            return
        parent = _parent_field(manager)
        if parent is None:
            return
        keep = [row.pk for row in rows]
        manager.exclude(pk__in=keep).delete()
        for row in rows:
            setattr(row, parent, obj.pk)
            row.full_clean(exclude=[manager.field.name], validate_unique=False)
            row.save()


def _apply_fields(obj: models.Model, fields: dict) -> list[str]:
    """Set the stored values on `obj`; returns the fields left out of validation
    (files, which were checked on upload)."""
    skipped = []
    for field in shown_fields(type(obj)):
        if isinstance(field, models.ManyToManyField) or field.attname not in fields:
            continue
        value = fields[field.attname]
        if isinstance(field, models.FileField):
            skipped.append(field.name)
            name = value.name if isinstance(value, FieldFile) else value
            if name and not field.storage.exists(name):
                continue  # The file has gone: keep the current one.
            _restore_file_dimensions(obj, field, fields)
            value = name or ""
        setattr(obj, field.attname, value)
    return skipped


def _restore_file_dimensions(obj, field, fields: dict) -> None:
    for dimension in ("width_field", "height_field"):
        name = getattr(field, dimension, None)
        if name and name in fields:
            setattr(obj, name, fields[name])


def _apply_many_to_many(obj: models.Model, fields: dict) -> None:
    for field in shown_fields(type(obj)):
        if isinstance(field, models.ManyToManyField) and field.attname in fields:
            existing = field.related_model._default_manager.filter(pk__in=fields[field.attname])
            getattr(obj, field.name).set(existing)


def _messages_of(error: ValidationError, model: type[models.Model]) -> list[str]:
    """The reasons, each prefixed with the label of its field as the form shows it."""
    if not hasattr(error, "error_dict"):
        return [str(message) for message in error.messages]
    labels = {field.name: str(field.verbose_name) for field in shown_fields(model)}
    return [
        f"{labels.get(name, name)}: {message}" if name != "__all__" else str(message)
        for name, errors in error.message_dict.items()
        for message in errors
    ]
