import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reuring.settings")
django_application = get_wsgi_application()

# Imported once Django is set up: a stored page is served before Django's handler.
from reuring.page_cache import serve_stored_pages_first  # noqa: E402

application = serve_stored_pages_first(django_application)
