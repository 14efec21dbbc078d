"""Synthetic actions for benchmarks: realistic in shape, never mistaken for real data.

Every synthetic record (episode, sources, missions, envoys, actions, citations)
gets a `uid` inside one reserved range of UUIDs (version 8, a fixed prefix), so
the whole set is found, and removed, by a range query on an indexed column;
every synthetic action also belongs to the synthetic episode and cites only
synthetic sources (publishers named "Synthetic ..."). Each incident has its own
reports, as real ones do: a single source cited 150,000 times would mislead the
database's planner into plans real data never gets. The same `seed` always
gives the same records.
"""

import datetime
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone

from actions.choices import DatePrecision
from actions.dates import period_end, period_start
from actions.kinds import KINDS
from actions.models import Action, Citation, Episode, Source
from diplomacy.api.caching.dataset_generation import dataset_changed
from diplomacy.audit_trail import DatasetHistory
from diplomacy.choices import EnvoyCategory, MissionKind
from diplomacy.models import Envoy, Mission, State

EPISODE_SLUG = "synthetic-benchmark-data"

# uid = prefix (48 bits) | version 8 | table tag | variant | index
_UID_PREFIX = 0x5E7E_71C0_DA7A
_UID_LOW = uuid.UUID(int=_UID_PREFIX << 80)
_UID_HIGH = uuid.UUID(int=((_UID_PREFIX + 1) << 80) - 1)
_TAGS = {Episode: 1, Source: 2, Mission: 3, Envoy: 4, Action: 5, Citation: 6}


def synthetic_uid(model, index: int) -> uuid.UUID:
    value = (_UID_PREFIX << 80) | (0x8 << 76) | (_TAGS[model] << 64) | (0b10 << 62) | index
    return uuid.UUID(int=value)


SYNTHETIC_UIDS = {"uid__range": (_UID_LOW, _UID_HIGH)}

# Who expels whom: relative weights of the states most often involved, with the
# years they existed in (a historic state ends with its ISO 3166-3 withdrawal).
STATE_WEIGHTS = {
    "US": 60, "RU": (60, 1992), "SU": (60, None, 1991), "GB": 30, "CN": 25, "FR": 20,
    "IR": 20, "DE": 15, "UA": (12, 1992), "IL": 10, "TR": 10, "PL": 10, "KP": 8,
    "SA": 8, "VE": 8, "CU": 8, "IN": 8, "PK": 8, "CZ": (8, 1993), "CSHH": (6, None, 1992),
    "DD": (6, None, 1990), "KR": 6, "JP": 6, "NL": 6, "SE": 6, "IT": 6, "CA": 6, "IQ": 6,
    "SY": 6, "YU": (5, None, 2002), "BY": (5, 1992), "BE": 5, "LY": 5, "EG": 5, "DZ": 5,
    "MA": 5, "ML": 5, "HU": 5, "RO": 5, "BG": 5, "AU": 5, "NO": 4, "DK": 4, "AT": 4,
    "EE": (4, 1991), "LV": (4, 1991), "LT": (4, 1991), "AF": 4, "BF": 4, "NE": 4,
    "CD": 4, "NG": 4, "ZA": 4, "MX": 4, "ES": 4, "RS": (4, 2006), "GE": (4, 1992),
    "VN": 4, "ZR": (3, None, 1997), "RW": 3, "BR": 3, "AR": 3, "CO": 3, "NI": 3,
    "BO": 3, "CH": 3, "MD": (3, 1992), "AZ": (3, 1992), "AM": (3, 1992), "KZ": (3, 1992),
    "QA": 3, "AE": 3, "MM": (3, 1990), "TH": 3, "ID": 3, "MY": 3, "PH": 3,
    "VD": (2, None, 1976), "BU": (2, None, 1989),
}
LONG_TAIL_WEIGHT = 0.5
# Dependent territories in ISO 3166-1 that do not conduct their own diplomacy.
TERRITORIES = set(
    "AQ BV HM TF IO UM CX CC NF PN GS SJ AX GI GG JE IM FO GL BM KY VG VI AI MS TC FK SH PM "
    "WF PF NC YT RE GP MQ GF BL MF SX CW AW BQ AS GU MP PR TK NU CK HK MO EH".split()
)

