from django.conf import settings
from django.core.management.base import BaseCommand

from comments.services import comment_data_erase_expired


class Command(BaseCommand):
    help = (
        "Erase commenters' e-mail addresses, and delete rejected comments and spam, "
        "COMMENTS_ERASE_EMAIL_AFTER_DAYS after moderation. Run it daily (cron or a timer)."
    )

    def handle(self, *args, **options):
        result = comment_data_erase_expired()
        self.stdout.write(
            f"Erased {result.emails_erased} e-mail address(es) and deleted "
            f"{result.comments_deleted} refused comment(s) moderated more than "
            f"{settings.COMMENTS_ERASE_EMAIL_AFTER_DAYS} days ago."
        )
