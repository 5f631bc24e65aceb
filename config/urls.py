from django.conf import settings
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from community import views as community_views
from moderation import staff

urlpatterns = [
    path("healthz", community_views.healthz, name="healthz"),
    path("taal/<str:language>/", community_views.switch_language, name="switch_language"),
    path(
        "veilig-gebruiken/",
        TemplateView.as_view(template_name="community/safe_use.html"),
        name="safe_use",
    ),
    path("admin/login/", staff.admin_login, name="admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("accounts/", include("community.urls")),
    path("accounts/", include("allauth.urls")),
    path("live/", include("live.urls")),
    path("live/", include("eventreports.urls")),
    path("melden/", include("moderation.urls")),
    path("medewerkers/", include("moderation.staff_urls")),
    path("wat-kun-je-doen/", include("bystanders.urls")),
    path("", include("figures.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves the page tree; it must come last.
urlpatterns += [path("", include(wagtail_urls))]

handler404 = "community.errors.page_not_found"
handler500 = "community.errors.server_error"
