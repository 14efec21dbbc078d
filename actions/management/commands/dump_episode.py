"""Write an episode back to its fixture file, with every record it needs.

An edit made in the admin or through the API is kept by `load_fixtures` (it
never overwrites a changed record) and reported; this command writes the
episode as it now is to fixtures/<slug>.yaml, in the order the loader needs
(the episode, its sources, missions and envoys, then each action after the
one it answers, each followed by its citations), so that the edit can be
reviewed and committed.
"""

from pathlib import Path

import yaml
from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand, CommandError

from actions.models import Action, Citation, Episode, Source
from diplomacy.models import Envoy, Mission

# Identifiers of this copy of the dataset, not of the records: never in a file.
LOCAL_FIELDS = {"version"}


def _records(objects) -> list[dict]:
    records = serializers.serialize(
        "python", objects, use_natural_foreign_keys=True, use_natural_primary_keys=True
    )
    for record in records:
        record.pop("pk", None)
        for name in LOCAL_FIELDS:
            record["fields"].pop(name, None)
    return records


def _answers_after_answered(actions: list[Action]) -> list[Action]:
    """In date order, except that an action comes after the action it answers."""
    placed, ordered = set(), []
    pending = sorted(actions, key=lambda action: (action.date, action.pk))
    while pending:
        waiting = []
        for action in pending:
            answered = action.in_response_to_id
            if answered is None or answered in placed or answered not in {
                other.pk for other in actions
            }:
                ordered.append(action)
                placed.add(action.pk)
            else:
                waiting.append(action)
        if len(waiting) == len(pending):  # a cycle cannot be stored; keep going
            ordered += waiting
            break
        pending = waiting
    return ordered


def episode_records(episode: Episode) -> list[dict]:
    actions = list(Action.objects.filter(episode=episode).prefetch_related("envoys"))
    citations = Citation.objects.filter(action__in=actions).order_by("action", "id")
    envoys = Envoy.objects.filter(actions__in=actions).distinct().order_by("id")
    missions = Mission.objects.filter(
        id__in={envoy.mission_id for envoy in envoys} | {action.mission_id for action in actions}
    ).order_by("id")
    sources = Source.objects.filter(citations__in=citations).distinct().order_by("id")
    by_action = {}
    for citation in citations:
        by_action.setdefault(citation.action_id, []).append(citation)
    records = _records([episode, *sources, *missions, *envoys])
    for action in _answers_after_answered(actions):
        records += _records([action, *by_action.get(action.pk, [])])
    return records


class Command(BaseCommand):
    help = "Write an episode, as it now is in the database, to fixtures/<slug>.yaml."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="Slug of the episode, e.g. france-mali-2025.")
        parser.add_argument(
            "--output", help="File to write (default: fixtures/<slug>.yaml)."
        )

    def handle(self, *args, slug, output=None, **options):
        episode = Episode.objects.filter(slug=slug).first()
        if episode is None:
            raise CommandError(f"No episode with the slug {slug!r}.")
        path = Path(output or Path(settings.BASE_DIR) / "fixtures" / f"{slug}.yaml")
        records = episode_records(episode)
        with path.open("w", encoding="utf-8") as file:
            yaml.safe_dump(records, file, sort_keys=False, allow_unicode=True, width=100)
        actions = sum(record["model"] == "actions.action" for record in records)
        self.stdout.write(f"Wrote {len(records)} records ({actions} actions) to {path}.")