# Pairs that expel each other far more often than chance.
RIVALS = [
    ("US", "RU"), ("US", "SU"), ("GB", "RU"), ("GB", "SU"), ("US", "CN"), ("US", "IR"),
    ("US", "CU"), ("US", "VE"), ("RU", "UA"), ("RU", "PL"), ("RU", "EE"), ("RU", "LV"),
    ("RU", "LT"), ("RU", "CZ"), ("RU", "DE"), ("RU", "FR"), ("SU", "CSHH"), ("IR", "GB"),
    ("IL", "TR"), ("FR", "ML"), ("FR", "DZ"), ("DZ", "MA"), ("IN", "PK"), ("KP", "KR"),
    ("CN", "JP"), ("SA", "IR"), ("DE", "DD"), ("US", "DD"), ("RW", "CD"), ("VE", "CO"),
]
RIVAL_SHARE = 0.35

CAPITALS = {
    "US": "Washington", "RU": "Moscow", "SU": "Moscow", "GB": "London", "CN": "Beijing",
    "FR": "Paris", "IR": "Tehran", "DE": "Berlin", "UA": "Kyiv", "IL": "Tel Aviv",
    "TR": "Ankara", "PL": "Warsaw", "KP": "Pyongyang", "SA": "Riyadh", "VE": "Caracas",
    "CU": "Havana", "IN": "New Delhi", "PK": "Islamabad", "CZ": "Prague",
    "CSHH": "Prague", "DD": "East Berlin", "KR": "Seoul", "JP": "Tokyo", "NL": "The Hague",
    "SE": "Stockholm", "IT": "Rome", "CA": "Ottawa", "IQ": "Baghdad", "SY": "Damascus",
    "YU": "Belgrade", "BY": "Minsk", "BE": "Brussels", "LY": "Tripoli", "EG": "Cairo",
    "DZ": "Algiers", "MA": "Rabat", "ML": "Bamako", "HU": "Budapest", "RO": "Bucharest",
    "BG": "Sofia", "AU": "Canberra", "NO": "Oslo", "DK": "Copenhagen", "AT": "Vienna",
    "EE": "Tallinn", "LV": "Riga", "LT": "Vilnius", "AF": "Kabul", "BF": "Ouagadougou",
    "NE": "Niamey", "CD": "Kinshasa", "ZR": "Kinshasa", "NG": "Abuja", "ZA": "Pretoria",
    "MX": "Mexico City", "ES": "Madrid", "RS": "Belgrade", "GE": "Tbilisi", "VN": "Hanoi",
    "VD": "Hanoi", "RW": "Kigali", "BR": "Brasília", "AR": "Buenos Aires", "CO": "Bogotá",
    "NI": "Managua", "BO": "La Paz", "CH": "Bern", "MD": "Chișinău", "AZ": "Baku",
    "AM": "Yerevan", "KZ": "Astana", "QA": "Doha", "AE": "Abu Dhabi", "MM": "Naypyidaw",
    "BU": "Rangoon", "TH": "Bangkok", "ID": "Jakarta", "MY": "Kuala Lumpur", "PH": "Manila",
}

FIRST_YEAR, LAST_YEAR = 1945, 2025


def _kind_weights(position: int) -> dict[str, int]:
    """Each kind's weight as a first act (0) or an answer (1), heaviest first."""
    weights = {value: kind.synthetic_weights[position] for value, kind in KINDS.items()}
    ranked = sorted(weights.items(), key=lambda item: -item[1])
    return {value: weight for value, weight in ranked if weight}


