"""Wagtail hooks of the shared public face."""

from wagtail import hooks

from community.page_cache import note_served_page

# The page cache stores only Wagtail pages of the cached types: tell it which page answered.
hooks.register("before_serve_page", note_served_page)
