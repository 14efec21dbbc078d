from django.apps import AppConfig


class DiplomacyConfig(AppConfig):
    name = "diplomacy"
    verbose_name = "States, missions and envoys"

    def ready(self):
        from diplomacy import checks  # noqa: F401  (registers deployment checks)
        from diplomacy.api.caching.dataset_generation import track_dataset_writes
        from diplomacy.api.openapi import auto_schema  # noqa: F401  (registers schema extensions)
        from diplomacy.as_of.validity import validity_keep
        from diplomacy.deletions import deletions_track
        from diplomacy.history_of_detached import history_of_detached_track
        from diplomacy.models import Envoy, Mission, State

        deletions_track(State, resource="states", key="code")
        deletions_track(Mission, resource="missions")
        deletions_track(Envoy, resource="envoys")
        track_dataset_writes()
        history_of_detached_track()
        # Every tracked historical table, a newly tracked one too, gets its
        # history_valid_until triggers.
        validity_keep()