KIND_WEIGHTS = _kind_weights(0)  # first act of an incident
RESPONSE_KIND_WEIGHTS = _kind_weights(1)
CHAIN_LENGTH_WEIGHTS = {1: 55, 2: 25, 3: 12, 4: 8}
PRECISION_WEIGHTS = {
    DatePrecision.DAY: 80, DatePrecision.MONTH: 15, DatePrecision.YEAR: 5, DatePrecision.RANGE: 3,
}
CATEGORY_WEIGHTS = {
    EnvoyCategory.DIPLOMATIC_AGENT: 45, EnvoyCategory.UNKNOWN: 30,
    EnvoyCategory.ADMINISTRATIVE_TECHNICAL: 12, EnvoyCategory.CONSULAR_OFFICER: 10,
    EnvoyCategory.SERVICE_STAFF: 3,
}
PUBLISHERS = [
    "Synthetic Wire Service", "Synthetic Daily", "Synthetic Broadcasting Corporation",
    "Synthetic Gazette", "Synthetic Foreign Ministry Bulletin", "Synthetic Press Agency",
]
LANGUAGE_WEIGHTS = {"en": 50, "fr": 12, "ru": 12, "es": 8, "ar": 8, "de": 5, "zh": 5}
ATTRIBUTIONS = [
    "Ministry of Foreign Affairs statement", "diplomatic source", "state news agency",
    "government spokesperson", "", "",
]
FIRST_NAMES = ["Alexei", "John", "Marie", "Li", "Hassan", "Anna", "Pierre", "Igor", "Sara", "Omar"]
LAST_NAMES = ["Ivanov", "Smith", "Dubois", "Wang", "Karimi", "Nowak", "Müller", "Diallo", "Kim"]

BATCH_SIZE = 5000


def _choice(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@dataclass
class Draft:
    """An action being generated, handed to its kind's `synthesize` to fill in."""

    rng: random.Random
    previous: dict | None  # the action it answers
    day: datetime.date
    date: datetime.date  # the day, as stored with its precision
    precision: str
    actor_name: str
    target_name: str
    fields: dict  # the row: the kind sets its own columns and the summary
    add_envoys: Callable[[int], None]  # up to N envoys of the kind's side
    mission: Callable[[], int]  # the target's mission in the actor's country

    def choice(self, weights: dict):
        return _choice(self.rng, weights)


@dataclass
class _Era:
    code: str
    weight: float
    since: int
    until: int


class _States:
    """Weighted draws of the states that existed in a given year."""

    def __init__(self, states: dict[str, State]):
        self.states = states
        eras = []
        for code, state in states.items():
            spec = STATE_WEIGHTS.get(code)
            if spec is None:
                if state.is_historic or code in TERRITORIES:
                    continue
                spec = LONG_TAIL_WEIGHT
            weight, since, until = (spec, None, None) if not isinstance(spec, tuple) else (
                *spec, *([None] * (3 - len(spec)))
            )
            if until is None and state.ended_on:
                until = state.ended_on.year - 1
            eras.append(_Era(code, weight, since or FIRST_YEAR, until or LAST_YEAR))
        self.eras = sorted(eras, key=lambda era: era.code)
        self._by_year: dict[int, tuple[list[str], list[float]]] = {}

    def exists(self, code: str, year: int) -> bool:
        codes, _ = self.of_year(year)
        return code in codes

    def of_year(self, year: int) -> tuple[list[str], list[float]]:
        if year not in self._by_year:
            alive = [era for era in self.eras if era.since <= year <= era.until]
            self._by_year[year] = ([e.code for e in alive], [e.weight for e in alive])
        return self._by_year[year]

    def pair(self, rng: random.Random, year: int) -> tuple[str, str]:
        if rng.random() < RIVAL_SHARE:
            a, b = rng.choice(RIVALS)
            if self.exists(a, year) and self.exists(b, year):
                return (a, b) if rng.random() < 0.5 else (b, a)
        codes, weights = self.of_year(year)
        actor = rng.choices(codes, weights=weights)[0]
        target = actor
        while target == actor:
            target = rng.choices(codes, weights=weights)[0]
        return actor, target


class _Ids:
    """Primary keys handed out in advance, so responses and links need no round trip."""

    def __init__(self, *models):
        self.next = {
            model: (model.objects.aggregate(top=Max("id"))["top"] or 0) + 1 for model in models
        }

    def take(self, model) -> int:
        value = self.next[model]
        self.next[model] = value + 1
        return value


class _Batch:
    """Rows of one batch, as dicts of column values, written with one INSERT per table.

    Model instances and bulk_create would spend most of the time preparing each
    value of each row; these rows hold values the database takes as they are.
    """

    def __init__(self):
        self.sources: list[dict] = []
        self.missions: list[dict] = []
        self.envoys: list[dict] = []
        self.actions: list[dict] = []
        self.links: list[dict] = []
        self.citations: list[dict] = []

    def write(self):
        _insert(Source, self.sources)
        _insert(Mission, self.missions)
        _insert(Envoy, self.envoys)
        _insert(Action, self.actions)
        _insert(Action.envoys.through, self.links)
        _insert(Citation, self.citations)


def _insert(model, rows: list[dict]) -> None:
    if not rows:
        return
    ops = connection.ops
    fields = [field for field in model._meta.concrete_fields if field.attname in rows[0]
              or not field.primary_key]
    now = ops.adapt_datetimefield_value(timezone.now())
    columns, getters = [], []
    for field in fields:
        columns.append(ops.quote_name(field.column))
        name = field.attname
        if isinstance(field, models.DateTimeField):
            getters.append(lambda row, now=now: now)
        elif isinstance(field, models.UUIDField):
            getters.append(
                lambda row, name=name, field=field: field.get_db_prep_value(
                    row[name], connection
                )
            )
        elif isinstance(field, models.DateField):
            getters.append(
                lambda row, name=name: ops.adapt_datefield_value(row.get(name))
            )
        else:
            default = None if field.null else field.get_default()
            getters.append(lambda row, name=name, default=default: row.get(name, default))
    table = ops.quote_name(model._meta.db_table)
    values = [tuple(get(row) for get in getters) for row in rows]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # COPY: several times faster than INSERTs
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})", values
            )
    dataset_changed()  # COPY bypasses Django's cursor, where writes are seen


