from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "actions"
    verbose_name = "Diplomatic actions"

    def ready(self):
        from actions.models import Action, Episode, Source
        from diplomacy.deletions import deletions_track

        deletions_track(Action, resource="actions")
        deletions_track(Episode, resource="episodes", key="slug")
        deletions_track(Source, resource="sources")
