import re

from rest_framework import pagination
from rest_framework.exceptions import ErrorDetail, ValidationError

# Digits only, and few enough for int() (and any database) to take.
WHOLE_NUMBER = re.compile(r"-?[0-9]{1,18}")


class LimitOffsetPagination(pagination.LimitOffsetPagination):
    default_limit = 50
    # DRF leaves max_limit unbounded; a client could ask for the whole table.
    max_limit = 500

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        descriptions = {
            "count": "Number of records matching the query, on every page.",
            "next": "URL of the next page; null on the last page.",
            "previous": "URL of the previous page; null on the first page.",
            "results": f"The records of this page (at most `limit`, {self.max_limit} at most).",
        }
        for name, description in descriptions.items():
            field = response["properties"][name]
            # drf-spectacular passes a placeholder, not a dict, when it builds examples.
            if isinstance(field, dict):
                field["description"] = description
        return response

    # DRF quietly replaces a limit or offset it cannot use with a default; a
    # client asking for 10,000 rows would believe it had them all. Say so.
    def get_limit(self, request):
        return self._bounded_int(
            request, self.limit_query_param, self.default_limit, 1, self.max_limit
        )

    def get_offset(self, request):
        return self._bounded_int(request, self.offset_query_param, 0, 0, None)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.limit_query_param: {"minimum": 1, "maximum": self.max_limit},
            self.offset_query_param: {"minimum": 0},
        }
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters

    @staticmethod
    def _bounded_int(request, name, default, minimum, maximum):
        raw = request.query_params.get(name)
        if raw is None or raw == "":
            return default
        if not WHOLE_NUMBER.fullmatch(raw):
            raise ValidationError({name: [ErrorDetail("A whole number is required.", "invalid")]})
        value = int(raw)
        if value < minimum:
            message = f"Must be at least {minimum}."
            raise ValidationError({name: [ErrorDetail(message, "min_value")]})
        if maximum is not None and value > maximum:
            message = f"Must be at most {maximum}."
            raise ValidationError({name: [ErrorDetail(message, "max_value")]})
        return value
