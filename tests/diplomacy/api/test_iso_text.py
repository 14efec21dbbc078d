"""The database writes dates, datetimes and UUIDs as the API's JSON does.

The export reads them so (diplomacy/api/formats/database_text.py)."""

import datetime
import json

import pytest
from rest_framework.utils.encoders import JSONEncoder

from actions.models import Action
from diplomacy.api.formats.database_text import DateText, DateTimeText, UUIDText, as_text
from tests.seed import MALI_PNG

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
PLUS_TWO = datetime.timezone(datetime.timedelta(hours=2))
MOMENTS = [
    datetime.datetime(2025, 9, 17, 10, 0, 0, tzinfo=UTC),  # no fraction
    datetime.datetime(2025, 9, 17, 10, 0, 0, 120000, tzinfo=UTC),  # trailing zeros kept
    datetime.datetime(1999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    datetime.datetime(2025, 1, 2, 3, 4, 5, 6, tzinfo=PLUS_TWO),
]


def drf(value):
    return json.loads(json.dumps(value, cls=JSONEncoder))


@pytest.mark.parametrize("moment", MOMENTS, ids=str)
def test_a_datetime_reads_as_drf_writes_it(moment):
    Action.objects.filter(uid=MALI_PNG).update(created_at=moment)
    action = Action.objects.get(uid=MALI_PNG)
    (text,) = Action.objects.filter(pk=action.pk).values_list(DateTimeText("created_at"), flat=True)
    assert text == drf(action.created_at)


@pytest.mark.parametrize("day", [datetime.date(2025, 8, 1), datetime.date(987, 3, 4)], ids=str)
def test_a_date_reads_as_drf_writes_it(day):
    Action.objects.filter(uid=MALI_PNG).update(
        date=day, date_precision="day", date_not_before=day, date_not_after=day,
        announced_on=day,
    )
    (text,) = Action.objects.filter(uid=MALI_PNG).values_list(DateText("date"), flat=True)
    assert isinstance(text, str) and text == drf(day)


def test_a_uuid_reads_as_drf_writes_it():
    (text,) = Action.objects.filter(uid=MALI_PNG).values_list(UUIDText("uid"), flat=True)
    assert text == MALI_PNG == drf(Action.objects.get(uid=MALI_PNG).uid)


def test_only_dates_datetimes_and_uuids_are_read_as_text():
    assert isinstance(as_text(Action, "created_at"), DateTimeText)
    assert isinstance(as_text(Action, "date"), DateText)
    assert isinstance(as_text(Action, "uid"), UUIDText)
    assert as_text(Action, "summary") == "summary"
