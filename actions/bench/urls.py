"""The project's URLs plus the raw baseline views, for the benchmark only."""

from django.urls import path

from actions.bench.raw import raw_action_list
from diplomacy.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    path("bench/raw/actions/", raw_action_list),
    path("bench/raw/<str:kind>/", raw_action_list),
    *project_urlpatterns,
]