class _Generator:
    def __init__(self, *, seed: int, episode: Episode):
        self.rng = random.Random(seed)
        self.episode = episode
        self.sources: list[int] = []
        self.states = _States(State.objects.in_bulk())
        self.ids = _Ids(Source, Mission, Envoy, Action, Citation)
        # Envoys of a pair join its real embassy where there is one.
        self.missions: dict[tuple[str, str], int] = {
            (sending, receiving): mission_id
            for mission_id, sending, receiving in Mission.objects.filter(
                kind=MissionKind.EMBASSY
            ).order_by("id").values_list("id", "sending_state", "receiving_state")
        }
        self.counter = {model: 0 for model in _TAGS}

    def uid(self, model):
        self.counter[model] += 1
        return synthetic_uid(model, self.counter[model])

    def incident(self, batch: "_Batch", budget: int) -> int:
        """One crisis between two states: a first act and the answers to it."""
        rng = self.rng
        length = min(budget, _choice(rng, CHAIN_LENGTH_WEIGHTS))
        year = rng.choices(
            range(FIRST_YEAR, LAST_YEAR + 1),
            cum_weights=_YEAR_CUM_WEIGHTS,
        )[0]
        first, second = self.states.pair(rng, year)
        day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))
        self.sources = [
            self.source(batch, first, second, day) for _ in range(rng.choice([1, 1, 2, 3]))
        ]
        previous = None
        for step in range(length):
            actor, target = (first, second) if step % 2 == 0 else (second, first)
            weights = KIND_WEIGHTS if previous is None else RESPONSE_KIND_WEIGHTS
            kind = _choice(rng, weights)
            if previous is not None:
                day = min(day + datetime.timedelta(days=rng.randint(1, 20)),
                          datetime.date(LAST_YEAR, 12, 31))
            previous = self.action(batch, kind, actor, target, day, previous)
        return length

    def action(self, batch, kind, actor, target, day, previous) -> dict:
        rng = self.rng
        precision = DatePrecision.DAY if previous else _choice(rng, PRECISION_WEIGHTS)
        date = period_start(day, precision)
        action = {
            "id": self.ids.take(Action),
            "uid": self.uid(Action),
            "kind": kind,
            "actor_id": actor,
            "target_id": target,
            "date": date,
            "date_precision": precision,
            "episode_id": self.episode.id,
            "in_response_to_id": previous["id"] if previous else None,
        }
        if rng.random() < 0.1:
            action["announced_on"] = day + datetime.timedelta(days=rng.randint(0, 5))
        draft = Draft(
            rng=rng,
            previous=previous,
            day=day,
            date=date,
            precision=precision,
            actor_name=self.states.states[actor].name,
            target_name=self.states.states[target].name,
            fields=action,
            add_envoys=lambda count: envoys.extend(self.envoys(batch, *side, count)),
            mission=lambda: self.mission(batch, target, actor),
        )
        kind_spec = KINDS[kind]
        # Whose envoys: the target's mission in the actor's country, or the reverse.
        side = (actor, target) if kind_spec.envoys == "actor" else (target, actor)
        envoys = []
        kind_spec.synthesize(draft)
        if rng.random() < 0.1:
            action["notes"] = "Reports differ on the date; the earliest is kept."
        action["cameo_code"], action["plover"], action["plover_mode"] = (
            kind_spec.default_codes(action)
        )
        action["date_not_before"] = date
        action["date_not_after"] = (
            date + datetime.timedelta(days=rng.randint(2, 40))
            if precision == DatePrecision.RANGE
            else period_end(date, precision)
        )
        batch.actions.append(action)
        batch.links.extend({"action_id": action["id"], "envoy_id": envoy} for envoy in envoys)
        cited = rng.choices([1, 2, 3], weights=[55, 35, 10])[0]
        for source_id in rng.sample(self.sources, min(cited, len(self.sources))):
            batch.citations.append(
                {
                    "id": self.ids.take(Citation),
                    "uid": self.uid(Citation),
                    "action_id": action["id"],
                    "source_id": source_id,
                    "quote": (
                        f"{draft.actor_name} announced the measure against {draft.target_name}."
                    ),
                    "attribution": rng.choice(ATTRIBUTIONS),
                }
            )
        return action

    def source(self, batch, first, second, day) -> int:
        """A report on an incident between two states."""
        rng = self.rng
        source_id = self.ids.take(Source)
        names = self.states.states
        batch.sources.append(
            {
                "id": source_id,
                "uid": self.uid(Source),
                "publisher": rng.choice(PUBLISHERS),
                "title": f"[Synthetic] {names[first].name} and {names[second].name}: "
                "diplomatic dispute",
                "url": f"https://example.org/synthetic/{source_id}",
                "published_on": day + datetime.timedelta(days=rng.randint(0, 3)),
                "language": _choice(rng, LANGUAGE_WEIGHTS),
            }
        )
        return source_id

    def mission(self, batch, sending, receiving) -> int:
        key = (sending, receiving)
        if key not in self.missions:
            mission_id = self.ids.take(Mission)
            batch.missions.append(
                {
                    "id": mission_id,
                    "uid": self.uid(Mission),
                    "sending_state_id": sending,
                    "receiving_state_id": receiving,
                    "kind": MissionKind.EMBASSY,
                    "city": CAPITALS.get(receiving, self.states.states[receiving].name),
                }
            )
            self.missions[key] = mission_id
        return self.missions[key]

    def envoys(self, batch, sending, receiving, count) -> list[int]:
        """Envoys of the target state's mission in the actor's country."""
        rng = self.rng
        mission_id = self.mission(batch, sending, receiving)
        ids = []
        for _ in range(rng.randint(1, count)):
            named = rng.random() < 0.2
            envoy_id = self.ids.take(Envoy)
            batch.envoys.append(
                {
                    "id": envoy_id,
                    "uid": self.uid(Envoy),
                    "name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" if named else "",
                    "description": "" if named else (
                        f"Member of the embassy of {self.states.states[sending].name} (unnamed)"
                    ),
                    "sending_state_id": sending,
                    "mission_id": mission_id,
                    "category": _choice(rng, CATEGORY_WEIGHTS),
                }
            )
            ids.append(envoy_id)
        return ids


