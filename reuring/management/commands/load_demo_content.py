from django.core.management.base import BaseCommand

from reuring.demo import LOADERS


class Command(BaseCommand):
    help = (
        "Create or update the demo content: series, speakers, articles with generated images, "
        "and (only with DEBUG on) a demo administrator. Safe to run again: nothing is duplicated."
    )

    def handle(self, *args, **options):
        for load in LOADERS:
            load(stdout=self.stdout, style=self.style)
