"""The readers' pages: an episode with its timeline, the episodes, a state."""

from dataclasses import dataclass, field

from django import forms
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe

from actions.kinds import KINDS
from actions.models import Action, Episode
from actions.pages import charts, reads
from actions.pages.svg import to_string
from actions.pages.timeline_picture import timeline_svg
from actions.pages.wording import action_bounds, action_date, day, period
from diplomacy.models import State

# What a kind's own fields are called on an action's entry.
FIELD_LABELS = {
    "persons_count": "Persons",
    "grounds": "Grounds",
    "leave_by": "Deadline to leave",
    "departed_on": "Left the country",
    "domain": "Cooperation",
    "resumed_on": "Cooperation resumed",
    "accusation": "Accusation",
    "released_on": "Released",
    "statement_type": "Statement",
    "returned_on": "Envoy went back",
    "restored_on": "Relations restored",
    "mission": "Mission closed",
    "reopened_on": "Mission reopened",
}


def _display(action: Action, name: str):
    value = getattr(action, name)
    if value in (None, ""):
        return None
    if hasattr(action, f"get_{name}_display"):
        return getattr(action, f"get_{name}_display")()
    if hasattr(value, "strftime"):
        return day(value)
    return str(value)


@dataclass
class Entry:
    number: int
    action: Action
    kind_label: str
    date: str
    bounds: str
    details: list[tuple[str, str]] = field(default_factory=list)
    answers: dict | None = None  # {"href", "text"}
    answered_by: list[dict] = field(default_factory=list)


def _entries(episode: Episode, actions: list[Action]) -> list[Entry]:
    numbers = {action.pk: number for number, action in enumerate(actions, start=1)}

    def link(other: Action) -> dict:
        if other.pk in numbers:
            return {"href": f"#action-{other.pk}", "text": f"{numbers[other.pk]}"}
        if other.episode is not None:
            url = reverse("episode-page", args=[other.episode.slug])
            return {"href": f"{url}#action-{other.pk}", "text": f"{other} ({other.episode})"}
        return {"href": reverse("action-detail", args=[other.pk]), "text": str(other)}

    entries = []
    for action in actions:
        kind = KINDS.get(action.kind)
        details = []
        if action.announced_on:
            details.append(("Announced", day(action.announced_on)))
        for name in kind.fields if kind else ():
            value = _display(action, name)
            if value is not None:
                label = FIELD_LABELS.get(name) or action._meta.get_field(name).verbose_name
                details.append((label, value))
        envoys = [str(envoy) for envoy in action.envoys.all()]
        if envoys:
            details.append(("Envoys", "; ".join(envoys)))
        codes = f"CAMEO {action.cameo_code}, PLOVER {action.plover}"
        if action.plover_mode:
            codes += f" ({action.plover_mode})"
        details.append(("Event codes", codes))
        entries.append(
            Entry(
                number=numbers[action.pk],
                action=action,
                kind_label=kind.label if kind else action.kind,
                date=action_date(action),
                bounds=action_bounds(action),
                details=details,
                answers=link(action.in_response_to) if action.in_response_to_id else None,
                answered_by=[link(answer) for answer in action.responses.all()],
            )
        )
    return entries


def episode_page(request, slug):
    episode = get_object_or_404(Episode, slug=slug)
    actions = reads.episode_actions(episode)
    picture = timeline_svg(
        title=f"Timeline: {episode.title}", actions=actions, href=lambda a: f"#action-{a.pk}"
    )
    states = {}
    for action in actions:
        states.setdefault(action.actor_id, action.actor)
        states.setdefault(action.target_id, action.target)
    first = min((a.date for a in actions), default=None)
    last = max((a.period_end for a in actions), default=None)
    return render(
        request,
        "actions/pages/episode.html",
        {
            "episode": episode,
            "period": period(first, last),
            "states": sorted(states.values(), key=lambda state: state.name),
            "timeline": mark_safe(to_string(picture)),
            "entries": _entries(episode, actions),
            "svg_url": reverse("episode-timeline-svg", args=[episode.slug]),
            "json_url": reverse("episode-timeline", args=[episode.slug]),
        },
    )


class EpisodeFilter(forms.Form):
    state = forms.ChoiceField(required=False, label="State")
    year = forms.TypedChoiceField(required=False, coerce=int, empty_value=None, label="Year")

    def __init__(self, data, *, states, years):
        super().__init__(data)
        self.fields["state"].choices = [("", "Any state"), *states]
        self.fields["year"].choices = [("", "Any year"), *((year, year) for year in years)]


def episode_index(request):
    states, years = reads.episode_filter_choices()
    form = EpisodeFilter(request.GET, states=states, years=years)
    status = 200
    if form.is_valid():
        chosen = form.cleaned_data
        summaries = reads.episode_summaries(state=chosen["state"] or None, year=chosen["year"])
    else:
        summaries, status = [], 400
    for summary in summaries:
        summary.period = period(summary.first, summary.last)
    return render(
        request,
        "actions/pages/episodes.html",
        {
            "summaries": summaries,
            "form": form,
            "filtered": form.is_valid() and any(form.cleaned_data.values()),
        },
        status=status,
    )


def state_page(request, code):
    if code != code.upper():
        return redirect("state-page", code=code.upper(), permanent=True)
    state = get_object_or_404(State, code=code)
    record = reads.state_record(state)
    chart = charts.taken_received_chart(state, record.per_year)
    return render(
        request,
        "actions/pages/state.html",
        {
            "state": state,
            "record": record,
            "chart": mark_safe(to_string(chart)),
            "taken": sum(taken for _, taken, _ in record.per_year),
            "received": sum(received for _, _, received in record.per_year),
        },
    )

