"""The CSV columns of the action resources, episodes and sources; the export's rows.

Derived at import from the serializers (`serializer_table`): what is written
here is only what the JSON does not show (the uid) and how the citations and
envoys of an action become flat columns.
"""

import orjson

from actions.api.serializers import KIND_SERIALIZERS, EpisodeSerializer, SourceSerializer
from actions.models import Action, Citation
from diplomacy.api.formats.tables import Expansion, ids_in, many_expander, serializer_table


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


# The envoys, then the citations, after the other columns.
ACTION_EXPANSIONS = {
    "envoys": Expansion(
        many_expander(
            column="envoy_ids",
            queryset=Action.envoys.through.objects.all(),
            owner="action_id",
            value="envoy_id",
        ),
        columns=("envoy_ids",),
    ),
    "citations": Expansion(
        _citations,
        columns=("citation_source_ids", "citation_urls", "citation_supports", "citations"),
        json_only=frozenset({"citations"}),
        csv_only=frozenset({"citation_source_ids", "citation_urls", "citation_supports"}),
    ),
}
# The uid, the key across copies of the dataset, is in CSV but not in the JSON.
AFTER_ID = {"id": {"uid": "uid"}}


def action_table(*serializers):
    return serializer_table(*serializers, after=AFTER_ID, expansions=ACTION_EXPANSIONS)


# The feed: every kind's columns, each once though two kinds share it (persons_count).
ACTION_TABLE = action_table(*KIND_SERIALIZERS.values())
KIND_TABLES = {kind: action_table(serializer) for kind, serializer in KIND_SERIALIZERS.items()}

EPISODE_TABLE = serializer_table(EpisodeSerializer, after={"slug": {"uid": "uid"}})
SOURCE_TABLE = serializer_table(SourceSerializer, after=AFTER_ID)
