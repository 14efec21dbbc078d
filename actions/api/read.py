"""The read path of the action lists: the generic one, plus the feed's kinds.

The `.values()`-based read path is `diplomacy.api.readpath`; what only the
actions know is here: the feed (`ActionFeedSerializer`) shows each action in the
shape of its kind, so its reader holds one plan per kind, chosen by the `kind`
column. `tests/actions/api/test_read_path.py` compares the outputs for every kind.
"""

from diplomacy.api.readpath import compiler, list_mixin
from diplomacy.api.readpath.compiler import Reader, Unsupported, compile_plan

__all__ = ["ReadPathListMixin", "Reader", "Unsupported", "reader_for_serializer"]


def reader_for_serializer(serializer_class, model) -> Reader:
    """The reader of a serializer class; raise Unsupported if it cannot be reproduced."""
    # Imported here: the serializers module may import this one's users.
    from actions.api.serializers import KIND_SERIALIZERS, ActionFeedSerializer

    if issubclass(serializer_class, ActionFeedSerializer):  # one serializer per kind
        plans = {
            kind: compile_plan(kind_serializer(), KIND_SERIALIZERS[kind].Meta.model)
            for kind, kind_serializer in KIND_SERIALIZERS.items()
        }
        return Reader(model, plans, discriminator="kind")
    return compiler.reader_for_serializer(serializer_class, model)


class ReadPathListMixin(list_mixin.ReadPathListMixin):
    """The generic read path, with the feed's plans per kind."""

    def reader_for_serializer(self, serializer_class, model) -> Reader:
        return reader_for_serializer(serializer_class, model)
