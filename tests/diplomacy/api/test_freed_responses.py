"""A rendered list response is freed when it is let go, not at the next garbage collection."""

import gc
import weakref

import pytest
from rest_framework.test import APIRequestFactory

from actions.api.stats import ActionStatsViewSet
from actions.api.views import KIND_VIEWSETS, ActionViewSet
from diplomacy.api.views import DeletionViewSet, StateViewSet

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "viewset, actions",
    [
        (ActionViewSet, {"get": "list"}),
        (KIND_VIEWSETS["detention"], {"get": "list"}),
        (StateViewSet, {"get": "list"}),
        (StateViewSet, {"get": "retrieve"}),
        (DeletionViewSet, {"get": "list"}),
        (ActionStatsViewSet, {"get": "list"}),
    ],
)
def test_a_rendered_response_is_in_no_reference_cycle(viewset, actions):
    view = viewset.as_view(actions)
    kwargs = {"code": "FR"} if actions["get"] == "retrieve" else {}
    gc.collect()
    gc.disable()
    try:
        response = view(APIRequestFactory().get("/"), **kwargs)
        response.render()
        assert response.status_code == 200
        assert response.content  # rendered with the view's renderers, which read the context
        freed = weakref.ref(response)
        del response
        assert freed() is None  # by reference counting alone
    finally:
        gc.enable()
