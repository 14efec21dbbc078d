"""The acts: one Action table for every kind, with a proxy model per kind.

A single table keeps every invariant a database constraint (a constraint can
only see its own table), lets `in_response_to` and citations point at an
action of any kind, and makes the feed of all kinds one query.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q

from actions.choices import (
    CooperationDomain,
    DatePrecision,
    Grounds,
    PloverEvent,
    PloverMode,
    StatementType,
)
from actions.dates import period_end, period_start
from actions.kinds import KINDS, Kind, kind_choices
from diplomacy.audit_trail import DatasetHistory
from diplomacy.constraints import FieldCheckConstraint
from diplomacy.models import Envoy, Mission, State
from diplomacy.records import Record, RecordManager


class EpisodeManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Episode(Record):
    """A diplomatic crisis: the actions that belong together."""

    slug = models.SlugField(
        max_length=100, unique=True,
        help_text="Public key of the episode in URLs, e.g. france-mali-2025.",
    )
    title = models.CharField(max_length=200, help_text="One line: who did what to whom.")
    summary = models.TextField(blank=True, help_text="What happened, with its context.")

    objects = EpisodeManager()
    history = DatasetHistory()

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.slug,)


class Source(Record):
    """A published report that actions are cited to."""

    publisher = models.CharField(
        max_length=200, help_text='News agency, outlet or government, e.g. "AFP".'
    )
    title = models.CharField(
        max_length=500,
        help_text="In [square brackets] where the title is supplied by the editors.",
    )
    url = models.URLField(
        "URL", max_length=500, blank=True, help_text="Where the report can be read."
    )
    published_on = models.DateField(
        null=True, blank=True, help_text="Date of publication of the report."
    )
    language = models.CharField(
        max_length=8, blank=True, help_text="ISO 639-1 code, e.g. fr, en."
    )

    history = DatasetHistory()

    class Meta:
        ordering = ["publisher", "title", "id"]

    def __str__(self):
        when = f", {self.published_on:%Y-%m-%d}" if self.published_on else ""
        return f"{self.publisher}: {self.title}{when}"


def _after_date(field):
    return FieldCheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": F("date")}),
        name=f"action_{field}_not_before_date",
        field=field,
        violation_error_message="Cannot be before the date of the action.",
    )


def _empty(field) -> dict:
    """The lookup that a kind's own column holds nothing."""
    return {f"{field.attname}__isnull": True} if field.null else {field.attname: ""}


def kind_constraints(kind: Kind, model) -> list[models.BaseConstraint]:
    """The database constraints of a kind: its required columns are filled on
    its own actions, and its columns are empty on every other kind's."""
    fields = {name: model._meta.get_field(name) for name in kind.fields}
    constraints = [
        FieldCheckConstraint(
            condition=~Q(kind=kind.value) | (
                Q(**{f"{name}__isnull": False}) if fields[name].null else ~Q(**{name: ""})
            ),
            name=f"action_{kind.value}_requires_{name}",
            field=name,
            violation_error_message=message,
        )
        for name, message in kind.required.items()
    ]
    # A column two kinds share (the number of persons of a declaration or of a
    # demand) is empty only on the actions of the kinds that do not have it.
    owned = {
        name
        for name in kind.fields
        if not any(name in other.fields for other in KINDS.values() if other is not kind)
    }
    if owned:
        empty = {}
        for name in kind.fields:
            if name in owned:
                empty.update(_empty(fields[name]))
        constraints.append(
            FieldCheckConstraint(
                condition=Q(kind=kind.value) | Q(**empty),
                name=f"action_{kind.value}_fields_exclusive",
                field="kind",
                violation_error_message=f"Only a {kind.verbose_name} has this field.",
            )
        )
    return constraints