# Reporting grows with time: later years weigh more.
_YEAR_CUM_WEIGHTS = []
for _year in range(FIRST_YEAR, LAST_YEAR + 1):
    _YEAR_CUM_WEIGHTS.append((_YEAR_CUM_WEIGHTS[-1] if _YEAR_CUM_WEIGHTS else 0) + _year - 1935)


def synthetic_exists() -> bool:
    return Action.objects.filter(**SYNTHETIC_UIDS).exists()


@transaction.atomic
def synthetic_generate(
    *, actions: int, seed: int, progress: Callable[[int], None] | None = None
) -> dict[str, int]:
    """Write `actions` synthetic actions (replacing any earlier synthetic set).

    `progress` is called with the number of actions written by each batch.
    Returns the number of records written per table.
    """
    synthetic_remove()
    episode = Episode.objects.create(
        uid=synthetic_uid(Episode, 1),
        slug=EPISODE_SLUG,
        title="Synthetic data for benchmarks (not real events)",
        summary="Generated by `manage.py generate_synthetic`; remove with "
        "`manage.py generate_synthetic --remove`.",
    )
    generator = _Generator(seed=seed, episode=episode)
    totals = {
        "sources": 0, "missions": 0, "envoys": 0, "actions": 0, "envoy_links": 0,
        "citations": 0,
    }
    written = 0
    while written < actions:
        batch = _Batch()
        target = min(actions, written + BATCH_SIZE)
        while written + len(batch.actions) < target:
            generator.incident(batch, target - written - len(batch.actions))
        batch.write()
        written += len(batch.actions)
        for name, rows in (
            ("sources", batch.sources), ("missions", batch.missions), ("envoys", batch.envoys),
            ("actions", batch.actions), ("envoy_links", batch.links),
            ("citations", batch.citations),
        ):
            totals[name] += len(rows)
        if progress:
            progress(len(batch.actions))
    _reset_sequences()
    _write_history()
    return totals


