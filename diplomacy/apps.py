from django.apps import AppConfig


class DiplomacyConfig(AppConfig):
    name = "diplomacy"
    verbose_name = "States, missions and envoys"

    def ready(self):
        from diplomacy import checks  # noqa: F401  (registers deployment checks)
        from diplomacy.api import schema  # noqa: F401  (registers schema extensions)
        from diplomacy.deletions import deletions_track
        from diplomacy.models import Envoy, Mission, State
        from diplomacy.response_cache import track_dataset_writes

        deletions_track(State, resource="states", key="code")
        deletions_track(Mission, resource="missions")
        deletions_track(Envoy, resource="envoys")
        track_dataset_writes()
