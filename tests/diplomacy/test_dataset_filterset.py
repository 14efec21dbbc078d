"""DatasetFilterSet: shallow copies of the filters and one form class per FilterSet class,
with the behaviour of django-filter's own FilterSet."""

import django_filters
import pytest
from django.http import QueryDict

from actions.filtersets import ActionFilterSet
from actions.models import Action
from diplomacy.filters import DatasetFilterSet
from diplomacy.models import State

pytestmark = pytest.mark.django_db


class CodeFilterSet(DatasetFilterSet):
    starts = django_filters.CharFilter(method="filter_starts")

    def filter_starts(self, queryset, name, value):
        self.called_with = value
        return queryset.filter(code__startswith=value)

    class Meta:
        model = State
        fields = ["starts"]


def test_each_filterset_has_its_own_filters_bound_to_it():
    first = CodeFilterSet(QueryDict("starts=F"), queryset=State.objects.all())
    second = CodeFilterSet(QueryDict("starts=M"), queryset=State.objects.all())
    assert first.filters["starts"] is not second.filters["starts"]
    assert first.filters["starts"] is not CodeFilterSet.base_filters["starts"]
    assert first.filters["starts"].parent is first and second.filters["starts"].parent is second
    assert {state.code[0] for state in second.qs} == {"M"}
    assert {state.code[0] for state in first.qs} == {"F"}
    assert (first.called_with, second.called_with) == ("F", "M")
    assert getattr(CodeFilterSet.base_filters["starts"], "parent", None) is None


def test_the_form_class_is_built_once_per_filterset_class():
    first = ActionFilterSet(QueryDict("kind=detention"), queryset=Action.objects.all())
    second = ActionFilterSet(QueryDict("kind=bogus"), queryset=Action.objects.all())
    assert type(first.form) is type(second.form)
    assert first.is_valid() and not second.is_valid()
    assert "kind" in second.errors and not first.errors


class RequestQuerysetFilterSet(DatasetFilterSet):
    state = django_filters.ModelChoiceFilter(
        field_name="code", queryset=lambda request: State.objects.filter(code="FR")
    )

    class Meta:
        model = State
        fields = ["state"]


def test_a_form_depending_on_the_request_is_built_each_time():
    first = RequestQuerysetFilterSet(QueryDict("state=FR"), queryset=State.objects.all())
    second = RequestQuerysetFilterSet(QueryDict("state=ML"), queryset=State.objects.all())
    assert type(first.form) is not type(second.form)
    assert first.is_valid() and not second.is_valid()


def test_django_filter_is_the_version_whose_init_was_copied():
    # DatasetFilterSet.__init__ repeats django-filter 26.2's: check it again on an upgrade.
    assert django_filters.__version__ == "26.2"


def test_a_subclass_gets_its_own_form_class():
    from actions.api.stats import ActionStatsFilterSet

    feed_form = ActionFilterSet(QueryDict(), queryset=Action.objects.all()).form  # built first
    stats = ActionStatsFilterSet(QueryDict(), queryset=Action.objects.all())
    assert type(stats.form) is not type(feed_form)
    assert set(stats.form.fields) == set(ActionStatsFilterSet.base_filters)
