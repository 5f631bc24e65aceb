from django.urls import path

from moderation import views

urlpatterns = [
    path("<slug:slug>/<str:object_id>/", views.report, name="moderation_report"),
]
