"""State, Mission, Envoy: CHECK constraints in the database, readable __str__."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from diplomacy.models import Envoy, Mission, State
from tests import seed

pytestmark = pytest.mark.django_db


def assert_rejected_by_the_database(instance):
    with pytest.raises(IntegrityError), transaction.atomic():
        instance.save()


def test_only_a_historic_state_has_an_end_date():
    state = State(code="XK", alpha_3="XKX", name="Kosovo", ended_on=datetime.date(2020, 1, 1))

    assert_rejected_by_the_database(state)
    with pytest.raises(ValidationError) as error:
        state.full_clean()
    assert "ended_on" in error.value.message_dict


def test_alpha_3_is_unique_among_current_states_only():
    assert_rejected_by_the_database(State(code="XF", alpha_3="FRA", name="Another France"))

    historic = State(code="XH", alpha_3="FRA", name="Old France", is_historic=True)
    historic.save()
    assert State.objects.filter(alpha_3="FRA").count() == 2


def test_a_mission_is_sent_to_another_state():
    mission = Mission(sending_state_id="FR", receiving_state_id="FR", kind="embassy", city="Paris")

    assert_rejected_by_the_database(mission)
    with pytest.raises(ValidationError) as error:
        mission.full_clean()
    assert "receiving_state" in error.value.message_dict


def test_a_mission_is_unique():
    existing = Mission.objects.get(uid=seed.FRENCH_EMBASSY_IN_BAMAKO)

    assert_rejected_by_the_database(
        Mission(sending_state_id="FR", receiving_state_id="ML", kind=existing.kind,
                city=existing.city)
    )


def test_an_unnamed_envoy_needs_a_description():
    envoy = Envoy(sending_state_id="FR")

    assert_rejected_by_the_database(envoy)
    with pytest.raises(ValidationError) as error:
        envoy.full_clean()
    assert "description" in error.value.message_dict


def test_an_envoy_of_a_mission_of_another_state_is_refused_by_clean():
    mission = Mission.objects.get(uid=seed.MALIAN_EMBASSY_IN_PARIS)

    with pytest.raises(ValidationError) as error:
        Envoy(description="Staff", sending_state_id="FR", mission=mission).full_clean()

    assert "mission" in error.value.message_dict


def test_str_is_readable():
    assert str(State.objects.get(code="ML")) == "Mali (ML)"
    assert str(Mission.objects.get(uid=seed.FRENCH_EMBASSY_IN_BAMAKO)) == (
        "FR embassy in Bamako (ML)"
    )
    assert str(Envoy(name="Jean Dupont", sending_state_id="FR")) == "Jean Dupont (FR)"
    assert str(Envoy(description="Staff", sending_state_id="FR")) == "Staff (FR)"


def test_every_record_has_a_stable_uid_and_timestamps():
    mission = Mission.objects.get(uid=seed.FRENCH_EMBASSY_IN_BAMAKO)
    assert mission.created_at is not None
    assert mission.natural_key() == (seed.FRENCH_EMBASSY_IN_BAMAKO,)

    created = Mission.objects.create(
        sending_state_id="FR", receiving_state_id="DE", kind="embassy", city="Berlin"
    )
    other = Mission.objects.create(
        sending_state_id="FR", receiving_state_id="DE", kind="consulate", city="Munich"
    )
    assert created.uid != other.uid
    assert created.created_at <= created.updated_at
