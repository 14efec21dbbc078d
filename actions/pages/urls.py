from django.urls import path

from actions.pages import views

urlpatterns = [
    path("episodes/", views.episode_index, name="episode-index"),
    path("episodes/<slug:slug>/", views.episode_page, name="episode-page"),
    path("states/<str:code>/", views.state_page, name="state-page"),
]