SYNTHETIC_MODELS = (Episode, Source, Mission, Envoy, Action, Citation)
# Written by raw INSERTs, without simple-history (the episode is saved, with its history).
BULK_WRITTEN_MODELS = (Source, Mission, Envoy, Action, Citation)
HISTORY_REASON = "generate_synthetic"


def _write_history() -> None:
    """One creation entry per synthetic record, and its envoys, as simple-history
    would have written them had each record been saved: queries `as_of` a
    moment read the history, and a benchmark of them needs it.

    One INSERT ... SELECT per table, from the rows just written.
    """
    quote = connection.ops.quote_name
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    uid = Action._meta.get_field("uid")
    low, high = (uid.get_db_prep_value(value, connection) for value in (_UID_LOW, _UID_HIGH))
    with connection.cursor() as cursor:
        for model in BULK_WRITTEN_MODELS:
            historical = model.history.model
            columns = ", ".join(quote(field.column) for field in model._meta.concrete_fields)
            cursor.execute(
                f"INSERT INTO {quote(historical._meta.db_table)} ({columns}, history_date, "
                "history_change_reason, history_type, history_user_id) "
                f"SELECT {columns}, %s, %s, '+', NULL FROM {quote(model._meta.db_table)} "
                "WHERE uid BETWEEN %s AND %s",
                [now, HISTORY_REASON, low, high],
            )
        through = Action.envoys.through
        links = Action.history.model._history_m2m_fields[0]
        historical_links = DatasetHistory.for_model(Action).m2m_models[links]
        cursor.execute(
            f"INSERT INTO {quote(historical_links._meta.db_table)} "
            "(id, action_id, envoy_id, history_id) "
            "SELECT link.id, link.action_id, link.envoy_id, history.history_id "
            f"FROM {quote(through._meta.db_table)} link "
            f"JOIN {quote(Action.history.model._meta.db_table)} history "
            "ON history.id = link.action_id "
            "WHERE history.uid BETWEEN %s AND %s AND history.history_change_reason = %s",
            [low, high, HISTORY_REASON],
        )


