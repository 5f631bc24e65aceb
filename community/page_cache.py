"""A shared cache of the public pages that anonymous visitors read most.

Who is served from it: a GET from a browser that carries neither a session cookie nor a
messages cookie, so nobody who is signed in, no guest with a pseudonym and nobody with a
message waiting. Which pages: live Wagtail pages of CACHED_PAGE_TYPES, at their own URL (not
the forms and private links that RoutablePageMixin serves below them), and the few plain
Django views marked with `@public_view` (the figures pages).

The query string is part of the key, and a page is stored under one only when the page says,
while it renders, that this exact query string names what it shows (`reads_query`: a filter
and a page number, in one spelling). Any other query string (an unknown parameter, another
order, `?pagina=1`, a number past the end) is rendered afresh and never stored, so nobody can
fill the cache with copies of one page, and page 2 is never answered with page 1.

Pages whose numbers change without an editor (seats left, a live room's status) say so while
they render: `depends_on(request, scope)` ties the stored copy to a scope of its own that the
owning app bumps (`bump_scope`) when a registration, a session or a room changes, without
making every other stored page stale; `valid_until(request, moment)` says when the page would
read differently just because time passed (a session starts, a panel goes live), and the copy
is not served from that moment on.

What is stored: only a 200 response that sets no cookie, put no CSRF token in the page and does
not say private, no-store or no-cache. The key is a hash of the scheme, host, path, declared
query and the language the visitor is served (language cookie, then Accept-Language), so Dutch
and English readers never get each other's interface, and no private link's token reaches the
cache, not even in a key.

A stored page is never served once anything it may show has changed: every save or delete of
a page, a revision, a story, a snippet or a setting (the apps in WATCHED_APPS, except the
accounts, which no public page shows) bumps a generation number after the commit, in the
cache all workers share, and only pages of the current generation are served. The timeout is
the backstop for changes made by other processes (management commands).
"""

import hashlib
import logging
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone, translation
from django.utils.cache import cc_delim_re
from django.utils.http import urlencode

logger = logging.getLogger(__name__)

CACHED_PAGE_TYPES = frozenset(
    {
        "community.HomePage",
        "community.StandardPage",
        "bystanders.GuidePage",
        "eventreports.EventReportPage",
        "figures.FiguresSnapshotPage",
        "commitments.CommitmentIndexPage",
        "stories.StoryIndexPage",
        "stories.StoryPage",
        "workshops.WorkshopIndexPage",
        "workshops.WorkshopPage",
        "workshops.EventIndexPage",
        "workshops.EventPage",
    }
)
WATCHED_APPS = frozenset({"wagtailcore", "community", "stories", "wagtailsnippets", "figures"})
TIMEOUT = 5 * 60
GENERATION_KEY = "pagecache:generation"
SCOPE_KEY = "pagecache:scope:"
UNCACHEABLE = frozenset({"private", "no-store", "no-cache"})
# A longer query string is never looked up: no page of Kring's needs one.
MAX_QUERY = 200
# Says whether a page came from the cache ("hit") or was just stored; absent otherwise.
STATUS_HEADER = "X-Kring-Cache"

# A stored page: generation, headers, content, {scope: its number}, until (a timestamp).
Stored = tuple[int, list[tuple[str, str]], bytes, dict[str, int | None], float | None]


@dataclass
class _Notes:
    """What a page says about itself while it renders (kept on the request)."""

    # The scopes it depends on, each with its number when read (None: the cache was down).
    scopes: dict[str, int | None] = field(default_factory=dict)
    until: datetime | None = None  # the moment it would read differently
    query: str = ""  # the one query string it may be stored under (see reads_query)
    public_view: bool = False  # a plain view marked @public_view
    served_page: Any = None  # the Wagtail page that answered (before_serve_page)


def _notes(request: HttpRequest) -> _Notes:
    notes: _Notes = request.__dict__.setdefault("_page_cache", _Notes())
    return notes


def _generation_now(key: str = GENERATION_KEY) -> int:
    generation: int | None = cache.get(key)
    if generation is None:
        # A random start: pages stored before the key was lost can never match it.
        cache.add(key, secrets.randbelow(2**40), None)
        generation = cache.get(key)
    return int(generation)


def _bump(key: str) -> None:
    """Bump `key` now and again once the current transaction commits.

    The second bump closes the window in which a request could still read and store the old
    content under the new generation before the commit.
    """

    def bump() -> None:
        try:
            cache.incr(key)
        except ValueError:  # no generation yet: nothing is stored under one
            _generation_now(key)
        except Exception:
            logger.exception("page cache: could not invalidate stored pages")

    bump()
    transaction.on_commit(bump)


def bump_generation() -> None:
    """Make every stored page stale."""
    _bump(GENERATION_KEY)


def bump_scope(scope: str) -> None:
    """Make the stored pages that depend on `scope` stale (see `depends_on`)."""
    _bump(SCOPE_KEY + scope)


def depends_on(request: HttpRequest, scope: str) -> None:
    """Called while a page renders, before it reads what `scope` covers: its stored copy is
    served only until someone calls bump_scope(scope)."""
    scopes = _notes(request).scopes
    if scope not in scopes:
        try:
            scopes[scope] = _generation_now(SCOPE_KEY + scope)
        except Exception:
            scopes[scope] = None  # a cache that is down: never stored (see _storable)


