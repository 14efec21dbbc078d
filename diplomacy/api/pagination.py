from rest_framework import pagination


class LimitOffsetPagination(pagination.LimitOffsetPagination):
    default_limit = 50
    # DRF leaves max_limit unbounded; a client could ask for the whole table.
    max_limit = 500
