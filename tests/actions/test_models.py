"""The Action model: CHECK constraints in the database, normalisation, kinds."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, ProtectedError

from actions.models import (
    Action,
    Citation,
    CooperationSuspension,
    Detention,
    DiplomaticStatement,
    PersonaNonGrataDeclaration,
    Source,
)
from tests import seed
from tests.actions.conftest import MODEL_KIND_FIELDS
from tests.factories import ActionFactory

pytestmark = pytest.mark.django_db

MARCH_5 = datetime.date(2024, 3, 5)
MARCH_4 = datetime.date(2024, 3, 4)

def action(kind="detention", **fields):
    """An unsaved action of Germany towards Russia on 5 March 2024."""
    return ActionFactory.build(kind=kind, **fields)


def assert_rejected_by_the_database(instance):
    with pytest.raises(IntegrityError), transaction.atomic():
        instance.save()


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        ("detention", {"target_id": "DE"}),
        ("detention", {"announced_on": MARCH_4}),
        ("detention", {"released_on": MARCH_4}),
        ("persona_non_grata", {"leave_by": MARCH_4}),
        ("persona_non_grata", {"departed_on": MARCH_4}),
        ("cooperation_suspension", {"resumed_on": MARCH_4}),
        ("persona_non_grata", {"persons_count": 0}),
        ("persona_non_grata", {"persons_count": None}),
        ("cooperation_suspension", {"domain": ""}),
        ("statement", {"statement_type": ""}),
        # A field of one kind on an action of another.
        ("detention", {"persons_count": 3}),
        ("detention", {"domain": "military"}),
        ("statement", {"accusation": "Spying."}),
        ("persona_non_grata", {"statement_type": "denunciation"}),
    ],
)
def test_check_constraints_hold_in_the_database(kind, fields):
    count = Action.objects.count()

    assert_rejected_by_the_database(action(kind, **fields))

    assert Action.objects.count() == count


def test_a_declaration_without_grounds_is_rejected_by_the_database():
    # save() fills the kind's default; an update that bypasses it meets the constraint.
    declaration = Action.objects.get(uid=seed.FRENCH_PNG)
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.filter(pk=declaration.pk).update(grounds="")


def test_an_action_cannot_respond_to_itself_in_the_database():
    arrest = Action.objects.get(uid=seed.ARREST)

    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.filter(pk=arrest.pk).update(in_response_to=F("id"))


def test_the_cameo_code_is_required_in_the_database():
    arrest = Action.objects.get(uid=seed.ARREST)

    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.filter(pk=arrest.pk).update(cameo_code="")


def test_a_valid_action_with_dates_on_its_day_is_saved():
    instance = action(
        "persona_non_grata", announced_on=MARCH_5, leave_by=MARCH_5, departed_on=MARCH_5
    )

    instance.save()

    assert Action.objects.filter(pk=instance.pk).exists()


@pytest.mark.parametrize(
    ("kind", "fields", "field"),
    [
        ("detention", {"target_id": "DE"}, "target"),
        ("detention", {"released_on": MARCH_4}, "released_on"),
        ("detention", {"announced_on": MARCH_4}, "announced_on"),
        ("persona_non_grata", {"leave_by": MARCH_4}, "leave_by"),
        ("persona_non_grata", {"departed_on": MARCH_4}, "departed_on"),
        ("persona_non_grata", {"persons_count": 0}, "persons_count"),
        ("cooperation_suspension", {"resumed_on": MARCH_4}, "resumed_on"),
        ("detention", {"cameo_code": "x1"}, "cameo_code"),
    ],
)
def test_full_clean_reports_a_violated_constraint_under_its_field(kind, fields, field):
    with pytest.raises(ValidationError) as error:
        action(kind, **fields).full_clean()

    assert field in error.value.message_dict


def test_full_clean_refuses_an_answer_dated_before_what_it_answers():
    arrest = Action.objects.get(uid=seed.ARREST)  # August 2025, month precision

    with pytest.raises(ValidationError) as error:
        action(actor_id="FR", target_id="ML", date=datetime.date(2025, 7, 31),
               in_response_to=arrest).full_clean()

    assert "in_response_to" in error.value.message_dict


@pytest.mark.parametrize(
    ("precision", "stored"),
    [
        ("day", datetime.date(2024, 3, 5)),
        ("month", datetime.date(2024, 3, 1)),
        ("year", datetime.date(2024, 1, 1)),
    ],
)
def test_an_imprecise_date_is_saved_as_the_first_day_of_its_period(precision, stored):
    instance = action(date_precision=precision)

    instance.save()

    instance.refresh_from_db()
    assert instance.date == stored


@pytest.mark.parametrize(
    ("precision", "end"),
    [
        ("day", datetime.date(2024, 2, 10)),
        ("month", datetime.date(2024, 2, 29)),
        ("year", datetime.date(2024, 12, 31)),
    ],
)
def test_period_end(precision, end):
    instance = action(date=datetime.date(2024, 2, 10), date_precision=precision)
    instance.save()

    assert instance.period_end == end


@pytest.mark.parametrize(
    ("kind", "fields", "cameo_code"),
    [
        ("persona_non_grata", {}, "161"),
        ("cooperation_suspension", {"domain": "counter_terrorism"}, "160"),
        ("cooperation_suspension", {"domain": "military"}, "1622"),
        ("cooperation_suspension", {"domain": "economic"}, "1621"),
        ("detention", {}, "173"),
        ("statement", {"statement_type": "demand_for_release"}, "1053"),
        ("statement", {"statement_type": "threat_to_break_relations"}, "1313"),
        ("detention", {"cameo_code": "1711"}, "1711"),
    ],
)
def test_the_cameo_code_defaults_from_the_kind_and_a_given_one_is_kept(kind, fields, cameo_code):
    instance = action(kind, **fields)

    instance.save()

    instance.refresh_from_db()
    assert instance.cameo_code == cameo_code


@pytest.mark.parametrize(
    ("model", "kind", "count"),
    [
        (PersonaNonGrataDeclaration, "persona_non_grata", 2),
        (CooperationSuspension, "cooperation_suspension", 2),
        (Detention, "detention", 1),
        (DiplomaticStatement, "statement", 3),
    ],
)
def test_each_proxy_model_sees_and_saves_its_own_kind(model, kind, count):
    assert model.objects.count() == count
    assert set(model.objects.values_list("kind", flat=True)) == {kind}

    instance = model(actor_id="DE", target_id="RU", date=MARCH_5, summary="x",
                     **MODEL_KIND_FIELDS[kind])
    instance.save()

    assert Action.objects.get(pk=instance.pk).kind == kind
    assert model.objects.count() == count + 1


def test_str_is_readable():
    assert str(Action.objects.get(uid=seed.ARREST)) == "2025-08-01 ML → FR: Detention"
    citation = Citation.objects.filter(action__uid=seed.ARREST).first()
    assert str(citation).startswith("AFP dispatch, French-language press: ")
    assert str(Source.objects.get(uid=seed.ARTICLE_SOURCE)).endswith(", 2025-09-19")


def test_deleting_an_answered_action_is_refused_by_the_database_relation():
    with pytest.raises(ProtectedError):
        Action.objects.get(uid=seed.ARREST).delete()