class Action(Record):
    """A diplomatic action of one state towards another."""

    # Indexed by action_kind_date (kind, date, id), which serves lookups by kind
    # too; a second index on kind alone led SQLite to sort each kind's list.
    kind = models.CharField(
        max_length=30, choices=kind_choices,
        help_text="Kind of action; set by the resource it is written through.",
    )
    actor = models.ForeignKey(
        State, on_delete=models.PROTECT, related_name="actions_taken",
        help_text="The state that acts.",
    )
    target = models.ForeignKey(
        State, on_delete=models.PROTECT, related_name="actions_received",
        help_text="The state acted upon.",
    )
    date = models.DateField(
        db_index=True,
        help_text="When the action was taken; an imprecise date is stored as the "
        "first day of its month or year.",
    )
    date_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY,
        help_text="How much of the date is known: the day, only the month, only the year, "
        "or a range of days (between date_not_before and date_not_after).",
    )
    date_not_before = models.DateField(
        null=True, blank=True,
        help_text="The earliest day the action can have been taken: the date itself, or "
        "the first day of its month or year, or of its range.",
    )
    date_not_after = models.DateField(
        null=True, blank=True,
        help_text="The latest day the action can have been taken: the date itself, or the "
        "last day of its month or year; given with date_precision=range.",
    )
    announced_on = models.DateField(
        null=True, blank=True, help_text="When the action was made public, if later."
    )
    summary = models.TextField(help_text="What was done, in one or two sentences.")
    notes = models.TextField(
        blank=True, help_text="Editors' notes: uncertainties, conflicting reports."
    )
    episode = models.ForeignKey(
        Episode, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions",
        help_text="The episode (crisis) the action belongs to.",
    )
    in_response_to = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="responses",
        help_text="The earlier action this one answers.",
    )
    cameo_code = models.CharField(
        "CAMEO code",
        max_length=4,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{2,4}$", "A CAMEO code is 2 to 4 digits.")],
        help_text="CAMEO event code; filled from the kind (and domain) when left blank.",
    )
    plover = models.CharField(
        "PLOVER event type",
        max_length=10,
        choices=PloverEvent.choices,
        blank=True,
        help_text="PLOVER event type; filled from the kind (and statement type) when left "
        "blank.",
    )
    plover_mode = models.CharField(
        "PLOVER mode",
        max_length=12,
        choices=PloverMode.choices,
        blank=True,
        help_text="PLOVER mode of the event (expel, withdraw, discontinue...); filled with "
        "the event type when that is left blank.",
    )
    envoys = models.ManyToManyField(
        Envoy, blank=True, related_name="actions",
        help_text="Envoys concerned: the target's (declared persona non grata, detained) or "
        "the actor's (recalled), as the kind says.",
    )

    # Persona non grata declaration
    persons_count = models.PositiveIntegerField(
        null=True, blank=True,
        help_text="How many persons were declared persona non grata, named or not (or, in a "
        "demand to reduce staff, are to leave).",
    )
    grounds = models.CharField(
        max_length=30, choices=Grounds.choices, blank=True,
        help_text="Reason given for the declaration (unspecified if none was stated).",
    )
    leave_by = models.DateField(null=True, blank=True, help_text="Deadline to leave.")
    departed_on = models.DateField(
        null=True, blank=True, help_text="When the persons declared left the country."
    )

    # Cooperation suspension
    domain = models.CharField(
        max_length=30, choices=CooperationDomain.choices, blank=True,
        help_text="Domain of the suspended cooperation.",
    )
    resumed_on = models.DateField(
        null=True, blank=True, help_text="When the cooperation resumed, if it did."
    )

    # Detention
    accusation = models.TextField(
        blank=True, help_text="What the detaining state accuses the envoys of."
    )
    released_on = models.DateField(
        null=True, blank=True, help_text="When the envoys were released, if they were."
    )

    # Diplomatic statement
    statement_type = models.CharField(
        max_length=30, choices=StatementType.choices, blank=True,
        help_text="What the statement does: denounce, accuse, demand, threaten.",
    )

    # Recall of a head of mission
    returned_on = models.DateField(
        null=True, blank=True, help_text="When the recalled envoy went back, if they did."
    )

    # Rupture of diplomatic relations
    restored_on = models.DateField(
        null=True, blank=True, help_text="When relations were restored, if they were."
    )

    # Closure of a mission
    mission = models.ForeignKey(
        Mission, on_delete=models.PROTECT, null=True, blank=True, related_name="closures",
        help_text="The mission closed: one of the target's in the actor's country, or the "
        "actor's own in the target's.",
    )
    reopened_on = models.DateField(
        null=True, blank=True, help_text="When the mission reopened, if it did."
    )

    history = DatasetHistory(m2m_fields=["envoys"])

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["actor", "date"], name="action_actor_date"),
            models.Index(fields=["target", "date"], name="action_target_date"),
            # Each kind's list, newest first: a page is an index range, not a sort.
            models.Index(fields=["kind", "date", "id"], name="action_kind_date"),
        ]
        constraints = [
            FieldCheckConstraint(
                condition=~Q(actor=F("target")),
                name="action_actor_differs_from_target",
                field="target",
                violation_error_message="The target must differ from the actor.",
            ),
            FieldCheckConstraint(
                condition=~Q(in_response_to=F("id")),
                name="action_not_in_response_to_itself",
                field="in_response_to",
                violation_error_message="An action cannot respond to itself.",
            ),
            FieldCheckConstraint(
                condition=~Q(cameo_code=""),
                name="action_has_cameo_code",
                field="cameo_code",
                violation_error_message="A CAMEO code is required.",
            ),
            _after_date("announced_on"),
            _after_date("leave_by"),
            _after_date("departed_on"),
            _after_date("resumed_on"),
            _after_date("released_on"),
            _after_date("returned_on"),
            _after_date("restored_on"),
            _after_date("reopened_on"),
            FieldCheckConstraint(
                condition=Q(date_not_before__isnull=True) | Q(date_not_before=F("date")),
                name="action_date_not_before_is_date",
                field="date_not_before",
                violation_error_message="The earliest day is the date of the action.",
            ),
            FieldCheckConstraint(
                condition=Q(date_not_after__isnull=True) | Q(date_not_after__gte=F("date")),
                name="action_date_not_after_not_before_date",
                field="date_not_after",
                violation_error_message="The latest day cannot be before the date.",
            ),
            FieldCheckConstraint(
                condition=~Q(plover=""),
                name="action_has_plover",
                field="plover",
                violation_error_message="A PLOVER event type is required.",
            ),
            FieldCheckConstraint(
                condition=Q(persons_count__isnull=True) | Q(persons_count__gte=1),
                name="action_persons_count_positive",
                field="persons_count",
                violation_error_message="At least one person.",
            ),
        ]

    def __str__(self):
        # An action being entered or imported may not have a date yet.
        date = f"{self.date:%Y-%m-%d}" if self.date else "undated"
        return f"{date} {self.actor_id} → {self.target_id}: {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        self.normalize()
        super().save(*args, **kwargs)

    def normalize(self):
        """Store an imprecise date as the first day of its period, with the bounds of
        that period; fill the kind's defaults and the event codes."""
        if self.date:
            self.date = period_start(self.date, self.date_precision)
            # An action is placed at its earliest possible day (ordering, filters,
            # timelines, stats); a range's latest day is given, a period's derived.
            self.date_not_before = self.date
            if self.date_precision != DatePrecision.RANGE:
                self.date_not_after = period_end(self.date, self.date_precision)
        kind = KINDS.get(self.kind)
        if kind is None:
            return
        for name, value in kind.defaults.items():
            if getattr(self, name) in (None, ""):
                setattr(self, name, value)
        cameo_code, plover, plover_mode = kind.default_codes(self.__dict__)
        if not self.cameo_code:
            self.cameo_code = cameo_code
        if not self.plover:
            self.plover, self.plover_mode = plover, plover_mode

    def clean(self):
        super().clean()
        self._clean_range()
        self.normalize()
        self._clean_response()
        self._clean_mission()

    def _clean_range(self):
        if not self.date or self.date_precision != DatePrecision.RANGE:
            return
        if self.date_not_after is None:
            raise ValidationError(
                {
                    "date_not_after": ValidationError(
                        "A date known only within bounds needs its latest day.",
                        code="range_without_latest_day",
                    )
                }
            )
        if self.date_not_after <= self.date:
            raise ValidationError(
                {
                    "date_not_after": ValidationError(
                        "The latest day must come after the date (the earliest).",
                        code="range_latest_day_not_after_date",
                    )
                }
            )

    def _clean_mission(self):
        mission = self.mission if self.mission_id else None
        if mission is None or not (self.actor_id and self.target_id):
            return
        if self.actor_id == self.target_id:
            return  # reported on the target, by the constraint that they differ
        pair = {mission.sending_state_id, mission.receiving_state_id}
        if pair != {self.actor_id, self.target_id}:
            raise ValidationError(
                {
                    "mission": ValidationError(
                        "The mission closed must be one of the target's in the actor's "
                        "country, or the actor's own in the target's.",
                        code="mission_of_other_states",
                    )
                }
            )

    def _clean_response(self):
        if not self.date:
            return
        # With imprecise dates, an answer is impossible only when its latest
        # possible day precedes the earliest possible day of what it answers.
        earlier = self.in_response_to
        if earlier is not None and not (self.pk and earlier.pk == self.pk):
            # (An action answering itself is reported by the database constraint.)
            if self.period_end < earlier.date:
                raise ValidationError(
                    {
                        "in_response_to": ValidationError(
                            "An action can only respond to an earlier action.",
                            code="response_to_a_later_action",
                        )
                    }
                )
        if self.pk:
            # Moving an action must not put it after the actions that answer it.
            answers = Action.objects.filter(in_response_to=self.pk).exclude(pk=self.pk)
            for answer in answers.only("date", "date_precision", "kind", "actor", "target"):
                if answer.period_end < self.date:
                    raise ValidationError(
                        {
                            "date": ValidationError(
                                f"Cannot be after an action that responds to it ({answer}).",
                                code="after_a_response",
                            )
                        }
                    )

    @property
    def period_end(self):
        """The latest day the action can have been taken."""
        if self.date_precision == DatePrecision.RANGE and self.date_not_after:
            return self.date_not_after
        return period_end(self.date, self.date_precision)


