from rest_framework import pagination


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
