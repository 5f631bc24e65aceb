"""Kring's URLs plus the bare Django view the page figures are compared with (bench only)."""

from django.http import HttpResponse
from django.urls import path

from config import urls as kring_urls


def bare(request):
    """The least a Django view can do, through the same middleware as every page."""
    return HttpResponse(b"<!DOCTYPE html><title>bare</title><p>ok</p>")


urlpatterns = [path("bench/bare/", bare), *kring_urls.urlpatterns]

handler404 = kring_urls.handler404
handler500 = kring_urls.handler500