class KindManager(RecordManager):
    def __init__(self, kind):
        super().__init__()
        self.kind = kind

    def get_queryset(self):
        return super().get_queryset().filter(kind=self.kind)


class KindProxy:
    """Behaviour shared by the proxy model of each kind."""

    KIND: str
    # The declaration of the kind (actions/kinds/).
    kind_spec: Kind
    # The fields of the Action table that belong to this kind.
    KIND_FIELDS: tuple[str, ...] = ()
    HAS_ENVOYS = False

    def save(self, *args, **kwargs):
        self.kind = self.KIND
        super().save(*args, **kwargs)


def kind_proxy(kind: Kind) -> type[Action]:
    """The proxy model of a kind: its actions, saved with its `kind`."""
    meta = type(
        "Meta",
        (),
        {
            "proxy": True,
            "app_label": Action._meta.app_label,
            "ordering": Action._meta.ordering,
            "verbose_name": kind.verbose_name,
            "verbose_name_plural": kind.verbose_name_plural,
        },
    )
    return type(
        kind.model_name,
        (KindProxy, Action),
        {
            "__module__": __name__,
            "__doc__": kind.description,
            "Meta": meta,
            "KIND": kind.value,
            "kind_spec": kind,
            "KIND_FIELDS": kind.fields,
            "HAS_ENVOYS": kind.has_envoys,
            "objects": KindManager(kind.value),
        },
    )


