from django.urls import path

from moderation import staff_views

urlpatterns = [
    path("uitnodiging/", staff_views.invitation, name="staff_invitation"),
    path("uitnodiging/<str:token>/", staff_views.invitation_link, name="staff_invitation_link"),
    path("tweede-stap/", staff_views.second_factor_needed, name="staff_second_factor_needed"),
]
