from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "actions"
    verbose_name = "Diplomatic actions"

    def ready(self):
        from actions.models import Action, Episode, Source
        from actions.releases import release_moment
        from diplomacy.as_of.moments import named_moments_register
        from diplomacy.deletions import deletions_track

        deletions_track(Action, resource="actions")
        deletions_track(Episode, resource="episodes", key="slug")
        deletions_track(Source, resource="sources")
        # `?as_of=2026.1`: a release's name stands for its moment.
        named_moments_register(release_moment)