def shared_column_constraints(model) -> list[models.BaseConstraint]:
    """A column several kinds have is empty on the actions of every other kind."""
    owners = {}
    for kind in KINDS.values():
        for name in kind.fields:
            owners.setdefault(name, []).append(kind)
    return [
        FieldCheckConstraint(
            condition=Q(kind__in=[kind.value for kind in kinds])
            | Q(**_empty(model._meta.get_field(name))),
            name=f"action_{name}_only_for_its_kinds",
            field="kind",
            violation_error_message="Only a "
            + " or a ".join(kind.verbose_name for kind in kinds)
            + " has this field.",
        )
        for name, kinds in owners.items()
        if len(kinds) > 1
    ]


Action._meta.constraints.extend(
    [
        *(constraint for kind in KINDS.values() for constraint in kind_constraints(kind, Action)),
        *shared_column_constraints(Action),
    ]
)
# Each kind's proxy model, by kind; also a name of this module, as a class
# declared here would be (`from actions.models import Detention`).
KIND_MODELS = {value: kind_proxy(kind) for value, kind in KINDS.items()}
globals().update({model.__name__: model for model in KIND_MODELS.values()})


class Citation(Record):
    """What a source says about an action."""

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="citations",
        help_text="The action the source reports.",
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="citations",
        help_text="The report cited.",
    )
    quote = models.TextField(
        blank=True,
        help_text="A verbatim passage, in its original language: only from documents the "
        "project holds itself (third-party pages are summarised in `supports`).",
    )
    supports = models.TextField(
        blank=True,
        help_text="What the source states that supports the action (counts, dates, "
        "deadlines, reasons), in the editors' own words.",
    )
    attribution = models.CharField(
        max_length=300,
        blank=True,
        help_text='Who the source attributes it to, e.g. "French diplomatic source".',
    )

    history = DatasetHistory()

    class Meta:
        ordering = ["action", "id"]

    def __str__(self):
        return f"{self.source} on action {self.action_id}"


