"""The one way to mark a response private, for every page reached by a private link or token
and every form whose answer concerns one person (an author's story, a follower's address).

Such a page must not be kept by a browser, a proxy, a shared computer or Kring's page cache
(which skips any response that says private or no-store), must not pass its address on to the
next site through the Referer header, and must not be indexed.
"""

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from django.http.response import HttpResponseBase
from django.utils.cache import add_never_cache_headers

P = ParamSpec("P")
R = TypeVar("R", bound=HttpResponseBase)

ROBOTS = "noindex, nofollow"
REFERRER_POLICY = "no-referrer"


def private(response: R) -> R:
    """`response`, marked never to be stored, indexed or named in a Referer header."""
    # Cache-Control: max-age=0, no-cache, no-store, must-revalidate, private; and Expires.
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = ROBOTS
    # The site-wide policy says the same; said here too so that a private page never depends
    # on a setting.
    response["Referrer-Policy"] = REFERRER_POLICY
    return response


def private_view(view: Callable[P, R]) -> Callable[P, R]:
    """A view whose every response is `private`."""

    @wraps(view)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        return private(view(*args, **kwargs))

    return wrapped
