from django.urls import path

from live import views

app_name = "live"

urlpatterns = [
    path("<slug:slug>/", views.room, name="room"),
    path("<slug:slug>/meedoen/", views.join, name="join"),
    path("<slug:slug>/vergeten/", views.forget, name="forget"),
    path("<slug:slug>/rol/", views.set_role, name="role"),
    path("<slug:slug>/code/", views.redeem_code, name="code"),
]
