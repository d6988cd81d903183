from django.core.management.base import BaseCommand

from toolbox.autosave import delete_expired_drafts


class Command(BaseCommand):
    help = (
        "Delete the unsaved texts the admin kept for editors (autosave) that are older than "
        "REURING_AUTOSAVE_DAYS days."
    )

    def handle(self, *args, **options):
        deleted = delete_expired_drafts()
        self.stdout.write(f"Niet-opgeslagen teksten verwijderd: {deleted}.")
