"""Who acts and who is acted upon: states, their missions and their envoys."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from diplomacy.api.concurrency.optimistic_locking import Versioned
from diplomacy.audit_trail import DatasetHistory
from diplomacy.choices import EnvoyCategory, MissionKind
from diplomacy.constraints import FieldCheckConstraint
from diplomacy.deletions import Deletion  # noqa: F401  (a model of this app)
from diplomacy.records import Record


class StateManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class State(Versioned):
    """A state, keyed by its ISO 3166-1 alpha-2 code.

    Historic states (ISO 3166-3) keep their former alpha-2 code, except where
    that code is ambiguous (reassigned to a current state, as BY, or shared by
    two historic states, as CS): those are keyed by their ISO 3166-3 alpha-4
    code (CSHH Czechoslovakia, CSXX Serbia and Montenegro, BYAA Byelorussian SSR).
    """

    code = models.CharField(
        max_length=4,
        primary_key=True,
        help_text="ISO 3166-1 alpha-2 code (ISO 3166-3 alpha-4 where the alpha-2 "
        "code of a historic state is ambiguous).",
    )
    alpha_3 = models.CharField(max_length=3, db_index=True, help_text="ISO 3166-1 alpha-3 code.")
    alpha_4 = models.CharField(
        max_length=4, blank=True, help_text="ISO 3166-3 alpha-4 code of a historic state."
    )
    numeric = models.CharField(
        max_length=3, blank=True, help_text="ISO 3166-1 numeric code (as UN M49)."
    )
    name = models.CharField(max_length=100, help_text="Common name in English.")
    official_name = models.CharField(
        max_length=200, blank=True, help_text="Official (long) name in English, if different."
    )
    is_historic = models.BooleanField(
        default=False, help_text="The state no longer exists (ISO 3166-3)."
    )
    ended_on = models.DateField(
        null=True,
        blank=True,
        help_text="Date ISO 3166-3 withdrew the code (1 January where it gives only a year).",
    )
    # States are not Records (keyed by code, no uid) but a syncing copy still
    # needs to know which changed.
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = StateManager()
    history = DatasetHistory()

    class Meta:
        ordering = ["name", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["alpha_3"],
                condition=Q(is_historic=False),
                name="state_alpha_3_unique_among_current",
            ),
            FieldCheckConstraint(
                condition=Q(is_historic=True) | Q(ended_on__isnull=True),
                name="state_end_date_only_if_historic",
                field="ended_on",
                violation_error_message="Only a historic state has an end date.",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"

    def natural_key(self):
        return (self.code,)


class Mission(Record):
    """A diplomatic or consular post of one state in another."""

    sending_state = models.ForeignKey(
        State, on_delete=models.PROTECT, related_name="missions_sent",
        help_text="The state the mission represents.",
    )
    receiving_state = models.ForeignKey(
        State, on_delete=models.PROTECT, related_name="missions_received",
        help_text="The state where the mission is.",
    )
    kind = models.CharField(
        max_length=20, choices=MissionKind.choices, help_text="Kind of post."
    )
    city = models.CharField(max_length=100, help_text="City where the post is, in English.")

    history = DatasetHistory()

    class Meta:
        ordering = ["sending_state", "receiving_state", "kind", "city", "id"]
        constraints = [
            FieldCheckConstraint(
                condition=~Q(sending_state=F("receiving_state")),
                name="mission_sending_differs_from_receiving",
                field="receiving_state",
                violation_error_message="A mission is sent to another state.",
            ),
            models.UniqueConstraint(
                fields=["sending_state", "receiving_state", "kind", "city"],
                name="mission_unique_post",
                violation_error_message="This mission already exists.",
            ),
        ]

    def __str__(self):
        return (
            f"{self.sending_state_id} {self.get_kind_display().lower()} in {self.city} "
            f"({self.receiving_state_id})"
        )


class Envoy(Record):
    """A member of a mission; most expelled diplomats are never named."""

    name = models.CharField(max_length=200, blank=True, help_text="Blank when not public.")
    description = models.CharField(
        max_length=300,
        blank=True,
        help_text='Who the person is when unnamed, e.g. "member of the embassy staff".',
    )
    sending_state = models.ForeignKey(
        State, on_delete=models.PROTECT, related_name="envoys",
        help_text="The state the envoy represents.",
    )
    mission = models.ForeignKey(
        Mission, on_delete=models.PROTECT, related_name="envoys", null=True, blank=True,
        help_text="The mission the envoy belongs to, if known.",
    )
    title = models.CharField(
        max_length=200, blank=True, help_text='Rank or function, e.g. "first secretary".'
    )
    category = models.CharField(
        max_length=30,
        choices=EnvoyCategory.choices,
        default=EnvoyCategory.UNKNOWN,
        help_text="Category of mission member in the Vienna Conventions.",
    )

    history = DatasetHistory()

    class Meta:
        ordering = ["sending_state", "name", "description", "id"]
        constraints = [
            FieldCheckConstraint(
                condition=~Q(name="") | ~Q(description=""),
                name="envoy_named_or_described",
                field="description",
                violation_error_message="An unnamed envoy needs a description.",
            ),
        ]

    def __str__(self):
        who = self.name or self.description
        return f"{who} ({self.sending_state_id})"

    def clean(self):
        super().clean()
        if self.mission_id and self.sending_state_id:
            if self.mission.sending_state_id != self.sending_state_id:
                raise ValidationError(
                    {
                        "mission": ValidationError(
                            "The mission must be one of the envoy's sending state.",
                            code="mission_of_another_state",
                        )
                    }
                )
