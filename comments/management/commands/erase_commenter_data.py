from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from comments.models import Comment
from comments.services import commenter_erase


class Command(BaseCommand):
    help = (
        "Erase everything stored about one commenter (a data-subject request): every comment "
        "sent with this e-mail address, with its name and text. Replies by others stay."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True, help="The commenter's e-mail address.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only say how many comments would be erased.",
        )

    def handle(self, *args, email, dry_run, **options):
        try:
            validate_email(email.strip())
        except ValidationError:
            raise CommandError(f"{email!r} is not an e-mail address.") from None
        if dry_run:
            count = Comment.objects.by_email(email).count()
            self.stdout.write(f"Would erase {count} comment(s) sent with {email}.")
            return
        count = commenter_erase(email=email)
        self.stdout.write(f"Erased {count} comment(s) sent with {email}.")
