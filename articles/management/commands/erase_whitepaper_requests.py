"""Erase whitepaper requests (name, e-mail, organisation) past their retention period.

Run it daily, e.g. from cron: `python manage.py erase_whitepaper_requests`. The period is
REURING_WHITEPAPER_LEAD_DAYS (default 90 days), as the form tells readers.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from articles.models import WhitepaperLead


class Command(BaseCommand):
    help = "Erase whitepaper requests older than REURING_WHITEPAPER_LEAD_DAYS days."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Erase requests older than this many days instead (never more than the setting).",
        )

    def handle(self, *args, days=None, **options):
        # Erasing earlier is allowed; keeping longer than readers were told is not.
        limit = settings.REURING_WHITEPAPER_LEAD_DAYS
        days = limit if days is None else min(days, limit)
        erased, _ = WhitepaperLead.objects.past_retention(days=days).delete()
        self.stdout.write(f"Erased {erased} whitepaper request(s).")