def _remove_history() -> None:
    """The history of the synthetic records goes with them: it is no real past."""
    quote = connection.ops.quote_name
    uid = Action._meta.get_field("uid")
    low, high = (uid.get_db_prep_value(value, connection) for value in (_UID_LOW, _UID_HIGH))
    links = Action.history.model._history_m2m_fields[0]
    historical_links = DatasetHistory.for_model(Action).m2m_models[links]
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(historical_links._meta.db_table)} WHERE history_id IN "
            f"(SELECT history_id FROM {quote(Action.history.model._meta.db_table)} "
            "WHERE uid BETWEEN %s AND %s)",
            [low, high],
        )
        for model in SYNTHETIC_MODELS:
            cursor.execute(
                f"DELETE FROM {quote(model.history.model._meta.db_table)} "
                "WHERE uid BETWEEN %s AND %s",
                [low, high],
            )


def _reset_sequences():
    """Ids were given explicitly: move PostgreSQL's sequences past them."""
    statements = connection.ops.sequence_reset_sql(
        no_style(), [Source, Mission, Envoy, Action, Citation]
    )
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def synthetic_analyze() -> None:
    """Refresh the planner's statistics after a bulk load (and, on PostgreSQL outside a
    transaction, the visibility map that lets a count use an index-only scan)."""
    models = (Source, Mission, Envoy, Action, Action.envoys.through, Citation)
    tables = [model._meta.db_table for model in models]
    # And their history, which `as_of` reads: a planner that believes it small
    # picks plans that time out.
    links = Action.history.model._history_m2m_fields[0]
    tables += [model.history.model._meta.db_table for model in SYNTHETIC_MODELS]
    tables.append(DatasetHistory.for_model(Action).m2m_models[links]._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            verb = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
            for table in tables:
                cursor.execute(f"{verb} {connection.ops.quote_name(table)}")
        elif connection.vendor == "sqlite":
            cursor.execute("ANALYZE")


class SyntheticInUse(Exception):
    """Real records refer to synthetic ones: removing these would break them."""


def _delete_synthetic(model) -> int:
    """One DELETE over the synthetic uid range; what refers to these rows is gone already.

    QuerySet.delete() would first load every row to collect related objects.
    """
    field = model._meta.get_field("uid")
    low, high = (field.get_db_prep_value(value, connection) for value in (_UID_LOW, _UID_HIGH))
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(model._meta.db_table)} "
            f"WHERE {quote(field.column)} BETWEEN %s AND %s",
            [low, high],
        )
        deleted = cursor.rowcount
    return deleted


@transaction.atomic
def synthetic_remove() -> dict[str, int]:
    """Delete every synthetic record; real data is never touched."""
    actions = Action.objects.filter(**SYNTHETIC_UIDS)
    envoys = Envoy.objects.filter(**SYNTHETIC_UIDS)
    through = Action.envoys.through
    in_use = (
        Action.objects.exclude(**SYNTHETIC_UIDS).filter(in_response_to__in=actions).exists()
        or through.objects.exclude(action__in=actions).filter(envoy__in=envoys).exists()
        or Envoy.objects.exclude(**SYNTHETIC_UIDS)
        .filter(mission__in=Mission.objects.filter(**SYNTHETIC_UIDS))
        .exists()
        or Citation.objects.exclude(action__in=actions)
        .filter(source__in=Source.objects.filter(**SYNTHETIC_UIDS))
        .exists()
    )
    if in_use:
        raise SyntheticInUse(
            "Real records refer to synthetic actions, envoys, missions or sources; "
            "unlink them first."
        )
    counts = {
        "citations": Citation.objects.filter(action__in=actions).delete()[0],
        "envoy_links": through.objects.filter(action__in=actions).delete()[0],
    }
    actions.exclude(in_response_to=None).update(in_response_to=None)
    counts["actions"] = _delete_synthetic(Action)
    counts["envoys"] = _delete_synthetic(Envoy)
    counts["missions"] = _delete_synthetic(Mission)
    counts["sources"] = _delete_synthetic(Source)
    _delete_synthetic(Episode)
    _remove_history()
    return counts
