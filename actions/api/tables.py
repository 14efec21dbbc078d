"""The CSV columns of the action resources, episodes and sources; the export's rows."""

import orjson

from actions.models import KIND_MODELS, Action, Citation, Episode
from diplomacy.api.formats.tables import Table, ids_in, many_expander, related_value

ACTION_COLUMNS = {
    "id": "id",
    "uid": "uid",
    "kind": "kind",
    "actor": "actor_id",
    "target": "target_id",
    "date": "date",
    "date_precision": "date_precision",
    "date_not_before": "date_not_before",
    "date_not_after": "date_not_after",
    "announced_on": "announced_on",
    "summary": "summary",
    "notes": "notes",
    "episode": related_value(Episode, "slug", foreign_key="episode_id"),
    "in_response_to": "in_response_to_id",
    "cameo_code": "cameo_code",
    "plover": "plover",
    "plover_mode": "plover_mode",
}
TIMESTAMPS = {"created_at": "created_at", "updated_at": "updated_at"}
# Each column once, though two kinds may share it (persons_count).
KIND_COLUMNS = list(
    dict.fromkeys(name for model in KIND_MODELS.values() for name in model.KIND_FIELDS)
)


def _citations(ids):
    """Each action's citations: full in JSON, as source ids and URLs in CSV."""
    by_action = {id: [] for id in ids}
    citations = (
        Citation.objects.filter(action_id__in=ids_in(ids))
        .order_by("action_id", "id")
        .values_list(
            "action_id",
            "source_id",
            "source__publisher",
            "source__title",
            "source__url",
            "supports",
            "quote",
            "attribution",
        )
    )
    for action_id, source, publisher, title, url, supports, quote, attribution in citations:
        by_action[action_id].append(
            {
                "source": source,
                "publisher": publisher,
                "title": title,
                "url": url,
                "supports": supports,
                "quote": quote,
                "attribution": attribution,
            }
        )
    cited = list(by_action.values())
    return {
        "citations": cited,
        "citation_source_ids": [[citation["source"] for citation in each] for each in cited],
        "citation_urls": [
            [citation["url"] for citation in each if citation["url"]] for each in cited
        ],
        # Free text may hold any separator: a JSON array of strings, in citation order.
        "citation_supports": [
            orjson.dumps([citation["supports"] for citation in each]).decode() for each in cited
        ],
    }


def action_table(kind_fields, *, envoys=True) -> Table:
    expanders = []
    expanded = []
    if envoys:
        expanders.append(
            many_expander(
                column="envoy_ids",
                queryset=Action.envoys.through.objects.all(),
                owner="action_id",
                value="envoy_id",
            )
        )
        expanded.append("envoy_ids")
    expanders.append(_citations)
    expanded += ["citation_source_ids", "citation_urls", "citation_supports", "citations"]
    return Table(
        columns={**ACTION_COLUMNS, **{name: name for name in kind_fields}, **TIMESTAMPS},
        expanders=tuple(expanders),
        expanded_columns=tuple(expanded),
        json_only=frozenset({"citations"}),
        csv_only=frozenset({"citation_source_ids", "citation_urls", "citation_supports"}),
    )


ACTION_TABLE = action_table(KIND_COLUMNS)
KIND_TABLES = {
    kind: action_table(model.KIND_FIELDS, envoys=model.HAS_ENVOYS)
    for kind, model in KIND_MODELS.items()
}

EPISODE_TABLE = Table(
    columns={
        "slug": "slug",
        "uid": "uid",
        "title": "title",
        "summary": "summary",
        **TIMESTAMPS,
    }
)

SOURCE_TABLE = Table(
    columns={
        "id": "id",
        "uid": "uid",
        "publisher": "publisher",
        "title": "title",
        "url": "url",
        "published_on": "published_on",
        "language": "language",
        **TIMESTAMPS,
    }
)
