from django.core.management.base import BaseCommand

from diplomacy.states import states_load


class Command(BaseCommand):
    help = "Load every ISO 3166-1 state and the historic ISO 3166-3 ones. Safe to run twice."

    def handle(self, *args, **options):
        count = states_load()
        self.stdout.write(f"{count} states loaded.")