# A release's name; its routes (`/releases/<name>/`, its package) take the same.
RELEASE_NAME_REGEX = r"[0-9A-Za-z][0-9A-Za-z._-]*"


class Release(models.Model):
    """A named, immutable state of the dataset, for citing and reproducing it.

    Its data are read from the history as of `cut_at` (`?as_of=<name>`); it
    stores what a reader checks them against: counts and its package's digest.
    Written by `manage.py release` or by staff in the admin, never changed.
    """

    name = models.CharField(
        max_length=50,
        unique=True,
        validators=[
            RegexValidator(
                rf"^{RELEASE_NAME_REGEX}$",
                "Letters, digits, dots, hyphens and underscores, starting with a letter "
                "or digit, e.g. 2026.1.",
            )
        ],
        help_text="Name of the release, e.g. 2026.1; what `as_of` takes.",
    )
    cut_at = models.DateTimeField(
        help_text="The moment the release holds the dataset as of.", db_index=True
    )
    notes = models.TextField(blank=True, help_text="What the release brings, in a few words.")
    counts = models.JSONField(
        default=dict,
        help_text="Number of records of each resource as of the release (actions also "
        "by kind).",
    )
    changes_since_previous = models.JSONField(
        null=True,
        blank=True,
        help_text="Actions added, changed and removed since the previous release; null "
        "for the first.",
    )
    package_sha256 = models.CharField(
        "package SHA-256",
        max_length=64,
        blank=True,
        help_text="SHA-256 of the release's data package (package.zip), in hexadecimal.",
    )

    class Meta:
        ordering = ["cut_at", "id"]

    def __str__(self):
        return f"Release {self.name}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("A release is immutable: cut a new one instead.")
        super().save(*args, **kwargs)
