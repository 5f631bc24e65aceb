import asyncio
import json

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from community.accounts import export_account
from community.forms import DeleteAccountForm
from community.models import User
from community.private import private_view

HEALTH_TIMEOUT = 2.0


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return bool(cursor.fetchone() == (1,))
    except Exception:
        return False


async def _channel_layer_ok() -> bool:
    layer = get_channel_layer()
    if layer is None:
        return False
    try:
        async with asyncio.timeout(HEALTH_TIMEOUT):
            channel = await layer.new_channel("healthz.")
            await layer.send(channel, {"type": "healthz.ping"})
            message = await layer.receive(channel)
            return bool(message.get("type") == "healthz.ping")
    except Exception:
        return False


@never_cache
async def healthz(request: HttpRequest) -> JsonResponse:
    database = await sync_to_async(_database_ok)()
    channel_layer = await _channel_layer_ok()
    healthy = database and channel_layer
    return JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            "database": "ok" if database else "down",
            "channel_layer": "ok" if channel_layer else "down",
        },
        status=200 if healthy else 503,
    )


@require_GET
def switch_language(request: HttpRequest, language: str) -> HttpResponseRedirect:
    """A plain link that changes the language, so that pages need no form or CSRF cookie."""
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language in dict(settings.LANGUAGES):
        translation.activate(language)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            # One of Django's allowed values; django-stubs types every setting as plain str.
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,  # type: ignore[arg-type]
        )
    return response


def _member(request: HttpRequest) -> User:
    """The signed-in member, in a view behind login_required."""
    user = request.user
    assert user.is_authenticated  # login_required sent everyone else to the login page
    return user


@login_required
@private_view
def my_data(request: HttpRequest) -> HttpResponse:
    if request.GET.get("download"):
        data = export_account(_member(request))
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False, default=str),
            content_type="application/json; charset=utf-8",
        )
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="kring-gegevens-{stamp}.json"'
        return response
    return render(request, "community/my_data.html", {"data": export_account(_member(request))})


@login_required
@require_POST
def logout_everywhere(request: HttpRequest) -> HttpResponseRedirect:
    """End every session of this account, on every device, this one included."""
    _member(request).end_all_sessions()
    logout(request)
    messages.success(request, _("You have been logged out on all devices."))
    return HttpResponseRedirect("/")


@login_required
@private_view
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(_member(request), request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = _member(request)
        logout(request)
        user.delete()
        messages.success(request, _("Your account and everything linked to it have been deleted."))
        return HttpResponseRedirect("/")
    return render(request, "community/delete_account.html", {"form": form})
