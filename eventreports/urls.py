from django.urls import path

from eventreports import views

app_name = "eventreports"

urlpatterns = [
    path("<slug:slug>/antwoord-per-mail/", views.leave_address, name="address"),
]
