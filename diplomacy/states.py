"""The states of ISO 3166-1 and the historic ones of ISO 3166-3, from pycountry."""

import datetime

import pycountry
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from diplomacy.models import State

# pycountry names historic states the way ISO 3166-3 lists them
# ("USSR, Union of Soviet Socialist Republics"); these are the names people use.
HISTORIC_COMMON_NAMES = {
    "SUHH": "Soviet Union",
    "DDDE": "East Germany",
    "YUCS": "Yugoslavia",
    "CSHH": "Czechoslovakia",
    "CSXX": "Serbia and Montenegro",
    "YDYE": "South Yemen",
    "VDVN": "North Vietnam",
    "BUMM": "Burma",
    "HVBF": "Upper Volta",
    "ZRCD": "Zaire",
    "BYAA": "Byelorussian SSR",
}


def _withdrawal_date(value: str) -> datetime.date:
    if len(value) == 4:  # ISO 3166-3 gives only the year for some
        return datetime.date(int(value), 1, 1)
    return datetime.date.fromisoformat(value)


def iso_states() -> list[State]:
    current = list(pycountry.countries)
    current_codes = {country.alpha_2 for country in current}
    historic = list(pycountry.historic_countries)
    historic_alpha_2 = [country.alpha_2 for country in historic]

    states = [
        State(
            code=country.alpha_2,
            alpha_3=country.alpha_3,
            numeric=country.numeric,
            name=getattr(country, "common_name", country.name),
            official_name=getattr(country, "official_name", ""),
        )
        for country in current
    ]
    for country in historic:
        ambiguous = (
            country.alpha_2 in current_codes or historic_alpha_2.count(country.alpha_2) > 1
        )
        official = country.name
        states.append(
            State(
                code=country.alpha_4 if ambiguous else country.alpha_2,
                alpha_3=country.alpha_3,
                alpha_4=country.alpha_4,
                numeric=getattr(country, "numeric", ""),
                name=HISTORIC_COMMON_NAMES.get(country.alpha_4, official),
                official_name=official,
                is_historic=True,
                ended_on=_withdrawal_date(country.withdrawal_date),
            )
        )
    return states


# What ISO says of a state besides its code: what a load compares and writes,
# and (with the code) what the API shows of a state, and so its CSV columns
# and import-export columns.
STATE_FIELDS = [
    "alpha_3",
    "alpha_4",
    "numeric",
    "name",
    "official_name",
    "is_historic",
    "ended_on",
]


def states_load() -> int:
    """Create or update every ISO state; safe to run any number of times.

    Only the states that are new or differ from ISO are written, each with a
    history entry and, when changed, its next version.
    """
    states = iso_states()
    stored = State.objects.in_bulk([state.code for state in states])
    new = [state for state in states if state.code not in stored]
    changed = []
    now = timezone.now()
    for state in states:
        current = stored.get(state.code)
        if current is not None and any(
            getattr(current, name) != getattr(state, name) for name in STATE_FIELDS
        ):
            state.version = current.version + 1
            # bulk_update does not touch auto_now fields; a syncing copy
            # finds changed states by updated_at.
            state.updated_at = now
            changed.append(state)
    with transaction.atomic():
        bulk_create_with_history(new, State, default_change_reason="load_states")
        bulk_update_with_history(
            changed,
            State,
            [*STATE_FIELDS, "version", "updated_at"],
            default_change_reason="load_states",
        )
    return len(states)
