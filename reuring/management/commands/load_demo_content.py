from django.core.management.base import BaseCommand

from articles.models import Article
from reuring.demo import admin_user, loader


class Command(BaseCommand):
    help = (
        "Create the demo content that is missing (series, speakers, articles with generated "
        "pictures, the site around them) and, with DEBUG on, a demo administrator. What exists "
        "is never changed, so running it again keeps every edit."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only load the content into a site without articles (what `make run` does), "
            "so demo articles an editor deleted stay deleted.",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and Article.objects.exists():
            self.stdout.write("Demo-inhoud niet geladen: de site heeft al artikelen.")
        else:
            loader.load(stdout=self.stdout, style=self.style)
        admin_user.load(stdout=self.stdout, style=self.style)
