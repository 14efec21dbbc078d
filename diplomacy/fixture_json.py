"""The JSON format of dumpdata and loaddata, without losing microseconds.

Django's JSON serializer writes datetimes to the millisecond (ECMA-262 style),
so a dump and restore silently moves every `created_at`, `updated_at` and
history date. This one writes them in full ISO 8601; Django's deserializer
reads both. Registered for "json" in SERIALIZATION_MODULES.
"""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder


class FullPrecisionEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        super()._init_options()
        if self.json_kwargs["cls"] is DjangoJSONEncoder:
            self.json_kwargs["cls"] = FullPrecisionEncoder


Deserializer = django_json.Deserializer
