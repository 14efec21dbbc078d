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


def _dataset_filtersets():
    import actions.api.stats  # noqa: F401  (every FilterSet class of the project)
    import actions.filtersets  # noqa: F401
    import diplomacy.filtersets  # noqa: F401

    found, pending = [], [DatasetFilterSet]
    while pending:
        cls = pending.pop()
        for subclass in cls.__subclasses__():
            pending.append(subclass)
            if subclass.__module__.split(".")[0] in ("actions", "diplomacy"):
                found.append(subclass)
    return found


def test_every_project_filterset_is_checked_below():
    names = {cls.__name__ for cls in _dataset_filtersets()}
    assert {"ActionFilterSet", "StateFilterSet", "SourceFilterSet"} <= names


@pytest.mark.parametrize("filterset_class", _dataset_filtersets(), ids=lambda cls: cls.__name__)
@pytest.mark.parametrize("query", ["", "limit=50&offset=100", "format=json&cursor="])
def test_a_request_naming_no_filter_skips_the_form_and_filters_nothing(filterset_class, query):
    model = filterset_class._meta.model
    queryset = model._default_manager.all()
    filterset_class(queryset=queryset).get_form_class()  # built once per class, from copies
    quick = filterset_class(QueryDict(query), queryset=queryset)
    assert quick.names_no_filter
    assert quick.is_valid()
    sql = str(quick.qs.query)
    assert "_form" not in quick.__dict__ and "filters" not in quick.__dict__  # no work done
    # The whole way (the form built and cleaned, every filter applied) gives the same query.
    full = filterset_class(QueryDict(query), queryset=queryset)
    full.names_no_filter = False
    assert full.is_valid()
    assert str(full.qs.query) == sql == str(queryset.all().query)


@pytest.mark.parametrize("query", ["ordering=", "date_after=", "kind=bogus", "state=FR"])
def test_a_request_naming_a_filter_goes_through_the_form(query):
    filterset = ActionFilterSet(QueryDict(query), queryset=Action.objects.all())
    assert not filterset.names_no_filter
    # An empty date or an unknown kind is still refused, an empty ordering still allowed.
    assert filterset.is_valid() == (query in ("ordering=", "state=FR"))


def test_a_required_filter_is_never_skipped():
    class RequiredFilterSet(DatasetFilterSet):
        code = django_filters.CharFilter(required=True)

        class Meta:
            model = State
            fields = ["code"]

    filterset = RequiredFilterSet(QueryDict("limit=5"), queryset=State.objects.all())
    assert not filterset.names_no_filter
    assert not filterset.is_valid() and "code" in filterset.errors
