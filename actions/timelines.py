"""The order of an episode's actions on its timeline."""

import heapq

from django.db.models import Prefetch

from actions.models import Action, Episode


def episode_timeline(*, episode: Episode) -> list[Action]:
    """The episode's actions in date order, each after the action it answers.

    An imprecise date is stored as the first day of its period, so plain date
    order can put an answer before what it answers (a decision known only by
    its year sorts on 1 January). The order is the date order with that one
    correction: an action is placed as soon as what it answers is placed.
    """
    actions = list(
        episode.actions.select_related("in_response_to")
        .prefetch_related(Prefetch("responses", queryset=Action.objects.order_by("date", "id")))
        .order_by("date", "id")
    )
    return timeline_order(actions)


def timeline_order(actions: list[Action]) -> list[Action]:
    """`actions` (in date order) in the order of a timeline (see episode_timeline)."""
    in_episode = {action.pk for action in actions}
    waiting = {}  # id of the answered action -> its answers not yet placed
    ready = []
    for action in actions:
        parent = action.in_response_to_id
        if parent in in_episode:
            waiting.setdefault(parent, []).append(action)
        else:
            heapq.heappush(ready, (action.date, action.pk, action))
    ordered = []
    while ready:
        _, _, action = heapq.heappop(ready)
        ordered.append(action)
        for answer in waiting.pop(action.pk, []):
            heapq.heappush(ready, (answer.date, answer.pk, answer))
    return ordered
