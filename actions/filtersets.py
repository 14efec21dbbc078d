import django_filters

from actions.models import Action
from diplomacy.filters import StateCodesFilter


class ActionFilterSet(django_filters.FilterSet):
    state = StateCodesFilter(
        fields=["actor", "target"],
        help_text="ISO codes, comma-separated: actions where any is actor or target.",
    )
    actor = StateCodesFilter(help_text="ISO codes of the acting state, comma-separated.")
    target = StateCodesFilter(help_text="ISO codes of the target state, comma-separated.")

    class Meta:
        model = Action
        fields = ["state", "actor", "target"]
