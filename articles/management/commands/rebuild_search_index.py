from django.core.management.base import BaseCommand

from articles.search.backends import install
from articles.search.indexing import rebuild


class Command(BaseCommand):
    help = (
        "Index every article, blog post, speaker and whitepaper again for the site search. "
        "Saving in the admin keeps the index up to date; run this after changes made "
        "without saving (QuerySet.update, a restored database dump)."
    )

    def handle(self, *args, **options):
        install()  # Recreates what a table rebuild may have dropped (SQLite's triggers).
        total = rebuild()
        self.stdout.write(f"Zoekindex opnieuw opgebouwd: {total} onderdelen.")
