"""Recognising a returning client for rate limits without storing who it is.

A client is an HMAC of its address and user agent under a random salt that lives only in the
cache and is replaced every day. Nothing here is written to the database, and after a day the
keys cannot be tied back to an address, even by someone who reads the cache.
"""

import hashlib
import hmac
import ipaddress
import secrets

from django.conf import settings
from django.core.cache import cache

SALT_TTL = 60 * 60 * 24


def _salt():
    salt = cache.get("community:client-salt")
    if salt is None:
        cache.add("community:client-salt", secrets.token_hex(32), SALT_TTL)
        salt = cache.get("community:client-salt")
    return salt.encode()


def client_address(request):
    header = getattr(settings, "KRING_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        # Set by the reverse proxy; only trusted when the deployment says so.
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def _network(address):
    """The client's address; for IPv6 its /64, which one household or phone usually holds."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_key(request, purpose):
    """A short-lived, salted key for this client, different for every purpose.

    Only the network address counts: a User-Agent is the sender's to choose, so counting it
    would let one person pass for many.
    """
    material = f"{purpose}\x1f{_network(client_address(request))}"
    return hmac.new(_salt(), material.encode(), hashlib.sha256).hexdigest()[:32]
