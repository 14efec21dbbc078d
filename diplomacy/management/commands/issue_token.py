import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from knox.models import AuthToken


class Command(BaseCommand):
    help = (
        "Issue a new API token for USERNAME and print it. Only a hash of the token is "
        "stored: it cannot be shown again. --revoke revokes every token of the user."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--expires",
            type=int,
            metavar="DAYS",
            default=settings.REST_KNOX["TOKEN_TTL"].days,
            help="Days until the token expires (default: %(default)s).",
        )
        parser.add_argument(
            "--revoke",
            action="store_true",
            help="Revoke every token of the user instead of issuing one.",
        )

    def handle(self, *args, username, expires, revoke, **options):
        User = get_user_model()
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist as error:
            raise CommandError(
                f"No user named {username!r}; create one with createsuperuser."
            ) from error
        if revoke:
            count, _ = AuthToken.objects.filter(user=user).delete()
            self.stdout.write(f"{count} token(s) of {username} revoked.")
            return
        if expires < 1:
            raise CommandError("--expires must be at least 1 day.")
        _, key = AuthToken.objects.create(user=user, expiry=datetime.timedelta(days=expires))
        self.stdout.write(key)
