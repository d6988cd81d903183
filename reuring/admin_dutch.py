"""Dutch for what Django and the apps we use leave in English, or say clumsily, in the admin.

Nothing imports this module. It only names the apps' own message ids, so that
`makemessages` keeps them in locale/nl/LC_MESSAGES/django.po, where our translations win
over the apps' (LOCALE_PATHS comes first). The words in the admin's scripts (calendar, time
zone note, the rich-text editor) are in locale/nl/LC_MESSAGES/djangojs.po.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

# Django 6.1 strings its Dutch catalogue has not translated yet.
DJANGO_UNTRANSLATED = [
    gettext_noop("- Select an option -"),
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop("Search %(name)s"),
    gettext_noop("Pagination %(name)s"),
    gettext_noop("Pagination %(name)s entries"),
    gettext_noop("Forgotten your login credentials?"),
    gettext_noop("Logout"),
    gettext_noop('The app "%s" could not be found.'),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would result in deleting "
        "related objects, but your account doesn't have permission to delete the "
        "following types of objects:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would require deleting the "
        "following protected related objects:"
    ),
    gettext_noop(
        "Are you sure you want to delete the %(object_name)s “%(escaped_object)s”? "
        "All of the following related items will be deleted:"
    ),
]
MORE_OBJECTS = ngettext_lazy("…and %(count)d more object.", "…and %(count)d more objects.", "count")

# Django's Dutch says "De {name} ...", wrong for "het" words (het artikel, het
# trefwoord): these messages name the kind after the object instead.
SAVED_MESSAGES = [
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("The %(name)s “%(obj)s” was deleted successfully."),
]

# django-taggit: its app name and its messages.
TAGGIT = [
    gettext_noop("Taggit"),
    gettext_noop('Expected a list of items but got type "{input_type}".'),
    gettext_noop("Invalid json list. A tag list submitted in string form must be valid json."),
    gettext_noop("All list items must be of string type."),
]

# django-tasks-db: the task results a superuser sees (its model and field names).
TASK_RESULTS = [
    gettext_noop("Task Result"),
    gettext_noop("Task Results"),
    gettext_noop("enqueued at"),
    gettext_noop("started at"),
    gettext_noop("finished at"),
    gettext_noop("args kwargs"),
    gettext_noop("priority"),
    gettext_noop("task path"),
    gettext_noop("worker id"),
    gettext_noop("queue name"),
    gettext_noop("backend name"),
    gettext_noop("run after"),
    gettext_noop("return value"),
    gettext_noop("exception class path"),
    gettext_noop("traceback"),
]
