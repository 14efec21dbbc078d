"""What the pages read, each in a fixed number of queries whatever the number of
actions: related rows are joined or prefetched, counts are grouped in the
database, and nothing is read inside a loop over actions or episodes."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Max, Min, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce, ExtractYear

from actions.models import Action, Citation, Episode, Source
from actions.timelines import timeline_order
from diplomacy.models import State


def episode_actions(episode: Episode) -> list[Action]:
    """The episode's actions in timeline order, with everything their entries show."""
    actions = (
        episode.actions.select_related(
            "actor", "target", "mission", "in_response_to", "in_response_to__episode"
        )
        .prefetch_related(
            Prefetch(
                "citations",
                queryset=Citation.objects.select_related("source").order_by("id"),
            ),
            "envoys",
            Prefetch(
                "responses",
                queryset=Action.objects.select_related("episode", "actor").order_by("date", "id"),
            ),
        )
        .order_by("date", "id")
    )
    return timeline_order(list(actions))


def timeline_actions(episode: Episode) -> list[Action]:
    """The episode's actions in timeline order, with what their marks show."""
    actions = episode.actions.select_related("actor", "target").order_by("date", "id")
    return timeline_order(list(actions))


@dataclass
class EpisodeSummary:
    episode: Episode
    first: datetime.date | None
    last: datetime.date | None
    count: int
    kinds: list[tuple[str, int]] = field(default_factory=list)  # (kind, count), most first
    states: list[State] = field(default_factory=list)


def episode_summaries(
    *, state: str | None = None, year: int | None = None, limit: int | None = None
) -> list[EpisodeSummary]:
    """Episodes newest first (by their latest action), with their period, states and
    counts by kind; those with an action of `state` (as actor or target) and an
    action that may have been taken in `year`."""
    episodes = Episode.objects.annotate(
        first=Min("actions__date"),
        last=Max(Coalesce("actions__date_not_after", "actions__date")),
        action_count=Count("actions"),
    )
    if state:
        episodes = episodes.filter(
            Exists(
                Action.objects.filter(episode=OuterRef("pk")).filter(
                    Q(actor_id=state) | Q(target_id=state)
                )
            )
        )
    if year:
        episodes = episodes.filter(
            Exists(
                Action.objects.filter(
                    episode=OuterRef("pk"), date__lte=datetime.date(year, 12, 31)
                )
                .annotate(latest=Coalesce("date_not_after", "date"))
                .filter(latest__gte=datetime.date(year, 1, 1))
            )
        )
    episodes = episodes.order_by(Coalesce("last", "first").desc(nulls_last=True), "slug")
    if limit:
        episodes = episodes[:limit]
    summaries = {
        episode.pk: EpisodeSummary(episode, episode.first, episode.last, episode.action_count)
        for episode in episodes
    }
    if not summaries:
        return []
    in_episodes = Action.objects.filter(episode__in=list(summaries)).order_by()
    by_kind = in_episodes.values("episode_id", "kind").annotate(count=Count("id"))
    for row in by_kind.order_by("-count", "kind"):
        summaries[row["episode_id"]].kinds.append((row["kind"], row["count"]))
    states = defaultdict(dict)
    pairs = in_episodes.values_list(
        "episode_id", "actor_id", "actor__name", "target_id", "target__name"
    ).distinct()
    for episode_id, actor, actor_name, target, target_name in pairs:
        states[episode_id].setdefault(actor, actor_name)
        states[episode_id].setdefault(target, target_name)
    for episode_id, summary in summaries.items():
        summary.states = [
            State(code=code, name=name)
            for code, name in sorted(states[episode_id].items(), key=lambda item: item[1])
        ]
    return list(summaries.values())


def episode_filter_choices() -> tuple[list[tuple[str, str]], list[int]]:
    """The states that took part in an episode, and the years of episodes' actions."""
    involved = Action.objects.filter(episode__isnull=False)
    states = (
        State.objects.filter(
            Q(code__in=involved.values("actor_id")) | Q(code__in=involved.values("target_id"))
        )
        .order_by("name")
        .values_list("code", "name")
    )
    years = set()
    for row in involved.values("date", "date_not_after").distinct():
        last = row["date_not_after"] or row["date"]
        years.update(range(row["date"].year, last.year + 1))
    return list(states), sorted(years, reverse=True)


@dataclass
class StateRecord:
    state: State
    actions: list[Action]
    episodes: list[Episode]
    per_year: list[tuple[int, int, int]]  # (year, taken, received)


def state_record(state: State) -> StateRecord:
    """The actions the state took or received, newest first, their episodes, and
    how many it took and received each year."""
    actions = list(
        Action.objects.filter(Q(actor=state) | Q(target=state))
        .select_related("actor", "target", "episode")
        .order_by("-date", "-id")
    )
    episodes, taken, received = {}, Counter(), Counter()
    for action in actions:
        if action.episode is not None:
            episodes.setdefault(action.episode_id, action.episode)
        (taken if action.actor_id == state.code else received)[action.date.year] += 1
    years = sorted(set(taken) | set(received))
    per_year = (
        [(year, taken[year], received[year]) for year in range(years[0], years[-1] + 1)]
        if years
        else []
    )
    return StateRecord(state, actions, list(episodes.values()), per_year)


@dataclass
class Totals:
    actions: int
    episodes: int
    states: int
    sources: int
    citations: int


def dataset_totals() -> Totals:
    return Totals(
        actions=Action.objects.count(),
        episodes=Episode.objects.count(),
        states=State.objects.filter(
            Q(code__in=Action.objects.values("actor_id"))
            | Q(code__in=Action.objects.values("target_id"))
        ).count(),
        sources=Source.objects.count(),
        citations=Citation.objects.count(),
    )


def actions_per_year_by_kind() -> dict[int, dict[str, int]]:
    """year -> kind -> how many actions were taken that year (by their earliest day)."""
    rows = (
        Action.objects.annotate(year=ExtractYear("date"))
        .values("year", "kind")
        .annotate(count=Count("id"))
        .order_by("year", "kind")
    )
    counts: dict[int, dict[str, int]] = {}
    for row in rows:
        counts.setdefault(row["year"], {})[row["kind"]] = row["count"]
    return counts
