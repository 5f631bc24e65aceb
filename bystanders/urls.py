from django.urls import path

from bystanders.views import guide_path

# Mounted at /wat-kun-je-doen/ (stable: docs/architecture.md, "URLs") in config/urls.py;
# see views.py for why.
urlpatterns = [path("", guide_path, name="bystanders_guide")]
