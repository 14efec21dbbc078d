from django.urls import path, re_path

from actions.pages import views
from diplomacy.api.views import STATE_CODE_REGEX

urlpatterns = [
    path("episodes/", views.episode_index, name="episode-index"),
    path("episodes/<slug:slug>/", views.episode_page, name="episode-page"),
    # A code as the API takes it (any other character, a null one included, is a 404).
    re_path(rf"^states/(?P<code>{STATE_CODE_REGEX})/$", views.state_page, name="state-page"),
]
