import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from actions.synthetic import (
    SyntheticInUse,
    synthetic_analyze,
    synthetic_generate,
    synthetic_remove,
)


class Command(BaseCommand):
    help = (
        "Write N synthetic actions (every kind, with envoys, missions, citations and "
        "response chains) for benchmarks, in their own episode and source; the same "
        "seed gives the same data. --remove deletes every synthetic record."
    )

    def add_arguments(self, parser):
        parser.add_argument("--actions", type=int, default=100_000, help="Default: 100000.")
        parser.add_argument("--seed", type=int, default=1, help="Default: 1.")
        parser.add_argument(
            "--remove", action="store_true", help="Delete the synthetic data and stop."
        )

    def handle(self, *args, actions, seed, remove, verbosity, **options):
        started = time.perf_counter()
        if remove:
            try:
                counts = synthetic_remove()
            except SyntheticInUse as error:
                raise CommandError(str(error)) from error
            self.stdout.write(f"Removed {self._describe(counts)}.")
            return
        if actions < 1:
            raise CommandError("--actions must be positive.")
        with tqdm(
            total=actions, unit="action", disable=verbosity < 1, file=self.stderr._out
        ) as bar:
            try:
                counts = synthetic_generate(actions=actions, seed=seed, progress=bar.update)
            except SyntheticInUse as error:
                raise CommandError(str(error)) from error
        synthetic_analyze()
        self.stdout.write(
            f"Wrote {self._describe(counts)} (seed {seed}) "
            f"in {time.perf_counter() - started:.1f} s."
        )

    @staticmethod
    def _describe(counts):
        return ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in counts.items())
