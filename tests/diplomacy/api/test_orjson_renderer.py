"""The orjson renderer writes the bytes DRF's JSONRenderer writes."""

import datetime
import decimal
import uuid
from collections import OrderedDict
from zoneinfo import ZoneInfo

import pytest
from django.utils.translation import gettext_lazy
from rest_framework import renderers
from rest_framework.exceptions import ErrorDetail
from rest_framework.utils.serializer_helpers import ReturnDict, ReturnList

from diplomacy.api.formats.json_renderer import JSONRenderer

UTC = datetime.UTC
SAMPLES = [
    {"a": 1, "b": [1, 2, None, True, False], "c": "Bamako – Paris « quoted » 日本"},
    OrderedDict([("z", 1), ("a", 2)]),
    ReturnList([ReturnDict({"x": 1}, serializer=None)], serializer=None),
    {"when": datetime.datetime(2025, 8, 14, 12, 0, tzinfo=UTC)},
    {"when": datetime.datetime(2025, 8, 14, 12, 0, 0, 123456, tzinfo=UTC)},
    {"when": datetime.datetime(2025, 8, 14, 12, 0, tzinfo=ZoneInfo("Europe/Paris"))},
    {"when": datetime.datetime(2025, 8, 14, 12, 0)},
    {"day": datetime.date(2025, 8, 14), "time": datetime.time(9, 30)},
    {"uid": uuid.UUID("666c8f47-1e99-5dc8-a20f-e138c3734635")},
    {"amount": decimal.Decimal("1.50")},
    {"lazy": gettext_lazy("This field is required.")},
    {"errors": {"date": [ErrorDetail("Bad date.", code="invalid")]}},
    {"separator": "line\u2028break\u2029paragraph"},
    {1: "integer key"},
    {"big": 2**70},
    {"set": {1}},
    [],
    "plain",
]


@pytest.mark.parametrize("data", SAMPLES)
def test_same_bytes_as_drf(data):
    assert JSONRenderer().render(data) == renderers.JSONRenderer().render(data)


def test_indented_output_is_left_to_drf():
    data = {"a": [1, 2]}
    media_type = "application/json; indent=4"
    assert JSONRenderer().render(data, media_type) == renderers.JSONRenderer().render(
        data, media_type
    )


def test_none_is_an_empty_body():
    assert JSONRenderer().render(None) == b""
