"""Who reported, as moderation may know it: a keyed hash of the reporter's network, per window.

A reporter is an IPv4 address or an IPv6 /64 (one household or phone); the network they report
from is the IPv4 /24 or the IPv6 /48 around it (what one home, office or provider pool may
hold). Neither address nor network is stored: only HMACs under SECRET_KEY and the report
window's salt, which is erased when the window ends.
"""

import ipaddress
from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from community.clients import client_address, network

REPORTER_V6_PREFIX = 64
NETWORK_V6_PREFIX = 48
NETWORK_V4_PREFIX = 24


@dataclass(frozen=True)
class Origin:
    """Where one report came from: the reporter and the wider network. Never stored as such."""

    reporter: str
    network: str

    def keys(self, salt: str) -> tuple[str, str]:
        return _key(salt, "reporter", self.reporter), _key(salt, "network", self.network)


def _key(salt: str, kind: str, value: str) -> str:
    return salted_hmac(
        "kring.moderation.reporters", f"{salt}\x1f{kind}\x1f{value}", algorithm="sha256"
    ).hexdigest()[:32]


def wide_network(address: str) -> str:
    """The IPv4 /24 or IPv6 /48 an address belongs to (an unparseable address is itself)."""
    wide = network(address, NETWORK_V6_PREFIX)
    try:
        ip = ipaddress.ip_address(wide)
    except ValueError:
        return wide
    return str(ipaddress.ip_network(f"{ip}/{NETWORK_V4_PREFIX}", strict=False))


def origin(request: HttpRequest) -> Origin:
    address = client_address(request)
    return Origin(reporter=network(address, REPORTER_V6_PREFIX), network=wide_network(address))
