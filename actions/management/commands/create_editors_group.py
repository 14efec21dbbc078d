from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from actions.editors import EDITORS_GROUP, editors_group_sync


class Command(BaseCommand):
    help = (
        f'Create the "{EDITORS_GROUP}" group with exactly the permissions data entry needs '
        "(or reset them). Safe to run twice. --add USERNAME makes a user staff and an editor."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--add", metavar="USERNAME", action="append", default=[],
            help="Make this existing user a staff member of the group (repeatable).",
        )

    def handle(self, *args, add, **options):
        User = get_user_model()
        users = []
        for username in add:
            try:
                users.append(User.objects.get(username=username))
            except User.DoesNotExist as error:
                raise CommandError(
                    f"No user named {username!r}; create one with createsuperuser or "
                    "the admin first."
                ) from error
        group = editors_group_sync()
        self.stdout.write(f'Group "{group.name}": {group.permissions.count()} permissions.')
        for user in users:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            user.groups.add(group)
            self.stdout.write(f"{user.username} is an editor.")
