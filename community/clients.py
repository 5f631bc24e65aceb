"""Recognising a returning client for rate limits without storing who it is.

A client is an HMAC of its network address (never its user agent, which the sender chooses)
under a random salt that lives only in the cache and is replaced every day. Nothing here is
written to the database, and after a day the keys cannot be tied back to an address, even by
someone who reads the cache.
"""

import hashlib
import hmac
import ipaddress
import secrets

from django.core.cache import cache
from django.http import HttpRequest

from community import conf

SALT_TTL = 60 * 60 * 24
# One household or phone usually holds an IPv6 /64; a tool that must not let one home pass for
# many counts a whole /48 (what a home connection may get) as one client.
DEFAULT_V6_PREFIX = 64


# The cache key of today's salt (live.ws.admission reads it without Django's cache client).
SALT_KEY = "community:client-salt"


def current_salt() -> bytes:
    """Today's salt, made when there is none yet."""
    salt = cache.get(SALT_KEY)
    if salt is None:
        cache.add(SALT_KEY, secrets.token_hex(32), SALT_TTL)
        salt = cache.get(SALT_KEY)
    return str(salt).encode()


def client_address(request: HttpRequest) -> str:
    """The client's address: the socket's peer, or the entry the trusted proxy added.

    With `KRING_CLIENT_IP_HEADER` set, the proxy's header is read from the right: a proxy that
    appends puts the address it saw last, and every entry to the left of it came from the
    client, who can write anything there.
    """
    header = conf.client_ip_header()
    if header and request.META.get(header):
        return str(request.META[header]).split(",")[-1].strip()
    return str(request.META.get("REMOTE_ADDR", ""))


def network(address: str, v6_prefix: int = DEFAULT_V6_PREFIX) -> str:
    """The network an address counts as: an IPv4 address itself, an IPv6 address's prefix.

    An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, what a dual-stack socket reports) is its
    IPv4 address, or every IPv4 client would fall into the one `::/64`.
    """
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/{v6_prefix}", strict=False))
    return str(ip)


def client_key(
    request: HttpRequest,
    purpose: str,
    *,
    v6_prefix: int = DEFAULT_V6_PREFIX,
    salt: bytes | None = None,
) -> str:
    """A short-lived, salted key for this client, different for every purpose.

    `salt` is today's salt when the caller already read it (current_salt()).
    """
    material = f"{purpose}\x1f{network(client_address(request), v6_prefix)}"
    return hmac.new(salt or current_salt(), material.encode(), hashlib.sha256).hexdigest()[:32]