def valid_until(request: HttpRequest, moment: datetime | None) -> None:
    """Called while a page renders: what it shows stops being right at `moment`."""
    if moment is None:
        return
    notes = _notes(request)
    if notes.until is None or moment < notes.until:
        notes.until = moment


# A query parameter's value as a page used it; None (or "") for its default, left out.
QueryValue = str | int | None


def query_string(params: Mapping[str, QueryValue]) -> str:
    """`params` as a query string in the one spelling `reads_query` stores: in the order
    given, empty values (None, "") left out; "" when nothing is left."""
    return urlencode(
        [(name, value) for name, value in params.items() if value is not None and value != ""]
    )


def reads_query(request: HttpRequest, params: Mapping[str, QueryValue]) -> str:
    """Called while a page renders with the query parameters it read and the values it used
    (e.g. `{"status": "open", "pagina": 2}`, with None for a default): the page is stored only
    for a request whose query string is exactly `query_string(params)`. Returns that string."""
    query = query_string(params)
    _notes(request).query = query
    return query


def _content_changed(sender: type[Model], **kwargs: Any) -> None:
    # Accounts live in community, but no public page shows one: a sign-in saves the user
    # (last_login), and that must not empty the cache, or signing in and out again would
    # make every page render anew for everyone.
    if sender._meta.app_label in WATCHED_APPS and sender._meta.label != settings.AUTH_USER_MODEL:
        bump_generation()


post_save.connect(_content_changed, dispatch_uid="community.page_cache.save")
post_delete.connect(_content_changed, dispatch_uid="community.page_cache.delete")


def _anonymous(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and CookieStorage.cookie_name not in cookies


def _key(request: HttpRequest, query: str) -> str:
    # Hashed: a private link's path carries its token, and a cache key shows in Redis's
    # monitoring even when the lookup finds nothing.
    language = translation.get_language_from_request(request)
    where = f"{request.scheme}:{request.get_host()}:{language}:{request.path}?{query}"
    return "pagecache:" + hashlib.sha256(where.encode()).hexdigest()


def note_served_page(page: Any, request: HttpRequest, serve_args: Any, serve_kwargs: Any) -> None:
    """Wagtail's `before_serve_page` hook (registered in community/wagtail_hooks.py): remember
    which page this request is answered by, through Wagtail's supported extension point rather
    than the private attribute its router leaves on the request."""
    _notes(request).served_page = page


def public_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mark a plain Django view as a public page: its anonymous GETs are stored and served
    under the same rules as the cached Wagtail pages (it reports what it depends on with
    `depends_on` and `valid_until` too)."""

    @wraps(view)
    def marked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        _notes(request).public_view = True
        return view(request, *args, **kwargs)

    return marked


def _cacheable_route(request: HttpRequest) -> bool:
    """The page answered is one of CACHED_PAGE_TYPES at its own URL, or a `public_view`."""
    notes = _notes(request)
    if notes.public_view:
        return True
    page = notes.served_page
    if page is None:
        return False
    if type(page)._meta.label not in CACHED_PAGE_TYPES or not page.live:
        return False
    match = getattr(request, "routable_resolver_match", None)
    return match is None or match.route == ""


def _storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    notes = _notes(request)
    if request.META.get("QUERY_STRING", "") != notes.query:
        return False
    if request.META.get("CSRF_COOKIE_USED") or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    control = response.get("Cache-Control", "").lower()
    directives = {part.split("=")[0].strip() for part in cc_delim_re.split(control)}
    if directives & UNCACHEABLE or "max-age=0" in control:
        return False
    if None in notes.scopes.values():
        return False
    if notes.until is not None and notes.until <= timezone.now():
        return False
    return _cacheable_route(request)


def _fresh(stored: Stored, generation: int) -> bool:
    """Is this stored copy still what the page would show now?"""
    if len(stored) != 5 or stored[0] != generation:
        return False
    _generation, _headers, _content, scopes, until = stored
    if until is not None and timezone.now().timestamp() >= until:
        return False
    if scopes:
        current = cache.get_many([SCOPE_KEY + scope for scope in scopes])
        return all(current.get(SCOPE_KEY + scope) == value for scope, value in scopes.items())
    return True


class AnonymousPageCacheMiddleware:
    """Serve and store whole anonymous pages; see the module docstring for the rules."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        query = request.META.get("QUERY_STRING", "")
        if request.method != "GET" or len(query) > MAX_QUERY or not _anonymous(request):
            return self.get_response(request)
        try:
            key = _key(request, query)
            found = cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY)
            if generation is None:
                generation = _generation_now()
            stored: Stored | None = found.get(key)
            fresh = stored is not None and _fresh(stored, generation)
        except Exception:  # a cache that is down (or a bad Host) must not take the page down
            return self.get_response(request)
        if stored is not None and fresh:
            _generation, headers, content, _scopes, _until = stored
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response[STATUS_HEADER] = "hit"
            return response
        answer = self.get_response(request)
        if isinstance(answer, HttpResponse) and _storable(request, answer):
            kept = [(n, v) for n, v in answer.items() if n.lower() != "set-cookie"]
            notes = _notes(request)
            until = notes.until.timestamp() if notes.until is not None else None
            stored = (generation, kept, answer.content, notes.scopes, until)
            try:
                cache.set(key, stored, TIMEOUT)
            except Exception:
                logger.warning("page cache: could not store a page")
            else:
                answer[STATUS_HEADER] = "stored"
        return answer
