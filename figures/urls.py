from django.urls import path

from figures import views

urlpatterns = [
    path("verhalen/patronen/", views.patterns, name="figures_patterns"),
    path("cijfers/", views.figures, name="figures_index"),
    path("cijfers/data/<slug:key>.<str:fmt>", views.download, name="figures_download"),
]
