"""The raw baseline: the same page as the API, written by hand with `.values()` and orjson.

No DRF, no serializer, no filterset: the least work that can produce the same
JSON from the same rows. The benchmark divides the API's time by this one's.
"""

from collections import defaultdict

import orjson
from django.http import HttpResponse
from rest_framework.utils.urls import remove_query_param, replace_query_param

from actions.models import KIND_MODELS, Action, Citation

COLUMNS = [
    "id", "kind", "actor", "actor__name", "target", "target__name", "date",
    "date_precision", "date_not_before", "date_not_after", "announced_on", "summary",
    "notes", "episode", "episode__slug",
    "episode__title", "in_response_to", "in_response_to__kind", "in_response_to__date",
    "in_response_to__date_precision", "in_response_to__actor", "in_response_to__target",
    "cameo_code", "plover", "plover_mode", "created_at", "updated_at",
]
CITATION_COLUMNS = [
    "action_id", "id", "source", "source__publisher", "source__title", "source__url",
    "source__published_on", "supports", "quote", "attribution",
]
# A kind's own foreign keys, shown brief on read: the related row's columns.
BRIEF_COLUMNS = {"mission": ("kind", "city")}
ENVOY_COLUMNS = ["action_id", "envoy", "envoy__name", "envoy__description"]
ENVOY_ORDER = ["envoy__sending_state", "envoy__name", "envoy__description", "envoy__id"]


def _links(request, limit, offset, count):
    url = request.build_absolute_uri()
    url = replace_query_param(url, "limit", limit)
    following = None
    if offset + limit < count:
        following = replace_query_param(url, "offset", offset + limit)
    preceding = None
    if offset > 0:
        preceding = (
            remove_query_param(url, "offset")
            if offset - limit <= 0
            else replace_query_param(url, "offset", offset - limit)
        )
    return following, preceding


def raw_action_list(request, kind=None):
    limit = int(request.GET.get("limit", 50))
    offset = int(request.GET.get("offset", 0))
    table = Action.objects.all() if kind is None else Action.objects.filter(kind=kind)
    models = list(KIND_MODELS.values()) if kind is None else [KIND_MODELS[kind]]
    kind_fields = list(dict.fromkeys(name for model in models for name in model.KIND_FIELDS))
    brief_columns = [
        f"{name}__{column}" for name in kind_fields for column in BRIEF_COLUMNS.get(name, ())
    ]
    count = table.count()
    # The page is chosen on the bare table, then joined, as the API does: with
    # statistics, SQLite may otherwise start a plain join from the states table.
    window = table.values("pk")[offset : offset + limit]
    rows = list(
        Action.objects.filter(pk__in=window)
        .order_by("-date", "-id")
        .values(*COLUMNS, *kind_fields, *brief_columns)
    )
    ids = [row["id"] for row in rows]

    citations = defaultdict(list)
    for c in (
        Citation.objects.filter(action_id__in=ids).order_by("id").values(*CITATION_COLUMNS)
    ):
        citations[c["action_id"]].append(
            {
                "id": c["id"],
                "source": {
                    "id": c["source"],
                    "publisher": c["source__publisher"],
                    "title": c["source__title"],
                    "url": c["source__url"],
                    "published_on": c["source__published_on"],
                },
                "supports": c["supports"],
                "quote": c["quote"],
                "attribution": c["attribution"],
            }
        )
    envoys = defaultdict(list)
    if any(model.HAS_ENVOYS for model in models):
        links = Action.envoys.through.objects.filter(action_id__in=ids)
        for e in links.order_by(*ENVOY_ORDER).values(*ENVOY_COLUMNS):
            envoys[e["action_id"]].append(
                {"id": e["envoy"], "name": e["envoy__name"], "description": e["envoy__description"]}
            )

    results = []
    for row in rows:
        item = {
            "id": row["id"],
            "kind": row["kind"],
            "actor": {"code": row["actor"], "name": row["actor__name"]},
            "target": {"code": row["target"], "name": row["target__name"]},
            "date": row["date"],
            "date_precision": row["date_precision"],
            "date_not_before": row["date_not_before"],
            "date_not_after": row["date_not_after"],
            "announced_on": row["announced_on"],
            "summary": row["summary"],
            "notes": row["notes"],
            "episode": None
            if row["episode"] is None
            else {"slug": row["episode__slug"], "title": row["episode__title"]},
            "in_response_to": None
            if row["in_response_to"] is None
            else {
                "id": row["in_response_to"],
                "kind": row["in_response_to__kind"],
                "date": row["in_response_to__date"],
                "date_precision": row["in_response_to__date_precision"],
                "actor": row["in_response_to__actor"],
                "target": row["in_response_to__target"],
            },
            "cameo_code": row["cameo_code"],
            "plover": row["plover"],
            "plover_mode": row["plover_mode"],
            "citations": citations.get(row["id"], []),
            "created_at": row["created_at"],
            "updated_at": row["updated_at"],
        }
        model = KIND_MODELS[row["kind"]]
        if model.HAS_ENVOYS:
            item["envoys"] = envoys.get(row["id"], [])
        for name in model.KIND_FIELDS:
            if name in BRIEF_COLUMNS and row[name] is not None:
                item[name] = {"id": row[name]} | {
                    column: row[f"{name}__{column}"] for column in BRIEF_COLUMNS[name]
                }
            else:
                item[name] = row[name]
        results.append(item)

    following, preceding = _links(request, limit, offset, count)
    body = orjson.dumps(
        {"count": count, "next": following, "previous": preceding, "results": results},
        option=orjson.OPT_UTC_Z,
    )
    return HttpResponse(body, content_type="application/json")
